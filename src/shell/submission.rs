//! Sending the application in the outbox: one POST per attempt (gloo-net) with the
//! `Idempotency-Key` header and the configured timeout, the exact same bytes every time, and the
//! loop around it. What to do after each attempt is the pure [`crate::domain::outbox::next`]; this
//! module only waits (backoff, `Retry-After`, the network coming back) and keeps the outbox record
//! current, so that a reload, a closed tab or a crash resumes where it stood.

use crate::domain::outbox::{next, Failure, Next, OutboxState, Outcome, Sent, MAX_DELAY_MS};
use crate::shell::storage;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen_futures::JsFuture;

/// Where the application stands while it is being sent, for the page to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// An attempt is on its way.
    Sending,
    /// The next attempt (number `attempt`) starts in `seconds`.
    Waiting {
        /// Seconds left, rounded up.
        seconds: u32,
        /// The coming attempt's number (1 for the first).
        attempt: u32,
    },
    /// The browser is offline: nothing is tried until it is back online.
    Offline,
}

/// How the loop ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finished {
    /// The endpoint confirmed: the sent record is kept, the draft and the outbox are gone.
    Sent(Sent),
    /// Automatic sending stopped; the record stays for "Try again".
    Paused(Failure),
    /// The endpoint refused the answers (422): the record holds the problems.
    Rejected,
    /// The key was already used with other answers (409).
    Conflict,
    /// No outbox record: nothing to send.
    Nothing,
    /// The page that started the loop is gone (or another loop took over); the record stays.
    Stopped,
}

thread_local! {
    /// The loop that may run: starting one stops any other (only one sends at a time).
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Sends the application in the outbox until the endpoint decides, the automatic attempts are
/// used up, or `alive` turns false. `endpoint` is absolute (see [`endpoint_url`]); `report` hears
/// each change of [`Progress`].
pub async fn run(endpoint: &str, timeout_ms: u32, alive: &dyn Fn() -> bool, report: &dyn Fn(Progress)) -> Finished {
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    let go_on = || alive() && GENERATION.with(Cell::get) == generation;
    let Some(mut o) = storage::read_outbox() else { return Finished::Nothing };
    match o.state {
        OutboxState::Rejected(_) => return Finished::Rejected,
        OutboxState::Conflict => return Finished::Conflict,
        OutboxState::Paused(f) => return Finished::Paused(f),
        OutboxState::Sending => {}
    }
    loop {
        if !go_on() {
            return Finished::Stopped;
        }
        if !online() {
            report(Progress::Offline);
            until_online().await;
            continue;
        }
        let now = now_ms();
        if o.not_before > now {
            // A countdown, one second at a time.
            let left = u32::try_from(o.not_before - now).unwrap_or(u32::MAX).min(MAX_DELAY_MS);
            report(Progress::Waiting { seconds: left.div_ceil(1000), attempt: o.attempts + 1 });
            sleep(left % 1000 + if left % 1000 == 0 { 1000 } else { 0 }).await;
            continue;
        }
        o.attempts += 1;
        let _ = storage::write_outbox(&o);
        report(Progress::Sending);
        let outcome = attempt(endpoint, &o.key, &o.body, timeout_ms).await;
        match next(&outcome, o.attempts, js_sys::Math::random()) {
            Next::Sent(reference) => {
                let sent = Sent { reference, body: std::mem::take(&mut o.body) };
                storage::write_sent(&sent);
                // Only now that the endpoint has confirmed: the draft (if it is this application's)
                // and the outbox go.
                if let storage::Stored::Draft(d) = storage::read_draft() {
                    if d.data.key == o.key {
                        storage::clear_draft();
                    }
                }
                storage::clear_outbox();
                return Finished::Sent(sent);
            }
            Next::Retry(ms) => {
                o.not_before = now_ms() + u64::from(ms);
                let _ = storage::write_outbox(&o);
            }
            Next::Pause(f) => {
                o.state = OutboxState::Paused(f);
                let _ = storage::write_outbox(&o);
                return Finished::Paused(f);
            }
            Next::Rejected(errors) => {
                o.state = OutboxState::Rejected(errors);
                let _ = storage::write_outbox(&o);
                return Finished::Rejected;
            }
            Next::Conflict => {
                o.state = OutboxState::Conflict;
                let _ = storage::write_outbox(&o);
                return Finished::Conflict;
            }
        }
    }
}

/// Puts a paused record back to sending, from its first automatic attempt ("Try again").
pub fn resume() {
    if let Some(mut o) = storage::read_outbox() {
        o.state = OutboxState::Sending;
        o.attempts = 0;
        o.not_before = 0;
        let _ = storage::write_outbox(&o);
    }
}

/// The endpoint as an absolute address: an `https://` (or `http://`) URL as it is, a relative one
/// (`api/applications`) under the site's base path (`/`, `/diploma/`) on this origin.
#[must_use]
pub fn endpoint_url(endpoint: &str, base_path: &str) -> String {
    if endpoint.starts_with("https://") || endpoint.starts_with("http://") {
        return endpoint.to_owned();
    }
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{base_path}{}", endpoint.trim_start_matches('/'))
}

/// Whether an application is on its way (being sent, or waiting for "Try again").
#[must_use]
pub fn pending() -> bool {
    storage::read_outbox().is_some_and(|o| matches!(o.state, OutboxState::Sending | OutboxState::Paused(_)))
}

/// Milliseconds since the epoch.
fn now_ms() -> u64 {
    // Date.now() is a whole, positive number of milliseconds well below 2^53.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = js_sys::Date::now() as u64;
    ms
}

/// Whether the browser believes it is online.
fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Waits `ms` milliseconds.
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let ms = i32::try_from(ms).unwrap_or(i32::MAX);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser says it is online again.
async fn until_online() {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    let Some(resolve) = resolve else { return };
    let handle = window_event_listener(leptos::ev::online, move |_| {
        let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
    handle.remove();
}

/// One POST of `body` to `endpoint` with the `Idempotency-Key` header, abandoned after `timeout_ms`
/// (the response's body included).
async fn attempt(endpoint: &str, key: &str, body: &str, timeout_ms: u32) -> Outcome {
    let Ok(controller) = web_sys::AbortController::new() else { return Outcome::NetworkError };
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (flag, controller) = (timed_out.clone(), controller.clone());
        set_timeout_with_handle(
            move || {
                flag.set(true);
                controller.abort();
            },
            Duration::from_millis(u64::from(timeout_ms)),
        )
        .ok()
    };
    let result = post(endpoint, key, body, &controller.signal()).await;
    if let Some(t) = timer {
        t.clear();
    }
    match result {
        Some(outcome) => outcome,
        None if timed_out.get() => Outcome::TimedOut,
        None => Outcome::NetworkError,
    }
}

async fn post(endpoint: &str, key: &str, body: &str, signal: &web_sys::AbortSignal) -> Option<Outcome> {
    let response = gloo_net::http::Request::post(endpoint)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .abort_signal(Some(signal))
        .body(body)
        .ok()?
        .send()
        .await
        .ok()?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").map(|v| retry_after_seconds(&v));
    let text = response.text().await.ok()?;
    Some(Outcome::Response { status, retry_after, body: text })
}

/// `Retry-After` as delta-seconds: an HTTP date becomes the seconds from now until then.
fn retry_after_seconds(value: &str) -> String {
    let v = value.trim();
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return v.to_owned();
    }
    let at = js_sys::Date::parse(v);
    if at.is_nan() {
        return String::new();
    }
    let seconds = ((at - js_sys::Date::now()) / 1000.0).ceil().max(0.0);
    // A date in the near future: a small, non-negative whole number.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let s = seconds.min(86_400.0) as u32;
    s.to_string()
}
