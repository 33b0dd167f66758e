//! Sending an application without losing it: the outbox record kept on the device until the
//! endpoint confirms, and what to do after each attempt.
//!
//! The shell (`crate::shell::submission`) writes the record before the first attempt, makes the
//! attempts, and asks [`next`] what to do with each outcome; the record is removed only after a
//! 2xx with a reference. A reload, a closed tab or a crash finds the record and resumes.

use super::document::{self, DocumentError, Expected, Problem};
use super::submission::ReceiverError;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The outbox record's format version.
pub const OUTBOX_SCHEMA: u32 = 1;
/// Attempts made without the applicant before asking them to try again.
pub const AUTOMATIC_ATTEMPTS: u32 = 5;
/// The longest wait between two automatic attempts, and the most a `Retry-After` is honoured for.
pub const MAX_DELAY_MS: u32 = 60_000;

/// An application waiting to be confirmed by the endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outbox {
    /// The idempotency key (the draft's UUID), also sent as the `Idempotency-Key` header.
    pub key: String,
    /// The exact JSON body, written once: every attempt sends the same bytes.
    pub body: String,
    /// Attempts made since the applicant last pressed Send or Try again.
    pub attempts: u32,
    /// Epoch milliseconds before which no attempt is made (a backoff or `Retry-After`).
    pub not_before: u64,
    /// Where it stands.
    pub state: OutboxState,
}

/// Where an outbox record stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutboxState {
    /// Being sent, automatically.
    Sending,
    /// The automatic attempts are used up, or the endpoint answered in a way retrying cannot fix
    /// (e.g. 404); safe on the device until the applicant tries again. The code says why.
    Paused(Failure),
    /// The endpoint refused the answers (422): the applicant must change them.
    Rejected(Vec<ReceiverError>),
    /// The key was already used with other answers (409).
    Conflict,
}

/// Why automatic sending stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer, or the connection failed, every time.
    Network,
    /// The endpoint did not answer in time, the last time.
    Timeout,
    /// The endpoint answered with this HTTP status.
    Status(u16),
}

/// What one attempt brought back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// An HTTP response.
    Response {
        /// The status.
        status: u16,
        /// The `Retry-After` header, if any.
        retry_after: Option<String>,
        /// The body text.
        body: String,
    },
    /// The connection failed or was dropped.
    NetworkError,
    /// No response within the configured time.
    TimedOut,
}

/// What to do after an attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Received: show this reference, then clear the draft and the outbox.
    Sent(String),
    /// Try again after this many milliseconds.
    Retry(u32),
    /// Stop and ask the applicant (the record stays).
    Pause(Failure),
    /// Show these problems on the check page.
    Rejected(Vec<ReceiverError>),
    /// The key was used with other answers.
    Conflict,
}

/// The wait before automatic attempt `attempt + 1`: 1 s, 2 s, 4 s… up to [`MAX_DELAY_MS`], each
/// scaled by `0.5 + jitter / 2` for a `jitter` in `[0, 1]` (clamped; NaN counts as 0), so that many
/// browsers do not retry in step.
#[must_use]
pub fn backoff_ms(attempt: u32, jitter: f64) -> u32 {
    let base = 1_000u32.saturating_mul(1u32 << attempt.saturating_sub(1).min(16)).min(MAX_DELAY_MS);
    // A jitter that is not a number counts as 0 (NaN would otherwise turn every wait into 1 ms).
    let jitter = if jitter.is_nan() { 0.0 } else { jitter.clamp(0.0, 1.0) };
    let factor = 0.5 + jitter / 2.0;
    // In 500..=MAX_DELAY_MS, so the conversion is exact enough and never overflows.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = (f64::from(base) * factor) as u32;
    ms.clamp(1, MAX_DELAY_MS)
}

/// `Retry-After` as delta-seconds (`120`), in milliseconds, capped at [`MAX_DELAY_MS`]. HTTP dates
/// are turned into seconds by the shell, which knows the time.
#[must_use]
pub fn retry_after_ms(value: &str) -> Option<u32> {
    let v = value.trim();
    if v.is_empty() || v.len() > 9 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse::<u32>().ok().map(|s| s.saturating_mul(1_000).min(MAX_DELAY_MS))
}

/// The reference in a 2xx body `{ "reference": "…" }`, if it is a non-empty text of at most 100
/// characters.
#[must_use]
pub fn reference(body: &str) -> Option<String> {
    let v: Value = serde_json::from_str(body).ok()?;
    let r = v.get("reference")?.as_str()?.trim();
    (!r.is_empty() && r.chars().count() <= 100 && !r.chars().any(char::is_control)).then(|| r.to_owned())
}

/// The problems of a 422 body `{ "errors": [ { "field", "code", "message" } ] }`; a body that does
/// not have that shape still yields one problem, so the applicant is never left without a reason.
#[must_use]
pub fn rejection(body: &str) -> Vec<ReceiverError> {
    #[derive(Deserialize)]
    struct Body {
        errors: Vec<ReceiverError>,
    }
    let read = || -> Option<Vec<ReceiverError>> {
        let list = serde_json::from_str::<Body>(body).ok()?.errors;
        (!list.is_empty()).then_some(list)
    };
    read().unwrap_or_else(|| vec![ReceiverError::new("body", "rejected", "The application was refused.")])
}

/// What to do after attempt number `attempts` (1 for the first) brought `outcome`.
///
/// 2xx with a reference: sent. 408, 429, 5xx, a network error, a timeout, or a 2xx without a
/// reference (the same key makes a new attempt safe): retried after [`backoff_ms`], or after
/// `Retry-After` when that is longer, until [`AUTOMATIC_ATTEMPTS`]. 422: rejected. 409: conflict.
/// Any other status: paused at once, because repeating the same request cannot change it.
#[must_use]
pub fn next(outcome: &Outcome, attempts: u32, jitter: f64) -> Next {
    let (failure, wait) = match outcome {
        Outcome::Response { status, body, .. } if (200..300).contains(status) => match reference(body) {
            Some(r) => return Next::Sent(r),
            None => (Failure::Status(*status), None),
        },
        Outcome::Response { status: 422, body, .. } => return Next::Rejected(rejection(body)),
        Outcome::Response { status: 409, .. } => return Next::Conflict,
        Outcome::Response { status, retry_after, .. } if *status == 408 || *status == 429 || *status >= 500 => {
            (Failure::Status(*status), retry_after.as_deref().and_then(retry_after_ms))
        }
        Outcome::Response { status, .. } => return Next::Pause(Failure::Status(*status)),
        Outcome::NetworkError => (Failure::Network, None),
        Outcome::TimedOut => (Failure::Timeout, None),
    };
    if attempts >= AUTOMATIC_ATTEMPTS {
        return Next::Pause(failure);
    }
    Next::Retry(backoff_ms(attempts, jitter).max(wait.unwrap_or(0)))
}

impl Outbox {
    /// A new record for a body, to be sent now.
    #[must_use]
    pub fn new(key: &str, body: String) -> Outbox {
        Outbox { key: key.to_owned(), body, attempts: 0, not_before: 0, state: OutboxState::Sending }
    }

    /// The stored text: `{"schema":1,"key":…,"body":…,"attempts":…,"not_before":…,"state":…,"detail":…}`
    /// with `state` one of `sending`, `paused`, `rejected`, `conflict` and `detail` the reason of a
    /// pause (`"network"`, `"timeout"` or the HTTP status), the problems of a rejection, or `null`.
    #[must_use]
    pub fn encode(&self) -> String {
        let (state, detail) = match &self.state {
            OutboxState::Sending => (StateCode::Sending, Detail::None(None)),
            OutboxState::Paused(Failure::Network) => (StateCode::Paused, Detail::Reason("network")),
            OutboxState::Paused(Failure::Timeout) => (StateCode::Paused, Detail::Reason("timeout")),
            OutboxState::Paused(Failure::Status(s)) => (StateCode::Paused, Detail::Status(*s)),
            OutboxState::Rejected(errors) => (StateCode::Rejected, Detail::Errors(errors)),
            OutboxState::Conflict => (StateCode::Conflict, Detail::None(None)),
        };
        document::to_text(&Record {
            schema: OUTBOX_SCHEMA,
            key: self.key.clone(),
            body: self.body.clone(),
            attempts: self.attempts,
            not_before: self.not_before,
            state,
            detail,
        })
    }

    /// Reads a stored record.
    ///
    /// # Errors
    /// Not a record of this version (a field named by its path); the caller keeps the text.
    pub fn decode(text: &str) -> Result<Outbox, DocumentError> {
        let r: Record<Value> = document::from_json(text)?;
        if r.schema != OUTBOX_SCHEMA {
            let expected = Expected::OneOf(vec![OUTBOX_SCHEMA.to_string()]);
            return Err(DocumentError::new("schema", Problem::invalid(expected, &r.schema.to_string())));
        }
        let state = match r.state {
            StateCode::Sending => OutboxState::Sending,
            // A pause always restarts by hand; an unreadable reason is shown as a network problem.
            StateCode::Paused => OutboxState::Paused(match &r.detail {
                Value::String(s) if s == "timeout" => Failure::Timeout,
                Value::Number(n) => Failure::Status(n.as_u64().and_then(|n| u16::try_from(n).ok()).unwrap_or(0)),
                _ => Failure::Network,
            }),
            StateCode::Rejected => OutboxState::Rejected(
                document::from_value(r.detail)
                    .map_err(|e| DocumentError { path: document::join("detail", &e.path), problem: e.problem })?,
            ),
            StateCode::Conflict => OutboxState::Conflict,
        };
        Ok(Outbox { key: r.key, body: r.body, attempts: r.attempts, not_before: r.not_before, state })
    }
}

/// The outbox record as stored; `detail` is read as any value and interpreted with `state`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record<D> {
    schema: u32,
    key: String,
    body: String,
    #[serde(default)]
    attempts: u32,
    #[serde(default)]
    not_before: u64,
    state: StateCode,
    #[serde(default)]
    detail: D,
}

/// `detail` as written: `null`, a reason, a status, or the problems of a rejection.
#[derive(Serialize)]
#[serde(untagged)]
enum Detail<'a> {
    None(Option<()>),
    Reason(&'static str),
    Status(u16),
    Errors(&'a [ReceiverError]),
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StateCode {
    Sending,
    Paused,
    Rejected,
    Conflict,
}

/// An application the endpoint confirmed, kept so the confirmation page survives a reload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sent {
    /// The endpoint's reference.
    pub reference: String,
    /// The body that was sent (the printable record is drawn from it).
    pub body: String,
}

impl Sent {
    /// The stored text: `{"reference":…,"body":…}`.
    #[must_use]
    pub fn encode(&self) -> String {
        document::to_text(self)
    }

    /// Reads a stored confirmation.
    ///
    /// # Errors
    /// Not a confirmation.
    pub fn decode(text: &str) -> Result<Sent, DocumentError> {
        document::from_json(text)
    }
}
