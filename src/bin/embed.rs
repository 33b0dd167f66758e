//! Mounts the partner embed (`embed.html`: the estimator frame and the partner page); nothing else.
//! Its own binary, so that the main app's bundle does not carry the embed's code.

fn main() {
    #[cfg(feature = "web")]
    {
        // Panic messages in the console help development; release builds leave the hook out (size),
        // like the main app.
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(metropolis_diploma::embed_app::EmbedApp);
    }
}
