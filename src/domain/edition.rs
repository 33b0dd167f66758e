//! The edition data: course, dates, fees, discounts and policy, loaded at run time and validated.

use super::countries::Countries;
use super::money::{Money, Percent};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The schema version of `edition.json` this build reads.
pub const EDITION_SCHEMA: u32 = 1;

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
    /// Where applicants write.
    pub contact: Contact,
}

/// The course itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Full course name.
    pub name: String,
    /// Edition number (3 for the 2025 edition).
    pub edition_number: u32,
    /// Host city.
    pub city: String,
    /// First day of the course.
    #[serde(with = "super::dates::iso_date")]
    pub start_date: NaiveDate,
    /// Last day of the course.
    #[serde(with = "super::dates::iso_date")]
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
    /// Early-bird discount; absent when the edition publishes none.
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
    #[serde(with = "super::dates::iso_date")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// Participants from Metropolis member cities.
    Members,
    /// Participants from member cities whose dues are paid.
    MembersDuesPaid,
    /// Anyone from an eligible country.
    Everyone,
}

/// A discount rule, as named in `discount_order`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// Addresses applicants write to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// General enquiries.
    pub email: String,
    /// The address that sends the place-reservation email; cancellations reply to it.
    pub reservation_email: String,
}

/// What is wrong with an edition file, as a code; the words come from the text layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditionProblem {
    /// Not valid JSON at all.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A value of the wrong type or form, a missing or unknown field; `detail` is the parser's text.
    Invalid {
        /// The parser's own description.
        detail: String,
    },
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
    /// The early-bird date is on or after the start of the course.
    AfterStart,
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

impl Edition {
    /// Reads and validates an edition file.
    ///
    /// # Errors
    /// The first problem found, with the dotted path of the field it concerns.
    pub fn from_json(text: &str) -> Result<Edition, EditionError> {
        let edition: Edition = serde_json::from_str(text).map_err(|e| {
            if e.is_syntax() || e.is_eof() {
                return EditionError::at("", EditionProblem::Syntax { line: e.line(), column: e.column() });
            }
            let detail = strip_position(&e.to_string());
            let missing = detail.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`'));
            let mut field = super::json_path::path_at(text, e.line(), e.column(), missing.is_some());
            if let Some(name) = missing {
                field = if field.is_empty() { name.to_owned() } else { format!("{field}.{name}") };
            }
            EditionError { field, problem: EditionProblem::Invalid { detail } }
        })?;
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
            ("course.city", &self.course.city),
            ("fees.income_places.classification_label", &self.fees.income_places.classification_label),
        ] {
            if value.trim().is_empty() {
                return Err(EditionError::at(field, P::Empty));
            }
        }
        if self.currency.len() != 3 || !self.currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(EditionError::at("currency", P::NotACurrency));
        }
        if self.course.end_date < self.course.start_date {
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
            if early.last_date >= self.course.start_date {
                return Err(EditionError::at("fees.early_bird.last_date", P::AfterStart));
            }
        }
        let year = &self.fees.income_places.classification_year;
        if !is_fiscal_year(year) {
            return Err(EditionError::at(
                "fees.income_places.classification_year",
                P::Invalid { detail: format!("`{year}` is not a World Bank fiscal year such as FY2025") },
            ));
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
        for (field, value) in
            [("contact.email", &self.contact.email), ("contact.reservation_email", &self.contact.reservation_email)]
        {
            if !is_email(value) {
                return Err(EditionError::at(field, P::NotAnEmail));
            }
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

/// serde_json appends " at line L column C"; the field path already says where.
fn strip_position(detail: &str) -> String {
    match detail.rfind(" at line ") {
        Some(i) => detail[..i].to_owned(),
        None => detail.to_owned(),
    }
}
