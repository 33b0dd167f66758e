//! Which edition the figures are for, and, when it takes no applications, why.

use super::state::use_edition_state;
use crate::context::{use_data, use_fmt, use_texts};
use crate::domain::calendar::EditionState;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::Text;
use leptos::prelude::*;

/// "Fees of the 3rd edition, 17–21 November 2025", and, while the edition takes no applications,
/// a sentence saying so (not open yet, closed, under way or over): the figures stay that edition's,
/// for information, and nothing promises a place.
#[component]
pub fn EditionLabel() -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let data = use_data();
    let fmt = use_fmt();
    let course = &data.edition.course;
    let label = Text(t.edition_fees).fill(&[
        ("edition", &fmt.ordinal(&t.edition_ordinal, i64::from(course.edition_number))),
        ("dates", &fmt.range(course.start_date, course.end_date)),
    ]);
    let state = use_edition_state();
    let status = move || match state.get() {
        EditionState::Open { .. } => None,
        EditionState::Upcoming { opens } => Some(Text(t.edition_upcoming).fill(&[("date", &fmt.date(opens))])),
        EditionState::Closed => Some(t.edition_closed.to_owned()),
        EditionState::InProgress => Some(t.edition_in_progress.to_owned()),
        EditionState::Ended => Some(Text(t.edition_ended).fill(&[("date", &fmt.date(course.end_date))])),
    };
    view! {
        <p class="edition-label" data-testid="edition-label" data-state=move || state.get().code()>{label}</p>
        {move || status().map(|s| view! { <p class="notice edition-status" data-testid="edition-status">{s}</p> })}
    }
}
