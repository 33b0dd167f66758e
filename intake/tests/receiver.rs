//! The receiver end to end in process: the router over a real SQLite file in a temporary folder.

mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use intake::accept::{examine, Refusal, Rules};
use intake::app;
use intake::db::Db;
use metropolis_diploma::domain::application::{Colleague, MAX_LEN};
use metropolis_diploma::domain::money::{Money, Percent};
use metropolis_diploma::domain::submission::{ReceiverError, Submission};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use support::common::submission_of;
use support::{
    json_of, list, pair, post, post_json, receiver, send, state, stored, valid_draft, valid_submission, TempDir, KEY,
    TOKEN,
};

const SCHEMA: &str = include_str!("../schema/application-v1.schema.json");

#[tokio::test]
async fn a_valid_application_is_stored_with_a_reference() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let reply = send(&app, post_json(&valid_submission(KEY))).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json");
    let reference = reply.reference();
    assert_eq!(reference.len(), "MD25-XXXXXX".len(), "{reference}");
    assert!(reference.starts_with("MD25-"), "{reference}");
    assert!(reference[5..].chars().all(|c| c.is_ascii_digit() || "ABCDEFGHJKMNPQRSTVWXYZ".contains(c)), "{reference}");

    let rows = stored(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["reference"], reference.as_str());
    assert_eq!(rows[0]["idempotency_key"], KEY);
    assert_eq!(rows[0]["submission"]["quote"]["total"], "330.00");
    assert!(rows[0]["received_at"].as_str().unwrap().ends_with('Z'));
    assert!(dir.db().exists());
    assert_eq!(Db::open(&dir.db()).unwrap().journal_mode().unwrap(), "wal");
}

#[tokio::test]
async fn the_same_key_and_body_again_returns_the_first_reference() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let sub = valid_submission(KEY);
    let first = send(&app, post_json(&sub)).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = send(&app, post_json(&sub)).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.reference(), first.reference());
    // The same content written differently (indentation) is the same body.
    let pretty = send(&app, post(Some(KEY), serde_json::to_string_pretty(&sub).unwrap())).await;
    assert_eq!((pretty.status, pretty.reference()), (StatusCode::OK, first.reference()));
    assert_eq!(stored(&app).await.len(), 1);
}

#[tokio::test]
async fn concurrent_sends_of_one_application_store_one_row() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let sub = valid_submission(KEY);
    let (a, b, c) = tokio::join!(send(&app, post_json(&sub)), send(&app, post_json(&sub)), send(&app, post_json(&sub)));
    let mut statuses = vec![a.status, b.status, c.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::OK, StatusCode::CREATED]);
    assert!(a.reference() == b.reference() && b.reference() == c.reference());
    assert_eq!(stored(&app).await.len(), 1);
}

#[tokio::test]
async fn the_same_key_with_another_body_is_a_conflict() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    assert_eq!(send(&app, post_json(&valid_submission(KEY))).await.status, StatusCode::CREATED);
    let mut other = valid_submission(KEY);
    other.answers.about.first_name = "Anna".into();
    let reply = send(&app, post_json(&other)).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("idempotency_key", "key_reused")]);
    let rows = stored(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["submission"]["answers"]["about"]["first_name"], "Ana María");
}

#[tokio::test]
async fn a_quote_that_is_not_the_fee_engines_is_refused() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let mut sub = valid_submission(KEY);
    sub.quote.per_person = "1.00".parse().unwrap();
    sub.quote.total = "1.00".parse().unwrap();
    let reply = send(&app, post_json(&sub)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("quote", "quote_mismatch")]);
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn the_body_is_one_object_read_by_the_contract() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let body = json_of(&valid_submission(KEY));
    let cases = [
        // A list is not read as the fields in order, as serde would.
        (serde_json::to_string(&[&body]).unwrap(), StatusCode::UNPROCESSABLE_ENTITY, pair("body", "invalid")),
        ("\"text\"".to_owned(), StatusCode::UNPROCESSABLE_ENTITY, pair("body", "invalid")),
        // A field given twice is not JSON the contract can read.
        (body.replacen("{", "{\"locale\":\"fr\",", 1), StatusCode::BAD_REQUEST, pair("body", "invalid_json")),
        (
            body.replacen("\"schema_version\":1,", "", 1),
            StatusCode::UNPROCESSABLE_ENTITY,
            pair("schema_version", "missing"),
        ),
        (body.replacen("{", "{\"extra\":1,", 1), StatusCode::UNPROCESSABLE_ENTITY, pair("extra", "unknown_field")),
        (format!("{body} {{}}"), StatusCode::BAD_REQUEST, pair("body", "invalid_json")),
    ];
    for (text, status, error) in cases {
        let reply = send(&app, post(Some(KEY), text.clone())).await;
        assert_eq!(reply.status, status, "{text:.80}: {}", reply.text);
        assert_eq!(reply.errors(), [error], "{text:.80}");
    }
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn invalid_answers_are_refused_with_their_field_paths() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let mut sub = valid_submission(KEY);
    sub.answers.about.email = "not an address".into();
    sub.answers.organisation.country = Some("XXX".into());
    sub.answers.declarations.truthful = false;
    let reply = send(&app, post_json(&sub)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
    assert_eq!(
        reply.errors(),
        [
            pair("answers.about.email", "invalid_email"),
            pair("answers.organisation.country", "unknown_country"),
            pair("answers.declarations.truthful", "must_accept"),
        ]
    );
    // A value of the wrong type is named by its path too.
    let text = json_of(&valid_submission(KEY)).replace("\"people\":1", "\"people\":\"one\"");
    let reply = send(&app, post(Some(KEY), text)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("quote.people", "invalid")]);
    // Another edition.
    let mut sub = valid_submission(KEY);
    sub.edition = "2024-2".into();
    assert_eq!(send(&app, post_json(&sub)).await.errors(), [pair("edition", "unknown_edition")]);
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn a_body_over_256_kib_is_refused_with_413() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let mut sub = valid_submission(KEY);
    sub.answers.registration.po_reference = "x".repeat(300 * 1024);
    let reply = send(&app, post_json(&sub)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("body", "too_large")]);
    // Without a Content-Length (a stream), too.
    let chunks: Vec<Result<String, std::io::Error>> = vec![Ok("x".repeat(200 * 1024)), Ok("x".repeat(200 * 1024))];
    let reply = send(&app, post(Some(KEY), Body::new(futures_stream(chunks)))).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", reply.text);
    // Just under the limit is read, and then judged on its content: no answer is that long.
    let mut sub = valid_submission(KEY);
    sub.answers.registration.po_reference = "x".repeat(200 * 1024);
    let reply = send(&app, post_json(&sub)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("answers.registration.po_reference", "too_long")]);
}

/// A body stream from chunks, without pulling in a streams crate.
fn futures_stream(
    chunks: Vec<Result<String, std::io::Error>>,
) -> impl axum::body::HttpBody<Data = axum::body::Bytes, Error = std::io::Error> + Send + 'static {
    struct Chunks(std::collections::VecDeque<Result<String, std::io::Error>>);
    impl axum::body::HttpBody for Chunks {
        type Data = axum::body::Bytes;
        type Error = std::io::Error;
        fn poll_frame(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
            std::task::Poll::Ready(self.0.pop_front().map(|c| c.map(|s| http_body::Frame::data(s.into()))))
        }
    }
    Chunks(chunks.into())
}

#[tokio::test]
async fn the_idempotency_key_header_is_required_and_must_match() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let body = json_of(&valid_submission(KEY));
    let reply = send(&app, post(None, body.clone())).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("Idempotency-Key", "required")]);
    let reply = send(&app, post(Some("00000000-0000-4000-8000-000000000000"), body)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("idempotency_key", "key_mismatch")]);
    let reply = send(&app, post(Some(KEY), "{ not json")).await;
    assert_eq!((reply.status, reply.errors()), (StatusCode::BAD_REQUEST, vec![pair("body", "invalid_json")]));
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn listing_needs_the_token_and_gives_json_or_csv() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let mut draft = valid_draft(KEY);
    draft.about.first_name = "=Ana".into();
    draft.organisation.name = "Barcelona, City Council".into();
    let reference = send(&app, post_json(&submission_of(draft))).await.reference();

    for auth in [None, Some("Bearer wrong"), Some(TOKEN), Some("Basic czNjcmV0LXRva2Vu")] {
        let reply = send(&app, list(auth, "", None)).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{auth:?}");
        assert_eq!(reply.headers[header::WWW_AUTHENTICATE], "Bearer");
        assert_eq!(reply.errors(), [pair("Authorization", "unauthorized")]);
    }
    let bearer = format!("Bearer {TOKEN}");
    let reply = send(&app, list(Some(&bearer), "", None)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()[0]["reference"], reference.as_str());

    let expected = format!(
        "reference,received_at,key,name,email,organisation,country,member,people,per_person,total\r\n\
         {reference},RECEIVED,{KEY},'=Ana López,ana@example.org,\"Barcelona, City Council\",ESP,yes,1,330.00,330.00\r\n"
    );
    let received = reply.json()[0]["received_at"].as_str().unwrap().to_owned();
    for (query, accept) in [("?format=csv", None), ("", Some("text/csv")), ("?format=CSV", Some("application/json"))] {
        let reply = send(&app, list(Some(&bearer), query, accept)).await;
        assert_eq!(reply.status, StatusCode::OK, "{query} {accept:?}");
        assert_eq!(reply.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(reply.text, expected.replace("RECEIVED", &received));
    }
    let reply = send(&app, list(Some(&bearer), "?format=json", Some("text/csv"))).await;
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json");
    let reply = send(&app, list(Some(&bearer), "?format=xml", None)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn without_a_configured_token_listing_is_always_refused() {
    let dir = TempDir::new();
    let app = app(state(&dir, None, &[]));
    for auth in [None, Some("Bearer "), Some("Bearer s3cret-token")] {
        assert_eq!(send(&app, list(auth, "", None)).await.status, StatusCode::UNAUTHORIZED, "{auth:?}");
    }
}

#[tokio::test]
async fn applications_and_idempotency_survive_a_restart() {
    let dir = TempDir::new();
    let sub = valid_submission(KEY);
    let other = valid_submission("6b1d4c8e-0b6f-4a57-9d2e-3f0c2a9e4c31");
    let (first, second) = {
        let app = receiver(&dir);
        let first = send(&app, post_json(&sub)).await.reference();
        let second = send(&app, post_json(&other)).await.reference();
        (first, second)
    }; // the router, the state and the connection are dropped here

    let app = receiver(&dir);
    let rows = stored(&app).await;
    let references: Vec<&str> = rows.iter().map(|r| r["reference"].as_str().unwrap()).collect();
    assert_eq!(references, [first.as_str(), second.as_str()]);
    let again = send(&app, post_json(&sub)).await;
    assert_eq!((again.status, again.reference()), (StatusCode::OK, first));
    let mut changed = sub.clone();
    changed.answers.about.surname = "Lopez".into();
    assert_eq!(send(&app, post_json(&changed)).await.status, StatusCode::CONFLICT);
    assert_eq!(stored(&app).await.len(), 2);
}

#[tokio::test]
async fn cors_headers_only_for_configured_origins() {
    let dir = TempDir::new();
    let app = app(state(&dir, Some(TOKEN), &["https://www.metropolis.org", "http://127.0.0.1:8080"]));
    let preflight = |origin: &str| {
        Request::options("/api/applications")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type,idempotency-key")
            .body(Body::empty())
            .unwrap()
    };
    let reply = send(&app, preflight("https://www.metropolis.org")).await;
    assert!(reply.status.is_success(), "{}", reply.status);
    assert_eq!(reply.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "https://www.metropolis.org");
    let allowed = reply.headers[header::ACCESS_CONTROL_ALLOW_HEADERS].to_str().unwrap().to_ascii_lowercase();
    assert!(allowed.contains("idempotency-key"), "{allowed}");

    let reply = send(&app, preflight("https://evil.example")).await;
    assert!(reply.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());

    let mut request = post_json(&valid_submission(KEY));
    request.headers_mut().insert(header::ORIGIN, "http://127.0.0.1:8080".parse().unwrap());
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "http://127.0.0.1:8080");

    let mut request = post_json(&valid_submission(KEY));
    request.headers_mut().insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    let reply = send(&app, request).await;
    assert!(reply.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());

    // No configured origin: no CORS header for anyone (same origin through the trunk proxy).
    let dir = TempDir::new();
    let app = receiver(&dir);
    let reply = send(&app, preflight("https://www.metropolis.org")).await;
    assert!(reply.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

// ---------------------------------------------------------------------------------------------
// The JSON Schema file describes what the app sends: a small checker of the keywords it uses.

/// The schema a `$ref` names (`#/$defs/<name>` only).
fn definition<'a>(root: &'a Value, reference: &str) -> &'a Value {
    let name = reference.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("unsupported $ref {reference}"));
    &root["$defs"][name]
}

fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        other => panic!("unsupported type {other}"),
    }
}

/// Problems of `v` against `schema` (`$ref` and the keywords beside it, type, const, enum,
/// required, additionalProperties, properties, items, oneOf, minimum, minLength, maxLength,
/// pattern).
fn check(root: &Value, schema: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        check(root, definition(root, reference), v, path, out);
    }
    if let Some(t) = schema.get("type") {
        let ok = match t {
            Value::String(t) => type_matches(t, v),
            Value::Array(ts) => ts.iter().any(|t| type_matches(t.as_str().unwrap(), v)),
            _ => panic!("bad type at {path}"),
        };
        if !ok {
            out.push(format!("{path}: {v} is not {t}"));
            return;
        }
    }
    if let (Some(max), Some(s)) = (schema.get("maxLength").and_then(Value::as_u64), v.as_str()) {
        if s.chars().count() as u64 > max {
            out.push(format!("{path}: longer than {max}"));
        }
    }
    if let (Some(pattern), Some(s)) = (schema.get("pattern").and_then(Value::as_str), v.as_str()) {
        if !regex::Regex::new(pattern).unwrap().is_match(s) {
            out.push(format!("{path}: {s:?} does not match {pattern}"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != v {
            out.push(format!("{path}: {v} is not {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            out.push(format!("{path}: {v} is not one of {e:?}"));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_u64), v.as_u64()) {
        if n < min {
            out.push(format!("{path}: {n} < {min}"));
        }
    }
    if let (Some(min), Some(s)) = (schema.get("minLength").and_then(Value::as_u64), v.as_str()) {
        if (s.chars().count() as u64) < min {
            out.push(format!("{path}: too short"));
        }
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let problems: Vec<Vec<String>> = options
            .iter()
            .map(|o| {
                let mut e = Vec::new();
                check(root, o, v, path, &mut e);
                e
            })
            .collect();
        let matching = problems.iter().filter(|e| e.is_empty()).count();
        if matching != 1 {
            out.push(format!("{path}: matches {matching} of oneOf ({})", problems.concat().join("; ")));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for name in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !obj.contains_key(name.as_str().unwrap()) {
                out.push(format!("{path}: missing {name}"));
            }
        }
        for (k, value) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => check(root, s, value, &format!("{path}.{k}"), out),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    out.push(format!("{path}: unexpected {k}"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            check(root, items, item, &format!("{path}.{i}"), out);
        }
    }
}

fn schema_problems(v: &Value) -> Vec<String> {
    let root: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut out = Vec::new();
    check(&root, &root, v, "", &mut out);
    out
}

/// The fixture registering with a colleague and a reduced place (Ghana, low income): every
/// optional part of the contract present.
fn group_submission() -> Submission {
    let mut group = valid_draft(KEY);
    group.organisation.country = Some("GHA".into());
    group.registration.with_colleagues = Some(true);
    group.registration.reduced_requested = true;
    group.registration.colleagues = vec![Colleague { name: "Kofi Mensah".into(), email: "kofi@example.org".into() }];
    let group = submission_of(group);
    assert!(group.quote.reduced.is_some() && group.quote.lines.len() == 2 && !group.quote.notes.is_empty());
    group
}

fn value_of(sub: &Submission) -> Value {
    serde_json::to_value(sub).unwrap()
}

#[test]
fn the_json_schema_describes_what_the_app_sends() {
    let root: Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(root["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(root["properties"]["schema_version"]["const"], 1);
    for sub in [valid_submission(KEY), group_submission()] {
        assert_eq!(schema_problems(&value_of(&sub)), Vec::<String>::new());
    }

    // The checker does check: wrong types, unknown and missing fields, patterns and lengths.
    let mut value = value_of(&valid_submission(KEY));
    value["quote"]["total"] = json!(330);
    value["answers"]["about"]["nickname"] = json!("Ana");
    value.as_object_mut().unwrap().remove("locale");
    value["schema_version"] = json!(2);
    value["quote"]["list_fee"] = json!("660");
    value["answers"]["about"]["first_name"] = json!("é".repeat(101));
    assert_eq!(schema_problems(&value).len(), 6, "{:?}", schema_problems(&value));
}

/// `(path under answers, maxLength)` of every text answer of the schema (`#/$defs/text`), a
/// colleague's index written `*` as in `MAX_LEN`.
fn text_limits(root: &Value, schema: &Value, path: &str, out: &mut Vec<(String, Option<u64>)>) {
    let join = |name: &str| if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    match schema.get("$ref").and_then(Value::as_str) {
        Some("#/$defs/text") => out.push((path.to_owned(), schema.get("maxLength").and_then(Value::as_u64))),
        Some(reference) => text_limits(root, definition(root, reference), path, out),
        None => {}
    }
    for (name, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
        text_limits(root, property, &join(name), out);
    }
    if let Some(items) = schema.get("items") {
        text_limits(root, items, &join("*"), out);
    }
}

#[test]
fn the_schema_text_limits_are_the_domains() {
    let root: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut limits = Vec::new();
    text_limits(&root, &root["$defs"]["answers"], "", &mut limits);
    let in_schema: BTreeMap<String, u64> = limits
        .into_iter()
        .map(|(field, max)| (field.clone(), max.unwrap_or_else(|| panic!("answers.{field} has no maxLength"))))
        .collect();
    let in_domain: BTreeMap<String, u64> =
        MAX_LEN.iter().map(|(field, max)| ((*field).to_owned(), *max as u64)).collect();
    assert_eq!(in_schema, in_domain);
}

#[test]
fn the_schema_amounts_and_percentages_are_the_domains_canonical_forms() {
    let root: Value = serde_json::from_str(SCHEMA).unwrap();
    let matches = |def: &str, text: &str| {
        let pattern = root["$defs"][def]["pattern"].as_str().unwrap();
        regex::Regex::new(pattern).unwrap().is_match(text)
    };
    let texts = [
        "0",
        "0.00",
        "0.5",
        "0.05",
        "0.0001",
        "0.00001",
        "00",
        "01",
        "1",
        "8.5",
        "8.50",
        "8.25",
        "12.375",
        "50",
        "50.0",
        "050",
        "99.9999",
        "100",
        "100.0",
        "100.00",
        "100.5",
        "101",
        "330",
        "330.0",
        "330.00",
        "0330.00",
        "330.001",
        ".5",
        "5.",
        "-1",
        "-1.00",
        "+1.00",
        "1e3",
        "3.3e2",
        " 1.00",
        "1.00 ",
        "1,00",
        "",
        "999999999999999.99",
        "1000000000000000.00",
    ];
    for text in texts {
        assert_eq!(matches("money", text), Money::parse_canonical(text).is_ok(), "money {text:?}");
        assert_eq!(matches("percent", text), Percent::parse_canonical(text).is_some(), "percent {text:?}");
    }
}

/// The paths of every object in `v` (`""` for the document, `quote.lines.0`).
fn object_paths(v: &Value, path: &str, out: &mut Vec<String>) {
    let join = |name: &str| if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    match v {
        Value::Object(map) => {
            out.push(path.to_owned());
            for (name, value) in map {
                object_paths(value, &join(name), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                object_paths(item, &join(&i.to_string()), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_schema_is_strict_where_the_receiver_is() {
    let (edition, countries) = (support::common::edition(), support::common::countries());
    let rules = Rules { edition: &edition, countries: &countries, today: support::common::submission_day() };
    let sub = value_of(&group_submission());
    let mut paths = Vec::new();
    object_paths(&sub, "", &mut paths);
    assert!(paths.len() > 12, "{paths:?}");
    for path in paths {
        let mut value = sub.clone();
        let pointer = if path.is_empty() { String::new() } else { format!("/{}", path.replace('.', "/")) };
        value.pointer_mut(&pointer).unwrap().as_object_mut().unwrap().insert("zz_unknown".into(), json!(1));
        let field = if path.is_empty() { "zz_unknown".to_owned() } else { format!("{path}.zz_unknown") };
        let receiver_refuses = match examine(value.to_string().as_bytes(), KEY, &rules) {
            Err(Refusal::Unprocessable(errors)) => {
                assert_eq!(errors, [ReceiverError::new(&field, "unknown_field", &errors[0].message)]);
                true
            }
            Ok(examined) => {
                assert!(examined.verdict.is_ok(), "{path}: {:?}", examined.verdict);
                false
            }
            Err(other) => panic!("{path}: {other:?}"),
        };
        let schema_says = schema_problems(&value);
        let schema_refuses = schema_says.iter().any(|p| p.contains("unexpected zz_unknown"));
        assert_eq!(schema_refuses, receiver_refuses, "{path}: the schema says {schema_says:?}");
        assert_eq!(schema_says.len(), usize::from(schema_refuses), "{path}: {schema_says:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Configuration.

fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: std::collections::HashMap<String, String> =
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    move |name| map.get(name).cloned()
}

#[test]
fn the_configuration_has_working_defaults() {
    let config = intake::config::Config::from_vars(vars(&[])).unwrap();
    assert_eq!(config.addr.to_string(), "127.0.0.1:8787");
    assert_eq!(config.db, PathBuf::from("data/intake.sqlite3"));
    assert_eq!(config.edition, PathBuf::from("public/edition.json"));
    assert_eq!(config.countries, PathBuf::from("public/data/wb-income-classification.csv"));
    assert!(config.allowed_origins.is_empty());
    assert_eq!(config.token, None);
}

#[test]
fn the_configuration_reads_the_environment() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let edition = format!("{root}/public/edition.json");
    let countries = format!("{root}/public/data/wb-income-classification.csv");
    let config = intake::config::Config::from_vars(vars(&[
        ("INTAKE_ADDR", "0.0.0.0:9000"),
        ("INTAKE_DB", "/tmp/x.sqlite3"),
        ("INTAKE_EDITION", &edition),
        ("INTAKE_COUNTRIES", &countries),
        ("INTAKE_ALLOWED_ORIGINS", " https://www.metropolis.org/ ,http://127.0.0.1:8080,"),
        ("INTAKE_TOKEN", "abc"),
    ]))
    .unwrap();
    assert_eq!(config.addr.to_string(), "0.0.0.0:9000");
    assert_eq!(config.allowed_origins, ["https://www.metropolis.org", "http://127.0.0.1:8080"]);
    assert_eq!(config.token.as_deref(), Some("abc"));
    let (edition, _) = config.load_data().unwrap();
    assert_eq!(edition.id, "2025-3");

    let err = intake::config::Config::from_vars(vars(&[("INTAKE_ADDR", "localhost")])).unwrap_err();
    assert!(err.contains("INTAKE_ADDR"), "{err}");
    let missing = intake::config::Config::from_vars(vars(&[("INTAKE_EDITION", "/nonexistent/edition.json")])).unwrap();
    assert!(missing.load_data().unwrap_err().contains("/nonexistent/edition.json"));

    // A file that does not fit is named with the field and the domain's words for the problem.
    let dir = TempDir::new();
    let bad = dir.0.join("edition.json");
    let text = std::fs::read_to_string(format!("{root}/public/edition.json"))
        .unwrap()
        .replace("\"list_fee\": \"660.00\"", "\"list_fee\": \"660\"");
    std::fs::write(&bad, text).unwrap();
    let config = intake::config::Config::from_vars(vars(&[
        ("INTAKE_EDITION", bad.to_str().unwrap()),
        ("INTAKE_COUNTRIES", &countries),
    ]))
    .unwrap();
    let err = config.load_data().unwrap_err();
    assert!(err.starts_with("INTAKE_EDITION: ") && err.contains("fees.list_fee: `\"660\"` is not an amount"), "{err}");
}
