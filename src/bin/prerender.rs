//! Renders every page of a built site from its data files: `prerender [SITE] [--today YYYY-MM-DD]`.
//!
//! SITE defaults to `dist`; `--today` (the Barcelona date the pages show as today) defaults to the
//! real one. `make build` runs it after trunk; `make pages` runs it alone after a data change.

use metropolis_diploma::domain::dates::{date_in_barcelona, parse_iso};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut site = PathBuf::from("dist");
    let mut today = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--today" => match args.next().as_deref().and_then(parse_iso) {
                Some(day) => today = Some(day),
                None => {
                    eprintln!("prerender: --today needs a date such as 2025-09-01");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("usage: prerender [SITE] [--today YYYY-MM-DD]");
                return ExitCode::SUCCESS;
            }
            other => site = PathBuf::from(other),
        }
    }
    let today = today.unwrap_or_else(|| date_in_barcelona(chrono::Utc::now().naive_utc()));
    if any_spawner::Executor::init_futures_executor().is_err() {
        eprintln!("prerender: could not start the executor");
        return ExitCode::FAILURE;
    }
    let started = std::time::Instant::now();
    match metropolis_diploma::prerender::run(&site, today) {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("prerender: warning: {warning}");
            }
            println!(
                "prerender: {} pages for {} in {} ms ({})",
                report.pages.len(),
                today,
                started.elapsed().as_millis(),
                site.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::from(2)
        }
    }
}
