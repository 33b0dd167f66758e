//! Drafts as stored in the browser: a versioned envelope, migrations, and which copy wins.

use super::application::Draft;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The envelope version this build writes.
pub const DRAFT_SCHEMA: u32 = 2;

/// A draft with what is needed to read it back safely.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// One of our drafts, but its content does not fit.
    Invalid {
        /// The parser's description.
        detail: String,
    },
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

    /// The JSON text stored and exported.
    #[must_use]
    pub fn encode(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads stored or imported text, migrating older versions.
    ///
    /// # Errors
    /// [`DecodeError`] says why the text cannot be used; the caller keeps the text.
    pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
        let value: Value = serde_json::from_str(text).map_err(|_| DecodeError::NotJson)?;
        let value = migrate(value)?;
        serde_json::from_value(value).map_err(|e| DecodeError::Invalid { detail: e.to_string() })
    }

    /// Whether `other` is newer than this one (RFC 3339 UTC strings of one format compare as text).
    #[must_use]
    pub fn is_older_than(&self, other: &Envelope) -> bool {
        self.saved_at < other.saved_at
    }
}

/// Brings any known older envelope to [`DRAFT_SCHEMA`].
///
/// Version 1 (the prototype) had `version`, `saved`, and `answers` with a single `name`, a boolean
/// `member`, and no idempotency key. Version 2 renames the envelope fields, splits the name at the
/// last space, turns the boolean into `yes`/`no`, and leaves `key` empty for the shell to fill.
fn migrate(mut value: Value) -> Result<Value, DecodeError> {
    let object = value.as_object().ok_or(DecodeError::NotADraft)?;
    if let Some(kind) = object.get("kind") {
        if kind != KIND {
            return Err(DecodeError::NotADraft);
        }
        let schema = object.get("schema").and_then(Value::as_u64).ok_or(DecodeError::NotADraft)?;
        let schema = u32::try_from(schema).unwrap_or(u32::MAX);
        return match schema {
            DRAFT_SCHEMA => Ok(value),
            s if s > DRAFT_SCHEMA => Err(DecodeError::FutureVersion { found: s }),
            _ => Err(DecodeError::NotADraft),
        };
    }
    // Version 1 had no `kind`, but `version: 1` and `answers`.
    if object.get("version").and_then(Value::as_u64) != Some(1) || !object.contains_key("answers") {
        return Err(DecodeError::NotADraft);
    }
    let v1 = value.as_object_mut().ok_or(DecodeError::NotADraft)?;
    let mut answers = v1.remove("answers").unwrap_or(Value::Null);
    let edition = v1.remove("edition").unwrap_or(Value::String(String::new()));
    let saved = v1.remove("saved").unwrap_or(Value::String(String::new()));
    if let Some(about) = answers.get_mut("about").and_then(Value::as_object_mut) {
        if let Some(Value::String(name)) = about.remove("name") {
            let name = name.trim();
            let (first, last) = name.rsplit_once(' ').unwrap_or((name, ""));
            about.insert("first_name".into(), Value::String(first.trim().to_owned()));
            about.insert("surname".into(), Value::String(last.trim().to_owned()));
        }
    }
    if let Some(org) = answers.get_mut("organisation").and_then(Value::as_object_mut) {
        if let Some(Value::Bool(member)) = org.get("member") {
            let member = if *member { "yes" } else { "no" };
            org.insert("member".into(), Value::String(member.to_owned()));
        }
    }
    Ok(serde_json::json!({
        "kind": KIND,
        "schema": DRAFT_SCHEMA,
        "edition": edition,
        "saved_at": saved,
        "data": answers,
    }))
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
