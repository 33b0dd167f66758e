//! The one classification of serde errors (`domain::document::classify`, through `from_json`):
//! every kind of problem, with the dotted path of the field and what was expected, on small
//! documents of the same shapes as the product's (strict objects, lists, codes, amounts, dates).

use chrono::NaiveDate;
use metropolis_diploma::domain::application::Membership;
use metropolis_diploma::domain::dates::iso_date;
use metropolis_diploma::domain::document::{
    from_json, from_value, peek_schema, to_pretty, to_text, DocumentError, Expected, Problem,
};
use metropolis_diploma::domain::money::{Money, Percent};
use serde::{Deserialize, Serialize};
use std::fmt::Debug;

/// A small document with every kind of field the product's documents have.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    name: String,
    count: u32,
    flag: bool,
    #[serde(default)]
    items: Vec<Item>,
    #[serde(default)]
    member: Option<Membership>,
    #[serde(default)]
    fee: Option<Money>,
    #[serde(default)]
    share: Option<Percent>,
    /// Any JSON, as the notes of a quote are buffered: deep nesting reaches serde_json's limit here.
    #[serde(default)]
    meta: Option<serde_json::Value>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    #[serde(with = "iso_date")]
    day: NaiveDate,
    #[serde(default)]
    tags: Vec<String>,
}

const OK: &str = r#"{"name": "a", "count": 1, "flag": true}"#;

/// `OK` with `extra` members added inside its object.
fn with(extra: &str) -> String {
    format!(r#"{{"name": "a", "count": 1, "flag": true, {extra}}}"#)
}

fn err<T: Debug + for<'de> Deserialize<'de>>(what: &str, text: &str) -> DocumentError {
    match from_json::<T>(text) {
        Ok(v) => panic!("{what}: {text} was read as {v:?}"),
        Err(e) => e,
    }
}

fn codes(list: &[&str]) -> Expected {
    Expected::OneOf(list.iter().map(|s| (*s).to_owned()).collect())
}

#[test]
fn every_serde_error_gets_a_path_and_a_code() {
    let syntax = |line, column| Problem::Syntax { line, column };
    let invalid = Problem::invalid;
    let membership = codes(&["yes", "no", "not_sure"]);
    // (description, text, path, problem)
    #[rustfmt::skip]
    let rows: Vec<(&str, String, &str, Problem)> = vec![
        // Syntax: the place where reading stopped, 1-based.
        ("empty text", String::new(), "", syntax(1, 1)),
        ("a bare word", "hello".into(), "", syntax(1, 1)),
        ("an unclosed object on line 3", "{\n  \"name\": \"a\",\n  \"count\": 1".into(), "", syntax(3, 12)),
        ("a trailing comma", "{\"name\": \"a\",}".into(), "", syntax(1, 14)),
        ("text after the document", format!("{OK} x"), "", syntax(1, 41)),
        ("a control character in a string", "{\"name\": \"a\tb\"}".into(), "", syntax(1, 12)),
        ("a number out of range", with(r#""fee": 1e400"#), "", syntax(1, 52)),
        ("nested beyond serde_json's limit", with(&format!(r#""meta": {}{}"#, "[".repeat(200), "]".repeat(200))), "", Problem::TooDeep),
        // Fields: the field itself is named, at any depth.
        ("a missing field", r#"{"name": "a", "flag": true}"#.into(), "count", Problem::Missing),
        ("a missing field in a list item", with(r#""items": [{"day": "2025-01-01"}, {}]"#), "items.1.day", Problem::Missing),
        ("an unknown field", with(r#""colour": "red""#), "colour", Problem::Unknown),
        ("an unknown field in a list item", with(r#""items": [{"day": "2025-01-01", "size": 2}]"#), "items.0.size", Problem::Unknown),
        ("an unknown field named like a field above", with(r#""items": [{"day": "2025-01-01", "name": "x"}]"#), "items.0.name", Problem::Unknown),
        ("a field twice", with(r#""name": "b""#), "name", Problem::Duplicate),
        ("a field twice in a list item", with(r#""items": [{"day": "2025-01-01", "day": "2025-01-02"}]"#), "items.0.day", Problem::Duplicate),
        // Values: what was found and what was expected.
        ("text expected, number found", r#"{"name": 7, "count": 1, "flag": true}"#.into(), "name", invalid(Expected::Text, "7")),
        ("text expected, null found", r#"{"name": null, "count": 1, "flag": true}"#.into(), "name", invalid(Expected::Text, "null")),
        ("whole number expected, text found", r#"{"name": "a", "count": "1", "flag": true}"#.into(), "count", invalid(Expected::WholeNumber, "\"1\"")),
        ("whole number expected, negative found", r#"{"name": "a", "count": -1, "flag": true}"#.into(), "count", invalid(Expected::WholeNumber, "-1")),
        ("whole number expected, fraction found", r#"{"name": "a", "count": 1.5, "flag": true}"#.into(), "count", invalid(Expected::WholeNumber, "1.5")),
        ("whole number expected, too large", r#"{"name": "a", "count": 4294967296, "flag": true}"#.into(), "count", invalid(Expected::WholeNumber, "4294967296")),
        ("boolean expected, text found", r#"{"name": "a", "count": 1, "flag": "yes"}"#.into(), "flag", invalid(Expected::Boolean, "\"yes\"")),
        ("list expected, object found", with(r#""items": {}"#), "items", invalid(Expected::List, "{…}")),
        ("object expected, text found", with(r#""items": ["2025-01-01"]"#), "items.0", invalid(Expected::Object, "\"2025-01-01\"")),
        ("object expected, empty list found", with(r#""items": [[]]"#), "items.0", invalid(Expected::Object, "[…]")),
        ("the document is not an object", "[]".into(), "", invalid(Expected::Object, "[…]")),
        ("the document is a number", "5".into(), "", invalid(Expected::Object, "5")),
        ("a date that is not one", with(r#""items": [{"day": "2025-02-30"}]"#), "items.0.day", invalid(Expected::Date, "\"2025-02-30\"")),
        ("a date with spaces", with(r#""items": [{"day": " 2025-01-01"}]"#), "items.0.day", invalid(Expected::Date, "\" 2025-01-01\"")),
        ("a date as a number", with(r#""items": [{"day": 20250101}]"#), "items.0.day", invalid(Expected::Date, "20250101")),
        ("a code that does not exist", with(r#""member": "maybe""#), "member", invalid(membership.clone(), "\"maybe\"")),
        ("a code as a boolean", with(r#""member": true"#), "member", invalid(membership, "true")),
        ("an amount not canonical", with(r#""fee": "330""#), "fee", invalid(Expected::Amount, "\"330\"")),
        ("an amount as a number", with(r#""fee": 330.00"#), "fee", invalid(Expected::Amount, "330.0")),
        ("a percentage not canonical", with(r#""share": "08""#), "share", invalid(Expected::Percent, "\"08\"")),
        ("a long value is shortened", format!(r#"{{"name": "{}", "count": 1, "flag": true, "share": "{}"}}"#, "a", "9".repeat(60)), "share",
            invalid(Expected::Percent, &format!("\"{}…", "9".repeat(38)))),
    ];
    for (what, text, path, problem) in rows {
        assert_eq!(err::<Doc>(what, &text), DocumentError::new(path, problem), "{what}: {text}");
    }
    assert!(from_json::<Doc>(OK).is_ok(), "the base document reads");
    // serde also reads a struct from the list of its fields in order: the one leniency of derived
    // readers. What is written, and what a receiver stores, is always the object.
    let positional = from_json::<Doc>(&with(r#""items": [["2025-01-01", ["t"]]]"#)).expect("read");
    assert!(to_text(&positional).contains(r#""items":[{"day":"2025-01-01","tags":["t"]}]"#));
}

#[test]
fn errors_from_a_parsed_value_are_classified_the_same() {
    // Drafts are migrated as values before they are read: their errors have paths and codes too.
    let value = serde_json::json!({ "name": "a", "count": "x", "flag": true });
    assert_eq!(
        from_value::<Doc>(value),
        Err(DocumentError::new("count", Problem::invalid(Expected::WholeNumber, "\"x\"")))
    );
    let value =
        serde_json::json!({ "name": "a", "count": 1, "flag": true, "items": [{ "day": "2025-01-01", "x": 1 }] });
    assert_eq!(from_value::<Doc>(value), Err(DocumentError::new("items.0.x", Problem::Unknown)));
    let value = serde_json::json!({ "name": "a", "flag": true });
    assert_eq!(from_value::<Doc>(value), Err(DocumentError::new("count", Problem::Missing)));
}

#[test]
fn the_schema_is_read_before_the_document() {
    // (text, schema found)
    let rows: &[(&str, Result<Option<u64>, DocumentError>)] = &[
        (r#"{"schema": 2, "anything": [1, {"x": null}]}"#, Ok(Some(2))),
        (r#"{"other": 1}"#, Ok(None)),
        (r#"{"schema": "1"}"#, Ok(None)),
        ("{\"schema\": 1,", Err(DocumentError::new("", Problem::Syntax { line: 1, column: 13 }))),
        (r#"{"schema": 1, "schema": 2}"#, Err(DocumentError::new("schema", Problem::Duplicate))),
    ];
    for (text, expected) in rows {
        assert_eq!(&peek_schema(text), expected, "{text}");
    }
}

#[test]
fn documents_are_written_as_compact_or_indented_text() {
    let doc = Doc {
        name: "Zoë \"Z\"\n".into(),
        count: 2,
        flag: false,
        items: vec![Item { day: NaiveDate::from_ymd_opt(2025, 11, 17).expect("a date"), tags: vec![] }],
        member: Some(Membership::NotSure),
        fee: Some("607.20".parse().expect("an amount")),
        share: None,
        meta: None,
    };
    assert_eq!(
        to_text(&doc),
        r#"{"name":"Zoë \"Z\"\n","count":2,"flag":false,"items":[{"day":"2025-11-17","tags":[]}],"member":"not_sure","fee":"607.20","share":null,"meta":null}"#
    );
    assert!(to_pretty(&doc).starts_with("{\n  \"name\": \"Zoë"), "{}", to_pretty(&doc));
    assert_eq!(from_json::<Doc>(&to_pretty(&doc)), Ok(doc), "read back");
}

#[test]
fn the_english_descriptions_name_the_form() {
    // For logs and the receiver's messages; the interface words them through the catalogues.
    let rows = [
        (Expected::Amount, "an amount as a string with two decimals, e.g. \"660.00\""),
        (Expected::Items(2), "a list of 2 items"),
        (codes(&["L", "LM"]), "one of L, LM"),
        (Expected::Other("something odd".into()), "something odd"),
    ];
    for (expected, text) in rows {
        assert_eq!(expected.to_string(), text, "{expected:?}");
    }
    let e = DocumentError::new("fees.list_fee", Problem::invalid(Expected::Amount, "\"abc\""));
    assert_eq!(
        e.to_string(),
        "fees.list_fee: `\"abc\"` is not an amount as a string with two decimals, e.g. \"660.00\""
    );
}
