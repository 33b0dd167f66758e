//! "How the fee is worked out": one sentence per rule of the edition, in the order they apply.

use super::words;
use crate::context::{use_data, use_fmt, use_texts};
use crate::domain::edition::Discount;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::Text;
use leptos::prelude::*;

/// Each discount of the edition in words, with its figures from the edition file.
#[component]
pub fn Rules() -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let data = use_data();
    let fmt = use_fmt();
    let f = &data.edition.fees;
    let sentences = f
        .discount_order
        .iter()
        .map(|rule| {
            let text = match rule {
                Discount::Membership => Text(t.rule_membership).fill(&[
                    ("year", &f.member_discount.dues_year.to_string()),
                    ("percent", &fmt.percent(f.member_discount.percent)),
                    ("list", &fmt.money(f.list_fee)),
                ]),
                Discount::Group => fmt.count(
                    &t.rule_group,
                    i64::from(f.group_discount.min_size),
                    &[("percent", &fmt.percent(f.group_discount.percent))],
                ),
                Discount::IncomePlace => {
                    let p = &f.income_places;
                    fmt.count(
                        &t.rule_income,
                        i64::from(p.places),
                        &[
                            ("who", words::eligible(t, data)),
                            ("low", &words::off(t, fmt, p.low_income_percent)),
                            ("middle", &words::off(t, fmt, p.middle_income_percent)),
                            ("label", &p.classification_label),
                        ],
                    )
                }
                Discount::EarlyBird => match &f.early_bird {
                    None => t.rule_early.to_owned(),
                    Some(e) => Text(t.rule_early_bird)
                        .fill(&[("date", &fmt.date(e.last_date)), ("percent", &fmt.percent(e.percent))]),
                },
            };
            view! { <li data-rule=rule.code()><strong>{words::discount(t, *rule)}{t.colon}</strong>{text}</li> }
        })
        .collect_view();
    view! {
        <section class="rules no-print" aria-labelledby="rules-title">
            <h2 id="rules-title">{t.rules_title}</h2>
            <p>{t.rule_order}</p>
            <ol>{sentences}</ol>
        </section>
    }
}
