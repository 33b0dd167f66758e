//! The landing page: the course essentials from the brochure, and the ways in.

use crate::app::{href, use_data, use_locale, use_texts};
use crate::i18n::fill;
use crate::shell::{dom, intl};
use leptos::prelude::*;

/// Course dates, place, audience, inclusions and fees, with links to the estimator.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let data = use_data();
    let locale = use_locale().intl_tag();
    let e = &data.edition;
    dom::set_title(t.site_name());
    let list = intl::money(locale, &e.currency, e.fees.list_fee);
    let (start, end) = e.dates();
    let when = format!("{} – {}", intl::date(locale, start), intl::date(locale, end));
    let fees = &e.fees;
    view! {
        <section class="hero">
            <p class="kicker">{t.home_kicker()}</p>
            <h1>{e.course.name.clone()}</h1>
            <p class="lead">{t.home_lead()}</p>
            <dl class="facts">
                <div><dt>{t.home_when()}</dt><dd>{when}</dd></div>
                <div><dt>{t.home_where()}</dt><dd>{t.home_where_value()}</dd></div>
                <div><dt>{t.home_format()}</dt><dd>{t.home_format_value()}</dd></div>
                <div><dt>{t.home_fee()}</dt><dd>{fill(t.home_fee_value(), &[("list", &list)])}</dd></div>
            </dl>
            <p class="actions">
                <a class="button" href=href("/estimate")>{t.home_cta_estimate()}</a>
                " "
                <a class="button secondary" href=href("/refund")>{t.home_cta_refund()}</a>
            </p>
        </section>
        <section aria-labelledby="who">
            <h2 id="who">{t.home_who_title()}</h2>
            <p>{t.home_who_body()}</p>
            <ul>{t.home_who_list.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
        </section>
        <div class="columns">
            <section aria-labelledby="included">
                <h2 id="included">{t.home_included_title()}</h2>
                <ul>{t.home_included.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            </section>
            <section aria-labelledby="not-included">
                <h2 id="not-included">{t.home_not_included_title()}</h2>
                <ul>{t.home_not_included.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
                <p class="hint">{t.home_hotels_note()}</p>
            </section>
        </div>
        <section aria-labelledby="fees">
            <h2 id="fees">{t.home_fees_title()}</h2>
            <ul>
                <li>{fill(t.home_fees_list(), &[("list", &list)])}</li>
                <li>{fill(t.home_fees_member(), &[("year", &fees.member_discount.dues_year.to_string()), ("percent", &fees.member_discount.percent.to_string())])}</li>
                <li>{fill(t.home_fees_group(), &[("min", &fees.group_discount.min_size.to_string()), ("percent", &fees.group_discount.percent.to_string())])}</li>
                <li>{fill(t.home_fees_income(), &[("places", &fees.income_places.places.to_string()), ("label", &fees.income_places.classification_label)])}</li>
                <li>{t.home_fees_early()}</li>
            </ul>
            <p><a href=href("/estimate")>{t.home_cta_estimate()}</a></p>
        </section>
        <section aria-labelledby="how">
            <h2 id="how">{t.home_apply_title()}</h2>
            <ol>{t.home_apply_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
            <p>{fill(t.home_apply_contact(), &[("email", &e.contact.email)])}</p>
        </section>
    }
}
