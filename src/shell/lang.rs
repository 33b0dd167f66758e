//! Which language a page shows: from the URL, then remembered on this device, then the browser's.

use super::dom;
use crate::i18n::Locale;

/// The localStorage key of the remembered language.
pub const STORAGE_KEY: &str = "metropolis-diploma.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Chooses the page's language ([`Locale::choose`]), remembers a `lang=` from the URL, and sets
/// `<html lang>`. With `use_storage` false (a partner's frame: the choice is the partner's, and the
/// frame never touches this site's storage from a partner page) nothing is read or remembered.
#[must_use]
pub fn start(use_storage: bool) -> Locale {
    let url = dom::query_pairs().into_iter().find(|(k, _)| k == "lang").map(|(_, v)| v);
    let storage = if use_storage { storage() } else { None };
    let stored = storage.as_ref().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let browser: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    let browser: Vec<&str> = browser.iter().map(String::as_str).collect();
    let locale = Locale::choose(url.as_deref(), stored.as_deref(), &browser);
    if let (Some(s), true) = (&storage, url.as_deref().and_then(Locale::from_tag).is_some()) {
        let _ = s.set_item(STORAGE_KEY, locale.tag());
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", locale.tag());
    }
    locale
}

/// The current address with `lang=` set to `locale` (other parameters and the fragment kept): the
/// switcher's link, a full page load so the new catalogue is read.
#[must_use]
pub fn switch_url(locale: Locale) -> String {
    let mut pairs: Vec<(String, String)> = dom::query_pairs().into_iter().filter(|(k, _)| k != "lang").collect();
    pairs.push(("lang".to_owned(), locale.tag().to_owned()));
    let Ok(params) = web_sys::UrlSearchParams::new() else { return String::new() };
    for (k, v) in &pairs {
        params.append(k, v);
    }
    let location = web_sys::window().map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let hash = location.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    format!("{path}?{}{hash}", String::from(params.to_string()))
}
