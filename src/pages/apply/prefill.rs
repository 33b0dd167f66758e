//! "Apply with these answers": the estimator links to `/apply?member=yes|no&dues=yes|no&country=ISO3
//! &people=N&reduced=yes|no` (its own parameters, the same values), and the form carries
//! membership, dues, country, group size and the reduced-place request into the draft.

use super::words::{to_i64, Words};
use crate::domain::application::{Colleague, Draft, Membership};
use crate::domain::estimate::EstimateParams;

/// The estimator's parameters the form takes.
pub const PARAMS: [&str; 5] = ["member", "dues", "country", "people", "reduced"];

/// One answer the estimate would change: the question, the answer typed, the estimate's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The question.
    pub question: String,
    /// The answer in the draft.
    pub yours: String,
    /// The estimate's answer.
    pub estimate: String,
}

/// What the estimate's answers do to the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefill {
    /// The draft with the estimate's answers.
    pub draft: Draft,
    /// Answers already typed that they would change (empty: nothing to ask).
    pub differences: Vec<Difference>,
}

/// The draft with the answers of the query's estimator parameters (`pairs`), and the answers
/// already typed that this would change; `None` when the query carries none of them (or only
/// invalid values). Invalid values are ignored, as the estimator ignores them.
#[must_use]
pub fn prefill(w: Words, draft: &Draft, pairs: &[(&str, &str)]) -> Option<Prefill> {
    let countries = &w.data.countries;
    let parsed = EstimateParams::from_pairs(pairs.iter().copied(), countries);
    let given = |name: &str| pairs.iter().any(|(n, _)| *n == name) && !parsed.ignored.iter().any(|i| i.name == name);
    let p = parsed.params;
    let mut d = draft.clone();
    let o = &mut d.organisation;
    if given("member") {
        o.member = Some(if p.member { Membership::Yes } else { Membership::No });
    }
    if given("dues") {
        o.dues_paid = p.dues;
    }
    if given("country") {
        o.country.clone_from(&p.country);
    }
    let r = &mut d.registration;
    if given("people") {
        let people = p.people.clamp(1, w.data.edition.fees.group_discount.max_size.max(1));
        let colleagues = usize::try_from(people - 1).unwrap_or(0);
        r.with_colleagues = Some(colleagues > 0);
        // The colleagues typed stay, in order; rows to fill are added, extra rows dropped.
        r.colleagues.resize(colleagues, Colleague::default());
    }
    if given("reduced") {
        r.reduced_requested = p.reduced;
    }
    if d == *draft && !PARAMS.iter().any(|n| given(n)) {
        return None;
    }
    let differences = differences(w, draft, &d);
    Some(Prefill { draft: d, differences })
}

/// The answers typed in `before` that `after` changes.
fn differences(w: Words, before: &Draft, after: &Draft) -> Vec<Difference> {
    let t = w.t;
    let mut out = Vec::new();
    let mut add = |question: String, yours: String, estimate: String| {
        out.push(Difference { question, yours, estimate });
    };
    let member = |m: Option<Membership>| match m {
        Some(Membership::Yes) => t.yes,
        Some(Membership::No) => t.no,
        Some(Membership::NotSure) => t.not_sure,
        None => t.not_answered,
    };
    let yes_no = |b: Option<bool>| match b {
        Some(true) => t.yes,
        Some(false) => t.no,
        None => t.not_answered,
    };
    let (a, b) = (&before.organisation, &after.organisation);
    if a.member.is_some() && a.member != b.member {
        add(t.member.to_owned(), member(a.member).to_owned(), member(b.member).to_owned());
    }
    if a.dues_paid.is_some() && a.dues_paid != b.dues_paid {
        add(w.dues_question(), yes_no(a.dues_paid).to_owned(), yes_no(b.dues_paid).to_owned());
    }
    if a.country.is_some() && a.country != b.country {
        let name = |c: &Option<String>| {
            c.as_deref().and_then(|c| w.country_name(c)).unwrap_or_else(|| t.not_answered.to_owned())
        };
        add(t.country.to_owned(), name(&a.country), name(&b.country));
    }
    let (a, b) = (&before.registration, &after.registration);
    let people = |r: &crate::domain::application::Registration| {
        1 + if r.with_colleagues == Some(true) { r.colleagues.len() } else { 0 }
    };
    // A colleague row with something typed that would go, or another group size answered.
    let typed_lost =
        a.colleagues.iter().skip(b.colleagues.len()).any(|c| !c.name.trim().is_empty() || !c.email.trim().is_empty());
    if a.with_colleagues.is_some() && (people(a) != people(b) || typed_lost) {
        let n = |r| w.fmt.number(to_i64(people(r)));
        add(t.prefill_people.to_owned(), n(a), n(b));
    }
    if a.reduced_requested && !b.reduced_requested {
        add(t.reduced.to_owned(), t.yes.to_owned(), t.no.to_owned());
    }
    out
}
