//! Drafts as stored in the browser: a versioned envelope, migrations, and which copy wins.
//!
//! Stored or imported text is parsed once into a `serde_json::Value`, brought to the current
//! version by [`migrate`] (each older version is a function on that value), then read strictly as
//! an [`Envelope`]. Drafts saved by every earlier build therefore still open, and anything that is
//! not one of our drafts is refused with a reason.

use super::application::Draft;
use super::document::{self, DocumentError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The envelope version this build writes.
pub const DRAFT_SCHEMA: u32 = 2;

/// A draft with what is needed to read it back safely.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Marks the file as ours (exports are recognised by it).
    pub kind: String,
    /// Envelope version.
    pub schema: u32,
    /// The edition the draft was written for.
    pub edition: String,
    /// When it was last saved, UTC RFC 3339 (`2025-09-01T10:00:00.000Z`). Newer wins.
    pub saved_at: String,
    /// The answers.
    pub data: Draft,
}

/// The `kind` of every envelope.
pub const KIND: &str = "metropolis-diploma-draft";

/// Why stored or imported text is not a draft this build can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON.
    NotJson,
    /// JSON, but not one of our drafts.
    NotADraft,
    /// A draft from a newer version of the app.
    FutureVersion {
        /// The version found.
        found: u32,
    },
    /// One of our drafts, but a field does not fit (named by its path, `data.about.email`).
    Invalid(DocumentError),
}

impl Envelope {
    /// Wraps answers for storage.
    #[must_use]
    pub fn new(edition: &str, saved_at: &str, data: Draft) -> Envelope {
        Envelope {
            kind: KIND.to_owned(),
            schema: DRAFT_SCHEMA,
            edition: edition.to_owned(),
            saved_at: saved_at.to_owned(),
            data,
        }
    }

    /// The JSON text stored and exported (indented, as people may open the exported file).
    #[must_use]
    pub fn encode(&self) -> String {
        document::to_pretty(self)
    }

    /// Reads stored or imported text, migrating older versions.
    ///
    /// # Errors
    /// [`DecodeError`] says why the text cannot be used; the caller keeps the text.
    pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
        let value = document::parse(text).map_err(|_| DecodeError::NotJson)?;
        document::from_value(migrate(value)?).map_err(DecodeError::Invalid)
    }

    /// Whether `other` is newer than this one (RFC 3339 UTC strings of one format compare as text).
    #[must_use]
    pub fn is_older_than(&self, other: &Envelope) -> bool {
        self.saved_at < other.saved_at
    }
}

/// Brings any known older envelope to [`DRAFT_SCHEMA`], on the parsed value.
///
/// - Version 2 (current): `kind`, `schema`, `edition`, `saved_at`, `data`; kept as it is.
/// - Version 1 (the prototype) had no `kind`, but `version: 1`, `saved`, and `answers` with a single
///   `about.name`, a boolean `organisation.member`, and no idempotency key (see `from_v1`).
///
/// # Errors
/// [`DecodeError::NotADraft`] for anything else, [`DecodeError::FutureVersion`] for a newer `schema`.
pub fn migrate(value: Value) -> Result<Value, DecodeError> {
    let Value::Object(members) = value else { return Err(DecodeError::NotADraft) };
    if let Some(kind) = members.get("kind") {
        if kind.as_str() != Some(KIND) {
            return Err(DecodeError::NotADraft);
        }
        let schema = members.get("schema").and_then(Value::as_u64).ok_or(DecodeError::NotADraft)?;
        return match u32::try_from(schema).unwrap_or(u32::MAX) {
            DRAFT_SCHEMA => Ok(Value::Object(members)),
            s if s > DRAFT_SCHEMA => Err(DecodeError::FutureVersion { found: s }),
            _ => Err(DecodeError::NotADraft),
        };
    }
    if members.get("version").and_then(Value::as_u64) == Some(1) && members.contains_key("answers") {
        return Ok(from_v1(members));
    }
    Err(DecodeError::NotADraft)
}

/// Version 1 to version 2: the envelope fields renamed, the name split at its last space, the
/// boolean membership turned into `yes`/`no`, and `key` left absent (empty) for the shell to fill.
fn from_v1(mut v1: Map<String, Value>) -> Value {
    let mut answers = v1.remove("answers").unwrap_or(Value::Null);
    let edition = v1.remove("edition").unwrap_or_else(|| Value::String(String::new()));
    let saved = v1.remove("saved").unwrap_or_else(|| Value::String(String::new()));
    if let Some(about) = answers.get_mut("about").and_then(Value::as_object_mut) {
        if let Some(name) = about.remove("name") {
            let name = name.as_str().unwrap_or_default().trim().to_owned();
            let (first, last) = name.rsplit_once(' ').unwrap_or((&name, ""));
            about.insert("first_name".into(), Value::String(first.trim().to_owned()));
            about.insert("surname".into(), Value::String(last.trim().to_owned()));
        }
    }
    if let Some(member) = answers.pointer_mut("/organisation/member") {
        if let Value::Bool(b) = member {
            *member = Value::String(if *b { "yes" } else { "no" }.to_owned());
        }
    }
    serde_json::json!({
        "kind": KIND,
        "schema": DRAFT_SCHEMA,
        "edition": edition,
        "saved_at": saved,
        "data": answers,
    })
}

/// What to do when another tab (or an import) offers a copy of the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// Ours is as new or newer: keep it (and write it again if needed).
    KeepOurs,
    /// Theirs is newer: take it, and tell the person.
    TakeTheirs,
}

/// Never lets an older copy overwrite a newer one.
#[must_use]
pub fn merge(ours: &Envelope, theirs: &Envelope) -> Merge {
    if ours.is_older_than(theirs) && ours.data != theirs.data {
        Merge::TakeTheirs
    } else {
        Merge::KeepOurs
    }
}
