//! Sending applications: the outbox and the confirmation in localStorage, and one attempt at the
//! endpoint with its timeout. What to do after an attempt is decided by the pure
//! [`crate::domain::outbox::next`].

use crate::domain::outbox::{Outbox, Outcome, Sent};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The localStorage key of the application being sent.
pub const OUTBOX_KEY: &str = "metropolis-diploma.outbox";
/// The localStorage key of the last confirmed application (the confirmation page reads it).
pub const SENT_KEY: &str = "metropolis-diploma.sent";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The application waiting to be sent, if any. A record this build cannot read is left in place.
#[must_use]
pub fn read_outbox() -> Option<Outbox> {
    storage()?.get_item(OUTBOX_KEY).ok().flatten().and_then(|t| Outbox::decode(&t).ok())
}

/// Whether an application is on its way (being sent, or waiting for the applicant to try again):
/// all the form's start page needs to know, without reading the whole record.
#[must_use]
pub fn outbox_pending() -> bool {
    let Some(text) = storage().and_then(|s| s.get_item(OUTBOX_KEY).ok().flatten()) else { return false };
    let state =
        crate::domain::json::parse(&text).ok().and_then(|v| v.get("state").and_then(|s| s.as_str().map(str::to_owned)));
    matches!(state.as_deref(), Some("sending" | "paused"))
}

/// Keeps the record; `false` when the browser refuses.
#[must_use]
pub fn write_outbox(o: &Outbox) -> bool {
    storage().is_some_and(|s| s.set_item(OUTBOX_KEY, &o.encode()).is_ok())
}

/// Removes the record (only after the endpoint confirmed).
pub fn clear_outbox() {
    if let Some(s) = storage() {
        let _ = s.remove_item(OUTBOX_KEY);
    }
}

/// The last confirmed application.
#[must_use]
pub fn read_sent() -> Option<Sent> {
    storage()?.get_item(SENT_KEY).ok().flatten().and_then(|t| Sent::decode(&t).ok())
}

/// Keeps the confirmation for the confirmation page.
pub fn write_sent(s: &Sent) {
    if let Some(st) = storage() {
        let _ = st.set_item(SENT_KEY, &s.encode());
    }
}

/// Milliseconds since the epoch.
#[must_use]
pub fn now_ms() -> u64 {
    // Date.now() is a whole, positive number of milliseconds well below 2^53.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = js_sys::Date::now() as u64;
    ms
}

/// A number in `[0, 1)` for the backoff's jitter.
#[must_use]
pub fn jitter() -> f64 {
    js_sys::Math::random()
}

/// Whether the browser believes it is online.
#[must_use]
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let ms = i32::try_from(ms).unwrap_or(i32::MAX);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser says it is online again.
pub async fn until_online() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = w.add_event_listener_with_callback_and_add_event_listener_options("online", &resolve, &options);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// One POST of `body` to `endpoint` (relative to the page's base, or absolute) with the
/// `Idempotency-Key` header, abandoned after `timeout_ms`.
pub async fn attempt(endpoint: &str, key: &str, body: &str, timeout_ms: u32) -> Outcome {
    let Some(window) = web_sys::window() else { return Outcome::NetworkError };
    let Ok(controller) = web_sys::AbortController::new() else { return Outcome::NetworkError };
    let headers = web_sys::Headers::new().ok();
    if let Some(h) = &headers {
        let _ = h.set("Content-Type", "application/json");
        let _ = h.set("Idempotency-Key", key);
    }
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    if let Some(h) = &headers {
        init.set_headers(h);
    }
    init.set_signal(Some(&controller.signal()));
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = timed_out.clone();
    let abort = Closure::once(move || {
        flag.set(true);
        controller.abort();
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(i32::MAX),
        )
        .ok();
    let result = read(&window, endpoint, &init).await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    drop(abort);
    match result {
        Some(outcome) => outcome,
        None if timed_out.get() => Outcome::TimedOut,
        None => Outcome::NetworkError,
    }
}

async fn read(window: &web_sys::Window, endpoint: &str, init: &web_sys::RequestInit) -> Option<Outcome> {
    let response = JsFuture::from(window.fetch_with_str_and_init(endpoint, init)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten().map(|v| retry_after_seconds(&v));
    let body = JsFuture::from(response.text().ok()?).await.ok()?.as_string().unwrap_or_default();
    Some(Outcome::Response { status, retry_after, body })
}

/// `Retry-After` as delta-seconds: an HTTP date becomes the seconds from now until then.
fn retry_after_seconds(value: &str) -> String {
    if value.trim().bytes().all(|b| b.is_ascii_digit()) {
        return value.trim().to_owned();
    }
    let at = js_sys::Date::parse(value);
    if at.is_nan() {
        return String::new();
    }
    let seconds = ((at - js_sys::Date::now()) / 1000.0).ceil().max(0.0);
    // A date in the near future: a small, non-negative whole number.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let s = seconds.min(86_400.0) as u32;
    s.to_string()
}
