//! The live quote: the breakdown, the figures with their test hooks, the reduced-place scenario,
//! the notes, and the total announced to screen readers.

use super::edition::EditionLabel;
use super::state::EstimatorState;
use super::words;
use crate::context::{use_data, use_fmt, use_texts, use_today, Fmt};
use crate::domain::fees::Quote;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::Text;
use leptos::prelude::*;

/// The quote for the answers, followed by what the page adds (`children`: the apply link, the
/// sharing and printing tools), so that each entry carries only its own.
#[component]
pub fn QuotePanel(
    /// The answers.
    state: EstimatorState,
    /// Their quote (`use_quote`).
    quote: Memo<Quote>,
    /// What follows the quote.
    children: Children,
) -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let data = use_data();
    let fmt = use_fmt();
    let today = use_today();
    let label = data.edition.fees.income_places.classification_label.as_str();
    let year = data.edition.fees.income_places.classification_year.as_str();
    let class_line = move || {
        state.country.get().map(|iso3| {
            let class = data.countries.class_of(&iso3, year);
            Text(t.country_class).fill(&[("label", label), ("class", words::income(t, class))])
        })
    };
    let announcement = move || {
        quote.with(|q| {
            Text(t.total_announcement).fill(&[
                ("total", &fmt.money(q.total)),
                ("people", &fmt.count(&t.people_n, i64::from(q.people), &[])),
                ("per_person", &fmt.money(q.per_person)),
            ])
        })
    };
    let reduced = move || {
        quote.with(|q| {
            q.reduced.as_ref().map(|r| {
                view! {
                    <div class="reduced">
                        <h3>{t.reduced_title}</h3>
                        <p>{words::tier(t, fmt, data, r.tier)}</p>
                        <p class="figure">
                            <span>{t.reduced_fee}{t.colon}</span>
                            <strong data-testid="fee-reduced" data-amount=r.per_person.to_plain()>
                                {fmt.money(r.per_person)}
                            </strong>
                        </p>
                    </div>
                }
            })
        })
    };
    let notes = move || {
        quote.with(|q| {
            q.notes.iter().map(|n| view! { <li data-note=n.code()>{words::note(t, fmt, data, n)}</li> }).collect_view()
        })
    };
    view! {
        <section class="quote" aria-labelledby="quote-title">
            <h2 id="quote-title">{t.quote_title}</h2>
            <div class="print-only">
                <p class="print-title">{Text(t.print_title).fill(&[("course", t.course_name)])}</p>
                <p>{move || Text(t.print_date).fill(&[("date", &fmt.date(today.get()))])}</p>
            </div>
            <EditionLabel />
            {move || quote.with(|q| breakdown(t, fmt, q))}
            <p class="class-line">{class_line}</p>
            {reduced}
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
            <h3>{t.notes_title}</h3>
            <ul class="notes" data-testid="notes">{notes}</ul>
            <p class="print-only">{t.print_caveat}</p>
            {children()}
        </section>
    }
}

/// The table: list fee, each discount with its percentage and amount, the fee per person, the
/// number of people and the total, with the plain amounts in `data-amount`.
fn breakdown(t: &'static EstimateTexts, fmt: Fmt, q: &Quote) -> impl IntoView {
    let lines = q
        .lines
        .iter()
        .map(|l| {
            let label = Text(t.line_discount)
                .fill(&[("rule", words::discount(t, l.rule)), ("percent", &fmt.percent(l.percent))]);
            let amount = Text(t.minus_amount).fill(&[("amount", &fmt.money(l.amount))]);
            view! { <tr data-rule=l.rule.code()><th scope="row">{label}</th><td>{amount}</td></tr> }
        })
        .collect_view();
    view! {
        <table class="breakdown">
            <caption>{t.quote_caption}</caption>
            <thead>
                <tr><th scope="col">{t.col_item}</th><th scope="col">{t.col_amount}</th></tr>
            </thead>
            <tbody>
                <tr><th scope="row">{t.line_list_fee}</th><td>{fmt.money(q.list_fee)}</td></tr>
                {lines}
            </tbody>
            <tfoot>
                <tr class="subtotal">
                    <th scope="row">{t.per_person}</th>
                    <td data-testid="fee-per-person" data-amount=q.per_person.to_plain()>{fmt.money(q.per_person)}</td>
                </tr>
                <tr>
                    <th scope="row">{t.people_count}</th>
                    <td>"× "{fmt.number(i64::from(q.people))}</td>
                </tr>
                <tr class="total">
                    <th scope="row">{t.total}</th>
                    <td data-testid="fee-total" data-amount=q.total.to_plain()>{fmt.money(q.total)}</td>
                </tr>
            </tfoot>
        </table>
    }
}
