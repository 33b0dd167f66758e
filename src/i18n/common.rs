//! Texts every page shares: the site chrome, the not-found page and the data error page.

use super::{Plural, Str, Text};
use crate::domain::config::{ConfigError, CONFIG_SCHEMA};
use crate::domain::document::{Expected, Problem};
use crate::domain::edition::{EditionProblem, EDITION_SCHEMA};

crate::texts_section! {
/// Texts every page shares: the site chrome, the not-found page and the data error page. One field per key of the catalogue's `common` section.
pub struct CommonTexts {
    pub site_name: Str,
    pub edition_ordinal: Plural,
    pub skip_to_content: Str,
    pub nav_label: Str,
    pub nav_home: Str,
    pub nav_estimate: Str,
    pub nav_refund: Str,
    pub nav_apply: Str,
    pub lang_label: Str,
    pub colon: Str,
    pub footer: Str,
    pub footer_embed: Str,
    pub not_found_title: Str,
    pub not_found_body: Str,
    pub back_home: Str,
    pub data_error_title: Str,
    pub data_error_intro: Str,
    pub data_error_file: Str,
    pub data_error_field: Str,
    pub data_error_problem: Str,
    pub data_error_whole_file: Str,
    pub data_error_contact: Str,
    pub problem_syntax: Str,
    pub problem_too_deep: Str,
    pub problem_missing: Str,
    pub problem_unknown: Str,
    pub problem_duplicate: Str,
    pub problem_empty_list: Str,
    pub problem_expected: Str,
    pub expect_text: Str,
    pub expect_whole_number: Str,
    pub expect_boolean: Str,
    pub expect_list: Str,
    pub expect_object: Str,
    pub expect_amount: Str,
    pub expect_percent: Str,
    pub expect_date: Str,
    pub expect_one_of: Str,
    pub expect_origin: Str,
    pub expect_country_code: Str,
    pub expect_fiscal_year: Str,
    pub expect_items: Str,
    pub expect_code: Str,
    pub expect_other: Str,
    pub problem_fiscal_year: Str,
    pub config_bad_endpoint: Str,
    pub config_bad_timeout: Str,
    pub config_bad_base_path: Str,
    pub problem_schema: Str,
    pub problem_empty: Str,
    pub problem_email: Str,
    pub problem_currency: Str,
    pub problem_end_before_start: Str,
    pub problem_too_small: Str,
    pub problem_below_minimum: Str,
    pub problem_after_start: Str,
    pub problem_closes_before_opens: Str,
    pub problem_url: Str,
    pub problem_missing_english: Str,
    pub problem_language_tag: Str,
    pub problem_not_after_course: Str,
    pub problem_missing_discount: Str,
    pub problem_duplicate_discount: Str,
    pub problem_unknown_year: Str,
    pub problem_zero: Str,
    pub yes: Str,
    pub no: Str,
}
}

impl CommonTexts {
    /// The sentence for a problem in `edition.json` (the field is named apart).
    #[must_use]
    pub fn edition_problem(&self, problem: &EditionProblem) -> String {
        use EditionProblem as P;
        let plain = |s: Str| s.to_owned();
        match problem {
            P::Format(problem) => self.json_problem(problem),
            P::NotAFiscalYear => plain(self.problem_fiscal_year),
            P::UnsupportedSchema { found } => self.schema(*found, EDITION_SCHEMA),
            P::Empty => plain(self.problem_empty),
            P::NotAnEmail => plain(self.problem_email),
            P::NotACurrency => plain(self.problem_currency),
            P::EndBeforeStart => plain(self.problem_end_before_start),
            P::TooSmall { min } => Text(self.problem_too_small).fill(&[("min", &min.to_string())]),
            P::BelowMinimum => plain(self.problem_below_minimum),
            P::AfterStart => plain(self.problem_after_start),
            P::ClosesBeforeOpens => plain(self.problem_closes_before_opens),
            P::NotAUrl => plain(self.problem_url),
            P::MissingEnglish => plain(self.problem_missing_english),
            P::NotALanguageTag => plain(self.problem_language_tag),
            P::NotAfterCourse => plain(self.problem_not_after_course),
            P::MissingDiscount { discount } => Text(self.problem_missing_discount).fill(&[("rule", discount.code())]),
            P::DuplicateDiscount { discount } => {
                Text(self.problem_duplicate_discount).fill(&[("rule", discount.code())])
            }
            P::UnknownClassificationYear { available } => {
                Text(self.problem_unknown_year).fill(&[("years", &available.join(", "))])
            }
            P::Zero => plain(self.problem_zero),
        }
    }

    /// The sentence for a problem in `config.json` (the field is named apart: [`ConfigError::field`]).
    #[must_use]
    pub fn config_problem(&self, error: &ConfigError) -> String {
        match error {
            ConfigError::Format(e) => self.json_problem(&e.problem),
            ConfigError::UnsupportedSchema { found } => self.schema(*found, CONFIG_SCHEMA),
            ConfigError::BadEndpoint => self.config_bad_endpoint.to_owned(),
            ConfigError::BadTimeout => self.config_bad_timeout.to_owned(),
            ConfigError::BadEmail(_) => self.problem_email.to_owned(),
            ConfigError::BadBasePath => self.config_bad_base_path.to_owned(),
        }
    }

    /// The sentence for a problem reading a JSON document (the field is named apart).
    #[must_use]
    pub fn json_problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Syntax { line, column } => {
                Text(self.problem_syntax).fill(&[("line", &line.to_string()), ("column", &column.to_string())])
            }
            Problem::TooDeep => self.problem_too_deep.to_owned(),
            Problem::Missing => self.problem_missing.to_owned(),
            Problem::Unknown => self.problem_unknown.to_owned(),
            Problem::Duplicate => self.problem_duplicate.to_owned(),
            Problem::Empty => self.problem_empty_list.to_owned(),
            Problem::Invalid { expected, found } => {
                let what = match expected {
                    Expected::Text => self.expect_text.to_owned(),
                    Expected::WholeNumber => self.expect_whole_number.to_owned(),
                    Expected::Boolean => self.expect_boolean.to_owned(),
                    Expected::List => self.expect_list.to_owned(),
                    Expected::Object => self.expect_object.to_owned(),
                    Expected::Amount => self.expect_amount.to_owned(),
                    Expected::Percent => self.expect_percent.to_owned(),
                    Expected::Date => self.expect_date.to_owned(),
                    Expected::Origin => self.expect_origin.to_owned(),
                    Expected::CountryCode => self.expect_country_code.to_owned(),
                    Expected::FiscalYear => self.expect_fiscal_year.to_owned(),
                    Expected::Items(n) => Text(self.expect_items).fill(&[("count", &n.to_string())]),
                    Expected::OneOf(codes) => Text(self.expect_one_of).fill(&[("codes", &codes.join(", "))]),
                    Expected::Code => self.expect_code.to_owned(),
                    Expected::Other(_) => self.expect_other.to_owned(),
                };
                Text(self.problem_expected).fill(&[("found", found), ("expected", &what)])
            }
        }
    }

    fn schema(&self, found: u32, supported: u32) -> String {
        Text(self.problem_schema).fill(&[("found", &found.to_string()), ("supported", &supported.to_string())])
    }
}
