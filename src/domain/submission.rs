//! The submission contract: the JSON an application is sent as, and the receiver's checks of it.
//!
//! The browser builds a [`Submission`] from the draft and the quote it showed; a receiver reads it
//! back with [`Submission::from_json`] and trusts it only after [`verify`], which validates every
//! answer and prices the application again with the same fee engine. The JSON Schema of this
//! contract is `intake/schema/application-v1.schema.json`.

use super::application::{finalize, Application, Draft, ErrorCode, FieldError};
use super::countries::Countries;
use super::edition::Edition;
use super::fees::Quote;
use super::json::{self, object, Fields, FromJson, Json, JsonError, Problem, ToJson};
use chrono::NaiveDate;

/// The contract version this build writes and accepts.
pub const SUBMISSION_SCHEMA: u32 = 1;

/// An application as POSTed to the submission endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// The day the quote was computed for (early bird), `YYYY-MM-DD`.
    pub registration_date: NaiveDate,
    /// Every answer.
    pub answers: Draft,
    /// The quote as the applicant saw it.
    pub quote: Quote,
}

/// One problem with a submission, as in the receiver's 422 body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiverError {
    /// Dotted path of the field (`answers.about.email`, `quote`), or `body` for the document as a whole.
    pub field: String,
    /// Stable code (`required`, `quote_mismatch`...).
    pub code: String,
    /// A short English sentence for people reading logs or exports.
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
        ErrorCode::TooManyWords { limit } => format!("This answer has more than {limit} words."),
        ErrorCode::NoColleagues => "Registering with colleagues, but none is named.".to_owned(),
        ErrorCode::TooManyPeople { max } => format!("At most {max} people can register together."),
        ErrorCode::MustAccept => "This declaration must be accepted.".to_owned(),
        ErrorCode::UnknownCountry => "This country is not in the World Bank list.".to_owned(),
    };
    (code.code(), message)
}

impl Submission {
    /// Reads a submission from JSON text.
    ///
    /// # Errors
    /// `body`/`invalid_json` when the text is not JSON; otherwise `invalid` with the dotted path of
    /// the field that does not fit the contract (a missing field included).
    pub fn from_json(text: &str) -> Result<Submission, ReceiverError> {
        json::from_text(text).map_err(|e: JsonError| {
            let field = if e.path.is_empty() { "body".to_owned() } else { e.path };
            match e.problem {
                Problem::Syntax { line, column } => ReceiverError::new(
                    field,
                    "invalid_json",
                    format!("The body is not JSON (line {line}, column {column})."),
                ),
                Problem::TooDeep => ReceiverError::new(field, "invalid_json", "The body is nested too deeply."),
                Problem::Missing => ReceiverError::new(field, "missing", "This field is required."),
                Problem::Unknown => ReceiverError::new(field, "unknown_field", "The contract has no such field."),
                Problem::Expected { expected, found } => ReceiverError::new(
                    field,
                    "invalid",
                    format!("`{found}` does not fit the contract (expected {}).", json::describe(&expected)),
                ),
            }
        })
    }

    /// The JSON text POSTed.
    #[must_use]
    pub fn to_json_text(&self) -> String {
        self.to_json().to_text()
    }
}

impl ToJson for Submission {
    fn to_json(&self) -> Json {
        object(vec![
            ("schema_version", self.schema_version.to_json()),
            ("idempotency_key", self.idempotency_key.to_json()),
            ("submitted_at", self.submitted_at.to_json()),
            ("locale", self.locale.to_json()),
            ("edition", self.edition.to_json()),
            ("registration_date", self.registration_date.to_json()),
            ("answers", self.answers.to_json()),
            ("quote", self.quote.to_json()),
        ])
    }
}

impl FromJson for Submission {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(
            value,
            path,
            &[
                "schema_version",
                "idempotency_key",
                "submitted_at",
                "locale",
                "edition",
                "registration_date",
                "answers",
                "quote",
            ],
        )?;
        let s = Submission {
            schema_version: f.req("schema_version")?,
            idempotency_key: f.req("idempotency_key")?,
            submitted_at: f.req("submitted_at")?,
            locale: f.req("locale")?,
            edition: f.req("edition")?,
            registration_date: f.req("registration_date")?,
            answers: f.req("answers")?,
            quote: f.req("quote")?,
        };
        Ok(s)
    }
}

impl ToJson for ReceiverError {
    fn to_json(&self) -> Json {
        object(vec![
            ("field", self.field.to_json()),
            ("code", self.code.to_json()),
            ("message", self.message.to_json()),
        ])
    }
}

impl FromJson for ReceiverError {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::of(value, path)?;
        Ok(ReceiverError { field: f.req("field")?, code: f.or_default("code")?, message: f.or_default("message")? })
    }
}

/// The app's own form of a receiver's problem with an answer (`answers.about.email` /
/// `invalid_email`), so the check page can word it in the applicant's language and link to the
/// field; `None` for problems that are not about one answer (the quote, the envelope) or codes this
/// build does not know.
#[must_use]
pub fn field_error(e: &ReceiverError, edition: &Edition) -> Option<FieldError> {
    let field = e.field.strip_prefix("answers.")?;
    let limit = match field {
        "motivation.why" => super::application::WORDS_WHY,
        "motivation.experience" => super::application::WORDS_EXPERIENCE,
        _ => super::application::WORDS_PROJECT,
    };
    let code = ErrorCode::from_code(&e.code, limit, edition.fees.group_discount.max_size)?;
    Some(FieldError { field: field.to_owned(), code })
}

/// Whether `s` is a UUID in its canonical text form: 8-4-4-4-12 hexadecimal digits.
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

/// Checks a submission against the edition and prices it again.
///
/// The answers are validated with [`finalize`] for `registration_date`, and the recomputed quote must
/// equal the submitted one exactly: currency, list fee, lines, per-person fee, people, total, the
/// reduced-place scenario and the classification year (notes are display text and are not compared).
///
/// # Errors
/// Every problem found, envelope first, then the answers in step order, then the quote.
pub fn verify(sub: &Submission, edition: &Edition, countries: &Countries) -> Result<Application, Vec<ReceiverError>> {
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
    } else if sub.answers.key != sub.idempotency_key {
        errors.push(ReceiverError::new(
            "answers.key",
            "key_mismatch",
            "The draft's key must equal the idempotency key.",
        ));
    }
    match utc_timestamp_date(&sub.submitted_at) {
        None => errors.push(ReceiverError::new(
            "submitted_at",
            "invalid_timestamp",
            "The submission time must be UTC in RFC 3339 form, e.g. 2025-09-01T10:00:00.000Z.",
        )),
        // The applicant's calendar day may differ from UTC's by one day either way.
        Some(day) if (sub.registration_date - day).num_days().abs() > 1 => errors.push(ReceiverError::new(
            "registration_date",
            "date_mismatch",
            "The registration date must be the day of the submission.",
        )),
        Some(_) => {}
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
