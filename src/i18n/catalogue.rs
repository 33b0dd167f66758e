//! Catalogues as data: each language is a JSON file (`public/i18n/<lang>.json`) parsed with
//! serde_json and read at run time into typed structs, so that no language's words are compiled into the WebAssembly and adding
//! one costs the bundles nothing.
//!
//! [`catalogue!`](crate::catalogue) declares a struct of texts and its reader. The reader is strict:
//! a key missing from the file, a key the struct does not have, or a value of the wrong shape is an
//! error naming the key (`site.nav_home`). A page reads its catalogue once and keeps it for its
//! whole life, so the strings are leaked into `&'static str`: views use them without cloning, and
//! the memory is bounded by the one catalogue a page loads.

use crate::domain::document::{join, DocumentError, Expected, Problem};
use serde_json::{Map, Value as Json};

/// The value as short JSON text, for "`found` is not …".
fn found(value: &Json) -> String {
    match value {
        Json::Array(_) => "[…]".to_owned(),
        Json::Object(_) => "{…}".to_owned(),
        other => other.to_string(),
    }
}

/// Reads the members of one catalogue section; the first problem is kept and reported by
/// [`Reader::finish`], so each field costs one call in the generated code.
pub struct Reader<'a> {
    path: &'a str,
    members: &'a Map<String, Json>,
    error: Option<DocumentError>,
}

impl<'a> Reader<'a> {
    /// The members of `value`, which must be an object whose keys are all in `keys`.
    ///
    /// # Errors
    /// Not an object, or [`Problem::Unknown`] at the first key not in `keys`.
    pub fn new(value: &'a Json, path: &'a str, keys: &[&str]) -> Result<Reader<'a>, DocumentError> {
        let Json::Object(members) = value else {
            return Err(DocumentError::new(path, Problem::invalid(Expected::Object, &found(value))));
        };
        if let Some(k) = members.keys().find(|k| !keys.contains(&k.as_str())) {
            return Err(DocumentError::new(join(path, k), Problem::Unknown));
        }
        Ok(Reader { path, members, error: None })
    }

    fn fail(&mut self, key: &str, problem: Problem) {
        if self.error.is_none() {
            self.error = Some(DocumentError::new(join(self.path, key), problem));
        }
    }

    fn value(&mut self, key: &str) -> Option<&'a Json> {
        let found = self.members.get(key);
        if found.is_none() {
            self.fail(key, Problem::Missing);
        }
        found
    }

    fn string(&mut self, key: &str, value: &Json) -> &'static str {
        match value {
            Json::String(s) => Box::leak(s.clone().into_boxed_str()),
            other => {
                self.fail(key, Problem::invalid(Expected::Text, &found(other)));
                ""
            }
        }
    }

    /// A text.
    // Never inlined: the generated reader calls this once per key, hundreds of times.
    #[inline(never)]
    pub fn text(&mut self, key: &str) -> &'static str {
        match self.value(key) {
            Some(v) => self.string(key, v),
            None => "",
        }
    }

    /// The texts of `keys`, in order, into `out`.
    pub fn texts(&mut self, keys: &[&str], out: &mut [&'static str]) {
        for (key, slot) in keys.iter().zip(out.iter_mut()) {
            *slot = self.text(key);
        }
    }

    /// A list of texts.
    #[inline(never)]
    pub fn list(&mut self, key: &str) -> Vec<&'static str> {
        match self.value(key) {
            Some(Json::Array(items)) => items.iter().map(|v| self.string(key, v)).collect(),
            Some(other) => {
                self.fail(key, Problem::invalid(Expected::List, &found(other)));
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// The first problem, if any.
    ///
    /// # Errors
    /// That problem.
    pub fn finish(self) -> Result<(), DocumentError> {
        self.error.map_or(Ok(()), Err)
    }
}

/// A kind of catalogue value: a text, a fixed number of texts, or a list.
pub trait Entry: Sized {
    /// Reads `key`; a problem is recorded in the reader and a placeholder returned.
    fn read(r: &mut Reader<'_>, key: &str) -> Self;
    /// The value as JSON (to write catalogues and compare them in tests).
    fn write(&self) -> Json;
}

impl Entry for &'static str {
    #[inline(always)]
    fn read(r: &mut Reader<'_>, key: &str) -> Self {
        r.text(key)
    }
    fn write(&self) -> Json {
        Json::String((*self).to_owned())
    }
}

impl<const N: usize> Entry for [&'static str; N] {
    #[inline(never)]
    fn read(r: &mut Reader<'_>, key: &str) -> Self {
        let items = r.list(key);
        let mut out = [""; N];
        if items.len() == N {
            out.copy_from_slice(&items);
        } else if !items.is_empty() {
            r.fail(key, Problem::invalid(Expected::Items(N), &format!("{} items", items.len())));
        }
        out
    }
    fn write(&self) -> Json {
        Json::Array(self.iter().map(|s| Json::String((*s).to_owned())).collect())
    }
}

impl Entry for &'static [&'static str] {
    fn read(r: &mut Reader<'_>, key: &str) -> Self {
        r.list(key).leak()
    }
    fn write(&self) -> Json {
        Json::Array(self.iter().map(|s| Json::String((*s).to_owned())).collect())
    }
}

/// Pairs written as an object: `{ "about.first_name": "Enter your first name", ... }`.
impl Entry for &'static [(&'static str, &'static str)] {
    fn read(r: &mut Reader<'_>, key: &str) -> Self {
        match r.value(key) {
            Some(Json::Object(members)) => {
                let pairs: Vec<(&'static str, &'static str)> =
                    members.iter().map(|(k, v)| (&*Box::leak(k.clone().into_boxed_str()), r.string(key, v))).collect();
                pairs.leak()
            }
            Some(other) => {
                r.fail(key, Problem::invalid(Expected::Object, &found(other)));
                &[]
            }
            None => &[],
        }
    }
    fn write(&self) -> Json {
        Json::Object(self.iter().map(|(k, v)| ((*k).to_owned(), Json::String((*v).to_owned()))).collect())
    }
}

/// Declares a struct of texts read from a catalogue section.
///
/// `texts { a, b, … }` are single texts, read through methods (`t.a()`); `others { name: Type, … }`
/// are lists and pairs (types implementing [`Entry`]), public fields. `keys` names a module the
/// macro creates for the texts' indexes. Generates the struct, `KEYS` (every key), `read(value,
/// path)` (strict: missing, unknown and mistyped keys are errors naming the key) and `to_json()`.
///
/// The single texts live in one array filled by one loop: a catalogue has hundreds of them, and a
/// struct field per text measured about 6 KB of WebAssembly in reading and moving it.
#[macro_export]
macro_rules! catalogue {
    (
        $(#[$sm:meta])*
        pub struct $name:ident in $keys:ident {
            texts { $($t:ident),* $(,)? }
            others { $($o:ident : $oty:ty),* $(,)? }
        }
    ) => {
        #[allow(non_camel_case_types, clippy::enum_variant_names)]
        mod $keys {
            /// The index of each single text in the array.
            pub enum Key { $($t),* }
        }

        $(#[$sm])*
        pub struct $name {
            texts: [&'static str; $name::TEXT_KEYS.len()],
            $(pub $o: $oty,)*
        }

        #[allow(missing_docs)]
        impl $name {
            $(
                #[must_use]
                #[inline]
                pub fn $t(&self) -> &'static str {
                    self.texts[$keys::Key::$t as usize]
                }
            )*
        }

        impl $name {
            /// The keys of the single texts, in declaration order.
            pub const TEXT_KEYS: &'static [&'static str] = &[$(stringify!($t)),*];

            /// Every key of this section: the single texts, then the lists.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($t),)* $(stringify!($o)),*];

            /// Reads the section at `path` of a catalogue.
            ///
            /// # Errors
            /// The first missing, unknown or mistyped key, named by its dotted path.
            pub fn read(value: &::serde_json::Value, path: &str) -> Result<Self, $crate::domain::document::DocumentError> {
                #[allow(unused_imports)]
                use $crate::i18n::catalogue::{Entry, Reader};
                let mut r = Reader::new(value, path, Self::KEYS)?;
                let mut section = $name {
                    texts: [""; $name::TEXT_KEYS.len()],
                    $($o: <$oty as Entry>::read(&mut r, stringify!($o)),)*
                };
                r.texts(Self::TEXT_KEYS, &mut section.texts);
                r.finish()?;
                Ok(section)
            }

            /// The section as JSON: the single texts, then the lists.
            #[must_use]
            pub fn to_json(&self) -> ::serde_json::Value {
                #[allow(unused_imports)]
                use $crate::i18n::catalogue::Entry;
                #[allow(unused_mut)]
                let mut members: ::serde_json::Map<String, ::serde_json::Value> =
                    Self::TEXT_KEYS.iter().zip(self.texts.iter()).map(|(k, v)| ((*k).to_owned(), v.write())).collect();
                $(members.insert(stringify!($o).to_owned(), self.$o.write());)*
                ::serde_json::Value::Object(members)
            }
        }
    };
}
