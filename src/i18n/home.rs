//! The course page (`/`).

use super::Str;
use serde::{Deserialize, Serialize};

/// The course page (`/`). One field per key of the catalogue's `home` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct HomeTexts {
    #[serde(deserialize_with = "super::text")]
    pub kicker: Str,
    #[serde(deserialize_with = "super::text")]
    pub lead: Str,
    #[serde(deserialize_with = "super::text")]
    pub when_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub where_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub where_value: Str,
    #[serde(deserialize_with = "super::text")]
    pub format: Str,
    #[serde(deserialize_with = "super::text")]
    pub format_value: Str,
    #[serde(deserialize_with = "super::text")]
    pub fee: Str,
    #[serde(deserialize_with = "super::text")]
    pub fee_value: Str,
    #[serde(deserialize_with = "super::text")]
    pub cta_estimate: Str,
    #[serde(deserialize_with = "super::text")]
    pub cta_refund: Str,
    #[serde(deserialize_with = "super::text")]
    pub who_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub who_body: Str,
    #[serde(deserialize_with = "super::texts")]
    pub who_list: Vec<Str>,
    #[serde(deserialize_with = "super::text")]
    pub included_title: Str,
    #[serde(deserialize_with = "super::texts")]
    pub included: Vec<Str>,
    #[serde(deserialize_with = "super::text")]
    pub not_included_title: Str,
    #[serde(deserialize_with = "super::texts")]
    pub not_included: Vec<Str>,
    #[serde(deserialize_with = "super::text")]
    pub hotels_note: Str,
    #[serde(deserialize_with = "super::text")]
    pub fees_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub fees_list: Str,
    #[serde(deserialize_with = "super::text")]
    pub fees_member: Str,
    #[serde(deserialize_with = "super::text")]
    pub fees_group: Str,
    #[serde(deserialize_with = "super::text")]
    pub fees_income: Str,
    #[serde(deserialize_with = "super::text")]
    pub fees_early: Str,
    #[serde(deserialize_with = "super::text")]
    pub apply_title: Str,
    #[serde(deserialize_with = "super::texts")]
    pub apply_steps: Vec<Str>,
    #[serde(deserialize_with = "super::text")]
    pub apply_contact: Str,
}
