//! `intake`: the reference receiver. Configuration from the environment (see `intake::config`).

use intake::config::Config;
use intake::db::Db;
use intake::{app, AppState};
use std::process::ExitCode;
use std::sync::Arc;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("intake: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let config = Config::from_vars(|name| std::env::var(name).ok())?;
    let (edition, countries) = config.load_data()?;
    let db = Db::open(&config.db)?;
    let state = AppState {
        db: Arc::new(db),
        edition: Arc::new(edition),
        countries: Arc::new(countries),
        token: config.token.clone(),
        allowed_origins: config.allowed_origins.clone(),
        now: None,
    };
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    eprintln!(
        "intake: edition {} on http://{}/api/applications, database {}{}",
        state.edition.id,
        config.addr,
        config.db.display(),
        if state.token.is_some() { "" } else { " (INTAKE_TOKEN unset: listing disabled)" }
    );
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown()).await.map_err(|e| e.to_string())
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
