//! `/estimate`: the fee estimator, its answers in the address (a public contract: README,
//! "/estimate URL parameters").

use crate::components::estimator::apply_link::ApplyWithAnswers;
use crate::components::estimator::rules::Rules;
use crate::components::estimator::share::Share;
use crate::components::estimator::state::{read_address, use_quote, write_address, EstimatorState};
use crate::components::estimator::{Estimator, IgnoredNote};
use crate::components::layout::SiteLayout;
use crate::context::{use_data, use_fmt, use_texts};
use crate::i18n::common::CommonTexts;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::Text;
use leptos::prelude::*;
use leptos_meta::Title;

/// The estimator page: the questions, the live quote, the rules. The prerendered page shows the
/// quote for the default answers; the address's answers apply as soon as the page is live, and the
/// address follows every answer.
#[component]
pub fn EstimatePage() -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let c = use_texts::<CommonTexts>();
    let state = EstimatorState::new();
    read_address(state);
    write_address(state, use_data().href("/estimate"));
    let quote = use_quote(state);
    let people = state.people.get_untracked();
    let no_js = Text(t.no_js).fill(&[("people", &use_fmt().count(&t.people_n, i64::from(people), &[]))]);
    view! {
        <Title text=format!("{} – {}", t.estimate_title, c.site_name) />
        <SiteLayout>
            <h1>{t.estimate_title}</h1>
            <p class="lead no-print">{t.estimate_intro}</p>
            <p class="no-js notice">{no_js}</p>
            <IgnoredNote state />
            <Estimator state quote>
                <ApplyWithAnswers state />
                <Share state />
            </Estimator>
            <Rules />
        </SiteLayout>
    }
}
