//! The edition data: course, dates, fees, discounts, policy, the application calendar and what the
//! course includes, loaded at run time and validated.
//!
//! Every object of the file refuses fields it does not know (`deny_unknown_fields`), so a misspelt
//! key is reported rather than ignored. The additions since the first version of the file
//! (`applications`, `next_edition`, `conditions_url`, `contact`, `content`) are optional and empty
//! by default.

use super::countries::Countries;
use super::dates::{iso_date, iso_date_opt};
use super::document::{self, DocumentError, Problem};
use super::money::{Money, Percent};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema version of `edition.json` this build reads.
pub const EDITION_SCHEMA: u32 = 1;

/// The language every [`LocalizedText`] must have: the brochure's.
pub const REFERENCE_LANGUAGE: &str = "en";

/// One edition of the course, as the secretariat describes it in `public/edition.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Format version of the file; must equal [`EDITION_SCHEMA`].
    pub schema: u32,
    /// Stable identifier of the edition, e.g. `2025-3`; recorded with drafts and submissions.
    pub id: String,
    /// What, where and when.
    pub course: Course,
    /// ISO 4217 code of every amount, e.g. `EUR`.
    pub currency: String,
    /// Fees and discounts.
    pub fees: Fees,
    /// Cancellation and refund terms.
    pub refund: RefundPolicy,
    /// When applications are taken (absent: from now until the day before the course).
    #[serde(default)]
    pub applications: Applications,
    /// The next edition, announced once this one has ended; `null` when not known.
    #[serde(default)]
    pub next_edition: Option<NextEdition>,
    /// Address of the general conditions; the declaration links to it, and without one the form
    /// does not ask to accept them.
    #[serde(default)]
    pub conditions_url: Option<String>,
    /// Where applicants write; both addresses optional.
    #[serde(default)]
    pub contact: Contact,
    /// What the course fee includes and does not include.
    #[serde(default)]
    pub content: Content,
}

/// The course itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Full course name.
    pub name: String,
    /// Edition number (3 for the 2025 edition).
    pub edition_number: u32,
    /// Host city: one name for every language (`"Barcelona"`), or one per language
    /// (`{"en": "Barcelona", "fr": "Barcelone"}`, English required).
    #[serde(deserialize_with = "one_or_localized")]
    pub city: LocalizedText,
    /// First day of the course.
    #[serde(with = "iso_date")]
    pub start_date: NaiveDate,
    /// Last day of the course.
    #[serde(with = "iso_date")]
    pub end_date: NaiveDate,
}

/// The fee rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    /// The non-member fee per person.
    pub list_fee: Money,
    /// Discount for member cities whose dues are paid.
    pub member_discount: MemberDiscount,
    /// Discount for several participants from one organisation.
    pub group_discount: GroupDiscount,
    /// Early-bird discount; absent or `null` when the edition publishes none.
    #[serde(default)]
    pub early_bird: Option<EarlyBird>,
    /// Reduced-fee places by World Bank income class.
    pub income_places: IncomePlaces,
    /// The order in which discounts apply, each on the result of the previous one.
    pub discount_order: Vec<Discount>,
}

/// Member-city rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberDiscount {
    /// Percentage off the list fee.
    pub percent: Percent,
    /// The year whose membership dues must be paid.
    pub dues_year: i32,
}

/// Group registration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDiscount {
    /// Percentage off each participant's fee.
    pub percent: Percent,
    /// Smallest number of people from one organisation that counts as a group.
    pub min_size: u32,
    /// Largest number of people one estimate or application covers.
    pub max_size: u32,
}

/// Early-bird registration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyBird {
    /// Percentage off.
    pub percent: Percent,
    /// Last registration date that qualifies.
    #[serde(with = "iso_date")]
    pub last_date: NaiveDate,
}

/// Reduced-fee places for participants from low- and middle-income countries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomePlaces {
    /// How many reduced places exist in total.
    pub places: u32,
    /// Percentage off for low-income countries (100 = fee waived).
    pub low_income_percent: Percent,
    /// Percentage off for lower- and upper-middle-income countries.
    pub middle_income_percent: Percent,
    /// Who may ask for a place.
    pub eligible: Eligibility,
    /// World Bank fiscal year of the classification, a column of the country file, e.g. `FY2025`.
    pub classification_year: String,
    /// How the brochure names that list, e.g. `2024-2025`.
    pub classification_label: String,
}

/// Who may ask for a reduced-fee place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eligibility {
    /// Participants from Metropolis member cities (`members`).
    Members,
    /// Participants from member cities whose dues are paid (`members_dues_paid`).
    MembersDuesPaid,
    /// Anyone from an eligible country (`everyone`).
    Everyone,
}

/// A discount rule, as named in `discount_order`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Discount {
    /// Member-city rate.
    Membership,
    /// Reduced-fee place by income class.
    IncomePlace,
    /// Group registration.
    Group,
    /// Early bird.
    EarlyBird,
}

impl Discount {
    /// Every rule, in the brochure's order.
    pub const ALL: [Discount; 4] = [Discount::Membership, Discount::IncomePlace, Discount::Group, Discount::EarlyBird];

    /// The stable code used in URLs, JSON and `data-` attributes.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Discount::Membership => "membership",
            Discount::IncomePlace => "income_place",
            Discount::Group => "group",
            Discount::EarlyBird => "early_bird",
        }
    }
}

crate::serde_codes!(Eligibility {
    Members => "members",
    MembersDuesPaid => "members_dues_paid",
    Everyone => "everyone",
});

crate::serde_codes!(Discount {
    Membership => "membership",
    IncomePlace => "income_place",
    Group => "group",
    EarlyBird => "early_bird",
});

/// Cancellation terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundPolicy {
    /// Share of the amount paid that is refunded.
    pub percent: Percent,
    /// Cancellations must arrive before this many calendar days prior to the start.
    pub days_before_start: u32,
    /// Refunds are paid within this many calendar days of the request.
    pub payout_days: u32,
}

/// When applications are taken: `{ "opens": "YYYY-MM-DD" | null, "closes": "YYYY-MM-DD" | null }`.
///
/// No opening date: open already. No closing date: open until the day before the course starts.
/// See [`crate::domain::calendar`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applications {
    /// First day applications are taken.
    #[serde(default, with = "iso_date_opt")]
    pub opens: Option<NaiveDate>,
    /// Last day applications are taken (before the course starts).
    #[serde(default, with = "iso_date_opt")]
    pub closes: Option<NaiveDate>,
}

/// The next edition, as far as it is known; every field optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextEdition {
    /// Its first day.
    #[serde(default, with = "iso_date_opt")]
    pub start_date: Option<NaiveDate>,
    /// Its last day.
    #[serde(default, with = "iso_date_opt")]
    pub end_date: Option<NaiveDate>,
    /// Where to read about it (`https://…`).
    #[serde(default)]
    pub url: Option<String>,
    /// A sentence about it.
    #[serde(default)]
    pub text: Option<LocalizedText>,
}

/// Addresses applicants write to; `null` (or absent) when the secretariat has not given one, and
/// the texts then use wording without an address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// General enquiries.
    #[serde(default)]
    pub email: Option<String>,
    /// The address that sends the place-reservation email; cancellations reply to it.
    #[serde(default)]
    pub reservation_email: Option<String>,
}

/// The brochure's "What's included?" and "What's not included?", in the languages of the site.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// What the fee includes, in the brochure's order.
    #[serde(default)]
    pub included: Vec<LocalizedText>,
    /// What it does not include.
    #[serde(default)]
    pub not_included: Vec<LocalizedText>,
    /// A note under the list of what is not included (the hotel list that comes with accommodation).
    #[serde(default)]
    pub not_included_note: Option<LocalizedText>,
}

/// A text in several languages: an object of language tag to text, `"en"` required.
///
/// ```
/// use metropolis_diploma::domain::edition::LocalizedText;
/// let t = LocalizedText::new([("en", "Lunches"), ("fr", "Les déjeuners")]);
/// assert_eq!((t.get("fr"), t.get("es")), ("Les déjeuners", "Lunches"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// A text from `(tag, text)` pairs.
    #[must_use]
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> LocalizedText {
        LocalizedText(pairs.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect())
    }

    /// The text in `lang` (a primary tag such as `fr`), else in English, else empty.
    #[must_use]
    pub fn get(&self, lang: &str) -> &str {
        self.0.get(lang).or_else(|| self.0.get(REFERENCE_LANGUAGE)).map_or("", String::as_str)
    }

    /// The problem of this text, at `field`: English missing, a key that is not a language tag,
    /// or an empty text.
    fn check(&self, field: &str) -> Result<(), EditionError> {
        for (tag, text) in &self.0 {
            let at = document::join(field, tag);
            if !is_language_tag(tag) {
                return Err(EditionError::at(&at, EditionProblem::NotALanguageTag));
            }
            if text.trim().is_empty() {
                return Err(EditionError::at(&at, EditionProblem::Empty));
            }
        }
        if !self.0.contains_key(REFERENCE_LANGUAGE) {
            return Err(EditionError::at(field, EditionProblem::MissingEnglish));
        }
        Ok(())
    }
}

/// Reads a [`LocalizedText`] that may also be given as one text for every language.
fn one_or_localized<'de, D: serde::Deserializer<'de>>(d: D) -> Result<LocalizedText, D::Error> {
    struct Names;
    impl<'de> serde::de::Visitor<'de> for Names {
        type Value = LocalizedText;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a name, or an object of language tag to name")
        }
        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<LocalizedText, E> {
            Ok(LocalizedText::new([(REFERENCE_LANGUAGE, name)]))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<LocalizedText, A::Error> {
            BTreeMap::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(LocalizedText)
        }
    }
    d.deserialize_any(Names)
}

/// `en`, `fr`, `es`, `pt-BR`: two or three lower-case letters, then optional subtags.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// What is wrong with an edition file, as a code; the words come from the text layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditionProblem {
    /// Not JSON, or a field missing, unknown or of the wrong form.
    Format(Problem),
    /// Not a World Bank fiscal year such as `FY2025`.
    NotAFiscalYear,
    /// The file is for another schema version.
    UnsupportedSchema {
        /// The version found.
        found: u32,
    },
    /// A required text is empty.
    Empty,
    /// Not an e-mail address.
    NotAnEmail,
    /// Not a three-letter ISO 4217 code.
    NotACurrency,
    /// The end date is before the start date.
    EndBeforeStart,
    /// Must be at least the given number.
    TooSmall {
        /// The smallest allowed value.
        min: u32,
    },
    /// Must be at least `min_size`.
    BelowMinimum,
    /// The date is on or after the first day of the course, and must be before it (early bird,
    /// applications opening or closing).
    AfterStart,
    /// Applications close before they open.
    ClosesBeforeOpens,
    /// Not a web address starting with `https://` or `http://`.
    NotAUrl,
    /// A text has no English version (`"en"`).
    MissingEnglish,
    /// A key of a text is not a language tag such as `fr`.
    NotALanguageTag,
    /// The next edition starts before this one has ended.
    NotAfterCourse,
    /// A rule is missing from the order.
    MissingDiscount {
        /// The missing rule.
        discount: Discount,
    },
    /// A rule appears twice in the order.
    DuplicateDiscount {
        /// The repeated rule.
        discount: Discount,
    },
    /// Not a column of the country file.
    UnknownClassificationYear {
        /// The years the country file has.
        available: Vec<String>,
    },
    /// The list fee is zero.
    Zero,
}

/// A problem in the edition file, naming the field (a dotted path such as `fees.list_fee`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditionError {
    /// Dotted path of the field, or empty when the file as a whole is unreadable.
    pub field: String,
    /// What is wrong.
    pub problem: EditionProblem,
}

impl EditionError {
    fn at(field: &str, problem: EditionProblem) -> EditionError {
        EditionError { field: field.to_owned(), problem }
    }
}

impl From<DocumentError> for EditionError {
    fn from(e: DocumentError) -> EditionError {
        EditionError { field: e.path, problem: EditionProblem::Format(e.problem) }
    }
}

impl Edition {
    /// Reads and validates an edition file.
    ///
    /// # Errors
    /// The first problem found, with the dotted path of the field it concerns.
    pub fn from_json(text: &str) -> Result<Edition, EditionError> {
        Edition::read(text, document::from_json)
    }

    /// [`Edition::from_json`] without the field's path in a format error (see
    /// [`document::from_json_plain`]): for the partner frame.
    ///
    /// # Errors
    /// As [`Edition::from_json`].
    pub fn from_json_plain(text: &str) -> Result<Edition, EditionError> {
        Edition::read(text, document::from_json_plain)
    }

    fn read(text: &str, reader: fn(&str) -> Result<Edition, DocumentError>) -> Result<Edition, EditionError> {
        // Another version's fields would be reported as unknown; say what matters instead.
        if let Some(found) = document::peek_schema(text)?.filter(|s| *s != u64::from(EDITION_SCHEMA)) {
            let found = u32::try_from(found).unwrap_or(u32::MAX);
            return Err(EditionError::at("schema", EditionProblem::UnsupportedSchema { found }));
        }
        let edition = reader(text)?;
        edition.validate()?;
        Ok(edition)
    }

    /// Checks the rules the types alone cannot express.
    ///
    /// # Errors
    /// The first problem found.
    pub fn validate(&self) -> Result<(), EditionError> {
        use EditionProblem as P;
        if self.schema != EDITION_SCHEMA {
            return Err(EditionError::at("schema", P::UnsupportedSchema { found: self.schema }));
        }
        for (field, value) in [
            ("id", &self.id),
            ("course.name", &self.course.name),
            ("fees.income_places.classification_label", &self.fees.income_places.classification_label),
        ] {
            if value.trim().is_empty() {
                return Err(EditionError::at(field, P::Empty));
            }
        }
        if self.course.city.0.values().all(|name| name.trim().is_empty()) {
            return Err(EditionError::at("course.city", P::Empty));
        }
        self.course.city.check("course.city")?;
        if self.currency.len() != 3 || !self.currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(EditionError::at("currency", P::NotACurrency));
        }
        let (start, end) = self.dates();
        if end < start {
            return Err(EditionError::at("course.end_date", P::EndBeforeStart));
        }
        if self.fees.list_fee == Money::ZERO {
            return Err(EditionError::at("fees.list_fee", P::Zero));
        }
        let group = &self.fees.group_discount;
        if group.min_size < 2 {
            return Err(EditionError::at("fees.group_discount.min_size", P::TooSmall { min: 2 }));
        }
        if group.max_size < group.min_size {
            return Err(EditionError::at("fees.group_discount.max_size", P::BelowMinimum));
        }
        if let Some(early) = &self.fees.early_bird {
            if early.last_date >= start {
                return Err(EditionError::at("fees.early_bird.last_date", P::AfterStart));
            }
        }
        let year = &self.fees.income_places.classification_year;
        if !is_fiscal_year(year) {
            return Err(EditionError::at("fees.income_places.classification_year", P::NotAFiscalYear));
        }
        let order = &self.fees.discount_order;
        for (i, d) in order.iter().enumerate() {
            if order[..i].contains(d) {
                return Err(EditionError::at("fees.discount_order", P::DuplicateDiscount { discount: *d }));
            }
        }
        if let Some(missing) = Discount::ALL.into_iter().find(|d| !order.contains(d)) {
            return Err(EditionError::at("fees.discount_order", P::MissingDiscount { discount: missing }));
        }
        if self.refund.days_before_start < 1 {
            return Err(EditionError::at("refund.days_before_start", P::TooSmall { min: 1 }));
        }
        self.validate_additions()
    }

    /// The optional parts: calendar, next edition, conditions, contacts, content.
    fn validate_additions(&self) -> Result<(), EditionError> {
        use EditionProblem as P;
        let (start, end) = self.dates();
        let Applications { opens, closes } = self.applications;
        if opens.is_some_and(|d| d >= start) {
            return Err(EditionError::at("applications.opens", P::AfterStart));
        }
        if let Some(closes) = closes {
            if opens.is_some_and(|opens| closes < opens) {
                return Err(EditionError::at("applications.closes", P::ClosesBeforeOpens));
            }
            if closes >= start {
                return Err(EditionError::at("applications.closes", P::AfterStart));
            }
        }
        if let Some(next) = &self.next_edition {
            if next.start_date.is_some_and(|d| d <= end) {
                return Err(EditionError::at("next_edition.start_date", P::NotAfterCourse));
            }
            if let (Some(s), Some(e)) = (next.start_date, next.end_date) {
                if e < s {
                    return Err(EditionError::at("next_edition.end_date", P::EndBeforeStart));
                }
            }
            if next.url.as_deref().is_some_and(|u| !is_web_url(u)) {
                return Err(EditionError::at("next_edition.url", P::NotAUrl));
            }
            if let Some(text) = &next.text {
                text.check("next_edition.text")?;
            }
        }
        if self.conditions_url.as_deref().is_some_and(|u| !is_web_url(u)) {
            return Err(EditionError::at("conditions_url", P::NotAUrl));
        }
        for (field, value) in
            [("contact.email", &self.contact.email), ("contact.reservation_email", &self.contact.reservation_email)]
        {
            if value.as_deref().is_some_and(|v| !is_email(v)) {
                return Err(EditionError::at(field, P::NotAnEmail));
            }
        }
        for (list, texts) in
            [("content.included", &self.content.included), ("content.not_included", &self.content.not_included)]
        {
            for (i, text) in texts.iter().enumerate() {
                text.check(&format!("{list}.{i}"))?;
            }
        }
        if let Some(note) = &self.content.not_included_note {
            note.check("content.not_included_note")?;
        }
        Ok(())
    }

    /// Checks that the country file has the edition's classification year.
    ///
    /// # Errors
    /// `fees.income_places.classification_year` with the years the file has.
    pub fn check_countries(&self, countries: &Countries) -> Result<(), EditionError> {
        if countries.has_year(&self.fees.income_places.classification_year) {
            Ok(())
        } else {
            Err(EditionError::at(
                "fees.income_places.classification_year",
                EditionProblem::UnknownClassificationYear { available: countries.years.clone() },
            ))
        }
    }

    /// The course dates as `(start, end)`.
    #[must_use]
    pub fn dates(&self) -> (NaiveDate, NaiveDate) {
        (self.course.start_date, self.course.end_date)
    }
}

fn is_fiscal_year(s: &str) -> bool {
    s.len() == 6 && s.starts_with("FY") && s[2..].chars().all(|c| c.is_ascii_digit())
}

/// A pragmatic address check: one `@`, something before it, a dotted domain after it, no spaces.
#[must_use]
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// A web address to link to: `https://` or `http://`, a host, no spaces, quotes, angle brackets or
/// control characters, at most 2,000 characters.
#[must_use]
pub fn is_web_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    s.len() <= 2_000
        && host.is_some_and(|h| !h.is_empty() && !h.contains('@'))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`'))
}
