//! The partner embed: the frame around the estimator and the partner page (`/embed`).

use super::Str;
use serde::{Deserialize, Serialize};

/// The partner embed: the frame around the estimator and the partner page (`/embed`). One field per key of the catalogue's `embed` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct EmbedTexts {
    #[serde(deserialize_with = "super::text")]
    pub frame_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub new_tab: Str,
    #[serde(deserialize_with = "super::text")]
    pub link_text: Str,
    #[serde(deserialize_with = "super::text")]
    pub page_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub page_intro: Str,
    #[serde(deserialize_with = "super::text")]
    pub options_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub member_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub unset: Str,
    #[serde(deserialize_with = "super::text")]
    pub people_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub lang_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub accent_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub accent_hint: Str,
    #[serde(deserialize_with = "super::text")]
    pub accent_invalid: Str,
    #[serde(deserialize_with = "super::text")]
    pub accent_low_contrast: Str,
    #[serde(deserialize_with = "super::text")]
    pub font_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub font_hint: Str,
    #[serde(deserialize_with = "super::text")]
    pub font_invalid: Str,
    #[serde(deserialize_with = "super::text")]
    pub compact_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub compact_hint: Str,
    #[serde(deserialize_with = "super::text")]
    pub origin_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub origin_hint: Str,
    #[serde(deserialize_with = "super::text")]
    pub origin_invalid: Str,
    #[serde(deserialize_with = "super::text")]
    pub snippet_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub snippet_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub snippet_hint: Str,
    #[serde(deserialize_with = "super::text")]
    pub copy: Str,
    #[serde(deserialize_with = "super::text")]
    pub copied: Str,
    #[serde(deserialize_with = "super::text")]
    pub copy_failed: Str,
    #[serde(deserialize_with = "super::text")]
    pub preview_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub events_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub event_ready: Str,
    #[serde(deserialize_with = "super::text")]
    pub event_resize: Str,
    #[serde(deserialize_with = "super::text")]
    pub event_estimate: Str,
    #[serde(deserialize_with = "super::text")]
    pub api_update: Str,
    #[serde(deserialize_with = "super::text")]
    pub api_quote: Str,
    #[serde(deserialize_with = "super::text")]
    pub api_scan: Str,
    #[serde(deserialize_with = "super::text")]
    pub csp_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub csp_partner: Str,
    #[serde(deserialize_with = "super::text")]
    pub csp_app: Str,
    #[serde(deserialize_with = "super::text")]
    pub csp_placeholder: Str,
}
