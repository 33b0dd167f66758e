//! The fee engine's codes in words: discount names, reduced-place tiers and notes, every figure in
//! them from the quote or the edition, formatted for the page's language.

use crate::context::{Fmt, SiteData};
use crate::domain::countries::IncomeClass;
use crate::domain::edition::{Discount, Eligibility};
use crate::domain::fees::{Note, ReducedTier};
use crate::domain::money::Percent;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::Text;
use rust_decimal::Decimal;

/// The name of a discount, as in the quote's lines.
#[must_use]
pub fn discount(t: &EstimateTexts, rule: Discount) -> &'static str {
    match rule {
        Discount::Membership => t.line_membership,
        Discount::IncomePlace => t.line_income_place,
        Discount::Group => t.line_group,
        Discount::EarlyBird => t.line_early_bird,
    }
}

/// What a percentage takes off: "fee waived" at 100 %, "50% off" otherwise.
#[must_use]
pub fn off(t: &EstimateTexts, fmt: Fmt, percent: Percent) -> String {
    if percent.value() == Decimal::ONE_HUNDRED {
        t.fee_waived.to_owned()
    } else {
        Text(t.percent_off).fill(&[("percent", &fmt.percent(percent))])
    }
}

/// A reduced-place tier with what it takes off: "middle-income country: 50% off".
#[must_use]
pub fn tier(t: &EstimateTexts, fmt: Fmt, data: &SiteData, tier: ReducedTier) -> String {
    let places = &data.edition.fees.income_places;
    let (text, percent) = match tier {
        ReducedTier::LowIncome => (t.reduced_low, places.low_income_percent),
        ReducedTier::MiddleIncome => (t.reduced_middle, places.middle_income_percent),
    };
    Text(text).fill(&[("off", &off(t, fmt, percent))])
}

/// Who may ask for a reduced-fee place, as the edition says.
#[must_use]
pub fn eligible(t: &EstimateTexts, data: &SiteData) -> &'static str {
    match data.edition.fees.income_places.eligible {
        Eligibility::Members => t.eligible_members,
        Eligibility::MembersDuesPaid => t.eligible_members_dues_paid,
        Eligibility::Everyone => t.eligible_everyone,
    }
}

/// A World Bank income class in words.
#[must_use]
pub fn income(t: &EstimateTexts, class: Option<IncomeClass>) -> &'static str {
    match class {
        Some(IncomeClass::Low) => t.income_low,
        Some(IncomeClass::LowerMiddle) => t.income_lower_middle,
        Some(IncomeClass::UpperMiddle) => t.income_upper_middle,
        Some(IncomeClass::High) => t.income_high,
        None => t.income_unclassified,
    }
}

/// A note of the quote in words.
#[must_use]
pub fn note(t: &EstimateTexts, fmt: Fmt, data: &SiteData, note: &Note) -> String {
    let label = data.edition.fees.income_places.classification_label.as_str();
    match note {
        Note::MemberRateDuesUnpaid { dues_year } => {
            Text(t.note_member_rate_dues_unpaid).fill(&[("year", &dues_year.to_string())])
        }
        Note::EarlyBirdMayApply => t.note_early_bird_may_apply.to_owned(),
        Note::EarlyBirdApplied { last_date } => {
            Text(t.note_early_bird_applied).fill(&[("date", &fmt.date(*last_date))])
        }
        Note::EarlyBirdEnded { last_date } => Text(t.note_early_bird_ended).fill(&[("date", &fmt.date(*last_date))]),
        Note::GroupApplied { people } => fmt.count(&t.note_group_applied, i64::from(*people), &[]),
        Note::GroupAvailable { min_size } => fmt.count(&t.note_group_available, i64::from(*min_size), &[]),
        Note::CountryUnclassified { .. } => Text(t.note_country_unclassified).fill(&[("label", label)]),
        Note::ReducedAvailable { tier: x } => Text(t.note_reduced_available).fill(&[("tier", &tier(t, fmt, data, *x))]),
        Note::ReducedNotMember => t.note_reduced_not_member.to_owned(),
        Note::ReducedDuesUnpaid => t.note_reduced_dues_unpaid.to_owned(),
        Note::ReducedHighIncome => t.note_reduced_high_income.to_owned(),
        Note::ReducedNoCountry => t.note_reduced_no_country.to_owned(),
        Note::ReducedPlacesLimited { places } => fmt.count(&t.note_reduced_places_limited, i64::from(*places), &[]),
        Note::AfterCourseStart => t.note_after_course_start.to_owned(),
    }
}
