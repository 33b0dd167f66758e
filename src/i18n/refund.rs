//! The refund calculator and cancellation helper (`/refund`).

use serde::{Deserialize, Serialize};

/// The refund calculator and cancellation helper (`/refund`). One field per key of the catalogue's `refund` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RefundTexts {
    #[serde(deserialize_with = "super::text")]
    pub refund_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub refund_intro: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub paid_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub paid_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub cancel_date_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub cancel_date_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub cancel_date_invalid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub result_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub result_refund: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub result_no_refund: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub result_enter_amount: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub refund_amount_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub kept_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub deadline_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub days_left_many: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub days_left_one: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub deadline_today: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub deadline_passed: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub due_by_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub due_by_none: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub bank_fees: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_chosen: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_deadline: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_start: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub policy_title: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub policy_items: Vec<&'static str>,
    #[serde(deserialize_with = "super::text")]
    pub email_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_intro: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub name_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub registration_date_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub contact_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub optional: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_subject: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_refund_due: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_no_refund: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_missing: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_preview_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub open_email: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub copy_text: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub text_copied: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reply_reminder: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub remind_me: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub ics_summary: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub ics_description: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub amount_empty: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub amount_not_a_number: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub amount_negative: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub amount_too_many_decimals: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub amount_too_large: &'static str,
}
