//! Helpers shared by the receiver's integration tests: a temporary database, the router in process,
//! requests, and replies read as the contract's JSON.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

// The root crate's test fixtures: the real edition and country files and one valid application.
#[path = "../../../tests/common/mod.rs"]
pub mod common;

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::NaiveDate;
use common::{countries, edition, submission_of};
use intake::db::Db;
use intake::{app, AppState, Clock, Limits};
use metropolis_diploma::domain::application::Draft;
use metropolis_diploma::domain::submission::Submission;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use tower::ServiceExt;

pub const TOKEN: &str = "s3cret-token";
pub const KEY: &str = "3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31";
pub const OTHER_KEY: &str = "6b1d4c8e-0b6f-4a57-9d2e-3f0c2a9e4c31";

/// A fresh folder under the system's temporary folder, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        let dir = std::env::temp_dir().join(format!("intake-test-{}-{n}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// The database file, in a sub-folder that `Db::open` must create.
    pub fn db(&self) -> PathBuf {
        self.0.join("data").join("intake.sqlite3")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The instant the shared fixture was sent: its day (`common::submission_day`, 2025-09-01) at 10:00
/// UTC, noon in Barcelona.
pub fn sent_at() -> Clock {
    Clock::Fixed(common::submission_day().and_hms_opt(10, 0, 0).unwrap())
}

/// A fixed clock.
pub fn clock(rfc3339: &str) -> Clock {
    Clock::fixed_from_rfc3339(rfc3339).unwrap_or_else(|| panic!("{rfc3339} is not a UTC instant"))
}

/// Limits for tests: the defaults, with a rate limit no test reaches unless it means to.
pub fn test_limits() -> Limits {
    Limits { rate_per_minute: 60_000, rate_burst: 10_000, ..Limits::default() }
}

/// The state of a receiver over a file in `dir`, on the fixture's day.
pub fn state(dir: &TempDir, token: Option<&str>, origins: &[&str]) -> AppState {
    AppState {
        token: token.map(str::to_owned),
        allowed_origins: origins.iter().map(|o| (*o).to_owned()).collect(),
        limits: test_limits(),
        clock: sent_at(),
        ..AppState::new(Db::open(&dir.db()).unwrap(), edition(), countries())
    }
}

/// The receiver as `make serve` runs it (token set, no cross-origin callers), over a file in `dir`.
pub fn receiver(dir: &TempDir) -> Router {
    app(state(dir, Some(TOKEN), &[]))
}

/// The shared valid application (a member from Spain, dues paid, registering alone) under `key`.
pub fn valid_draft(key: &str) -> Draft {
    Draft { key: key.into(), ..common::valid_draft() }
}

pub fn valid_submission(key: &str) -> Submission {
    submission_of(valid_draft(key))
}

/// The fixture's submission text with another registration date (and a matching `submitted_at`).
pub fn submission_on(key: &str, day: NaiveDate) -> Submission {
    let mut sub = valid_submission(key);
    sub.registration_date = day;
    sub.submitted_at = format!("{day}T10:00:00.000Z");
    sub
}

/// A submission as the app sends it: serde's compact JSON, the contract's field order.
pub fn json_of(sub: &Submission) -> String {
    serde_json::to_string(sub).unwrap()
}

pub fn post(key: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut request = Request::post("/api/applications").header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    request.body(body.into()).unwrap()
}

pub fn post_json(sub: &Submission) -> Request<Body> {
    post(Some(&sub.idempotency_key), json_of(sub))
}

pub fn list(auth: Option<&str>, query: &str, accept: Option<&str>) -> Request<Body> {
    let mut request = Request::get(format!("/api/applications{query}"));
    if let Some(auth) = auth {
        request = request.header(header::AUTHORIZATION, auth);
    }
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT, accept);
    }
    request.body(Body::empty()).unwrap()
}

pub fn bearer() -> String {
    format!("Bearer {TOKEN}")
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// `(field, code)` of every error of a `{ "errors": [...] }` body, which must be JSON.
    pub fn errors(&self) -> Vec<(String, String)> {
        assert_eq!(self.headers.get(header::CONTENT_TYPE).map(|v| v.to_str().unwrap()), Some("application/json"));
        let body = self.json();
        let errors = body["errors"].as_array().unwrap_or_else(|| panic!("no errors in {body}"));
        errors
            .iter()
            .map(|e| {
                assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "no message in {e}");
                (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned())
            })
            .collect()
    }

    pub fn reference(&self) -> String {
        self.json()["reference"].as_str().unwrap_or_else(|| panic!("no reference in {}", self.text)).to_owned()
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Reply { status, headers, text: String::from_utf8(bytes.to_vec()).unwrap() }
}

/// The JSON export's rows.
pub async fn stored(app: &Router) -> Vec<Value> {
    let reply = send(app, list(Some(&bearer()), "", None)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json().as_array().unwrap().clone()
}

pub fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

/// Stores `n` copies of the fixture under generated keys straight into the database (faster than
/// posting them), as the receiver would have stored them.
pub fn fill(db: &Db, n: usize) {
    let text = json_of(&valid_submission(KEY));
    for i in 0..n {
        let key = format!("00000000-0000-4000-8000-{i:012x}");
        let application = text.replace(KEY, &key);
        db.store(
            &key,
            &intake::db::sha256_hex(application.as_bytes()),
            &application,
            "2025-09-01T10:00:00.000Z",
            "MD25",
        )
        .unwrap();
    }
}
