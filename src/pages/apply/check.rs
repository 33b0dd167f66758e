//! Check your answers (`/apply/check`): every answer with a "Change" link, the fee, and "Send
//! application". Sending validates everything again, writes the outbox and moves to `/apply/done`;
//! a refusal by the receiver (422) comes back here with each problem next to its answer.

use super::answers::Row;
use super::closed::ClosedNotice;
use super::fee::{FeeSummary, Figures};
use super::shell::FormShell;
use super::state::use_form;
use super::status::DownloadButton;
use super::words::{use_words, with_email, Words};
use crate::components::form::back_link::BackLink;
use crate::components::form::error_summary::{ErrorSummary, Problem, Target, SUMMARY_ID};
use crate::components::form::field_id;
use crate::context::use_today;
use crate::domain::application::{finalize, first_incomplete, quote_input, FieldError, Step};
use crate::domain::calendar::accepts_applications;
use crate::domain::fees::quote;
use crate::domain::outbox::{Outbox, OutboxState};
use crate::domain::submission::{canonical_key, field_error, ReceiverError, Submission, SUBMISSION_SCHEMA};
use crate::i18n::Text;
use crate::shell::storage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The problems of a refused application: those about one answer (worded in the applicant's
/// language, linked to the field), and the others as sentences.
fn refusal(w: Words, list: &[ReceiverError]) -> (Vec<FieldError>, Vec<String>) {
    let t = w.t;
    let (mut fields, mut others) = (Vec::new(), Vec::new());
    for e in list {
        match (field_error(e, &w.data.edition), e.code.as_str()) {
            (Some(f), _) => fields.push(f),
            (None, "edition_closed") => others.push(t.edition_closed.to_owned()),
            (None, "quote_mismatch") => others.push(t.rejected_quote.to_owned()),
            (None, "date_mismatch") => others.push(t.rejected_date.to_owned()),
            (None, _) => others.push(Text(t.rejected_other).fill(&[("message", &e.message)])),
        }
    }
    (fields, others)
}

/// The route of the step page with a field, back to this page after Continue.
fn change_route(field: &str) -> String {
    // A colleague's row (`registration.colleagues.0`) opens at their name.
    let colleague =
        field.strip_prefix("registration.colleagues.").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    let id = if colleague { format!("{}-name", field_id(field)) } else { field_id(field) };
    format!("/apply/{}?return=check#{id}", Step::of_field(field).slug())
}

/// Check your answers before sending.
#[component]
pub fn CheckPage() -> impl IntoView {
    let form = use_form();
    let w = use_words();
    let t = w.t;
    let data = w.data;
    let today = use_today();
    let navigate = use_navigate();
    let open = Memo::new(move |_| accepts_applications(&data.edition, today.get()));
    // The answers are shown once the stored ones are in and complete (the prerender shows the
    // heading only).
    let shown = RwSignal::new(false);
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    let other_errors = RwSignal::new(Vec::<String>::new());
    let no_storage = RwSignal::new(false);
    let sending = RwSignal::new(false);

    let go = navigate.clone();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !form.ready.get() {
            return done == Some(true);
        }
        let replace = NavigateOptions { replace: true, ..NavigateOptions::default() };
        let key = form.draft.with_untracked(|d| canonical_key(&d.key));
        match storage::read_outbox() {
            // An application on its way is followed on the sending page.
            Some(Outbox { state: OutboxState::Sending | OutboxState::Paused(_) | OutboxState::Conflict, .. }) => {
                go("/apply/done", replace);
                return true;
            }
            Some(Outbox { key: k, state: OutboxState::Rejected(list), .. }) if canonical_key(&k) == key => {
                let (fields, others) = refusal(w, &list);
                field_errors.set(fields);
                other_errors.set(others);
                request_animation_frame(|| crate::shell::dom::focus(SUMMARY_ID));
            }
            _ => {}
        }
        let incomplete = form.draft.with_untracked(|d| first_incomplete(d, &data.edition, &data.countries));
        match incomplete {
            Some(step) if open.get_untracked() && field_errors.with_untracked(Vec::is_empty) => {
                go(&format!("/apply/{}", step.slug()), replace);
            }
            _ => shown.set(true),
        }
        true
    });

    let send = move |_| {
        if sending.get_untracked() {
            return;
        }
        form.flush();
        let draft = form.draft.get_untracked();
        let day = today.get_untracked();
        match finalize(&draft, &data.edition, &data.countries, day) {
            // Changed since this page was drawn (another tab): the form opens where it needs an answer.
            Err(e) => {
                let field = e.first().map_or("about.first_name", |f| f.field.as_str());
                let step = Step::of_field(field);
                navigate(&format!("/apply/{}?return=check", step.slug()), NavigateOptions::default());
            }
            Ok(application) => {
                let key = application.answers.key.clone();
                let body = Submission {
                    schema_version: SUBMISSION_SCHEMA,
                    idempotency_key: key.clone(),
                    submitted_at: storage::now_iso(),
                    locale: data.locale.tag().to_owned(),
                    edition: data.edition.id.clone(),
                    registration_date: day,
                    answers: application.answers,
                    quote: application.quote,
                }
                .to_json_text();
                // Nothing is sent unless it is kept on the device until the receiver confirms.
                if !storage::write_outbox(&Outbox::new(&key, body)) {
                    no_storage.set(true);
                    return;
                }
                sending.set(true);
                navigate("/apply/done", NavigateOptions::default());
            }
        }
    };

    let problems = Signal::derive(move || {
        let mut list: Vec<Problem> = field_errors.with(|e| {
            e.iter().map(|f| Problem { text: w.error(f), target: Target::Page(change_route(&f.field)) }).collect()
        });
        list.extend(other_errors.get().into_iter().map(|text| Problem { text, target: Target::None }));
        list
    });
    // `try_with`: the prerender writes the title after the page's own signals are gone.
    let title = move || {
        let prefix = if problems.try_with(Vec::is_empty).unwrap_or(true) { "" } else { t.error_prefix };
        format!("{prefix}{} – {}", t.check_title, t.title)
    };
    let fee = Signal::derive(move || {
        form.draft.with(|d| Figures::from(&quote(&data.edition, &data.countries, &quote_input(d, today.get()))))
    });
    let no_storage_text = move || {
        no_storage.get().then(|| {
            let write =
                w.contact_email().map(|email| view! { " " {with_email(t.send_no_storage_write, email)} }.into_any());
            view! {
                <div class="error-summary" role="alert" data-testid="send-no-storage">
                    <p>{t.send_no_storage}{write}</p>
                </div>
            }
            .into_any()
        })
    };
    let answers = move || {
        if !shown.get() {
            return ().into_any();
        }
        if !open.get() {
            return view! { <ClosedNotice /> }.into_any();
        }
        let sections = Step::ALL
            .into_iter()
            .map(|step| {
                {
                    let rows = form.draft.with(|d| w.rows(d, step));
                    view! {
                        <h2>{w.step_name(step)}</h2>
                        <dl class="summary-list check-list" data-testid=format!("check-{}", step.slug())>
                            {rows.into_iter().map(|row| check_row(w, row, field_errors).into_any()).collect_view()}
                        </dl>
                    }
                }
                .into_any()
            })
            .collect_view();
        view! {
            {sections}
            <FeeSummary quote=fee prefix="fee" />
            {move || no_storage_text()}
            <p class="actions">
                <button type="button" class="button needs-js" data-testid="send" on:click=send.clone()
                    aria-disabled=move || sending.get().then_some("true")>{t.send}</button>
                <DownloadButton />
            </p>
        }
        .into_any()
    };
    view! {
        <Title text=title />
        <FormShell>
            <BackLink route="/apply/declarations".to_owned() />
            <ErrorSummary title=t.rejected_title problems />
            <h1 id="page-title" tabindex="-1">{t.check_title}</h1>
            {move || answers()}
        </FormShell>
    }
}

/// One answer with its "Change" link, and the receiver's problem with it, if any.
fn check_row(w: Words, row: Row, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let t = w.t;
    let field = row.field.clone();
    let error = move || {
        errors.with(|e| {
            e.iter()
                .find(|x| x.field == field || x.field.starts_with(&format!("{field}.")))
                .map(|x| view! { <p class="error-message"><span class="visually-hidden">{t.error_prefix}</span>{w.error(x)}</p> }.into_any())
        })
    };
    let href = w.data.href(&change_route(&row.field));
    view! {
        <div class="row">
            <dt>{row.label.clone()}</dt>
            <dd class="answer">{move || error()}{row.value}</dd>
            <dd class="change no-print">
                <A href=href>{t.change}<span class="visually-hidden">" " {row.label}</span></A>
            </dd>
        </div>
    }
}
