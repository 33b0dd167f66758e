//! `/refund`: what comes back on cancelling on a given day, and the cancellation e-mail.

use crate::app::{use_data, use_locale, use_texts, use_today};
use crate::domain::dates::{iso, parse_iso as parse_date};
use crate::domain::edition::Edition;
use crate::domain::money::{AmountError, Money};
use crate::domain::refund::{assess, reminder_ics, timeline, CancellationDetails, RefundAssessment};
use crate::i18n::{fill, Texts};
use crate::shell::{clock, dom, intl};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The refund calculator and cancellation helper.
#[component]
pub fn RefundPage() -> impl IntoView {
    let t = use_texts();
    dom::set_title(&format!("{} – {}", t.refund_title(), t.site_name()));
    let data = use_data();
    let locale = use_locale().intl_tag();
    let today = use_today();
    let pairs = dom::query_pairs();
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());

    let paid_text = RwSignal::new(get("paid").unwrap_or_default());
    let paid_touched = RwSignal::new(!paid_text.get_untracked().is_empty());
    let date_text = RwSignal::new(get("date").filter(|d| parse_date(d).is_some()).unwrap_or_else(|| iso(today)));
    let paid = Memo::new(move |_| Money::parse_user(&paid_text.get()));
    let date = Memo::new(move |_| parse_date(&date_text.get()));
    Effect::new(move |_| {
        let mut query = Vec::new();
        if let Ok(m) = paid.get() {
            query.push(format!("paid={}", m.to_plain()));
        }
        if let Some(d) = date.get() {
            query.push(format!("date={}", iso(d)));
        }
        dom::replace_query(&query.join("&"));
    });
    let assessment = {
        let data = data.clone();
        Memo::new(move |_| {
            let d = date.get()?;
            Some((assess(&data.edition, paid.get().unwrap_or(Money::ZERO), d), paid.get().is_ok()))
        })
    };
    let currency = StoredValue::new(data.edition.currency.clone());
    let fmt = move |m: Money| currency.with_value(|c| intl::money(locale, c, m));
    let date_fmt = move |d: NaiveDate| intl::date(locale, d);
    let paid_error = move || match (paid_touched.get(), paid.get()) {
        (true, Err(e)) => Some(t.amount_error(e)),
        _ => None,
    };
    let policy = &data.edition.refund;
    let percent = policy.percent.to_string();
    let policy_values = [
        ("days", policy.days_before_start.to_string()),
        ("percent", policy.percent.to_string()),
        ("payout", policy.payout_days.to_string()),
    ];

    view! {
        <h1 id="page-title">{t.refund_title()}</h1>
        <p class="lead">{t.refund_intro()}</p>
        <div class="estimator">
            <form class="no-print" on:submit=|ev| ev.prevent_default()>
                <div class="field" class:field-error=move || paid_error().is_some()>
                    <label for="paid">{t.paid_label()}</label>
                    <p class="hint" id="paid-hint">{t.paid_hint()}</p>
                    {move || paid_error().map(|e| view! { <p class="error-message" id="paid-error">{e}</p> })}
                    <input id="paid" name="paid" type="text" inputmode="decimal" autocomplete="off" class="input-medium"
                        prop:value=move || paid_text.get()
                        aria-describedby=move || if paid_error().is_some() { "paid-hint paid-error" } else { "paid-hint" }
                        aria-invalid=move || paid_error().is_some().then_some("true")
                        on:input=move |ev| paid_text.set(event_target_value(&ev))
                        on:change=move |_| paid_touched.set(true) />
                </div>
                <div class="field" class:field-error=move || date.get().is_none()>
                    <label for="cancel-date">{t.cancel_date_label()}</label>
                    <p class="hint" id="cancel-date-hint">{t.cancel_date_hint()}</p>
                    {move || date.get().is_none().then(|| view! { <p class="error-message" id="cancel-date-error">{t.cancel_date_invalid()}</p> })}
                    <input id="cancel-date" name="date" type="date" aria-describedby="cancel-date-hint"
                        prop:value=move || date_text.get() on:change=move |ev| date_text.set(event_target_value(&ev)) />
                </div>
            </form>
            <section class="quote" aria-labelledby="result-title">
                <h2 id="result-title">{t.result_title()}</h2>
                {move || assessment.get().map(|(a, has_amount)| result_view(t, &a, has_amount, &fmt, &date_fmt, &percent))}
            </section>
        </div>
        <section aria-labelledby="policy-title">
            <h2 id="policy-title">{t.policy_title()}</h2>
            <ul>{t.policy_items.iter().map(|s| {
                let values: Vec<(&str, &str)> = policy_values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                view! { <li>{fill(s, &values)}</li> }
            }).collect_view()}</ul>
        </section>
        <CancellationEmail paid assessment />
    }
}

fn result_view(
    t: &'static Texts,
    a: &RefundAssessment,
    has_amount: bool,
    fmt: &dyn Fn(Money) -> String,
    date_fmt: &dyn Fn(NaiveDate) -> String,
    percent: &str,
) -> impl IntoView {
    let headline = if a.refunded {
        fill(t.result_refund(), &[("percent", percent)])
    } else {
        fill(t.result_no_refund(), &[("date", &date_fmt(a.last_refund_day))])
    };
    let days = match a.days_left {
        0 => t.deadline_today().to_owned(),
        1 => t.days_left_one().to_owned(),
        n if n > 1 => fill(t.days_left_many(), &[("days", &n.to_string())]),
        n => fill(t.deadline_passed(), &[("days", &(-n).to_string())]),
    };
    let due = a.due_by.map(iso).unwrap_or_default();
    let due_text = a.due_by.map_or_else(|| t.due_by_none().to_owned(), date_fmt);
    view! {
        <p class="headline" data-testid="refund-verdict" data-refund=if a.refunded { "yes" } else { "no" }><strong>{headline}</strong></p>
        {if has_amount {
            view! {
                <dl class="summary-list">
                    <div><dt>{t.refund_amount_label()}</dt>
                        <dd data-testid="refund-amount" data-amount=a.refund.to_plain()>{fmt(a.refund)}</dd></div>
                    <div><dt>{t.kept_label()}</dt><dd data-testid="refund-kept" data-amount=a.kept.to_plain()>{fmt(a.kept)}</dd></div>
                </dl>
            }.into_any()
        } else {
            view! { <p>{t.result_enter_amount()}</p> }.into_any()
        }}
        <dl class="summary-list">
            <div><dt>{t.deadline_label()}</dt>
                <dd><span data-testid="refund-deadline" data-date=iso(a.last_refund_day)>{date_fmt(a.last_refund_day)}</span>
                    " ("{days}")"</dd></div>
            <div><dt>{t.due_by_label()}</dt><dd data-testid="refund-due-by" data-date=due>{due_text}</dd></div>
        </dl>
        <p>{t.bank_fees()}</p>
        <Timeline assessment=a.clone() />
    }
}

/// The chosen date against the last refund day and the course start, drawn so the answer is seen first.
#[component]
fn Timeline(assessment: RefundAssessment) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale().intl_tag();
    let chosen = assessment.date;
    let p = timeline(chosen, assessment.last_refund_day, assessment.course_start);
    // Whole pixels: formatting floats would pull float printing into the WebAssembly.
    #[allow(clippy::cast_possible_truncation)]
    let x = |f: f64| 20 + (f * 360.0).round() as i32;
    let c = t.colon();
    let label = format!(
        "{}{c}{}. {}{c}{}. {}{c}{}.",
        t.timeline_chosen(),
        intl::date(locale, chosen),
        t.timeline_deadline(),
        intl::date(locale, assessment.last_refund_day),
        t.timeline_start(),
        intl::date(locale, assessment.course_start),
    );
    let colour = if assessment.refunded { "var(--success)" } else { "var(--error)" };
    let (xc, xd, xs) = (x(p.chosen), x(p.last_refund_day), x(p.course_start));
    view! {
        <figure class="timeline">
            <figcaption>{t.timeline_title()}</figcaption>
            <svg viewBox="0 0 400 110" role="img" aria-label=label data-testid="refund-timeline" preserveAspectRatio="xMidYMid meet">
                <rect x="20" y="48" width=(xd - 20).max(0).to_string() height="8" fill="var(--success)" opacity="0.35" />
                <rect x=xd.to_string() y="48" width=(380 - xd).max(0).to_string() height="8" fill="var(--error)" opacity="0.25" />
                <line x1=xd.to_string() x2=xd.to_string() y1="30" y2="74" stroke="var(--ink)" stroke-width="2" />
                <text x=xd.to_string() y="22" text-anchor="middle" font-size="14">{t.timeline_deadline()}</text>
                <line x1=xs.to_string() x2=xs.to_string() y1="30" y2="74" stroke="var(--accent)" stroke-width="3" />
                <text x=xs.to_string() y="92" text-anchor="end" font-size="14">{t.timeline_start()}</text>
                <circle cx=xc.to_string() cy="52" r="9" fill=colour stroke="#fff" stroke-width="2" />
                <text x=xc.to_string() y="104" text-anchor="middle" font-size="14" font-weight="700">{t.timeline_chosen()}</text>
            </svg>
        </figure>
    }
}

/// The cancellation message, with every item the policy requires, ready to send or copy.
#[component]
fn CancellationEmail(
    paid: Memo<Result<Money, AmountError>>,
    assessment: Memo<Option<(RefundAssessment, bool)>>,
) -> impl IntoView {
    let t = use_texts();
    let data = use_data();
    let locale = use_locale().intl_tag();
    let name = RwSignal::new(String::new());
    let registered = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    let edition = StoredValue::new(data.edition.clone());
    let message = Memo::new(move |_| {
        let details = CancellationDetails {
            name: name.get(),
            registration_date: parse_date(&registered.get()),
            contact: contact.get(),
        };
        edition.with_value(|e| email_text(t, locale, e, &details, paid.get().ok(), assessment.get().map(|(a, _)| a)))
    });
    let mailto = move || {
        let (subject, body) = message.get();
        let to = edition.with_value(|e| e.contact.reservation_email.clone());
        format!(
            "mailto:{to}?subject={}&body={}",
            js_sys::encode_uri_component(&subject),
            js_sys::encode_uri_component(&body)
        )
    };
    let ics = edition.with_value(|e| {
        let summary = fill(t.ics_summary(), &[("course", &e.course.name)]);
        reminder_ics(e, &summary, t.ics_description(), &clock::utc_stamp())
    });
    let ics_href = format!("data:text/calendar;charset=utf-8,{}", js_sys::encode_uri_component(&ics));
    let reservation = edition.with_value(|e| e.contact.reservation_email.clone());
    view! {
        <section class="email no-print" aria-labelledby="email-title">
            <h2 id="email-title">{t.email_title()}</h2>
            <p>{t.email_intro()}</p>
            <div class="field">
                <label for="cancel-name">{t.name_label()}" "<span class="optional">{t.optional()}</span></label>
                <input id="cancel-name" type="text" autocomplete="name" on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="cancel-registered">{t.registration_date_label()}" "<span class="optional">{t.optional()}</span></label>
                <input id="cancel-registered" type="date" on:change=move |ev| registered.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="cancel-contact">{t.contact_label()}" "<span class="optional">{t.optional()}</span></label>
                <input id="cancel-contact" type="text" autocomplete="email" on:input=move |ev| contact.set(event_target_value(&ev)) />
            </div>
            <p class="notice"><strong>{fill(t.reply_reminder(), &[("email", &reservation)])}</strong></p>
            <label for="email-preview" class="field-label">{t.email_preview_label()}</label>
            <textarea id="email-preview" data-testid="email-preview" readonly rows="14" prop:value=move || message.with(|(s, b)| format!("{s}\n\n{b}"))></textarea>
            <p class="share">
                <a class="button" data-testid="mailto" href=mailto>{t.open_email()}</a>
                <button type="button" class="button secondary" on:click=move |_| {
                    let text = message.with_untracked(|(s, b)| format!("{s}\n\n{b}"));
                    leptos::task::spawn_local(async move { copied.set(dom::copy_text(&text).await); });
                }>{t.copy_text()}</button>
                <a class="button secondary" data-testid="ics" download="refund-deadline.ics" href=ics_href>{t.remind_me()}</a>
                <span role="status" class="copy-status">{move || copied.get().then_some(t.text_copied())}</span>
            </p>
        </section>
    }
}

/// Subject and body of the cancellation e-mail in the user's language.
fn email_text(
    t: &Texts,
    locale: &str,
    edition: &Edition,
    details: &CancellationDetails,
    paid: Option<Money>,
    assessment: Option<RefundAssessment>,
) -> (String, String) {
    let missing = t.email_missing();
    let or_missing = |s: &str| if s.trim().is_empty() { missing.to_owned() } else { s.trim().to_owned() };
    let fmt = |m: Money| intl::money(locale, &edition.currency, m);
    let refund = match &assessment {
        Some(a) if a.refunded => fill(
            t.email_refund_due(),
            &[
                ("deadline", &intl::date(locale, a.last_refund_day)),
                ("percent", &edition.refund.percent.to_string()),
                ("refund", &paid.map_or_else(|| missing.to_owned(), |_| fmt(a.refund))),
                ("payout", &edition.refund.payout_days.to_string()),
            ],
        ),
        Some(a) => fill(t.email_no_refund(), &[("deadline", &intl::date(locale, a.last_refund_day))]),
        None => String::new(),
    };
    let subject = fill(t.email_subject(), &[("course", &edition.course.name)]);
    let body = fill(
        t.email_body(),
        &[
            ("course", &edition.course.name),
            ("name", &or_missing(&details.name)),
            ("registration", &details.registration_date.map_or_else(|| missing.to_owned(), |d| intl::date(locale, d))),
            ("contact", &or_missing(&details.contact)),
            ("paid", &paid.map_or_else(|| missing.to_owned(), fmt)),
            ("refund", &refund),
        ],
    );
    (subject, body)
}
