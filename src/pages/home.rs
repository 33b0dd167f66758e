//! The course page (`/`): where the edition stands today, the course essentials from the data, and
//! the ways in (apply, estimate the fee, cancellations and refunds).

use crate::components::layout::SiteLayout;
use crate::context::{use_data, use_fmt, use_texts, use_today, Fmt, SiteData};
use crate::domain::calendar::{self, course_days, EditionState};
use crate::domain::edition::{Eligibility, LocalizedText, NextEdition};
use crate::domain::money::Percent;
use crate::i18n::common::CommonTexts;
use crate::i18n::home::HomeTexts;
use crate::i18n::{Str, Text};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use rust_decimal::Decimal;

/// The course page: the edition's state first, then dates, place, length and fee, who it is for,
/// what is included, the fees and how registration works, with Apply while applications are open.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts::<HomeTexts>();
    let c = use_texts::<CommonTexts>();
    let data = use_data();
    let fmt = use_fmt();
    let today = use_today();
    let state = Memo::new(move |_| calendar::state(&data.edition, today.get()));
    let open = move || matches!(state.get(), EditionState::Open { .. });
    let apply = move || {
        open().then(|| {
            view! {
                <A href=data.href("/apply") attr:class="button" attr:data-testid="apply">{t.apply_button}</A>
            }
        })
    };
    let lang = data.locale.tag();
    let e = &data.edition;
    let (start, end) = e.dates();
    let list_fee = fmt.money(e.fees.list_fee);
    view! {
        <Title text=c.site_name />
        <SiteLayout>
            <section class="hero" aria-labelledby="page-title">
                <p class="kicker">{edition_name(c, fmt, data)}</p>
                <h1 id="page-title">{c.site_name}</h1>
                {move || {
                    let state = state.get();
                    view! {
                        <p class="notice edition-state" data-testid="edition-state" data-state=state.code()>
                            {state_sentence(t, c, fmt, data, state)}
                        </p>
                    }
                }}
                {move || {
                    (state.get() == EditionState::Ended)
                        .then(|| data.edition.next_edition.as_ref().map(|next| next_edition(t, fmt, lang, next)))
                        .flatten()
                }}
                <p class="lead">{t.lead}</p>
                <p class="actions">
                    {apply}
                    <A href=data.href("/estimate") attr:class="button secondary">{t.cta_estimate}</A>
                    <A href=data.href("/refund") attr:class="button secondary">{t.cta_refund}</A>
                </p>
                <h2 class="visually-hidden">{t.facts_label}</h2>
                <dl class="facts">
                    <div><dt>{t.when_label}</dt><dd data-testid="course-dates">{fmt.range(start, end)}</dd></div>
                    <div><dt>{t.where_label}</dt><dd>{Text(t.where_value).fill(&[("city", e.course.city.get(lang))])}</dd></div>
                    <div>
                        <dt>{t.length_label}</dt>
                        <dd data-testid="course-length">{fmt.count(&t.course_days, course_days(e), &[])}</dd>
                    </div>
                    <div>
                        <dt>{t.fee_label}</dt>
                        <dd>{Text(t.fee_value).fill(&[("list", &list_fee)])}</dd>
                    </div>
                </dl>
                <p>{t.about}</p>
            </section>
            <section aria-labelledby="who">
                <h2 id="who">{t.who_title}</h2>
                <p>{t.who_body}</p>
                <ul>{t.who_list.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
                <p>{t.who_all_stages}</p>
            </section>
            <Included t lang />
            <Fees t fmt data />
            <section aria-labelledby="how">
                <h2 id="how">{t.apply_title}</h2>
                <ol>{t.apply_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
                {move || {
                    if open() {
                        apply().into_any()
                    } else {
                        view! { <p>{state_sentence(t, c, fmt, data, state.get())}</p> }.into_any()
                    }
                }}
                {contact(t, data)}
            </section>
        </SiteLayout>
    }
}

/// "3rd edition", "3e édition", "3.ª edición".
fn edition_name(c: &CommonTexts, fmt: Fmt, data: &SiteData) -> String {
    fmt.ordinal(&c.edition_ordinal, i64::from(data.edition.course.edition_number))
}

/// Where the edition stands, in one sentence: when applications open or close, that they are
/// closed, that the course is on, or that it has ended.
fn state_sentence(t: &HomeTexts, c: &CommonTexts, fmt: Fmt, data: &SiteData, state: EditionState) -> String {
    let edition = edition_name(c, fmt, data);
    let with_date = |text: Str, day| Text(text).fill(&[("edition", &edition), ("date", &fmt.date(day))]);
    match state {
        EditionState::Upcoming { opens } => with_date(t.state_upcoming, opens),
        EditionState::Open { closes } => with_date(t.state_open, closes),
        EditionState::Closed => with_date(t.state_closed, calendar::closes(&data.edition)),
        EditionState::InProgress => Text(t.state_in_progress).fill(&[("edition", &edition)]),
        EditionState::Ended => with_date(t.state_ended, data.edition.course.end_date),
    }
}

/// The next edition, as far as the data announces it: its dates, its sentence, its link.
fn next_edition(t: &'static HomeTexts, fmt: Fmt, lang: &str, next: &NextEdition) -> impl IntoView {
    let dates = match (next.start_date, next.end_date) {
        (Some(first), Some(last)) => Some(Text(t.next_dates).fill(&[("range", &fmt.range(first, last))])),
        (Some(first), None) => Some(Text(t.next_starts).fill(&[("date", &fmt.date(first))])),
        _ => None,
    };
    let text = next.text.as_ref().map(|text| text.get(lang).to_owned());
    let link = next.url.clone().map(|url| view! { <p><a href=url>{t.next_link}</a></p> });
    view! {
        <section class="next-edition" aria-labelledby="next-title" data-testid="next-edition">
            <h2 id="next-title">{t.next_title}</h2>
            {dates.map(|d| view! { <p>{d}</p> })}
            {text.map(|s| view! { <p>{s}</p> })}
            {link}
        </section>
    }
}

/// The brochure's "What's included?" and "What's not included?" from the edition's content, with
/// the note about accommodation under what is not included.
#[component]
fn Included(t: &'static HomeTexts, lang: &'static str) -> impl IntoView {
    let content = &use_data().edition.content;
    let items = |list: &'static [LocalizedText]| {
        list.iter().map(|item| view! { <li>{item.get(lang).to_owned()}</li> }).collect_view()
    };
    let included = (!content.included.is_empty()).then(|| {
        view! {
            <section aria-labelledby="included">
                <h2 id="included">{t.included_title}</h2>
                <ul data-testid="included">{items(&content.included)}</ul>
            </section>
        }
    });
    let note = content.not_included_note.as_ref().map(|n| view! { <p class="hint">{n.get(lang).to_owned()}</p> });
    let not_included = (!content.not_included.is_empty() || note.is_some()).then(|| {
        view! {
            <section aria-labelledby="not-included">
                <h2 id="not-included">{t.not_included_title}</h2>
                <ul data-testid="not-included">{items(&content.not_included)}</ul>
                {note}
            </section>
        }
    });
    (included.is_some() || not_included.is_some())
        .then(|| view! { <div class="columns">{included}{not_included}</div> })
}

/// The fees, every figure from the data: list fee, member rate, group rate, reduced-fee places,
/// the early bird when the edition has one, and the general conditions when the data links them.
#[component]
fn Fees(t: &'static HomeTexts, fmt: Fmt, data: &'static SiteData) -> impl IntoView {
    let fees = &data.edition.fees;
    let year = fees.member_discount.dues_year.to_string();
    let member = Text(t.fees_member).fill(&[("year", &year), ("percent", &fmt.percent(fees.member_discount.percent))]);
    let group = fmt.count(
        &t.fees_group,
        i64::from(fees.group_discount.min_size),
        &[("percent", &fmt.percent(fees.group_discount.percent))],
    );
    let income = &fees.income_places;
    let reduced = (income.places > 0).then(|| {
        let who = match income.eligible {
            Eligibility::Members => t.income_who_members.to_owned(),
            Eligibility::MembersDuesPaid => Text(t.income_who_dues_paid).fill(&[("year", &year)]),
            Eligibility::Everyone => t.income_who_everyone.to_owned(),
        };
        let places = fmt.count(&t.income_places, i64::from(income.places), &[]);
        let intro =
            Text(t.fees_income).fill(&[("who", &who), ("label", &income.classification_label), ("places", &places)]);
        let value = |p: Percent| {
            if p.value() == Decimal::ONE_HUNDRED {
                t.fee_waived.to_owned()
            } else {
                Text(t.percent_off).fill(&[("percent", &fmt.percent(p))])
            }
        };
        let low = Text(t.income_low).fill(&[("value", &value(income.low_income_percent))]);
        let middle = Text(t.income_middle).fill(&[("value", &value(income.middle_income_percent))]);
        view! { <li>{intro}<ul><li>{low}</li><li>{middle}</li></ul></li> }
    });
    let early = fees.early_bird.as_ref().map(|early| {
        let text =
            Text(t.fees_early).fill(&[("percent", &fmt.percent(early.percent)), ("date", &fmt.date(early.last_date))]);
        view! { <li data-testid="early-bird">{text}</li> }
    });
    let conditions =
        data.edition.conditions_url.clone().map(|url| view! { <p><a href=url>{t.fees_conditions}</a></p> });
    view! {
        <section aria-labelledby="fees">
            <h2 id="fees">{t.fees_title}</h2>
            <ul data-testid="fees">
                <li>{Text(t.fees_list).fill(&[("list", &fmt.money(fees.list_fee))])}</li>
                <li>{member}</li>
                <li>{group}</li>
                {reduced}
                {early}
            </ul>
            <p><A href=data.href("/estimate")>{t.cta_estimate}</A></p>
            {conditions}
        </section>
    }
}

/// "Questions: write to …" with the address as a link, when the data or the deployment gives one.
fn contact(t: &HomeTexts, data: &SiteData) -> Option<impl IntoView> {
    let email = data.config.contact(&data.edition.contact).email?;
    let (before, after) = t.apply_contact.split_once("{email}").unwrap_or((t.apply_contact, ""));
    let href = format!("mailto:{email}");
    Some(view! { <p data-testid="contact">{before}<a href=href>{email}</a>{after}</p> })
}
