//! The check-and-send entry, `send.html` (binary `send`), served at `/apply/check` and
//! `/apply/done`.
//!
//! `/apply/check` shows every answer with "Change" links back to the form (`apply.html`) and the
//! fee; "Send application" validates the whole application, writes it to the outbox in
//! localStorage and moves to `/apply/done`. That page sends it with the `Idempotency-Key` header, retries with backoff (honouring
//! `Retry-After`), waits while the browser is offline, and keeps the record until the endpoint
//! answers 2xx with a reference; only then are the draft and the outbox cleared and the
//! confirmation kept, so the page still shows it when reloaded or bookmarked. A 422 goes back to
//! the check page, which shows the problems, each linked to its field. Built apart from the wizard so that neither bundle
//! carries the other's code.

use crate::app::{entry_view, href, provide_shared, use_base, use_data, use_today};
use crate::components::answers::rows;
use crate::components::layout::FormLayout;
use crate::domain::application::{finalize, first_incomplete, quote_input, Draft, FieldError, Step};
use crate::domain::embed::escape_html;
use crate::domain::fees;
use crate::domain::outbox::{next, Failure, Next, Outbox, OutboxState, Sent, AUTOMATIC_ATTEMPTS};
use crate::domain::routes::ApplyPage;
use crate::domain::submission::{field_error, ReceiverError, Submission, SUBMISSION_SCHEMA};
use crate::i18n::apply::ApplyTexts;
use crate::i18n::fill;
use crate::shell::data::{self, AppData};
use crate::shell::storage::{self, Store, Stored};
use crate::shell::{dom, intl, nav, submission};
use leptos::prelude::*;

/// The entry: loads the data, then sends or shows the confirmation.
#[component]
pub fn SendApp() -> impl IntoView {
    let base = dom::base_path();
    dom::restore_redirected_path(&base);
    entry_view(provide_shared(&base, true), |d| {
        let t = data::section(d, "apply", ApplyTexts::read)?;
        Ok(view! { <FormLayout><Sender t /></FormLayout> }.into_any())
    })
}

/// What the page shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Starting,
    /// Check your answers: the draft, the problems of a refused send (answers, then the others).
    Review(Box<Draft>, Vec<FieldError>, Vec<String>),
    Sending,
    Waiting {
        seconds: u32,
        attempt: u32,
    },
    Offline,
    Paused(Failure),
    Conflict,
    Done(Sent),
    Nothing,
}

/// Sends the application in the outbox, if any, and shows where it stands.
#[component]
fn Sender(t: &'static ApplyTexts) -> impl IntoView {
    let data = use_data();
    let shown = RwSignal::new(Shown::Starting);
    let target = StoredValue::new((data.config.submission.endpoint.clone(), href(&ApplyPage::Check.path())));
    let timeout_ms = data.config.submission.timeout_seconds * 1000;
    let run = move || {
        let (endpoint, check) = target.get_value();
        leptos::task::spawn_local(drive(shown, endpoint, timeout_ms, check));
    };
    let page = ApplyPage::parse(&nav::current(&use_base())).unwrap_or(ApplyPage::Done);
    let data = &*data;
    match (submission::read_outbox(), page) {
        // A refused send: its problems, on the check page.
        (Some(Outbox { key, state: OutboxState::Rejected(list), .. }), _) => match stored_draft() {
            Some(d) if d.key == key => {
                let (fields, others) = rejected(t, data, &list);
                dom::replace_path(&href(&ApplyPage::Check.path()));
                shown.set(Shown::Review(Box::new(d), fields, others));
            }
            d => review_or_leave(data, shown, d, page),
        },
        // An application on its way is followed, on the confirmation page.
        (Some(_), _) => {
            dom::replace_path(&href(&ApplyPage::Done.path()));
            run();
        }
        (None, ApplyPage::Done) => run(),
        (None, _) => review_or_leave(data, shown, stored_draft(), page),
    }
    let try_again = move |_| {
        if let Some(mut o) = submission::read_outbox() {
            o.state = OutboxState::Sending;
            o.attempts = 0;
            o.not_before = 0;
            let _ = submission::write_outbox(&o);
        }
        run();
    };
    // Back and forward between the check page and this one: the address decides again what to show
    // (an application on its way is always followed).
    storage::listen("popstate", false, |_| dom::reload());
    // Headings take the focus when the outcome is known, so screen-reader users hear it.
    Effect::new(move |_| {
        if matches!(shown.get(), Shown::Done(_) | Shown::Paused(_) | Shown::Conflict) {
            request_animation_frame(|| dom::focus("page-title"));
        }
    });
    let email = data.edition.contact.email.clone();
    move || {
        let email = email.clone();
        match shown.get() {
            Shown::Starting => ().into_any(),
            Shown::Review(draft, fields, others) => review(t, *draft, fields, others, shown, run),
            Shown::Sending | Shown::Waiting { .. } | Shown::Offline => {
                dom::set_title(&format!("{} – {}", t.send_title(), t.title()));
                let status = match shown.get_untracked() {
                    Shown::Waiting { seconds, attempt } => fill(
                        t.status_waiting(),
                        &[
                            ("seconds", &seconds.to_string()),
                            ("n", &attempt.to_string()),
                            ("max", &AUTOMATIC_ATTEMPTS.to_string()),
                        ],
                    ),
                    Shown::Offline => t.status_offline().to_owned(),
                    _ => t.status_sending().to_owned(),
                };
                view! {
                    <h1 id="page-title" tabindex="-1">{t.send_title()}</h1>
                    <p class="send-status" role="status" aria-live="polite" data-testid="send-status">{status}</p>
                }
                .into_any()
            }
            Shown::Paused(failure) => {
                dom::set_title(&format!("{} – {}", t.paused_title(), t.title()));
                let reason = match failure {
                    Failure::Network => t.reason_network().to_owned(),
                    Failure::Timeout => t.reason_timeout().to_owned(),
                    Failure::Status(s) => fill(t.reason_status(), &[("status", &s.to_string())]),
                };
                view! {
                    <h1 id="page-title" tabindex="-1">{t.paused_title()}</h1>
                    <div class="notice" data-testid="send-paused">
                        <p>{fill(t.paused_body(), &[("email", &email)])}</p>
                        <p>{fill(t.paused_reason(), &[("reason", &reason)])}</p>
                    </div>
                    <p class="actions">
                        <button type="button" class="button" data-testid="try-again" on:click=try_again>{t.try_again()}</button>
                        " "
                        <button type="button" class="button secondary" data-testid="export" on:click=|_| export()>{t.export()}</button>
                    </p>
                }
                .into_any()
            }
            Shown::Conflict => {
                dom::set_title(&format!("{} – {}", t.conflict_title(), t.title()));
                view! {
                    <h1 id="page-title" tabindex="-1">{t.conflict_title()}</h1>
                    <p data-testid="send-conflict">{fill(t.conflict_body(), &[("email", &email)])}</p>
                }
                .into_any()
            }
            Shown::Done(sent) => confirmation(t, &sent),
            Shown::Nothing => {
                dom::set_title(&format!("{} – {}", t.done_title(), t.title()));
                view! {
                    <h1 id="page-title" tabindex="-1">{t.title()}</h1>
                    <p data-testid="nothing-sent">{t.nothing_sent()}</p>
                    <p><a class="button" href=href(&ApplyPage::Start.path())>{t.start_now()}</a></p>
                }
                .into_any()
            }
        }
    }
}

/// The draft saved on this device, if readable.
fn stored_draft() -> Option<Draft> {
    match Store::local().read() {
        Stored::Draft(e) => Some(e.data),
        _ => None,
    }
}

/// The check page for a complete draft; otherwise the form's first incomplete page (or its start).
fn review_or_leave(data: &AppData, shown: RwSignal<Shown>, d: Option<Draft>, page: ApplyPage) {
    if page == ApplyPage::Done {
        return shown.set(submission::read_sent().map_or(Shown::Nothing, Shown::Done));
    }
    let d = d.unwrap_or_default();
    match first_incomplete(&d, &data.edition, &data.countries) {
        Some(step) => dom::go_to(&href(&ApplyPage::Step(step, false).path())),
        None => shown.set(Shown::Review(Box::new(d), Vec::new(), Vec::new())),
    }
}

/// A refusal (422) as the app's own field errors, worded in the applicant's language, and the
/// other problems as sentences.
fn rejected(t: &'static ApplyTexts, data: &AppData, list: &[ReceiverError]) -> (Vec<FieldError>, Vec<String>) {
    let (mut fields, mut others) = (Vec::new(), Vec::new());
    for e in list {
        match field_error(e, &data.edition) {
            Some(f) => fields.push(f),
            None if e.code == "quote_mismatch" => others.push(t.rejected_quote().to_owned()),
            None => others.push(fill(t.rejected_other(), &[("message", &e.message)])),
        }
    }
    (fields, others)
}

/// Check your answers: every answer with a "Change" link, the fee, and "Send application".
fn review(
    t: &'static ApplyTexts,
    draft: Draft,
    fields: Vec<FieldError>,
    others: Vec<String>,
    shown: RwSignal<Shown>,
    run: impl Fn() + Copy + 'static,
) -> AnyView {
    let data = use_data();
    let today = use_today();
    let failed = !fields.is_empty() || !others.is_empty();
    dom::set_title(&format!("{}{} – {}", if failed { t.error_prefix() } else { "" }, t.check_title(), t.title()));
    // Static rows as one HTML string; "Change" links go back to the form's pages.
    let mut sections = String::new();
    for step in Step::ALL {
        sections.push_str(&format!(
            "<h2>{}</h2><dl class=\"summary-list check-list\" data-testid=\"check-{}\">",
            escape_html(t.step_name(step)),
            step.slug()
        ));
        for (label, value, field) in rows(t, &draft, &data, step) {
            let url = format!("{}#{}", href(&ApplyPage::Step(step, true).path()), field.replace('.', "-"));
            sections.push_str(&format!(
                "<div><dt>{l}</dt><dd class=\"answer\">{}</dd><dd class=\"change\"><a href=\"{}\">{}<span class=\"visually-hidden\"> {l}</span></a></dd></div>",
                escape_html(&value),
                escape_html(&url),
                escape_html(t.change()),
                l = escape_html(&label)
            ));
        }
        sections.push_str("</dl>");
    }
    // The problems of a refused send, linked to the fields on the form's pages.
    let summary = failed.then(|| {
        let mut items = String::new();
        for f in &fields {
            let url = format!("{}#{}", href(&ApplyPage::Step(Step::of_field(&f.field), true).path()), f.element_id());
            items.push_str(&format!("<li><a href=\"{}\">{}</a></li>", escape_html(&url), escape_html(&t.error(f))));
        }
        for o in &others {
            items.push_str(&format!("<li>{}</li>", escape_html(o)));
        }
        request_animation_frame(|| dom::focus("error-summary"));
        view! {
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1" data-testid="error-summary">
                <h2>{t.rejected_title()}</h2>
                <ul inner_html=items></ul>
            </div>
        }
    });
    let q = fees::quote(&data.edition, &data.countries, &quote_input(&draft, today));
    let no_storage = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let key = draft.key.clone();
    let for_send = data.clone();
    let send = move |_| {
        let data = &for_send;
        if sending.get_untracked() {
            return;
        }
        let Some(d) = stored_draft().filter(|d| d.key == key) else { return dom::reload() };
        match finalize(&d, &data.edition, &data.countries, today) {
            // Changed in another tab since this page was drawn: the form shows what is missing.
            Err(e) => {
                let step = e.first().map_or(Step::AboutYou, |f| Step::of_field(&f.field));
                dom::go_to(&href(&ApplyPage::Step(step, true).path()));
            }
            Ok(application) => {
                let body = Submission {
                    schema_version: SUBMISSION_SCHEMA,
                    idempotency_key: d.key.clone(),
                    submitted_at: storage::now_iso(),
                    locale: data.locale.tag().to_owned(),
                    edition: data.edition.id.clone(),
                    registration_date: today,
                    answers: application.answers,
                    quote: application.quote,
                }
                .to_json_text();
                if !submission::write_outbox(&Outbox::new(&d.key, body)) {
                    no_storage.set(true);
                    return;
                }
                sending.set(true);
                dom::push_path(&href(&ApplyPage::Done.path()));
                shown.set(Shown::Sending);
                run();
            }
        }
    };
    let email = data.edition.contact.email.clone();
    let locale = data.locale.intl_tag();
    let money = |m| intl::money(locale, &q.currency, m);
    view! {
        <a class="back-link" href=href(&ApplyPage::Step(Step::Declarations, false).path())>{t.back()}</a>
        {summary}
        <h1 id="page-title" tabindex="-1">{t.check_title()}</h1>
        <div inner_html=sections></div>
        <section class="quote" aria-labelledby="quote-title" data-testid="apply-quote">
            <h2 id="quote-title">{t.fee_title()}</h2>
            <dl class="summary-list">
                <div><dt>{t.fee_per_person()}</dt><dd data-testid="fee-per-person" data-amount=q.per_person.to_plain()>{money(q.per_person)}</dd></div>
                <div><dt>{t.fee_people()}</dt><dd data-testid="fee-people">{q.people}</dd></div>
                <div><dt>{t.fee_total()}</dt><dd data-testid="fee-total" data-amount=q.total.to_plain()>{money(q.total)}</dd></div>
            </dl>
            <p class="hint">{t.fee_note()}</p>
        </section>
        {move || no_storage.get().then(|| view! {
            <div class="error-summary" role="alert" data-testid="send-no-storage">
                <p>{fill(t.send_no_storage(), &[("email", &email)])}</p>
            </div>
        })}
        <p class="actions">
            <button type="button" class="button" data-testid="send" on:click=send
                aria-disabled=move || sending.get().then_some("true")>{t.send()}</button>
            " "
            <button type="button" class="button secondary" data-testid="export" on:click=|_| export()>{t.export()}</button>
        </p>
    }
    .into_any()
}

/// Downloads the saved draft (or, if it is gone, nothing): the same file the wizard exports.
fn export() {
    if let Some(text) = Store::local().raw() {
        storage::download("metropolis-diploma-draft.json", &text);
    }
}

/// The attempts, until the endpoint decides or the automatic attempts are used up.
async fn drive(shown: RwSignal<Shown>, endpoint: String, timeout_ms: u32, check: String) {
    let Some(mut o) = submission::read_outbox() else {
        shown.set(submission::read_sent().map_or(Shown::Nothing, Shown::Done));
        return;
    };
    match o.state {
        OutboxState::Rejected(_) => return dom::go_to(&check),
        OutboxState::Conflict => return shown.set(Shown::Conflict),
        OutboxState::Paused(f) => return shown.set(Shown::Paused(f)),
        OutboxState::Sending => {}
    }
    loop {
        if !submission::online() {
            shown.set(Shown::Offline);
            submission::until_online().await;
        }
        let now = submission::now_ms();
        if o.not_before > now {
            let ms = u32::try_from(o.not_before - now).unwrap_or(u32::MAX).min(60_000);
            shown.set(Shown::Waiting { seconds: ms.div_ceil(1000), attempt: o.attempts + 1 });
            submission::sleep(ms).await;
            continue;
        }
        o.attempts += 1;
        let _ = submission::write_outbox(&o);
        shown.set(Shown::Sending);
        let outcome = submission::attempt(&endpoint, &o.key, &o.body, timeout_ms).await;
        match next(&outcome, o.attempts, submission::jitter()) {
            Next::Sent(reference) => {
                let sent = Sent { reference, body: std::mem::take(&mut o.body) };
                submission::write_sent(&sent);
                // Only now, after the endpoint confirmed: the draft (if it is this application's)
                // and the outbox go.
                let store = Store::local();
                if let Stored::Draft(d) = store.read() {
                    if d.data.key == o.key {
                        let _ = store.clear();
                    }
                }
                submission::clear_outbox();
                return shown.set(Shown::Done(sent));
            }
            Next::Retry(ms) => {
                o.not_before = submission::now_ms() + u64::from(ms);
                let _ = submission::write_outbox(&o);
            }
            Next::Pause(f) => {
                o.state = OutboxState::Paused(f);
                let _ = submission::write_outbox(&o);
                return shown.set(Shown::Paused(f));
            }
            Next::Rejected(errors) => {
                o.state = OutboxState::Rejected(errors);
                let _ = submission::write_outbox(&o);
                return dom::go_to(&check);
            }
            Next::Conflict => {
                o.state = OutboxState::Conflict;
                let _ = submission::write_outbox(&o);
                return shown.set(Shown::Conflict);
            }
        }
    }
}

/// The confirmation: the reference, what happens next and a printable record of the application.
fn confirmation(t: &'static ApplyTexts, sent: &Sent) -> AnyView {
    let data = use_data();
    dom::set_title(&format!("{} – {}", t.done_title(), t.title()));
    let locale = data.locale.intl_tag();
    // The record as one HTML string: far smaller in WebAssembly than an element tree.
    let mut record = String::new();
    if let Ok(sub) = Submission::from_json(&sent.body) {
        let when = storage::local_time(&sub.submitted_at, locale);
        record.push_str(&format!("<p>{}</p>", escape_html(&fill(t.sent_at(), &[("when", &when)]))));
        for step in Step::ALL {
            record.push_str(&format!("<h3>{}</h3><dl class=\"summary-list\">", escape_html(t.step_name(step))));
            for (label, value, _) in rows(t, &sub.answers, &data, step) {
                record.push_str(&format!(
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    escape_html(&label),
                    escape_html(&value)
                ));
            }
            record.push_str("</dl>");
        }
        let q = &sub.quote;
        let money = |m| intl::money(locale, &q.currency, m);
        record.push_str(&format!(
            "<h3>{}</h3><dl class=\"summary-list\"><div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd data-testid=\"record-total\" data-amount=\"{}\">{}</dd></div></dl>",
            escape_html(t.fee_title()),
            escape_html(t.fee_per_person()),
            escape_html(&money(q.per_person)),
            escape_html(t.fee_people()),
            q.people,
            escape_html(t.fee_total()),
            q.total.to_plain(),
            escape_html(&money(q.total)),
        ));
    }
    let mut next_steps = format!("<h2>{}</h2><ol>", escape_html(t.next_title()));
    for s in t.next_steps {
        next_steps.push_str(&format!("<li>{}</li>", escape_html(s)));
    }
    next_steps.push_str("</ol>");
    let course = data.edition.course.name.clone();
    view! {
        <div class="panel confirmation" data-testid="confirmation">
            <h1 id="page-title" tabindex="-1">{t.done_title()}</h1>
            <p>{t.reference_label()}<br /><strong class="reference" data-testid="reference">{sent.reference.clone()}</strong></p>
        </div>
        <p>{fill(t.done_body(), &[("course", &course)])} " " {t.reference_hint()}</p>
        <div inner_html=next_steps></div>
        <section class="record" aria-labelledby="record-title">
            <h2 id="record-title">{t.record_title()}</h2>
            <div inner_html=record></div>
        </section>
        <p class="no-print"><button type="button" class="button secondary" on:click=|_| dom::print()>{t.print_record()}</button></p>
    }
    .into_any()
}
