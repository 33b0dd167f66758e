//! The hand-written JSON reader and writer (src/domain/json.rs), checked against serde_json.

use metropolis_diploma::domain::json::{parse, Json, JsonError, Problem, MAX_DEPTH};
use proptest::prelude::*;

fn syntax(line: usize, column: usize) -> Result<Json, JsonError> {
    Err(JsonError { path: String::new(), problem: Problem::Syntax { line, column } })
}

#[test]
fn parses_what_rfc_8259_allows() {
    let s = |t: &str| Json::String(t.to_owned());
    let n = |t: &str| Json::Number(t.to_owned());
    #[rustfmt::skip]
    let rows: Vec<(&str, Json)> = vec![
        ("null", Json::Null),
        (" true ", Json::Bool(true)),
        ("false", Json::Bool(false)),
        ("0", n("0")),
        ("-12.50e+3", n("-12.50e+3")),
        ("1E-2", n("1E-2")),
        (r#""""#, s("")),
        (r#""a\"b\\c\/d\n\t\r\b\f""#, s("a\"b\\c/d\n\t\r\u{8}\u{c}")),
        (r#""\u00e9\u20AC""#, s("é€")),
        (r#""\ud83d\ude00""#, s("😀")),
        ("\"Barcelona · 17–21\"", s("Barcelona · 17–21")),
        ("[]", Json::Array(vec![])),
        ("[1, [2], {}]", Json::Array(vec![n("1"), Json::Array(vec![n("2")]), Json::Object(vec![])])),
        (r#"{"b": 1, "a": null}"#, Json::Object(vec![("b".into(), n("1")), ("a".into(), Json::Null)])),
    ];
    for (text, expected) in rows {
        assert_eq!(parse(text), Ok(expected), "parse({text:?})");
    }
}

#[test]
fn refuses_what_it_does_not_allow_with_the_place() {
    #[rustfmt::skip]
    let rows: &[(&str, usize, usize)] = &[
        ("", 1, 1),
        ("nul", 1, 1),
        ("01", 1, 2),
        ("1.", 1, 3),
        ("-", 1, 2),
        ("+1", 1, 1),
        (".5", 1, 1),
        ("1 2", 1, 3),
        ("[1,]", 1, 4),
        ("{\"a\" 1}", 1, 6),
        ("{\"a\": 1,}", 1, 9),
        ("{a: 1}", 1, 2),
        ("\"tab\tinside\"", 1, 5),
        ("\"\\x\"", 1, 3),
        ("\"\\ud83d\"", 1, 8),
        ("\"unterminated", 1, 14),
        ("{\"a\": 1, \"a\": 2}", 1, 10),
        ("[\n  1,\n  é\n]", 3, 3),
    ];
    for &(text, line, column) in rows {
        assert_eq!(parse(text), syntax(line, column), "parse({text:?})");
    }
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok(), "{MAX_DEPTH} levels");
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 2), "]".repeat(MAX_DEPTH + 2));
    assert_eq!(parse(&deep), Err(JsonError { path: String::new(), problem: Problem::TooDeep }));
    let huge = "[".repeat(1_000_000);
    assert!(parse(&huge).is_err(), "a million open brackets");
}

#[test]
fn writes_compact_and_pretty_text() {
    let v = parse(r#"{"a": [1, "x\n\u0001"], "b": {}, "c": []}"#).expect("parses");
    assert_eq!(v.to_text(), r#"{"a":[1,"x\n\u0001"],"b":{},"c":[]}"#);
    assert_eq!(v.to_pretty(), "{\n  \"a\": [\n    1,\n    \"x\\n\\u0001\"\n  ],\n  \"b\": {},\n  \"c\": []\n}");
}

/// Any JSON value serde_json can write.
fn value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as V;
    let leaf = prop_oneof![
        Just(V::Null),
        any::<bool>().prop_map(V::Bool),
        any::<i64>().prop_map(V::from),
        // Decimals short enough for serde_json to read back exactly (it may be 1 ulp off on long ones).
        (-1_000_000i64..1_000_000, 0u32..1000)
            .prop_map(|(i, f)| V::from(format!("{i}.{f:03}").parse::<f64>().unwrap_or(0.0))),
        "\\PC{0,12}".prop_map(V::String),
        any::<String>().prop_map(V::String),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(V::Array),
            prop::collection::btree_map("[a-z_]{0,6}", inner, 0..6).prop_map(|m| V::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Whatever serde_json writes, this reader reads, and writes back to text serde_json reads as the same value.
    #[test]
    fn agrees_with_serde_json(v in value()) {
        for text in [serde_json::to_string(&v).expect("writes"), serde_json::to_string_pretty(&v).expect("writes")] {
            let ours = parse(&text).map_err(|e| format!("{e:?}"));
            prop_assert!(ours.is_ok(), "parse({}) = {:?}", text, ours);
            let ours = ours.unwrap_or(Json::Null);
            for back in [ours.to_text(), ours.to_pretty()] {
                let theirs: serde_json::Value = serde_json::from_str(&back).expect("serde_json reads our text");
                prop_assert_eq!(&theirs, &v, "{} → {}", text, back);
            }
        }
    }

    /// Arbitrary text never panics; when serde_json refuses it, so does this reader.
    #[test]
    fn never_panics_and_refuses_what_serde_json_refuses(text in "[\\[\\]{}\",:0-9a-z.eE+\\-\\\\ ]{0,24}") {
        let ours = parse(&text);
        if serde_json::from_str::<serde_json::Value>(&text).is_err() {
            prop_assert!(ours.is_err(), "parse({:?}) = {:?}", text, ours);
        }
    }
}
