//! How a catalogue section is read: serde reads the section as one map of entries (a text, a list
//! of texts, or an object of texts such as a plural's forms), and [`texts_section!`] declares the
//! typed struct and takes each field from that map by its key, refusing a missing or unknown key
//! with serde's own errors (so the path and the key are named as for any document).
//!
//! Why not `#[derive(Deserialize)]` on the structs: the catalogue has about 400 texts, and the
//! derived visitors (a match arm, a slot and a check per field, plus a sequence visitor per
//! struct, each instantiated into serde_json) measured 190 KB of the application's WebAssembly
//! before wasm-opt, a fifth of its code. One map type and one small call per field do the same
//! reading.

use super::{Plural, Str, Text};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One value of a section.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A text.
    Text(Str),
    /// A list of texts.
    List(Vec<Str>),
    /// An object of texts (a plural's forms, or keyed texts).
    Map(BTreeMap<String, Str>),
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Entry, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entry;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, a list of texts or an object of texts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Entry, E> {
                Ok(Entry::Text(Text::leak(v).get()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
                let mut list = Vec::new();
                while let Some(t) = seq.next_element::<Text>()? {
                    list.push(t.get());
                }
                Ok(Entry::List(list))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, Text>()? {
                    out.insert(k, v.get());
                }
                Ok(Entry::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Entry::Text(t) => s.serialize_str(t),
            Entry::List(l) => l.serialize(s),
            Entry::Map(m) => m.serialize(s),
        }
    }
}

/// The entries of a section, as read; each field takes its own out.
#[derive(Debug, Default)]
pub struct Entries(pub BTreeMap<String, Entry>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Entries, D::Error> {
        BTreeMap::deserialize(d).map(Entries)
    }
}

impl Entries {
    /// The entry of `key`, which must be there.
    ///
    /// # Errors
    /// serde's "missing field" error naming the key.
    pub fn take<E: de::Error>(&mut self, key: &'static str) -> Result<Entry, E> {
        self.0.remove(key).ok_or_else(|| E::missing_field(key))
    }

    /// Refuses what is left: a key the section does not have.
    ///
    /// # Errors
    /// serde's "unknown field" error naming the first such key and the known ones.
    pub fn finish<E: de::Error>(self, known: &'static [&'static str]) -> Result<(), E> {
        match self.0.into_keys().next() {
            Some(key) => Err(E::unknown_field(&key, known)),
            None => Ok(()),
        }
    }
}

/// A value a section's field can hold, taken from its entry.
pub trait FromEntry: Sized {
    /// The field's value.
    ///
    /// # Errors
    /// The entry has another shape.
    fn from_entry<E: de::Error>(entry: Entry) -> Result<Self, E>;
    /// The value as an entry (to write the section into a page).
    fn to_entry(&self) -> Entry;
}

fn shape<E: de::Error>(entry: &Entry, expected: &'static str) -> E {
    let found = match entry {
        Entry::Text(_) => de::Unexpected::Str("a text"),
        Entry::List(_) => de::Unexpected::Seq,
        Entry::Map(_) => de::Unexpected::Map,
    };
    E::invalid_type(found, &expected)
}

impl FromEntry for Str {
    fn from_entry<E: de::Error>(entry: Entry) -> Result<Str, E> {
        match entry {
            Entry::Text(t) => Ok(t),
            other => Err(shape(&other, "a text")),
        }
    }
    fn to_entry(&self) -> Entry {
        Entry::Text(self)
    }
}

impl FromEntry for Vec<Str> {
    fn from_entry<E: de::Error>(entry: Entry) -> Result<Vec<Str>, E> {
        match entry {
            Entry::List(l) => Ok(l),
            other => Err(shape(&other, "a list of texts")),
        }
    }
    fn to_entry(&self) -> Entry {
        Entry::List(self.clone())
    }
}

impl FromEntry for BTreeMap<String, Str> {
    fn from_entry<E: de::Error>(entry: Entry) -> Result<Self, E> {
        match entry {
            Entry::Map(m) => Ok(m),
            other => Err(shape(&other, "an object of texts")),
        }
    }
    fn to_entry(&self) -> Entry {
        Entry::Map(self.clone())
    }
}

impl FromEntry for Plural {
    fn from_entry<E: de::Error>(entry: Entry) -> Result<Plural, E> {
        let Entry::Map(mut forms) = entry else {
            return Err(shape(&entry, "an object of plural forms with \"other\""));
        };
        let mut take = |k: &str| forms.remove(k).map(Text);
        let plural = Plural {
            zero: take("zero"),
            one: take("one"),
            two: take("two"),
            few: take("few"),
            many: take("many"),
            other: take("other").ok_or_else(|| E::missing_field("other"))?,
        };
        match forms.into_keys().next() {
            Some(k) => Err(E::unknown_field(&k, &["zero", "one", "two", "few", "many", "other"])),
            None => Ok(plural),
        }
    }
    fn to_entry(&self) -> Entry {
        let forms = [("zero", self.zero), ("one", self.one), ("two", self.two), ("few", self.few), ("many", self.many)];
        let mut map: BTreeMap<String, Str> =
            forms.into_iter().filter_map(|(k, v)| v.map(|t| (k.to_owned(), t.get()))).collect();
        map.insert("other".to_owned(), self.other.get());
        Entry::Map(map)
    }
}

/// Writes a section as an object, its keys in declaration order.
///
/// # Errors
/// The serializer's.
pub fn serialize_section<S: Serializer>(s: S, entries: &[(&'static str, Entry)]) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(entries.len()))?;
    for (k, v) in entries {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// Declares a catalogue section: the struct with its fields, `KEYS`, and its serde reading and
/// writing through [`Entries`] (see the module's documentation for why).
#[macro_export]
macro_rules! texts_section {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(pub $field:ident : $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        #[allow(missing_docs)]
        pub struct $name {
            $(pub $field: $ty,)*
        }

        impl $name {
            /// Every key of the section, in the catalogue's order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                use $crate::i18n::section::{Entries, FromEntry};
                let mut entries = Entries::deserialize(d)?;
                let section = $name {
                    $($field: FromEntry::from_entry(entries.take(stringify!($field))?)?,)*
                };
                entries.finish($name::KEYS)?;
                Ok(section)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use $crate::i18n::section::FromEntry;
                $crate::i18n::section::serialize_section(s, &[$((stringify!($field), self.$field.to_entry())),*])
            }
        }
    };
}
