//! The application wizard's texts (`apply.html` only; the `apply` section of a catalogue), apart
//! from [`super::Texts`] so that the other entries do not read them.

use crate::domain::application::{ErrorCode, FieldError, Step};
use crate::domain::draft::DecodeError;

crate::catalogue! {
/// Every user-visible text of the wizard in one language.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct ApplyTexts in apply_keys {
    texts {
        title, intro, need_title, time_title, time_body, saved_title,
        saved_body, privacy_title, privacy_body, continue_app, last_saved, start_now,
        start_again, confirm_start_again, delete_saved, confirm_delete, deleted, files_title,
        export, import_label, import_hint, imported, import_not_json, import_not_draft,
        import_future, import_invalid, status_saving, status_saved, status_not_saved, other_tab,
        unreadable, step_of, back, continue_, error_summary, error_prefix,
        optional, words, yes, no, not_sure, not_answered,
        first_name, surname, email, email_hint, phone, phone_hint,
        job_title, department, years, years_hint, career, junior,
        mid_career, senior, org_name, authority, local, metropolitan,
        city, country, member, member_hint, dues, ia_department,
        why, why_hint, experience, experience_hint, project, project_hint,
        english, english_hint, fluent, working, basic, with_colleagues,
        with_colleagues_hint, alone, together, colleague, colleague_name, colleague_email,
        add_colleague, remove_colleague, reduced, reduced_hint, invoice_title, billing_organisation,
        billing_address, tax_id, po_reference, invoice_email, conditions, refund_link,
        data_consent, truthful, check_title, change, fee_title, fee_per_person,
        fee_people, fee_total, fee_note, send, required_other, colleague_name_required,
        colleague_email_required, invalid_email, invalid_phone, invalid_years, too_many_words, no_colleagues,
        too_many_people, must_accept, unknown_country, too_long, edition_closed, done_title, done_body, reference_label,
        reference_hint, next_title, record_title, print_record, sent_at, nothing_sent,
        send_title, status_sending, status_waiting, status_offline, paused_title, paused_body,
        paused_reason, reason_network, reason_timeout, reason_status, try_again, conflict_title,
        conflict_body, sending_notice, sending_link, rejected_title, rejected_quote, rejected_other,
        send_no_storage,
    }
    others {
        need: &'static [&'static str],
        step_names: [&'static str; 5],
        required: &'static [(&'static str, &'static str)],
        next_steps: &'static [&'static str],
    }
}
}

impl ApplyTexts {
    /// Career stages, in the order of `CareerStage`'s variants.
    #[must_use]
    pub fn career_options(&self) -> [&'static str; 3] {
        [self.junior(), self.mid_career(), self.senior()]
    }

    /// Kinds of authority, in the order of `Authority`'s variants.
    #[must_use]
    pub fn authority_options(&self) -> [&'static str; 2] {
        [self.local(), self.metropolitan()]
    }

    /// Membership answers, in the order of `Membership`'s variants.
    #[must_use]
    pub fn member_options(&self) -> [&'static str; 3] {
        [self.yes(), self.no(), self.not_sure()]
    }

    /// English levels, in the order of `EnglishLevel`'s variants.
    #[must_use]
    pub fn english_options(&self) -> [&'static str; 3] {
        [self.fluent(), self.working(), self.basic()]
    }

    /// Yes (index 0) and no (index 1).
    #[must_use]
    pub fn yes_no(&self) -> [&'static str; 2] {
        [self.yes(), self.no()]
    }

    /// Registering alone (index 0, `false`) or with colleagues (index 1, `true`).
    #[must_use]
    pub fn alone_together(&self) -> [&'static str; 2] {
        [self.alone(), self.together()]
    }

    /// The words for a validation problem, as shown in the error summary and by the field.
    #[must_use]
    pub fn error(&self, e: &FieldError) -> String {
        let f = e.field.as_str();
        match e.code {
            ErrorCode::Required if f.ends_with(".name") && f.contains("colleagues") => {
                self.colleague_name_required().to_owned()
            }
            ErrorCode::Required if f.ends_with(".email") && f.contains("colleagues") => {
                self.colleague_email_required().to_owned()
            }
            ErrorCode::Required => {
                self.required.iter().find(|(k, _)| *k == f).map_or(self.required_other(), |(_, v)| v).to_owned()
            }
            ErrorCode::InvalidEmail => self.invalid_email().to_owned(),
            ErrorCode::InvalidPhone => self.invalid_phone().to_owned(),
            ErrorCode::InvalidYears => self.invalid_years().to_owned(),
            ErrorCode::TooLong { max } => super::fill(self.too_long(), &[("max", &max.to_string())]),
            ErrorCode::TooManyWords { limit } => super::fill(self.too_many_words(), &[("limit", &limit.to_string())]),
            ErrorCode::NoColleagues => self.no_colleagues().to_owned(),
            ErrorCode::TooManyPeople { max } => super::fill(self.too_many_people(), &[("max", &max.to_string())]),
            ErrorCode::MustAccept => self.must_accept().to_owned(),
            ErrorCode::UnknownCountry => self.unknown_country().to_owned(),
        }
    }

    /// The section name of a step.
    #[must_use]
    pub fn step_name(&self, step: Step) -> &'static str {
        self.step_names[step.number() - 1]
    }

    /// Why a file or the stored text is not a usable draft.
    #[must_use]
    pub fn decode_error(&self, e: &DecodeError) -> &'static str {
        match e {
            DecodeError::NotJson => self.import_not_json(),
            DecodeError::NotADraft => self.import_not_draft(),
            DecodeError::FutureVersion { .. } => self.import_future(),
            DecodeError::Invalid { .. } => self.import_invalid(),
        }
    }
}
