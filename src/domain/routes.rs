//! The app's addresses: which page a path shows. Paths here are relative to the app's base
//! (`/estimate`, not `/diploma/estimate`).

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the course.
    Home,
    /// `/estimate`: the fee estimator.
    Estimate,
    /// `/refund`: cancellations and refunds.
    Refund,
    /// `/embed`: the partner page, which lives in its own entry (`embed.html`).
    Embed,
    /// `/embed/estimate`: the partner frame, also in `embed.html` (`embed.html?frame=1&…`).
    EmbedFrame,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The page for a path; a trailing slash and the query are ignored.
    #[must_use]
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_end_matches('/');
        match path {
            // Until the application form is deployed, /apply (linked from the partner frame) shows
            // the course page, whose "How registration works" says how to apply.
            "" | "/apply" => Route::Home,
            "/estimate" => Route::Estimate,
            "/refund" => Route::Refund,
            "/embed" => Route::Embed,
            "/embed/estimate" => Route::EmbedFrame,
            _ => Route::NotFound,
        }
    }

    /// The path of this page.
    #[must_use]
    pub fn path(&self) -> &'static str {
        match self {
            Route::Home | Route::NotFound => "/",
            Route::Estimate => "/estimate",
            Route::Refund => "/refund",
            Route::Embed => "/embed",
            Route::EmbedFrame => "/embed/estimate",
        }
    }
}

/// The part of a browser pathname after the app's base (`/diploma`), always starting with `/`;
/// `None` when the path is outside the app.
#[must_use]
pub fn strip_base<'a>(pathname: &'a str, base: &str) -> Option<&'a str> {
    let rest = pathname.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/")
    } else if rest.starts_with('/') {
        Some(rest)
    } else {
        None
    }
}
