//! The application form (`/apply`…).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The application form (`/apply`…). One field per key of the catalogue's `apply` section.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ApplyTexts {
    #[serde(deserialize_with = "super::text")]
    pub title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub intro: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub need_title: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub need: Vec<&'static str>,
    #[serde(deserialize_with = "super::text")]
    pub time_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub time_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub saved_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub saved_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub privacy_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub privacy_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub continue_app: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub last_saved: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub start_now: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub start_again: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub confirm_start_again: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub delete_saved: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub confirm_delete: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub deleted: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub files_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub export: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub import_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub import_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub imported: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub import_not_json: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub import_not_draft: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub import_future: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub import_invalid: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub status_saving: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub status_saved: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub status_not_saved: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub other_tab: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub unreadable: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub step_of: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub step_names: Vec<&'static str>,
    #[serde(deserialize_with = "super::text")]
    pub back: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub continue_: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub error_summary: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub error_prefix: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub optional: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub words: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub yes: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub no: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub not_sure: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub not_answered: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub first_name: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub surname: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub email_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub phone: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub phone_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub job_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub department: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub years: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub years_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub career: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub junior: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub mid_career: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub senior: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub org_name: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub authority: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub local: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub metropolitan: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub city: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub country: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub member: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub member_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub dues: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub ia_department: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub why: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub why_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub experience: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub experience_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub project: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub project_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub english: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub english_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fluent: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub working: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub basic: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub with_colleagues: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub with_colleagues_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub alone: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub together: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub colleague: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub colleague_name: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub colleague_email: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub add_colleague: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub remove_colleague: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reduced_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub invoice_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub billing_organisation: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub billing_address: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub tax_id: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub po_reference: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub invoice_email: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub conditions: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub refund_link: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub data_consent: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub truthful: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub check_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub change: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fee_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fee_per_person: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fee_people: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fee_total: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub fee_note: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub send: &'static str,
    #[serde(deserialize_with = "super::text_map")]
    pub required: BTreeMap<String, &'static str>,
    #[serde(deserialize_with = "super::text")]
    pub required_other: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub colleague_name_required: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub colleague_email_required: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub invalid_email: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub invalid_phone: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub invalid_years: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub too_many_words: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub no_colleagues: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub too_many_people: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub must_accept: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub unknown_country: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub done_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub done_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reference_label: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reference_hint: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub next_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub record_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub print_record: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub sent_at: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub nothing_sent: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub send_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub status_sending: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub status_waiting: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub status_offline: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub paused_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub paused_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub paused_reason: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reason_network: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reason_timeout: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub reason_status: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub try_again: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub conflict_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub conflict_body: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub sending_notice: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub sending_link: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rejected_title: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rejected_quote: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub rejected_other: &'static str,
    #[serde(deserialize_with = "super::text")]
    pub send_no_storage: &'static str,
    #[serde(deserialize_with = "super::texts")]
    pub next_steps: Vec<&'static str>,
}
