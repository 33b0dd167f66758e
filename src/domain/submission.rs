//! The submission contract: the JSON an application is sent as, and the receiver's checks of it.
//!
//! The browser builds a [`Submission`] from the draft and the quote it showed; a receiver reads it
//! back with [`Submission::from_json`] and trusts it only after [`verify`], which validates every
//! answer on the receiver's own date and prices the application again with the same fee engine.
//! What a receiver stores is the canonical [`Application`] that [`verify`] returns, never the raw
//! body. The JSON Schema of this contract is `intake/schema/application-v1.schema.json`.

use super::application::{finalize, Application, Draft, ErrorCode, FieldError};
use super::calendar;
use super::countries::Countries;
use super::dates::iso_date;
use super::document::{self, DocumentError, Problem};
use super::edition::Edition;
use super::fees::Quote;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The contract version this build writes and accepts.
pub const SUBMISSION_SCHEMA: u32 = 1;

/// An application as POSTed to the submission endpoint. Strict: a field the contract does not
/// have is refused at every level (the answers and the quote included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Contract version; must equal [`SUBMISSION_SCHEMA`].
    pub schema_version: u32,
    /// The draft's UUID (`Draft::key`); the `Idempotency-Key` header carries the same value.
    pub idempotency_key: String,
    /// When the applicant pressed "Send", UTC RFC 3339 (`2025-09-01T10:00:00.000Z`).
    pub submitted_at: String,
    /// The interface language (`en`).
    pub locale: String,
    /// The edition id (`2025-3`).
    pub edition: String,
    /// The day the quote was computed for (early bird), `YYYY-MM-DD`: today or yesterday on the
    /// receiver's clock.
    #[serde(with = "iso_date")]
    pub registration_date: NaiveDate,
    /// Every answer.
    pub answers: Draft,
    /// The quote as the applicant saw it.
    pub quote: Quote,
}

/// One problem with a submission, as in the receiver's 422 body:
/// `{ "field": "…", "code": "…", "message": "…" }`. Read leniently (any endpoint may answer): only
/// `field` is required, and other members are ignored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiverError {
    /// Dotted path of the field (`answers.about.email`, `quote`), or `body` for the document as a whole.
    pub field: String,
    /// Stable code (`required`, `quote_mismatch`...).
    #[serde(default)]
    pub code: String,
    /// A short English sentence for people reading logs or exports.
    #[serde(default)]
    pub message: String,
}

impl ReceiverError {
    /// An error with its field, code and message.
    #[must_use]
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> ReceiverError {
        ReceiverError { field: field.into(), code: code.into(), message: message.into() }
    }

    /// The receiver's form of a validation problem of the answers: the field gets the `answers.` prefix.
    #[must_use]
    pub fn from_field_error(e: &FieldError) -> ReceiverError {
        let (code, message) = describe(e.code);
        ReceiverError::new(format!("answers.{}", e.field), code, message)
    }
}

/// The code and English sentence of a validation problem.
#[must_use]
pub fn describe(code: ErrorCode) -> (&'static str, String) {
    let message = match code {
        ErrorCode::Required => "This answer is required.".to_owned(),
        ErrorCode::InvalidEmail => "This is not an e-mail address.".to_owned(),
        ErrorCode::InvalidPhone => "This is not a phone number with its country code (+...).".to_owned(),
        ErrorCode::InvalidYears => "Years must be a whole number from 0 to 60.".to_owned(),
        ErrorCode::TooLong { max } => format!("This answer is longer than {max} characters."),
        ErrorCode::TooManyWords { limit } => format!("This answer has more than {limit} words."),
        ErrorCode::NoColleagues => "Registering with colleagues, but none is named.".to_owned(),
        ErrorCode::TooManyPeople { max } => format!("At most {max} people can register together."),
        ErrorCode::MustAccept => "This declaration must be accepted.".to_owned(),
        ErrorCode::UnknownCountry => "This country is not in the World Bank list.".to_owned(),
    };
    (code.code(), message)
}

impl Submission {
    /// Reads a submission from JSON text (linear in its length).
    ///
    /// # Errors
    /// `body`/`invalid_json` when the text is not JSON (or repeats a field); otherwise `missing`,
    /// `unknown_field` or `invalid` with the dotted path of the field that does not fit the
    /// contract (see [`contract_error`]).
    pub fn from_json(text: &str) -> Result<Submission, ReceiverError> {
        // serde also reads a struct from a list of its fields in order; the contract's body is an
        // object, so a list is refused as such rather than field by field.
        if text.trim_start().starts_with('[') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            return Err(ReceiverError::new("body", "invalid", "The body must be a JSON object."));
        }
        document::from_json(text).map_err(|e| contract_error(&e))
    }

    /// The JSON text POSTed (compact; the field order of the contract).
    #[must_use]
    pub fn to_json_text(&self) -> String {
        document::to_text(self)
    }
}

/// The receiver's form of a body that does not fit the contract: `body`/`invalid_json` for text
/// that is not JSON, nested too deeply or with a field twice; else the field's path with
/// `missing`, `unknown_field` or `invalid`.
#[must_use]
pub fn contract_error(e: &DocumentError) -> ReceiverError {
    let field = if e.path.is_empty() { "body".to_owned() } else { e.path.clone() };
    match &e.problem {
        Problem::Syntax { line, column } => {
            ReceiverError::new("body", "invalid_json", format!("The body is not JSON (line {line}, column {column})."))
        }
        Problem::TooDeep => ReceiverError::new("body", "invalid_json", "The body is nested too deeply."),
        Problem::Duplicate => {
            ReceiverError::new("body", "invalid_json", format!("The body gives the field {field} twice."))
        }
        Problem::Missing => ReceiverError::new(field, "missing", "This field is required."),
        Problem::Unknown => ReceiverError::new(field, "unknown_field", "The contract has no such field."),
        Problem::Empty => ReceiverError::new(field, "invalid", "This list must not be empty."),
        Problem::Invalid { expected, found } => {
            ReceiverError::new(field, "invalid", format!("`{found}` does not fit the contract (expected {expected})."))
        }
    }
}

/// The app's own form of a receiver's problem with an answer (`answers.about.email` /
/// `invalid_email`), so the check page can word it in the applicant's language and link to the
/// field; `None` for problems that are not about one answer (the quote, the envelope) or codes this
/// build does not know.
#[must_use]
pub fn field_error(e: &ReceiverError, edition: &Edition) -> Option<FieldError> {
    let field = e.field.strip_prefix("answers.")?;
    let code = ErrorCode::from_code(&e.code, field, edition)?;
    Some(FieldError { field: field.to_owned(), code })
}

/// The canonical form of an idempotency key: trimmed, lower case (UUIDs compare without case).
#[must_use]
pub fn canonical_key(key: &str) -> String {
    key.trim().to_ascii_lowercase()
}

/// Whether `s` is a UUID in its text form: 8-4-4-4-12 hexadecimal digits (either case).
#[must_use]
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether `s` is a UTC timestamp in RFC 3339 form ending in `Z` (`2025-09-01T10:00:00.000Z`); returns its date.
#[must_use]
pub fn utc_timestamp_date(s: &str) -> Option<NaiveDate> {
    if !s.ends_with('Z') {
        return None;
    }
    chrono::DateTime::parse_from_rfc3339(s).ok().map(|t| t.date_naive())
}

/// Whether `s` looks like a language tag (`en`, `es`, `pt-BR`): letters, digits and dashes, starting with 2-3 letters.
fn is_locale(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Checks a submission against the edition on the receiver's Barcelona date `today`, and prices
/// it again.
///
/// - the envelope: schema version, a UUID key equal to the answers' key (compared in canonical
///   lower case), a UTC timestamp, a language tag, this edition's id;
/// - `registration_date` must be `today` or yesterday (an applicant who pressed Send just before
///   midnight), else `registration_date`/`date_mismatch`: a client cannot choose the day it is
///   priced on;
/// - the edition must take applications on `registration_date` ([`calendar::accepts_applications`]),
///   else `edition`/`edition_closed`;
/// - the answers are validated with [`finalize`] for `registration_date`, and the recomputed quote
///   must equal the submitted one exactly: currency, list fee, lines, per-person fee, people, total,
///   the reduced-place scenario and the classification year (notes are display text).
///
/// The [`Application`] returned is canonical (see [`finalize`]; its key is lower case): what a
/// receiver stores.
///
/// # Errors
/// Every problem found, envelope first, then the answers in step order, then the quote.
pub fn verify(
    sub: &Submission,
    edition: &Edition,
    countries: &Countries,
    today: NaiveDate,
) -> Result<Application, Vec<ReceiverError>> {
    let mut errors = Vec::new();
    if sub.schema_version != SUBMISSION_SCHEMA {
        errors.push(ReceiverError::new(
            "schema_version",
            "unsupported_version",
            format!("Only schema version {SUBMISSION_SCHEMA} is accepted."),
        ));
    }
    if !is_uuid(&sub.idempotency_key) {
        errors.push(ReceiverError::new(
            "idempotency_key",
            "invalid_uuid",
            "The idempotency key must be a UUID (8-4-4-4-12 hexadecimal digits).",
        ));
    } else if canonical_key(&sub.answers.key) != canonical_key(&sub.idempotency_key) {
        errors.push(ReceiverError::new(
            "answers.key",
            "key_mismatch",
            "The draft's key must equal the idempotency key.",
        ));
    }
    if utc_timestamp_date(&sub.submitted_at).is_none() {
        errors.push(ReceiverError::new(
            "submitted_at",
            "invalid_timestamp",
            "The submission time must be UTC in RFC 3339 form, e.g. 2025-09-01T10:00:00.000Z.",
        ));
    }
    let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    let date_ok = sub.registration_date == today || sub.registration_date == yesterday;
    if !date_ok {
        errors.push(ReceiverError::new(
            "registration_date",
            "date_mismatch",
            "The registration date must be today or yesterday in Barcelona.",
        ));
    }
    if !is_locale(&sub.locale) {
        errors.push(ReceiverError::new("locale", "invalid_locale", "The locale must be a language tag such as en."));
    }
    if sub.edition != edition.id {
        errors.push(ReceiverError::new(
            "edition",
            "unknown_edition",
            format!("This receiver takes applications for edition {} only.", edition.id),
        ));
    } else if date_ok && !calendar::accepts_applications(edition, sub.registration_date) {
        errors.push(ReceiverError::new(
            "edition",
            "edition_closed",
            format!("Edition {} does not take applications on this date.", edition.id),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let application = match finalize(&sub.answers, edition, countries, sub.registration_date) {
        Ok(application) => application,
        Err(field_errors) => return Err(field_errors.iter().map(ReceiverError::from_field_error).collect()),
    };
    if !same_price(&application.quote, &sub.quote) {
        return Err(vec![ReceiverError::new(
            "quote",
            "quote_mismatch",
            "The quote does not match the fees computed for these answers.",
        )]);
    }
    Ok(application)
}

/// The parts of a quote that are the price.
fn same_price(a: &Quote, b: &Quote) -> bool {
    a.currency == b.currency
        && a.list_fee == b.list_fee
        && a.lines == b.lines
        && a.per_person == b.per_person
        && a.people == b.people
        && a.total == b.total
        && a.reduced == b.reduced
        && a.classification_year == b.classification_year
}
