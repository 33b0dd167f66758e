//! The course page (`/`).

use serde::{Deserialize, Serialize};

/// The course page (`/`). One field per key of the catalogue's `home` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct HomeTexts {
    #[serde(deserialize_with = "super::text")]
    pub kicker: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub lead: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub when_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub where_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub where_value: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub format: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub format_value: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fee: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fee_value: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub cta_estimate: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub cta_refund: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub who_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub who_body: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub who_list: Vec<&'static str>,
    #[serde(deserialize_with = "super::text")]
    pub included_title: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub included: Vec<&'static str>,
    #[serde(deserialize_with = "super::text")]
    pub not_included_title: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub not_included: Vec<&'static str>,
    #[serde(deserialize_with = "super::text")]
    pub hotels_note: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fees_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fees_list: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fees_member: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fees_group: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fees_income: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fees_early: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub apply_title: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub apply_steps: Vec<&'static str>,
    #[serde(deserialize_with = "super::text")]
    pub apply_contact: &'static str,
}
