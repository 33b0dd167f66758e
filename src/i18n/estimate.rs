//! The fee estimator (`/estimate`, and the partner frame).

use serde::{Deserialize, Serialize};

/// The fee estimator (`/estimate`, and the partner frame). One field per key of the catalogue's `estimate` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct EstimateTexts {
    #[serde(deserialize_with = "super::text")]
    pub estimate_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub estimate_intro: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub your_situation: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub member_legend: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub member_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub dues_legend: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub country_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub country_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub country_not_found: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub people_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub people_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub people_invalid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub date_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub date_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub quote_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub quote_caption: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub col_item: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub col_amount: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub line_list_fee: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub line_membership: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub line_income_place: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub line_group: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub line_early_bird: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub per_person: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub people_count: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub total: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub total_announcement: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced_low: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced_middle: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced_fee: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rules_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rule_membership: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rule_group: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rule_income: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rule_early: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rule_order: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub notes_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_member_rate_dues_unpaid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_early_bird_may_apply: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_early_bird_applied: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_early_bird_ended: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_group_applied: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_group_available: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_country_unclassified: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_reduced_available: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_reduced_not_member: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_reduced_dues_unpaid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_reduced_high_income: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_reduced_no_country: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_reduced_places_limited: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub note_after_course_start: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub params_ignored: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub copy_link: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub link_copied: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub copy_failed: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub share_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub print_quote: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub print_heading: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub print_date: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub print_caveat: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub income_low: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub income_lower_middle: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub income_upper_middle: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub income_high: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub income_unclassified: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub country_class: &'static str,
}
