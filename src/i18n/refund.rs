//! The refund calculator and cancellation helper (`/refund`).

use super::Str;
use crate::domain::money::AmountError;
use serde::{Deserialize, Serialize};

/// The refund calculator and cancellation helper (`/refund`). One field per key of the catalogue's `refund` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RefundTexts {
    #[serde(deserialize_with = "super::text")]
    pub refund_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub refund_intro: Str,
    #[serde(deserialize_with = "super::text")]
    pub no_js: Str,
    #[serde(deserialize_with = "super::text")]
    pub paid_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub paid_hint: Str,
    #[serde(deserialize_with = "super::text")]
    pub cancel_date_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub cancel_date_hint: Str,
    #[serde(deserialize_with = "super::text")]
    pub cancel_date_invalid: Str,
    #[serde(deserialize_with = "super::text")]
    pub result_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub result_refund: Str,
    #[serde(deserialize_with = "super::text")]
    pub result_no_refund: Str,
    #[serde(deserialize_with = "super::text")]
    pub result_enter_amount: Str,
    #[serde(deserialize_with = "super::text")]
    pub refund_amount_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub kept_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub deadline_label: Str,
    #[serde(deserialize_with = "super::plural")]
    pub days_left: super::Plural,
    #[serde(deserialize_with = "super::text")]
    pub deadline_today: Str,
    #[serde(deserialize_with = "super::plural")]
    pub deadline_passed: super::Plural,
    #[serde(deserialize_with = "super::text")]
    pub due_by_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub due_by_none: Str,
    #[serde(deserialize_with = "super::text")]
    pub bank_fees: Str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_chosen: Str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_deadline: Str,
    #[serde(deserialize_with = "super::text")]
    pub timeline_start: Str,
    #[serde(deserialize_with = "super::text")]
    pub policy_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub policy_written: Str,
    #[serde(deserialize_with = "super::text")]
    pub policy_reservation_from: Str,
    #[serde(deserialize_with = "super::text")]
    pub policy_details: Str,
    #[serde(deserialize_with = "super::text")]
    pub policy_refund: Str,
    #[serde(deserialize_with = "super::text")]
    pub policy_payout: Str,
    #[serde(deserialize_with = "super::text")]
    pub policy_after: Str,
    #[serde(deserialize_with = "super::plural")]
    pub calendar_days: super::Plural,
    #[serde(deserialize_with = "super::text")]
    pub email_title: Str,
    #[serde(deserialize_with = "super::text")]
    pub email_intro: Str,
    #[serde(deserialize_with = "super::text")]
    pub name_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub registration_date_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub contact_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub optional: Str,
    #[serde(deserialize_with = "super::text")]
    pub email_subject: Str,
    #[serde(deserialize_with = "super::text")]
    pub email_body: Str,
    #[serde(deserialize_with = "super::text")]
    pub email_refund_due: Str,
    #[serde(deserialize_with = "super::text")]
    pub email_no_refund: Str,
    #[serde(deserialize_with = "super::text")]
    pub email_missing: Str,
    #[serde(deserialize_with = "super::text")]
    pub email_preview_label: Str,
    #[serde(deserialize_with = "super::text")]
    pub open_email: Str,
    #[serde(deserialize_with = "super::text")]
    pub copy_text: Str,
    #[serde(deserialize_with = "super::text")]
    pub text_copied: Str,
    #[serde(deserialize_with = "super::text")]
    pub copy_failed: Str,
    #[serde(deserialize_with = "super::text")]
    pub reply_reminder: Str,
    #[serde(deserialize_with = "super::text")]
    pub reply_reminder_from: Str,
    #[serde(deserialize_with = "super::text")]
    pub remind_me: Str,
    #[serde(deserialize_with = "super::text")]
    pub ics_summary: Str,
    #[serde(deserialize_with = "super::text")]
    pub ics_description: Str,
    #[serde(deserialize_with = "super::text")]
    pub amount_empty: Str,
    #[serde(deserialize_with = "super::text")]
    pub amount_not_a_number: Str,
    #[serde(deserialize_with = "super::text")]
    pub amount_negative: Str,
    #[serde(deserialize_with = "super::text")]
    pub amount_too_many_decimals: Str,
    #[serde(deserialize_with = "super::text")]
    pub amount_too_large: Str,
}

impl RefundTexts {
    /// The message for an amount that could not be read.
    #[must_use]
    pub fn amount_error(&self, error: AmountError) -> Str {
        match error {
            AmountError::Empty => self.amount_empty,
            AmountError::NotANumber | AmountError::NotCanonical => self.amount_not_a_number,
            AmountError::Negative => self.amount_negative,
            AmountError::TooManyDecimals => self.amount_too_many_decimals,
            AmountError::TooLarge => self.amount_too_large,
        }
    }
}
