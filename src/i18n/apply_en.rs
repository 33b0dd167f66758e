//! The application wizard's texts (`apply.html` only), apart from [`super::Texts`] so that the main
//! app's bundle does not carry them.

use crate::domain::application::{ErrorCode, FieldError, Step};
use crate::domain::draft::DecodeError;

/// Every user-visible text of the wizard in one language.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct ApplyTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub need_title: &'static str,
    pub need: &'static [&'static str],
    pub time_title: &'static str,
    pub time_body: &'static str,
    pub saved_title: &'static str,
    pub saved_body: &'static str,
    pub privacy_title: &'static str,
    pub privacy_body: &'static str,
    pub continue_app: &'static str,
    pub last_saved: &'static str,
    pub start_now: &'static str,
    pub start_again: &'static str,
    pub confirm_start_again: &'static str,
    pub delete_saved: &'static str,
    pub confirm_delete: &'static str,
    pub deleted: &'static str,
    pub files_title: &'static str,
    pub export: &'static str,
    pub import_label: &'static str,
    pub import_hint: &'static str,
    pub imported: &'static str,
    pub import_not_json: &'static str,
    pub import_not_draft: &'static str,
    pub import_future: &'static str,
    pub import_invalid: &'static str,
    pub status_saving: &'static str,
    pub status_saved: &'static str,
    pub status_not_saved: &'static str,
    pub other_tab: &'static str,
    pub unreadable: &'static str,
    pub step_of: &'static str,
    pub step_names: [&'static str; 5],
    pub back: &'static str,
    pub continue_: &'static str,
    pub error_summary: &'static str,
    pub error_prefix: &'static str,
    pub optional: &'static str,
    pub words: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub not_sure: &'static str,
    pub not_answered: &'static str,
    // About you
    pub first_name: &'static str,
    pub surname: &'static str,
    pub email: &'static str,
    pub email_hint: &'static str,
    pub phone: &'static str,
    pub phone_hint: &'static str,
    pub job_title: &'static str,
    pub department: &'static str,
    pub years: &'static str,
    pub years_hint: &'static str,
    pub career: &'static str,
    pub junior: &'static str,
    pub mid_career: &'static str,
    pub senior: &'static str,
    // Organisation
    pub org_name: &'static str,
    pub authority: &'static str,
    pub local: &'static str,
    pub metropolitan: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub member: &'static str,
    pub member_hint: &'static str,
    pub dues: &'static str,
    pub ia_department: &'static str,
    // Motivation
    pub why: &'static str,
    pub why_hint: &'static str,
    pub experience: &'static str,
    pub experience_hint: &'static str,
    pub project: &'static str,
    pub project_hint: &'static str,
    pub english: &'static str,
    pub english_hint: &'static str,
    pub fluent: &'static str,
    pub working: &'static str,
    pub basic: &'static str,
    // Registration
    pub with_colleagues: &'static str,
    pub with_colleagues_hint: &'static str,
    pub alone: &'static str,
    pub together: &'static str,
    pub colleague: &'static str,
    pub colleague_name: &'static str,
    pub colleague_email: &'static str,
    pub add_colleague: &'static str,
    pub remove_colleague: &'static str,
    pub reduced: &'static str,
    pub reduced_hint: &'static str,
    pub invoice_title: &'static str,
    pub billing_organisation: &'static str,
    pub billing_address: &'static str,
    pub tax_id: &'static str,
    pub po_reference: &'static str,
    pub invoice_email: &'static str,
    // Declarations
    pub conditions: &'static str,
    pub refund_link: &'static str,
    pub data_consent: &'static str,
    pub truthful: &'static str,
    // Check and send
    pub check_title: &'static str,
    pub change: &'static str,
    pub fee_title: &'static str,
    pub fee_per_person: &'static str,
    pub fee_people: &'static str,
    pub fee_total: &'static str,
    pub fee_note: &'static str,
    pub send: &'static str,
    pub ready_title: &'static str,
    pub ready_body: &'static str,
    pub download_application: &'static str,
    pub done_title: &'static str,
    pub done_body: &'static str,
    // Error messages
    pub required: &'static [(&'static str, &'static str)],
    pub required_other: &'static str,
    pub colleague_name_required: &'static str,
    pub colleague_email_required: &'static str,
    pub invalid_email: &'static str,
    pub invalid_phone: &'static str,
    pub invalid_years: &'static str,
    pub too_many_words: &'static str,
    pub no_colleagues: &'static str,
    pub too_many_people: &'static str,
    pub must_accept: &'static str,
    pub unknown_country: &'static str,
}

impl ApplyTexts {
    /// Career stages, in the order of `CareerStage`'s variants.
    #[must_use]
    pub fn career_options(&self) -> [&'static str; 3] {
        [self.junior, self.mid_career, self.senior]
    }

    /// Kinds of authority, in the order of `Authority`'s variants.
    #[must_use]
    pub fn authority_options(&self) -> [&'static str; 2] {
        [self.local, self.metropolitan]
    }

    /// Membership answers, in the order of `Membership`'s variants.
    #[must_use]
    pub fn member_options(&self) -> [&'static str; 3] {
        [self.yes, self.no, self.not_sure]
    }

    /// English levels, in the order of `EnglishLevel`'s variants.
    #[must_use]
    pub fn english_options(&self) -> [&'static str; 3] {
        [self.fluent, self.working, self.basic]
    }

    /// Yes (index 0) and no (index 1).
    #[must_use]
    pub fn yes_no(&self) -> [&'static str; 2] {
        [self.yes, self.no]
    }

    /// Registering alone (index 0, `false`) or with colleagues (index 1, `true`).
    #[must_use]
    pub fn alone_together(&self) -> [&'static str; 2] {
        [self.alone, self.together]
    }

    /// The words for a validation problem, as shown in the error summary and by the field.
    #[must_use]
    pub fn error(&self, e: &FieldError) -> String {
        let f = e.field.as_str();
        match e.code {
            ErrorCode::Required if f.ends_with(".name") && f.contains("colleagues") => {
                self.colleague_name_required.to_owned()
            }
            ErrorCode::Required if f.ends_with(".email") && f.contains("colleagues") => {
                self.colleague_email_required.to_owned()
            }
            ErrorCode::Required => {
                self.required.iter().find(|(k, _)| *k == f).map_or(self.required_other, |(_, v)| v).to_owned()
            }
            ErrorCode::InvalidEmail => self.invalid_email.to_owned(),
            ErrorCode::InvalidPhone => self.invalid_phone.to_owned(),
            ErrorCode::InvalidYears => self.invalid_years.to_owned(),
            ErrorCode::TooManyWords { limit } => super::fill(self.too_many_words, &[("limit", &limit.to_string())]),
            ErrorCode::NoColleagues => self.no_colleagues.to_owned(),
            ErrorCode::TooManyPeople { max } => super::fill(self.too_many_people, &[("max", &max.to_string())]),
            ErrorCode::MustAccept => self.must_accept.to_owned(),
            ErrorCode::UnknownCountry => self.unknown_country.to_owned(),
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
            DecodeError::NotJson => self.import_not_json,
            DecodeError::NotADraft => self.import_not_draft,
            DecodeError::FutureVersion { .. } => self.import_future,
            DecodeError::Invalid { .. } => self.import_invalid,
        }
    }
}

/// English texts of the wizard.
pub static APPLY_EN: ApplyTexts = ApplyTexts {
    title: "Apply for the Metropolis Diploma",
    intro: "Use this form to apply for a place on the 3rd edition of the Metropolis Diploma in Internationalization for Local Authorities.",
    need_title: "Before you start",
    need: &[
        "your contact details, job title and years of experience in international affairs",
        "your organisation's details, including whether it is a Metropolis member and has paid its 2024 dues",
        "short answers about your motivation, the city experience you will share and your final-project idea",
        "the names and e-mail addresses of any colleagues registering with you",
        "invoice details: billing organisation and address, and a purchase-order reference if you have one",
    ],
    time_title: "How long it takes",
    time_body: "It takes about 20 minutes. You can stop at any time and come back later.",
    saved_title: "Your answers are saved on this device",
    saved_body: "Your answers are saved in this browser as you type, so you can continue later on this device. On a shared computer, delete your saved answers when you have finished.",
    privacy_title: "Privacy",
    privacy_body: "Nothing is sent until you choose \u{201c}Send application\u{201d}. Metropolis uses your answers only to assess your application and organise the course.",
    continue_app: "Continue your application",
    last_saved: "Last saved {when}.",
    start_now: "Start now",
    start_again: "Start again",
    confirm_start_again: "Start again? This deletes the answers saved on this device.",
    delete_saved: "Delete my saved answers",
    confirm_delete: "Delete the answers saved on this device? This cannot be undone.",
    deleted: "Your saved answers were deleted from this device.",
    files_title: "Move your answers to another device",
    export: "Download my answers (JSON file)",
    import_label: "Open answers from a file",
    import_hint: "A file downloaded from this form. It replaces the answers on this device.",
    imported: "Your answers were loaded from the file.",
    import_not_json: "The file is not a saved application: it is not JSON.",
    import_not_draft: "The file is not a saved application from this form.",
    import_future: "The answers were saved by a newer version of this form and cannot be read here.",
    import_invalid: "The file looks like a saved application, but some answers cannot be read.",
    status_saving: "Saving\u{2026}",
    status_saved: "Saved on this device",
    status_not_saved: "Not saved on this device: your answers are kept only while this page is open. Download them to keep a copy.",
    other_tab: "Your answers were updated from another tab or window.",
    unreadable: "Answers saved on this device could not be read: {reason} They were kept as a backup copy ({key}) and not deleted.",
    step_of: "Step {x} of {y}: {name}",
    step_names: ["About you", "Your organisation", "Your motivation", "Registration and fees", "Declarations"],
    back: "Back",
    continue_: "Continue",
    error_summary: "There is a problem",
    error_prefix: "Error: ",
    optional: " (optional)",
    words: "{count} of {limit} words",
    yes: "Yes",
    no: "No",
    not_sure: "Not sure",
    not_answered: "Not answered",
    first_name: "First name",
    surname: "Surname",
    email: "Email address",
    email_hint: "We will use this to contact you about your application.",
    phone: "Phone number",
    phone_hint: "Include the country code, for example +34 93 000 00 00.",
    job_title: "Job title",
    department: "Department",
    years: "Years of experience in international affairs",
    years_hint: "A whole number, for example 3.",
    career: "Career stage",
    junior: "Junior",
    mid_career: "Mid-career",
    senior: "Senior",
    org_name: "Organisation",
    authority: "Kind of authority",
    local: "Local authority (city, municipality)",
    metropolitan: "Metropolitan authority",
    city: "City",
    country: "Country",
    member: "Is your organisation a Metropolis member?",
    member_hint: "If you are not sure, we price your place as a non-member until Metropolis confirms.",
    dues: "Has your organisation paid its 2024 membership dues?",
    ia_department: "Does your organisation have an international-affairs department?",
    why: "Why do you want to take part?",
    why_hint: "What you hope to learn and how it will help your work.",
    experience: "What city experience will you share with the other participants?",
    experience_hint: "A policy, project or practice from your city.",
    project: "What is your idea for the final project?",
    project_hint: "The course ends with a project for your own authority.",
    english: "What is your working level of English?",
    english_hint: "The course is taught in English, with no interpretation.",
    fluent: "Fluent or native",
    working: "Comfortable in a working setting",
    basic: "Basic",
    with_colleagues: "Are you registering alone or with colleagues from the same organisation?",
    with_colleagues_hint: "Groups from one organisation get a group discount.",
    alone: "Alone",
    together: "With colleagues",
    colleague: "Colleague {n}",
    colleague_name: "Full name",
    colleague_email: "Email address",
    add_colleague: "Add a colleague",
    remove_colleague: "Remove colleague {n}",
    reduced: "I would like to ask for a reduced-fee place",
    reduced_hint: "Places at a reduced fee are offered to organisations from eligible countries, while they last.",
    invoice_title: "Invoice details",
    billing_organisation: "Billing organisation",
    billing_address: "Billing address",
    tax_id: "Tax ID",
    po_reference: "Purchase-order reference",
    invoice_email: "Email address for the invoice",
    conditions: "I accept the general conditions and the cancellation policy",
    refund_link: "Read the cancellation and refund policy (opens the policy page)",
    data_consent: "I agree that Metropolis processes my personal data to assess this application",
    truthful: "The information I have given is true",
    check_title: "Check your answers before sending your application",
    change: "Change",
    fee_title: "Your fee",
    fee_per_person: "Fee per person",
    fee_people: "People",
    fee_total: "Total",
    fee_note: "The same figures as the fee estimator for these answers. Metropolis confirms the fee with the invoice.",
    send: "Send application",
    ready_title: "Your application is complete and ready to send",
    ready_body: "Sending applications online is not available yet: your application has NOT been sent. Download it and keep it; your answers stay saved on this device.",
    download_application: "Download the application (JSON file)",
    done_title: "Application not sent yet",
    done_body: "Sending applications online is not available yet.",
    required: &[
        ("about.first_name", "Enter your first name"),
        ("about.surname", "Enter your surname"),
        ("about.email", "Enter your email address"),
        ("about.phone", "Enter your phone number"),
        ("about.job_title", "Enter your job title"),
        ("about.department", "Enter your department"),
        ("about.years_experience", "Enter your years of experience in international affairs"),
        ("about.career_stage", "Select your career stage"),
        ("organisation.name", "Enter your organisation"),
        ("organisation.authority", "Select the kind of authority"),
        ("organisation.city", "Enter your city"),
        ("organisation.country", "Enter your country"),
        ("organisation.member", "Select whether your organisation is a Metropolis member"),
        ("organisation.dues_paid", "Select whether your organisation has paid its 2024 dues"),
        ("organisation.ia_department", "Select whether your organisation has an international-affairs department"),
        ("motivation.why", "Enter why you want to take part"),
        ("motivation.experience", "Enter the city experience you will share"),
        ("motivation.project", "Enter your idea for the final project"),
        ("motivation.english", "Select your working level of English"),
        ("registration.with_colleagues", "Select whether you are registering alone or with colleagues"),
        ("registration.billing_organisation", "Enter the billing organisation"),
        ("registration.billing_address", "Enter the billing address"),
        ("registration.invoice_email", "Enter the email address for the invoice"),
    ],
    required_other: "Answer this question",
    colleague_name_required: "Enter your colleague's full name",
    colleague_email_required: "Enter your colleague's email address",
    invalid_email: "Enter an email address in the correct format, like name@example.org",
    invalid_phone: "Enter a phone number with its country code, like +34 93 000 00 00",
    invalid_years: "Enter years of experience as a whole number from 0 to 60",
    too_many_words: "Shorten this answer to {limit} words or fewer",
    no_colleagues: "Add at least one colleague, or choose \u{201c}Alone\u{201d}",
    too_many_people: "A group can have at most {max} people, including you",
    must_accept: "Tick this box to continue",
    unknown_country: "Choose a country from the list",
};
