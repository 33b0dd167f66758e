//! Sending and the confirmation (`/apply/done`): the application in the outbox is sent (with the
//! countdown between attempts and the wait while offline), paused with "Try again" and a download
//! of the answers, refused (back to the check page) or in conflict; once received, the reference,
//! what happens next and a printable record of the answers and the fee. The confirmation is kept
//! on the device, so this page still shows it when reloaded.
//!
//! [`Submission`]: crate::domain::submission::Submission

use super::fee::FeeSummary;
use super::fee::Figures;
use super::shell::{focus_soon, FormShell};
use super::state::use_form;
use super::words::{use_words, with_email, Words};
use crate::domain::draft::Envelope;
use crate::domain::outbox::{Failure, Sent, AUTOMATIC_ATTEMPTS};
use crate::domain::submission::canonical_key;
use crate::i18n::Text;
use crate::shell::submission::{self, Finished, Progress};
use crate::shell::{files, storage};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use serde::Deserialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// What the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shown {
    /// Before the page is live (the prerender, hydration).
    Loading,
    /// Being sent.
    Progress(Progress),
    /// Not sent yet, safe on the device: "Try again".
    Paused(Failure),
    /// The key was already received with other answers.
    Conflict,
    /// Received.
    Sent(Sent),
    /// Nothing sent from this browser.
    Nothing,
}

/// Sending, then the confirmation.
#[component]
pub fn DonePage() -> impl IntoView {
    let form = use_form();
    let w = use_words();
    let t = w.t;
    let data = w.data;
    let navigate = use_navigate();
    let shown = RwSignal::new(Shown::Loading);
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    let endpoint = StoredValue::new(String::new());
    let timeout_ms = data.config.submission.timeout_seconds * 1_000;
    let start = move || {
        let alive = alive.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let endpoint = endpoint.get_value();
            let still = || alive.load(Ordering::Relaxed);
            let report = |p: Progress| {
                shown.try_set(Shown::Progress(p));
            };
            let finished = submission::run(&endpoint, timeout_ms, &still, &report).await;
            let next = match finished {
                Finished::Sent(sent) => {
                    if form.draft.with_untracked(|d| canonical_key(&d.key)) == sent_key(&sent) {
                        form.reset();
                    }
                    Shown::Sent(sent)
                }
                Finished::Paused(f) => Shown::Paused(f),
                Finished::Conflict => Shown::Conflict,
                Finished::Nothing => storage::read_sent().map_or(Shown::Nothing, Shown::Sent),
                Finished::Rejected => {
                    if still() {
                        navigate("/apply/check", NavigateOptions { replace: true, ..NavigateOptions::default() });
                    }
                    return;
                }
                Finished::Stopped => return,
            };
            shown.try_set(next);
            // The outcome's heading takes the focus, so that screen-reader users hear it.
            focus_soon("page-title".to_owned());
        });
    };
    let begin = start.clone();
    Effect::new(move |_| {
        endpoint.set_value(submission::endpoint_url(&data.config.submission.endpoint, data.config.base_path()));
        begin();
    });
    let try_again = move |_| {
        submission::resume();
        shown.set(Shown::Progress(Progress::Sending));
        start();
    };
    let view = move || match shown.get() {
        Shown::Loading => view! {
            <Title text=format!("{} – {}", t.record_title, t.title) />
            <h1 id="page-title" tabindex="-1">{t.record_title}</h1>
        }
        .into_any(),
        Shown::Progress(p) => {
            let status = match p {
                Progress::Sending => t.status_sending.to_owned(),
                Progress::Offline => t.status_offline.to_owned(),
                Progress::Waiting { seconds, attempt } => Text(t.status_waiting).fill(&[
                    ("seconds", &w.fmt.number(i64::from(seconds))),
                    ("n", &w.fmt.number(i64::from(attempt))),
                    ("max", &w.fmt.number(i64::from(AUTOMATIC_ATTEMPTS))),
                ]),
            };
            view! {
                <Title text=format!("{} – {}", t.send_title, t.title) />
                <h1 id="page-title" tabindex="-1">{t.send_title}</h1>
                <p class="send-status" role="status" aria-live="polite" data-testid="send-status">{status}</p>
            }
            .into_any()
        }
        Shown::Paused(failure) => {
            let reason = match failure {
                Failure::Network => t.reason_network.to_owned(),
                Failure::Timeout => t.reason_timeout.to_owned(),
                Failure::Status(s) => Text(t.reason_status).fill(&[("status", &s.to_string())]),
            };
            let write = w.contact_email().map(|email| view! { " " {with_email(t.paused_write, email)} }.into_any());
            let try_again = try_again.clone();
            view! {
                <Title text=format!("{} – {}", t.paused_title, t.title) />
                <h1 id="page-title" tabindex="-1">{t.paused_title}</h1>
                <div class="notice" data-testid="send-paused">
                    <p>{t.paused_body}{write}</p>
                    <p>{Text(t.paused_reason).fill(&[("reason", &reason)])}</p>
                </div>
                <p class="actions">
                    <button type="button" class="button needs-js" data-testid="try-again" on:click=try_again>{t.try_again}</button>
                    <button type="button" class="button secondary needs-js" data-testid="export"
                        on:click=move |_| { files::download(files::DRAFT_FILE, &answers_file(w)); }>{t.export}</button>
                </p>
            }
            .into_any()
        }
        Shown::Conflict => {
            let write = w.contact_email().map(|email| view! { " " {with_email(t.conflict_write, email)} }.into_any());
            view! {
                <Title text=format!("{} – {}", t.conflict_title, t.title) />
                <h1 id="page-title" tabindex="-1">{t.conflict_title}</h1>
                <p data-testid="send-conflict">{t.conflict_body}{write}</p>
            }
            .into_any()
        }
        Shown::Sent(sent) => view! { <Confirmation sent /> }.into_any(),
        Shown::Nothing => view! {
            <Title text=format!("{} – {}", t.record_title, t.title) />
            <h1 id="page-title" tabindex="-1">{t.record_title}</h1>
            <p data-testid="nothing-sent">{t.nothing_sent}</p>
            <p><A href=data.href("/apply")>{t.back_to_start}</A></p>
        }
        .into_any(),
    };
    view! { <FormShell>{move || view()}</FormShell> }
}

/// What the page reads back from a sent (or waiting) application's body: the contract's
/// [`Submission`], of which only these parts are shown.
#[derive(Deserialize)]
struct Body {
    idempotency_key: String,
    submitted_at: String,
    answers: crate::domain::application::Draft,
    quote: Figures,
}

impl Body {
    /// Read through a parsed value, as drafts are (`storage::decode_draft`): one reader of the
    /// answers in the WebAssembly, not one per input kind.
    fn read(text: &str) -> Option<Body> {
        serde_json::from_str::<serde_json::Value>(text).ok().and_then(|v| serde_json::from_value(v).ok())
    }
}

/// The canonical key of a sent application (from its body).
fn sent_key(sent: &Sent) -> String {
    Body::read(&sent.body).map(|b| canonical_key(&b.idempotency_key)).unwrap_or_default()
}

/// The answers as a file: the draft on the device, else the answers of the application in the
/// outbox.
fn answers_file(w: Words) -> String {
    if let Some(text) = storage::draft_text() {
        return text;
    }
    storage::read_outbox()
        .and_then(|o| Body::read(&o.body))
        .map(|s| storage::draft_json(&Envelope::new(&w.data.edition.id, &storage::now_iso(), s.answers)))
        .unwrap_or_default()
}

/// The confirmation: the reference, what happens next, and a printable record.
#[component]
fn Confirmation(sent: Sent) -> impl IntoView {
    let w = use_words();
    let t = w.t;
    let record = Body::read(&sent.body).map(|b| record(w, b));
    let steps = t.next_steps.iter().map(|s| view! { <li>{*s}</li> }.into_any()).collect_view();
    view! {
        <Title text=format!("{} – {}", t.done_title, t.title) />
        <div class="panel confirmation" data-testid="confirmation">
            <h1 id="page-title" tabindex="-1">{t.done_title}</h1>
            <p>{t.reference_label}</p>
            <p class="reference" data-testid="reference">{sent.reference}</p>
        </div>
        <p>{t.done_body} " " {t.reference_hint}</p>
        <h2>{t.next_title}</h2>
        <ol class="next-steps">{steps}</ol>
        {record}
        <p class="actions no-print">
            <button type="button" class="button secondary needs-js" on:click=|_| crate::shell::dom::print()>
                {t.print_record}
            </button>
        </p>
    }
}

/// The record of a sent application: when, every answer, and the fee.
fn record(w: Words, s: Body) -> impl IntoView {
    let t = w.t;
    let when = Text(t.sent_at).fill(&[("when", &storage::local_time(&s.submitted_at, w.data.locale.intl_tag()))]);
    let sections = crate::domain::application::Step::ALL
        .into_iter()
        .map(|step| {
            let rows = w
                .rows(&s.answers, step)
                .into_iter()
                .map(|r| {
                    view! { <div class="row"><dt>{r.label}</dt><dd class="answer">{r.value}</dd></div> }.into_any()
                })
                .collect_view();
            view! {
                <h2>{w.step_name(step)}</h2>
                <dl class="summary-list">{rows}</dl>
            }
            .into_any()
        })
        .collect_view();
    let quote = Signal::stored(s.quote);
    view! {
        <div class="record">
            <h2>{t.record_title}</h2>
            <p>{when}</p>
            {sections}
            <FeeSummary quote prefix="record" />
        </div>
    }
}
