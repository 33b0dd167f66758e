//! The catalogues (public/i18n/<lang>.json): each reads into the typed sections (a missing or
//! unknown key is refused and named), every language has every key the English one has and nothing
//! more, values of the same shape, the same {placeholders}, and no empty text.

use metropolis_diploma::i18n::{Catalogue, Locale};
use serde_json::Value;
use std::collections::BTreeSet;

fn read(locale: Locale) -> Value {
    let path = format!("{}/public/{}", env!("CARGO_MANIFEST_DIR"), locale.catalogue_file());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first problem reading a catalogue, as (path, message).
fn problem(doc: &Value) -> Option<(String, String)> {
    let text = doc.to_string();
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize::<_, Catalogue>(&mut de)
        .err()
        .map(|e| (e.path().to_string(), e.inner().to_string()))
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

const PLURAL_FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A text with a form per plural category (`{"one": …, "other": …}`).
fn is_plural(value: &Value) -> bool {
    value.as_object().is_some_and(|m| m.contains_key("other") && m.keys().all(|k| PLURAL_FORMS.contains(&k.as_str())))
}

/// Every text with its dotted key; a plural counts as one entry (its `other` form), its forms apart.
fn texts(path: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    let join = |k: &str| if path.is_empty() { k.to_owned() } else { format!("{path}.{k}") };
    match value {
        Value::Object(m) if !is_plural(value) => m.iter().for_each(|(k, v)| texts(&join(k), v, out)),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| texts(&join(&i.to_string()), v, out)),
        other => out.push((path.to_owned(), other.clone())),
    }
}

#[test]
fn every_catalogue_reads_into_every_section() {
    for locale in Locale::ALL {
        if let Some((path, message)) = problem(&read(locale)) {
            panic!("{}: {path}: {message}", locale.catalogue_file());
        }
    }
}

#[test]
fn every_language_has_the_english_keys_placeholders_and_no_empty_text() {
    let mut english = Vec::new();
    texts("", &read(Locale::En), &mut english);
    for locale in Locale::ALL {
        let file = locale.catalogue_file();
        let mut theirs = Vec::new();
        texts("", &read(locale), &mut theirs);
        let their_keys: Vec<&String> = theirs.iter().map(|(k, _)| k).collect();
        let our_keys: Vec<&String> = english.iter().map(|(k, _)| k).collect();
        assert_eq!(their_keys, our_keys, "{file}: the same keys, lists of the same length");
        for ((key, en), (_, text)) in english.iter().zip(&theirs) {
            match (en, text) {
                (Value::String(en), Value::String(text)) => {
                    assert_eq!(placeholders(text), placeholders(en), "{file}: {key} = {text:?}");
                    assert!(!text.trim().is_empty(), "{file}: {key} is empty");
                }
                (en, text) if is_plural(en) && is_plural(text) => {
                    let wanted = placeholders(en["other"].as_str().unwrap_or_default());
                    let forms = text.as_object().into_iter().flatten();
                    for (form, t) in forms {
                        let t = t.as_str().unwrap_or_default();
                        assert!(!t.trim().is_empty(), "{file}: {key}.{form} is empty");
                        // A form may leave out {n} ("one day", "un jour"), never add one.
                        assert!(placeholders(t).is_subset(&wanted), "{file}: {key}.{form} = {t:?}");
                    }
                    assert!(text.get("one").is_some(), "{file}: {key} has no \"one\" form");
                }
                _ => panic!("{file}: {key} is not of the English shape: {text}"),
            }
        }
    }
}

#[test]
fn a_missing_or_extra_key_is_named() {
    let doc = read(Locale::En);
    let mut missing = doc.clone();
    missing["common"].as_object_mut().map(|m| m.remove("nav_home"));
    let (path, message) = problem(&missing).expect("a missing key is refused");
    assert_eq!(path, "common", "{message}");
    assert!(message.contains("nav_home"), "{message}");
    let mut extra = doc;
    extra["common"].as_object_mut().map(|m| m.insert("nav_hmoe".into(), Value::String("x".into())));
    let (path, message) = problem(&extra).expect("an unknown key is refused");
    assert!(path == "common" || path == "common.nav_hmoe", "{path}");
    assert!(message.contains("nav_hmoe"), "{message}");
}

#[test]
fn language_tags() {
    for l in Locale::ALL {
        assert_eq!(Locale::from_tag(l.tag()), Some(l));
        assert!(l.intl_tag().starts_with(l.tag()));
    }
    assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
    assert_eq!(Locale::from_tag("ES"), Some(Locale::Es));
    assert_eq!(Locale::from_tag("de"), None);
}
