//! The partner embed: the frame around the estimator and the partner page (`/embed`).

use super::Str;

crate::texts_section! {
/// The partner embed: the frame around the estimator and the partner page (`/embed`). One field per key of the catalogue's `embed` section.
pub struct EmbedTexts {
    pub frame_title: Str,
    pub new_tab: Str,
    pub link_text: Str,
    pub page_title: Str,
    pub page_intro: Str,
    pub options_title: Str,
    pub member_label: Str,
    pub unset: Str,
    pub people_label: Str,
    pub lang_label: Str,
    pub accent_label: Str,
    pub accent_hint: Str,
    pub accent_invalid: Str,
    pub accent_low_contrast: Str,
    pub font_label: Str,
    pub font_hint: Str,
    pub font_invalid: Str,
    pub compact_label: Str,
    pub compact_hint: Str,
    pub origin_label: Str,
    pub origin_hint: Str,
    pub origin_invalid: Str,
    pub snippet_title: Str,
    pub snippet_label: Str,
    pub snippet_hint: Str,
    pub copy: Str,
    pub copied: Str,
    pub copy_failed: Str,
    pub preview_title: Str,
    pub events_title: Str,
    pub event_ready: Str,
    pub event_resize: Str,
    pub event_estimate: Str,
    pub api_update: Str,
    pub api_quote: Str,
    pub api_scan: Str,
    pub csp_title: Str,
    pub csp_partner: Str,
    pub csp_app: Str,
    pub csp_placeholder: Str,
}
}
