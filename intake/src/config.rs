//! Configuration from the environment.

use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::edition::Edition;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the receiver listens, stores, and reads its data, and who may call it.
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
    /// `INTAKE_ALLOWED_ORIGINS`, comma-separated; CORS headers only for these. Empty: same origin only.
    pub allowed_origins: Vec<String>,
    /// `INTAKE_TOKEN`, the secretariat's bearer token for `GET /api/applications`; unset: always 401.
    pub token: Option<String>,
}

impl Config {
    /// Reads the configuration through `var` (the process environment in `main`).
    ///
    /// # Errors
    /// A message naming the variable whose value is unusable.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let get = |name: &str, default: &str| var(name).filter(|v| !v.trim().is_empty()).unwrap_or(default.to_owned());
        let addr = get("INTAKE_ADDR", "127.0.0.1:8787");
        let addr =
            addr.trim().parse().map_err(|_| format!("INTAKE_ADDR={addr} is not an address such as 127.0.0.1:8787"))?;
        let allowed_origins = var("INTAKE_ALLOWED_ORIGINS")
            .unwrap_or_default()
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        Ok(Config {
            addr,
            db: get("INTAKE_DB", "data/intake.sqlite3").into(),
            edition: get("INTAKE_EDITION", "public/edition.json").into(),
            countries: get("INTAKE_COUNTRIES", "public/data/wb-income-classification.csv").into(),
            allowed_origins,
            token: var("INTAKE_TOKEN").filter(|t| !t.trim().is_empty()),
        })
    }

    /// Reads and checks the edition and country files.
    ///
    /// # Errors
    /// A message naming the file and the problem.
    pub fn load_data(&self) -> Result<(Edition, Countries), String> {
        let read = |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
        let edition = Edition::from_json(&read(&self.edition)?)
            .map_err(|e| format!("{}: field `{}`: {:?}", self.edition.display(), e.field, e.problem))?;
        let countries =
            Countries::from_csv(&read(&self.countries)?).map_err(|e| format!("{}: {e:?}", self.countries.display()))?;
        edition
            .check_countries(&countries)
            .map_err(|e| format!("{}: field `{}`: {:?}", self.edition.display(), e.field, e.problem))?;
        Ok((edition, countries))
    }
}
