//! The deployment configuration: the default file, and each problem named by its field.

use metropolis_diploma::domain::config::{Config, ConfigError};
use metropolis_diploma::domain::document::{Expected, Problem};
use metropolis_diploma::domain::edition::Contact;

const CONFIG_JSON: &str = include_str!("../public/config.json");

#[test]
fn the_default_file_posts_to_the_reference_receiver() {
    let c = Config::from_json(CONFIG_JSON).expect("public/config.json is valid");
    assert_eq!(c.submission.endpoint, "api/applications");
    assert_eq!(c.submission.timeout_seconds, 15);
    assert!(c.embed.allowed_origins.is_empty());
    assert_eq!(c.contact, Contact::default(), "no contact address in the shipped file");
    let edition = Contact { email: Some("a@example.org".into()), reservation_email: Some("b@example.org".into()) };
    assert_eq!(c.contact(&edition), edition, "no overrides");
    assert_eq!(c.contact(&Contact::default()), Contact::default(), "no address anywhere");
}

#[test]
fn overrides_and_origins_are_read() {
    let c = Config::from_json(
        r#"{"schema":1,"submission":{"endpoint":"https://intake.example.org/api/applications","timeout_seconds":30},
            "embed":{"allowed_origins":["https://www.example.org","http://localhost:4174"]},
            "contact":{"email":"info@example.org","reservation_email":null}}"#,
    )
    .expect("valid");
    assert_eq!(
        c.embed.allowed_origins.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
        ["https://www.example.org", "http://localhost:4174"]
    );
    let edition = Contact { email: Some("a@example.org".into()), reservation_email: Some("b@example.org".into()) };
    let contact = c.contact(&edition);
    assert_eq!(
        (contact.email.as_deref(), contact.reservation_email.as_deref()),
        (Some("info@example.org"), Some("b@example.org"))
    );
    let only_config = c.contact(&Contact::default());
    assert_eq!((only_config.email.as_deref(), only_config.reservation_email), (Some("info@example.org"), None));
}

#[test]
fn the_build_names_each_contact_address_nobody_gives() {
    let shipped = Config::from_json(include_str!("../public/config.json")).expect("the shipped file");
    let given = |email: Option<&str>, reservation: Option<&str>| Contact {
        email: email.map(str::to_owned),
        reservation_email: reservation.map(str::to_owned),
    };
    let cases = [
        ("none anywhere", given(None, None), vec!["contact.email", "contact.reservation_email"]),
        ("the edition gives the email", given(Some("a@example.org"), None), vec!["contact.reservation_email"]),
        ("the edition gives both", given(Some("a@example.org"), Some("b@example.org")), vec![]),
    ];
    for (what, edition, missing) in cases {
        assert_eq!(shipped.missing_contacts(&edition), missing, "{what}");
    }
}

#[test]
fn each_problem_names_its_field() {
    let with = |sub: &str, rest: &str| format!(r#"{{"schema":1,"submission":{sub}{rest}}}"#);
    #[rustfmt::skip]
    let rows: Vec<(&str, String, &str)> = vec![
        ("not JSON", "{".into(), ""),
        ("schema 2", r#"{"schema":2,"submission":{"endpoint":"x"}}"#.into(), "schema"),
        ("no submission", r#"{"schema":1}"#.into(), "submission"),
        ("no endpoint", with("{}", ""), "submission.endpoint"),
        ("empty endpoint", with(r#"{"endpoint":" "}"#, ""), "submission.endpoint"),
        ("ftp endpoint", with(r#"{"endpoint":"ftp://x.org/a"}"#, ""), "submission.endpoint"),
        ("scheme-relative endpoint", with(r#"{"endpoint":"//x.org/a"}"#, ""), "submission.endpoint"),
        ("endpoint with a space", with(r#"{"endpoint":"api/app lications"}"#, ""), "submission.endpoint"),
        ("timeout 0", with(r#"{"endpoint":"a","timeout_seconds":0}"#, ""), "submission.timeout_seconds"),
        ("timeout 600", with(r#"{"endpoint":"a","timeout_seconds":600}"#, ""), "submission.timeout_seconds"),
        ("timeout as text", with(r#"{"endpoint":"a","timeout_seconds":"15"}"#, ""), "submission.timeout_seconds"),
        ("bad origin", with(r#"{"endpoint":"a"}"#, r#","embed":{"allowed_origins":["https://ok.org","https://x.org/path"]}"#), "embed.allowed_origins.1"),
        ("wildcard origin", with(r#"{"endpoint":"a"}"#, r#","embed":{"allowed_origins":["*"]}"#), "embed.allowed_origins.0"),
        ("bad contact email", with(r#"{"endpoint":"a"}"#, r#","contact":{"email":"nope"}"#), "contact.email"),
        ("unknown top-level key", with(r#"{"endpoint":"a"}"#, r#","endpoint":"b""#), "endpoint"),
        ("unknown submission key", with(r#"{"endpoint":"a","retries":3}"#, ""), "submission.retries"),
        ("unknown contact key", with(r#"{"endpoint":"a"}"#, r#","contact":{"phone":"+34"}"#), "contact.phone"),
        ("schema twice", r#"{"schema":1,"schema":1,"submission":{"endpoint":"a"}}"#.into(), "schema"),
    ];
    for (what, text, field) in rows {
        let err = Config::from_json(&text).expect_err(what);
        assert_eq!(err.field(), field, "{what}: {err:?}");
    }
    // An origin that is not one says what an origin is.
    let err = Config::from_json(&with(r#"{"endpoint":"a"}"#, r#","embed":{"allowed_origins":["*"]}"#));
    assert_eq!(
        err.map_err(|e| match e {
            ConfigError::Format(d) => d.problem,
            other => panic!("{other:?}"),
        }),
        Err(Problem::invalid(Expected::Origin, "\"*\""))
    );
    assert!(
        matches!(Config::from_json("{").unwrap_err(), ConfigError::Format(e) if matches!(e.problem, Problem::Syntax { .. }))
    );
}
