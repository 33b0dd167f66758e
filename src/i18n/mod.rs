//! The text layer: every word the user sees, one catalogue per language.
//!
//! Catalogues are plain structs of `&'static str`, so a language that lacks a text does not compile.
//! Templates use named `{placeholders}` filled by [`fill`]. Codes from the domain (notes, problems,
//! errors) become words here, never in the domain.

pub mod apply_en;
mod en;

use crate::domain::countries::{CountriesError, CountriesProblem};
use crate::domain::edition::{Discount, EditionError, EditionProblem};
use crate::domain::fees::{Note, ReducedTier};
use crate::domain::json::{Expected, Problem};
use crate::domain::money::AmountError;

pub use en::{EMBED_EN, EN};

/// A language the interface is available in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English.
    #[default]
    En,
}

impl Locale {
    /// Every available language.
    pub const ALL: [Locale; 1] = [Locale::En];

    /// The BCP 47 tag, as in `<html lang>` and `Intl`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
        }
    }

    /// The locale `Intl` formats numbers, money and dates with (`en-GB`: "17 November 2025").
    #[must_use]
    pub fn intl_tag(self) -> &'static str {
        match self {
            Locale::En => "en-GB",
        }
    }

    /// The catalogue of this language.
    #[must_use]
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &EN,
        }
    }

    /// The embed's catalogue of this language (only the embed entry, `embed.html`, uses it).
    #[must_use]
    pub fn embed_texts(self) -> &'static EmbedTexts {
        match self {
            Locale::En => &EMBED_EN,
        }
    }
}

/// Fills `{name}` placeholders in a template.
///
/// # Example
/// ```
/// assert_eq!(metropolis_diploma::i18n::fill("Step {x} of {y}", &[("x", "1"), ("y", "5")]), "Step 1 of 5");
/// ```
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every user-visible text of one language. Field names say where the text appears.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct Texts {
    // Site chrome
    pub site_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_estimate: &'static str,
    pub nav_refund: &'static str,
    pub footer: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,

    // Data load failures
    pub data_error_title: &'static str,
    pub data_error_intro: &'static str,
    pub data_error_file: &'static str,
    pub data_error_field: &'static str,
    pub data_error_problem: &'static str,
    pub data_error_whole_file: &'static str,
    pub data_error_fetch: &'static str,
    pub data_error_contact: &'static str,
    pub problem_syntax: &'static str,
    pub problem_too_deep: &'static str,
    pub problem_missing: &'static str,
    pub problem_unknown: &'static str,
    pub problem_expected: &'static str,
    pub expect_text: &'static str,
    pub expect_whole_number: &'static str,
    pub expect_boolean: &'static str,
    pub expect_list: &'static str,
    pub expect_object: &'static str,
    pub expect_amount: &'static str,
    pub expect_percent: &'static str,
    pub expect_date: &'static str,
    pub expect_one_of: &'static str,
    pub problem_fiscal_year: &'static str,
    pub problem_schema: &'static str,
    pub problem_empty: &'static str,
    pub problem_email: &'static str,
    pub problem_currency: &'static str,
    pub problem_end_before_start: &'static str,
    pub problem_too_small: &'static str,
    pub problem_below_minimum: &'static str,
    pub problem_after_start: &'static str,
    pub problem_missing_discount: &'static str,
    pub problem_duplicate_discount: &'static str,
    pub problem_unknown_year: &'static str,
    pub problem_zero: &'static str,
    pub countries_problem: &'static str,
    pub countries_bad_header: &'static str,
    pub countries_cell_count: &'static str,
    pub countries_bad_code: &'static str,
    pub countries_bad_class: &'static str,
    pub countries_duplicate: &'static str,
    pub countries_no_rows: &'static str,

    // Home
    pub home_kicker: &'static str,
    pub home_lead: &'static str,
    pub home_when: &'static str,
    pub home_where: &'static str,
    pub home_where_value: &'static str,
    pub home_format: &'static str,
    pub home_format_value: &'static str,
    pub home_fee: &'static str,
    pub home_fee_value: &'static str,
    pub home_cta_estimate: &'static str,
    pub home_cta_refund: &'static str,
    pub home_who_title: &'static str,
    pub home_who_body: &'static str,
    pub home_who_list: [&'static str; 3],
    pub home_included_title: &'static str,
    pub home_included: [&'static str; 9],
    pub home_not_included_title: &'static str,
    pub home_not_included: [&'static str; 4],
    pub home_hotels_note: &'static str,
    pub home_fees_title: &'static str,
    pub home_fees_list: &'static str,
    pub home_fees_member: &'static str,
    pub home_fees_group: &'static str,
    pub home_fees_income: &'static str,
    pub home_fees_early: &'static str,
    pub home_apply_title: &'static str,
    pub home_apply_steps: [&'static str; 3],
    pub home_apply_contact: &'static str,

    // Estimator
    pub estimate_title: &'static str,
    pub estimate_intro: &'static str,
    pub your_situation: &'static str,
    pub member_legend: &'static str,
    pub member_hint: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub dues_legend: &'static str,
    pub country_label: &'static str,
    pub country_hint: &'static str,
    pub country_not_found: &'static str,
    pub people_label: &'static str,
    pub people_hint: &'static str,
    pub people_invalid: &'static str,
    pub date_label: &'static str,
    pub date_hint: &'static str,
    pub reduced_label: &'static str,
    pub reduced_hint: &'static str,
    pub quote_title: &'static str,
    pub quote_caption: &'static str,
    pub col_item: &'static str,
    pub col_amount: &'static str,
    pub line_list_fee: &'static str,
    pub line_membership: &'static str,
    pub line_income_place: &'static str,
    pub line_group: &'static str,
    pub line_early_bird: &'static str,
    pub per_person: &'static str,
    pub people_count: &'static str,
    pub total: &'static str,
    pub total_announcement: &'static str,
    pub reduced_title: &'static str,
    pub reduced_low: &'static str,
    pub reduced_middle: &'static str,
    pub reduced_fee: &'static str,
    pub rules_title: &'static str,
    pub rule_membership: &'static str,
    pub rule_group: &'static str,
    pub rule_income: &'static str,
    pub rule_early: &'static str,
    pub rule_order: &'static str,
    pub notes_title: &'static str,
    pub note_member_rate_dues_unpaid: &'static str,
    pub note_early_bird_may_apply: &'static str,
    pub note_early_bird_applied: &'static str,
    pub note_early_bird_ended: &'static str,
    pub note_group_applied: &'static str,
    pub note_group_available: &'static str,
    pub note_country_unclassified: &'static str,
    pub note_reduced_available: &'static str,
    pub note_reduced_not_member: &'static str,
    pub note_reduced_dues_unpaid: &'static str,
    pub note_reduced_high_income: &'static str,
    pub note_reduced_no_country: &'static str,
    pub note_reduced_places_limited: &'static str,
    pub note_after_course_start: &'static str,
    pub params_ignored: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub share_label: &'static str,
    pub print_quote: &'static str,
    pub print_heading: &'static str,
    pub print_date: &'static str,
    pub print_caveat: &'static str,
    pub income_low: &'static str,
    pub income_lower_middle: &'static str,
    pub income_upper_middle: &'static str,
    pub income_high: &'static str,
    pub income_unclassified: &'static str,
    pub country_class: &'static str,

    // Refund page
    pub refund_title: &'static str,
    pub refund_intro: &'static str,
    pub paid_label: &'static str,
    pub paid_hint: &'static str,
    pub cancel_date_label: &'static str,
    pub cancel_date_hint: &'static str,
    pub cancel_date_invalid: &'static str,
    pub result_title: &'static str,
    pub result_refund: &'static str,
    pub result_no_refund: &'static str,
    pub result_enter_amount: &'static str,
    pub refund_amount_label: &'static str,
    pub kept_label: &'static str,
    pub deadline_label: &'static str,
    pub days_left_many: &'static str,
    pub days_left_one: &'static str,
    pub deadline_today: &'static str,
    pub deadline_passed: &'static str,
    pub due_by_label: &'static str,
    pub due_by_none: &'static str,
    pub bank_fees: &'static str,
    pub timeline_title: &'static str,
    pub timeline_chosen: &'static str,
    pub timeline_deadline: &'static str,
    pub timeline_start: &'static str,
    pub policy_title: &'static str,
    pub policy_items: [&'static str; 4],
    pub email_title: &'static str,
    pub email_intro: &'static str,
    pub name_label: &'static str,
    pub registration_date_label: &'static str,
    pub contact_label: &'static str,
    pub optional: &'static str,
    pub email_subject: &'static str,
    pub email_body: &'static str,
    pub email_refund_due: &'static str,
    pub email_no_refund: &'static str,
    pub email_missing: &'static str,
    pub email_preview_label: &'static str,
    pub open_email: &'static str,
    pub copy_text: &'static str,
    pub text_copied: &'static str,
    pub reply_reminder: &'static str,
    pub remind_me: &'static str,
    pub ics_summary: &'static str,
    pub ics_description: &'static str,

    // Amount errors (refund page and beyond)
    pub amount_empty: &'static str,
    pub amount_not_a_number: &'static str,
    pub amount_negative: &'static str,
    pub amount_too_many_decimals: &'static str,
    pub amount_too_large: &'static str,
}

/// The texts of the partner embed (`embed.html`: the frame and the partner page), apart from
/// [`Texts`] so that the main app's bundle does not carry them.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct EmbedTexts {
    pub frame_title: &'static str,
    pub apply: &'static str,
    pub new_tab: &'static str,
    pub link_text: &'static str,
    pub page_title: &'static str,
    pub page_intro: &'static str,
    pub options_title: &'static str,
    pub member_label: &'static str,
    pub unset: &'static str,
    pub people_label: &'static str,
    pub lang_label: &'static str,
    pub accent_label: &'static str,
    pub accent_hint: &'static str,
    pub accent_invalid: &'static str,
    pub accent_low_contrast: &'static str,
    pub font_label: &'static str,
    pub font_hint: &'static str,
    pub font_invalid: &'static str,
    pub compact_label: &'static str,
    pub compact_hint: &'static str,
    pub origin_label: &'static str,
    pub origin_hint: &'static str,
    pub origin_invalid: &'static str,
    pub snippet_title: &'static str,
    pub snippet_label: &'static str,
    pub snippet_hint: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub preview_title: &'static str,
    pub events_title: &'static str,
    pub event_ready: &'static str,
    pub event_estimate: &'static str,
    pub api_update: &'static str,
    pub api_quote: &'static str,
    pub csp_title: &'static str,
    pub csp_partner: &'static str,
    pub csp_app: &'static str,
    pub csp_placeholder: &'static str,
}

impl Texts {
    /// The sentence for a note of the fee engine.
    #[must_use]
    pub fn note(&self, note: &Note, format_date: &dyn Fn(chrono::NaiveDate) -> String) -> String {
        match note {
            Note::MemberRateDuesUnpaid { dues_year } => {
                fill(self.note_member_rate_dues_unpaid, &[("year", &dues_year.to_string())])
            }
            Note::EarlyBirdMayApply => self.note_early_bird_may_apply.to_owned(),
            Note::EarlyBirdApplied { last_date } => {
                fill(self.note_early_bird_applied, &[("date", &format_date(*last_date))])
            }
            Note::EarlyBirdEnded { last_date } => {
                fill(self.note_early_bird_ended, &[("date", &format_date(*last_date))])
            }
            Note::GroupApplied { people } => fill(self.note_group_applied, &[("people", &people.to_string())]),
            Note::GroupAvailable { min_size } => fill(self.note_group_available, &[("min", &min_size.to_string())]),
            Note::CountryUnclassified { year, .. } => fill(self.note_country_unclassified, &[("year", year)]),
            Note::ReducedAvailable { tier } => fill(self.note_reduced_available, &[("tier", self.tier(*tier))]),
            Note::ReducedNotMember => self.note_reduced_not_member.to_owned(),
            Note::ReducedDuesUnpaid => self.note_reduced_dues_unpaid.to_owned(),
            Note::ReducedHighIncome => self.note_reduced_high_income.to_owned(),
            Note::ReducedNoCountry => self.note_reduced_no_country.to_owned(),
            Note::ReducedPlacesLimited { places } => {
                fill(self.note_reduced_places_limited, &[("places", &places.to_string())])
            }
            Note::AfterCourseStart => self.note_after_course_start.to_owned(),
        }
    }

    /// The name of a reduced-place tier.
    #[must_use]
    pub fn tier(&self, tier: ReducedTier) -> &'static str {
        match tier {
            ReducedTier::LowIncome => self.reduced_low,
            ReducedTier::MiddleIncome => self.reduced_middle,
        }
    }

    /// The label of a discount line, e.g. "Member-city rate (50 %)".
    #[must_use]
    pub fn discount(&self, rule: Discount) -> &'static str {
        match rule {
            Discount::Membership => self.line_membership,
            Discount::IncomePlace => self.line_income_place,
            Discount::Group => self.line_group,
            Discount::EarlyBird => self.line_early_bird,
        }
    }

    /// The sentence for a problem in the edition file.
    #[must_use]
    pub fn edition_problem(&self, error: &EditionError) -> String {
        use EditionProblem as P;
        match &error.problem {
            P::Format(problem) => self.json_problem(problem),
            P::NotAFiscalYear => self.problem_fiscal_year.to_owned(),
            P::UnsupportedSchema { found } => fill(self.problem_schema, &[("found", &found.to_string())]),
            P::Empty => self.problem_empty.to_owned(),
            P::NotAnEmail => self.problem_email.to_owned(),
            P::NotACurrency => self.problem_currency.to_owned(),
            P::EndBeforeStart => self.problem_end_before_start.to_owned(),
            P::TooSmall { min } => fill(self.problem_too_small, &[("min", &min.to_string())]),
            P::BelowMinimum => self.problem_below_minimum.to_owned(),
            P::AfterStart => self.problem_after_start.to_owned(),
            P::MissingDiscount { discount } => fill(self.problem_missing_discount, &[("rule", discount.code())]),
            P::DuplicateDiscount { discount } => fill(self.problem_duplicate_discount, &[("rule", discount.code())]),
            P::UnknownClassificationYear { available } => {
                fill(self.problem_unknown_year, &[("years", &available.join(", "))])
            }
            P::Zero => self.problem_zero.to_owned(),
        }
    }

    /// The sentence for a problem reading a JSON file (the field is named apart).
    #[must_use]
    pub fn json_problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Syntax { line, column } => {
                fill(self.problem_syntax, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            Problem::TooDeep => self.problem_too_deep.to_owned(),
            Problem::Missing => self.problem_missing.to_owned(),
            Problem::Unknown => self.problem_unknown.to_owned(),
            Problem::Expected { expected, found } => {
                let what = match expected {
                    Expected::Text => self.expect_text.to_owned(),
                    Expected::WholeNumber => self.expect_whole_number.to_owned(),
                    Expected::Boolean => self.expect_boolean.to_owned(),
                    Expected::List => self.expect_list.to_owned(),
                    Expected::Object => self.expect_object.to_owned(),
                    Expected::Amount => self.expect_amount.to_owned(),
                    Expected::Percent => self.expect_percent.to_owned(),
                    Expected::Date => self.expect_date.to_owned(),
                    Expected::OneOf(codes) => fill(self.expect_one_of, &[("codes", &codes.join(", "))]),
                };
                fill(self.problem_expected, &[("found", found), ("expected", &what)])
            }
        }
    }

    /// The sentence for a problem in the country file.
    #[must_use]
    pub fn countries_problem(&self, error: &CountriesError) -> String {
        let what = match &error.problem {
            CountriesProblem::BadHeader => self.countries_bad_header.to_owned(),
            CountriesProblem::CellCount => self.countries_cell_count.to_owned(),
            CountriesProblem::BadCode => self.countries_bad_code.to_owned(),
            CountriesProblem::BadClass(code) => fill(self.countries_bad_class, &[("code", code)]),
            CountriesProblem::Duplicate => self.countries_duplicate.to_owned(),
            CountriesProblem::NoRows => self.countries_no_rows.to_owned(),
        };
        fill(self.countries_problem, &[("line", &error.line.to_string()), ("problem", &what)])
    }

    /// The message for an amount that could not be read.
    #[must_use]
    pub fn amount_error(&self, error: AmountError) -> &'static str {
        match error {
            AmountError::Empty => self.amount_empty,
            AmountError::NotANumber => self.amount_not_a_number,
            AmountError::Negative => self.amount_negative,
            AmountError::TooManyDecimals => self.amount_too_many_decimals,
            AmountError::TooLarge => self.amount_too_large,
        }
    }
}
