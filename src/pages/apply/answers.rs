//! The applicant's answers as label–answer rows: the check page (with "Change" links) and the
//! printed record of a sent application show the same rows, in the applicant's language.

use super::words::{to_i64, Words};
use crate::domain::application::{
    conditions_asked, reduced_place_offered, Authority, CareerStage, Draft, EnglishLevel, Membership, Step,
};
use crate::i18n::Text;

/// One answer: its label, the answer in words, and the dotted path of the field it belongs to
/// (what a "Change" link opens, and what a problem is matched with).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The question.
    pub label: String,
    /// The answer, or "Not answered".
    pub value: String,
    /// The field (`about.email`; `registration.colleagues.0` for a colleague's row).
    pub field: String,
}

/// The options of each question with radio buttons, in the order the form shows them: the
/// answer's index in these lists is what the radios read and write.
pub const CAREER: [CareerStage; 3] = [CareerStage::Junior, CareerStage::MidCareer, CareerStage::Senior];
/// The kinds of authority.
pub const AUTHORITY: [Authority; 2] = [Authority::Local, Authority::Metropolitan];
/// The membership answers.
pub const MEMBER: [Membership; 3] = [Membership::Yes, Membership::No, Membership::NotSure];
/// The levels of English.
pub const ENGLISH: [EnglishLevel; 3] = [EnglishLevel::Fluent, EnglishLevel::Working, EnglishLevel::Basic];

/// The index of `v` in `list`.
#[must_use]
pub fn index_of<T: PartialEq + Copy>(list: &[T], v: Option<T>) -> Option<usize> {
    v.and_then(|v| list.iter().position(|x| *x == v))
}

/// The labels of the options, in the same order as the lists above.
impl Words {
    /// Career stages.
    #[must_use]
    pub fn career_options(self) -> Vec<&'static str> {
        vec![self.t.junior, self.t.mid_career, self.t.senior]
    }

    /// Kinds of authority.
    #[must_use]
    pub fn authority_options(self) -> Vec<&'static str> {
        vec![self.t.local, self.t.metropolitan]
    }

    /// Membership answers.
    #[must_use]
    pub fn member_options(self) -> Vec<&'static str> {
        vec![self.t.yes, self.t.no, self.t.not_sure]
    }

    /// Levels of English.
    #[must_use]
    pub fn english_options(self) -> Vec<&'static str> {
        vec![self.t.fluent, self.t.working, self.t.basic]
    }

    /// Yes, then no.
    #[must_use]
    pub fn yes_no(self) -> Vec<&'static str> {
        vec![self.t.yes, self.t.no]
    }

    /// Alone, then with colleagues.
    #[must_use]
    pub fn alone_together(self) -> Vec<&'static str> {
        vec![self.t.alone, self.t.together]
    }

    /// A step's name.
    #[must_use]
    pub fn step_name(self, step: Step) -> &'static str {
        self.t.step_names.get(step.number() - 1).copied().unwrap_or_default()
    }

    /// The membership dues question, with the edition's year.
    #[must_use]
    pub fn dues_question(self) -> String {
        Text(self.t.dues).fill(&[("year", &self.dues_year())])
    }

    /// A country's name in the reader's language, from its code.
    #[must_use]
    pub fn country_name(self, code: &str) -> Option<String> {
        self.data.countries.get(code).map(|c| self.fmt.country(c))
    }

    /// The rows of one step.
    #[must_use]
    pub fn rows(self, d: &Draft, step: Step) -> Vec<Row> {
        let t = self.t;
        let text = |s: &str| if s.trim().is_empty() { t.not_answered.to_owned() } else { s.to_owned() };
        let choice = |i: Option<usize>, labels: Vec<&'static str>| {
            i.and_then(|i| labels.get(i).copied()).unwrap_or(t.not_answered).to_owned()
        };
        let yn = |v: Option<bool>| choice(v.map(|v| usize::from(!v)), self.yes_no());
        let ticked = |b: bool| if b { t.yes } else { t.no }.to_owned();
        let row =
            |label: &str, value: String, field: &str| Row { label: label.to_owned(), value, field: field.to_owned() };
        match step {
            Step::AboutYou => {
                let a = &d.about;
                vec![
                    row(t.first_name, text(&a.first_name), "about.first_name"),
                    row(t.surname, text(&a.surname), "about.surname"),
                    row(t.email, text(&a.email), "about.email"),
                    row(t.phone, text(&a.phone), "about.phone"),
                    row(t.job_title, text(&a.job_title), "about.job_title"),
                    row(t.department, text(&a.department), "about.department"),
                    row(t.years, text(&a.years_experience), "about.years_experience"),
                    row(
                        t.career,
                        choice(index_of(&CAREER, a.career_stage), self.career_options()),
                        "about.career_stage",
                    ),
                ]
            }
            Step::Organisation => {
                let o = &d.organisation;
                let country = o
                    .country
                    .as_deref()
                    .and_then(|c| self.country_name(c))
                    .unwrap_or_else(|| t.not_answered.to_owned());
                let mut v = vec![
                    row(t.org_name, text(&o.name), "organisation.name"),
                    row(
                        t.authority,
                        choice(index_of(&AUTHORITY, o.authority), self.authority_options()),
                        "organisation.authority",
                    ),
                    row(t.city, text(&o.city), "organisation.city"),
                    row(t.country, country, "organisation.country"),
                    row(t.member, choice(index_of(&MEMBER, o.member), self.member_options()), "organisation.member"),
                ];
                if o.member == Some(Membership::Yes) {
                    v.push(row(&self.dues_question(), yn(o.dues_paid), "organisation.dues_paid"));
                }
                v.push(row(t.ia_department, yn(o.ia_department), "organisation.ia_department"));
                v
            }
            Step::Motivation => {
                let m = &d.motivation;
                vec![
                    row(t.why, text(&m.why), "motivation.why"),
                    row(t.experience, text(&m.experience), "motivation.experience"),
                    row(t.project, text(&m.project), "motivation.project"),
                    row(t.english, choice(index_of(&ENGLISH, m.english), self.english_options()), "motivation.english"),
                ]
            }
            Step::Registration => {
                let r = &d.registration;
                let mut v = vec![row(
                    t.with_colleagues,
                    choice(r.with_colleagues.map(usize::from), self.alone_together()),
                    "registration.with_colleagues",
                )];
                if r.with_colleagues == Some(true) {
                    for (i, c) in r.colleagues.iter().enumerate() {
                        let label = Text(t.colleague).fill(&[("n", &self.fmt.number(to_i64(i + 1)))]);
                        let value = format!("{}\n{}", text(&c.name), text(&c.email));
                        v.push(Row { label, value, field: format!("registration.colleagues.{i}") });
                    }
                }
                if reduced_place_offered(d, &self.data.edition, &self.data.countries) {
                    v.push(row(t.reduced, ticked(r.reduced_requested), "registration.reduced_requested"));
                }
                let optional = |s: &str| s.trim().to_owned();
                v.extend([
                    row(t.billing_organisation, text(&r.billing_organisation), "registration.billing_organisation"),
                    row(t.billing_address, text(&r.billing_address), "registration.billing_address"),
                    row(&format!("{}{}", t.tax_id, t.optional), optional(&r.tax_id), "registration.tax_id"),
                    row(
                        &format!("{}{}", t.po_reference, t.optional),
                        optional(&r.po_reference),
                        "registration.po_reference",
                    ),
                    row(t.invoice_email, text(&r.invoice_email), "registration.invoice_email"),
                ]);
                v
            }
            Step::Declarations => {
                let x = &d.declarations;
                let mut v = Vec::new();
                if conditions_asked(&self.data.edition) {
                    v.push(row(t.conditions, ticked(x.conditions), "declarations.conditions"));
                }
                v.push(row(t.data_consent, ticked(x.data_consent), "declarations.data_consent"));
                v.push(row(t.truthful, ticked(x.truthful), "declarations.truthful"));
                v
            }
        }
    }
}
