//! Configuration from the environment, checked at start.
//!
//! Every problem is a message that names the variable and what it accepts; `main` prints it and
//! exits with code 2. Nothing here panics on a value.

use crate::clock::Clock;
use axum::http::{HeaderName, HeaderValue};
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::document::DocumentError;
use metropolis_diploma::domain::edition::{Edition, EditionError, EditionProblem};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// File descriptors kept free for the database, its WAL, the data files and standard streams when
/// the connection cap is compared with the open-file limit.
pub const FD_HEADROOM: u64 = 64;

/// The limits that keep the cost of any input bounded. Each comes from an `INTAKE_…` variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// `INTAKE_MAX_BODY_BYTES`, default 262144 (256 KiB, the contract's limit): larger bodies get 413.
    pub body_bytes: usize,
    /// `INTAKE_HEADER_TIMEOUT_MS`, default 5000: a connection that has not sent a whole request head
    /// within this time (also between requests on a kept-alive connection) is closed.
    pub header_timeout: Duration,
    /// `INTAKE_REQUEST_TIMEOUT_MS`, default 10000: the deadline of a whole request, body included
    /// (408 beyond). Below the app's 15 s so the app hears a 408 and retries rather than timing out.
    pub request_timeout: Duration,
    /// `INTAKE_MAX_CONNECTIONS`, default 768 (or the open-file limit minus 64 when lower): open
    /// connections beyond it are answered 503 `busy` and closed.
    pub max_connections: usize,
    /// `INTAKE_CPU_WORKERS`, default the number of cores: bodies parsed and checked at once, off the
    /// async workers. Others wait their turn (within the request deadline).
    pub cpu_workers: usize,
    /// `INTAKE_RATE_PER_MINUTE`, default 60: requests per minute one client may sustain.
    pub rate_per_minute: u32,
    /// `INTAKE_RATE_BURST`, default 60: requests one client may send at once before the rate applies
    /// (generous because behind `make serve`'s and the end-to-end tests' proxy every browser is one client).
    pub rate_burst: u32,
    /// `INTAKE_TARPIT_MS`, default 1000 (about what a client at the default rate waits between two
    /// requests): a request refused by the rate limit gets its 429 this late (0: at once), so a client
    /// cannot resend as soon as it is refused. Every 429 also closes its connection.
    pub tarpit: Duration,
    /// `INTAKE_TARPIT_CONNECTIONS`, default 64 (or half the connection cap when lower): refused
    /// requests held back at once; beyond, the 429 goes at once. At most half the connection cap, so
    /// held connections cannot take every slot.
    pub tarpit_connections: usize,
    /// `INTAKE_CLIENT_IP_HEADER`, default unset (the peer address): behind a reverse proxy, the header
    /// in which the proxy puts the client's address (`X-Real-IP`, or `X-Forwarded-For`, whose last
    /// entry is taken). Set it only behind a proxy that overwrites it: clients can send any value.
    pub client_ip_header: Option<HeaderName>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 256 * 1024,
            header_timeout: Duration::from_millis(5000),
            request_timeout: Duration::from_millis(10_000),
            max_connections: 768,
            cpu_workers: std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get),
            rate_per_minute: 60,
            rate_burst: 60,
            tarpit: Duration::from_millis(1000),
            tarpit_connections: 64,
            client_ip_header: None,
        }
    }
}

/// Where the receiver listens, stores, and reads its data, who may call it, and its limits.
#[derive(Clone, Debug)]
pub struct Config {
    /// `INTAKE_ADDR`, default `127.0.0.1:8787`.
    pub addr: SocketAddr,
    /// `INTAKE_DB`, default `data/intake.sqlite3` (its folder is created).
    pub db: PathBuf,
    /// `INTAKE_EDITION`, default `public/edition.json`.
    pub edition: PathBuf,
    /// `INTAKE_COUNTRIES`, default `public/data/wb-income-classification.csv`.
    pub countries: PathBuf,
    /// `INTAKE_ALLOWED_ORIGINS`, comma-separated `http(s)://host[:port]`; CORS headers only for these.
    /// Empty: same origin only. `*` and anything that is not an origin are refused at start.
    pub allowed_origins: Vec<String>,
    /// `INTAKE_TOKEN`, the secretariat's bearer token for `GET /api/applications`; unset or empty:
    /// listing is always refused.
    pub token: Option<String>,
    /// The limits.
    pub limits: Limits,
    /// `INTAKE_NOW` (for tests only): a fixed RFC 3339 UTC instant taken as "now"; unset: the system clock.
    pub clock: Clock,
}

/// Reads a whole number from `name`, or `default` when unset or blank.
fn number(var: &impl Fn(&str) -> Option<String>, name: &str, default: u64, min: u64, max: u64) -> Result<u64, String> {
    let Some(text) = var(name).filter(|v| !v.trim().is_empty()) else { return Ok(default) };
    match text.trim().parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("{name}={text:?} is not a whole number from {min} to {max} (default {default})")),
    }
}

/// Whether `origin` is `http(s)://host[:port]`: a scheme, a host of letters, digits, dots and dashes
/// (or a bracketed IPv6 address), an optional port, and nothing else (no path, no wildcard).
#[must_use]
pub fn is_origin(origin: &str) -> bool {
    let Some(rest) = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://")) else {
        return false;
    };
    let port_ok = |port: Option<&str>| {
        port.is_none_or(|p| p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n > 0))
    };
    if let Some(v6) = rest.strip_prefix('[') {
        let Some((addr, tail)) = v6.split_once(']') else { return false };
        let port = if tail.is_empty() {
            None
        } else if let Some(p) = tail.strip_prefix(':') {
            Some(p)
        } else {
            return false;
        };
        return addr.parse::<std::net::Ipv6Addr>().is_ok() && port_ok(port);
    }
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    host.split('.').all(label_ok) && port_ok(port)
}

/// The soft limit on open files of this process, where the system tells it (Linux's `/proc`).
#[must_use]
pub fn open_file_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.trim_start_matches("Max open files").split_whitespace().next()?.parse().ok()
}

impl Config {
    /// Reads the configuration through `var` (the process environment in `main`).
    ///
    /// # Errors
    /// A message naming the variable whose value is unusable and what it accepts.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let get = |name: &str, default: &str| var(name).filter(|v| !v.trim().is_empty()).unwrap_or(default.to_owned());
        let addr = get("INTAKE_ADDR", "127.0.0.1:8787");
        let addr = addr
            .trim()
            .parse()
            .map_err(|_| format!("INTAKE_ADDR={addr:?} is not an address such as 127.0.0.1:8787"))?;

        let mut allowed_origins = Vec::new();
        for origin in var("INTAKE_ALLOWED_ORIGINS").unwrap_or_default().split(',') {
            let origin = origin.trim().trim_end_matches('/');
            if origin.is_empty() {
                continue;
            }
            if origin == "*" {
                return Err("INTAKE_ALLOWED_ORIGINS: `*` is not allowed (a receiver of personal data names the \
                            origins it answers, e.g. https://www.metropolis.org)"
                    .to_owned());
            }
            if !is_origin(origin) || HeaderValue::from_str(origin).is_err() {
                return Err(format!(
                    "INTAKE_ALLOWED_ORIGINS: {origin:?} is not an origin such as https://www.metropolis.org or \
                     http://127.0.0.1:8080 (scheme, host and optional port; no path)"
                ));
            }
            allowed_origins.push(origin.to_ascii_lowercase());
        }

        let defaults = Limits::default();
        let fd_limit = open_file_limit();
        let fd_room = fd_limit.map(|l| l.saturating_sub(FD_HEADROOM));
        let max_connections = match var("INTAKE_MAX_CONNECTIONS").filter(|v| !v.trim().is_empty()) {
            None => fd_room.map_or(defaults.max_connections as u64, |room| room.min(defaults.max_connections as u64)),
            Some(_) => {
                let n = number(&var, "INTAKE_MAX_CONNECTIONS", defaults.max_connections as u64, 1, 1_000_000)?;
                if let (Some(limit), Some(room)) = (fd_limit, fd_room) {
                    if n > room {
                        return Err(format!(
                            "INTAKE_MAX_CONNECTIONS={n} is not below the open-file limit ({limit}) minus \
                             {FD_HEADROOM} for the database and data files: lower it, or raise the limit (ulimit -n)"
                        ));
                    }
                }
                n
            }
        };
        if max_connections == 0 {
            return Err(format!(
                "the open-file limit ({}) leaves no room for connections: raise it (ulimit -n)",
                fd_limit.unwrap_or_default()
            ));
        }
        let ms = |name: &str, default: Duration| {
            number(&var, name, u64::try_from(default.as_millis()).unwrap_or(u64::MAX), 1, 3_600_000)
                .map(Duration::from_millis)
        };
        let tarpit =
            number(&var, "INTAKE_TARPIT_MS", u64::try_from(defaults.tarpit.as_millis()).unwrap_or(u64::MAX), 0, 60_000)
                .map(Duration::from_millis)?;
        let held_most = max_connections / 2;
        let tarpit_connections = match var("INTAKE_TARPIT_CONNECTIONS").filter(|v| !v.trim().is_empty()) {
            None => held_most.min(defaults.tarpit_connections as u64),
            Some(text) => {
                let n = number(&var, "INTAKE_TARPIT_CONNECTIONS", defaults.tarpit_connections as u64, 0, 1_000_000)?;
                if n > held_most {
                    return Err(format!(
                        "INTAKE_TARPIT_CONNECTIONS={text:?} is more than half the connection cap ({max_connections}): \
                         held 429s could take every connection; lower it, or raise INTAKE_MAX_CONNECTIONS"
                    ));
                }
                n
            }
        };
        let client_ip_header = match var("INTAKE_CLIENT_IP_HEADER").filter(|v| !v.trim().is_empty()) {
            None => None,
            Some(name) => Some(
                HeaderName::from_bytes(name.trim().as_bytes())
                    .map_err(|_| format!("INTAKE_CLIENT_IP_HEADER={name:?} is not a header name such as X-Real-IP"))?,
            ),
        };
        let limits = Limits {
            body_bytes: usize::try_from(number(
                &var,
                "INTAKE_MAX_BODY_BYTES",
                defaults.body_bytes as u64,
                1024,
                64 << 20,
            )?)
            .unwrap_or(defaults.body_bytes),
            header_timeout: ms("INTAKE_HEADER_TIMEOUT_MS", defaults.header_timeout)?,
            request_timeout: ms("INTAKE_REQUEST_TIMEOUT_MS", defaults.request_timeout)?,
            max_connections: usize::try_from(max_connections).unwrap_or(defaults.max_connections),
            cpu_workers: usize::try_from(number(&var, "INTAKE_CPU_WORKERS", defaults.cpu_workers as u64, 1, 1024)?)
                .unwrap_or(defaults.cpu_workers),
            rate_per_minute: u32::try_from(number(
                &var,
                "INTAKE_RATE_PER_MINUTE",
                u64::from(defaults.rate_per_minute),
                1,
                60_000_000,
            )?)
            .unwrap_or(defaults.rate_per_minute),
            rate_burst: u32::try_from(number(&var, "INTAKE_RATE_BURST", u64::from(defaults.rate_burst), 1, 1_000_000)?)
                .unwrap_or(defaults.rate_burst),
            tarpit,
            tarpit_connections: usize::try_from(tarpit_connections).unwrap_or(defaults.tarpit_connections),
            client_ip_header,
        };
        let clock = match var("INTAKE_NOW").filter(|v| !v.trim().is_empty()) {
            None => Clock::System,
            Some(text) => Clock::fixed_from_rfc3339(text.trim()).ok_or_else(|| {
                format!(
                    "INTAKE_NOW={text:?} is not an RFC 3339 UTC instant such as 2025-09-01T10:00:00Z (for tests only)"
                )
            })?,
        };
        Ok(Config {
            addr,
            db: get("INTAKE_DB", "data/intake.sqlite3").into(),
            edition: get("INTAKE_EDITION", "public/edition.json").into(),
            countries: get("INTAKE_COUNTRIES", "public/data/wb-income-classification.csv").into(),
            allowed_origins,
            token: var("INTAKE_TOKEN").filter(|t| !t.trim().is_empty()),
            limits,
            clock,
        })
    }

    /// Reads and checks the edition and country files.
    ///
    /// # Errors
    /// A message naming the variable, the file and the problem.
    pub fn load_data(&self) -> Result<(Edition, Countries), String> {
        let read = |name: &str, p: &PathBuf| {
            std::fs::read_to_string(p).map_err(|e| format!("{name}: cannot read {}: {e}", p.display()))
        };
        let edition_error = |e: EditionError| {
            let problem = match e.problem {
                // The domain's own words for what does not fit the file's format, with its path.
                EditionProblem::Format(problem) => DocumentError::new(e.field, problem).to_string(),
                other => format!("field `{}`: {other:?}", e.field),
            };
            format!("INTAKE_EDITION: {}: {problem}", self.edition.display())
        };
        let edition = Edition::from_json(&read("INTAKE_EDITION", &self.edition)?).map_err(edition_error)?;
        let countries = Countries::from_csv(&read("INTAKE_COUNTRIES", &self.countries)?)
            .map_err(|e| format!("INTAKE_COUNTRIES: {}: line {}: {:?}", self.countries.display(), e.line, e.problem))?;
        edition.check_countries(&countries).map_err(edition_error)?;
        Ok((edition, countries))
    }
}
