//! The fee engine: from who is registering to a quote with every line explained.

use super::countries::{Countries, IncomeClass};
use super::dates::iso_date;
use super::edition::{Discount, Edition, Eligibility};
use super::money::{Money, Percent};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who is registering, as far as the fee is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteInput {
    /// The organisation is a Metropolis member.
    pub member: bool,
    /// The member's dues for the edition's dues year are paid (ignored for non-members).
    pub dues_paid: bool,
    /// World Bank code of the country, if known.
    pub country: Option<String>,
    /// People registering from the same organisation, the applicant included (at least 1).
    pub people: u32,
    /// The day of registration (early bird).
    pub registration_date: NaiveDate,
    /// The applicant asks for a reduced-fee place.
    pub reduced_requested: bool,
}

/// One discount applied to the per-person fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// Which rule.
    pub rule: Discount,
    /// Its percentage.
    pub percent: Percent,
    /// The amount taken off, rounded to the cent.
    pub amount: Money,
    /// The fee after this discount.
    pub after: Money,
}

/// The tier of a reduced-fee place (`low_income`, `middle_income`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReducedTier {
    /// Low-income country: the edition's low-income percentage (fee waived at 100 %).
    LowIncome,
    /// Lower- or upper-middle-income country.
    MiddleIncome,
}

crate::serde_codes!(ReducedTier { LowIncome => "low_income", MiddleIncome => "middle_income" });

/// What the applicant would pay if Metropolis awards a reduced-fee place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReducedScenario {
    /// Low or middle income.
    pub tier: ReducedTier,
    /// The country's World Bank class.
    pub class: IncomeClass,
    /// The per-person lines with the income place included.
    pub lines: Vec<Line>,
    /// The applicant's fee with the place.
    pub per_person: Money,
    /// How many such places exist in total (the caveat).
    pub places: u32,
}

/// Something the applicant should know about the quote, as a code; the words come from the text layer.
///
/// In JSON an object whose `code` names the note (`{"code": "group-available", "min_size": 2}`),
/// its figures beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Note {
    /// A member whose dues are unpaid pays the non-member rate.
    MemberRateDuesUnpaid {
        /// The dues year.
        dues_year: i32,
    },
    /// No early-bird figure is published; one may apply.
    EarlyBirdMayApply,
    /// The early-bird discount applies (registration on or before the date).
    EarlyBirdApplied {
        /// Last qualifying day.
        #[serde(with = "iso_date")]
        last_date: NaiveDate,
    },
    /// The early-bird period is over.
    EarlyBirdEnded {
        /// Last qualifying day.
        #[serde(with = "iso_date")]
        last_date: NaiveDate,
    },
    /// The group discount applies.
    GroupApplied {
        /// People counted.
        people: u32,
    },
    /// One more person from the organisation would bring the group discount.
    GroupAvailable {
        /// Smallest group.
        min_size: u32,
    },
    /// The country has no income class in the edition's year: no reduced place can be computed.
    CountryUnclassified {
        /// Its code.
        iso3: String,
        /// The fiscal year.
        year: String,
    },
    /// The applicant may ask for a reduced-fee place.
    ReducedAvailable {
        /// The tier that would apply.
        tier: ReducedTier,
    },
    /// A reduced place was asked for by a non-member.
    ReducedNotMember,
    /// A reduced place was asked for by a member whose dues are unpaid, and the edition requires them paid.
    ReducedDuesUnpaid,
    /// A reduced place was asked for from a high-income country.
    ReducedHighIncome,
    /// A reduced place was asked for without a country.
    ReducedNoCountry,
    /// Only a few places exist, awarded by Metropolis.
    ReducedPlacesLimited {
        /// Places in total.
        places: u32,
    },
    /// The registration date is on or after the first day of the course.
    AfterCourseStart,
}

impl Note {
    /// The stable code, as in `data-note`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Note::MemberRateDuesUnpaid { .. } => "member-rate-dues-unpaid",
            Note::EarlyBirdMayApply => "early-bird-may-apply",
            Note::EarlyBirdApplied { .. } => "early-bird-applied",
            Note::EarlyBirdEnded { .. } => "early-bird-ended",
            Note::GroupApplied { .. } => "group-applied",
            Note::GroupAvailable { .. } => "group-available",
            Note::CountryUnclassified { .. } => "country-unclassified",
            Note::ReducedAvailable { .. } => "reduced-available",
            Note::ReducedNotMember => "reduced-not-member",
            Note::ReducedDuesUnpaid => "reduced-dues-unpaid",
            Note::ReducedHighIncome => "reduced-high-income",
            Note::ReducedNoCountry => "reduced-no-country",
            Note::ReducedPlacesLimited { .. } => "reduced-places-limited",
            Note::AfterCourseStart => "after-course-start",
        }
    }
}

/// The price of a registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// The non-member fee per person.
    pub list_fee: Money,
    /// The discounts applied to each person's fee, in order.
    pub lines: Vec<Line>,
    /// Each person's fee.
    pub per_person: Money,
    /// How many people.
    pub people: u32,
    /// `per_person × people`.
    pub total: Money,
    /// The applicant's fee with a reduced place, when asked for and eligible.
    pub reduced: Option<ReducedScenario>,
    /// Things to know, in display order.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The World Bank fiscal year used (`FY2025`).
    pub classification_year: String,
}

/// Prices a registration.
///
/// Discounts apply in the edition's `discount_order`, each on the fee left by the previous one, each
/// amount rounded half away from zero to the cent. The income place is never part of the standard
/// fee: it is a separate scenario, because Metropolis awards the few places itself.
///
/// `people` below 1 counts as 1 and above the edition's maximum as the maximum.
///
/// # Example
/// ```
/// # use metropolis_diploma::domain::{edition::Edition, countries::Countries, fees::{quote, QuoteInput}};
/// # let edition = Edition::from_json(include_str!("../../public/edition.json")).unwrap();
/// # let countries = Countries::from_csv(include_str!("../../public/data/wb-income-classification.csv")).unwrap();
/// let input = QuoteInput {
///     member: false, dues_paid: false, country: Some("ESP".into()), people: 3,
///     registration_date: chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(), reduced_requested: false,
/// };
/// let q = quote(&edition, &countries, &input);
/// assert_eq!((q.per_person.to_plain(), q.total.to_plain()), ("607.20".into(), "1821.60".into()));
/// ```
#[must_use]
pub fn quote(edition: &Edition, countries: &Countries, input: &QuoteInput) -> Quote {
    let fees = &edition.fees;
    let people = input.people.clamp(1, fees.group_discount.max_size.max(1));
    let member_rate = input.member && input.dues_paid;
    let year = fees.income_places.classification_year.clone();
    let mut notes = Vec::new();

    if input.member && !input.dues_paid {
        notes.push(Note::MemberRateDuesUnpaid { dues_year: fees.member_discount.dues_year });
    }
    let group = people >= fees.group_discount.min_size;
    if group {
        notes.push(Note::GroupApplied { people });
    } else {
        notes.push(Note::GroupAvailable { min_size: fees.group_discount.min_size });
    }
    let early = match &fees.early_bird {
        None => {
            notes.push(Note::EarlyBirdMayApply);
            None
        }
        Some(e) if input.registration_date <= e.last_date => {
            notes.push(Note::EarlyBirdApplied { last_date: e.last_date });
            Some(e.percent)
        }
        Some(e) => {
            notes.push(Note::EarlyBirdEnded { last_date: e.last_date });
            None
        }
    };
    if input.registration_date >= edition.course.start_date {
        notes.push(Note::AfterCourseStart);
    }

    let class = input.country.as_deref().and_then(|c| countries.class_of(c, &year));
    if let Some(iso3) = &input.country {
        // Also for a code the file lacks (a stale draft, another file version): the refusal below
        // relies on this note to explain why no reduced place is computed.
        if class.is_none() {
            notes.push(Note::CountryUnclassified { iso3: iso3.clone(), year: year.clone() });
        }
    }
    let places = &fees.income_places;
    // The class and the tier it gives, for classes that give one.
    let tier = class.and_then(|c| match c {
        IncomeClass::Low => Some((c, ReducedTier::LowIncome)),
        IncomeClass::LowerMiddle | IncomeClass::UpperMiddle => Some((c, ReducedTier::MiddleIncome)),
        IncomeClass::High => None,
    });
    let eligible_person = match places.eligible {
        Eligibility::Members => input.member,
        Eligibility::MembersDuesPaid => member_rate,
        Eligibility::Everyone => true,
    };
    let tier_percent = |t: ReducedTier| match t {
        ReducedTier::LowIncome => places.low_income_percent,
        ReducedTier::MiddleIncome => places.middle_income_percent,
    };

    let chain = |income: Option<Percent>| -> (Vec<Line>, Money) {
        let mut fee = fees.list_fee;
        let mut lines = Vec::new();
        for rule in &fees.discount_order {
            let percent = match rule {
                Discount::Membership => member_rate.then_some(fees.member_discount.percent),
                Discount::IncomePlace => income,
                Discount::Group => group.then_some(fees.group_discount.percent),
                Discount::EarlyBird => early,
            };
            if let Some(percent) = percent {
                let amount = fee.percent(percent);
                fee = fee.saturating_sub(amount);
                lines.push(Line { rule: *rule, percent, amount, after: fee });
            }
        }
        (lines, fee)
    };

    let (lines, per_person) = chain(None);
    let mut reduced = None;
    match (tier, eligible_person, input.reduced_requested) {
        (Some((class, t)), true, true) => {
            let (lines, fee) = chain(Some(tier_percent(t)));
            reduced = Some(ReducedScenario { tier: t, class, lines, per_person: fee, places: places.places });
            notes.push(Note::ReducedPlacesLimited { places: places.places });
        }
        (Some((_, t)), true, false) => notes.push(Note::ReducedAvailable { tier: t }),
        (_, _, true) => {
            let refusal = if input.country.is_none() {
                Some(Note::ReducedNoCountry)
            } else if !input.member && places.eligible != Eligibility::Everyone {
                Some(Note::ReducedNotMember)
            } else if !eligible_person {
                Some(Note::ReducedDuesUnpaid)
            } else if class == Some(IncomeClass::High) {
                Some(Note::ReducedHighIncome)
            } else {
                None // unclassified or unknown: the country note already explains it
            };
            notes.extend(refusal);
        }
        _ => {}
    }
    Quote {
        currency: edition.currency.clone(),
        list_fee: fees.list_fee,
        lines,
        per_person,
        people,
        total: per_person.times(people),
        reduced,
        notes,
        classification_year: year,
    }
}
