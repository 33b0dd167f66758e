//! The application: the draft a person types, the wizard's steps, and validation as codes.

use super::countries::{Countries, IncomeClass};
use super::edition::{is_email, Edition};
use super::fees::{quote, Quote, QuoteInput};
use super::json::{join, object, Expected, Fields, FromJson, Json, JsonError, ToJson};
use chrono::NaiveDate;

/// Word limits of the long answers.
pub const WORDS_WHY: usize = 250;
/// Word limit of the city experience answer.
pub const WORDS_EXPERIENCE: usize = 250;
/// Word limit of the final-project idea.
pub const WORDS_PROJECT: usize = 200;

/// A page of the wizard, in order.
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

/// Career stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CareerStage {
    /// Junior.
    Junior,
    /// Mid-career.
    MidCareer,
    /// Senior.
    Senior,
}

/// Kind of authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Authority {
    /// A local authority (city, municipality).
    Local,
    /// A metropolitan authority.
    Metropolitan,
}

/// Metropolis membership, as the applicant knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Membership {
    /// A member.
    Yes,
    /// Not a member.
    No,
    /// The applicant does not know; priced as a non-member until Metropolis confirms.
    NotSure,
}

/// Working level of English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnglishLevel {
    /// Fluent or native.
    Fluent,
    /// Comfortable in a working setting.
    Working,
    /// Basic.
    Basic,
}

/// Step 1.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Organisation {
    pub name: String,
    pub authority: Option<Authority>,
    pub city: String,
    /// World Bank code.
    pub country: Option<String>,
    pub member: Option<Membership>,
    /// Asked only of members.
    pub dues_paid: Option<bool>,
    pub ia_department: Option<bool>,
}

/// Step 3.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Motivation {
    pub why: String,
    pub experience: String,
    pub project: String,
    pub english: Option<EnglishLevel>,
}

/// A colleague registering from the same organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Colleague {
    pub name: String,
    pub email: String,
}

/// Step 4.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Registration {
    /// `Some(false)` alone, `Some(true)` with colleagues.
    pub with_colleagues: Option<bool>,
    pub colleagues: Vec<Colleague>,
    /// Asks for a reduced-fee place (only offered when eligible).
    pub reduced_requested: bool,
    pub billing_organisation: String,
    pub billing_address: String,
    pub tax_id: String,
    pub po_reference: String,
    pub invoice_email: String,
}

/// Step 5.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Declarations {
    pub conditions: bool,
    pub data_consent: bool,
    pub truthful: bool,
}

/// Everything the applicant has typed so far. Every field keeps exactly what was typed, valid or not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
            ErrorCode::TooManyWords { .. } => "too_many_words",
            ErrorCode::NoColleagues => "no_colleagues",
            ErrorCode::TooManyPeople { .. } => "too_many_people",
            ErrorCode::MustAccept => "must_accept",
            ErrorCode::UnknownCountry => "unknown_country",
        }
    }

    /// The error with this code; `limit` and `max` fill the codes that carry a number.
    #[must_use]
    pub fn from_code(code: &str, limit: usize, max: u32) -> Option<ErrorCode> {
        [
            ErrorCode::Required,
            ErrorCode::InvalidEmail,
            ErrorCode::InvalidPhone,
            ErrorCode::InvalidYears,
            ErrorCode::TooManyWords { limit },
            ErrorCode::NoColleagues,
            ErrorCode::TooManyPeople { max },
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

fn required(errors: &mut Vec<FieldError>, field: &str, value: &str) -> bool {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, ErrorCode::Required));
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
            email(&mut e, "registration.invoice_email", &r.invoice_email);
        }
        Step::Declarations => {
            let d = &draft.declarations;
            for (field, ticked) in [
                ("declarations.conditions", d.conditions),
                ("declarations.data_consent", d.data_consent),
                ("declarations.truthful", d.truthful),
            ] {
                if !ticked {
                    e.push(FieldError::new(field, ErrorCode::MustAccept));
                }
            }
        }
    }
    e
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

/// A complete, validated application: what "Send application" sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    /// The answers, every step valid.
    pub answers: Draft,
    /// The quote the applicant saw.
    pub quote: Quote,
    /// The country's income class in the edition's year, if classified.
    pub income_class: Option<IncomeClass>,
}

/// Validates every step and prices the application.
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
    let mut answers = draft.clone();
    if answers.registration.with_colleagues != Some(true) {
        answers.registration.colleagues.clear();
    }
    if answers.organisation.member != Some(Membership::Yes) {
        answers.organisation.dues_paid = None;
    }
    if !reduced_place_offered(&answers, edition, countries) {
        answers.registration.reduced_requested = false;
    }
    let quote = quote(edition, countries, &quote_input(&answers, today));
    let income_class = answers
        .organisation
        .country
        .as_deref()
        .and_then(|c| countries.class_of(c, &edition.fees.income_places.classification_year));
    Ok(Application { answers, quote, income_class })
}

// JSON: drafts are read leniently (a missing answer is empty, an unknown member is ignored, so
// older and newer builds can read each other's answers); the types of present answers are checked.

crate::json_codes!(Step {
    Step::AboutYou => "about-you",
    Step::Organisation => "organisation",
    Step::Motivation => "motivation",
    Step::Registration => "registration",
    Step::Declarations => "declarations",
});

crate::json_codes!(CareerStage {
    CareerStage::Junior => "junior",
    CareerStage::MidCareer => "mid_career",
    CareerStage::Senior => "senior",
});

crate::json_codes!(Authority { Authority::Local => "local", Authority::Metropolitan => "metropolitan" });

crate::json_codes!(Membership { Membership::Yes => "yes", Membership::No => "no", Membership::NotSure => "not_sure" });

crate::json_codes!(EnglishLevel {
    EnglishLevel::Fluent => "fluent",
    EnglishLevel::Working => "working",
    EnglishLevel::Basic => "basic",
});

/// The answers that are plain texts: (section, field, where it lives). Reading and writing go
/// through this one table rather than code per field, which measured 10 KB of WebAssembly.
type TextField = (&'static str, &'static str, fn(&mut Draft) -> &mut String);

const TEXT_FIELDS: [TextField; 18] = [
    ("about", "first_name", |d| &mut d.about.first_name),
    ("about", "surname", |d| &mut d.about.surname),
    ("about", "email", |d| &mut d.about.email),
    ("about", "phone", |d| &mut d.about.phone),
    ("about", "job_title", |d| &mut d.about.job_title),
    ("about", "department", |d| &mut d.about.department),
    ("about", "years_experience", |d| &mut d.about.years_experience),
    ("organisation", "name", |d| &mut d.organisation.name),
    ("organisation", "city", |d| &mut d.organisation.city),
    ("motivation", "why", |d| &mut d.motivation.why),
    ("motivation", "experience", |d| &mut d.motivation.experience),
    ("motivation", "project", |d| &mut d.motivation.project),
    ("registration", "billing_organisation", |d| &mut d.registration.billing_organisation),
    ("registration", "billing_address", |d| &mut d.registration.billing_address),
    ("registration", "tax_id", |d| &mut d.registration.tax_id),
    ("registration", "po_reference", |d| &mut d.registration.po_reference),
    ("registration", "invoice_email", |d| &mut d.registration.invoice_email),
    ("", "key", |d| &mut d.key),
];

impl FromJson for Colleague {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::of(value, path)?;
        Ok(Colleague { name: f.or_default("name")?, email: f.or_default("email")? })
    }
}

impl ToJson for Colleague {
    fn to_json(&self) -> Json {
        object(vec![("name", self.name.to_json()), ("email", self.email.to_json())])
    }
}

/// Drafts are read leniently: a missing answer is empty and an unknown member ignored, so older
/// and newer builds can read each other's answers; the type of each answer present is checked.
impl FromJson for Draft {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        let mut d = Draft::default();
        if !matches!(value, Json::Object(_)) {
            return Err(JsonError::expected(path, Expected::Object, value));
        }
        let section = |name: &str| -> Result<Option<&Json>, JsonError> {
            match value.get(name) {
                None | Some(Json::Null) => Ok(None),
                Some(v @ Json::Object(_)) => Ok(Some(v)),
                Some(other) => Err(JsonError::expected(&join(path, name), Expected::Object, other)),
            }
        };
        for (sec, name, place) in &TEXT_FIELDS {
            let holder = if sec.is_empty() { Some(value) } else { section(sec)? };
            let Some(v) = holder.and_then(|h| h.get(name)) else { continue };
            let at = if sec.is_empty() { join(path, name) } else { join(&join(path, sec), name) };
            match v {
                Json::Null => {}
                Json::String(text) => text.clone_into(place(&mut d)),
                other => return Err(JsonError::expected(&at, Expected::Text, other)),
            }
        }
        let sub = |name: &str| join(path, name);
        if let Some(a) = section("about")? {
            d.about.career_stage = Fields::of(a, &sub("about"))?.opt("career_stage")?;
        }
        if let Some(o) = section("organisation")? {
            let p = sub("organisation");
            let mut f = Fields::of(o, &p)?;
            d.organisation.authority = f.opt("authority")?;
            d.organisation.country = f.opt("country")?;
            d.organisation.member = f.opt("member")?;
            d.organisation.dues_paid = f.opt("dues_paid")?;
            d.organisation.ia_department = f.opt("ia_department")?;
        }
        if let Some(m) = section("motivation")? {
            d.motivation.english = Fields::of(m, &sub("motivation"))?.opt("english")?;
        }
        if let Some(r) = section("registration")? {
            let p = sub("registration");
            let mut f = Fields::of(r, &p)?;
            d.registration.with_colleagues = f.opt("with_colleagues")?;
            d.registration.colleagues = f.or_default("colleagues")?;
            d.registration.reduced_requested = f.or_default("reduced_requested")?;
        }
        if let Some(x) = section("declarations")? {
            let p = sub("declarations");
            let mut f = Fields::of(x, &p)?;
            d.declarations.conditions = f.or_default("conditions")?;
            d.declarations.data_consent = f.or_default("data_consent")?;
            d.declarations.truthful = f.or_default("truthful")?;
        }
        Ok(d)
    }
}

impl ToJson for Draft {
    fn to_json(&self) -> Json {
        let mut copy = self.clone();
        let mut sections: Vec<(&str, Vec<(String, Json)>)> =
            ["about", "organisation", "motivation", "registration", "declarations"]
                .into_iter()
                .map(|s| (s, Vec::new()))
                .collect();
        for (sec, name, place) in TEXT_FIELDS.iter().filter(|(sec, _, _)| !sec.is_empty()) {
            let text = std::mem::take(place(&mut copy));
            if let Some((_, members)) = sections.iter_mut().find(|(s, _)| s == sec) {
                members.push(((*name).to_owned(), Json::String(text)));
            }
        }
        let mut put = |sec: &str, name: &str, v: Json| {
            if let Some((_, members)) = sections.iter_mut().find(|(s, _)| *s == sec) {
                members.push((name.to_owned(), v));
            }
        };
        put("about", "career_stage", self.about.career_stage.to_json());
        let o = &self.organisation;
        put("organisation", "authority", o.authority.to_json());
        put("organisation", "country", o.country.to_json());
        put("organisation", "member", o.member.to_json());
        put("organisation", "dues_paid", o.dues_paid.to_json());
        put("organisation", "ia_department", o.ia_department.to_json());
        put("motivation", "english", self.motivation.english.to_json());
        let r = &self.registration;
        put("registration", "with_colleagues", r.with_colleagues.to_json());
        put("registration", "colleagues", r.colleagues.to_json());
        put("registration", "reduced_requested", r.reduced_requested.to_json());
        let x = &self.declarations;
        put("declarations", "conditions", x.conditions.to_json());
        put("declarations", "data_consent", x.data_consent.to_json());
        put("declarations", "truthful", x.truthful.to_json());
        let mut members = vec![("key".to_owned(), self.key.to_json())];
        members.extend(sections.into_iter().map(|(s, m)| (s.to_owned(), Json::Object(m))));
        Json::Object(members)
    }
}
