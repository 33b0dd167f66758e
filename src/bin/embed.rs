//! The partner frame's entry (embed.html, embed/estimate: the estimator alone); nothing else.
//! Its own binary, so that partner pages never load the application form.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        metropolis_diploma::shell::boot::start_embed();
    }
}
