//! The app's addresses: which page a path shows. Paths here are relative to the app's base
//! (`/estimate`, not `/diploma/estimate`).

use super::application::Step;

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
    /// `/apply` and below: the application form, its own entries (`apply.html`; `send.html` for
    /// `/apply/check` and `/apply/done`).
    Apply,
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
            "" => Route::Home,
            p if p == "/apply" || p.starts_with("/apply/") => Route::Apply,
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
            Route::Apply => "/apply",
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

/// A page of the application form (paths after the base).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyPage {
    /// `/apply`: what you will need, drafts, privacy.
    Start,
    /// `/apply/<step>`; `true` after a "Change" link (`?return=check`): Continue goes back to the check page.
    Step(Step, bool),
    /// `/apply/check`: check your answers and send (`send.html`).
    Check,
    /// `/apply/done`: sending and the confirmation (`send.html`).
    Done,
}

impl ApplyPage {
    /// The page of a path after the base, with its query (`/apply/about-you?return=check`);
    /// `None` outside the form or for an unknown step.
    #[must_use]
    pub fn parse(path: &str) -> Option<ApplyPage> {
        let path = path.split('#').next().unwrap_or_default();
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let path = path.trim_end_matches('/');
        let back = query.split('&').any(|p| p == "return=check");
        match path.strip_prefix("/apply")? {
            "" => Some(ApplyPage::Start),
            "/check" => Some(ApplyPage::Check),
            "/done" => Some(ApplyPage::Done),
            rest => rest.strip_prefix('/').and_then(Step::from_slug).map(|s| ApplyPage::Step(s, back)),
        }
    }

    /// The path after the base.
    #[must_use]
    pub fn path(self) -> String {
        match self {
            ApplyPage::Start => "/apply".to_owned(),
            ApplyPage::Step(s, false) => format!("/apply/{}", s.slug()),
            ApplyPage::Step(s, true) => format!("/apply/{}?return=check", s.slug()),
            ApplyPage::Check => "/apply/check".to_owned(),
            ApplyPage::Done => "/apply/done".to_owned(),
        }
    }

    /// The HTML file that serves this page: `send.html` for checking, sending and the
    /// confirmation, `apply.html` for the start and the steps.
    #[must_use]
    pub fn entry(self) -> &'static str {
        match self {
            ApplyPage::Check | ApplyPage::Done => "send.html",
            ApplyPage::Start | ApplyPage::Step(..) => "apply.html",
        }
    }
}
