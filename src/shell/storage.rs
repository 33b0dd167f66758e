//! The wizard's drafts in `localStorage`: read, write, back up what cannot be read, and the few
//! browser services around them (time stamps, UUIDs, window events, file download and upload).
//!
//! [`Store`] takes an `Option<web_sys::Storage>`, so tests can give it none (storage unavailable)
//! or an object that throws (storage full).

use crate::domain::draft::{DecodeError, Envelope};
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The key of the draft.
pub const KEY: &str = "metropolis-diploma.draft";
/// Prefix of the backup keys of unreadable drafts (`…unreadable.<timestamp>`).
pub const BACKUP_PREFIX: &str = "metropolis-diploma.draft.unreadable.";

/// What the storage holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// No draft.
    Empty,
    /// A usable draft (migrated if it was older).
    Draft(Box<Envelope>),
    /// Text that is not a usable draft; it was copied to `backup` (`None`: the copy failed, the
    /// text stays under [`KEY`]) and removed from [`KEY`].
    Unreadable {
        /// Why it cannot be used.
        error: DecodeError,
        /// The backup key.
        backup: Option<String>,
    },
}

/// A draft store over one `Storage` (or none).
#[derive(Clone, Debug)]
pub struct Store {
    storage: Option<web_sys::Storage>,
}

impl Store {
    /// The browser's `localStorage`, if it is there and accepts writes.
    #[must_use]
    pub fn local() -> Store {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        let probe = "metropolis-diploma.probe";
        let storage = storage.filter(|s| s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok());
        Store { storage }
    }

    /// A store over this storage; `None` is "unavailable".
    #[must_use]
    pub fn new(storage: Option<web_sys::Storage>) -> Store {
        Store { storage }
    }

    /// Whether there is a storage at all.
    #[must_use]
    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    /// The raw text under [`KEY`].
    #[must_use]
    pub fn raw(&self) -> Option<String> {
        self.storage.as_ref().and_then(|s| s.get_item(KEY).ok().flatten())
    }

    /// Reads the draft. Text that cannot be used is never thrown away: it is copied under a backup key
    /// first, and removed from [`KEY`] only once the copy is written.
    #[must_use]
    pub fn read(&self) -> Stored {
        let Some(text) = self.raw() else { return Stored::Empty };
        match Envelope::decode(&text) {
            Ok(envelope) => Stored::Draft(Box::new(envelope)),
            Err(error) => {
                let backup = self.storage.as_ref().and_then(|s| {
                    // Two unreadable copies within one millisecond must not share a backup key.
                    let stamp = now_iso();
                    let key = (0..100)
                        .map(|n| {
                            if n == 0 {
                                format!("{BACKUP_PREFIX}{stamp}")
                            } else {
                                format!("{BACKUP_PREFIX}{stamp}.{n}")
                            }
                        })
                        .find(|k| s.get_item(k).ok().flatten().is_none())?;
                    (s.set_item(&key, &text).is_ok() && s.remove_item(KEY).is_ok()).then_some(key)
                });
                Stored::Unreadable { error, backup }
            }
        }
    }

    /// Writes the draft; `false` when the browser refuses (no storage, quota, private mode).
    #[must_use]
    pub fn write(&self, envelope: &Envelope) -> bool {
        self.storage.as_ref().is_some_and(|s| s.set_item(KEY, &envelope.encode()).is_ok())
    }

    /// Removes the draft (backups stay); `false` when that failed.
    #[must_use]
    pub fn clear(&self) -> bool {
        self.storage.as_ref().is_some_and(|s| s.remove_item(KEY).is_ok())
    }
}

/// Now, as `2025-09-01T10:00:00.000Z` (`Date.prototype.toISOString`).
#[must_use]
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A random UUID (`crypto.randomUUID()`); a time-based stand-in where the browser has none.
#[must_use]
pub fn new_key() -> String {
    let uuid = web_sys::window().and_then(|w| Reflect::get(&w, &"crypto".into()).ok()).and_then(|c| {
        let f = Reflect::get(&c, &"randomUUID".into()).ok()?.dyn_into::<Function>().ok()?;
        f.call0(&c).ok()?.as_string()
    });
    // Integers only: formatting floats would add kilobytes to the bundle.
    uuid.unwrap_or_else(|| format!("draft-{}-{}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e15) as u64))
}

/// A date-time stamp in the user's words (`1 September 2025 at 12:00`).
#[must_use]
pub fn local_time(iso: &str, locale: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(locale, &options))
}

/// Listens to `event` on the window (or, with `on_document`, on the document) for the page's life.
pub fn listen(event: &str, on_document: bool, f: impl Fn(web_sys::Event) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let target: web_sys::EventTarget = match (on_document, window.document()) {
        (true, Some(d)) => d.into(),
        _ => window.into(),
    };
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// A string property of a JavaScript object (`event.key`, `event.newValue`).
#[must_use]
pub fn prop(target: &JsValue, name: &str) -> Option<String> {
    Reflect::get(target, &name.into()).ok().and_then(|v| v.as_string())
}

/// Whether the page is being hidden (`document.visibilityState == "hidden"`).
#[must_use]
pub fn hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).and_then(|d| prop(&d, "visibilityState")).as_deref() == Some("hidden")
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
                a.click();
                a.remove();
            }
        }
    }
    // Revoked a little later: the download starts asynchronously.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

/// The text of the first file chosen in an `<input type=file>`.
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let files = Reflect::get(input, &"files".into()).ok()?;
    let file = Reflect::get(&files, &0.into()).ok().filter(|f| f.is_object())?;
    let text = Reflect::get(&file, &"text".into()).ok()?.dyn_into::<Function>().ok()?;
    let promise: Promise = text.call0(&file).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

/// Asks the person to confirm (`window.confirm`).
#[must_use]
pub fn confirm(message: &str) -> bool {
    web_sys::window().is_some_and(|w| w.confirm_with_message(message).unwrap_or(false))
}
