//! The submission contract: reading, and the receiver's checks (`domain::submission::verify`).

mod common;

use metropolis_diploma::domain::json::ToJson;

use common::{countries, edition, submission_of, valid_draft};
use metropolis_diploma::domain::application::{Colleague, ErrorCode, Membership};
use metropolis_diploma::domain::submission::{describe, is_uuid, verify, ReceiverError, Submission};

/// A submission of `valid_draft()` on 2025-09-01, with the quote the app computes.
fn valid_submission() -> Submission {
    submission_of(valid_draft())
}

fn check(sub: &Submission) -> Result<(), Vec<(String, String)>> {
    verify(sub, &edition(), &countries())
        .map(|_| ())
        .map_err(|errors| errors.into_iter().map(|e| (e.field, e.code)).collect())
}

fn fails_with(sub: &Submission, field: &str, code: &str) {
    let errors = check(sub).expect_err("the submission should be refused");
    assert!(errors.iter().any(|(f, c)| f == field && c == code), "expected {field}/{code} among {errors:?}");
}

#[test]
fn a_valid_submission_is_accepted_with_the_same_price() {
    let sub = valid_submission();
    let application = verify(&sub, &edition(), &countries()).expect("accepted");
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
fn the_time_must_be_utc_rfc3339_and_match_the_registration_date() {
    for bad in ["", "2025-09-01", "2025-09-01T10:00:00+02:00", "yesterday"] {
        let mut sub = valid_submission();
        sub.submitted_at = bad.into();
        fails_with(&sub, "submitted_at", "invalid_timestamp");
    }
    let mut sub = valid_submission();
    sub.submitted_at = "2025-09-02T01:00:00Z".into();
    assert_eq!(check(&sub), Ok(()), "one day apart is a time zone");
    sub.submitted_at = "2025-09-05T10:00:00.000Z".into();
    fails_with(&sub, "registration_date", "date_mismatch");
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
    let errors = verify(&sub, &edition(), &countries()).expect_err("refused");
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
    let text = valid_submission().to_json().to_pretty();
    let err = Submission::from_json("{ not json").unwrap_err();
    assert_eq!((err.field.as_str(), err.code.as_str()), ("body", "invalid_json"));

    let bad_amount = text.replacen("\"total\": \"330.00\"", "\"total\": 330", 1);
    let err = Submission::from_json(&bad_amount).unwrap_err();
    assert_eq!((err.field.as_str(), err.code.as_str()), ("quote.total", "invalid"));

    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value.as_object_mut().unwrap().remove("locale");
    let err = Submission::from_json(&serde_json::to_string_pretty(&value).unwrap()).unwrap_err();
    assert_eq!((err.field.as_str(), err.code.as_str()), ("locale", "missing"));

    let unknown = text.replacen("\"locale\"", "\"extra\": 1,\n  \"locale\"", 1);
    let err = Submission::from_json(&unknown).unwrap_err();
    assert_eq!((err.field.as_str(), err.code.as_str()), ("extra", "unknown_field"));

    let colleague = text.replacen("\"colleagues\": []", "\"colleagues\": [{\"name\": 7}]", 1);
    assert_ne!(colleague, text, "the fixture has an empty colleague list");
    let err = Submission::from_json(&colleague).unwrap_err();
    assert_eq!((err.field.as_str(), err.code.as_str()), ("answers.registration.colleagues.0.name", "invalid"));
    assert_eq!(err.message, "`7` does not fit the contract (expected a string).");

    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let err = Submission::from_json(&deep).unwrap_err();
    assert_eq!((err.field.as_str(), err.code.as_str()), ("body", "invalid_json"));
}

#[test]
fn every_error_code_has_its_own_code_and_a_sentence() {
    let codes = [
        ErrorCode::Required,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPhone,
        ErrorCode::InvalidYears,
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
        assert_eq!(ErrorCode::from_code(name, 250, 50), Some(*code), "{name} read back");
        assert!(message.ends_with('.'), "{message}");
    }
    assert_eq!(described[4].1, "This answer has more than 250 words.");
    let e = ReceiverError::new("quote", "quote_mismatch", "x");
    assert_eq!(e.to_json().to_text(), r#"{"field":"quote","code":"quote_mismatch","message":"x"}"#);
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
        ("answers.about.email", "from_the_future", None),
        ("quote", "quote_mismatch", None),
        ("about.email", "invalid_email", None),
    ];
    for (field, code, expected) in rows {
        assert_eq!(field_error(&ReceiverError::new(field, code, "x"), &e), expected, "{field} {code}");
    }
}
