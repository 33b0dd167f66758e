//! The submission contract: reading, and the receiver's checks (`domain::submission::verify`).

mod common;

use chrono::NaiveDate;
use common::{countries, date, edition, submission_day, submission_of, valid_draft};
use metropolis_diploma::domain::application::{Colleague, ErrorCode, Membership};
use metropolis_diploma::domain::edition::{Applications, Edition};
use metropolis_diploma::domain::submission::{canonical_key, describe, is_uuid, verify, ReceiverError, Submission};

/// A submission of `valid_draft()` on 2025-09-01, with the quote the app computes.
fn valid_submission() -> Submission {
    submission_of(valid_draft())
}

/// `verify` on the receiver's day `today`, against `edition`, as `(field, code)` pairs.
fn check_on(sub: &Submission, edition: &Edition, today: NaiveDate) -> Result<(), Vec<(String, String)>> {
    verify(sub, edition, &countries(), today)
        .map(|_| ())
        .map_err(|errors| errors.into_iter().map(|e| (e.field, e.code)).collect())
}

/// `verify` on the day the submission was made, against the default edition.
fn check(sub: &Submission) -> Result<(), Vec<(String, String)>> {
    check_on(sub, &edition(), submission_day())
}

fn fails_with(sub: &Submission, field: &str, code: &str) {
    let errors = check(sub).expect_err("the submission should be refused");
    assert!(errors.iter().any(|(f, c)| f == field && c == code), "expected {field}/{code} among {errors:?}");
}

#[test]
fn a_valid_submission_is_accepted_with_the_same_price() {
    let sub = valid_submission();
    let application = verify(&sub, &edition(), &countries(), submission_day()).expect("accepted");
    assert_eq!(application.quote, sub.quote);
    assert_eq!(sub.quote.per_person.to_plain(), "330.00");
}

#[test]
fn the_json_form_round_trips_with_amounts_as_strings() {
    let sub = valid_submission();
    let text = sub.to_json_text();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["registration_date"], "2025-09-01");
    assert_eq!(value["quote"]["total"], "330.00");
    assert_eq!(value["answers"]["key"], value["idempotency_key"]);
    assert_eq!(Submission::from_json(&text), Ok(sub));
}

#[test]
fn another_schema_version_or_edition_is_refused() {
    let mut sub = valid_submission();
    sub.schema_version = 2;
    fails_with(&sub, "schema_version", "unsupported_version");
    let mut sub = valid_submission();
    sub.edition = "2024-2".into();
    fails_with(&sub, "edition", "unknown_edition");
}

#[test]
fn the_key_must_be_a_uuid_and_the_drafts_key() {
    for bad in ["", "not-a-uuid", "3f0c2a9e6d1b4c8e9a570b6f1d2e4c31", "3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c3g"] {
        assert!(!is_uuid(bad), "{bad}");
        let mut sub = valid_submission();
        sub.idempotency_key = bad.into();
        sub.answers.key = bad.into();
        fails_with(&sub, "idempotency_key", "invalid_uuid");
    }
    assert!(is_uuid("3F0C2A9E-6D1B-4C8E-9A57-0B6F1D2E4C31"));
    let mut sub = valid_submission();
    sub.idempotency_key = "00000000-0000-4000-8000-000000000000".into();
    fails_with(&sub, "answers.key", "key_mismatch");
}

#[test]
fn the_time_must_be_a_utc_rfc3339_timestamp() {
    for bad in ["", "2025-09-01", "2025-09-01T10:00:00+02:00", "yesterday"] {
        let mut sub = valid_submission();
        sub.submitted_at = bad.into();
        fails_with(&sub, "submitted_at", "invalid_timestamp");
    }
    let mut sub = valid_submission();
    sub.submitted_at = "2025-09-02T01:00:00Z".into();
    assert_eq!(check(&sub), Ok(()), "the client's time is not the price date: the receiver's day is");
}

#[test]
fn the_registration_date_is_today_or_yesterday_on_the_receivers_clock() {
    // (the receiver's Barcelona date, accepted) for a submission registered on 2025-09-01
    #[rustfmt::skip]
    let rows: &[(NaiveDate, bool)] = &[
        (date(2025, 8, 31), false),  // a day the receiver has not reached: a client clock ahead
        (date(2025, 9, 1), true),    // the same day
        (date(2025, 9, 2), true),    // sent just before midnight, received just after
        (date(2025, 9, 3), false),   // two days late: backdated
        (date(2025, 12, 31), false), // months later
    ];
    for &(today, accepted) in rows {
        let expected =
            if accepted { Ok(()) } else { Err(vec![("registration_date".to_owned(), "date_mismatch".to_owned())]) };
        assert_eq!(check_on(&valid_submission(), &edition(), today), expected, "received on {today}");
    }
}

#[test]
fn an_edition_that_does_not_take_applications_refuses_them() {
    let closed = vec![("edition".to_owned(), "edition_closed".to_owned())];
    // A submission made and received on `day`, with the quote of that day.
    let on = |day: NaiveDate| {
        let mut sub = valid_submission();
        sub.registration_date = day;
        sub.submitted_at = format!("{day}T10:00:00.000Z");
        sub.quote = metropolis_diploma::domain::fees::quote(
            &edition(),
            &countries(),
            &metropolis_diploma::domain::application::quote_input(&sub.answers, day),
        );
        sub
    };
    // The brochure's edition: open until the day before the course (16 November 2025).
    let brochure = edition();
    // A made-up calendar: open from 1 June to 31 October 2025.
    let mut window = edition();
    window.applications = Applications { opens: Some(date(2025, 6, 1)), closes: Some(date(2025, 10, 31)) };
    // (edition, description, registration day = receiver's day, accepted)
    #[rustfmt::skip]
    let rows: &[(&Edition, &str, NaiveDate, bool)] = &[
        (&brochure, "brochure, months before", date(2025, 1, 2), true),
        (&brochure, "brochure, the day before the course", date(2025, 11, 16), true),
        (&brochure, "brochure, the first day of the course", date(2025, 11, 17), false),
        (&brochure, "brochure, the last day of the course", date(2025, 11, 21), false),
        (&brochure, "brochure, a year after (issue 13's 28 November 2026)", date(2026, 11, 28), false),
        (&window, "window, the day before it opens", date(2025, 5, 31), false),
        (&window, "window, the day it opens", date(2025, 6, 1), true),
        (&window, "window, the day it closes", date(2025, 10, 31), true),
        (&window, "window, the day after it closes", date(2025, 11, 1), false),
    ];
    for &(e, what, day, accepted) in rows {
        let expected = if accepted { Ok(()) } else { Err(closed.clone()) };
        assert_eq!(check_on(&on(day), e, day), expected, "{what}: {day}");
    }
    // Yesterday's date received today counts for yesterday: sent on the closing day before midnight.
    assert_eq!(check_on(&on(date(2025, 10, 31)), &window, date(2025, 11, 1)), Ok(()), "sent on the last day");
    // Another edition's id is unknown, whatever the date.
    let mut other = on(date(2026, 11, 28));
    other.edition = "2026-4".into();
    assert_eq!(
        check_on(&other, &brochure, date(2026, 11, 28)),
        Err(vec![("edition".to_owned(), "unknown_edition".to_owned())])
    );
}

#[test]
fn keys_are_compared_in_canonical_lower_case() {
    let upper = "3F0C2A9E-6D1B-4C8E-9A57-0B6F1D2E4C31";
    assert_eq!(canonical_key(&format!(" {upper} ")), "3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31");
    // (idempotency key, answers' key, accepted)
    let rows = [
        (upper, upper, true),
        (upper, &upper.to_ascii_lowercase()[..], true),
        (&upper.to_ascii_lowercase()[..], upper, true),
    ];
    for (key, answers_key, accepted) in rows {
        let mut sub = valid_submission();
        sub.idempotency_key = key.into();
        sub.answers.key = answers_key.into();
        let result = verify(&sub, &edition(), &countries(), submission_day());
        assert_eq!(result.is_ok(), accepted, "{key} / {answers_key}: {result:?}");
        if let Ok(app) = result {
            assert_eq!(app.answers.key, "3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31", "stored in lower case");
        }
    }
}

#[test]
fn what_is_stored_is_the_canonical_application() {
    let mut sub = valid_submission();
    sub.answers.about.first_name = "  Ana María ".into();
    sub.answers.registration.colleagues = vec![Colleague { name: "Left over".into(), email: "x".into() }];
    let app = verify(&sub, &edition(), &countries(), submission_day()).expect("accepted");
    assert_eq!(app.answers.about.first_name, "Ana María", "trimmed");
    assert!(app.answers.registration.colleagues.is_empty(), "colleagues of an applicant registering alone cleared");
    // Serialised with serde, it reads back the same (what a receiver stores and exports).
    let text = serde_json::to_string(&app).expect("serialises");
    assert_eq!(serde_json::from_str(&text).ok(), Some(app), "{text}");
}

#[test]
fn the_locale_must_be_a_language_tag() {
    let mut sub = valid_submission();
    sub.locale = "pt-BR".into();
    assert_eq!(check(&sub), Ok(()));
    sub.locale = "<script>".into();
    fails_with(&sub, "locale", "invalid_locale");
}

#[test]
fn invalid_answers_are_named_by_their_path_under_answers() {
    let mut sub = valid_submission();
    sub.answers.about.email = "ana at example".into();
    sub.answers.registration.with_colleagues = Some(true);
    sub.answers.registration.colleagues = vec![Colleague { name: String::new(), email: "x@example.org".into() }];
    sub.answers.declarations.truthful = false;
    let errors = verify(&sub, &edition(), &countries(), submission_day()).expect_err("refused");
    let pairs: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("answers.about.email", "invalid_email"),
            ("answers.registration.colleagues.0.name", "required"),
            ("answers.declarations.truthful", "must_accept"),
        ]
    );
    assert!(errors.iter().all(|e| e.message.ends_with('.') && e.message.len() > 10));
}

#[test]
fn a_quote_that_is_not_the_engines_is_refused() {
    let mut sub = valid_submission();
    sub.quote.total = "1.00".parse().unwrap();
    assert_eq!(check(&sub), Err(vec![("quote".into(), "quote_mismatch".into())]));

    let mut sub = valid_submission();
    sub.quote.lines.clear();
    fails_with(&sub, "quote", "quote_mismatch");

    // Answers that price differently from the quote sent: a non-member pays the list fee.
    let mut sub = valid_submission();
    sub.answers.organisation.member = Some(Membership::No);
    fails_with(&sub, "quote", "quote_mismatch");

    // Notes are display text, not the price.
    let mut sub = valid_submission();
    sub.quote.notes.clear();
    assert_eq!(check(&sub), Ok(()));
}

#[test]
fn reading_names_the_field_that_does_not_fit() {
    let text = serde_json::to_string_pretty(&valid_submission()).expect("serialises");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let edited = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = value.clone();
        edit(&mut v);
        v.to_string()
    };
    // (description, body, field, code, message)
    #[rustfmt::skip]
    let rows: Vec<(&str, String, &str, &str, &str)> = vec![
        ("not JSON", "{ not json".into(), "body", "invalid_json", "The body is not JSON (line 1, column 3)."),
        ("nested too deeply", text.replacen("\"notes\": [", &format!("\"notes\": [{{\"code\": \"early-bird-may-apply\", \"x\": {}{}}},", "[".repeat(200), "]".repeat(200)), 1), "body", "invalid_json", "The body is nested too deeply."),
        ("a list instead of an object", format!("{}{}", "[".repeat(200), "]".repeat(200)), "body", "invalid", "The body must be a JSON object."),
        ("a number out of range", text.replacen("\"people\": 1", "\"people\": 1e400", 1), "body", "invalid_json", ""),
        ("a field twice", text.replacen("\"locale\": \"en\",", "\"locale\": \"en\", \"locale\": \"fr\",", 1), "body", "invalid_json", "The body gives the field locale twice."),
        ("an amount as a number", edited(&|v| v["quote"]["total"] = serde_json::json!(330)), "quote.total", "invalid", "`330` does not fit the contract (expected an amount as a string with two decimals, e.g. \"660.00\")."),
        ("an amount with a leading zero", edited(&|v| v["quote"]["total"] = serde_json::json!("0330.00")), "quote.total", "invalid", ""),
        ("an amount without decimals", edited(&|v| v["quote"]["list_fee"] = serde_json::json!("660")), "quote.list_fee", "invalid", ""),
        ("a percentage with a trailing zero", edited(&|v| v["quote"]["lines"][0]["percent"] = serde_json::json!("50.0")), "quote.lines.0.percent", "invalid", ""),
        ("a missing field", edited(&|v| { v.as_object_mut().map(|o| o.remove("locale")); }), "locale", "missing", "This field is required."),
        ("an unknown field", edited(&|v| v["extra"] = serde_json::json!(1)), "extra", "unknown_field", "The contract has no such field."),
        ("an unknown answer", edited(&|v| v["answers"]["about"]["nickname"] = serde_json::json!("Ana")), "answers.about.nickname", "unknown_field", ""),
        ("an unknown field in a colleague", edited(&|v| v["answers"]["registration"]["colleagues"] = serde_json::json!([{"name": "Jordi", "email": "j@example.org", "phone": "+34"}])), "answers.registration.colleagues.0.phone", "unknown_field", ""),
        ("an unknown field in a quote line", edited(&|v| v["quote"]["lines"][0]["note"] = serde_json::json!("x")), "quote.lines.0.note", "unknown_field", ""),
        ("a colleague's name as a number", edited(&|v| v["answers"]["registration"]["colleagues"] = serde_json::json!([{"name": 7}])), "answers.registration.colleagues.0.name", "invalid", "`7` does not fit the contract (expected a string)."),
        ("a membership that is not a code", edited(&|v| v["answers"]["organisation"]["member"] = serde_json::json!(true)), "answers.organisation.member", "invalid", "`true` does not fit the contract (expected one of yes, no, not_sure)."),
        ("a date that is not a date", edited(&|v| v["registration_date"] = serde_json::json!("2025-02-30")), "registration_date", "invalid", ""),
        ("people as text", edited(&|v| v["quote"]["people"] = serde_json::json!("one")), "quote.people", "invalid", "`\"one\"` does not fit the contract (expected a whole number)."),
    ];
    for (what, body, field, code, message) in rows {
        let err = Submission::from_json(&body).expect_err(what);
        assert_eq!((err.field.as_str(), err.code.as_str()), (field, code), "{what}: {err:?}");
        if !message.is_empty() {
            assert_eq!(err.message, message, "{what}");
        }
    }
    // Missing answers take their empty defaults (then `verify` says which are required).
    let sparse = edited(&|v| v["answers"] = serde_json::json!({ "key": v["idempotency_key"].clone() }));
    let sub = Submission::from_json(&sparse).expect("missing answers are empty");
    let errors = verify(&sub, &edition(), &countries(), submission_day()).expect_err("refused");
    assert_eq!((errors[0].field.as_str(), errors[0].code.as_str()), ("answers.about.first_name", "required"));
}

#[test]
fn answers_over_their_length_are_refused_with_the_limit() {
    let mut sub = valid_submission();
    sub.answers.registration.po_reference = "x".repeat(200 * 1024);
    sub.answers.about.surname = "L".repeat(101);
    let errors = verify(&sub, &edition(), &countries(), submission_day()).expect_err("refused");
    let pairs: Vec<(&str, &str, &str)> =
        errors.iter().map(|e| (e.field.as_str(), e.code.as_str(), e.message.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("answers.about.surname", "too_long", "This answer is longer than 100 characters."),
            ("answers.registration.po_reference", "too_long", "This answer is longer than 100 characters."),
        ]
    );
}

#[test]
fn every_error_code_has_its_own_code_and_a_sentence() {
    let codes = [
        ErrorCode::Required,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPhone,
        ErrorCode::InvalidYears,
        ErrorCode::TooLong { max: 3_000 },
        ErrorCode::TooManyWords { limit: 250 },
        ErrorCode::NoColleagues,
        ErrorCode::TooManyPeople { max: 50 },
        ErrorCode::MustAccept,
        ErrorCode::UnknownCountry,
    ];
    let described: Vec<(&str, String)> = codes.iter().map(|c| describe(*c)).collect();
    for (code, (name, message)) in codes.iter().zip(&described) {
        // The receiver's code is the app's own, so the app can word a 422 in the applicant's language.
        assert_eq!(code.code(), *name);
        assert_eq!(ErrorCode::from_code(name, "motivation.why", &edition()), Some(*code), "{name} read back");
        assert!(message.ends_with('.'), "{message}");
    }
    assert_eq!(described[5].1, "This answer has more than 250 words.");
    let e = ReceiverError::new("quote", "quote_mismatch", "x");
    assert_eq!(
        serde_json::to_string(&e).ok().as_deref(),
        Some(r#"{"field":"quote","code":"quote_mismatch","message":"x"}"#)
    );
}

#[test]
fn a_receivers_problem_with_an_answer_becomes_the_apps_own_error() {
    use metropolis_diploma::domain::application::FieldError;
    use metropolis_diploma::domain::submission::field_error;
    let e = edition();
    let fe = |field: &str, code: ErrorCode| Some(FieldError { field: field.into(), code });
    #[rustfmt::skip]
    let rows = [
        ("answers.about.email", "invalid_email", fe("about.email", ErrorCode::InvalidEmail)),
        ("answers.motivation.why", "too_many_words", fe("motivation.why", ErrorCode::TooManyWords { limit: 250 })),
        ("answers.motivation.project", "too_many_words", fe("motivation.project", ErrorCode::TooManyWords { limit: 200 })),
        ("answers.registration.colleagues", "too_many_people", fe("registration.colleagues", ErrorCode::TooManyPeople { max: e.fees.group_discount.max_size })),
        ("answers.about.first_name", "too_long", fe("about.first_name", ErrorCode::TooLong { max: 100 })),
        ("answers.registration.colleagues.3.email", "too_long", fe("registration.colleagues.3.email", ErrorCode::TooLong { max: 254 })),
        ("answers.about.email", "from_the_future", None),
        ("quote", "quote_mismatch", None),
        ("about.email", "invalid_email", None),
    ];
    for (field, code, expected) in rows {
        assert_eq!(field_error(&ReceiverError::new(field, code, "x"), &e), expected, "{field} {code}");
    }
}
