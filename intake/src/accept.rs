//! From a request body to the canonical application the receiver stores: the one place where the
//! receiver calls the domain's contract (`Submission`, `verify`, `finalize`).
//!
//! [`examine`] is the seam. It is CPU work, linear in the body's size whatever the domain's parser
//! does: [`shape`] first walks the body once with serde_json and refuses objects with more members
//! than any object of the contract has, so a parser that compares keys pairwise never sees
//! thousands of them. The handler runs it off the async workers with bounded concurrency.
//!
//! When the domain reads submissions with serde (`deny_unknown_fields`, `verify(…, today)`,
//! `finalize` giving the canonical `Application`), only the body of [`examine`] below the shape
//! check changes: the date rule moves into `verify`, and the stored text becomes the serialised
//! application. Its inputs and outputs stay as they are.

use chrono::NaiveDate;
use metropolis_diploma::domain::application::Membership;
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::domain::submission::{verify, ReceiverError, Submission};
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
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
    /// Today's date in Barcelona on the receiver's clock.
    pub today: NaiveDate,
}

/// A body read as a submission, with its verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Examined {
    /// The idempotency key in its canonical, lower-case form.
    pub key: String,
    /// SHA-256 (hex) of the submission parsed and written back, keys lower-cased: the same for a
    /// retry however it is spaced, ordered or cased.
    pub fingerprint: String,
    /// The canonical application to store (JSON text), or why it is refused (422). Used only when
    /// the key is new: a key already stored is answered from the store, whatever today's rules say.
    pub verdict: Result<String, Vec<ReceiverError>>,
}

/// Why a body is refused before its key can be looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 400: not UTF-8 JSON.
    BadRequest(Vec<ReceiverError>),
    /// 422: JSON that does not fit the contract, or whose key differs from the header's.
    Unprocessable(Vec<ReceiverError>),
}

/// Reads, checks and prices a submission: the receiver's whole judgement of a body.
///
/// `header_key` is the `Idempotency-Key` header (present and ASCII; the handler checks that).
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
    let mut sub = match Submission::from_json(text) {
        Ok(sub) => sub,
        Err(e) if e.code == "invalid_json" => return Err(Refusal::BadRequest(vec![e])),
        Err(e) => return Err(Refusal::Unprocessable(vec![e])),
    };
    // Keys are UUIDs, whose letters are case-insensitive: one application whatever the case.
    sub.idempotency_key.make_ascii_lowercase();
    sub.answers.key.make_ascii_lowercase();
    if !header_key.eq_ignore_ascii_case(&sub.idempotency_key) {
        return Err(Refusal::Unprocessable(vec![ReceiverError::new(
            "idempotency_key",
            "key_mismatch",
            "The Idempotency-Key header must equal the body's idempotency_key.",
        )]));
    }
    let fingerprint = crate::db::sha256_hex(sub.to_json_text().as_bytes());

    // Issue 13: the receiver prices on its own date. Moves into `verify(…, today)` with the serde domain.
    let mut errors = Vec::new();
    if sub.registration_date != rules.today && Some(sub.registration_date) != rules.today.pred_opt() {
        errors.push(ReceiverError::new(
            "registration_date",
            "date_mismatch",
            format!("The registration date must be today or yesterday in Barcelona (today is {}).", rules.today),
        ));
    }
    let verdict = match verify(&sub, rules.edition, rules.countries, rules.today) {
        Ok(application) if errors.is_empty() => {
            Ok(Submission { answers: application.answers, quote: application.quote, ..sub.clone() }.to_json_text())
        }
        Ok(_) => Err(errors),
        Err(list) => {
            errors.extend(list.into_iter().filter(|e| e.field != "registration_date"));
            Err(errors)
        }
    };
    Ok(Examined { key: sub.idempotency_key, fingerprint, verdict })
}

/// The canonical form of an application stored by an earlier version, which kept the body as
/// received: parsed and written back (members the contract does not have are gone), keys
/// lower-cased, colleagues only when registering with colleagues, dues only for members. The quote
/// stays the one verified when it was received. `None` when the text is not a submission.
#[must_use]
pub fn canonical_legacy(body: &str) -> Option<String> {
    let mut sub = Submission::from_json(body).ok()?;
    sub.idempotency_key.make_ascii_lowercase();
    sub.answers.key.make_ascii_lowercase();
    if sub.answers.registration.with_colleagues != Some(true) {
        sub.answers.registration.colleagues.clear();
    }
    if sub.answers.organisation.member != Some(Membership::Yes) {
        sub.answers.organisation.dues_paid = None;
    }
    Some(sub.to_json_text())
}

/// One pass over the body with serde_json: JSON syntax (400 with line and column), and no object
/// with more than [`MAX_MEMBERS`] members (422 `too_many_fields` at its path).
///
/// # Errors
/// The refusal, as [`examine`] gives it.
pub fn shape(text: &str) -> Result<(), Refusal> {
    let crowded = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let walked = Shape { path: String::new(), crowded: &crowded }.deserialize(&mut de).and_then(|()| de.end());
    match (walked, crowded.into_inner()) {
        (Ok(()), _) => Ok(()),
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
