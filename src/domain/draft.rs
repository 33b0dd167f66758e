//! Drafts as stored in the browser: a versioned envelope, migrations, and which copy wins.

use super::application::Draft;
use super::json::{self, object, Fields, Json, JsonError, ToJson};

/// The envelope version this build writes.
pub const DRAFT_SCHEMA: u32 = 2;

/// A draft with what is needed to read it back safely.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// One of our drafts, but a field does not fit.
    Invalid(JsonError),
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
        object(vec![
            ("kind", self.kind.to_json()),
            ("schema", self.schema.to_json()),
            ("edition", self.edition.to_json()),
            ("saved_at", self.saved_at.to_json()),
            ("data", self.data.to_json()),
        ])
        .to_pretty()
    }

    /// Reads stored or imported text, migrating older versions.
    ///
    /// # Errors
    /// [`DecodeError`] says why the text cannot be used; the caller keeps the text.
    pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
        let value = json::parse(text).map_err(|_| DecodeError::NotJson)?;
        let value = migrate(value)?;
        let read = || -> Result<Envelope, JsonError> {
            let mut f = Fields::of(&value, "")?;
            Ok(Envelope {
                kind: f.req("kind")?,
                schema: f.req("schema")?,
                edition: f.req("edition")?,
                saved_at: f.req("saved_at")?,
                data: f.req("data")?,
            })
        };
        read().map_err(DecodeError::Invalid)
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
fn migrate(value: Json) -> Result<Json, DecodeError> {
    let Json::Object(members) = value else { return Err(DecodeError::NotADraft) };
    let get = |key: &str| members.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    if let Some(kind) = get("kind") {
        if kind.as_str() != Some(KIND) {
            return Err(DecodeError::NotADraft);
        }
        let schema = get("schema").and_then(Json::as_u64).ok_or(DecodeError::NotADraft)?;
        return match u32::try_from(schema).unwrap_or(u32::MAX) {
            DRAFT_SCHEMA => Ok(Json::Object(members)),
            s if s > DRAFT_SCHEMA => Err(DecodeError::FutureVersion { found: s }),
            _ => Err(DecodeError::NotADraft),
        };
    }
    // Version 1 had no `kind`, but `version: 1` and `answers`.
    if get("version").and_then(Json::as_u64) != Some(1) || get("answers").is_none() {
        return Err(DecodeError::NotADraft);
    }
    let take = |key: &str, default: Json| get(key).cloned().unwrap_or(default);
    let mut answers = take("answers", Json::Null);
    let edition = take("edition", Json::String(String::new()));
    let saved = take("saved", Json::String(String::new()));
    if let Json::Object(sections) = &mut answers {
        for (section, value) in sections.iter_mut() {
            let Json::Object(fields) = value else { continue };
            match section.as_str() {
                "about" => {
                    if let Some(i) = fields.iter().position(|(k, _)| k == "name") {
                        let (_, name) = fields.remove(i);
                        let name = name.as_str().unwrap_or_default().trim().to_owned();
                        let (first, last) = name.rsplit_once(' ').unwrap_or((&name, ""));
                        fields.push(("first_name".into(), Json::String(first.trim().to_owned())));
                        fields.push(("surname".into(), Json::String(last.trim().to_owned())));
                    }
                }
                "organisation" => {
                    for (k, v) in fields.iter_mut() {
                        if let (true, Json::Bool(member)) = (k == "member", &*v) {
                            *v = Json::String(if *member { "yes" } else { "no" }.to_owned());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(object(vec![
        ("kind", Json::String(KIND.to_owned())),
        ("schema", DRAFT_SCHEMA.to_json()),
        ("edition", edition),
        ("saved_at", saved),
        ("data", answers),
    ]))
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
