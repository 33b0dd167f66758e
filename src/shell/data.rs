//! Loading the catalogue, the edition and the country file at run time.

use crate::domain::config::{Config, ConfigError};
use crate::domain::countries::{Countries, CountriesError};
use crate::domain::edition::{Edition, EditionError};
use crate::domain::json::{self, Json, JsonError};
use crate::i18n::{Locale, Texts};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The edition file, relative to the app's base.
pub const EDITION_FILE: &str = "edition.json";
/// The deployment configuration, relative to the app's base.
pub const CONFIG_FILE: &str = "config.json";
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
    /// The catalogue of the language is invalid (a key missing, unknown or mistyped).
    Catalogue {
        /// Which file.
        file: &'static str,
        /// The problem, with the key's dotted path.
        error: JsonError,
    },
    /// The edition file is invalid.
    Edition(EditionError),
    /// The deployment configuration is invalid.
    Config(ConfigError),
    /// The country file is invalid.
    Countries(CountriesError),
}

/// The validated data every page works from.
#[derive(Clone, Debug)]
pub struct AppData {
    /// The language.
    pub locale: Locale,
    /// The site's texts in that language (the catalogue's `site` section).
    pub texts: &'static Texts,
    /// The whole catalogue, for the entry's own section (`embed`, `apply`).
    pub catalogue: Json,
    /// The edition, with the configuration's contact overrides applied.
    pub edition: Edition,
    /// The deployment configuration.
    pub config: Config,
    /// The income classes.
    pub countries: Countries,
}

/// What a failed load leaves: why, and the texts when the catalogue itself was readable.
#[derive(Clone, Debug)]
pub struct LoadFailure {
    /// The first file that is missing or invalid.
    pub error: LoadError,
    /// The site's texts, `None` when the catalogue is the problem.
    pub texts: Option<&'static Texts>,
}

/// Fetches and validates the catalogue of `locale`, the configuration, the edition and the country file.
///
/// # Errors
/// The first file that is missing or invalid, with the texts if they could be read.
pub async fn load(locale: Locale) -> Result<AppData, LoadFailure> {
    // The three requests start here; the JS promises run while the first is awaited.
    let file = locale.catalogue_file();
    let catalogue = start(file);
    let config = start(CONFIG_FILE);
    let edition = start(EDITION_FILE);
    let countries = start(COUNTRIES_FILE);
    let fail = |error| LoadFailure { error, texts: None };
    let bad = |error| LoadError::Catalogue { file, error };
    let catalogue = json::parse(&read(file, catalogue).await.map_err(fail)?).map_err(|e| fail(bad(e)))?;
    let site = catalogue.get("site").unwrap_or(&Json::Null);
    let texts: &'static Texts = Box::leak(Box::new(Texts::read(site, "site").map_err(|e| fail(bad(e)))?));
    let fail = |error| LoadFailure { error, texts: Some(texts) };
    let config =
        Config::from_json(&read(CONFIG_FILE, config).await.map_err(fail)?).map_err(|e| fail(LoadError::Config(e)))?;
    let mut edition = Edition::from_json(&read(EDITION_FILE, edition).await.map_err(fail)?)
        .map_err(|e| fail(LoadError::Edition(e)))?;
    edition.contact = config.contact(&edition.contact);
    let countries = Countries::from_csv(&read(COUNTRIES_FILE, countries).await.map_err(fail)?)
        .map_err(|e| fail(LoadError::Countries(e)))?;
    edition.check_countries(&countries).map_err(|e| fail(LoadError::Edition(e)))?;
    Ok(AppData { locale, texts, catalogue, edition, config, countries })
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

/// A section of the page's catalogue (`embed`, `apply`), read once and kept for the page's life
/// like the site's texts.
///
/// # Errors
/// The key that is missing, unknown or mistyped, with the catalogue's file.
pub fn section<T>(
    d: &AppData,
    name: &str,
    read: fn(&Json, &str) -> Result<T, JsonError>,
) -> Result<&'static T, LoadError> {
    match read(d.catalogue.get(name).unwrap_or(&Json::Null), name) {
        Ok(t) => Ok(Box::leak(Box::new(t))),
        Err(error) => Err(LoadError::Catalogue { file: d.locale.catalogue_file(), error }),
    }
}
