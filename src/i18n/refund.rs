//! The refund calculator and cancellation helper (`/refund`).

use super::{Plural, Str};
use crate::domain::money::AmountError;

crate::texts_section! {
/// The refund calculator and cancellation helper (`/refund`). One field per key of the catalogue's `refund` section.
pub struct RefundTexts {
    pub refund_title: Str,
    pub refund_intro: Str,
    pub no_js: Str,
    pub paid_label: Str,
    pub paid_hint: Str,
    pub cancel_date_label: Str,
    pub cancel_date_hint: Str,
    pub cancel_date_invalid: Str,
    pub result_title: Str,
    pub result_refund: Str,
    pub result_no_refund: Str,
    pub result_enter_amount: Str,
    pub refund_amount_label: Str,
    pub kept_label: Str,
    pub deadline_label: Str,
    pub days_left: Plural,
    pub deadline_today: Str,
    pub deadline_passed: Plural,
    pub due_by_label: Str,
    pub due_by_none: Str,
    pub bank_fees: Str,
    pub timeline_title: Str,
    pub timeline_chosen: Str,
    pub timeline_deadline: Str,
    pub timeline_start: Str,
    pub policy_title: Str,
    pub policy_written: Str,
    pub policy_reservation_from: Str,
    pub policy_details: Str,
    pub policy_refund: Str,
    pub policy_payout: Str,
    pub policy_after: Str,
    pub calendar_days: Plural,
    pub email_title: Str,
    pub email_intro: Str,
    pub name_label: Str,
    pub registration_date_label: Str,
    pub contact_label: Str,
    pub optional: Str,
    pub email_subject: Str,
    pub email_body: Str,
    pub email_refund_due: Str,
    pub email_no_refund: Str,
    pub email_missing: Str,
    pub email_preview_label: Str,
    pub open_email: Str,
    pub copy_text: Str,
    pub text_copied: Str,
    pub copy_failed: Str,
    pub reply_reminder: Str,
    pub reply_reminder_from: Str,
    pub remind_me: Str,
    pub ics_summary: Str,
    pub ics_description: Str,
    pub amount_empty: Str,
    pub amount_not_a_number: Str,
    pub amount_negative: Str,
    pub amount_too_many_decimals: Str,
    pub amount_too_large: Str,
}
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
