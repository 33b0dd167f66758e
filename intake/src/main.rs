//! `intake`: the reference receiver. Configuration from the environment (see `intake::config`).
//!
//! Exit codes: 0 after a clean shutdown (Ctrl-C, SIGTERM); 2 when the configuration or the data
//! files are unusable (the message names the variable); 1 when the database cannot be opened or the
//! address cannot be listened on.

use intake::config::Config;
use intake::db::Db;
use intake::server::{serve, ServeOptions};
use intake::{app, AppState, Clock};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

fn main() -> ExitCode {
    let config = match Config::from_vars(|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(e) => return fail(&e, 2),
    };
    let (edition, countries) = match config.load_data() {
        Ok(data) => data,
        Err(e) => return fail(&e, 2),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => return fail(&format!("cannot start the runtime: {e}"), 1),
    };
    match runtime.block_on(run(config, edition, countries)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e, 1),
    }
}

fn fail(message: &str, code: u8) -> ExitCode {
    intake::log!("intake: {message}");
    ExitCode::from(code)
}

async fn run(
    config: Config,
    edition: metropolis_diploma::domain::edition::Edition,
    countries: metropolis_diploma::domain::countries::Countries,
) -> Result<(), String> {
    let db = Db::open(&config.db)?;
    let state = AppState {
        db: Arc::new(db),
        edition: Arc::new(edition),
        countries: Arc::new(countries),
        token: config.token.clone(),
        allowed_origins: config.allowed_origins.clone(),
        limits: config.limits.clone(),
        clock: config.clock,
    };
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let limits = &config.limits;
    // The address bound, not the one asked for: with port 0 (tests) the system chooses it.
    let bound = listener.local_addr().map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    intake::log!(
        "intake: edition {} on http://{bound}/api/applications, database {}{}{}",
        state.edition.id,
        config.db.display(),
        if state.token.is_some() { "" } else { " (INTAKE_TOKEN unset: listing disabled)" },
        match config.clock {
            Clock::Fixed(now) => format!(" (INTAKE_NOW: the clock is fixed at {now}Z, for tests only)"),
            Clock::System => String::new(),
        }
    );
    intake::log!(
        "intake: limits: {} connections, header {} ms, request {} ms, body {} bytes, {} CPU workers, \
         {} requests/minute per client (burst {}), 429s held back {} ms (at most {} at once){}",
        limits.max_connections,
        limits.header_timeout.as_millis(),
        limits.request_timeout.as_millis(),
        limits.body_bytes,
        limits.cpu_workers,
        limits.rate_per_minute,
        limits.rate_burst,
        limits.tarpit.as_millis(),
        limits.tarpit_connections,
        limits.client_ip_header.as_ref().map(|h| format!(", client address from {h}")).unwrap_or_default(),
    );
    let options = ServeOptions {
        max_connections: limits.max_connections,
        header_timeout: limits.header_timeout,
        grace: limits.request_timeout + Duration::from_secs(1),
    };
    serve(listener, app(state), options, shutdown()).await.map_err(|e| e.to_string())
}

/// Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
