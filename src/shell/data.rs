//! Loading the edition and country files at run time.

use crate::domain::countries::{Countries, CountriesError};
use crate::domain::edition::{Edition, EditionError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The edition file, relative to the app's base.
pub const EDITION_FILE: &str = "edition.json";
/// The World Bank country file, relative to the app's base.
pub const COUNTRIES_FILE: &str = "data/wb-income-classification.csv";

/// Why the data could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The file could not be fetched (network error, or an HTTP status other than 2xx; 0 = no response).
    Fetch {
        /// Which file.
        file: &'static str,
        /// HTTP status, 0 when there was no response.
        status: u16,
    },
    /// The edition file is invalid.
    Edition(EditionError),
    /// The country file is invalid.
    Countries(CountriesError),
}

/// The validated data every page works from.
#[derive(Clone, Debug, PartialEq)]
pub struct AppData {
    /// The edition.
    pub edition: Edition,
    /// The income classes.
    pub countries: Countries,
}

/// Fetches and validates both files.
///
/// # Errors
/// The first file that is missing or invalid.
pub async fn load() -> Result<AppData, LoadError> {
    // Both requests start here; the JS promises run while the first is awaited.
    let edition = start(EDITION_FILE);
    let countries = start(COUNTRIES_FILE);
    let edition = Edition::from_json(&read(EDITION_FILE, edition).await?).map_err(LoadError::Edition)?;
    let countries = Countries::from_csv(&read(COUNTRIES_FILE, countries).await?).map_err(LoadError::Countries)?;
    edition.check_countries(&countries).map_err(LoadError::Edition)?;
    Ok(AppData { edition, countries })
}

fn start(file: &str) -> Option<js_sys::Promise> {
    web_sys::window().map(|w| w.fetch_with_str(file))
}

async fn read(file: &'static str, request: Option<js_sys::Promise>) -> Result<String, LoadError> {
    let fail = |status| LoadError::Fetch { file, status };
    let response = JsFuture::from(request.ok_or(fail(0))?).await.map_err(|_| fail(0))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| fail(0))?;
    if !response.ok() {
        return Err(fail(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| fail(0))?).await.map_err(|_| fail(0))?;
    text.as_string().ok_or(fail(0))
}
