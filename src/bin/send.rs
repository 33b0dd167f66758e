//! Mounts the check-and-send pages (`send.html`, served at `/apply/check` and `/apply/done`);
//! nothing else.
//! Its own binary, so that the wizard's bundle does not carry the sending code, nor this one the
//! wizard's.

fn main() {
    #[cfg(feature = "web")]
    {
        // Panic messages in the console help development; release builds leave the hook out (size).
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(metropolis_diploma::send_app::SendApp);
    }
}
