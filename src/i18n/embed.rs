//! The partner embed: the frame around the estimator and the partner page (`/embed`).

use serde::{Deserialize, Serialize};

/// The partner embed: the frame around the estimator and the partner page (`/embed`). One field per key of the catalogue's `embed` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct EmbedTexts {
    #[serde(deserialize_with = "super::text")]
    pub frame_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub apply: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub new_tab: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub link_text: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub page_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub page_intro: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub options_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub member_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub unset: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub people_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub lang_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub accent_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub accent_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub accent_invalid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub accent_low_contrast: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub font_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub font_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub font_invalid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub compact_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub compact_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub origin_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub origin_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub origin_invalid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub snippet_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub snippet_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub snippet_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub copy: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub copied: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub copy_failed: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub preview_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub events_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub event_ready: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub event_estimate: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub api_update: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub api_quote: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub csp_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub csp_partner: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub csp_app: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub csp_placeholder: &'static str,
}
