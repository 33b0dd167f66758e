//! The fee for the applicant's answers: the registration step, the check page and the printed
//! record show the same figures, from the same fee engine as the estimator.

use super::words::use_words;
use crate::domain::fees::Quote;
use crate::domain::money::Money;
use leptos::prelude::*;
use serde::Deserialize;

/// The figures of a quote the form shows. Read from a sent application's body as they are (the
/// rest of the quote, its lines and notes, is not needed to show them, and reading it would
/// bring the whole quote's reader into the WebAssembly).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Figures {
    /// Each person's fee.
    pub per_person: Money,
    /// How many people.
    pub people: u32,
    /// The total.
    pub total: Money,
    /// With a reduced-fee place, when asked for and applicable.
    pub reduced: Option<ReducedFigures>,
}

/// What a reduced-fee place would cost.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ReducedFigures {
    /// The applicant's fee with the place.
    pub per_person: Money,
    /// How many such places exist in total.
    pub places: u32,
}

impl From<&Quote> for Figures {
    fn from(q: &Quote) -> Figures {
        Figures {
            per_person: q.per_person,
            people: q.people,
            total: q.total,
            reduced: q.reduced.as_ref().map(|r| ReducedFigures { per_person: r.per_person, places: r.places }),
        }
    }
}

/// Per person, people and total, and, when a reduced-fee place is asked for and applies, what the
/// applicant would pay with one. Each figure carries its plain amount (`data-amount="607.20"`) and
/// a test id `<prefix>-per-person`, `<prefix>-total`, `<prefix>-reduced`.
#[component]
pub fn FeeSummary(
    /// The quote for the answers.
    quote: Signal<Figures>,
    /// The test ids' prefix: `fee` (live) or `record` (the record of a sent application).
    prefix: &'static str,
) -> impl IntoView {
    let w = use_words();
    let (t, fmt) = (w.t, w.fmt);
    let figure = move |label: &'static str, name: &'static str, f: fn(&Figures) -> Money| {
        view! {
            <div class="row">
                <dt>{label}</dt>
                <dd data-testid=format!("{prefix}-{name}") data-amount=move || quote.with(|q| f(q).to_plain())>
                    {move || quote.with(|q| fmt.money(f(q)))}
                </dd>
            </div>
        }
    };
    let reduced = move || {
        quote.with(|q| {
            q.reduced.as_ref().map(|r| {
                let (before, after) = t.fee_reduced.split_once("{amount}").unwrap_or((t.fee_reduced, ""));
                let note = crate::i18n::Text(t.fee_reduced_note).fill(&[("places", &fmt.number(i64::from(r.places)))]);
                view! {
                    <div class="reduced">
                        <p>
                            {before}
                            <span class="figure" data-testid=format!("{prefix}-reduced") data-amount=r.per_person.to_plain()>
                                {fmt.money(r.per_person)}
                            </span>
                            {after}
                        </p>
                        <p class="hint">{note}</p>
                    </div>
                }
                .into_any()
            })
        })
    };
    view! {
        <div class="quote" data-testid=if prefix == "fee" { "apply-quote" } else { "record-quote" }>
            <h2>{t.fee_title}</h2>
            <div aria-live="polite">
                <dl class="summary-list">
                    {figure(t.fee_per_person, "per-person", |q| q.per_person)}
                    <div class="row">
                        <dt>{t.fee_people}</dt>
                        <dd data-testid=format!("{prefix}-people")>{move || quote.with(|q| fmt.number(i64::from(q.people)))}</dd>
                    </div>
                    {figure(t.fee_total, "total", |q| q.total)}
                </dl>
                {move || reduced()}
            </div>
            <p class="hint">{t.fee_note}</p>
        </div>
    }
}
