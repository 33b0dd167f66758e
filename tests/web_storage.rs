//! Browser tests of the form's storage shell (`shell::storage`): drafts of every version read back,
//! unreadable data kept under a backup key, a full quota and storage that is unavailable, the outbox
//! and the sent record. The store is synchronous, so these tests need no event loop.
#![cfg(target_arch = "wasm32")]

use metropolis_diploma::domain::application::Draft;
use metropolis_diploma::domain::draft::{DecodeError, Envelope};
use metropolis_diploma::domain::outbox::{Failure, Outbox, OutboxState, Sent};
use metropolis_diploma::shell::storage::{
    self, Stored, BACKUP_PREFIX, DRAFT_KEY, OUTBOX_BACKUP_PREFIX, OUTBOX_KEY, SENT_KEY,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().expect("window").local_storage().expect("no error").expect("localStorage")
}

/// Every key and its text, under a prefix.
fn keys_under(prefix: &str) -> Vec<(String, String)> {
    let s = local();
    (0..s.length().expect("length"))
        .filter_map(|i| s.key(i).expect("key"))
        .filter(|k| k.starts_with(prefix))
        .map(|k| (k.clone(), s.get_item(&k).expect("get").expect("value")))
        .collect()
}

fn clean() {
    local().clear().expect("clear");
}

fn draft() -> Draft {
    let mut d = Draft { key: storage::new_key(), ..Draft::default() };
    d.about.first_name = "Aïcha".into();
    d.about.email = "aicha@example.org".into();
    d
}

fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).expect("the script runs")
}

#[wasm_bindgen_test]
fn a_draft_round_trips_through_local_storage() {
    clean();
    assert!(storage::available());
    assert_eq!(storage::read_draft(), Stored::Empty);
    let envelope = Envelope::new("2025-3", &storage::now_iso(), draft());
    assert!(storage::write_draft(&envelope));
    assert_eq!(storage::read_draft(), Stored::Draft(Box::new(envelope.clone())));
    let text = storage::draft_text().expect("stored");
    assert!(text.contains("\"kind\":\"metropolis-diploma-draft\"") && text.contains("\"schema\":2"), "{text}");
    assert!(storage::clear_draft());
    assert_eq!(storage::read_draft(), Stored::Empty);
    clean();
}

#[wasm_bindgen_test]
fn keys_are_uuids_and_stamps_are_utc() {
    let key = storage::new_key();
    assert!(metropolis_diploma::domain::submission::is_uuid(&key), "{key}");
    assert_ne!(key, storage::new_key());
    let now = storage::now_iso();
    assert!(now.ends_with('Z') && now.len() == 24, "{now}");
}

#[wasm_bindgen_test]
fn a_draft_saved_by_the_previous_version_opens_as_it_was() {
    clean();
    // Written by the version before serde (pretty, two-space indent): the envelope is unchanged.
    let text = r#"{
  "kind": "metropolis-diploma-draft",
  "schema": 2,
  "edition": "2025-3",
  "saved_at": "2025-09-01T10:00:00.000Z",
  "data": {
    "key": "0b6f8e0e-2f7e-4b8e-9a39-5b1d2a4c8f10",
    "about": { "first_name": "Aïcha", "surname": "Diallo", "email": "aicha@example.org", "phone": "",
               "job_title": "", "department": "", "years_experience": "", "career_stage": "mid_career" },
    "organisation": { "name": "", "city": "", "authority": null, "country": "SEN", "member": "yes",
                      "dues_paid": true, "ia_department": null },
    "motivation": { "why": "", "experience": "", "project": "", "english": null },
    "registration": { "billing_organisation": "", "billing_address": "", "tax_id": "", "po_reference": "",
                      "invoice_email": "", "with_colleagues": true,
                      "colleagues": [{ "name": "Joan Puig", "email": "joan@example.org" }], "reduced_requested": true },
    "declarations": { "conditions": false, "data_consent": false, "truthful": false }
  }
}"#;
    local().set_item(DRAFT_KEY, text).expect("set");
    let Stored::Draft(envelope) = storage::read_draft() else { panic!("not read") };
    assert_eq!(envelope.saved_at, "2025-09-01T10:00:00.000Z");
    assert_eq!(envelope.data.key, "0b6f8e0e-2f7e-4b8e-9a39-5b1d2a4c8f10");
    assert_eq!(envelope.data.organisation.country.as_deref(), Some("SEN"));
    assert_eq!(envelope.data.registration.colleagues[0].name, "Joan Puig");
    assert!(envelope.data.registration.reduced_requested);
    clean();
}

#[wasm_bindgen_test]
fn a_version_1_draft_is_migrated_on_read() {
    clean();
    local()
        .set_item(
            DRAFT_KEY,
            r#"{"version":1,"edition":"2025-3","saved":"2025-01-01T00:00:00.000Z","answers":{"about":{"name":"Ana Maria Pérez","email":"ana@example.org"},"organisation":{"member":true}}}"#,
        )
        .expect("set");
    let Stored::Draft(envelope) = storage::read_draft() else { panic!("not migrated") };
    assert_eq!((envelope.data.about.first_name.as_str(), envelope.data.about.surname.as_str()), ("Ana Maria", "Pérez"));
    assert_eq!(envelope.data.about.email, "ana@example.org");
    assert_eq!(envelope.data.organisation.member, Some(metropolis_diploma::domain::application::Membership::Yes));
    assert_eq!(envelope.saved_at, "2025-01-01T00:00:00.000Z");
    assert!(envelope.data.key.is_empty(), "version 1 had no key: the form makes one");
    clean();
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_under_a_backup_key_and_reported() {
    clean();
    let corrupt = "{\"kind\": \"metropolis-diploma-draft\", \"schema\": 2, \"data\": [oops";
    local().set_item(DRAFT_KEY, corrupt).expect("set");
    let Stored::Unreadable { error, backup } = storage::read_draft() else { panic!("not reported") };
    assert_eq!(error, DecodeError::NotJson);
    let backup = backup.expect("backed up");
    assert_eq!(keys_under(BACKUP_PREFIX), vec![(backup, corrupt.to_owned())], "the raw text is kept as it was");
    assert_eq!(storage::read_draft(), Stored::Empty, "the key is free for a new draft");
    clean();
}

#[wasm_bindgen_test]
fn future_and_foreign_data_are_reported_and_kept_too() {
    clean();
    local()
        .set_item(DRAFT_KEY, r#"{"kind":"metropolis-diploma-draft","schema":99,"edition":"x","saved_at":"","data":{}}"#)
        .expect("set");
    assert!(matches!(
        storage::read_draft(),
        Stored::Unreadable { error: DecodeError::FutureVersion { found: 99 }, backup: Some(_) }
    ));
    local().set_item(DRAFT_KEY, r#"{"hello":"world"}"#).expect("set");
    assert!(matches!(storage::read_draft(), Stored::Unreadable { error: DecodeError::NotADraft, backup: Some(_) }));
    // A draft with a field the format does not have: one of ours, but not readable as it is.
    local()
        .set_item(
            DRAFT_KEY,
            r#"{"kind":"metropolis-diploma-draft","schema":2,"edition":"x","saved_at":"","data":{"about":{"nickname":"A"}}}"#,
        )
        .expect("set");
    assert!(matches!(storage::read_draft(), Stored::Unreadable { error: DecodeError::Invalid(_), backup: Some(_) }));
    assert_eq!(keys_under(BACKUP_PREFIX).len(), 3, "three copies, none lost");
    clean();
}

#[wasm_bindgen_test]
fn a_full_quota_refuses_the_write_and_nothing_breaks() {
    clean();
    let envelope = Envelope::new("2025-3", &storage::now_iso(), draft());
    assert!(storage::write_draft(&envelope));
    // Fill the origin's real quota with filler until the browser refuses.
    let filled = js("let chunk = 'x'.repeat(256 * 1024), n = 0; \
         try { for (;;) { localStorage.setItem('filler.' + n, chunk); n += 1; } } catch (e) { return e.name; }");
    assert_eq!(filled.as_string().as_deref(), Some("QuotaExceededError"));
    let mut bigger = draft();
    bigger.motivation.why = "word ".repeat(300_000);
    assert!(!storage::write_draft(&Envelope::new("2025-3", &storage::now_iso(), bigger)), "the write is refused");
    assert_eq!(storage::read_draft(), Stored::Draft(Box::new(envelope)), "the last copy stays");
    assert!(!storage::write_outbox(&Outbox::new("k", "x".repeat(1_000_000))), "nor can an outbox be kept");
    clean();
    assert!(storage::write_outbox(&Outbox::new("k", "{}".into())), "room again once the filler is gone");
    clean();
}

/// Makes `localStorage` throw on access, as browsers do when a page may not use it (blocked
/// cookies, some private modes), for the length of `f`.
fn without_storage(f: impl FnOnce()) {
    js("window.__storage = Object.getOwnPropertyDescriptor(window, 'localStorage') \
          || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
        Object.defineProperty(window, 'localStorage', { configurable: true, \
          get() { throw new DOMException('denied', 'SecurityError'); } });");
    f();
    js("Object.defineProperty(window, 'localStorage', window.__storage);");
}

#[wasm_bindgen_test]
fn unavailable_storage_reads_as_such_and_every_write_is_refused() {
    clean();
    without_storage(|| {
        assert!(!storage::available());
        assert_eq!(storage::read_draft(), Stored::Unavailable);
        assert!(!storage::write_draft(&Envelope::new("2025-3", &storage::now_iso(), draft())));
        assert!(!storage::clear_draft());
        assert_eq!(storage::read_outbox(), None);
        assert!(!storage::write_outbox(&Outbox::new("k", "{}".into())));
        assert_eq!(storage::read_sent(), None);
        assert!(!storage::write_sent(&Sent { reference: "MD25-ABC123".into(), body: "{}".into() }));
        storage::clear_outbox();
    });
    assert!(storage::available(), "restored for the other tests");
}

#[wasm_bindgen_test]
fn the_outbox_and_the_sent_record_round_trip() {
    clean();
    let mut outbox = Outbox::new("0b6f8e0e-2f7e-4b8e-9a39-5b1d2a4c8f10", r#"{"schema_version":1}"#.into());
    outbox.attempts = 3;
    outbox.not_before = 1_700_000_000_000;
    outbox.state = OutboxState::Paused(Failure::Status(503));
    assert!(storage::write_outbox(&outbox));
    assert_eq!(storage::read_outbox(), Some(outbox));
    storage::clear_outbox();
    assert_eq!(storage::read_outbox(), None);

    let sent = Sent { reference: "MD25-ABC123".into(), body: r#"{"schema_version":1}"#.into() };
    assert!(storage::write_sent(&sent));
    assert_eq!(storage::read_sent(), Some(sent));
    let text = local().get_item(SENT_KEY).expect("get").expect("stored");
    assert_eq!(text, r#"{"reference":"MD25-ABC123","body":"{\"schema_version\":1}"}"#, "the stored form is unchanged");
    clean();
}

#[wasm_bindgen_test]
fn an_outbox_this_build_cannot_read_is_backed_up_not_overwritten() {
    clean();
    local().set_item(OUTBOX_KEY, r#"{"schema":7,"what":"is this"}"#).expect("set");
    assert_eq!(storage::read_outbox(), None);
    assert_eq!(keys_under(OUTBOX_BACKUP_PREFIX).len(), 1, "kept under a backup key");
    assert_eq!(local().get_item(OUTBOX_KEY).expect("get"), None, "the key is free");
    clean();
}

#[wasm_bindgen_test]
fn the_browsers_readers_agree_with_the_domains() {
    use metropolis_diploma::domain::outbox::Outbox as O;
    let drafts = [
        "not json",
        r#"{"hello":"world"}"#,
        r#"{"kind":"metropolis-diploma-draft","schema":99,"edition":"x","saved_at":"","data":{}}"#,
        r#"{"kind":"metropolis-diploma-draft","schema":2,"edition":"x","saved_at":"","data":{"about":{"nickname":"A"}}}"#,
        r#"{"kind":"metropolis-diploma-draft","schema":2,"edition":"x","saved_at":"s","data":{"about":{"first_name":"A"}}}"#,
        r#"{"version":1,"edition":"2025-3","saved":"s","answers":{"about":{"name":"Ana Pérez"},"organisation":{"member":false}}}"#,
        r#"{"kind":"metropolis-diploma-draft","schema":2,"edition":"x","saved_at":"s","data":{},"extra":1}"#,
    ];
    for text in drafts {
        let (ours, theirs) = (storage::decode_draft(text), Envelope::decode(text));
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(a), Err(b)) => {
                assert_eq!(std::mem::discriminant(a), std::mem::discriminant(b), "{text}: {a:?} / {b:?}");
            }
            _ => panic!("{text}: {ours:?} / {theirs:?}"),
        }
    }
    let mut records: Vec<String> = [
        OutboxState::Sending,
        OutboxState::Paused(Failure::Network),
        OutboxState::Paused(Failure::Timeout),
        OutboxState::Paused(Failure::Status(503)),
        OutboxState::Rejected(vec![metropolis_diploma::domain::submission::ReceiverError::new(
            "answers.about.email",
            "invalid_email",
            "No.",
        )]),
        OutboxState::Conflict,
    ]
    .into_iter()
    .map(|state| O { key: "k".into(), body: "{}".into(), attempts: 2, not_before: 9, state }.encode())
    .collect();
    records.extend(
        [
            r#"{"schema":2,"key":"k","body":"{}","state":"sending"}"#,
            r#"{"schema":1,"key":"k","body":"{}","state":"lost"}"#,
            r#"{"schema":1,"key":"k","body":"{}","state":"paused","detail":"?"}"#,
            r#"{"schema":1,"key":"k","body":"{}","state":"rejected","detail":[{"code":"x"}]}"#,
            r#"{"schema":1,"key":"k","body":"{}","state":"sending","extra":true}"#,
            r#"{"schema":1,"key":"k","body":"{}","state":"conflict"}"#,
        ]
        .map(str::to_owned),
    );
    for text in &records {
        assert_eq!(storage::decode_outbox(text), O::decode(text).ok(), "{text}");
    }
}
