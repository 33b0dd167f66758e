//! Mounts the app; nothing else.

fn main() {
    #[cfg(feature = "web")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(metropolis_diploma::app::App);
    }
}
