//! The reference receiver of Metropolis Diploma applications.
//!
//! `POST /api/applications` reads a submission, checks it with the same Rust rules as the app and
//! prices it again ([`accept::examine`]), and stores the canonical application once per idempotency
//! key in SQLite. `GET /api/applications` streams what was received, as JSON or CSV, for the
//! secretariat's token.
//!
//! The cost of any request is bounded: a per-client rate limit whose refusals are held back (a
//! tarpit: a refused client cannot resend at once) and close their connection, a deadline for the
//! whole request, parsing and checking on a bounded number of blocking threads, and (in
//! [`server::serve`]) a header-read timeout and a cap on open connections. Every refusal carries
//! the JSON error body.

/// Writes a line to standard error, ignoring failure: `eprintln!` panics when stderr is closed
/// (a supervisor that stopped reading it), and a receiver must not stop for its log.
#[macro_export]
macro_rules! log {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod accept;
pub mod clock;
pub mod config;
pub mod db;
pub mod export;
pub mod server;

pub use clock::Clock;
pub use config::Limits;

use axum::body::{Body, Bytes};
use axum::error_handling::HandleErrorLayer;
use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequest, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, BoxError, Json, Router};
use chrono::Datelike;
use db::{Db, Stored};
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::domain::submission::ReceiverError;
use serde_json::json;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tower::ServiceBuilder;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

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
    /// Origins that get CORS headers (checked by [`config::Config::from_vars`]); empty: same origin only.
    pub allowed_origins: Vec<String>,
    /// The limits of body size, time, concurrency and rate.
    pub limits: Limits,
    /// Where "now" comes from.
    pub clock: Clock,
}

impl AppState {
    /// The state for these data with the default limits, the system clock, no token and no CORS.
    #[must_use]
    pub fn new(db: Db, edition: Edition, countries: Countries) -> AppState {
        AppState {
            db: Arc::new(db),
            edition: Arc::new(edition),
            countries: Arc::new(countries),
            token: None,
            allowed_origins: Vec::new(),
            limits: Limits::default(),
            clock: Clock::System,
        }
    }

    /// The reference prefix: `MD` and the two last digits of the course year (`MD25`).
    #[must_use]
    pub fn reference_prefix(&self) -> String {
        format!("MD{:02}", self.edition.course.start_date.year().rem_euclid(100))
    }
}

/// The state and the permits for CPU work: parsing, checking and formatting run on blocking
/// threads, at most `cpu_workers` at a time.
#[derive(Debug)]
struct Shared {
    state: AppState,
    cpu: Arc<Semaphore>,
}

type Ctx = State<Arc<Shared>>;

/// The rate limit's key: the client's address, from the configured proxy header when there is one
/// (the last entry of a list, the one the proxy added), else the peer address.
#[derive(Clone, Debug)]
struct ClientKey {
    header: Option<HeaderName>,
}

impl KeyExtractor for ClientKey {
    type Key = IpAddr;

    fn extract<T>(&self, request: &axum::http::Request<T>) -> Result<IpAddr, GovernorError> {
        let forwarded = self
            .header
            .as_ref()
            .and_then(|name| request.headers().get(name))
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        let peer = || request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        // Requests that did not come through `server::serve` (tests) share one key.
        Ok(client_of(forwarded.or_else(peer).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))))
    }
}

/// The client an address stands for: an IPv4 address (also written as IPv6), or an IPv6 /64
/// network, the usual allocation to one subscriber, who could otherwise rotate through 2⁶⁴ addresses.
fn client_of(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(std::net::Ipv6Addr::from(u128::from(v6) & !u128::from(u64::MAX))),
        v4 => v4,
    }
}

/// The receiver's routes with every limit and header of the contract: the rate limit, the request
/// deadline, the body limit, CORS for the configured origins, `X-Content-Type-Options: nosniff`
/// and `Cache-Control: no-store` on every response.
pub fn app(state: AppState) -> Router {
    let limits = state.limits.clone();
    // Checked at start already; checked again because `AllowOrigin::list` panics on `*`.
    let origins: Vec<HeaderValue> = state
        .allowed_origins
        .iter()
        .filter(|o| config::is_origin(o))
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let shared = Arc::new(Shared { cpu: Arc::new(Semaphore::new(limits.cpu_workers.max(1))), state });
    let timeout = limits.request_timeout;
    let mut router = Router::new()
        .route("/api/applications", get(list).post(submit).fallback(method_not_allowed))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .with_state(shared)
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(move |e: BoxError| async move { timed_out(&e, timeout) }))
                .timeout(timeout),
        );

    let period = Duration::from_nanos((60_000_000_000 / u64::from(limits.rate_per_minute.max(1))).max(1));
    let governor = GovernorConfigBuilder::default()
        .period(period)
        .burst_size(limits.rate_burst.max(1))
        .key_extractor(ClientKey { header: limits.client_ip_header.clone() })
        .finish();
    if let Some(governor) = governor {
        // The limiter remembers every client it has seen: forget the quiet ones once a minute, for
        // as long as this router lives.
        let limiter = Arc::downgrade(governor.limiter());
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_secs(60)).await;
                    let Some(limiter) = limiter.upgrade() else { break };
                    limiter.retain_recent();
                    limiter.shrink_to_fit();
                }
            });
        }
        router = router.layer(GovernorLayer::new(governor).error_handler(too_many_requests)).layer(
            middleware::from_fn_with_state(
                Tarpit {
                    delay: limits.tarpit,
                    held: Arc::new(Semaphore::new(limits.tarpit_connections.min(Semaphore::MAX_PERMITS))),
                },
                tarpit,
            ),
        );
    }
    if !origins.is_empty() {
        router = router.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(origins))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([
                    header::CONTENT_TYPE,
                    header::AUTHORIZATION,
                    HeaderName::from_static("idempotency-key"),
                ])
                .expose_headers([header::RETRY_AFTER])
                .max_age(Duration::from_secs(600)),
        );
    }
    router
        .layer(middleware::map_response(json_error_body))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
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
    crate::log!("intake: store error: {detail}");
    let mut response = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "body",
        "unavailable",
        "The application could not be stored; try again.",
    );
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

fn timed_out(e: &BoxError, timeout: Duration) -> Response {
    if e.is::<tower::timeout::error::Elapsed>() {
        error(
            StatusCode::REQUEST_TIMEOUT,
            "body",
            "timeout",
            &format!("The request took longer than {} ms; send it again.", timeout.as_millis()),
        )
    } else {
        crate::log!("intake: internal error: {e}");
        error(StatusCode::INTERNAL_SERVER_ERROR, "body", "internal", "The receiver failed; try again.")
    }
}

/// Marks the rate limit's 429, for [`tarpit`].
#[derive(Clone, Copy, Debug)]
struct RateLimited;

fn too_many_requests(e: GovernorError) -> Response {
    match e {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "body",
                "rate_limited",
                "Too many requests from this address; try again later.",
            );
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait_time.max(1)));
            response.extensions_mut().insert(RateLimited);
            response
        }
        other => {
            crate::log!("intake: rate limiter: {other}");
            error(StatusCode::INTERNAL_SERVER_ERROR, "body", "internal", "The receiver failed; try again.")
        }
    }
}

/// How long the rate limit's 429s are held back, and how many at once.
#[derive(Clone, Debug)]
struct Tarpit {
    delay: Duration,
    held: Arc<Semaphore>,
}

/// Holds the rate limit's 429 back for `delay` while one of the `held` permits is free (at once
/// otherwise), then sends it with `Connection: close`.
///
/// A 429 is cheap, but a client that resends as soon as it is answered turns cheap refusals into
/// thousands a second (connections, request heads, bodies sent for nothing) on the cores the
/// accepted requests need. Held back, a client that waits for its answer sends at most one request
/// per `delay`. The permits bound the connections held that way, so clients that do not wait cannot
/// take the connection slots: past the bound, their 429s go at once. `Connection: close` ends the
/// exchange with the answer: the client hears its 429 rather than a reset, and its next request
/// opens a new connection.
async fn tarpit(State(tarpit): State<Tarpit>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if response.extensions().get::<RateLimited>().is_none() {
        return response;
    }
    if !tarpit.delay.is_zero() {
        if let Ok(_held) = tarpit.held.try_acquire() {
            tokio::time::sleep(tarpit.delay).await;
        }
    }
    response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "path", "not_found", "There is nothing here; applications go to /api/applications.")
}

async fn method_not_allowed() -> Response {
    let mut response = error(
        StatusCode::METHOD_NOT_ALLOWED,
        "method",
        "method_not_allowed",
        "/api/applications takes GET (the list) and POST (an application).",
    );
    response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, POST"));
    response
}

/// A last guard: an error response that reaches the edge without a body gets the JSON one.
async fn json_error_body(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    let (parts, _) = response.into_parts();
    let code = status.canonical_reason().unwrap_or("error").to_ascii_lowercase().replace(' ', "_");
    let mut fresh = error(status, "body", &code, "The request was refused.");
    for (name, value) in &parts.headers {
        if name != header::CONTENT_LENGTH {
            fresh.headers_mut().insert(name.clone(), value.clone());
        }
    }
    fresh
}

/// Whether the request's `Content-Type` is JSON (`application/json`, any parameters).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

async fn submit(State(shared): Ctx, request: Request) -> Response {
    let state = &shared.state;
    if !is_json(request.headers()) {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type",
            "unsupported_media_type",
            "The body must be sent as Content-Type: application/json.",
        );
    }
    let header_key = match request.headers().get("idempotency-key").map(HeaderValue::to_str) {
        None => None,
        Some(Ok(key)) => Some(key.trim().to_owned()),
        Some(Err(_)) => {
            return error(
                StatusCode::BAD_REQUEST,
                "Idempotency-Key",
                "invalid_header",
                "The Idempotency-Key header must be the application's UUID, in ASCII.",
            );
        }
    };
    let Some(header_key) = header_key.filter(|k| !k.is_empty()) else {
        return error(
            StatusCode::BAD_REQUEST,
            "Idempotency-Key",
            "required",
            "The Idempotency-Key header is required.",
        );
    };
    if header_key.chars().any(char::is_control) {
        return error(
            StatusCode::BAD_REQUEST,
            "Idempotency-Key",
            "invalid_header",
            "The Idempotency-Key header must be the application's UUID, without control characters.",
        );
    }
    let body = match Bytes::from_request(request, &()).await {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body",
                "too_large",
                &format!("The body is larger than {} bytes.", state.limits.body_bytes),
            );
        }
        Err(rejection) => return error(rejection.status(), "body", "unreadable", "The body could not be read."),
    };

    let today = state.clock.today_in_barcelona();
    let examined = {
        let (cpu, shared) = (shared.cpu.clone(), shared.clone());
        on_cpu(&cpu, move || {
            let rules = accept::Rules { edition: &shared.state.edition, countries: &shared.state.countries, today };
            accept::examine(&body, &header_key, &rules)
        })
        .await
    };
    let examined = match examined {
        Err(e) => return unavailable(&e),
        Ok(Err(accept::Refusal::BadRequest(list))) => return errors(StatusCode::BAD_REQUEST, list),
        Ok(Err(accept::Refusal::Unprocessable(list))) => return errors(StatusCode::UNPROCESSABLE_ENTITY, list),
        Ok(Ok(examined)) => examined,
    };

    // A key seen before is answered from the store, even if the edition or the date changed since.
    let db = state.db.clone();
    let key = examined.key.clone();
    let found = match blocking(move || db.find(&key)).await {
        Ok(found) => found,
        Err(e) => return unavailable(&e),
    };
    if let Some(row) = found {
        return replay_or_conflict(&row.reference, row.body_sha256 == examined.fingerprint);
    }
    let application = match examined.verdict {
        Ok(application) => application,
        Err(list) => return errors(StatusCode::UNPROCESSABLE_ENTITY, list),
    };
    let db = state.db.clone();
    let prefix = state.reference_prefix();
    let received_at = state.clock.now_rfc3339();
    let (key, fingerprint) = (examined.key, examined.fingerprint);
    let stored = blocking(move || db.store(&key, &fingerprint, &application, &received_at, &prefix)).await;
    match stored {
        Ok(Stored::Created(reference)) => {
            (StatusCode::CREATED, Json(json!({ "reference": reference }))).into_response()
        }
        Ok(Stored::Replayed(reference)) => replay_or_conflict(&reference, true),
        Ok(Stored::KeyReused) => replay_or_conflict("", false),
        Err(e) => unavailable(&e),
    }
}

/// Runs a store operation off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, String> + Send + 'static) -> Result<T, String> {
    tokio::task::spawn_blocking(f).await.map_err(|e| e.to_string())?
}

/// Runs CPU work on a blocking thread once one of the `cpu` permits is free. The permit goes with
/// the work, so work whose request has timed out still counts until it ends.
async fn on_cpu<T: Send + 'static>(cpu: &Arc<Semaphore>, f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    let permit = cpu.clone().acquire_owned().await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        f()
    })
    .await
    .map_err(|e| e.to_string())
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

/// Compares without stopping at the first difference.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `Authorization: Bearer <token>`, the scheme in any case (RFC 9110 §11.1).
fn authorised(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(token) = &state.token else { return false };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, credentials)| credentials.trim());
    given.is_some_and(|g| same_secret(g.as_bytes(), token.as_bytes()))
}

/// The one value of parameter `name`, if given.
fn single<'a>(pairs: &'a [(String, String)], name: &str) -> Result<Option<&'a str>, ReceiverError> {
    let mut values = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let first = values.next();
    if values.next().is_some() {
        return Err(ReceiverError::new(
            name,
            "duplicate_parameter",
            format!("The parameter {name} may be given once."),
        ));
    }
    Ok(first)
}

async fn list(
    State(shared): Ctx,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let state = &shared.state;
    if !authorised(state, &headers) {
        let mut response =
            error(StatusCode::UNAUTHORIZED, "Authorization", "unauthorized", "A valid bearer token is required.");
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    let Ok(Query(pairs)) = query else {
        return error(StatusCode::BAD_REQUEST, "query", "invalid_query", "The query string could not be read.");
    };
    let (format, bom) = match (single(&pairs, "format"), single(&pairs, "bom")) {
        (Ok(format), Ok(bom)) => (format.map(str::to_ascii_lowercase), bom),
        (Err(e), _) | (_, Err(e)) => return errors(StatusCode::BAD_REQUEST, vec![e]),
    };
    let accepts_csv = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.split(',').any(|t| t.trim().to_ascii_lowercase().starts_with("text/csv")));
    let csv = match format.as_deref() {
        Some("csv") => true,
        Some("json") => false,
        Some(_) => {
            return error(StatusCode::BAD_REQUEST, "format", "invalid_format", "The format must be csv or json.");
        }
        None => accepts_csv,
    };
    let bom = match bom {
        None | Some("0") => false,
        Some("1") => true,
        Some(_) => return error(StatusCode::BAD_REQUEST, "bom", "invalid_value", "bom must be 1 or 0."),
    };
    let db = state.db.clone();
    let upto = match blocking(move || db.last_id()).await {
        Ok(upto) => upto,
        Err(e) => return unavailable(&e),
    };
    let body = Body::from_stream(export_stream(shared.clone(), upto, csv, bom));
    if csv {
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"applications.csv\""),
            ],
            body,
        )
            .into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    }
}

/// Where an export stands between two batches.
struct Cursor {
    after: i64,
    started: bool,
    finished: bool,
}

/// The export as a stream of chunks: the head, one chunk per batch of rows up to row `upto`, then
/// the tail. Each batch is read and formatted on a blocking thread; the next is read only when the
/// client has taken the previous one, so memory stays at one batch.
fn export_stream(
    shared: Arc<Shared>,
    upto: i64,
    csv: bool,
    bom: bool,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    let cursor = Cursor { after: 0, started: false, finished: false };
    futures_util::stream::unfold((shared, cursor), move |(shared, mut cursor)| async move {
        if cursor.finished {
            return None;
        }
        let db = shared.state.db.clone();
        let (after, first) = (cursor.after, !cursor.started);
        let batch = on_cpu(&shared.cpu, move || {
            db.batch(after, upto, export::BATCH_ROWS).map(|rows| {
                let last = rows.last().map(|r| r.id);
                let mut chunk = Vec::new();
                if first {
                    chunk = if csv { export::csv_head(bom) } else { b"[".to_vec() };
                }
                chunk.extend(if csv { export::csv_rows(&rows) } else { export::json_rows(&rows, first) });
                if last.is_none() && !csv {
                    chunk.push(b']');
                }
                (chunk, last)
            })
        })
        .await
        .and_then(|r| r);
        match batch {
            Ok((chunk, last)) => {
                cursor.started = true;
                match last {
                    Some(id) => cursor.after = id,
                    None => cursor.finished = true,
                }
                Some((Ok(Bytes::from(chunk)), (shared, cursor)))
            }
            Err(e) => {
                // The status is sent already: cutting the stream is how the client learns.
                crate::log!("intake: export failed: {e}");
                cursor.finished = true;
                Some((Err(std::io::Error::other(e)), (shared, cursor)))
            }
        }
    })
}
