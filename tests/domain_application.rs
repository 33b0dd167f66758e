//! The application wizard's rules: steps, validation codes, step flow, quote input and `finalize`,
//! against issue 3 ("Steps and fields", "Validation") and the default edition.

mod common;

use chrono::NaiveDate;
use common::{countries, date, edition, valid_draft};
use metropolis_diploma::domain::application::{
    allowed_step, conditions_asked, finalize, first_incomplete, max_len, quote_input, reduced_place_offered,
    validate_step, word_count, word_limit, Authority, CareerStage, Colleague, Draft, EnglishLevel, ErrorCode,
    FieldError, Membership, Step, DEFAULT_MAX_LEN, MAX_LEN, WORDS_EXPERIENCE, WORDS_PROJECT, WORDS_WHY,
};
use metropolis_diploma::domain::countries::{Countries, IncomeClass};
use metropolis_diploma::domain::document::to_text;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::domain::estimate::EstimateParams;
use metropolis_diploma::domain::fees::{quote, QuoteInput};
use proptest::prelude::*;
use std::sync::OnceLock;

fn shared_edition() -> &'static Edition {
    static E: OnceLock<Edition> = OnceLock::new();
    E.get_or_init(edition)
}

fn shared_countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(countries)
}

/// The registration day used for quotes.
fn today() -> NaiveDate {
    date(2025, 9, 1)
}

/// The problems of `step` as `(field, code)` pairs, with the default edition and country file.
fn problems(step: Step, draft: &Draft) -> Vec<(String, ErrorCode)> {
    validate_step(step, draft, shared_edition(), shared_countries()).into_iter().map(|e| (e.field, e.code)).collect()
}

/// Validates `step` of [`valid_draft`] changed by `change`, described by `what`.
fn check(what: &str, step: Step, change: impl FnOnce(&mut Draft), expected: &[(&str, ErrorCode)]) {
    let mut draft = valid_draft();
    change(&mut draft);
    let expected: Vec<(String, ErrorCode)> = expected.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect();
    assert_eq!(problems(step, &draft), expected, "validate_step({step:?}) of the valid draft with {what}");
}

/// Expected `(field, code)` problems.
type Expected = &'static [(&'static str, ErrorCode)];

/// `n` distinct words separated by runs of mixed whitespace.
fn words(n: usize) -> String {
    (0..n).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" \n\t ")
}

fn colleague(name: &str, email: &str) -> Colleague {
    Colleague { name: name.into(), email: email.into() }
}

fn colleagues(n: usize) -> Vec<Colleague> {
    (0..n).map(|i| colleague(&format!("Colleague {i}"), &format!("c{i}@example.org"))).collect()
}

// ---------------------------------------------------------------------------------------------
// Steps

#[test]
fn step_order_slugs_and_numbers() {
    use Step::{AboutYou, Declarations, Motivation, Organisation, Registration};
    assert_eq!(Step::ALL, [AboutYou, Organisation, Motivation, Registration, Declarations], "Step::ALL");
    // (step, slug, number, previous, next)
    type Row = (Step, &'static str, usize, Option<Step>, Option<Step>);
    #[rustfmt::skip]
    let rows: &[Row] = &[
        (AboutYou, "about-you", 1, None, Some(Organisation)),
        (Organisation, "organisation", 2, Some(AboutYou), Some(Motivation)),
        (Motivation, "motivation", 3, Some(Organisation), Some(Registration)),
        (Registration, "registration", 4, Some(Motivation), Some(Declarations)),
        (Declarations, "declarations", 5, Some(Registration), None),
    ];
    for &(step, slug, number, previous, next) in rows {
        assert_eq!(step.slug(), slug, "{step:?}.slug()");
        assert_eq!(Step::from_slug(slug), Some(step), "Step::from_slug({slug:?})");
        assert_eq!(step.number(), number, "{step:?}.number()");
        assert_eq!(step.previous(), previous, "{step:?}.previous()");
        assert_eq!(step.next(), next, "{step:?}.next()");
        // The JSON code is the slug too (the shell may store or route by it).
        assert_eq!(to_text(&step), format!("\"{slug}\""), "{step:?} as JSON");
    }
    for slug in ["", "check", "done", "About-You", "about_you", "about-you/", "6"] {
        assert_eq!(Step::from_slug(slug), None, "Step::from_slug({slug:?})");
    }
}

// ---------------------------------------------------------------------------------------------
// validate_step

#[test]
fn empty_draft_requires_every_field_in_order() {
    use ErrorCode::{MustAccept, Required};
    let empty = Draft::default();
    #[rustfmt::skip]
    let rows: &[(Step, &[(&str, ErrorCode)])] = &[
        (Step::AboutYou, &[
            ("about.first_name", Required), ("about.surname", Required), ("about.email", Required),
            ("about.phone", Required), ("about.job_title", Required), ("about.department", Required),
            ("about.years_experience", Required), ("about.career_stage", Required),
        ]),
        (Step::Organisation, &[
            ("organisation.name", Required), ("organisation.authority", Required), ("organisation.city", Required),
            ("organisation.country", Required), ("organisation.member", Required),
            ("organisation.ia_department", Required),
        ]),
        (Step::Motivation, &[
            ("motivation.why", Required), ("motivation.experience", Required), ("motivation.project", Required),
            ("motivation.english", Required),
        ]),
        (Step::Registration, &[
            ("registration.with_colleagues", Required), ("registration.billing_organisation", Required),
            ("registration.billing_address", Required), ("registration.invoice_email", Required),
        ]),
        // The default edition links to no general conditions, so they are not asked.
        (Step::Declarations, &[("declarations.data_consent", MustAccept), ("declarations.truthful", MustAccept)]),
    ];
    for &(step, expected) in rows {
        let expected: Vec<(String, ErrorCode)> = expected.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect();
        assert_eq!(problems(step, &empty), expected, "validate_step({step:?}) of Draft::default()");
    }
}

#[test]
fn whitespace_only_is_empty() {
    check(
        "a first name of spaces",
        Step::AboutYou,
        |d| d.about.first_name = " \t\n ".into(),
        &[("about.first_name", ErrorCode::Required)],
    );
    check(
        "a why of spaces",
        Step::Motivation,
        |d| d.motivation.why = "   ".into(),
        &[("motivation.why", ErrorCode::Required)],
    );
    check(
        "a billing address of spaces",
        Step::Registration,
        |d| d.registration.billing_address = "\n".into(),
        &[("registration.billing_address", ErrorCode::Required)],
    );
}

#[test]
fn valid_draft_passes_every_step() {
    let draft = valid_draft();
    for step in Step::ALL {
        assert_eq!(problems(step, &draft), vec![], "validate_step({step:?}) of valid_draft()");
    }
}

#[test]
fn email_fields() {
    use ErrorCode::InvalidEmail;
    let bad =
        ["ana", "ana@", "@example.org", "ana@example", "ana@example.", "ana@.org", "ana @example.org", "a@b@c.org"];
    for email in bad {
        check(
            &format!("about.email {email:?}"),
            Step::AboutYou,
            |d| d.about.email = email.into(),
            &[("about.email", InvalidEmail)],
        );
        check(
            &format!("registration.invoice_email {email:?}"),
            Step::Registration,
            |d| d.registration.invoice_email = email.into(),
            &[("registration.invoice_email", InvalidEmail)],
        );
        check(
            &format!("one colleague with email {email:?}"),
            Step::Registration,
            |d| {
                d.registration.with_colleagues = Some(true);
                d.registration.colleagues = vec![colleague("Jordi Puig", email)];
            },
            &[("registration.colleagues.0.email", InvalidEmail)],
        );
    }
    for email in ["ana@example.org", "  ana.lopez+diploma@bcn.cat ", "a@b.co"] {
        check(&format!("about.email {email:?}"), Step::AboutYou, |d| d.about.email = email.into(), &[]);
        check(
            &format!("registration.invoice_email {email:?}"),
            Step::Registration,
            |d| d.registration.invoice_email = email.into(),
            &[],
        );
    }
}

#[test]
fn phone_numbers() {
    // (phone, accepted)
    let rows: &[(&str, bool)] = &[
        ("+34 93 123 45 67", true),
        ("0034931234567", true),
        ("+1 (212) 555-0100", true),
        ("+44.20.7946.0958", true),
        (" +34931234567 ", true),
        ("+1234567", true),           // 7 digits: the least
        ("+123456789012345", true),   // 15 digits: the most
        ("93 123 45 67", false),      // no country code
        ("34931234567", false),       // no + or 00
        ("0 034 931234567", false),   // 0 then a space is not 00
        ("+123456", false),           // 6 digits
        ("+34 12345", true),          // 7 digits, country code included
        ("+34 1234", false),          // 6 digits
        ("+1234567890123456", false), // 16 digits
        ("+34 93 ABC 45 67", false),
        ("+34 93 123 45 67 ext. 2", false),
        ("+34/93/123/45/67", false),
        ("+", false),
        ("00", false),
    ];
    for &(phone, accepted) in rows {
        let expected: &[(&str, ErrorCode)] = if accepted { &[] } else { &[("about.phone", ErrorCode::InvalidPhone)] };
        check(&format!("about.phone {phone:?}"), Step::AboutYou, |d| d.about.phone = phone.into(), expected);
    }
}

#[test]
fn years_of_experience() {
    // (typed, accepted)
    let rows: &[(&str, bool)] = &[
        ("0", true),
        ("60", true),
        (" 7 ", true),
        ("07", true),
        ("abc", false),
        ("61", false),
        ("-1", false),
        ("256", false),
        ("7.5", false),
        ("7 years", false),
        ("1e1", false),
    ];
    for &(years, accepted) in rows {
        let expected: &[(&str, ErrorCode)] =
            if accepted { &[] } else { &[("about.years_experience", ErrorCode::InvalidYears)] };
        check(
            &format!("about.years_experience {years:?}"),
            Step::AboutYou,
            |d| d.about.years_experience = years.into(),
            expected,
        );
    }
}

#[test]
fn word_limits() {
    type Set = fn(&mut Draft, String);
    let set_why: Set = |d, t| d.motivation.why = t;
    let set_experience: Set = |d, t| d.motivation.experience = t;
    let set_project: Set = |d, t| d.motivation.project = t;
    let rows: &[(&str, usize, Set)] = &[
        ("motivation.why", WORDS_WHY, set_why),
        ("motivation.experience", WORDS_EXPERIENCE, set_experience),
        ("motivation.project", WORDS_PROJECT, set_project),
    ];
    assert_eq!((WORDS_WHY, WORDS_EXPERIENCE, WORDS_PROJECT), (250, 250, 200), "the word limits");
    for &(field, limit, set) in rows {
        check(&format!("{field} of {limit} words"), Step::Motivation, |d| set(d, words(limit)), &[]);
        // Whitespace around and inside the text does not count as words.
        check(
            &format!("{field} of {limit} words padded with whitespace"),
            Step::Motivation,
            |d| set(d, format!("\n  {}  \t", words(limit))),
            &[],
        );
        check(
            &format!("{field} of {} words", limit + 1),
            Step::Motivation,
            |d| set(d, words(limit + 1)),
            &[(field, ErrorCode::TooManyWords { limit })],
        );
    }
}

#[test]
fn word_count_counts_whitespace_runs() {
    let rows: &[(&str, usize)] = &[
        ("", 0),
        ("  ", 0),
        ("\n\t ", 0),
        ("one", 1),
        ("  one  ", 1),
        ("one  two\nthree\tfour", 4),
        ("l'Hospitalet de Llobregat", 3),
        ("well-known, e-mail", 2),
        ("São\u{a0}Paulo", 2), // a no-break space separates words too
    ];
    for &(text, count) in rows {
        assert_eq!(word_count(text), count, "word_count({text:?})");
    }
}

#[test]
fn dues_asked_only_of_members() {
    use Membership::{No, NotSure, Yes};
    // (member, dues, expected)
    #[rustfmt::skip]
    let rows: &[(Option<Membership>, Option<bool>, Expected)] = &[
        (Some(Yes), None, &[("organisation.dues_paid", ErrorCode::Required)]),
        (Some(Yes), Some(false), &[]),
        (Some(Yes), Some(true), &[]),
        (Some(No), None, &[]),
        (Some(NotSure), None, &[]),
        (Some(No), Some(true), &[]),
        (None, None, &[("organisation.member", ErrorCode::Required)]),
    ];
    for &(member, dues, expected) in rows {
        check(
            &format!("organisation.member {member:?}, dues_paid {dues:?}"),
            Step::Organisation,
            |d| {
                d.organisation.member = member;
                d.organisation.dues_paid = dues;
            },
            expected,
        );
    }
    // The dues question sits between membership and the department, in field order.
    check(
        "member Yes, dues None, ia_department None",
        Step::Organisation,
        |d| {
            d.organisation.dues_paid = None;
            d.organisation.ia_department = None;
        },
        &[("organisation.dues_paid", ErrorCode::Required), ("organisation.ia_department", ErrorCode::Required)],
    );
}

#[test]
fn country_must_be_in_the_file() {
    // (country, expected)
    let rows: &[(Option<&str>, Expected)] = &[
        (Some("ESP"), &[]),
        (Some("KEN"), &[]),
        (Some("VEN"), &[]), // in the file, though unclassified in FY2025
        (Some("XXX"), &[("organisation.country", ErrorCode::UnknownCountry)]),
        (Some("Spain"), &[("organisation.country", ErrorCode::UnknownCountry)]),
        (None, &[("organisation.country", ErrorCode::Required)]),
    ];
    for &(country, expected) in rows {
        check(
            &format!("organisation.country {country:?}"),
            Step::Organisation,
            |d| d.organisation.country = country.map(str::to_owned),
            expected,
        );
    }
}

#[test]
fn colleague_rules() {
    use ErrorCode::{InvalidEmail, NoColleagues, Required, TooManyPeople};
    let max = shared_edition().fees.group_discount.max_size;
    assert_eq!(max, 50, "the default edition's largest group");
    check(
        "with colleagues and none named",
        Step::Registration,
        |d| d.registration.with_colleagues = Some(true),
        &[("registration.colleagues", NoColleagues)],
    );
    check(
        "with 49 colleagues (50 people)",
        Step::Registration,
        |d| {
            d.registration.with_colleagues = Some(true);
            d.registration.colleagues = colleagues(49);
        },
        &[],
    );
    check(
        "with 50 colleagues (51 people)",
        Step::Registration,
        |d| {
            d.registration.with_colleagues = Some(true);
            d.registration.colleagues = colleagues(50);
        },
        &[("registration.colleagues", TooManyPeople { max: 50 })],
    );
    check(
        "with colleagues: a valid one, one with a bad email, one empty",
        Step::Registration,
        |d| {
            d.registration.with_colleagues = Some(true);
            d.registration.colleagues = vec![
                colleague("Jordi Puig", "jordi@example.org"),
                colleague("Marta Vidal", "marta@"),
                colleague(" ", ""),
            ];
        },
        &[
            ("registration.colleagues.1.email", InvalidEmail),
            ("registration.colleagues.2.name", Required),
            ("registration.colleagues.2.email", Required),
        ],
    );
    // Colleagues left over from before choosing "alone" are kept but not checked.
    for alone in [Some(false), None] {
        let expected: &[(&str, ErrorCode)] =
            if alone.is_none() { &[("registration.with_colleagues", Required)] } else { &[] };
        check(
            &format!("with_colleagues {alone:?} and an invalid colleague kept"),
            Step::Registration,
            |d| {
                d.registration.with_colleagues = alone;
                d.registration.colleagues = vec![colleague("", "not an email")];
            },
            expected,
        );
    }
}

#[test]
fn optional_invoice_fields() {
    for (tax_id, po) in [("", ""), ("  ", "\t"), ("ESP0801900B", "PO-2025-118")] {
        check(
            &format!("tax_id {tax_id:?} and po_reference {po:?}"),
            Step::Registration,
            |d| {
                d.registration.tax_id = tax_id.into();
                d.registration.po_reference = po.into();
            },
            &[],
        );
    }
}

#[test]
fn declarations_must_be_ticked_and_the_conditions_only_when_linked() {
    let mut with_conditions = edition();
    with_conditions.conditions_url = Some("https://example.org/conditions".into());
    let without = shared_edition();
    assert!(conditions_asked(&with_conditions) && !conditions_asked(without), "conditions_asked");
    type Untick = fn(&mut Draft);
    // (field unticked, how, is it an error with a conditions URL, without one)
    let rows: &[(&str, Untick, bool, bool)] = &[
        ("declarations.conditions", |d| d.declarations.conditions = false, true, false),
        ("declarations.data_consent", |d| d.declarations.data_consent = false, true, true),
        ("declarations.truthful", |d| d.declarations.truthful = false, true, true),
    ];
    for &(field, untick, with_url, without_url) in rows {
        let mut d = valid_draft();
        untick(&mut d);
        for (e, refused, which) in [(&with_conditions, with_url, "with"), (without, without_url, "without")] {
            let got: Vec<(String, ErrorCode)> = validate_step(Step::Declarations, &d, e, shared_countries())
                .into_iter()
                .map(|e| (e.field, e.code))
                .collect();
            let expected = if refused { vec![(field.to_owned(), ErrorCode::MustAccept)] } else { vec![] };
            assert_eq!(got, expected, "{field} unticked, {which} a conditions URL");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Length limits

#[test]
fn every_text_answer_has_a_length_limit() {
    // Every text field of the draft, with its limit.
    #[rustfmt::skip]
    let rows: &[(&str, usize)] = &[
        ("about.first_name", 100), ("about.surname", 100), ("about.email", 254), ("about.phone", 40),
        ("about.job_title", 200), ("about.department", 200), ("about.years_experience", 10),
        ("organisation.name", 200), ("organisation.city", 100),
        ("motivation.why", 3_000), ("motivation.experience", 3_000), ("motivation.project", 2_500),
        ("registration.billing_organisation", 200), ("registration.billing_address", 500),
        ("registration.tax_id", 50), ("registration.po_reference", 100), ("registration.invoice_email", 254),
        ("registration.colleagues.0.name", 200), ("registration.colleagues.17.email", 254),
    ];
    for &(field, max) in rows {
        assert_eq!(max_len(field), max, "max_len({field:?})");
    }
    assert_eq!(MAX_LEN.len(), rows.len(), "MAX_LEN lists exactly the draft's text fields");
    assert_eq!(max_len("about.nickname"), DEFAULT_MAX_LEN, "a field outside the table");
    // The long answers' character limits leave room for their word limits (about 12 characters a word).
    for field in ["motivation.why", "motivation.experience", "motivation.project"] {
        let words = word_limit(field).unwrap_or_default();
        assert!(max_len(field) >= words * 12, "{field}: {} characters for {words} words", max_len(field));
    }
}

#[test]
fn answers_longer_than_their_limit_are_too_long() {
    type Set = fn(&mut Draft, String);
    type Make = fn(usize) -> String;
    // (field, step, how to set it, a valid value of that length)
    #[rustfmt::skip]
    let rows: &[(&str, Step, Set, Make)] = &[
        ("about.first_name", Step::AboutYou, |d, t| d.about.first_name = t, |n| "a".repeat(n)),
        ("about.email", Step::AboutYou, |d, t| d.about.email = t, |n| format!("{}@example.org", "a".repeat(n - 12))),
        ("about.phone", Step::AboutYou, |d, t| d.about.phone = t, |n| format!("+34 93 123 45 67{}", " ".repeat(n - 16))),
        ("organisation.city", Step::Organisation, |d, t| d.organisation.city = t, |n| "é".repeat(n)),
        ("motivation.why", Step::Motivation, |d, t| d.motivation.why = t, |n| "eleven-char ".repeat(n / 12)),
        ("registration.tax_id", Step::Registration, |d, t| d.registration.tax_id = t, |n| "7".repeat(n)),
        ("registration.po_reference", Step::Registration, |d, t| d.registration.po_reference = t, |n| "🌍".repeat(n)),
        ("registration.billing_address", Step::Registration, |d, t| d.registration.billing_address = t, |n| "x".repeat(n)),
    ];
    for &(field, step, set, value) in rows {
        let max = max_len(field);
        // At the limit: accepted (characters, not bytes: "é" and "🌍" count one each).
        check(&format!("{field} of {max} characters"), step, |d| set(d, value(max)), &[]);
        // One more: too long, and nothing else is said about the field.
        let longer = format!("{}x", value(max));
        check(
            &format!("{field} of {} characters", max + 1),
            step,
            |d| set(d, longer),
            &[(field, ErrorCode::TooLong { max })],
        );
    }
    // A colleague's name, named with its index.
    check(
        "a colleague's name of 201 characters",
        Step::Registration,
        |d| {
            d.registration.with_colleagues = Some(true);
            d.registration.colleagues = vec![colleague(&"n".repeat(201), "c@example.org")];
        },
        &[("registration.colleagues.0.name", ErrorCode::TooLong { max: 200 })],
    );
    // A long answer past its character limit is too long, whatever its words.
    check(
        "motivation.project of one 2,501-character word",
        Step::Motivation,
        |d| d.motivation.project = "x".repeat(2_501),
        &[("motivation.project", ErrorCode::TooLong { max: 2_500 })],
    );
}

#[test]
fn element_ids() {
    let rows: &[(&str, &str)] = &[
        ("about.email", "about-email"),
        ("registration.colleagues.1.email", "registration-colleagues-1-email"),
        ("registration.colleagues", "registration-colleagues"),
        ("declarations.data_consent", "declarations-data_consent"),
    ];
    for &(field, id) in rows {
        let e = FieldError { field: field.into(), code: ErrorCode::Required };
        assert_eq!(e.element_id(), id, "FieldError {{ field: {field:?} }}.element_id()");
    }
}

// ---------------------------------------------------------------------------------------------
// Step flow

#[test]
fn first_incomplete_and_allowed_step() {
    let e = shared_edition();
    let c = shared_countries();
    let empty = Draft::default();
    assert_eq!(first_incomplete(&empty, e, c), Some(Step::AboutYou), "first_incomplete(empty)");
    for wanted in Step::ALL {
        assert_eq!(allowed_step(wanted, &empty, e, c), Step::AboutYou, "allowed_step({wanted:?}, empty)");
    }

    // Steps 1–3 complete, 4 and 5 empty.
    let mut first_three = valid_draft();
    first_three.registration = Default::default();
    first_three.declarations = Default::default();
    assert_eq!(first_incomplete(&first_three, e, c), Some(Step::Registration), "first_incomplete(steps 1–3 done)");
    // (wanted, lands on)
    let rows: &[(Step, Step)] = &[
        (Step::AboutYou, Step::AboutYou),
        (Step::Motivation, Step::Motivation),
        (Step::Registration, Step::Registration),
        (Step::Declarations, Step::Registration),
    ];
    for &(wanted, lands) in rows {
        assert_eq!(allowed_step(wanted, &first_three, e, c), lands, "allowed_step({wanted:?}, steps 1–3 done)");
    }

    // Step 2 incomplete, the others complete.
    let mut no_city = valid_draft();
    no_city.organisation.city.clear();
    assert_eq!(first_incomplete(&no_city, e, c), Some(Step::Organisation), "first_incomplete(no city)");
    let rows: &[(Step, Step)] = &[
        (Step::AboutYou, Step::AboutYou),
        (Step::Organisation, Step::Organisation),
        (Step::Motivation, Step::Organisation),
        (Step::Registration, Step::Organisation),
        (Step::Declarations, Step::Organisation),
    ];
    for &(wanted, lands) in rows {
        assert_eq!(allowed_step(wanted, &no_city, e, c), lands, "allowed_step({wanted:?}, no city)");
    }

    let complete = valid_draft();
    assert_eq!(first_incomplete(&complete, e, c), None, "first_incomplete(valid_draft())");
    for wanted in Step::ALL {
        assert_eq!(allowed_step(wanted, &complete, e, c), wanted, "allowed_step({wanted:?}, valid_draft())");
    }
}

// ---------------------------------------------------------------------------------------------
// Quote input and reduced places

#[test]
fn quote_inputs() {
    use Membership::{No, NotSure, Yes};
    // (member, dues, with colleagues, colleagues, reduced asked, → member, dues_paid, people)
    type Row = (Option<Membership>, Option<bool>, Option<bool>, usize, bool, bool, bool, u32);
    #[rustfmt::skip]
    let rows: &[Row] = &[
        (Some(Yes), Some(true), Some(false), 0, false, true, true, 1),
        (Some(Yes), Some(false), Some(false), 0, false, true, false, 1),
        (Some(Yes), None, Some(false), 0, true, true, false, 1),
        (Some(NotSure), Some(true), Some(false), 0, false, false, false, 1),
        (Some(No), Some(true), Some(false), 0, false, false, false, 1),
        (None, Some(true), None, 0, false, false, false, 1),
        (Some(Yes), Some(true), Some(true), 2, true, true, true, 3),
        (Some(Yes), Some(true), Some(true), 0, false, true, true, 1),
        (Some(No), None, Some(false), 4, false, false, false, 1),
        (Some(No), None, None, 4, true, false, false, 1),
    ];
    for &(member, dues, with, n, reduced, q_member, q_dues, people) in rows {
        let mut d = valid_draft();
        d.organisation.member = member;
        d.organisation.dues_paid = dues;
        d.organisation.country = Some("KEN".into());
        d.registration.with_colleagues = with;
        d.registration.colleagues = colleagues(n);
        d.registration.reduced_requested = reduced;
        let args =
            format!("member {member:?}, dues {dues:?}, with_colleagues {with:?}, {n} colleagues, reduced {reduced}");
        assert_eq!(
            quote_input(&d, today()),
            QuoteInput {
                member: q_member,
                dues_paid: q_dues,
                country: Some("KEN".into()),
                people,
                registration_date: today(),
                reduced_requested: reduced,
            },
            "quote_input({args})"
        );
    }
}

#[test]
fn reduced_places() {
    use Membership::{No, NotSure, Yes};
    // (member, dues, country, offered)
    type Row = (Option<Membership>, Option<bool>, Option<&'static str>, bool);
    let rows: &[Row] = &[
        (Some(Yes), Some(true), Some("KEN"), true),
        (Some(Yes), Some(false), Some("KEN"), true), // the default edition: members, dues or not
        (Some(No), None, Some("KEN"), false),
        (Some(NotSure), None, Some("KEN"), false),
        (Some(Yes), Some(true), Some("ESP"), false),
        (Some(Yes), Some(true), Some("UGA"), true),
        (Some(Yes), Some(true), Some("VEN"), false),
        (Some(Yes), Some(true), Some("XXX"), false),
        (Some(Yes), Some(true), None, false),
    ];
    for &(member, dues, country, offered) in rows {
        for asked in [false, true] {
            let mut d = valid_draft();
            d.organisation.member = member;
            d.organisation.dues_paid = dues;
            d.organisation.country = country.map(str::to_owned);
            d.registration.reduced_requested = asked;
            assert_eq!(
                reduced_place_offered(&d, shared_edition(), shared_countries()),
                offered,
                "reduced_place_offered(member {member:?}, dues {dues:?}, country {country:?}, already asked {asked})"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// finalize

fn finalize_default(d: &Draft) -> Result<metropolis_diploma::domain::application::Application, Vec<FieldError>> {
    finalize(d, shared_edition(), shared_countries(), today())
}

#[test]
fn finalize_lists_every_problem_in_step_order() {
    let empty = Draft::default();
    let expected: Vec<FieldError> =
        Step::ALL.into_iter().flat_map(|s| validate_step(s, &empty, shared_edition(), shared_countries())).collect();
    assert_eq!(expected.len(), 8 + 6 + 4 + 4 + 2, "problems of the empty draft");
    assert_eq!(finalize_default(&empty).err(), Some(expected), "finalize(Draft::default())");

    // Problems in steps 4 and 1, listed as 1 then 4 whatever the order they were made in.
    let mut d = valid_draft();
    d.registration.invoice_email = "invoices".into();
    d.about.phone = "931234567".into();
    d.declarations.truthful = false;
    let got: Vec<(String, ErrorCode)> =
        finalize_default(&d).err().unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        got,
        vec![
            ("about.phone".to_owned(), ErrorCode::InvalidPhone),
            ("registration.invoice_email".to_owned(), ErrorCode::InvalidEmail),
            ("declarations.truthful".to_owned(), ErrorCode::MustAccept),
        ],
        "finalize(valid draft with a bad phone, a bad invoice email and truthful unticked)"
    );
}

#[test]
fn finalize_valid_draft() {
    let d = valid_draft();
    let app = finalize_default(&d).unwrap_or_else(|e| panic!("finalize(valid_draft()): {e:?}"));
    let mut expected = d.clone();
    expected.declarations.conditions = false; // not asked: the default edition links to no conditions
    assert_eq!(app.answers, expected, "finalize(valid_draft()) keeps the answers");
    assert_eq!(app.income_class, Some(IncomeClass::High), "finalize(valid_draft()): Spain's class");
    assert_eq!(
        (app.quote.per_person.to_plain(), app.quote.total.to_plain()),
        ("330.00".to_owned(), "330.00".to_owned()),
        "finalize(valid_draft()): member, dues paid, alone"
    );
}

#[test]
fn finalize_clears_answers_that_no_longer_apply() {
    // Colleagues typed, then "alone" chosen.
    let mut d = valid_draft();
    d.registration.with_colleagues = Some(false);
    d.registration.colleagues = vec![colleague("Jordi Puig", "jordi@example.org")];
    let app = finalize_default(&d).unwrap_or_else(|e| panic!("finalize(alone, a colleague kept): {e:?}"));
    assert_eq!(app.answers.registration.colleagues, vec![], "finalize(alone, a colleague kept): colleagues");
    assert_eq!(app.quote.people, 1, "finalize(alone, a colleague kept): people");

    // Dues answered, then "not a member" or "not sure" chosen.
    for member in [Membership::No, Membership::NotSure] {
        let mut d = valid_draft();
        d.organisation.member = Some(member);
        d.organisation.dues_paid = Some(true);
        let app = finalize_default(&d).unwrap_or_else(|e| panic!("finalize(member {member:?}, dues kept): {e:?}"));
        assert_eq!(app.answers.organisation.dues_paid, None, "finalize(member {member:?}, dues kept): dues_paid");
        assert_eq!(app.quote.per_person.to_plain(), "660.00", "finalize(member {member:?}, dues kept): per person");
    }

    // A reduced place asked for, then the answers changed so that it is no longer offered.
    // (member, country, kept)
    let rows: &[(Membership, &str, bool)] = &[
        (Membership::Yes, "KEN", true),
        (Membership::No, "KEN", false),
        (Membership::Yes, "ESP", false),
        (Membership::NotSure, "UGA", false),
    ];
    for &(member, country, kept) in rows {
        let mut d = valid_draft();
        d.organisation.member = Some(member);
        d.organisation.country = Some(country.into());
        d.registration.reduced_requested = true;
        let args = format!("finalize(member {member:?}, {country}, reduced asked)");
        let app = finalize_default(&d).unwrap_or_else(|e| panic!("{args}: {e:?}"));
        assert_eq!(app.answers.registration.reduced_requested, kept, "{args}: reduced_requested");
        assert_eq!(app.quote.reduced.is_some(), kept, "{args}: reduced scenario");
        assert!(!app.quote.notes.iter().any(|n| n.code().starts_with("reduced-not")), "{args}: {:?}", app.quote.notes);
    }
}

#[test]
fn finalize_writes_the_canonical_form() {
    let mut d = valid_draft();
    d.key = " 3F0C2A9E-6D1B-4C8E-9A57-0B6F1D2E4C31 ".into();
    d.about.first_name = "  Ana María\t".into();
    d.about.email = " ana@example.org ".into();
    d.motivation.why = "\nLine one.\nLine two.  ".into();
    d.registration.with_colleagues = Some(true);
    d.registration.colleagues = vec![colleague(" Jordi Puig ", "jordi@example.org\n")];
    let app = finalize_default(&d).unwrap_or_else(|e| panic!("finalize(padded answers): {e:?}"));
    let a = &app.answers;
    assert_eq!(a.key, "3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31", "the key in lower case");
    assert_eq!(
        (a.about.first_name.as_str(), a.about.email.as_str(), a.motivation.why.as_str()),
        ("Ana María", "ana@example.org", "Line one.\nLine two."),
        "texts trimmed, inner line breaks kept"
    );
    assert_eq!(a.registration.colleagues, vec![colleague("Jordi Puig", "jordi@example.org")], "colleagues trimmed");
    // With conditions to accept, the ticked box is kept.
    let mut e = edition();
    e.conditions_url = Some("https://example.org/conditions".into());
    let app = finalize(&valid_draft(), &e, shared_countries(), today()).expect("valid");
    assert!(app.answers.declarations.conditions, "conditions kept when asked");
}

#[test]
fn finalize_quote_is_the_estimators() {
    // (description, member, dues, country, colleagues, reduced asked, per person, total, reduced per person,
    //  income class)
    type Row = (
        &'static str,
        Membership,
        Option<bool>,
        &'static str,
        usize,
        bool,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<IncomeClass>,
    );
    use IncomeClass::{High, LowerMiddle};
    use Membership::{No, NotSure, Yes};
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("member, dues paid, 1 colleague, Spain", Yes, Some(true), "ESP", 1, false, "303.60", "607.20", None, Some(High)),
        ("member, dues unpaid, alone, Spain", Yes, Some(false), "ESP", 0, false, "660.00", "660.00", None, Some(High)),
        ("non-member, 2 colleagues, Spain", No, None, "ESP", 2, false, "607.20", "1821.60", None, Some(High)),
        ("not sure, alone, Kenya", NotSure, None, "KEN", 0, false, "660.00", "660.00", None, Some(LowerMiddle)),
        ("member, dues paid, alone, Kenya", Yes, Some(true), "KEN", 0, false, "330.00", "330.00", None, Some(LowerMiddle)),
        ("member, dues paid, Kenya, reduced asked", Yes, Some(true), "KEN", 0, true, "330.00", "330.00", Some("165.00"), Some(LowerMiddle)),
        ("member, 1 colleague, Kenya, reduced asked", Yes, Some(true), "KEN", 1, true, "303.60", "607.20", Some("151.80"), Some(LowerMiddle)),
        ("member, dues paid, alone, Venezuela", Yes, Some(true), "VEN", 0, false, "330.00", "330.00", None, None),
    ];
    for &(what, member, dues, country, n, reduced, per_person, total, reduced_fee, class) in rows {
        let mut d = valid_draft();
        d.organisation.member = Some(member);
        d.organisation.dues_paid = dues;
        d.organisation.country = Some(country.into());
        d.registration.with_colleagues = Some(n > 0);
        d.registration.colleagues = colleagues(n);
        d.registration.reduced_requested = reduced;
        let app = finalize_default(&d).unwrap_or_else(|e| panic!("finalize({what}): {e:?}"));
        // What /estimate computes for the same answers ("not sure" is asked there as "no").
        let params = EstimateParams {
            member: member == Yes,
            dues,
            country: Some(country.into()),
            people: u32::try_from(n + 1).unwrap_or(u32::MAX),
            date: None,
            reduced,
        };
        let estimator = quote(shared_edition(), shared_countries(), &params.to_input(today()));
        assert_eq!(app.quote, estimator, "finalize({what}) vs the estimator with {}", params.to_query());
        assert_eq!(app.quote.per_person.to_plain(), per_person, "finalize({what}): per person");
        assert_eq!(app.quote.total.to_plain(), total, "finalize({what}): total");
        let got_reduced = app.quote.reduced.as_ref().map(|r| r.per_person.to_plain());
        assert_eq!(got_reduced.as_deref(), reduced_fee, "finalize({what}): reduced per person");
        assert_eq!(app.income_class, class, "finalize({what}): income class");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Either the valid value or any string.
fn text(valid: String, w: u32) -> impl Strategy<Value = String> {
    prop_oneof![w => Just(valid), 1 => any::<String>(), 1 => "[ a-z@.+0-9()-]{0,12}"]
}

fn option<T: Clone + std::fmt::Debug + 'static>(
    valid: Option<T>,
    others: Vec<T>,
    w: u32,
) -> impl Strategy<Value = Option<T>> {
    let mut all: Vec<Option<T>> = others.into_iter().map(Some).collect();
    all.push(None);
    prop_oneof![w => Just(valid), 1 => prop::sample::select(all)]
}

/// Drafts near [`valid_draft`]: every text field either valid or arbitrary, every choice either valid
/// or any other value; the valid value `w` times as likely as each other kind.
fn any_draft(w: u32) -> impl Strategy<Value = Draft> {
    let v = valid_draft();
    let codes = vec!["ESP", "KEN", "UGA", "VEN"];
    let country = prop_oneof![
        w => prop::sample::select(codes).prop_map(|c| Some(c.to_owned())),
        1 => prop::option::of(any::<String>()),
    ];
    let about = (
        text(v.about.first_name.clone(), w),
        text(v.about.surname.clone(), w),
        text(v.about.email.clone(), w),
        text(v.about.phone.clone(), w),
        text(v.about.job_title.clone(), w),
        text(v.about.department.clone(), w),
        text(v.about.years_experience.clone(), w),
        option(v.about.career_stage, vec![CareerStage::Junior, CareerStage::MidCareer, CareerStage::Senior], w),
    );
    let organisation = (
        text(v.organisation.name.clone(), w),
        option(v.organisation.authority, vec![Authority::Local, Authority::Metropolitan], w),
        text(v.organisation.city.clone(), w),
        country,
        option(v.organisation.member, vec![Membership::Yes, Membership::No, Membership::NotSure], w),
        option(v.organisation.dues_paid, vec![true, false], w),
        option(v.organisation.ia_department, vec![true, false], w),
    );
    let motivation = (
        text(v.motivation.why.clone(), w),
        text(v.motivation.experience.clone(), w),
        text(v.motivation.project.clone(), w),
        option(v.motivation.english, vec![EnglishLevel::Fluent, EnglishLevel::Working, EnglishLevel::Basic], w),
    );
    let colleague = (text("Jordi Puig".into(), w), text("jordi@example.org".into(), w))
        .prop_map(|(name, email)| Colleague { name, email });
    let registration = (
        option(v.registration.with_colleagues, vec![true, false], w),
        prop::collection::vec(colleague, 0..4),
        any::<bool>(),
        text(v.registration.billing_organisation.clone(), w),
        text(v.registration.billing_address.clone(), w),
        any::<String>(),
        any::<String>(),
        text(v.registration.invoice_email.clone(), w),
    );
    let declarations = prop::array::uniform3(prop::bool::weighted(1.0 - 1.0 / f64::from(w + 1)));
    (any::<String>(), about, organisation, motivation, registration, declarations).prop_map(
        |(key, about, organisation, motivation, registration, [conditions, data_consent, truthful])| {
            let mut d = valid_draft();
            d.key = key;
            let a = &mut d.about;
            (
                a.first_name,
                a.surname,
                a.email,
                a.phone,
                a.job_title,
                a.department,
                a.years_experience,
                a.career_stage,
            ) = about;
            let o = &mut d.organisation;
            (o.name, o.authority, o.city, o.country, o.member, o.dues_paid, o.ia_department) = organisation;
            let m = &mut d.motivation;
            (m.why, m.experience, m.project, m.english) = motivation;
            let r = &mut d.registration;
            (
                r.with_colleagues,
                r.colleagues,
                r.reduced_requested,
                r.billing_organisation,
                r.billing_address,
                r.tax_id,
                r.po_reference,
                r.invoice_email,
            ) = registration;
            d.declarations.conditions = conditions;
            d.declarations.data_consent = data_consent;
            d.declarations.truthful = truthful;
            d
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn validation_and_finalize_agree_near_valid(d in any_draft(40)) {
        check_draft(&d)?;
    }

    #[test]
    fn validation_and_finalize_agree_on_anything(d in any_draft(1)) {
        check_draft(&d)?;
    }
}

/// `validate_step`, `first_incomplete` and `finalize` agree on `d`.
fn check_draft(d: &Draft) -> Result<(), TestCaseError> {
    let e = shared_edition();
    let c = shared_countries();
    let per_step: Vec<Vec<FieldError>> = Step::ALL.into_iter().map(|s| validate_step(s, d, e, c)).collect();
    for (step, errors) in Step::ALL.into_iter().zip(&per_step) {
        let prefix = match step {
            Step::AboutYou => "about.",
            Step::Organisation => "organisation.",
            Step::Motivation => "motivation.",
            Step::Registration => "registration.",
            Step::Declarations => "declarations.",
        };
        prop_assert!(errors.iter().all(|e| e.field.starts_with(prefix)), "{:?}: {:?} of {:?}", step, errors, d);
    }
    let first = Step::ALL.into_iter().zip(&per_step).find(|(_, e)| !e.is_empty()).map(|(s, _)| s);
    prop_assert_eq!(first_incomplete(d, e, c), first, "first_incomplete of {:?}", d);
    match finalize(d, e, c, today()) {
        Ok(app) => {
            prop_assert!(per_step.iter().all(Vec::is_empty), "finalize Ok with problems {:?} in {:?}", per_step, d);
            for step in Step::ALL {
                prop_assert_eq!(
                    validate_step(step, &app.answers, e, c),
                    vec![],
                    "{:?} of the finalized {:?}",
                    step,
                    app.answers
                );
            }
            prop_assert_eq!(&app.quote, &quote(e, c, &quote_input(&app.answers, today())), "quote of {:?}", d);
            if app.answers.registration.with_colleagues != Some(true) {
                prop_assert!(app.answers.registration.colleagues.is_empty(), "colleagues kept in {:?}", app.answers);
            }
            if app.answers.organisation.member != Some(Membership::Yes) {
                prop_assert_eq!(app.answers.organisation.dues_paid, None, "dues kept in {:?}", app.answers);
            }
            // The canonical form is a fixed point: finalizing it again changes nothing.
            let again = finalize(&app.answers, e, c, today());
            prop_assert_eq!(again.as_ref(), Ok(&app), "finalize of the finalized {:?}", app.answers);
        }
        Err(errors) => {
            prop_assert_eq!(errors, per_step.concat(), "finalize Err of {:?}", d);
        }
    }
    Ok(())
}
