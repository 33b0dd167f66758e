//! The application form's records in `localStorage`, through gloo-storage: the draft (a versioned
//! envelope, migrated on read), the outbox (the application being sent) and the sent record (the
//! confirmation), plus the few browser services around them: time stamps, keys, and storage events
//! from other tabs.
//!
//! Nothing stored is ever thrown away because this build cannot read it: the text is copied under a
//! backup key first (`metropolis-diploma.draft.unreadable.<time>`, `….outbox.unreadable.<time>`) and
//! removed from its key only once the copy is written. Storage that is missing or refused (private
//! modes, blocked cookies) reads as [`Stored::Unavailable`], and a full quota makes a write return
//! `false`: the form then keeps the answers in memory and says so.

use crate::domain::document::{DocumentError, Expected, Problem};
use crate::domain::draft::{migrate, DecodeError, Envelope};
use crate::domain::outbox::{Outbox, Sent};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The draft's key.
pub const DRAFT_KEY: &str = "metropolis-diploma.draft";
/// The key of the application being sent.
pub const OUTBOX_KEY: &str = "metropolis-diploma.outbox";
/// The key of the last confirmed application (the confirmation page reads it).
pub const SENT_KEY: &str = "metropolis-diploma.sent";
/// Prefix of the backup keys of unreadable drafts (`…unreadable.<time stamp>`).
pub const BACKUP_PREFIX: &str = "metropolis-diploma.draft.unreadable.";
/// Prefix of the backup keys of unreadable outbox records.
pub const OUTBOX_BACKUP_PREFIX: &str = "metropolis-diploma.outbox.unreadable.";

/// Whether the page may use `localStorage` at all. Browsers that block it throw on the property
/// itself (gloo-storage would then panic), so every operation asks first.
#[must_use]
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// Whether storage takes writes now (a probe key is written and removed): false in modes that
/// expose `localStorage` but refuse every write, and when the quota is full.
#[must_use]
pub fn writable() -> bool {
    const PROBE: &str = "metropolis-diploma.probe";
    put(PROBE, "1") && remove(PROBE)
}

/// The text under `key`, if storage is there and holds one.
fn text(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes `value` under `key` as it is; `false` when the browser refuses (no storage, full quota).
fn put(key: &str, value: &str) -> bool {
    available() && LocalStorage::raw().set_item(key, value).is_ok()
}

/// Removes `key`; `false` when there is no storage.
fn remove(key: &str) -> bool {
    available() && LocalStorage::raw().remove_item(key).is_ok()
}

/// Copies `text` under a fresh `<prefix><time stamp>` key and, once that is written, removes
/// `key`. Returns the backup key, or `None` when the copy failed (the text then stays under `key`).
fn back_up(key: &str, prefix: &str, text: &str) -> Option<String> {
    let stamp = now_iso();
    // Two unreadable copies within one millisecond must not share a backup key.
    let backup = (0..100)
        .map(|n| if n == 0 { format!("{prefix}{stamp}") } else { format!("{prefix}{stamp}.{n}") })
        .find(|k| self::text(k).is_none())?;
    (put(&backup, text) && remove(key)).then_some(backup)
}

/// What the storage holds for the draft.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// No storage: nothing can be kept on this device.
    Unavailable,
    /// No draft.
    Empty,
    /// A usable draft (migrated if it was older).
    Draft(Box<Envelope>),
    /// Text that is not a usable draft. It was copied to `backup` and removed from the draft's key;
    /// `backup` is `None` when the copy failed, and the text then stays under the key.
    Unreadable {
        /// Why it cannot be used.
        error: DecodeError,
        /// The backup key.
        backup: Option<String>,
    },
}

/// Reads the draft, migrating older versions; unreadable text is backed up, never lost.
#[must_use]
pub fn read_draft() -> Stored {
    if !available() {
        return Stored::Unavailable;
    }
    let Some(text) = text(DRAFT_KEY) else { return Stored::Empty };
    match decode_draft(&text) {
        Ok(envelope) => Stored::Draft(Box::new(envelope)),
        Err(error) => Stored::Unreadable { error, backup: back_up(DRAFT_KEY, BACKUP_PREFIX, &text) },
    }
}

/// Reads a draft's text (stored, from another tab, or opened from a file) as
/// [`Envelope::decode`] does — the same migrations, the same answers, the same refusals — with
/// plain serde_json: the field path of a problem, which the browser never shows, is left out,
/// because tracking it (serde_path_to_error) doubles the code that reads a draft.
///
/// # Errors
/// Why the text is not a draft this build can use.
pub fn decode_draft(text: &str) -> Result<Envelope, DecodeError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| DecodeError::NotJson)?;
    serde_json::from_value(migrate(value)?)
        .map_err(|e| DecodeError::Invalid(DocumentError::new("", Problem::invalid(Expected::Other(e.to_string()), ""))))
}

/// A draft's text as stored and downloaded: compact JSON (the same writer as the application's
/// body, so the WebAssembly carries one JSON writer for the answers, not two).
#[must_use]
pub fn draft_json(envelope: &Envelope) -> String {
    serde_json::to_string(envelope).unwrap_or_default()
}

/// The draft's stored text as it is (for a download).
#[must_use]
pub fn draft_text() -> Option<String> {
    text(DRAFT_KEY)
}

/// Writes the draft (serde, compact); `false` when the browser refuses.
#[must_use]
pub fn write_draft(envelope: &Envelope) -> bool {
    available() && LocalStorage::set(DRAFT_KEY, envelope).is_ok()
}

/// Removes the draft (backups stay); `false` when there is no storage.
pub fn clear_draft() -> bool {
    remove(DRAFT_KEY)
}

/// The application waiting to be sent. A record this build cannot read is backed up under
/// [`OUTBOX_BACKUP_PREFIX`] (never lost) and counts as none.
#[must_use]
pub fn read_outbox() -> Option<Outbox> {
    let text = text(OUTBOX_KEY)?;
    match decode_outbox(&text) {
        Some(outbox) => Some(outbox),
        None => {
            back_up(OUTBOX_KEY, OUTBOX_BACKUP_PREFIX, &text);
            None
        }
    }
}

/// Reads an outbox record as [`Outbox::decode`] does (the same format, the same refusals, a
/// browser test holds them equal), with plain serde_json rather than with field paths the
/// browser never shows: tracking them (serde_path_to_error) over the record's free-form `detail`
/// costs more code than the whole record.
#[must_use]
pub fn decode_outbox(text: &str) -> Option<Outbox> {
    use crate::domain::outbox::{Failure, OutboxState, OUTBOX_SCHEMA};
    use serde_json::Value;
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Record {
        schema: u32,
        key: String,
        body: String,
        #[serde(default)]
        attempts: u32,
        #[serde(default)]
        not_before: u64,
        state: String,
        #[serde(default)]
        detail: Value,
    }
    let r: Record = serde_json::from_str(text).ok()?;
    if r.schema != OUTBOX_SCHEMA {
        return None;
    }
    let state = match r.state.as_str() {
        "sending" => OutboxState::Sending,
        // A pause always restarts by hand; an unreadable reason is shown as a network problem.
        "paused" => OutboxState::Paused(match &r.detail {
            Value::String(s) if s == "timeout" => Failure::Timeout,
            Value::Number(n) => Failure::Status(n.as_u64().and_then(|n| u16::try_from(n).ok()).unwrap_or(0)),
            _ => Failure::Network,
        }),
        "rejected" => OutboxState::Rejected(serde_json::from_value(r.detail).ok()?),
        "conflict" => OutboxState::Conflict,
        _ => return None,
    };
    Some(Outbox { key: r.key, body: r.body, attempts: r.attempts, not_before: r.not_before, state })
}

/// Keeps the outbox record; `false` when the browser refuses.
#[must_use]
pub fn write_outbox(outbox: &Outbox) -> bool {
    put(OUTBOX_KEY, &outbox.encode())
}

/// Removes the outbox record (only after the endpoint confirmed).
pub fn clear_outbox() {
    remove(OUTBOX_KEY);
}

/// The last confirmed application, if readable.
#[must_use]
pub fn read_sent() -> Option<Sent> {
    available().then(|| LocalStorage::get::<Sent>(SENT_KEY).ok()).flatten()
}

/// Keeps the confirmation for the confirmation page; `false` when the browser refuses.
pub fn write_sent(sent: &Sent) -> bool {
    available() && LocalStorage::set(SENT_KEY, sent).is_ok()
}

/// A change another tab or window made to one of the form's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The draft's key now holds this text (`None`: removed).
    Draft(Option<String>),
    /// The outbox changed.
    Outbox,
}

/// Calls `f` for each change another tab makes to the draft or the outbox (the `storage` event),
/// for as long as the calling component lives.
pub fn on_change(f: impl Fn(Change) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| match ev.key().as_deref() {
        Some(DRAFT_KEY) => f(Change::Draft(ev.new_value())),
        Some(OUTBOX_KEY) => f(Change::Outbox),
        // `clear()` in another tab: every key is gone.
        None => f(Change::Draft(None)),
        Some(_) => {}
    });
    on_cleanup(move || handle.remove());
}

/// Now, as `2025-09-01T10:00:00.000Z` (`Date.prototype.toISOString`).
#[must_use]
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A time stamp (`now_iso`'s form) in the reader's words and time zone: `1 September 2025 at 12:00`.
#[must_use]
pub fn local_time(iso: &str, locale: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(locale, &options))
}

/// A new random UUID (version 4) for a draft: `crypto.randomUUID()`, or, where the browser lacks
/// it (pages served over plain HTTP from another host), one made from `crypto.getRandomValues`.
#[must_use]
pub fn new_key() -> String {
    let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) else { return fallback_key(None) };
    if js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false) {
        return crypto.random_uuid();
    }
    fallback_key(Some(&crypto))
}

fn fallback_key(crypto: Option<&web_sys::Crypto>) -> String {
    let mut bytes = [0u8; 16];
    let filled = crypto.is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            // Math.random is in [0, 1): the product is in 0..256.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = (js_sys::Math::random() * 256.0) as u8;
            *b = v;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}
