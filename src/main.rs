//! The application's entry (index.html): takes over the prerendered page; nothing else.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        // Panic messages in the console help development; release builds leave the hook out (size).
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        metropolis_diploma::shell::boot::start_app();
    }
}
