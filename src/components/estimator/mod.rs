//! The fee estimator, shared by `/estimate` and the partner's frame (`/embed/estimate`): the
//! questions, the live quote and the rules, over the fee engine (`domain::fees`). Nothing here
//! computes a fee: the quote comes from the domain, the words from the `estimate` catalogue, every
//! figure through `use_fmt()`.

pub mod apply_link;
pub mod edition;
pub mod questions;
pub mod quote;
pub mod rules;
pub mod share;
pub mod state;
pub mod words;

use crate::context::use_texts;
use crate::domain::fees::Quote;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::Text;
use leptos::prelude::*;
use questions::Questions;
use quote::QuotePanel;
use state::EstimatorState;

/// The questions beside the live quote, which ends with `children` (the page's own actions).
#[component]
pub fn Estimator(
    /// The answers.
    state: EstimatorState,
    /// Their quote (`state::use_quote`).
    quote: Memo<Quote>,
    /// What follows the quote.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="estimator">
            <Questions state />
            <QuotePanel state quote>{children()}</QuotePanel>
        </div>
    }
}

/// The note listing the address's values that were not valid and were ignored (`people=abc`),
/// kept after the address is rewritten without them.
#[component]
pub fn IgnoredNote(
    /// The answers, with what reading the address ignored.
    state: EstimatorState,
) -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let list = move || {
        state.ignored.with(|ignored| {
            (!ignored.is_empty())
                .then(|| ignored.iter().map(|p| format!("{}={}", p.name, p.value)).collect::<Vec<_>>().join(", "))
        })
    };
    move || {
        list().map(|list| {
            view! {
                <div class="notice no-print" role="status" data-testid="param-note">
                    <p>{Text(t.params_ignored).fill(&[("list", &list)])}</p>
                </div>
            }
        })
    }
}
