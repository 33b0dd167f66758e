//! Mounts the app; nothing else.

fn main() {
    #[cfg(feature = "web")]
    {
        // Panic messages in the console help development; release builds leave the hook out (size).
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(metropolis_diploma::app::App);
    }
}
