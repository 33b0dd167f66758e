//! Browser tests of the wizard's storage shell (`shell::storage`): round trip, unreadable data kept
//! under a backup key, and storage that is missing or refuses writes. The store is synchronous, so
//! these tests need no event loop.
#![cfg(target_arch = "wasm32")]

use metropolis_diploma::domain::application::Draft;
use metropolis_diploma::domain::draft::{DecodeError, Envelope};
use metropolis_diploma::shell::storage::{self, Store, Stored, BACKUP_PREFIX, KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn backups() -> Vec<(String, String)> {
    let s = local();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .map(|k| (k.clone(), s.get_item(&k).unwrap().unwrap()))
        .collect()
}

fn clean() {
    let s = local();
    let _ = s.remove_item(KEY);
    for (k, _) in backups() {
        let _ = s.remove_item(&k);
    }
}

fn draft() -> Draft {
    let mut d = Draft { key: storage::new_key(), ..Draft::default() };
    d.about.first_name = "Aïcha".into();
    d.about.email = "aicha@example.org".into();
    d
}

#[wasm_bindgen_test]
fn a_draft_round_trips_through_local_storage() {
    clean();
    let store = Store::local();
    assert!(store.available());
    assert_eq!(store.read(), Stored::Empty);
    let envelope = Envelope::new("2025-3", &storage::now_iso(), draft());
    assert!(store.write(&envelope));
    assert_eq!(Store::local().read(), Stored::Draft(Box::new(envelope.clone())));
    assert!(local().get_item(KEY).unwrap().unwrap().contains("\"schema\": 2"));
    assert!(store.clear());
    assert_eq!(store.read(), Stored::Empty);
    clean();
}

#[wasm_bindgen_test]
fn keys_are_uuids_and_stamps_are_utc() {
    let key = storage::new_key();
    assert_eq!(key.len(), 36, "{key}");
    assert_ne!(key, storage::new_key());
    let now = storage::now_iso();
    assert!(now.ends_with('Z') && now.len() == 24, "{now}");
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_under_a_backup_key_and_reported() {
    clean();
    local().set_item(KEY, "{\"kind\": \"metropolis-diploma-draft\", \"schema\": 2, \"data\": [oops").unwrap();
    let Stored::Unreadable { error, backup } = Store::local().read() else { panic!("not reported") };
    assert_eq!(error, DecodeError::NotJson);
    let backup = backup.expect("backed up");
    assert!(backup.starts_with(BACKUP_PREFIX));
    let kept = backups();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].0, backup);
    assert!(kept[0].1.ends_with("[oops"), "the raw text is kept as it was");
    assert_eq!(Store::local().read(), Stored::Empty, "the key is free for a new draft");
    clean();
}

#[wasm_bindgen_test]
fn future_and_foreign_data_are_reported_too() {
    clean();
    local()
        .set_item(KEY, r#"{"kind":"metropolis-diploma-draft","schema":99,"edition":"x","saved_at":"","data":{}}"#)
        .unwrap();
    assert!(matches!(
        Store::local().read(),
        Stored::Unreadable { error: DecodeError::FutureVersion { found: 99 }, backup: Some(_) }
    ));
    local().set_item(KEY, r#"{"hello":"world"}"#).unwrap();
    assert!(matches!(Store::local().read(), Stored::Unreadable { error: DecodeError::NotADraft, backup: Some(_) }));
    assert_eq!(backups().len(), 2);
    clean();
}

#[wasm_bindgen_test]
fn older_drafts_are_migrated_on_read() {
    clean();
    local()
        .set_item(KEY, r#"{"version":1,"edition":"2025-3","saved":"2025-01-01T00:00:00.000Z","answers":{"about":{"name":"Ana Maria Pérez"}}}"#)
        .unwrap();
    let Stored::Draft(envelope) = Store::local().read() else { panic!("not migrated") };
    assert_eq!(envelope.data.about.surname, "Pérez");
    clean();
}

#[wasm_bindgen_test]
fn no_storage_means_nothing_is_saved_and_nothing_breaks() {
    let store = Store::new(None);
    assert!(!store.available());
    assert_eq!(store.read(), Stored::Empty);
    assert!(!store.write(&Envelope::new("2025-3", &storage::now_iso(), draft())));
    assert!(!store.clear());
}

#[wasm_bindgen_test]
fn storage_that_throws_is_reported_as_not_saved() {
    // A stand-in for a full or private-mode storage: reads nothing, refuses every write.
    let full: web_sys::Storage = js_sys::Function::new_no_args(
        "return { getItem() { return null; }, \
                  setItem() { throw new DOMException('full', 'QuotaExceededError'); }, \
                  removeItem() { throw new DOMException('denied', 'SecurityError'); } };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap()
    .unchecked_into();
    let store = Store::new(Some(full));
    assert_eq!(store.read(), Stored::Empty);
    assert!(!store.write(&Envelope::new("2025-3", &storage::now_iso(), draft())));
    assert!(!store.clear());
}
