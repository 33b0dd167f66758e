//! Stored drafts: the versioned envelope, the migration from version 1, decode errors for corrupt,
//! foreign and future text, and the merge rule that never lets an older copy win (issue 3, "Drafts").

mod common;

use common::valid_draft;
use metropolis_diploma::domain::application::{Colleague, Draft, Membership};
use metropolis_diploma::domain::document::Problem;
use metropolis_diploma::domain::draft::{merge, DecodeError, Envelope, Merge, DRAFT_SCHEMA, KIND};
use proptest::prelude::*;
use serde_json::{json, Value};

const SAVED: &str = "2025-09-01T10:00:00.000Z";

fn envelope(saved_at: &str, data: Draft) -> Envelope {
    Envelope::new("2025-3", saved_at, data)
}

/// Decodes `text`, described by `what`, expecting an error.
fn decode_err(what: &str, text: &str) -> DecodeError {
    match Envelope::decode(text) {
        Ok(e) => panic!("Envelope::decode({what}: {text}) gave {e:?}"),
        Err(e) => e,
    }
}

/// Decodes `text`, described by `what`, expecting a draft.
fn decode_ok(what: &str, text: &str) -> Envelope {
    Envelope::decode(text).unwrap_or_else(|e| panic!("Envelope::decode({what}: {text}): {e:?}"))
}

/// A version-2 envelope with these answers, as JSON text.
fn v2(data: Value) -> String {
    json!({ "kind": KIND, "schema": 2, "edition": "2025-3", "saved_at": SAVED, "data": data }).to_string()
}

#[test]
fn new_envelope() {
    let e = Envelope::new("2025-3", SAVED, valid_draft());
    assert_eq!(
        (e.kind.as_str(), e.schema, e.edition.as_str(), e.saved_at.as_str()),
        (KIND, DRAFT_SCHEMA, "2025-3", SAVED),
        "Envelope::new(\"2025-3\", {SAVED:?}, valid_draft())"
    );
    assert_eq!((KIND, DRAFT_SCHEMA), ("metropolis-diploma-draft", 2), "the envelope's kind and version");
}

#[test]
fn encode_decode_round_trip() {
    let mut with_colleagues = valid_draft();
    with_colleagues.registration.with_colleagues = Some(true);
    with_colleagues.registration.colleagues =
        vec![Colleague { name: "Jordi Puig i Ñúñez".into(), email: "j@x.cat".into() }];
    with_colleagues.about.first_name = "Zoë \"Zo\" 北京 🌍".into();
    with_colleagues.motivation.why = "line one\nline two\t\\ end".into();
    let rows: &[(&str, Draft)] = &[
        ("valid_draft()", valid_draft()),
        ("Draft::default()", Draft::default()),
        ("non-ASCII, quotes, escapes, a colleague", with_colleagues),
    ];
    for (what, draft) in rows {
        let e = envelope(SAVED, draft.clone());
        let text = e.encode();
        assert_eq!(Envelope::decode(&text), Ok(e.clone()), "decode(encode({what}))");
        // The stored text is the documented envelope.
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|err| panic!("encode({what}) is JSON: {err}"));
        assert_eq!(value["kind"], json!(KIND), "encode({what}): kind");
        assert_eq!(value["schema"], json!(2), "encode({what}): schema");
        assert_eq!(value["saved_at"], json!(SAVED), "encode({what}): saved_at");
        assert_eq!(value["edition"], json!("2025-3"), "encode({what}): edition");
    }
}

#[test]
fn decode_errors() {
    use DecodeError::{FutureVersion, NotADraft, NotJson};
    let rows: &[(&str, &str, DecodeError)] = &[
        ("not JSON", "not json", NotJson),
        ("empty text", "", NotJson),
        ("truncated", "{\"kind\":\"metropolis-diploma-draft\",", NotJson),
        ("trailing text", "{} x", NotJson),
        ("an array", "[]", NotADraft),
        ("null", "null", NotADraft),
        ("a string", "\"draft\"", NotADraft),
        ("a number", "2", NotADraft),
        ("an empty object", "{}", NotADraft),
        ("another kind", r#"{"kind":"other"}"#, NotADraft),
        ("another kind, schema 2", r#"{"kind":"other","schema":2,"edition":"","saved_at":"","data":{}}"#, NotADraft),
        ("a kind that is not a string", r#"{"kind":7,"schema":2}"#, NotADraft),
        ("our kind without schema", r#"{"kind":"metropolis-diploma-draft"}"#, NotADraft),
        ("our kind, schema as text", r#"{"kind":"metropolis-diploma-draft","schema":"2"}"#, NotADraft),
        (
            "our kind, schema 1",
            r#"{"kind":"metropolis-diploma-draft","schema":1,"edition":"","saved_at":"","data":{}}"#,
            NotADraft,
        ),
        ("our kind, schema 0", r#"{"kind":"metropolis-diploma-draft","schema":0}"#, NotADraft),
        (
            "schema 3",
            r#"{"kind":"metropolis-diploma-draft","schema":3,"edition":"2026-4","saved_at":"2026-01-01T00:00:00.000Z","data":{"new":true}}"#,
            FutureVersion { found: 3 },
        ),
        ("schema 3 and nothing else", r#"{"kind":"metropolis-diploma-draft","schema":3}"#, FutureVersion { found: 3 }),
        (
            "a schema beyond u32",
            r#"{"kind":"metropolis-diploma-draft","schema":99999999999}"#,
            FutureVersion { found: u32::MAX },
        ),
        ("version 1 without answers", r#"{"version":1}"#, NotADraft),
        ("version 2 with answers (never existed)", r#"{"version":2,"answers":{}}"#, NotADraft),
        ("answers without version", r#"{"answers":{}}"#, NotADraft),
    ];
    for (what, text, expected) in rows {
        assert_eq!(&decode_err(what, text), expected, "Envelope::decode({what}: {text})");
    }
}

#[test]
fn our_kind_with_content_that_does_not_fit_is_invalid() {
    // (description, text, the field named)
    let rows: &[(&str, String, &str)] = &[
        ("a name that is a number", v2(json!({ "about": { "first_name": 5 } })), "data.about.first_name"),
        (
            "a membership that is not a choice",
            v2(json!({ "organisation": { "member": "maybe" } })),
            "data.organisation.member",
        ),
        (
            "colleagues that are not a list",
            v2(json!({ "registration": { "colleagues": "Jordi" } })),
            "data.registration.colleagues",
        ),
        (
            "a colleague without a name text",
            v2(json!({ "registration": { "colleagues": [{ "name": true }] } })),
            "data.registration.colleagues.0.name",
        ),
        ("a box that is text", v2(json!({ "declarations": { "conditions": "yes" } })), "data.declarations.conditions"),
        ("data that is text", v2(json!("answers")), "data"),
        ("no data", json!({ "kind": KIND, "schema": 2, "edition": "2025-3", "saved_at": SAVED }).to_string(), "data"),
        (
            "a saved_at that is a number",
            json!({ "kind": KIND, "schema": 2, "edition": "2025-3", "saved_at": 1, "data": {} }).to_string(),
            "saved_at",
        ),
    ];
    for (what, text, field) in rows {
        match decode_err(what, text) {
            DecodeError::Invalid(e) => assert_eq!(e.path, *field, "decode({what}): the field named"),
            other => panic!("Envelope::decode({what}: {text}) gave {other:?}, expected Invalid"),
        }
    }
}

#[test]
fn missing_answers_take_their_defaults() {
    let e = decode_ok("data {}", &v2(json!({})));
    assert_eq!(e.data, Draft::default(), "decode(data {{}})");
    let e = decode_ok("only a surname", &v2(json!({ "about": { "surname": "López" } })));
    let mut expected = Draft::default();
    expected.about.surname = "López".into();
    assert_eq!(e.data, expected, "decode(only a surname)");
}

#[test]
fn unknown_fields_are_refused_and_named() {
    // The envelope and the answers are strict at every level: a field this build does not know is
    // named, so an import from another program is not silently cut down.
    let with = |data: Value| json!({ "kind": KIND, "schema": 2, "edition": "2025-3", "saved_at": SAVED, "data": data });
    let mut envelope_extra = with(json!({}));
    envelope_extra["device"] = json!("laptop");
    // (description, text, the field named)
    let rows: &[(&str, Value, &str)] = &[
        ("in the envelope", envelope_extra, "device"),
        ("in the answers", with(json!({ "nickname": "Ana" })), "data.nickname"),
        (
            "in a section",
            with(json!({ "about": { "first_name": "Ana", "middle_name": "M." } })),
            "data.about.middle_name",
        ),
        (
            "in a colleague",
            with(json!({ "registration": { "colleagues": [{ "name": "Jordi", "phone": "+34" }] } })),
            "data.registration.colleagues.0.phone",
        ),
    ];
    for (what, value, field) in rows {
        match decode_err(what, &value.to_string()) {
            DecodeError::Invalid(e) => {
                assert_eq!((e.path.as_str(), e.problem), (*field, Problem::Unknown), "decode(unknown field {what})");
            }
            other => panic!("decode(unknown field {what}) gave {other:?}, expected Invalid"),
        }
    }
}

#[test]
fn migrates_version_1() {
    let text = r#"{"version":1,"edition":"2025-3","saved":"2025-09-01T10:00:00.000Z","answers":{"about":{"name":"Ana María López","email":"ana@example.org"},"organisation":{"member":true}}}"#;
    let e = decode_ok("the v1 example", text);
    let mut expected = Draft::default();
    expected.about.first_name = "Ana María".into();
    expected.about.surname = "López".into();
    expected.about.email = "ana@example.org".into();
    expected.organisation.member = Some(Membership::Yes);
    assert_eq!(
        e,
        Envelope {
            kind: KIND.into(),
            schema: DRAFT_SCHEMA,
            edition: "2025-3".into(),
            saved_at: "2025-09-01T10:00:00.000Z".into(),
            data: expected,
        },
        "decode(v1 example)"
    );
    assert_eq!(e.data.key, "", "v1 has no key: left empty for the shell");
    // A migrated draft decodes again to itself once written in the new form.
    assert_eq!(Envelope::decode(&e.encode()), Ok(e.clone()), "decode(encode(migrated v1))");
}

#[test]
fn migrates_version_1_names_and_membership() {
    // (v1 name, first name, surname)
    let names: &[(&str, &str, &str)] = &[
        ("Ana María López", "Ana María", "López"),
        ("Ana", "Ana", ""),
        ("  Ana   López  ", "Ana", "López"),
        ("Jean-Luc de la Tour", "Jean-Luc de la", "Tour"),
        ("", "", ""),
    ];
    for &(name, first, last) in names {
        let text =
            json!({ "version": 1, "edition": "2025-3", "saved": SAVED, "answers": { "about": { "name": name } } })
                .to_string();
        let e = decode_ok(&format!("v1 name {name:?}"), &text);
        assert_eq!(
            (e.data.about.first_name.as_str(), e.data.about.surname.as_str()),
            (first, last),
            "v1 name {name:?}: first name and surname"
        );
    }
    // (v1 member, migrated)
    let members: &[(Value, Option<Membership>)] =
        &[(json!(true), Some(Membership::Yes)), (json!(false), Some(Membership::No)), (Value::Null, None)];
    for (member, expected) in members {
        let text = json!({ "version": 1, "saved": SAVED, "answers": { "organisation": { "member": member, "city": "Nairobi" } } })
            .to_string();
        let e = decode_ok(&format!("v1 member {member}"), &text);
        assert_eq!(e.data.organisation.member, *expected, "v1 member {member}");
        assert_eq!(e.data.organisation.city, "Nairobi", "v1 member {member}: the other answers kept");
    }
}

#[test]
fn migrates_version_1_edge_cases() {
    // Without edition or saved time: both empty, so any other copy counts as newer.
    let e = decode_ok("v1 with empty answers", r#"{"version":1,"answers":{}}"#);
    assert_eq!(e, Envelope::new("", "", Draft::default()), "decode(v1 with empty answers)");
    // Without sections.
    let e = decode_ok("v1 without about", r#"{"version":1,"answers":{"organisation":{"name":"Nairobi City County"}}}"#);
    assert_eq!(e.data.organisation.name, "Nairobi City County", "v1 without about: organisation kept");
    // Answers that are not an object.
    match decode_err("v1 answers null", r#"{"version":1,"answers":null}"#) {
        DecodeError::Invalid { .. } => {}
        other => panic!("decode(v1 answers null) gave {other:?}, expected Invalid"),
    }
    // A member that is not a boolean is left for the parser to judge.
    match decode_err("v1 member 1", r#"{"version":1,"answers":{"organisation":{"member":1}}}"#) {
        DecodeError::Invalid { .. } => {}
        other => panic!("decode(v1 member 1) gave {other:?}, expected Invalid"),
    }
}

#[test]
fn merge_never_lets_an_older_copy_win() {
    let ours = valid_draft();
    let mut changed = valid_draft();
    changed.about.job_title = "Head of international relations".into();
    const EARLY: &str = "2025-09-01T10:00:00.000Z";
    const LATE: &str = "2025-09-01T10:00:00.001Z";
    const NEXT_DAY: &str = "2025-09-02T08:00:00.000Z";
    // (description, ours saved, theirs saved, theirs data, expected)
    let rows: &[(&str, &str, &str, &Draft, Merge)] = &[
        ("theirs a millisecond newer and different", EARLY, LATE, &changed, Merge::TakeTheirs),
        ("theirs a day newer and different", EARLY, NEXT_DAY, &changed, Merge::TakeTheirs),
        ("theirs newer, same data", EARLY, NEXT_DAY, &ours, Merge::KeepOurs),
        ("theirs older and different", NEXT_DAY, EARLY, &changed, Merge::KeepOurs),
        ("theirs a millisecond older and different", LATE, EARLY, &changed, Merge::KeepOurs),
        ("same time, different data", EARLY, EARLY, &changed, Merge::KeepOurs),
        ("same time, same data", EARLY, EARLY, &ours, Merge::KeepOurs),
        ("ours migrated without a time, theirs different", "", EARLY, &changed, Merge::TakeTheirs),
        ("theirs migrated without a time", EARLY, "", &changed, Merge::KeepOurs),
    ];
    for &(what, ours_at, theirs_at, theirs_data, expected) in rows {
        let a = envelope(ours_at, ours.clone());
        let b = envelope(theirs_at, theirs_data.clone());
        assert_eq!(merge(&a, &b), expected, "merge({what}: ours {ours_at:?}, theirs {theirs_at:?})");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

fn any_draft() -> impl Strategy<Value = Draft> {
    let s = any::<String>;
    let about = (s(), s(), s(), s(), s(), s(), s());
    let org = (s(), s(), prop::option::of(s()), prop::option::of(any::<bool>()));
    let motivation = (s(), s(), s());
    let colleague = (s(), s()).prop_map(|(name, email)| Colleague { name, email });
    let registration = (prop::collection::vec(colleague, 0..3), s(), s(), s(), s(), s(), any::<bool>());
    let member = prop::option::of(prop::sample::select(vec![Membership::Yes, Membership::No, Membership::NotSure]));
    (s(), about, org, motivation, registration, member).prop_map(
        |(key, about, (name, city, country, dues), motivation, registration, member)| {
            let mut d = valid_draft();
            d.key = key;
            let a = &mut d.about;
            (a.first_name, a.surname, a.email, a.phone, a.job_title, a.department, a.years_experience) = about;
            let o = &mut d.organisation;
            (o.name, o.city, o.country, o.dues_paid, o.member) = (name, city, country, dues, member);
            let m = &mut d.motivation;
            (m.why, m.experience, m.project) = motivation;
            let r = &mut d.registration;
            (
                r.colleagues,
                r.billing_organisation,
                r.billing_address,
                r.tax_id,
                r.po_reference,
                r.invoice_email,
                r.reduced_requested,
            ) = registration;
            d
        },
    )
}

/// Any JSON value, small.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text that is JSON, and usually almost one of our drafts: a stored envelope (version 2) or a
/// version-1 draft with one place replaced by any value or removed, or any JSON at all.
fn near_draft_json() -> impl Strategy<Value = String> {
    let v2: Value = serde_json::from_str(&envelope(SAVED, valid_draft()).encode()).expect("JSON");
    let v1 = json!({ "version": 1, "edition": "2025-3", "saved": SAVED,
                     "answers": { "about": { "name": "Ana López" }, "organisation": { "member": true } } });
    let pointers = |v: &Value| {
        let mut out = vec![String::new()];
        let mut stack = vec![(String::new(), v.clone())];
        while let Some((at, node)) = stack.pop() {
            if let Value::Object(m) = node {
                for (k, child) in m {
                    let p = format!("{at}/{k}");
                    out.push(p.clone());
                    stack.push((p, child));
                }
            }
        }
        out
    };
    let mutate = move |base: Value| {
        let places = pointers(&base);
        (prop::sample::select(places), prop::option::of(any_json())).prop_map(move |(at, new)| {
            let mut v = base.clone();
            match (new, at.rsplit_once('/')) {
                (Some(new), _) => {
                    if let Some(slot) = v.pointer_mut(&at) {
                        *slot = new;
                    }
                }
                (None, Some((parent, key))) => {
                    if let Some(o) = v.pointer_mut(parent).and_then(Value::as_object_mut) {
                        o.remove(key);
                    }
                }
                (None, None) => {}
            }
            v.to_string()
        })
    };
    prop_oneof![4 => mutate(v2), 2 => mutate(v1), 1 => any_json().prop_map(|v| v.to_string())]
}

/// A pair of drafts that are equal a third of the time.
fn two_drafts() -> impl Strategy<Value = (Draft, Draft)> {
    (any_draft(), any_draft(), 0..3).prop_map(|(a, b, same)| if same == 0 { (a.clone(), a) } else { (a, b) })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn encode_decode_round_trips(d in any_draft(), edition in any::<String>(), saved_at in any::<String>()) {
        let e = Envelope::new(&edition, &saved_at, d);
        prop_assert_eq!(Envelope::decode(&e.encode()), Ok(e.clone()), "decode(encode({:?}))", e);
    }

    /// Whatever JSON it is given, decoding never panics, and what it accepts it writes back in a
    /// form it reads again as the same draft.
    #[test]
    fn decoding_json_never_panics_and_what_opens_is_stable(text in near_draft_json()) {
        prop_assert!(serde_json::from_str::<Value>(&text).is_ok(), "the strategy makes JSON: {}", text);
        match Envelope::decode(&text) {
            Ok(e) => prop_assert_eq!(Envelope::decode(&e.encode()), Ok(e.clone()), "re-read of {}", text),
            Err(DecodeError::NotJson) => prop_assert!(false, "valid JSON reported as not JSON: {}", text),
            Err(_) => {}
        }
    }

    #[test]
    fn decode_never_panics_on_any_text(text in any::<String>()) {
        let _ = Envelope::decode(&text);
    }

    #[test]
    fn merge_keeps_the_newer((a, b) in two_drafts(), at_a in "2025-09-0[1-3]T1[0-2]:00:00\\.00[0-9]Z", at_b in "2025-09-0[1-3]T1[0-2]:00:00\\.00[0-9]Z") {
        let ours = envelope(&at_a, a);
        let theirs = envelope(&at_b, b);
        let got = merge(&ours, &theirs);
        // Taken only when strictly newer and different; equal answers never replace ours.
        let expected = if at_b > at_a && ours.data != theirs.data { Merge::TakeTheirs } else { Merge::KeepOurs };
        prop_assert_eq!(got, expected, "ours {} theirs {}, same data: {}", at_a, at_b, ours.data == theirs.data);
        // Whichever tab runs the merge, both end with the same copy when the data differ.
        if ours.data != theirs.data && at_a != at_b {
            let kept_by_ours = if got == Merge::TakeTheirs { &theirs } else { &ours };
            let kept_by_theirs = if merge(&theirs, &ours) == Merge::TakeTheirs { &ours } else { &theirs };
            prop_assert_eq!(kept_by_ours, kept_by_theirs, "the two tabs disagree");
        }
    }
}
