//! `/refund`: what comes back on cancelling on a given day, the cancellation policy, and the
//! cancellation email written the way the policy requires.
//!
//! The address carries the state (`paid`, `date`; the date defaults to today in Barcelona), so a
//! link shows the same figures. Without JavaScript the calculator and the message writer are hidden
//! (`needs-js`) and the policy, with the edition's last refund day, says everything needed to cancel.

use crate::components::layout::SiteLayout;
use crate::context::{use_data, use_fmt, use_hydrated, use_query, use_texts, use_today, Fmt, SiteData};
use crate::domain::dates::{iso, parse_iso};
use crate::domain::mail::{mailto, percent_encode};
use crate::domain::money::{AmountError, Money};
use crate::domain::refund::{assess, last_refund_day, reminder_ics, timeline, CancellationDetails, RefundAssessment};
use crate::i18n::common::CommonTexts;
use crate::i18n::refund::RefundTexts;
use crate::i18n::Text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// The refund calculator, the policy and the cancellation helper.
#[component]
pub fn RefundPage() -> impl IntoView {
    let t = use_texts::<RefundTexts>();
    let c = use_texts::<CommonTexts>();
    let data = use_data();
    let fmt = use_fmt();
    let today = use_today();

    let paid_text = RwSignal::new(String::new());
    let paid_touched = RwSignal::new(false);
    // The date from the address or typed; `None` means today.
    let date_choice = RwSignal::new(None::<String>);
    sync_with_address(paid_text, paid_touched, date_choice);

    let paid = Memo::new(move |_| Money::parse_user(&paid_text.get()));
    let date = Memo::new(move |_| match date_choice.get() {
        Some(text) => parse_iso(&text),
        None => Some(today.get()),
    });
    let assessment =
        Memo::new(move |_| date.get().map(|d| assess(&data.edition, paid.get().unwrap_or(Money::ZERO), d)));
    let paid_error = move || paid_touched.get().then(|| paid.get().err()).flatten().map(|e| t.amount_error(e));
    let date_error = move || date.get().is_none();
    let date_text = move || date_choice.get().unwrap_or_else(|| iso(today.get()));
    let paid_hint = Text(t.paid_hint).fill(&[("currency", &data.edition.currency)]);

    view! {
        <Title text=format!("{} – {}", t.refund_title, c.site_name) />
        <SiteLayout>
            <h1 id="page-title">{t.refund_title}</h1>
            <p class="lead">{t.refund_intro}</p>
            <p class="notice no-js" data-testid="refund-no-js">{t.no_js}</p>
            <div class="estimator needs-js">
                <form class="refund-form no-print" on:submit=|ev| ev.prevent_default()>
                    <div class="field" class:field-error=move || paid_error().is_some()>
                        <label for="paid">{t.paid_label}</label>
                        <p class="hint" id="paid-hint">{paid_hint}</p>
                        {move || paid_error().map(|e| view! { <p class="error-message" id="paid-error">{e}</p> })}
                        <input
                            id="paid"
                            name="paid"
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            class="input-medium"
                            prop:value=move || paid_text.get()
                            aria-describedby=move || {
                                if paid_error().is_some() { "paid-hint paid-error" } else { "paid-hint" }
                            }
                            aria-invalid=move || paid_error().is_some().then_some("true")
                            on:input=move |ev| paid_text.set(event_target_value(&ev))
                            on:change=move |_| paid_touched.set(true)
                        />
                    </div>
                    <div class="field" class:field-error=date_error>
                        <label for="cancel-date">{t.cancel_date_label}</label>
                        <p class="hint" id="cancel-date-hint">{t.cancel_date_hint}</p>
                        {move || {
                            date_error()
                                .then(|| {
                                    view! { <p class="error-message" id="cancel-date-error">{t.cancel_date_invalid}</p> }
                                })
                        }}
                        <input
                            id="cancel-date"
                            name="date"
                            type="date"
                            value=iso(data.built_for)
                            prop:value=date_text
                            aria-describedby=move || {
                                if date_error() { "cancel-date-hint cancel-date-error" } else { "cancel-date-hint" }
                            }
                            aria-invalid=move || date_error().then_some("true")
                            on:change=move |ev| date_choice.set(Some(event_target_value(&ev)))
                        />
                    </div>
                </form>
                <section class="quote refund-result" aria-labelledby="result-title">
                    <h2 id="result-title">{t.result_title}</h2>
                    <div aria-live="polite">
                        {move || {
                            assessment
                                .get()
                                .map(|a| result_view(t, c, fmt, data, &a, paid.get().ok()))
                        }}
                    </div>
                </section>
            </div>
            <Policy t fmt data />
            <CancellationEmail paid assessment />
        </SiteLayout>
    }
}

/// Reads `paid` and `date` from the address once the page is live, then keeps the address in step
/// with what the visitor enters (replacing the history entry: the figures are a view, not a visit).
fn sync_with_address(paid_text: RwSignal<String>, paid_touched: RwSignal<bool>, date_choice: RwSignal<Option<String>>) {
    let hydrated = use_hydrated();
    let query = use_query();
    let location = use_location();
    let navigate = use_navigate();
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        if !hydrated.get() || loaded.get_untracked() {
            return;
        }
        query.with_untracked(|q| {
            if let Some(p) = q.get("paid") {
                paid_touched.set(!p.trim().is_empty());
                paid_text.set(p);
            }
            if let Some(d) = q.get("date").filter(|d| parse_iso(d).is_some()) {
                date_choice.set(Some(d));
            }
        });
        loaded.set(true);
    });
    Effect::new(move |_| {
        if !loaded.get() {
            return;
        }
        let mut pairs = Vec::new();
        if let Ok(m) = Money::parse_user(&paid_text.get()) {
            pairs.push(format!("paid={}", m.to_plain()));
        }
        if let Some(d) = date_choice.get().as_deref().and_then(parse_iso) {
            pairs.push(format!("date={}", iso(d)));
        }
        let search = pairs.join("&");
        if location.search.get_untracked().trim_start_matches('?') != search {
            let path = location.pathname.get_untracked();
            let to = if search.is_empty() { path } else { format!("{path}?{search}") };
            let options =
                NavigateOptions { resolve: false, replace: true, scroll: false, ..NavigateOptions::default() };
            navigate(&to, options);
        }
    });
}

/// The answer for one assessment: refund or not, the amounts when an amount was entered, the last
/// refund day and when the refund is paid, and the timeline.
fn result_view(
    t: &'static RefundTexts,
    c: &'static CommonTexts,
    fmt: Fmt,
    data: &SiteData,
    a: &RefundAssessment,
    paid: Option<Money>,
) -> impl IntoView {
    let headline = if a.refunded {
        Text(t.result_refund).fill(&[("percent", &fmt.percent(data.edition.refund.percent))])
    } else {
        Text(t.result_no_refund).fill(&[("date", &fmt.date(a.last_refund_day))])
    };
    let relative = match a.days_left {
        0 => t.deadline_today.to_owned(),
        n if n > 0 => fmt.count(&t.days_left, n, &[]),
        n => fmt.count(&t.deadline_passed, -n, &[]),
    };
    let amounts = match paid {
        Some(_) => view! {
            <dl class="summary-list">
                <div>
                    <dt>{t.refund_amount_label}</dt>
                    <dd data-testid="refund-amount" data-amount=a.refund.to_plain()>{fmt.money(a.refund)}</dd>
                </div>
                <div>
                    <dt>{t.kept_label}</dt>
                    <dd data-testid="refund-kept" data-amount=a.kept.to_plain()>{fmt.money(a.kept)}</dd>
                </div>
            </dl>
        }
        .into_any(),
        None => view! { <p>{t.result_enter_amount}</p> }.into_any(),
    };
    let due_iso = a.due_by.map(iso).unwrap_or_default();
    let due_text = a.due_by.map_or_else(|| t.due_by_none.to_owned(), |d| fmt.date(d));
    view! {
        <p class="headline" data-testid="refund-verdict" data-refund=if a.refunded { "yes" } else { "no" }>
            <strong>{headline}</strong>
        </p>
        {amounts}
        <dl class="summary-list">
            <div>
                <dt>{t.deadline_label}</dt>
                <dd>
                    <span data-testid="refund-deadline" data-date=iso(a.last_refund_day)>{fmt.date(a.last_refund_day)}</span>
                    " ("{relative}")"
                </dd>
            </div>
            <div>
                <dt>{t.due_by_label}</dt>
                <dd data-testid="refund-due-by" data-date=due_iso>{due_text}</dd>
            </div>
        </dl>
        <p>{t.bank_fees}</p>
        {timeline_view(t, c, fmt, a)}
    }
}

/// The cancellation date against the last refund day and the course start, drawn so the answer is
/// seen at a glance; the words are in its accessible name. Colours come from the stylesheet's
/// classes (the Content-Security-Policy allows no style attributes).
fn timeline_view(t: &RefundTexts, c: &CommonTexts, fmt: Fmt, a: &RefundAssessment) -> impl IntoView {
    let p = timeline(a.date, a.last_refund_day, a.course_start);
    // Whole units of the drawing: formatting floats would pull float printing into the WebAssembly.
    #[allow(clippy::cast_possible_truncation)]
    let x = |f: f64| 20 + (f * 360.0).round() as i32;
    let colon = c.colon;
    let label = format!(
        "{}{colon}{}. {}{colon}{}. {}{colon}{}.",
        t.timeline_chosen,
        fmt.date(a.date),
        t.timeline_deadline,
        fmt.date(a.last_refund_day),
        t.timeline_start,
        fmt.date(a.course_start),
    );
    let (xc, xd, xs) = (x(p.chosen), x(p.last_refund_day), x(p.course_start));
    // A label near an end of the line grows inwards, so it is never cut off.
    let anchor = |x: i32| match x {
        ..=110 => "start",
        290.. => "end",
        _ => "middle",
    };
    let marker = if a.refunded { "chosen refunded" } else { "chosen late" };
    view! {
        <figure class="timeline">
            <figcaption>{t.timeline_title}</figcaption>
            <svg viewBox="0 0 400 120" role="img" aria-label=label data-testid="refund-timeline">
                <rect class="span-refund" x="20" y="44" width=(xd - 20).max(0).to_string() height="8" />
                <rect class="span-late" x=xd.to_string() y="44" width=(380 - xd).max(0).to_string() height="8" />
                <line class="deadline" x1=xd.to_string() x2=xd.to_string() y1="28" y2="68" />
                <text x=xd.to_string() y="20" text-anchor=anchor(xd)>{t.timeline_deadline}</text>
                <line class="start" x1=xs.to_string() x2=xs.to_string() y1="28" y2="68" />
                <text x=xs.to_string() y="88" text-anchor=anchor(xs)>{t.timeline_start}</text>
                <circle class=marker cx=xc.to_string() cy="48" r="9" />
                <text class="chosen-label" x=xc.to_string() y="112" text-anchor=anchor(xc)>{t.timeline_chosen}</text>
            </svg>
        </figure>
    }
}

/// The policy as the edition states it, with its figures and this edition's last refund day: what a
/// visitor without JavaScript reads, and everyone's reference.
#[component]
fn Policy(t: &'static RefundTexts, fmt: Fmt, data: &'static SiteData) -> impl IntoView {
    let policy = &data.edition.refund;
    let refund = Text(t.policy_refund).fill(&[
        ("days", &fmt.count(&t.calendar_days, i64::from(policy.days_before_start), &[])),
        ("percent", &fmt.percent(policy.percent)),
        ("start", &fmt.date(data.edition.course.start_date)),
        ("last", &fmt.date(last_refund_day(&data.edition))),
    ]);
    let reservation = data.config.contact(&data.edition.contact).reservation_email.map(|email| {
        view! { <li>{Text(t.policy_reservation_from).fill(&[("email", &email)])}</li> }
    });
    let payout =
        Text(t.policy_payout).fill(&[("payout", &fmt.count(&t.calendar_days, i64::from(policy.payout_days), &[]))]);
    view! {
        <section aria-labelledby="policy-title" data-testid="refund-policy">
            <h2 id="policy-title">{t.policy_title}</h2>
            <ul>
                <li>{t.policy_written}</li>
                {reservation}
                <li>{t.policy_details}</li>
                <li>{refund}</li>
                <li>{payout}</li>
                <li>{t.policy_after}</li>
                <li>{t.bank_fees}</li>
            </ul>
        </section>
    }
}

/// The cancellation message, with every item the policy requires, to open in a mail program or
/// copy, and a calendar reminder of the last refund day.
#[component]
fn CancellationEmail(
    paid: Memo<Result<Money, AmountError>>,
    assessment: Memo<Option<RefundAssessment>>,
) -> impl IntoView {
    let t = use_texts::<RefundTexts>();
    let c = use_texts::<CommonTexts>();
    let data = use_data();
    let fmt = use_fmt();
    let name = RwSignal::new(String::new());
    let registered = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let copied = RwSignal::new(None::<bool>);
    let reservation = data.config.contact(&data.edition.contact).reservation_email;
    let message = Memo::new(move |_| {
        let details = CancellationDetails {
            name: name.get(),
            registration_date: parse_iso(&registered.get()),
            contact: contact.get(),
        };
        email_text(t, c, fmt, data, &details, paid.get().ok(), assessment.get().as_ref())
    });
    let to = reservation.clone();
    let href = move || message.with(|(subject, body)| mailto(to.as_deref(), subject, body));
    let reminder = match &reservation {
        Some(email) => Text(t.reply_reminder_from).fill(&[("email", email)]),
        None => t.reply_reminder.to_owned(),
    };
    // The reminder's creation stamp is the browser's clock: taken once the page is live.
    let stamp = RwSignal::new(String::new());
    Effect::new(move |_| stamp.set(crate::shell::clock::utc_stamp()));
    let ics_href = move || {
        let stamp = stamp.get();
        (!stamp.is_empty()).then(|| {
            let summary = Text(t.ics_summary).fill(&[("course", c.site_name)]);
            let ics = reminder_ics(&data.edition, &summary, t.ics_description, &stamp);
            format!("data:text/calendar;charset=utf-8,{}", percent_encode(&ics))
        })
    };
    let copy = move |_| {
        let text = message.with_untracked(|(s, b)| format!("{s}\n\n{b}"));
        leptos::task::spawn_local(async move { copied.set(Some(crate::shell::dom::copy_text(&text).await)) });
    };
    let status = move || match copied.get() {
        Some(true) => t.text_copied,
        Some(false) => t.copy_failed,
        None => "",
    };
    view! {
        <section class="email needs-js no-print" aria-labelledby="email-title">
            <h2 id="email-title">{t.email_title}</h2>
            <p>{t.email_intro}</p>
            <div class="field">
                <label for="cancel-name">{t.name_label}" "<span class="optional">{t.optional}</span></label>
                <input id="cancel-name" type="text" autocomplete="name" on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="cancel-registered">
                    {t.registration_date_label}" "<span class="optional">{t.optional}</span>
                </label>
                <input
                    id="cancel-registered"
                    type="date"
                    on:change=move |ev| registered.set(event_target_value(&ev))
                    on:input=move |ev| registered.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="cancel-contact">{t.contact_label}" "<span class="optional">{t.optional}</span></label>
                <input
                    id="cancel-contact"
                    type="text"
                    autocomplete="email"
                    on:input=move |ev| contact.set(event_target_value(&ev))
                />
            </div>
            <p class="notice" data-testid="reply-reminder"><strong>{reminder}</strong></p>
            <div class="field">
                <label for="email-preview">{t.email_preview_label}</label>
                <textarea
                    id="email-preview"
                    data-testid="email-preview"
                    readonly
                    rows="16"
                    prop:value=move || message.with(|(s, b)| format!("{s}\n\n{b}"))
                ></textarea>
            </div>
            <div class="share">
                <a class="button" data-testid="mailto" href=href>{t.open_email}</a>
                <button type="button" class="button secondary" on:click=copy>{t.copy_text}</button>
                <a class="button secondary" data-testid="ics" download="refund-deadline.ics" href=ics_href>{t.remind_me}</a>
                <p role="status" class="copy-status">{status}</p>
            </div>
        </section>
    }
}

/// Subject and body of the cancellation email in the page's language. The course is named in the
/// language in the subject, and by its official name (the data's) in the body's "name of the course".
fn email_text(
    t: &RefundTexts,
    c: &CommonTexts,
    fmt: Fmt,
    data: &SiteData,
    details: &CancellationDetails,
    paid: Option<Money>,
    assessment: Option<&RefundAssessment>,
) -> (String, String) {
    let edition = &data.edition;
    let missing = t.email_missing;
    let or_missing = |s: &str| if s.trim().is_empty() { missing.to_owned() } else { s.trim().to_owned() };
    let refund = match assessment {
        Some(a) if a.refunded => Text(t.email_refund_due).fill(&[
            ("deadline", &fmt.date(a.last_refund_day)),
            ("percent", &fmt.percent(edition.refund.percent)),
            ("refund", &paid.map_or_else(|| missing.to_owned(), |_| fmt.money(a.refund))),
            ("payout", &fmt.count(&t.calendar_days, i64::from(edition.refund.payout_days), &[])),
        ]),
        Some(a) => Text(t.email_no_refund).fill(&[("deadline", &fmt.date(a.last_refund_day))]),
        None => String::new(),
    };
    let subject = Text(t.email_subject).fill(&[("course", c.site_name)]);
    let body = Text(t.email_body).fill(&[
        ("course", &edition.course.name),
        ("edition", &fmt.ordinal(&c.edition_ordinal, i64::from(edition.course.edition_number))),
        ("name", &or_missing(&details.name)),
        ("registration", &details.registration_date.map_or_else(|| missing.to_owned(), |d| fmt.date(d))),
        ("contact", &or_missing(&details.contact)),
        ("paid", &paid.map_or_else(|| missing.to_owned(), |m| fmt.money(m))),
        ("refund", &refund),
    ]);
    (subject, body)
}
