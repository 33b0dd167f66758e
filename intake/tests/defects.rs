//! One test per defect issue 14 found in the receiver, and for the receiver's items of issue 13
//! (its own Barcelona date, `edition_closed`). Each fails if the behaviour it names comes back.

mod support;

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode};
use chrono::NaiveDate;
use futures_util::StreamExt as _;
use http_body_util::BodyExt;
use intake::config::Config;
use intake::db::Db;
use intake::{app, AppState, Limits};
use metropolis_diploma::domain::application::{Colleague, Membership};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::common::submission_of;
use support::{
    bearer, clock, fill, json_of, list, pair, post, post_json, receiver, send, state, stored, submission_on,
    valid_draft, valid_submission, TempDir, KEY, OTHER_KEY, TOKEN,
};
use tower::ServiceExt;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: std::collections::HashMap<String, String> =
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    move |name| map.get(name).cloned()
}

/// The fixture's JSON with `value` at `pointer` (an object member is added when missing).
fn with(pointer: &str, value: Value) -> String {
    let mut doc: Value = serde_json::from_str(&json_of(&valid_submission(KEY))).unwrap();
    let (parent, name) = pointer.rsplit_once('/').unwrap();
    doc.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(name.to_owned(), value);
    doc.to_string()
}

// ---------------------------------------------------------------------------------------------
// 1. Crowded JSON: a body whose object has thousands of keys costs little and is refused.

#[tokio::test]
async fn an_object_with_thousands_of_keys_is_refused_at_once() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    // 28,000 members of the form "ka1b":0 inside an answer section: just under 256 KiB.
    let members: Vec<String> = (0..28_000u32)
        .map(|i| {
            let digits: String =
                [i / 1296, (i / 36) % 36, i % 36].iter().map(|d| char::from_digit(*d, 36).unwrap()).collect();
            format!("\"k{digits}\":0")
        })
        .collect();
    let crowd = format!("{{{}}}", members.join(","));
    let body = json_of(&valid_submission(KEY));
    // In an answer section, where serde would refuse the first member it does not know, and in a
    // quote note, which serde reads whole and whose unknown members it keeps quiet about.
    let note = "{\"code\":\"early-bird-may-apply\"";
    assert!(body.contains(note));
    for (text, field) in [
        (body.replacen("\"about\":{", &format!("\"about\":{{\"nickname\":{crowd},"), 1), "answers.about.nickname"),
        (body.replacen(note, &format!("{note},{}", members.join(",")), 1), "quote.notes.1"),
    ] {
        assert!(text.len() < 256 * 1024 && text.len() > 240 * 1000, "{} bytes", text.len());
        let started = Instant::now();
        let reply = send(&app, post(Some(KEY), text)).await;
        let took = started.elapsed();
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
        assert_eq!(reply.errors(), [pair(field, "too_many_fields")]);
        // The hand-written parser the domain had before serde compared keys pairwise: about 4·10⁸
        // comparisons here, seconds even in a release build. serde is linear, but what it costs
        // depends on the types; the shape check stops at the 65th member whatever they are.
        assert!(took < Duration::from_millis(1500), "took {took:?}");
    }
    assert!(stored(&app).await.is_empty());

    // 64 members are still read (and, being unknown, judged by the domain).
    let members: Vec<String> = (0..64).map(|i| format!("\"k{i}\":0")).collect();
    let text = with("/answers/about/nickname", serde_json::from_str(&format!("{{{}}}", members.join(","))).unwrap());
    let reply = send(&app, post(Some(KEY), text)).await;
    assert!(!reply.text.contains("too_many_fields"), "{}", reply.text);
}

// ---------------------------------------------------------------------------------------------
// 2. Limits: a per-client rate, a deadline for the whole request, the export in batches.

#[tokio::test]
async fn each_client_has_its_own_rate_limit() {
    let dir = TempDir::new();
    let limits = Limits {
        rate_per_minute: 1,
        rate_burst: 2,
        client_ip_header: Some(header::HeaderName::from_static("x-real-ip")),
        ..Limits::default()
    };
    let app = app(AppState { limits, ..state(&dir, Some(TOKEN), &[]) });
    let from = |ip: &str| {
        let mut request = list(Some(&bearer()), "", None);
        request.headers_mut().insert("x-real-ip", HeaderValue::from_str(ip).unwrap());
        request
    };
    assert_eq!(send(&app, from("203.0.113.7")).await.status, StatusCode::OK);
    assert_eq!(send(&app, from("203.0.113.7")).await.status, StatusCode::OK);
    let reply = send(&app, from("203.0.113.7")).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("body", "rate_limited")]);
    let wait: u64 = reply.headers[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "Retry-After: {wait}");
    assert_eq!(reply.headers["x-content-type-options"], "nosniff");
    // Another client is not slowed by the first.
    assert_eq!(send(&app, from("203.0.113.8")).await.status, StatusCode::OK);
    // A proxy's list: the last entry, the one the proxy added, is the client.
    let mut request = list(Some(&bearer()), "", None);
    request.headers_mut().insert("x-real-ip", HeaderValue::from_static("198.51.100.1, 203.0.113.7"));
    assert_eq!(send(&app, request).await.status, StatusCode::TOO_MANY_REQUESTS);
    // The same address written as IPv6, and other addresses of one IPv6 /64 network, are one client.
    assert_eq!(send(&app, from("::ffff:203.0.113.7")).await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(send(&app, from("2001:db8:1:2::1")).await.status, StatusCode::OK);
    assert_eq!(send(&app, from("2001:db8:1:2::ffff")).await.status, StatusCode::OK);
    assert_eq!(send(&app, from("2001:db8:1:2:abcd::9")).await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(send(&app, from("2001:db8:1:3::1")).await.status, StatusCode::OK);
}

/// A receiver whose clients may send one request, then one a minute; the rate limit's 429s are
/// held back `tarpit_ms`, at most `held` at once.
fn tarpitted(dir: &TempDir, tarpit_ms: u64, held: usize) -> axum::Router {
    let limits = Limits {
        rate_per_minute: 1,
        rate_burst: 1,
        tarpit: Duration::from_millis(tarpit_ms),
        tarpit_connections: held,
        client_ip_header: Some(header::HeaderName::from_static("x-real-ip")),
        ..Limits::default()
    };
    app(AppState { limits, ..state(dir, Some(TOKEN), &[]) })
}

fn listing_from(ip: &str) -> Request<Body> {
    let mut request = list(Some(&bearer()), "", None);
    request.headers_mut().insert("x-real-ip", HeaderValue::from_str(ip).unwrap());
    request
}

#[tokio::test]
async fn a_rate_limited_client_gets_its_429_late_and_its_connection_closed() {
    let dir = TempDir::new();
    let app = tarpitted(&dir, 600, 4);
    // Answers within the rate are neither delayed nor closed.
    let started = Instant::now();
    let allowed = send(&app, listing_from("203.0.113.7")).await;
    assert_eq!(allowed.status, StatusCode::OK, "{}", allowed.text);
    assert!(started.elapsed() < Duration::from_millis(500), "took {:?}", started.elapsed());
    assert!(!allowed.headers.contains_key(header::CONNECTION), "{:?}", allowed.headers);
    // The refused request is answered only after the tarpit's delay, and closes its connection.
    let started = Instant::now();
    let refused = send(&app, listing_from("203.0.113.7")).await;
    let took = started.elapsed();
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{}", refused.text);
    assert_eq!(refused.errors(), [pair("body", "rate_limited")]);
    assert!(took >= Duration::from_millis(600) && took < Duration::from_secs(5), "answered after {took:?}");
    assert_eq!(refused.headers[header::CONNECTION], "close");
    assert!(refused.headers.contains_key(header::RETRY_AFTER));
    // Another client is served at once meanwhile and afterwards.
    let started = Instant::now();
    assert_eq!(send(&app, listing_from("203.0.113.8")).await.status, StatusCode::OK);
    assert!(started.elapsed() < Duration::from_millis(500), "took {:?}", started.elapsed());
}

#[tokio::test]
async fn the_tarpit_holds_at_most_its_bound_and_answers_the_others_at_once() {
    let dir = TempDir::new();
    let app = tarpitted(&dir, 1500, 2);
    assert_eq!(send(&app, listing_from("203.0.113.7")).await.status, StatusCode::OK);
    // Five refused requests at once: two are held, three get their 429 at once.
    let timed = |app: axum::Router| async move {
        let started = Instant::now();
        let reply = send(&app, listing_from("203.0.113.7")).await;
        (reply, started.elapsed())
    };
    let replies = futures_util::future::join_all((0..5).map(|_| timed(app.clone()))).await;
    let mut held = 0;
    for (reply, took) in &replies {
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{}", reply.text);
        assert_eq!(reply.headers[header::CONNECTION], "close");
        if *took >= Duration::from_millis(1500) {
            held += 1;
        } else {
            assert!(*took < Duration::from_millis(1000), "neither held nor at once: {took:?}");
        }
    }
    assert_eq!(held, 2, "{:?}", replies.iter().map(|(_, took)| took).collect::<Vec<_>>());
    // The permits come back: the next refusal is held again.
    let (reply, took) = timed(app.clone()).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(took >= Duration::from_millis(1500), "answered after {took:?}");
}

/// A body that sends one chunk and then nothing more.
fn stalled_body(first: &'static str) -> Body {
    let chunks = futures_util::stream::once(async move { Ok::<_, std::io::Error>(axum::body::Bytes::from(first)) })
        .chain(futures_util::stream::pending());
    Body::from_stream(chunks)
}

#[tokio::test]
async fn a_request_that_does_not_finish_in_time_gets_408() {
    let dir = TempDir::new();
    let limits = Limits { request_timeout: Duration::from_millis(300), ..support::test_limits() };
    let app = app(AppState { limits, ..state(&dir, Some(TOKEN), &[]) });
    let started = Instant::now();
    let reply = tokio::time::timeout(Duration::from_secs(5), send(&app, post(Some(KEY), stalled_body("{\"schema"))))
        .await
        .expect("no answer within 5 s");
    assert_eq!(reply.status, StatusCode::REQUEST_TIMEOUT, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("body", "timeout")]);
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
}

#[tokio::test]
async fn the_export_is_streamed_in_batches_and_complete() {
    let dir = TempDir::new();
    let state = state(&dir, Some(TOKEN), &[]);
    fill(&state.db, 600);
    let app = app(state);
    for (query, rows_of) in [("?format=json", 0), ("?format=csv", 1)] {
        let response = app.clone().oneshot(list(Some(&bearer()), query, None)).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let mut body = response.into_body();
        let (mut frames, mut bytes) = (0, Vec::new());
        while let Some(frame) = body.frame().await {
            if let Ok(data) = frame.unwrap().into_data() {
                frames += 1;
                bytes.extend_from_slice(&data);
            }
        }
        // 600 rows in batches of 256: three chunks of rows at least, never one buffer.
        assert!(frames >= 3, "{query}: {frames} frames");
        let text = String::from_utf8(bytes).unwrap();
        if rows_of == 0 {
            let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
            assert_eq!(rows.len(), 600);
            assert_eq!(rows[599]["idempotency_key"], "00000000-0000-4000-8000-000000000257");
        } else {
            assert_eq!(text.matches("\r\n").count(), 601);
        }
    }
    // Empty: still a whole document.
    let dir = TempDir::new();
    let app = receiver(&dir);
    assert_eq!(send(&app, list(Some(&bearer()), "", None)).await.text, "[]");
}

// ---------------------------------------------------------------------------------------------
// 3. What is stored is the validated, canonical application, never the body as received.

#[tokio::test]
async fn colleagues_who_do_not_come_are_not_stored() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let mut draft = valid_draft(KEY);
    draft.registration.with_colleagues = Some(false);
    draft.registration.colleagues =
        (0..100).map(|i| Colleague { name: format!("Rider {i}"), email: format!("r{i}@example.org") }).collect();
    let reply = send(&app, post_json(&submission_of(draft))).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let rows = stored(&app).await;
    assert_eq!(rows[0]["submission"]["answers"]["registration"]["colleagues"], json!([]));
    assert!(!send(&app, list(Some(&bearer()), "?format=csv", None)).await.text.contains("Rider"));
}

#[tokio::test]
async fn the_stored_application_is_the_canonical_one() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    // A non-member whose form still says "dues paid", sent indented and with the key in capitals.
    let mut draft = valid_draft(&KEY.to_ascii_uppercase());
    draft.organisation.member = Some(Membership::No);
    draft.organisation.dues_paid = Some(true);
    let sub = submission_of(draft);
    let reply = send(&app, post(Some(&KEY.to_ascii_uppercase()), serde_json::to_string_pretty(&sub).unwrap())).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);

    let rows = stored(&app).await;
    let mut expected: Value = serde_json::from_str(&json_of(&sub)).unwrap();
    expected["idempotency_key"] = json!(KEY);
    expected["answers"]["key"] = json!(KEY);
    expected["answers"]["organisation"]["dues_paid"] = Value::Null;
    // The edition links to no general conditions, so its form does not ask to accept them.
    expected["answers"]["declarations"]["conditions"] = json!(false);
    assert_eq!(rows[0]["submission"], expected);
    assert_eq!(rows[0]["idempotency_key"], KEY);
}

#[tokio::test]
async fn a_number_beyond_any_float_is_refused_not_exported_as_null() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let text = json_of(&valid_submission(KEY))
        .replace("\"colleagues\":[]", "\"colleagues\":[{\"name\":\"X\",\"email\":\"x@example.org\",\"n\":1e400}]");
    assert!(text.contains("1e400"));
    let reply = send(&app, post(Some(KEY), text)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    assert_eq!(reply.errors(), [pair("body", "invalid_json")]);
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn a_version_1_database_is_brought_to_the_canonical_form() {
    let dir = TempDir::new();
    std::fs::create_dir_all(dir.db().parent().unwrap()).unwrap();
    // A body sent with the key in capitals, and with colleagues though registering alone.
    let sent_in_v1 = json_of(&valid_submission(&KEY.to_ascii_uppercase()))
        .replace("\"colleagues\":[]", "\"colleagues\":[{\"name\":\"Rider\",\"email\":\"r@example.org\"}]");
    {
        let conn = rusqlite::Connection::open(dir.db()).unwrap();
        conn.execute_batch(
            "CREATE TABLE applications (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE,
             idempotency_key TEXT NOT NULL UNIQUE, body_sha256 TEXT NOT NULL, body TEXT NOT NULL,
             received_at TEXT NOT NULL); PRAGMA user_version = 1;",
        )
        .unwrap();
        // What version 1 kept: the body as received, a member it does not know and all.
        let raw = sent_in_v1.replace("\"about\":{", "\"about\":{\"nickname\":\"Ana\",");
        conn.execute(
            "INSERT INTO applications (reference, idempotency_key, body_sha256, body, received_at)
             VALUES ('MD25-AAAAAA', ?1, 'x', ?2, '2025-09-01T10:00:00.000Z')",
            [KEY.to_ascii_uppercase(), raw],
        )
        .unwrap();
    }
    let rows = Db::open(&dir.db()).unwrap().list().unwrap();
    assert_eq!(rows[0].key, KEY);
    let application: Value = serde_json::from_str(&rows[0].application).unwrap();
    let expected: Value = serde_json::from_str(&json_of(&valid_submission(KEY))).unwrap();
    assert_eq!(application, expected);
    // Opening again changes nothing.
    assert_eq!(Db::open(&dir.db()).unwrap().list().unwrap(), rows);
    // The same body sent again, in either case, is a retry of the stored application (version 1
    // hashed the key as sent); another body under that key is not.
    let app = receiver(&dir);
    for key in [KEY.to_ascii_uppercase(), KEY.to_owned()] {
        let reply = send(&app, post(Some(&key), sent_in_v1.replace(&KEY.to_ascii_uppercase(), &key))).await;
        assert_eq!((reply.status, reply.reference()), (StatusCode::OK, "MD25-AAAAAA".to_owned()), "{key}");
    }
    let reply = send(&app, post(Some(KEY), json_of(&valid_submission(KEY)))).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text);
}

#[test]
fn a_version_1_row_with_thousands_of_unknown_members_is_converted_at_once() {
    // Version 1 stored bodies without a limit on members; the conversion drops them all quickly.
    let members: Vec<String> = (0..20_000u32).map(|i| format!("\"k{i:05}\":0")).collect();
    let body =
        json_of(&valid_submission(KEY)).replacen("\"about\":{", &format!("\"about\":{{{},", members.join(",")), 1);
    let started = Instant::now();
    let legacy = intake::accept::canonical_legacy(&body).expect("a submission");
    assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
    assert_eq!(legacy.application, json_of(&valid_submission(KEY)));
}

#[tokio::test]
async fn unknown_fields_inside_the_answers_are_refused() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    for (pointer, field) in [
        ("/answers/about/nickname", "answers.about.nickname"),
        ("/answers/registration/extra", "answers.registration.extra"),
        ("/answers/extra", "answers.extra"),
        ("/quote/extra", "quote.extra"),
    ] {
        let reply = send(&app, post(Some(KEY), with(pointer, json!("Ana")))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{pointer}: {}", reply.text);
        assert_eq!(reply.errors(), [pair(field, "unknown_field")], "{pointer}");
    }
    let text = json_of(&valid_submission(KEY))
        .replace("\"colleagues\":[]", "\"colleagues\":[{\"name\":\"X\",\"email\":\"x@example.org\",\"age\":3}]");
    let reply = send(&app, post(Some(KEY), text)).await;
    assert_eq!(reply.errors(), [pair("answers.registration.colleagues.0.age", "unknown_field")]);
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn text_answers_longer_than_their_limit_are_refused() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    for (pointer, field) in [
        ("/answers/about/first_name", "answers.about.first_name"),
        ("/answers/organisation/name", "answers.organisation.name"),
        ("/answers/registration/po_reference", "answers.registration.po_reference"),
    ] {
        let reply = send(&app, post(Some(KEY), with(pointer, json!("x".repeat(10_000))))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{pointer}: {}", reply.text);
        assert_eq!(reply.errors(), [pair(field, "too_long")], "{pointer}");
    }
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn amounts_are_accepted_in_their_canonical_form_only() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    for amount in ["0330.00", "330", "330.0", "3.3e2"] {
        let reply = send(&app, post(Some(KEY), with("/quote/total", json!(amount)))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{amount}: {}", reply.text);
        assert_eq!(reply.errors(), [pair("quote.total", "invalid")], "{amount}");
    }
    assert!(stored(&app).await.is_empty());
}

// ---------------------------------------------------------------------------------------------
// 4. The CSV export is safe to open in a spreadsheet.

#[tokio::test]
async fn csv_cells_cannot_become_formulas_or_hide_characters() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let mut draft = valid_draft(KEY);
    draft.about.first_name = "Ana;=HYPERLINK(\"http://evil\")".into();
    draft.about.surname = "Ló\u{202e}pez\u{0}\u{1b}".into();
    draft.organisation.name = "  -2+3\tCity".into();
    draft.about.email = "ana@example.org".into();
    let reference = send(&app, post_json(&submission_of(draft))).await.reference();
    let mut draft = valid_draft(OTHER_KEY);
    draft.about.first_name = "@SUM(A1)".into();
    draft.organisation.name = "Ajuntament; de Barcelona".into();
    let other = send(&app, post_json(&submission_of(draft))).await.reference();

    let reply = send(&app, list(Some(&bearer()), "?format=csv", None)).await;
    let lines: Vec<&str> = reply.text.split("\r\n").collect();
    assert!(!reply.text.starts_with('\u{feff}'));
    let received = stored(&app).await[0]["received_at"].as_str().unwrap().to_owned();
    assert_eq!(
        lines[1],
        format!(
            "{reference},{received},{KEY},\"Ana;=HYPERLINK(\"\"http://evil\"\") López\",ana@example.org,\
             '-2+3 City,ESP,yes,1,330.00,330.00"
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "{other},{received},{OTHER_KEY},'@SUM(A1) López,ana@example.org,\"Ajuntament; de Barcelona\",ESP,yes,1,\
             330.00,330.00"
        )
    );

    let reply = send(&app, list(Some(&bearer()), "?format=csv&bom=1", None)).await;
    assert!(reply.text.starts_with("\u{feff}reference,received_at,"), "{:?}", &reply.text[..20]);
    assert_eq!(reply.text.trim_start_matches('\u{feff}').split("\r\n").nth(1), Some(lines[1]));
}

// ---------------------------------------------------------------------------------------------
// 5. Every edge answers by the contract.

#[tokio::test]
async fn the_same_uuid_in_capitals_is_the_same_application() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let first = send(&app, post_json(&valid_submission(KEY))).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let upper = KEY.to_ascii_uppercase();
    let reply = send(&app, post_json(&valid_submission(&upper))).await;
    assert_eq!((reply.status, reply.reference()), (StatusCode::OK, first.reference()), "{}", reply.text);
    // Header in capitals, body in lower case: one key.
    let reply = send(&app, post(Some(&upper), json_of(&valid_submission(KEY)))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let rows = stored(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["idempotency_key"], KEY);
}

#[tokio::test]
async fn a_key_header_that_is_not_plain_ascii_gets_a_json_400() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let body = json_of(&valid_submission(KEY));
    for key in [&b"3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c3\xc3\xa9"[..], b"3f0c2a9e-6d1b-4c8e\t-9a57-0b6f1d2e4c31"] {
        let mut request = post(None, body.clone());
        request.headers_mut().insert("idempotency-key", HeaderValue::from_bytes(key).unwrap());
        let reply = send(&app, request).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
        assert_eq!(reply.errors(), [pair("Idempotency-Key", "invalid_header")]);
    }
    assert!(stored(&app).await.is_empty());
}

#[tokio::test]
async fn unknown_paths_methods_and_parameters_answer_with_json_errors() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let get = |uri: &str| Request::get(uri).header(header::AUTHORIZATION, bearer()).body(Body::empty()).unwrap();
    let reply = send(&app, get("/api/nothing")).await;
    assert_eq!((reply.status, reply.errors()), (StatusCode::NOT_FOUND, vec![pair("path", "not_found")]));
    let reply = send(&app, get("/")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    for method in ["PUT", "DELETE", "PATCH"] {
        let request = Request::builder().method(method).uri("/api/applications").body(Body::empty()).unwrap();
        let reply = send(&app, request).await;
        assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(reply.errors(), [pair("method", "method_not_allowed")]);
        assert_eq!(reply.headers[header::ALLOW], "GET, HEAD, POST");
    }
    for (query, field, code) in [
        ("?format=csv&format=json", "format", "duplicate_parameter"),
        ("?format=csv&format=csv", "format", "duplicate_parameter"),
        ("?bom=1&bom=1", "bom", "duplicate_parameter"),
        ("?format=xml", "format", "invalid_format"),
        ("?format=csv&bom=yes", "bom", "invalid_value"),
    ] {
        let reply = send(&app, list(Some(&bearer()), query, None)).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(reply.errors(), [pair(field, code)], "{query}");
    }
}

#[tokio::test]
async fn the_bearer_scheme_is_matched_in_any_case() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    for auth in [format!("bearer {TOKEN}"), format!("BEARER {TOKEN}"), format!("Bearer  {TOKEN} ")] {
        assert_eq!(send(&app, list(Some(&auth), "", None)).await.status, StatusCode::OK, "{auth}");
    }
    for auth in [format!("Bearer{TOKEN}"), format!("Basic {TOKEN}"), format!("bearer {}", TOKEN.to_uppercase())] {
        assert_eq!(send(&app, list(Some(&auth), "", None)).await.status, StatusCode::UNAUTHORIZED, "{auth}");
    }
}

#[tokio::test]
async fn a_body_not_sent_as_json_gets_415() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let body = json_of(&valid_submission(KEY));
    for content_type in [Some("text/plain"), Some("application/x-www-form-urlencoded"), Some("application/jsonx"), None]
    {
        let mut request = Request::post("/api/applications").header("Idempotency-Key", KEY);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let reply = send(&app, request.body(Body::from(body.clone())).unwrap()).await;
        assert_eq!(reply.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{content_type:?}");
        assert_eq!(reply.errors(), [pair("Content-Type", "unsupported_media_type")]);
    }
    for (i, content_type) in ["Application/JSON", "application/json; charset=utf-8"].into_iter().enumerate() {
        let key = if i == 0 { KEY } else { OTHER_KEY };
        let request = Request::post("/api/applications")
            .header("Idempotency-Key", key)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(json_of(&valid_submission(key))))
            .unwrap();
        assert_eq!(send(&app, request).await.status, StatusCode::CREATED, "{content_type}");
    }
}

#[tokio::test]
async fn every_response_says_nosniff_and_the_export_is_not_cached() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let mut replies = vec![
        send(&app, post_json(&valid_submission(KEY))).await,
        send(&app, post_json(&valid_submission(KEY))).await,
        send(&app, post(Some(KEY), "{")).await,
        send(&app, post(Some(OTHER_KEY), json_of(&valid_submission(KEY)))).await,
        send(&app, list(None, "", None)).await,
        send(&app, Request::get("/x").body(Body::empty()).unwrap()).await,
        send(&app, Request::delete("/api/applications").body(Body::empty()).unwrap()).await,
    ];
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(statuses, [201, 200, 400, 422, 401, 404, 405]);
    for query in ["", "?format=csv"] {
        let reply = send(&app, list(Some(&bearer()), query, None)).await;
        assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store", "{query}");
        replies.push(reply);
    }
    for reply in &replies {
        assert_eq!(reply.headers["x-content-type-options"], "nosniff", "{} {}", reply.status, reply.text);
    }
}

#[test]
fn configuration_errors_name_the_variable() {
    let cases: &[(&str, &str)] = &[
        ("INTAKE_ALLOWED_ORIGINS", "*"),
        ("INTAKE_ALLOWED_ORIGINS", "https://www.metropolis.org,*"),
        ("INTAKE_ALLOWED_ORIGINS", "https://www.metropolis.org/apply"),
        ("INTAKE_ALLOWED_ORIGINS", "ftp://files.example.org"),
        ("INTAKE_ALLOWED_ORIGINS", "https://*.example.org"),
        ("INTAKE_ALLOWED_ORIGINS", "null"),
        ("INTAKE_ALLOWED_ORIGINS", "https://example.org:99999"),
        ("INTAKE_ALLOWED_ORIGINS", "www.metropolis.org"),
        ("INTAKE_MAX_CONNECTIONS", "0"),
        ("INTAKE_MAX_CONNECTIONS", "many"),
        ("INTAKE_MAX_CONNECTIONS", "999999"),
        ("INTAKE_HEADER_TIMEOUT_MS", "0"),
        ("INTAKE_REQUEST_TIMEOUT_MS", "-5"),
        ("INTAKE_MAX_BODY_BYTES", "1e6"),
        ("INTAKE_CPU_WORKERS", "0"),
        ("INTAKE_RATE_PER_MINUTE", "0"),
        ("INTAKE_RATE_BURST", "1.5"),
        ("INTAKE_CLIENT_IP_HEADER", "X Real IP"),
        ("INTAKE_NOW", "2025-09-01T12:00:00+02:00"),
        ("INTAKE_NOW", "yesterday"),
        ("INTAKE_ADDR", "localhost"),
    ];
    for (name, value) in cases {
        let err = Config::from_vars(vars(&[(name, value)])).expect_err(&format!("{name}={value} was accepted"));
        assert!(err.contains(name), "{name}={value}: {err}");
    }
    // What is allowed.
    let config = Config::from_vars(vars(&[
        ("INTAKE_ALLOWED_ORIGINS", "https://www.metropolis.org, http://127.0.0.1:8080/ ,http://[::1]:8080"),
        ("INTAKE_NOW", "2025-09-01T10:00:00Z"),
    ]))
    .unwrap();
    assert_eq!(config.allowed_origins, ["https://www.metropolis.org", "http://127.0.0.1:8080", "http://[::1]:8080"]);
    assert_eq!(config.clock, clock("2025-09-01T10:00:00+00:00"));
}

#[test]
fn every_limit_comes_from_the_environment_with_documented_defaults() {
    let defaults = Config::from_vars(vars(&[])).unwrap().limits;
    assert_eq!(defaults.body_bytes, 262_144);
    assert_eq!(defaults.header_timeout, Duration::from_millis(5000));
    assert_eq!(defaults.request_timeout, Duration::from_millis(10_000));
    assert_eq!(defaults.max_connections, intake::config::open_file_limit().map_or(768, |l| (l - 64).min(768)) as usize);
    assert_eq!(defaults.cpu_workers, std::thread::available_parallelism().unwrap().get());
    assert_eq!((defaults.rate_per_minute, defaults.rate_burst), (60, 60));
    assert_eq!(defaults.client_ip_header, None);
    assert_eq!(Config::from_vars(vars(&[])).unwrap().clock, intake::Clock::System);

    let limits = Config::from_vars(vars(&[
        ("INTAKE_MAX_BODY_BYTES", "100000"),
        ("INTAKE_HEADER_TIMEOUT_MS", "1500"),
        ("INTAKE_REQUEST_TIMEOUT_MS", "2500"),
        ("INTAKE_MAX_CONNECTIONS", "100"),
        ("INTAKE_CPU_WORKERS", "3"),
        ("INTAKE_RATE_PER_MINUTE", "10"),
        ("INTAKE_RATE_BURST", "4"),
        ("INTAKE_CLIENT_IP_HEADER", "X-Real-IP"),
    ]))
    .unwrap()
    .limits;
    assert_eq!(
        limits,
        Limits {
            body_bytes: 100_000,
            header_timeout: Duration::from_millis(1500),
            request_timeout: Duration::from_millis(2500),
            max_connections: 100,
            cpu_workers: 3,
            rate_per_minute: 10,
            rate_burst: 4,
            tarpit: Duration::from_millis(1000),
            tarpit_connections: 50,
            client_ip_header: Some(header::HeaderName::from_static("x-real-ip")),
        }
    );
}

#[test]
fn the_tarpit_comes_from_the_environment_within_half_the_connection_cap() {
    let limits = |pairs: &[(&str, &str)]| Config::from_vars(vars(pairs)).map(|c| c.limits);
    let defaults = limits(&[]).unwrap();
    assert_eq!(defaults.tarpit, Duration::from_millis(1000));
    assert_eq!(defaults.tarpit_connections, (defaults.max_connections / 2).min(64));
    // A small connection cap lowers the default bound; 0 turns either off.
    assert_eq!(limits(&[("INTAKE_MAX_CONNECTIONS", "20")]).unwrap().tarpit_connections, 10);
    let off = limits(&[("INTAKE_TARPIT_MS", "0"), ("INTAKE_TARPIT_CONNECTIONS", "0")]).unwrap();
    assert_eq!((off.tarpit, off.tarpit_connections), (Duration::ZERO, 0));
    let set =
        limits(&[("INTAKE_MAX_CONNECTIONS", "100"), ("INTAKE_TARPIT_MS", "250"), ("INTAKE_TARPIT_CONNECTIONS", "50")])
            .unwrap();
    assert_eq!((set.tarpit, set.tarpit_connections), (Duration::from_millis(250), 50));
    for bad in [
        &[("INTAKE_TARPIT_MS", "60001")][..],
        &[("INTAKE_TARPIT_MS", "1s")],
        &[("INTAKE_TARPIT_CONNECTIONS", "-1")],
        &[("INTAKE_MAX_CONNECTIONS", "100"), ("INTAKE_TARPIT_CONNECTIONS", "51")],
    ] {
        let name = bad.last().unwrap().0;
        let err = limits(bad).expect_err(&format!("{bad:?} was accepted"));
        assert!(err.contains(name), "{bad:?}: {err}");
    }
}

#[tokio::test]
async fn an_empty_token_refuses_every_listing() {
    for token in ["", "   "] {
        let config = Config::from_vars(vars(&[("INTAKE_TOKEN", token)])).unwrap();
        assert_eq!(config.token, None, "{token:?}");
        let dir = TempDir::new();
        let app = app(AppState { token: config.token, ..state(&dir, None, &[]) });
        for auth in ["Bearer ", "Bearer", "bearer    ", "Bearer \"\""] {
            let reply = send(&app, list(Some(auth), "", None)).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{token:?} {auth:?}");
            assert_eq!(reply.errors(), [pair("Authorization", "unauthorized")]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 13: the receiver prices on its own date in Barcelona and takes applications only while
// the edition is open.

#[tokio::test]
async fn the_registration_date_must_be_today_or_yesterday_in_barcelona() {
    let keys = [
        "10000000-0000-4000-8000-000000000001",
        "10000000-0000-4000-8000-000000000002",
        "10000000-0000-4000-8000-000000000003",
        "10000000-0000-4000-8000-000000000004",
        "10000000-0000-4000-8000-000000000005",
    ];
    let cases = [
        // (receiver's now, registration date, accepted)
        ("2025-09-01T10:00:00Z", day(2025, 9, 1), true),
        ("2025-09-02T10:00:00Z", day(2025, 9, 1), true),
        // 00:30 in Barcelona (summer time, UTC+2) is already 1 September there, still 31 August in UTC.
        ("2025-08-31T22:30:00Z", day(2025, 9, 1), true),
        ("2025-09-03T10:00:00Z", day(2025, 9, 1), false),
        ("2025-09-01T10:00:00Z", day(2025, 9, 2), false),
    ];
    for ((now, date, accepted), key) in cases.into_iter().zip(keys) {
        let dir = TempDir::new();
        let app = app(AppState { clock: clock(now), ..state(&dir, Some(TOKEN), &[]) });
        let reply = send(&app, post_json(&submission_on(key, date))).await;
        if accepted {
            assert_eq!(reply.status, StatusCode::CREATED, "now {now}, date {date}: {}", reply.text);
        } else {
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "now {now}, date {date}");
            assert_eq!(reply.errors(), [pair("registration_date", "date_mismatch")], "now {now}, date {date}");
        }
    }
}

#[tokio::test]
async fn a_stored_application_sent_again_later_gets_its_reference() {
    let dir = TempDir::new();
    let first = send(&receiver(&dir), post_json(&valid_submission(KEY))).await.reference();
    let later = app(AppState { clock: clock("2025-09-20T10:00:00Z"), ..state(&dir, Some(TOKEN), &[]) });
    let reply = send(&later, post_json(&valid_submission(KEY))).await;
    assert_eq!((reply.status, reply.reference()), (StatusCode::OK, first));
    // A new one on that day with the old date is refused.
    let reply = send(&later, post_json(&valid_submission(OTHER_KEY))).await;
    assert_eq!(reply.errors(), [pair("registration_date", "date_mismatch")]);
}

#[tokio::test]
async fn applications_for_an_edition_that_is_not_open_are_refused() {
    // The 3rd edition's course starts on 17 November 2025: applications close the day before.
    for (now, date) in [
        ("2025-11-17T10:00:00Z", day(2025, 11, 17)),
        ("2025-11-25T10:00:00Z", day(2025, 11, 25)),
        ("2026-11-28T10:00:00Z", day(2026, 11, 28)),
    ] {
        let dir = TempDir::new();
        let app = app(AppState { clock: clock(now), ..state(&dir, Some(TOKEN), &[]) });
        let reply = send(&app, post_json(&submission_on(KEY, date))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{now}: {}", reply.text);
        assert_eq!(reply.errors(), [pair("edition", "edition_closed")], "{now}");
        assert!(stored(&app).await.is_empty());
    }
    // The day before the course is still open.
    let dir = TempDir::new();
    let app = app(AppState { clock: clock("2025-11-16T10:00:00Z"), ..state(&dir, Some(TOKEN), &[]) });
    assert_eq!(send(&app, post_json(&submission_on(KEY, day(2025, 11, 16)))).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn the_soak_fixture_is_a_valid_application() {
    let dir = TempDir::new();
    let app = receiver(&dir);
    let fixture = include_str!("fixtures/application.json");
    let reply = send(&app, post(Some(KEY), fixture)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let expected: Value = serde_json::from_str(&json_of(&valid_submission(KEY))).unwrap();
    assert_eq!(serde_json::from_str::<Value>(fixture).unwrap(), expected);
}
