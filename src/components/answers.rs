//! The applicant's answers as label–value rows: the check page (`apply.html`) and the printable
//! record on the confirmation page (`send.html`) show the same rows.

use crate::domain::application::{reduced_place_offered, Draft, Membership, Step};
use crate::i18n::apply::ApplyTexts;
use crate::i18n::fill;
use crate::shell::data::AppData;
use crate::shell::intl;

/// The index of a yes/no answer in `ApplyTexts::yes_no`.
#[must_use]
pub fn yes_index(v: Option<bool>) -> Option<usize> {
    v.map(|v| usize::from(!v))
}

/// The answer as typed, or "not answered".
#[must_use]
pub fn answer(t: &'static ApplyTexts, s: &str) -> String {
    if s.trim().is_empty() {
        t.not_answered().to_owned()
    } else {
        s.to_owned()
    }
}

/// The label of the chosen option (by its index in the same list the radios show), or "not answered".
#[must_use]
pub fn choice(t: &'static ApplyTexts, index: Option<usize>, labels: &[&'static str]) -> String {
    index.and_then(|i| labels.get(i)).map_or_else(|| t.not_answered().to_owned(), |l| (*l).to_owned())
}

/// The rows of one section of the check page: (label, answer, field).
#[must_use]
pub fn rows(t: &'static ApplyTexts, d: &Draft, a: &AppData, step: Step) -> Vec<(String, String, String)> {
    let yn = |v: Option<bool>| choice(t, yes_index(v), &t.yes_no());
    let ticked = |b: bool| if b { t.yes().to_owned() } else { t.no().to_owned() };
    let r = |label: &str, value: String, field: &str| (label.to_owned(), value, field.to_owned());
    match step {
        Step::AboutYou => {
            let x = &d.about;
            vec![
                r(t.first_name(), answer(t, &x.first_name), "about.first_name"),
                r(t.surname(), answer(t, &x.surname), "about.surname"),
                r(t.email(), answer(t, &x.email), "about.email"),
                r(t.phone(), answer(t, &x.phone), "about.phone"),
                r(t.job_title(), answer(t, &x.job_title), "about.job_title"),
                r(t.department(), answer(t, &x.department), "about.department"),
                r(t.years(), answer(t, &x.years_experience), "about.years_experience"),
                r(t.career(), choice(t, x.career_stage.map(|v| v as usize), &t.career_options()), "about.career_stage"),
            ]
        }
        Step::Organisation => {
            let o = &d.organisation;
            let country = o
                .country
                .as_deref()
                .and_then(|c| a.countries.get(c))
                .map_or_else(|| t.not_answered().to_owned(), |c| intl::country_name(a.locale.intl_tag(), c));
            let mut v = vec![
                r(t.org_name(), answer(t, &o.name), "organisation.name"),
                r(
                    t.authority(),
                    choice(t, o.authority.map(|v| v as usize), &t.authority_options()),
                    "organisation.authority",
                ),
                r(t.city(), answer(t, &o.city), "organisation.city"),
                r(t.country(), country, "organisation.country"),
                r(t.member(), choice(t, o.member.map(|v| v as usize), &t.member_options()), "organisation.member"),
            ];
            if o.member == Some(Membership::Yes) {
                v.push(r(t.dues(), yn(o.dues_paid), "organisation.dues_paid"));
            }
            v.push(r(t.ia_department(), yn(o.ia_department), "organisation.ia_department"));
            v
        }
        Step::Motivation => {
            let m = &d.motivation;
            vec![
                r(t.why(), answer(t, &m.why), "motivation.why"),
                r(t.experience(), answer(t, &m.experience), "motivation.experience"),
                r(t.project(), answer(t, &m.project), "motivation.project"),
                r(t.english(), choice(t, m.english.map(|v| v as usize), &t.english_options()), "motivation.english"),
            ]
        }
        Step::Registration => {
            let g = &d.registration;
            let mut v = vec![r(
                t.with_colleagues(),
                choice(t, g.with_colleagues.map(usize::from), &t.alone_together()),
                "registration.with_colleagues",
            )];
            if g.with_colleagues == Some(true) {
                for (i, x) in g.colleagues.iter().enumerate() {
                    let label = fill(t.colleague(), &[("n", &(i + 1).to_string())]);
                    v.push(r(
                        &label,
                        format!("{} <{}>", x.name, x.email),
                        &format!("registration.colleagues.{i}.name"),
                    ));
                }
            }
            if reduced_place_offered(d, &a.edition, &a.countries) {
                v.push(r(t.reduced(), ticked(g.reduced_requested), "registration.reduced_requested"));
            }
            let opt = |s: &str| if s.trim().is_empty() { String::new() } else { s.to_owned() };
            v.extend([
                r(t.billing_organisation(), answer(t, &g.billing_organisation), "registration.billing_organisation"),
                r(t.billing_address(), answer(t, &g.billing_address), "registration.billing_address"),
                r(&format!("{}{}", t.tax_id(), t.optional()), opt(&g.tax_id), "registration.tax_id"),
                r(&format!("{}{}", t.po_reference(), t.optional()), opt(&g.po_reference), "registration.po_reference"),
                r(t.invoice_email(), answer(t, &g.invoice_email), "registration.invoice_email"),
            ]);
            v
        }
        Step::Declarations => {
            let x = &d.declarations;
            vec![
                r(t.conditions(), ticked(x.conditions), "declarations.conditions"),
                r(t.data_consent(), ticked(x.data_consent), "declarations.data_consent"),
                r(t.truthful(), ticked(x.truthful), "declarations.truthful"),
            ]
        }
    }
}
