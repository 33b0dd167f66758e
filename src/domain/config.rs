//! The deployment configuration (`public/config.json`), apart from the edition data: where
//! applications are sent, which sites may embed the estimator, and optional contact overrides.

use super::edition::{is_email, Contact};
use super::embed::Origin;
use super::json::{self, Fields, FromJson, Json, JsonError};

/// The schema version of `config.json` this build reads.
pub const CONFIG_SCHEMA: u32 = 1;

/// The deployment's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Format version; must equal [`CONFIG_SCHEMA`].
    pub schema: u32,
    /// Where and how applications are sent.
    pub submission: SubmissionConfig,
    /// Origins (`https://www.example.org`) allowed to embed the estimator in a frame.
    pub embed_origins: Vec<Origin>,
    /// Replaces the edition's general enquiries address when set.
    pub contact_email: Option<String>,
    /// Replaces the edition's reservation address when set.
    pub reservation_email: Option<String>,
}

/// The submission endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubmissionConfig {
    /// An absolute `https://` (or `http://`) URL, or a path relative to the app's base
    /// (`api/applications`, the reference receiver behind `make serve`).
    pub endpoint: String,
    /// Seconds before an attempt is abandoned and retried (1 to 120).
    pub timeout_seconds: u32,
}

/// What is wrong with the configuration, naming the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON, or a field missing, unknown or of the wrong form.
    Format(JsonError),
    /// Another schema version.
    UnsupportedSchema {
        /// The version found.
        found: u32,
    },
    /// Not an absolute http(s) URL or a relative path.
    BadEndpoint,
    /// The timeout is outside 1 to 120 seconds.
    BadTimeout,
    /// Not an origin such as `https://www.example.org` (index in the list).
    BadOrigin(usize),
    /// Not an e-mail address (the field's name).
    BadEmail(&'static str),
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
            ConfigError::BadOrigin(i) => format!("embed.allowed_origins.{i}"),
            ConfigError::BadEmail(f) => format!("contact.{f}"),
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
    /// assert!(c.embed_origins.is_empty());
    /// ```
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let value = json::parse(text).map_err(ConfigError::Format)?;
        if let Some(found) = value.get("schema").and_then(Json::as_u32).filter(|s| *s != CONFIG_SCHEMA) {
            return Err(ConfigError::UnsupportedSchema { found });
        }
        let raw = RawConfig::from_json(&value, "").map_err(ConfigError::Format)?;
        let endpoint = raw.endpoint.trim();
        let absolute = endpoint.starts_with("https://") || endpoint.starts_with("http://");
        let relative = !endpoint.contains("://") && !endpoint.starts_with("//");
        if endpoint.is_empty() || endpoint.chars().any(char::is_whitespace) || !(absolute || relative) {
            return Err(ConfigError::BadEndpoint);
        }
        if !(1..=120).contains(&raw.timeout_seconds) {
            return Err(ConfigError::BadTimeout);
        }
        let mut embed_origins = Vec::new();
        for (i, o) in raw.origins.iter().enumerate() {
            embed_origins.push(Origin::parse(o).ok_or(ConfigError::BadOrigin(i))?);
        }
        for (name, value) in [("email", &raw.contact_email), ("reservation_email", &raw.reservation_email)] {
            if value.as_deref().is_some_and(|v| !is_email(v)) {
                return Err(ConfigError::BadEmail(name));
            }
        }
        Ok(Config {
            schema: raw.schema,
            submission: SubmissionConfig { endpoint: endpoint.to_owned(), timeout_seconds: raw.timeout_seconds },
            embed_origins,
            contact_email: raw.contact_email,
            reservation_email: raw.reservation_email,
        })
    }

    /// The edition's contact with this deployment's overrides applied.
    #[must_use]
    pub fn contact(&self, edition: &Contact) -> Contact {
        Contact {
            email: self.contact_email.clone().unwrap_or_else(|| edition.email.clone()),
            reservation_email: self.reservation_email.clone().unwrap_or_else(|| edition.reservation_email.clone()),
        }
    }
}

/// The file as written, before the checks that need more than one field.
struct RawConfig {
    schema: u32,
    endpoint: String,
    timeout_seconds: u32,
    origins: Vec<String>,
    contact_email: Option<String>,
    reservation_email: Option<String>,
}

impl FromJson for RawConfig {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["schema", "submission", "embed", "contact"])?;
        let schema = f.req("schema")?;
        let sub = f.raw("submission").unwrap_or(&Json::Null);
        let mut s = Fields::strict(sub, "submission", &["endpoint", "timeout_seconds"])?;
        let endpoint = s.req("endpoint")?;
        let timeout_seconds = s.opt("timeout_seconds")?.unwrap_or(15);
        let origins = match f.raw("embed") {
            None | Some(Json::Null) => Vec::new(),
            Some(embed) => Fields::strict(embed, "embed", &["allowed_origins"])?.or_default("allowed_origins")?,
        };
        let (contact_email, reservation_email) = match f.raw("contact") {
            None | Some(Json::Null) => (None, None),
            Some(c) => {
                let mut c = Fields::strict(c, "contact", &["email", "reservation_email"])?;
                (c.opt("email")?, c.opt("reservation_email")?)
            }
        };
        Ok(RawConfig { schema, endpoint, timeout_seconds, origins, contact_email, reservation_email })
    }
}
