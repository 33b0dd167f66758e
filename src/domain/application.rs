//! The application: the draft a person types, the wizard's steps, and validation as codes.

use super::countries::{Countries, IncomeClass};
use super::edition::{is_email, Edition};
use super::fees::{quote, Quote, QuoteInput};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Word limits of the long answers.
pub const WORDS_WHY: usize = 250;
/// Word limit of the city experience answer.
pub const WORDS_EXPERIENCE: usize = 250;
/// Word limit of the final-project idea.
pub const WORDS_PROJECT: usize = 200;

/// The longest answer each text field takes, in characters (Unicode scalar values, as
/// `chars().count()` and the browser's `maxlength` count them outside the astral planes), shared by
/// the form (its `maxlength` and hint) and the receiver (`too_long`). Colleagues' fields are named
/// with `*` for the index. Generous for any real answer; the bound keeps stored rows and exports
/// small whatever a client sends.
pub const MAX_LEN: [(&str, usize); 19] = [
    ("about.first_name", 100),
    ("about.surname", 100),
    ("about.email", 254),
    ("about.phone", 40),
    ("about.job_title", 200),
    ("about.department", 200),
    ("about.years_experience", 10),
    ("organisation.name", 200),
    ("organisation.city", 100),
    ("motivation.why", 3_000),
    ("motivation.experience", 3_000),
    ("motivation.project", 2_500),
    ("registration.billing_organisation", 200),
    ("registration.billing_address", 500),
    ("registration.tax_id", 50),
    ("registration.po_reference", 100),
    ("registration.invoice_email", 254),
    ("registration.colleagues.*.name", 200),
    ("registration.colleagues.*.email", 254),
];

/// The limit for a field that is not in [`MAX_LEN`] (none of the draft's texts: a test checks it).
pub const DEFAULT_MAX_LEN: usize = 200;

/// The most characters `field` takes (`about.first_name`, `registration.colleagues.3.email`).
///
/// # Example
/// ```
/// use metropolis_diploma::domain::application::max_len;
/// assert_eq!((max_len("about.first_name"), max_len("registration.colleagues.12.email")), (100, 254));
/// ```
#[must_use]
pub fn max_len(field: &str) -> usize {
    let generic: String = field
        .split('.')
        .map(|part| if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) { "*" } else { part })
        .collect::<Vec<_>>()
        .join(".");
    MAX_LEN.iter().find(|(f, _)| *f == generic).map_or(DEFAULT_MAX_LEN, |(_, n)| *n)
}

/// The word limit of a long answer (`motivation.why`), `None` for other fields.
#[must_use]
pub fn word_limit(field: &str) -> Option<usize> {
    match field {
        "motivation.why" => Some(WORDS_WHY),
        "motivation.experience" => Some(WORDS_EXPERIENCE),
        "motivation.project" => Some(WORDS_PROJECT),
        _ => None,
    }
}

/// A page of the wizard, in order; in JSON its URL segment (`"about-you"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// About you.
    AboutYou,
    /// Your organisation.
    Organisation,
    /// Your motivation.
    Motivation,
    /// Registration and fees.
    Registration,
    /// Declarations.
    Declarations,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 5] =
        [Step::AboutYou, Step::Organisation, Step::Motivation, Step::Registration, Step::Declarations];

    /// The URL segment: `/apply/<slug>`.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Step::AboutYou => "about-you",
            Step::Organisation => "organisation",
            Step::Motivation => "motivation",
            Step::Registration => "registration",
            Step::Declarations => "declarations",
        }
    }

    /// The step with this URL segment.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// 1-based position.
    #[must_use]
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).map_or(1, |i| i + 1)
    }

    /// The step after this one, `None` after the last.
    #[must_use]
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    /// The step a field belongs to (`about.email` → About you; an unknown section → About you).
    #[must_use]
    pub fn of_field(field: &str) -> Step {
        let prefix = field.split('.').next().unwrap_or_default();
        Step::ALL.into_iter().find(|s| prefix == s.section()).unwrap_or(Step::AboutYou)
    }

    /// The draft's section of this step's answers, the first part of their field paths.
    #[must_use]
    pub fn section(self) -> &'static str {
        match self {
            Step::AboutYou => "about",
            Step::Organisation => "organisation",
            Step::Motivation => "motivation",
            Step::Registration => "registration",
            Step::Declarations => "declarations",
        }
    }

    /// The step before this one.
    #[must_use]
    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).map(|i| Step::ALL[i])
    }
}

/// Career stage (`junior`, `mid_career`, `senior`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CareerStage {
    /// Junior.
    Junior,
    /// Mid-career.
    MidCareer,
    /// Senior.
    Senior,
}

/// Kind of authority (`local`, `metropolitan`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Authority {
    /// A local authority (city, municipality).
    Local,
    /// A metropolitan authority.
    Metropolitan,
}

/// Metropolis membership, as the applicant knows it (`yes`, `no`, `not_sure`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Membership {
    /// A member.
    Yes,
    /// Not a member.
    No,
    /// The applicant does not know; priced as a non-member until Metropolis confirms.
    NotSure,
}

/// Working level of English (`fluent`, `working`, `basic`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnglishLevel {
    /// Fluent or native.
    Fluent,
    /// Comfortable in a working setting.
    Working,
    /// Basic.
    Basic,
}

crate::serde_codes!(Step {
    AboutYou => "about-you",
    Organisation => "organisation",
    Motivation => "motivation",
    Registration => "registration",
    Declarations => "declarations",
});

crate::serde_codes!(CareerStage { Junior => "junior", MidCareer => "mid_career", Senior => "senior" });

crate::serde_codes!(Authority { Local => "local", Metropolitan => "metropolitan" });

crate::serde_codes!(Membership { Yes => "yes", No => "no", NotSure => "not_sure" });

crate::serde_codes!(EnglishLevel { Fluent => "fluent", Working => "working", Basic => "basic" });

/// Step 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct AboutYou {
    pub first_name: String,
    pub surname: String,
    pub email: String,
    pub phone: String,
    pub job_title: String,
    pub department: String,
    /// Years of experience in international affairs, as typed.
    pub years_experience: String,
    pub career_stage: Option<CareerStage>,
}

/// Step 2.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Organisation {
    pub name: String,
    pub city: String,
    pub authority: Option<Authority>,
    /// World Bank code.
    pub country: Option<String>,
    pub member: Option<Membership>,
    /// Asked only of members.
    pub dues_paid: Option<bool>,
    pub ia_department: Option<bool>,
}

/// Step 3.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Motivation {
    pub why: String,
    pub experience: String,
    pub project: String,
    pub english: Option<EnglishLevel>,
}

/// A colleague registering from the same organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Colleague {
    pub name: String,
    pub email: String,
}

/// Step 4.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Registration {
    pub billing_organisation: String,
    pub billing_address: String,
    pub tax_id: String,
    pub po_reference: String,
    pub invoice_email: String,
    /// `Some(false)` alone, `Some(true)` with colleagues.
    pub with_colleagues: Option<bool>,
    pub colleagues: Vec<Colleague>,
    /// Asks for a reduced-fee place (only offered when eligible).
    pub reduced_requested: bool,
}

/// Step 5.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Declarations {
    pub conditions: bool,
    pub data_consent: bool,
    pub truthful: bool,
}

/// Everything the applicant has typed so far. Every field keeps exactly what was typed, valid or not.
///
/// In JSON (drafts, submissions) strict at every level: a field the format does not have is
/// refused; a missing answer takes its empty default. The fields of each section are declared in
/// the order the format has always written them, so the text of a draft or a submission is the
/// same as before serde.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Draft {
    /// Idempotency key of the eventual submission, a UUID created with the draft.
    pub key: String,
    /// Step 1.
    pub about: AboutYou,
    /// Step 2.
    pub organisation: Organisation,
    /// Step 3.
    pub motivation: Motivation,
    /// Step 4.
    pub registration: Registration,
    /// Step 5.
    pub declarations: Declarations,
}

/// What is wrong with an answer; the words come from the text layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// Nothing entered.
    Required,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not a phone number with a country code.
    InvalidPhone,
    /// Not a whole number of years from 0 to 60.
    InvalidYears,
    /// More characters than the field takes (see [`max_len`]).
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// More words than allowed.
    TooManyWords {
        /// The limit.
        limit: usize,
    },
    /// With colleagues but none named.
    NoColleagues,
    /// More people than the edition allows.
    TooManyPeople {
        /// Largest group.
        max: u32,
    },
    /// A box that must be ticked.
    MustAccept,
    /// The country is not in the World Bank list.
    UnknownCountry,
}

impl ErrorCode {
    /// The stable code, as in the receiver's 422 body (`required`, `too_many_words`...).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidPhone => "invalid_phone",
            ErrorCode::InvalidYears => "invalid_years",
            ErrorCode::TooLong { .. } => "too_long",
            ErrorCode::TooManyWords { .. } => "too_many_words",
            ErrorCode::NoColleagues => "no_colleagues",
            ErrorCode::TooManyPeople { .. } => "too_many_people",
            ErrorCode::MustAccept => "must_accept",
            ErrorCode::UnknownCountry => "unknown_country",
        }
    }

    /// The error a receiver reported as `code` for `field` (a path under the answers, such as
    /// `motivation.why`), with the figures this build and `edition` give that field; `None` for a
    /// code this build does not know.
    #[must_use]
    pub fn from_code(code: &str, field: &str, edition: &Edition) -> Option<ErrorCode> {
        [
            ErrorCode::Required,
            ErrorCode::InvalidEmail,
            ErrorCode::InvalidPhone,
            ErrorCode::InvalidYears,
            ErrorCode::TooLong { max: max_len(field) },
            ErrorCode::TooManyWords { limit: word_limit(field).unwrap_or(WORDS_PROJECT) },
            ErrorCode::NoColleagues,
            ErrorCode::TooManyPeople { max: edition.fees.group_discount.max_size },
            ErrorCode::MustAccept,
            ErrorCode::UnknownCountry,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }
}

/// One problem, with the field it concerns (`about.email`, `registration.colleagues.1.email`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Dotted path of the field; also the HTML id with dots turned to dashes.
    pub field: String,
    /// What is wrong.
    pub code: ErrorCode,
}

impl FieldError {
    fn new(field: impl Into<String>, code: ErrorCode) -> FieldError {
        FieldError { field: field.into(), code }
    }

    /// The HTML id of the field's control: dots become dashes.
    #[must_use]
    pub fn element_id(&self) -> String {
        self.field.replace('.', "-")
    }
}

/// Counts words as a person would: runs of characters between whitespace.
#[must_use]
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A phone number with its country code: `+`, then 7 to 15 digits, spaces, dots, dashes or brackets allowed.
#[must_use]
pub fn is_phone(s: &str) -> bool {
    let s = s.trim();
    let Some(rest) = s.strip_prefix('+').or_else(|| s.strip_prefix("00")) else { return false };
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    rest.chars().all(|c| c.is_ascii_digit() || " .-()".contains(c)) && (7..=15).contains(&digits)
}

/// Required and within its length: `true` when the value may be checked further.
fn required(errors: &mut Vec<FieldError>, field: &str, value: &str) -> bool {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, ErrorCode::Required));
        false
    } else {
        within_length(errors, field, value)
    }
}

/// At most [`max_len`] characters: `true` when it is.
fn within_length(errors: &mut Vec<FieldError>, field: &str, value: &str) -> bool {
    let max = max_len(field);
    // `nth` stops counting at the limit, so a huge value costs no more than a short one.
    if value.chars().nth(max).is_some() {
        errors.push(FieldError::new(field, ErrorCode::TooLong { max }));
        false
    } else {
        true
    }
}

fn email(errors: &mut Vec<FieldError>, field: &str, value: &str) {
    if required(errors, field, value) && !is_email(value) {
        errors.push(FieldError::new(field, ErrorCode::InvalidEmail));
    }
}

fn chosen<T>(errors: &mut Vec<FieldError>, field: &str, value: &Option<T>) {
    if value.is_none() {
        errors.push(FieldError::new(field, ErrorCode::Required));
    }
}

fn long_answer(errors: &mut Vec<FieldError>, field: &str, value: &str, limit: usize) {
    if required(errors, field, value) && word_count(value) > limit {
        errors.push(FieldError::new(field, ErrorCode::TooManyWords { limit }));
    }
}

/// Whether the applicant may ask for a reduced-fee place with these answers (the question is shown
/// only then).
#[must_use]
pub fn reduced_place_offered(draft: &Draft, edition: &Edition, countries: &Countries) -> bool {
    let q = quote(
        edition,
        countries,
        &quote_input(
            &Draft {
                registration: Registration { reduced_requested: true, ..draft.registration.clone() },
                ..draft.clone()
            },
            NaiveDate::MIN,
        ),
    );
    q.reduced.is_some()
}

/// The problems of one step, in the order of its fields.
#[must_use]
pub fn validate_step(step: Step, draft: &Draft, edition: &Edition, countries: &Countries) -> Vec<FieldError> {
    let mut e = Vec::new();
    match step {
        Step::AboutYou => {
            let a = &draft.about;
            required(&mut e, "about.first_name", &a.first_name);
            required(&mut e, "about.surname", &a.surname);
            email(&mut e, "about.email", &a.email);
            if required(&mut e, "about.phone", &a.phone) && !is_phone(&a.phone) {
                e.push(FieldError::new("about.phone", ErrorCode::InvalidPhone));
            }
            required(&mut e, "about.job_title", &a.job_title);
            required(&mut e, "about.department", &a.department);
            if required(&mut e, "about.years_experience", &a.years_experience)
                && !a.years_experience.trim().parse::<u8>().is_ok_and(|y| y <= 60)
            {
                e.push(FieldError::new("about.years_experience", ErrorCode::InvalidYears));
            }
            chosen(&mut e, "about.career_stage", &a.career_stage);
        }
        Step::Organisation => {
            let o = &draft.organisation;
            required(&mut e, "organisation.name", &o.name);
            chosen(&mut e, "organisation.authority", &o.authority);
            required(&mut e, "organisation.city", &o.city);
            match &o.country {
                None => e.push(FieldError::new("organisation.country", ErrorCode::Required)),
                Some(c) if countries.get(c).is_none() => {
                    e.push(FieldError::new("organisation.country", ErrorCode::UnknownCountry));
                }
                Some(_) => {}
            }
            chosen(&mut e, "organisation.member", &o.member);
            if o.member == Some(Membership::Yes) {
                chosen(&mut e, "organisation.dues_paid", &o.dues_paid);
            }
            chosen(&mut e, "organisation.ia_department", &o.ia_department);
        }
        Step::Motivation => {
            let m = &draft.motivation;
            long_answer(&mut e, "motivation.why", &m.why, WORDS_WHY);
            long_answer(&mut e, "motivation.experience", &m.experience, WORDS_EXPERIENCE);
            long_answer(&mut e, "motivation.project", &m.project, WORDS_PROJECT);
            chosen(&mut e, "motivation.english", &m.english);
        }
        Step::Registration => {
            let r = &draft.registration;
            chosen(&mut e, "registration.with_colleagues", &r.with_colleagues);
            if r.with_colleagues == Some(true) {
                if r.colleagues.is_empty() {
                    e.push(FieldError::new("registration.colleagues", ErrorCode::NoColleagues));
                }
                let max = edition.fees.group_discount.max_size;
                if r.colleagues.len() + 1 > max as usize {
                    e.push(FieldError::new("registration.colleagues", ErrorCode::TooManyPeople { max }));
                }
                for (i, c) in r.colleagues.iter().enumerate() {
                    required(&mut e, &format!("registration.colleagues.{i}.name"), &c.name);
                    email(&mut e, &format!("registration.colleagues.{i}.email"), &c.email);
                }
            }
            required(&mut e, "registration.billing_organisation", &r.billing_organisation);
            required(&mut e, "registration.billing_address", &r.billing_address);
            within_length(&mut e, "registration.tax_id", &r.tax_id);
            within_length(&mut e, "registration.po_reference", &r.po_reference);
            email(&mut e, "registration.invoice_email", &r.invoice_email);
        }
        Step::Declarations => {
            let d = &draft.declarations;
            for (field, ticked, asked) in [
                ("declarations.conditions", d.conditions, conditions_asked(edition)),
                ("declarations.data_consent", d.data_consent, true),
                ("declarations.truthful", d.truthful, true),
            ] {
                if asked && !ticked {
                    e.push(FieldError::new(field, ErrorCode::MustAccept));
                }
            }
        }
    }
    e
}

/// Whether the declarations ask to accept the general conditions: only when the edition links to
/// them (`conditions_url`); nobody accepts conditions they cannot read.
#[must_use]
pub fn conditions_asked(edition: &Edition) -> bool {
    edition.conditions_url.is_some()
}

/// The first step with a problem, `None` when every step is complete: where the wizard sends a
/// person who jumps ahead, and whether "Check your answers" is open.
#[must_use]
pub fn first_incomplete(draft: &Draft, edition: &Edition, countries: &Countries) -> Option<Step> {
    Step::ALL.into_iter().find(|s| !validate_step(*s, draft, edition, countries).is_empty())
}

/// Where a request for `wanted` lands: itself when every earlier step is complete, else the first
/// incomplete earlier step.
#[must_use]
pub fn allowed_step(wanted: Step, draft: &Draft, edition: &Edition, countries: &Countries) -> Step {
    Step::ALL
        .into_iter()
        .take_while(|s| *s != wanted)
        .find(|s| !validate_step(*s, draft, edition, countries).is_empty())
        .unwrap_or(wanted)
}

/// The fee engine's input for these answers. "Not sure" about membership is priced as a non-member.
#[must_use]
pub fn quote_input(draft: &Draft, today: NaiveDate) -> QuoteInput {
    let o = &draft.organisation;
    let r = &draft.registration;
    let member = o.member == Some(Membership::Yes);
    let colleagues = if r.with_colleagues == Some(true) { r.colleagues.len() } else { 0 };
    QuoteInput {
        member,
        dues_paid: member && o.dues_paid == Some(true),
        country: o.country.clone(),
        people: u32::try_from(colleagues + 1).unwrap_or(u32::MAX),
        registration_date: today,
        reduced_requested: r.reduced_requested,
    }
}

/// A complete, validated application in its canonical form: what "Send application" sends, and
/// what a receiver stores (serialised with serde), never the raw body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The answers, every step valid, in canonical form (see [`finalize`]).
    pub answers: Draft,
    /// The quote for these answers on the registration day.
    pub quote: Quote,
    /// The country's income class in the edition's year, if classified.
    pub income_class: Option<IncomeClass>,
}

/// Validates every step and prices the application.
///
/// The answers come back canonical: texts trimmed, the key in lower case, colleagues cleared when
/// registering alone, the dues answer cleared for non-members, the reduced-place request cleared
/// when none is offered, and the conditions box cleared when the edition does not ask for it.
///
/// # Errors
/// Every problem of every step, in step order.
pub fn finalize(
    draft: &Draft,
    edition: &Edition,
    countries: &Countries,
    today: NaiveDate,
) -> Result<Application, Vec<FieldError>> {
    let errors: Vec<FieldError> =
        Step::ALL.into_iter().flat_map(|s| validate_step(s, draft, edition, countries)).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut answers = canonical_texts(draft);
    if answers.registration.with_colleagues != Some(true) {
        answers.registration.colleagues.clear();
    }
    if answers.organisation.member != Some(Membership::Yes) {
        answers.organisation.dues_paid = None;
    }
    if !reduced_place_offered(&answers, edition, countries) {
        answers.registration.reduced_requested = false;
    }
    if !conditions_asked(edition) {
        answers.declarations.conditions = false;
    }
    let quote = quote(edition, countries, &quote_input(&answers, today));
    let income_class = answers
        .organisation
        .country
        .as_deref()
        .and_then(|c| countries.class_of(c, &edition.fees.income_places.classification_year));
    Ok(Application { answers, quote, income_class })
}

/// The draft with every text trimmed and the key in lower case.
fn canonical_texts(draft: &Draft) -> Draft {
    let mut d = draft.clone();
    d.key = d.key.trim().to_ascii_lowercase();
    let a = &mut d.about;
    let o = &mut d.organisation;
    let m = &mut d.motivation;
    let r = &mut d.registration;
    let mut texts: Vec<&mut String> = vec![
        &mut a.first_name,
        &mut a.surname,
        &mut a.email,
        &mut a.phone,
        &mut a.job_title,
        &mut a.department,
        &mut a.years_experience,
        &mut o.name,
        &mut o.city,
        &mut m.why,
        &mut m.experience,
        &mut m.project,
        &mut r.billing_organisation,
        &mut r.billing_address,
        &mut r.tax_id,
        &mut r.po_reference,
        &mut r.invoice_email,
    ];
    for c in &mut r.colleagues {
        texts.push(&mut c.name);
        texts.push(&mut c.email);
    }
    for t in texts {
        let trimmed = t.trim();
        if trimmed.len() != t.len() {
            *t = trimmed.to_owned();
        }
    }
    d
}
