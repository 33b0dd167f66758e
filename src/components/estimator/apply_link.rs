//! "Apply with these answers": the application form, started with the estimator's answers.

use super::state::{use_edition_state, EstimatorState};
use crate::context::{use_data, use_texts};
use crate::domain::calendar::EditionState;
use crate::domain::estimate::EstimateParams;
use crate::i18n::embed::EmbedTexts;
use crate::i18n::estimate::EstimateTexts;
use leptos::prelude::*;
use leptos_router::components::A;

/// The query of the apply link: the estimator's own parameter names and values (README, "/estimate
/// URL parameters"), without `date` (an application is dated when it is sent) and with `reduced`
/// always written, so that the form reads an explicit answer: `member=yes&dues=yes&country=KEN&
/// people=2&reduced=no`. `dues` comes only with `member=yes`, `country` only when one is chosen.
#[must_use]
pub fn apply_query(p: &EstimateParams) -> String {
    let mut query = EstimateParams { date: None, ..p.clone() }.to_query();
    if !p.reduced {
        query.push_str("&reduced=no");
    }
    query
}

/// Whether the edition takes applications today (the link shows only then), and the link's address.
fn link(state: EstimatorState) -> (Memo<bool>, impl Fn() -> String + Copy + Send + Sync + 'static) {
    let edition = use_edition_state();
    let open = Memo::new(move |_| matches!(edition.get(), EditionState::Open { .. }));
    let base = StoredValue::new(use_data().href("/apply"));
    (open, move || format!("{}?{}", base.get_value(), apply_query(&state.params())))
}

/// "Apply with these answers" on the site: an in-app link to `/apply?<answers>` in the page's
/// language, shown while the edition takes applications.
#[component]
pub fn ApplyWithAnswers(
    /// The estimator's answers.
    state: EstimatorState,
) -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let (open, href) = link(state);
    view! {
        <Show when=move || open.get()>
            <div class="apply-answers no-print">
                <p class="hint" id="apply-answers-hint">{t.apply_hint}</p>
                <A href=href attr:class="button" attr:data-testid="apply-with-answers"
                    attr:aria-describedby="apply-answers-hint">{t.apply_with_answers}</A>
            </div>
        </Show>
    }
}

/// The same link in a partner's frame: the site's form, in the frame's language, in a new tab.
#[component]
pub fn ApplyInNewTab(
    /// The estimator's answers.
    state: EstimatorState,
) -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let e = use_texts::<EmbedTexts>();
    let (open, href) = link(state);
    view! {
        <Show when=move || open.get()>
            <div class="apply-answers no-print">
                <p class="hint" id="apply-answers-hint">{t.apply_hint}</p>
                <a class="button" data-testid="apply-with-answers" href=href target="_blank"
                    rel="noopener external" aria-describedby="apply-answers-hint">
                    {t.apply_with_answers}<span class="visually-hidden">{e.new_tab}</span>
                </a>
            </div>
        </Show>
    }
}
