//! Mounts the application wizard (`apply.html`); nothing else. Its own binary, so that the main
//! app's bundle does not carry the wizard's code.

fn main() {
    #[cfg(feature = "web")]
    {
        // Panic messages in the console help development; release builds leave the hook out (size).
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(metropolis_diploma::apply_app::ApplyApp);
    }
}
