//! The partner embed's entry (embed.html: the estimator frame and the partner page); nothing else.
//! Its own binary, so that partner pages never load the application form.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        metropolis_diploma::shell::boot::start_embed();
    }
}
