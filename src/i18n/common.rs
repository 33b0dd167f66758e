//! Texts every page shares: the site chrome, the not-found page and the data error page.

use serde::{Deserialize, Serialize};

/// Texts every page shares: the site chrome, the not-found page and the data error page. One field per key of the catalogue's `common` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct CommonTexts {
    #[serde(deserialize_with = "super::text")]
    pub site_name: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub skip_to_content: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub nav_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub nav_home: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub nav_estimate: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub nav_refund: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub nav_apply: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub lang_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub colon: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub footer: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub loading: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub not_found_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub not_found_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub back_home: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_intro: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_file: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_field: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_problem: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_whole_file: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_fetch: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_error_contact: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_syntax: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_too_deep: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_missing: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_unknown: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_expected: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_text: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_whole_number: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_boolean: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_list: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_object: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_amount: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_percent: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_date: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub expect_one_of: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_fiscal_year: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub config_bad_endpoint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub config_bad_timeout: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub config_bad_origin: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_schema: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_empty: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_email: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_currency: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_end_before_start: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_too_small: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_below_minimum: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_after_start: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_missing_discount: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_duplicate_discount: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_unknown_year: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub problem_zero: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub countries_problem_line: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub countries_bad_header: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub countries_cell_count: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub countries_bad_code: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub countries_bad_class: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub countries_duplicate: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub countries_no_rows: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub yes: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub no: &'static str,
}
