//! The edition data: course, dates, fees, discounts and policy, loaded at run time and validated.

use super::countries::Countries;
use super::json::{self, Fields, FromJson, Json, JsonError};
use super::money::{Money, Percent};
use chrono::NaiveDate;

/// The schema version of `edition.json` this build reads.
pub const EDITION_SCHEMA: u32 = 1;

/// One edition of the course, as the secretariat describes it in `public/edition.json`.
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct Course {
    /// Full course name.
    pub name: String,
    /// Edition number (3 for the 2025 edition).
    pub edition_number: u32,
    /// Host city.
    pub city: String,
    /// First day of the course.
    pub start_date: NaiveDate,
    /// Last day of the course.
    pub end_date: NaiveDate,
}

/// The fee rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Fees {
    /// The non-member fee per person.
    pub list_fee: Money,
    /// Discount for member cities whose dues are paid.
    pub member_discount: MemberDiscount,
    /// Discount for several participants from one organisation.
    pub group_discount: GroupDiscount,
    /// Early-bird discount; absent when the edition publishes none.
    pub early_bird: Option<EarlyBird>,
    /// Reduced-fee places by World Bank income class.
    pub income_places: IncomePlaces,
    /// The order in which discounts apply, each on the result of the previous one.
    pub discount_order: Vec<Discount>,
}

/// Member-city rate.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberDiscount {
    /// Percentage off the list fee.
    pub percent: Percent,
    /// The year whose membership dues must be paid.
    pub dues_year: i32,
}

/// Group registration.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDiscount {
    /// Percentage off each participant's fee.
    pub percent: Percent,
    /// Smallest number of people from one organisation that counts as a group.
    pub min_size: u32,
    /// Largest number of people one estimate or application covers.
    pub max_size: u32,
}

/// Early-bird registration.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlyBird {
    /// Percentage off.
    pub percent: Percent,
    /// Last registration date that qualifies.
    pub last_date: NaiveDate,
}

/// Reduced-fee places for participants from low- and middle-income countries.
#[derive(Clone, Debug, PartialEq)]
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
    /// Participants from Metropolis member cities.
    Members,
    /// Participants from member cities whose dues are paid.
    MembersDuesPaid,
    /// Anyone from an eligible country.
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

/// Cancellation terms.
#[derive(Clone, Debug, PartialEq)]
pub struct RefundPolicy {
    /// Share of the amount paid that is refunded.
    pub percent: Percent,
    /// Cancellations must arrive before this many calendar days prior to the start.
    pub days_before_start: u32,
    /// Refunds are paid within this many calendar days of the request.
    pub payout_days: u32,
}

/// Addresses applicants write to.
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// General enquiries.
    pub email: String,
    /// The address that sends the place-reservation email; cancellations reply to it.
    pub reservation_email: String,
}

/// What is wrong with an edition file, as a code; the words come from the text layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditionProblem {
    /// Not JSON, or a field missing, unknown or of the wrong form.
    Format(json::Problem),
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
        let format = |e: JsonError| EditionError { field: e.path, problem: EditionProblem::Format(e.problem) };
        let value = json::parse(text).map_err(format)?;
        // Another version's fields would be reported as unknown; say what matters instead.
        if let Some(found) = value.get("schema").and_then(Json::as_u32).filter(|s| *s != EDITION_SCHEMA) {
            return Err(EditionError::at("schema", EditionProblem::UnsupportedSchema { found }));
        }
        let edition = <Edition as FromJson>::from_json(&value, "").map_err(format)?;
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

// Readers: every object refuses members it does not know, so a misspelt key is reported, not ignored.

impl FromJson for Edition {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["schema", "id", "course", "currency", "fees", "refund", "contact"])?;
        let e = Edition {
            schema: f.req("schema")?,
            id: f.req("id")?,
            course: f.req("course")?,
            currency: f.req("currency")?,
            fees: f.req("fees")?,
            refund: f.req("refund")?,
            contact: f.req("contact")?,
        };
        Ok(e)
    }
}

impl FromJson for Course {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["name", "edition_number", "city", "start_date", "end_date"])?;
        let c = Course {
            name: f.req("name")?,
            edition_number: f.req("edition_number")?,
            city: f.req("city")?,
            start_date: f.req("start_date")?,
            end_date: f.req("end_date")?,
        };
        Ok(c)
    }
}

impl FromJson for Fees {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(
            value,
            path,
            &["list_fee", "member_discount", "group_discount", "early_bird", "income_places", "discount_order"],
        )?;
        let fees = Fees {
            list_fee: f.req("list_fee")?,
            member_discount: f.req("member_discount")?,
            group_discount: f.req("group_discount")?,
            early_bird: f.opt("early_bird")?,
            income_places: f.req("income_places")?,
            discount_order: f.req("discount_order")?,
        };
        Ok(fees)
    }
}

impl FromJson for MemberDiscount {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["percent", "dues_year"])?;
        let m = MemberDiscount { percent: f.req("percent")?, dues_year: f.req("dues_year")? };
        Ok(m)
    }
}

impl FromJson for GroupDiscount {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["percent", "min_size", "max_size"])?;
        let g =
            GroupDiscount { percent: f.req("percent")?, min_size: f.req("min_size")?, max_size: f.req("max_size")? };
        Ok(g)
    }
}

impl FromJson for EarlyBird {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["percent", "last_date"])?;
        let e = EarlyBird { percent: f.req("percent")?, last_date: f.req("last_date")? };
        Ok(e)
    }
}

impl FromJson for IncomePlaces {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(
            value,
            path,
            &[
                "places",
                "low_income_percent",
                "middle_income_percent",
                "eligible",
                "classification_year",
                "classification_label",
            ],
        )?;
        let i = IncomePlaces {
            places: f.req("places")?,
            low_income_percent: f.req("low_income_percent")?,
            middle_income_percent: f.req("middle_income_percent")?,
            eligible: f.req("eligible")?,
            classification_year: f.req("classification_year")?,
            classification_label: f.req("classification_label")?,
        };
        Ok(i)
    }
}

crate::json_codes!(Eligibility {
    Eligibility::Members => "members",
    Eligibility::MembersDuesPaid => "members_dues_paid",
    Eligibility::Everyone => "everyone",
});

crate::json_codes!(Discount {
    Discount::Membership => "membership",
    Discount::IncomePlace => "income_place",
    Discount::Group => "group",
    Discount::EarlyBird => "early_bird",
});

impl FromJson for RefundPolicy {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["percent", "days_before_start", "payout_days"])?;
        let r = RefundPolicy {
            percent: f.req("percent")?,
            days_before_start: f.req("days_before_start")?,
            payout_days: f.req("payout_days")?,
        };
        Ok(r)
    }
}

impl FromJson for Contact {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::strict(value, path, &["email", "reservation_email"])?;
        let c = Contact { email: f.req("email")?, reservation_email: f.req("reservation_email")? };
        Ok(c)
    }
}
