//! The deployment configuration (`public/config.json`), apart from the edition data: where
//! applications are sent, which sites may embed the estimator, and optional contact overrides.

use super::document::{self, DocumentError};
use super::edition::{is_email, Contact};
use super::embed::Origin;
use serde::{Deserialize, Serialize};

/// The schema version of `config.json` this build reads.
pub const CONFIG_SCHEMA: u32 = 1;

/// The default of `submission.timeout_seconds`.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 15;

/// The deployment's settings, as written in `config.json` (unknown keys are refused).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Format version; must equal [`CONFIG_SCHEMA`].
    pub schema: u32,
    /// Where and how applications are sent.
    pub submission: SubmissionConfig,
    /// The partner embed.
    #[serde(default)]
    pub embed: EmbedConfig,
    /// Addresses that replace the edition's for this deployment, each when set.
    #[serde(default)]
    pub contact: Contact,
    /// Where the site is served.
    #[serde(default)]
    pub site: SiteConfig,
}

/// Where the site is served: the prerender writes every page for this address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The path the site is served under, starting and ending with `/`: `/` (the default) or a
    /// sub-path such as `/diploma/`.
    #[serde(default = "default_base_path")]
    pub base_path: String,
    /// The site's origin (`https://diploma.example.org`), when known: the language alternates
    /// search engines read are then absolute. Optional.
    #[serde(default)]
    pub url: Option<Origin>,
}

impl Default for SiteConfig {
    fn default() -> SiteConfig {
        SiteConfig { base_path: default_base_path(), url: None }
    }
}

fn default_base_path() -> String {
    "/".to_owned()
}

/// A base path: `/`, or `/` + segments of letters, digits, `-`, `_`, `.` and `~` + `/`.
fn is_base_path(path: &str) -> bool {
    path.starts_with('/')
        && path.ends_with('/')
        && (path == "/"
            || path[1..path.len() - 1].split('/').all(|segment| {
                !segment.is_empty()
                    && segment != "."
                    && segment != ".."
                    && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
            }))
}

/// The submission endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionConfig {
    /// An absolute `https://` (or `http://`) URL, or a path relative to the app's base
    /// (`api/applications`, the reference receiver behind `make serve`).
    pub endpoint: String,
    /// Seconds before an attempt is abandoned and retried (1 to 120).
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u32,
}

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_SECONDS
}

/// The partner embed's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedConfig {
    /// Origins (`https://www.example.org`) allowed to embed the estimator in a frame: the list for
    /// the `frame-ancestors` header. Each is checked as it is read.
    #[serde(default)]
    pub allowed_origins: Vec<Origin>,
}

/// What is wrong with the configuration, naming the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON, or a field missing, unknown or of the wrong form (an origin included).
    Format(DocumentError),
    /// Another schema version.
    UnsupportedSchema {
        /// The version found.
        found: u32,
    },
    /// Not an absolute http(s) URL or a relative path.
    BadEndpoint,
    /// The timeout is outside 1 to 120 seconds.
    BadTimeout,
    /// Not an e-mail address (the field's name).
    BadEmail(&'static str),
    /// `site.base_path` is not a path such as `/` or `/diploma/`.
    BadBasePath,
}

impl ConfigError {
    /// The dotted path of the field concerned.
    #[must_use]
    pub fn field(&self) -> String {
        match self {
            ConfigError::Format(e) => e.path.clone(),
            ConfigError::UnsupportedSchema { .. } => "schema".to_owned(),
            ConfigError::BadEndpoint => "submission.endpoint".to_owned(),
            ConfigError::BadTimeout => "submission.timeout_seconds".to_owned(),
            ConfigError::BadEmail(f) => format!("contact.{f}"),
            ConfigError::BadBasePath => "site.base_path".to_owned(),
        }
    }
}

impl Config {
    /// Reads and validates `config.json`.
    ///
    /// # Errors
    /// The first problem, with its field.
    ///
    /// # Example
    /// ```
    /// use metropolis_diploma::domain::config::Config;
    /// let c = Config::from_json(r#"{"schema": 1, "submission": {"endpoint": "api/applications"}}"#).unwrap();
    /// assert_eq!((c.submission.endpoint.as_str(), c.submission.timeout_seconds), ("api/applications", 15));
    /// assert!(c.embed.allowed_origins.is_empty());
    /// ```
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        Config::read(text, document::from_json)
    }

    /// [`Config::from_json`] without the field's path in a format error (see
    /// [`document::from_json_plain`]): for the partner frame.
    ///
    /// # Errors
    /// As [`Config::from_json`].
    pub fn from_json_plain(text: &str) -> Result<Config, ConfigError> {
        Config::read(text, document::from_json_plain)
    }

    fn read(text: &str, reader: fn(&str) -> Result<Config, DocumentError>) -> Result<Config, ConfigError> {
        let schema = document::peek_schema(text).map_err(ConfigError::Format)?;
        if let Some(found) = schema.filter(|s| *s != u64::from(CONFIG_SCHEMA)) {
            return Err(ConfigError::UnsupportedSchema { found: u32::try_from(found).unwrap_or(u32::MAX) });
        }
        let mut config = reader(text).map_err(ConfigError::Format)?;
        let endpoint = config.submission.endpoint.trim();
        let absolute = endpoint.starts_with("https://") || endpoint.starts_with("http://");
        let relative = !endpoint.contains("://") && !endpoint.starts_with("//");
        if endpoint.is_empty() || endpoint.chars().any(char::is_whitespace) || !(absolute || relative) {
            return Err(ConfigError::BadEndpoint);
        }
        config.submission.endpoint = endpoint.to_owned();
        if !(1..=120).contains(&config.submission.timeout_seconds) {
            return Err(ConfigError::BadTimeout);
        }
        for (name, value) in
            [("email", &config.contact.email), ("reservation_email", &config.contact.reservation_email)]
        {
            if value.as_deref().is_some_and(|v| !is_email(v)) {
                return Err(ConfigError::BadEmail(name));
            }
        }
        if !is_base_path(&config.site.base_path) {
            return Err(ConfigError::BadBasePath);
        }
        Ok(config)
    }

    /// The path the site is served under (`/`, `/diploma/`).
    #[must_use]
    pub fn base_path(&self) -> &str {
        &self.site.base_path
    }

    /// The site's origin, when the deployment names it.
    #[must_use]
    pub fn site_url(&self) -> Option<&str> {
        self.site.url.as_ref().map(Origin::as_str)
    }

    /// The edition's contact with this deployment's overrides applied: each address set here
    /// replaces the edition's; either may still be `None`.
    #[must_use]
    pub fn contact(&self, edition: &Contact) -> Contact {
        Contact {
            email: self.contact.email.clone().or_else(|| edition.email.clone()),
            reservation_email: self.contact.reservation_email.clone().or_else(|| edition.reservation_email.clone()),
        }
    }

    /// The contact addresses neither this file nor the edition gives (`contact.email`,
    /// `contact.reservation_email`): the pages then word their texts without an address, and the
    /// build says so, since a deployment usually means to give them.
    #[must_use]
    pub fn missing_contacts(&self, edition: &Contact) -> Vec<&'static str> {
        let contact = self.contact(edition);
        let mut missing = Vec::new();
        if contact.email.is_none() {
            missing.push("contact.email");
        }
        if contact.reservation_email.is_none() {
            missing.push("contact.reservation_email");
        }
        missing
    }
}
