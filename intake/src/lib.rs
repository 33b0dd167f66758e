//! The reference receiver of Metropolis Diploma applications.
//!
//! `POST /api/applications` reads a [`Submission`], checks it with the same Rust rules as the app
//! ([`verify`]: every answer, and the quote priced again), and stores it once per idempotency key in
//! SQLite. `GET /api/applications` lists what was received, as JSON or CSV, for the secretariat's token.

pub mod config;
pub mod db;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::Datelike;
use db::{Db, Row, Stored};
use metropolis_diploma::domain::application::Membership;
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::dates::date_in_barcelona;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::domain::submission::{verify, ReceiverError, Submission};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The largest body accepted: 256 KiB (413 beyond).
pub const BODY_LIMIT: usize = 256 * 1024;

/// What every request handler shares.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The store.
    pub db: Arc<Db>,
    /// The edition applications are for.
    pub edition: Arc<Edition>,
    /// The World Bank country file.
    pub countries: Arc<Countries>,
    /// The secretariat's bearer token; `None`: listing is always refused.
    pub token: Option<String>,
    /// Origins that get CORS headers; empty: same origin only.
    pub allowed_origins: Vec<String>,
    /// A fixed UTC instant instead of the system clock, for tests; `None` in production.
    pub now: Option<chrono::NaiveDateTime>,
}

impl AppState {
    /// The reference prefix: `MD` and the two last digits of the course year (`MD25`).
    #[must_use]
    pub fn reference_prefix(&self) -> String {
        format!("MD{:02}", self.edition.course.start_date.year().rem_euclid(100))
    }
}

/// The receiver's routes, with the body limit and CORS for the configured origins.
pub fn app(state: AppState) -> Router {
    let origins: Vec<HeaderValue> =
        state.allowed_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    let router = Router::new()
        .route("/api/applications", get(list).post(submit))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state);
    if origins.is_empty() {
        return router;
    }
    router.layer(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION, HeaderName::from_static("idempotency-key")])
            .expose_headers([header::RETRY_AFTER])
            .max_age(std::time::Duration::from_secs(600)),
    )
}

/// `{ "errors": [ { "field", "code", "message" } ] }` with a status: the body of every refusal.
fn errors(status: StatusCode, errors: Vec<ReceiverError>) -> Response {
    let list: Vec<serde_json::Value> =
        errors.into_iter().map(|e| json!({ "field": e.field, "code": e.code, "message": e.message })).collect();
    (status, Json(json!({ "errors": list }))).into_response()
}

fn error(status: StatusCode, field: &str, code: &str, message: &str) -> Response {
    errors(status, vec![ReceiverError::new(field, code, message)])
}

/// 503 with `Retry-After`: the store failed; the sender retries with the same key.
fn unavailable(detail: &str) -> Response {
    eprintln!("intake: store error: {detail}");
    let mut response = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "body",
        "unavailable",
        "The application could not be stored; try again.",
    );
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

/// Runs a store operation off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, String> + Send + 'static) -> Result<T, String> {
    tokio::task::spawn_blocking(f).await.map_err(|e| e.to_string())?
}

/// Now in UTC: the state's fixed instant, or the system clock.
fn now(state: &AppState) -> chrono::DateTime<chrono::Utc> {
    if let Some(fixed) = state.now {
        return fixed.and_utc();
    }
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    chrono::DateTime::from_timestamp(secs, since.subsec_nanos()).unwrap_or_default()
}

async fn submit(State(state): State<AppState>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return error(StatusCode::PAYLOAD_TOO_LARGE, "body", "too_large", "The body is larger than 256 KiB.");
        }
        Err(rejection) => return error(rejection.status(), "body", "unreadable", "The body could not be read."),
    };
    let Ok(text) = std::str::from_utf8(&body) else {
        return error(StatusCode::BAD_REQUEST, "body", "invalid_json", "The body is not UTF-8 JSON.");
    };
    let submission = match Submission::from_json(text) {
        Ok(s) => s,
        Err(e) if e.code == "invalid_json" => return errors(StatusCode::BAD_REQUEST, vec![e]),
        Err(e) => return errors(StatusCode::UNPROCESSABLE_ENTITY, vec![e]),
    };
    let header_key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::trim);
    match header_key {
        None | Some("") => {
            return error(
                StatusCode::BAD_REQUEST,
                "Idempotency-Key",
                "required",
                "The Idempotency-Key header is required.",
            );
        }
        Some(key) if key != submission.idempotency_key => {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key",
                "key_mismatch",
                "The Idempotency-Key header must equal the body's idempotency_key.",
            );
        }
        Some(_) => {}
    }
    // The canonical body: the parsed contract written back, so spacing and key order do not count.
    let canonical = submission.to_json_text().into_bytes();
    let hash = db::sha256_hex(&canonical);
    let key = submission.idempotency_key.clone();

    // A key seen before is answered from the store, even if the edition data changed since.
    let db = state.db.clone();
    let lookup_key = key.clone();
    let found = match blocking(move || db.find(&lookup_key)).await {
        Ok(found) => found,
        Err(e) => return unavailable(&e),
    };
    if let Some(row) = found {
        return replay_or_conflict(&row.reference, row.body_sha256 == hash);
    }
    let now = now(&state);
    let today = date_in_barcelona(now.naive_utc());
    if let Err(list) = verify(&submission, &state.edition, &state.countries, today) {
        return errors(StatusCode::UNPROCESSABLE_ENTITY, list);
    }
    let db = state.db.clone();
    let prefix = state.reference_prefix();
    let body = text.to_owned();
    let received_at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let stored = blocking(move || db.store(&key, &hash, &body, &received_at, &prefix)).await;
    match stored {
        Ok(Stored::Created(reference)) => {
            (StatusCode::CREATED, Json(json!({ "reference": reference }))).into_response()
        }
        Ok(Stored::Replayed(reference)) => replay_or_conflict(&reference, true),
        Ok(Stored::KeyReused) => replay_or_conflict("", false),
        Err(e) => unavailable(&e),
    }
}

fn replay_or_conflict(reference: &str, same_body: bool) -> Response {
    if same_body {
        (StatusCode::OK, Json(json!({ "reference": reference }))).into_response()
    } else {
        error(
            StatusCode::CONFLICT,
            "idempotency_key",
            "key_reused",
            "This idempotency key was already used for a different application.",
        )
    }
}

/// `?format=csv` or `?format=json`.
#[derive(Debug, Default, Deserialize)]
struct ListQuery {
    format: Option<String>,
}

/// Compares without stopping at the first difference.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn authorised(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(token) = &state.token else { return false };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    given.is_some_and(|g| same_secret(g.as_bytes(), token.as_bytes()))
}

async fn list(State(state): State<AppState>, headers: HeaderMap, Query(query): Query<ListQuery>) -> Response {
    if !authorised(&state, &headers) {
        let mut response =
            error(StatusCode::UNAUTHORIZED, "Authorization", "unauthorized", "A valid bearer token is required.");
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    let format = query.format.map(|f| f.to_ascii_lowercase());
    let accepts_csv = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.split(',').any(|t| t.trim().starts_with("text/csv")));
    let csv = match format.as_deref() {
        Some("csv") => true,
        Some("json") => false,
        Some(_) => {
            return error(StatusCode::BAD_REQUEST, "format", "invalid_format", "The format must be csv or json.");
        }
        None => accepts_csv,
    };
    let db = state.db.clone();
    let rows = match blocking(move || db.list()).await {
        Ok(rows) => rows,
        Err(e) => return unavailable(&e),
    };
    if csv {
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"applications.csv\""),
            ],
            to_csv(&rows),
        )
            .into_response()
    } else {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                json!({
                    "reference": r.reference,
                    "received_at": r.received_at,
                    "idempotency_key": r.key,
                    "body_sha256": r.body_sha256,
                    "submission": serde_json::from_str::<serde_json::Value>(&r.body).unwrap_or_default(),
                })
            })
            .collect();
        Json(list).into_response()
    }
}

/// The columns of the CSV export.
pub const CSV_COLUMNS: [&str; 11] = [
    "reference",
    "received_at",
    "key",
    "name",
    "email",
    "organisation",
    "country",
    "member",
    "people",
    "per_person",
    "total",
];

/// One CSV cell: quoted when needed, and a leading `= + - @` neutralised so a spreadsheet shows it as text.
fn cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The CSV export: a header line, then one line per application, CRLF line ends (RFC 4180).
#[must_use]
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for row in rows {
        let sub = Submission::from_json(&row.body).ok();
        let a = sub.as_ref().map(|s| &s.answers);
        let q = sub.as_ref().map(|s| &s.quote);
        let member = a.and_then(|a| a.organisation.member).map(|m| match m {
            Membership::Yes => "yes",
            Membership::No => "no",
            Membership::NotSure => "not_sure",
        });
        let cells = [
            row.reference.clone(),
            row.received_at.clone(),
            row.key.clone(),
            a.map(|a| format!("{} {}", a.about.first_name.trim(), a.about.surname.trim())).unwrap_or_default(),
            a.map(|a| a.about.email.trim().to_owned()).unwrap_or_default(),
            a.map(|a| a.organisation.name.trim().to_owned()).unwrap_or_default(),
            a.and_then(|a| a.organisation.country.clone()).unwrap_or_default(),
            member.unwrap_or_default().to_owned(),
            q.map(|q| q.people.to_string()).unwrap_or_default(),
            q.map(|q| q.per_person.to_plain()).unwrap_or_default(),
            q.map(|q| q.total.to_plain()).unwrap_or_default(),
        ];
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
