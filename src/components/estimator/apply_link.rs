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

/// The link to `/apply?<answers>`, shown while the edition takes applications. On the site it is an
/// in-app link; in a partner's frame (`new_tab`) it opens the site's form, in the frame's language,
/// in a new tab.
#[component]
pub fn ApplyWithAnswers(
    /// The estimator's answers.
    state: EstimatorState,
    /// In a partner's frame: open the site in a new tab.
    #[prop(optional)]
    new_tab: bool,
) -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let new_tab_words = new_tab.then(|| use_texts::<EmbedTexts>().new_tab);
    let edition = use_edition_state();
    let base = StoredValue::new(use_data().href("/apply"));
    let href = move || format!("{}?{}", base.get_value(), apply_query(&state.params()));
    view! {
        <Show when=move || matches!(edition.get(), EditionState::Open { .. })>
            <div class="apply-answers no-print">
                <p class="hint" id="apply-answers-hint">{t.apply_hint}</p>
                {match new_tab_words {
                    Some(words) => view! {
                        <a class="button" data-testid="apply-with-answers" href=href target="_blank"
                            rel="noopener external" aria-describedby="apply-answers-hint">
                            {t.apply_with_answers}<span class="visually-hidden">{words}</span>
                        </a>
                    }.into_any(),
                    None => view! {
                        <A href=href attr:class="button" attr:data-testid="apply-with-answers"
                            attr:aria-describedby="apply-answers-hint">{t.apply_with_answers}</A>
                    }.into_any(),
                }}
            </div>
        </Show>
    }
}
