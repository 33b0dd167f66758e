//! The app's addresses, relative to its base (`/estimate`, not `/diploma/estimate`): the paths
//! links are built from, and the form's pages. Matching a browser address to a page is the
//! router's job (`leptos_router`); what stays here is pure data about the addresses.

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
    /// `/embed`: the partner page (the embed entry, `embed.html`).
    Embed,
    /// `/embed/estimate`: the partner frame (`embed.html?frame=1&…`).
    EmbedFrame,
    /// `/apply` and below: the application form (see [`ApplyPage`]).
    Apply,
    /// Anything else.
    NotFound,
}

impl Route {
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

/// A page of the application form (paths after the base).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyPage {
    /// `/apply`: what you will need, drafts, privacy.
    Start,
    /// `/apply/<step>`; `true` after a "Change" link (`?return=check`): Continue goes back to the check page.
    Step(Step, bool),
    /// `/apply/check`: check your answers and send.
    Check,
    /// `/apply/done`: sending and the confirmation.
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
}
