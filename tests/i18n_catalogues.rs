//! The catalogues (public/i18n/<lang>.json): every language has every key the English one has,
//! nothing more, values of the same shape, and the same {placeholders} in each text.

use metropolis_diploma::domain::document::join;
use metropolis_diploma::i18n::apply::ApplyTexts;
use metropolis_diploma::i18n::{EmbedTexts, Locale, Texts};
use serde_json::Value as Json;
use std::collections::BTreeSet;

fn read(locale: Locale) -> Json {
    let path = format!("{}/public/{}", env!("CARGO_MANIFEST_DIR"), locale.catalogue_file());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn section<'a>(doc: &'a Json, name: &str) -> &'a Json {
    doc.get(name).unwrap_or(&Json::Null)
}

/// `{name}` placeholders of a text, as a set.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.insert(rest[open + 1..open + close].to_owned());
        rest = &rest[open + close + 1..];
    }
    out
}

/// Every text of a value with its dotted key.
fn texts(path: &str, value: &Json, out: &mut Vec<(String, String)>) {
    match value {
        Json::String(s) => out.push((path.to_owned(), s.clone())),
        Json::Array(items) => items.iter().enumerate().for_each(|(i, v)| texts(&format!("{path}.{i}"), v, out)),
        Json::Object(members) => members.iter().for_each(|(k, v)| texts(&join(path, k), v, out)),
        _ => out.push((path.to_owned(), String::new())),
    }
}

#[test]
fn every_catalogue_reads_into_every_section() {
    for locale in Locale::ALL {
        let doc = read(locale);
        let file = locale.catalogue_file();
        let Json::Object(members) = &doc else { panic!("{file}: not an object") };
        let mut keys: Vec<&str> = members.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["apply", "embed", "site"], "{file}: sections");
        if let Err(e) = Texts::read(section(&doc, "site"), "site") {
            panic!("{file}: {} {:?}", e.path, e.problem);
        }
        if let Err(e) = EmbedTexts::read(section(&doc, "embed"), "embed") {
            panic!("{file}: {} {:?}", e.path, e.problem);
        }
        if let Err(e) = ApplyTexts::read(section(&doc, "apply"), "apply") {
            panic!("{file}: {} {:?}", e.path, e.problem);
        }
    }
}

#[test]
fn every_text_keeps_the_english_placeholders_and_is_not_empty() {
    let mut english = Vec::new();
    texts("", &read(Locale::En), &mut english);
    for locale in Locale::ALL {
        let mut theirs = Vec::new();
        texts("", &read(locale), &mut theirs);
        let file = locale.catalogue_file();
        let their_keys: Vec<&String> = theirs.iter().map(|(k, _)| k).collect();
        let our_keys: Vec<&String> = english.iter().map(|(k, _)| k).collect();
        assert_eq!(their_keys, our_keys, "{file}: the same keys, lists of the same length");
        for ((key, en), (_, text)) in english.iter().zip(&theirs) {
            assert_eq!(placeholders(text), placeholders(en), "{file}: {key} = {text:?}");
            assert_eq!(text.trim().is_empty(), en.trim().is_empty(), "{file}: {key} is empty");
        }
    }
}

#[test]
fn a_missing_or_extra_key_is_named() {
    let doc = read(Locale::En);
    let Json::Object(mut site) = section(&doc, "site").clone() else { panic!("site is an object") };
    site.remove("nav_home");
    let err = Texts::read(&Json::Object(site.clone()), "site").err().map(|e| e.path);
    assert_eq!(err.as_deref(), Some("site.nav_home"), "a missing key");
    site.insert("nav_hmoe".into(), Json::String("x".into()));
    let err = Texts::read(&Json::Object(site), "site").err().map(|e| e.path);
    assert_eq!(err.as_deref(), Some("site.nav_hmoe"), "an extra key");
}

#[test]
fn the_language_is_chosen_from_the_url_then_storage_then_the_browser() {
    use Locale::{En, Es, Fr};
    // (lang= in the URL, remembered, the browser's languages, chosen)
    type Row<'a> = (Option<&'a str>, Option<&'a str>, &'a [&'a str], Locale);
    #[rustfmt::skip]
    let rows: &[Row] = &[
        (None, None, &[], En),
        (Some("fr"), Some("es"), &["en"], Fr),
        (Some("ES"), None, &[], Es),
        (Some("xx"), Some("es"), &["fr"], Es),
        (None, Some("fr"), &["es"], Fr),
        (None, Some("de"), &["de-DE", "es-419", "fr"], Es),
        (None, None, &["pt-BR", "fr_CA"], Fr),
        (None, None, &["de", "it"], En),
    ];
    for &(url, stored, browser, expected) in rows {
        assert_eq!(Locale::choose(url, stored, browser), expected, "choose({url:?}, {stored:?}, {browser:?})");
    }
    for l in Locale::ALL {
        assert_eq!(Locale::from_tag(l.tag()), Some(l));
        assert!(l.intl_tag().starts_with(l.tag()));
    }
}
