//! From a request body to the canonical application the receiver stores: the one place where the
//! receiver calls the domain's contract (`Submission` read with serde, `verify`, `contract_error`).
//!
//! [`examine`] is the seam. It is CPU work, linear in the body's size whatever the domain's types
//! do: [`shape`] first walks the body once with serde_json and refuses objects with more members
//! than any object of the contract has. serde's readers are linear too, and a derived struct stops
//! at the first member it does not know, but a quote note (an internally tagged enum) is buffered
//! whole and its unknown members are skipped: with the shape check, no object of any type holds
//! thousands of members. The handler runs it off the async workers with bounded concurrency.

use chrono::NaiveDate;
use metropolis_diploma::domain::application::Membership;
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::document::{self, DocumentError, Problem};
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::domain::submission::{canonical_key, contract_error, verify, ReceiverError, Submission};
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;

/// The most members an object of the body may have. The contract's largest object has nine
/// (`quote`); a body with more is refused before the domain parses it.
pub const MAX_MEMBERS: usize = 64;

/// What a submission is judged against.
#[derive(Clone, Copy, Debug)]
pub struct Rules<'a> {
    /// The edition applications are for.
    pub edition: &'a Edition,
    /// The World Bank country file.
    pub countries: &'a Countries,
    /// Today's date in Barcelona on the receiver's clock ([`crate::Clock::today_in_barcelona`]).
    pub today: NaiveDate,
}

/// A body read as a submission, with its verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Examined {
    /// The idempotency key in its canonical, lower-case form.
    pub key: String,
    /// [`fingerprint`] of the submission: the same for a retry however it is spaced, ordered or
    /// cased.
    pub fingerprint: String,
    /// The canonical application to store (JSON text), or why it is refused (422). Used only when
    /// the key is new: a key already stored is answered from the store, whatever today's rules say.
    pub verdict: Result<String, Vec<ReceiverError>>,
}

/// Why a body is refused before its key can be looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 400: not UTF-8 JSON (or a field given twice, or nested too deeply).
    BadRequest(Vec<ReceiverError>),
    /// 422: JSON that does not fit the contract, or whose key differs from the header's.
    Unprocessable(Vec<ReceiverError>),
}

impl Refusal {
    /// The refusal of one error: 400 for text that is not JSON, 422 for anything else.
    fn of(e: ReceiverError) -> Refusal {
        if e.code == "invalid_json" {
            Refusal::BadRequest(vec![e])
        } else {
            Refusal::Unprocessable(vec![e])
        }
    }
}

/// Reads, checks and prices a submission: the receiver's whole judgement of a body.
///
/// `header_key` is the `Idempotency-Key` header (present and ASCII; the handler checks that).
/// `verify` checks the envelope (the registration date against `rules.today` and the edition's
/// calendar among them), every answer, and the quote; what is stored is the submission written
/// back with the canonical answers and the receiver's own quote from the `Application` it returns,
/// so that the export keeps the envelope (language, registration date, time sent) with them.
///
/// # Errors
/// [`Refusal::BadRequest`] for a body that is not UTF-8 JSON, [`Refusal::Unprocessable`] for one
/// that does not fit the contract or whose key is not the header's.
pub fn examine(body: &[u8], header_key: &str, rules: &Rules<'_>) -> Result<Examined, Refusal> {
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(Refusal::BadRequest(vec![ReceiverError::new(
            "body",
            "invalid_json",
            "The body is not UTF-8 JSON.",
        )]));
    };
    shape(text)?;
    let mut sub: Submission = document::from_json(text).map_err(|e| Refusal::of(contract_error(&e)))?;
    // Keys are UUIDs, whose letters are case-insensitive: one application whatever the case.
    let key = canonical_key(&sub.idempotency_key);
    if canonical_key(header_key) != key {
        return Err(Refusal::Unprocessable(vec![ReceiverError::new(
            "idempotency_key",
            "key_mismatch",
            "The Idempotency-Key header must equal the body's idempotency_key.",
        )]));
    }
    // Judged as received (a key that is not a UUID as written is refused), stored canonical.
    let verdict = verify(&sub, rules.edition, rules.countries, rules.today);
    sub.idempotency_key.clone_from(&key);
    sub.answers.key = canonical_key(&sub.answers.key);
    let fingerprint = fingerprint(&sub);
    let verdict = verdict.map(|application| {
        document::to_text(&Submission { answers: application.answers, quote: application.quote, ..sub })
    });
    Ok(Examined { key, fingerprint, verdict })
}

/// SHA-256 (hex) of a submission written back by serde, its keys already canonical: what tells a
/// retry (the same fingerprint under a stored key) from a key reused for another application.
#[must_use]
pub fn fingerprint(sub: &Submission) -> String {
    crate::db::sha256_hex(document::to_text(sub).as_bytes())
}

/// A row stored by version 1 of the database, which kept the body as received, in this version's
/// form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Legacy {
    /// The canonical application: the body read back (members the contract does not have are
    /// gone), keys lower-cased, colleagues only when registering with colleagues, dues only for
    /// members. The quote stays the one verified when it was received.
    pub application: String,
    /// The [`fingerprint`] a retry of that body has now (version 1 hashed the key as sent).
    pub fingerprint: String,
}

/// [`Legacy`] of a body stored by version 1; `None` when the text is not a submission.
///
/// Version 1 read bodies leniently, ignoring members the contract does not have; the serde domain
/// refuses them, naming each by its path, so each is dropped in turn until the body reads. Version
/// 1 had no limit on members, so each attempt reads the parsed value in place: it stops at the first
/// unknown member, and a row with thousands of them costs thousands of short reads, not as many
/// copies of the row.
#[must_use]
pub fn canonical_legacy(body: &str) -> Option<Legacy> {
    let mut value: Value = serde_json::from_str(body).ok()?;
    let mut sub: Submission = loop {
        match serde_path_to_error::deserialize(&value).map_err(document::classify) {
            Ok(sub) => break sub,
            Err(DocumentError { path, problem: Problem::Unknown }) => remove(&mut value, &path)?,
            Err(_) => return None,
        }
    };
    sub.idempotency_key = canonical_key(&sub.idempotency_key);
    sub.answers.key = canonical_key(&sub.answers.key);
    let fingerprint = fingerprint(&sub);
    if sub.answers.registration.with_colleagues != Some(true) {
        sub.answers.registration.colleagues.clear();
    }
    if sub.answers.organisation.member != Some(Membership::Yes) {
        sub.answers.organisation.dues_paid = None;
    }
    Some(Legacy { application: document::to_text(&sub), fingerprint })
}

/// Removes the object member at a dotted `path` (`answers.about.nickname`,
/// `answers.registration.colleagues.0.age`); `None` when there is none.
fn remove(value: &mut Value, path: &str) -> Option<()> {
    let (parent, name) = match path.rsplit_once('.') {
        Some((parent, name)) => (Some(parent), name),
        None => (None, path),
    };
    let mut at = value;
    for segment in parent.into_iter().flat_map(|p| p.split('.')) {
        at = match at {
            Value::Object(map) => map.get_mut(segment)?,
            Value::Array(items) => items.get_mut(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    at.as_object_mut()?.remove(name).map(|_| ())
}

/// One pass over the body with serde_json: JSON syntax (400 with line and column), no object with
/// more than [`MAX_MEMBERS`] members (422 `too_many_fields` at its path), and an object at the top
/// (422 `body` / `invalid`: serde would otherwise read a list as the fields in order).
///
/// # Errors
/// The refusal, as [`examine`] gives it.
pub fn shape(text: &str) -> Result<(), Refusal> {
    let crowded = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let walked = Shape { path: String::new(), crowded: &crowded }.deserialize(&mut de).and_then(|()| de.end());
    match (walked, crowded.into_inner()) {
        (Ok(()), _) if text.trim_start_matches([' ', '\t', '\n', '\r']).starts_with('{') => Ok(()),
        (Ok(()), _) => {
            Err(Refusal::Unprocessable(vec![ReceiverError::new("body", "invalid", "The body must be a JSON object.")]))
        }
        (Err(_), Some(path)) => Err(Refusal::Unprocessable(vec![ReceiverError::new(
            if path.is_empty() { "body".to_owned() } else { path },
            "too_many_fields",
            format!("This object has more than {MAX_MEMBERS} members; no object of the contract has."),
        )])),
        (Err(e), None) => Err(Refusal::BadRequest(vec![ReceiverError::new(
            "body",
            "invalid_json",
            format!("The body is not JSON (line {}, column {}).", e.line(), e.column()),
        )])),
    }
}

/// A value at `path`; records the path of the first object with too many members in `crowded`.
struct Shape<'a> {
    path: String,
    crowded: &'a RefCell<Option<String>>,
}

impl Shape<'_> {
    fn child(&self, name: &str) -> Shape<'_> {
        let path = if self.path.is_empty() { name.to_owned() } else { format!("{}.{name}", self.path) };
        Shape { path, crowded: self.crowded }
    }
}

impl<'de> DeserializeSeed<'de> for Shape<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Shape<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        while seq.next_element_seed(self.child(&index.to_string()))?.is_some() {
            index += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut members = 0;
        while let Some(key) = map.next_key::<String>()? {
            members += 1;
            if members > MAX_MEMBERS {
                *self.crowded.borrow_mut() = Some(self.path.clone());
                return Err(A::Error::custom("too many members"));
            }
            map.next_value_seed(self.child(&key))?;
        }
        Ok(())
    }
}
