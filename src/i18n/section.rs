//! How a catalogue section is read: serde reads the section as one map of entries (a text, a list
//! of texts, or an object of texts such as a plural's forms), and [`crate::texts_section!`] declares the
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

/// Why a section cannot be read, before it becomes the deserializer's error.
#[derive(Debug)]
pub enum SectionError {
    /// A key the section needs is not there.
    Missing(&'static str),
    /// A key's value has another shape (the shape expected).
    Shape(&'static str, &'static str),
    /// A key the section does not have.
    Unknown(String),
}

impl SectionError {
    /// The deserializer's error for this problem, naming the key.
    pub fn into_de<E: de::Error>(self, known: &'static [&'static str]) -> E {
        match self {
            SectionError::Missing(key) => E::missing_field(key),
            SectionError::Shape(key, expected) => E::custom(format_args!("`{key}` must be {expected}")),
            SectionError::Unknown(key) => E::unknown_field(&key, known),
        }
    }
}

impl Entries {
    /// Refuses what is left: a key the section does not have.
    ///
    /// # Errors
    /// The first such key.
    pub fn finish(self) -> Result<(), SectionError> {
        match self.0.into_keys().next() {
            Some(key) => Err(SectionError::Unknown(key)),
            None => Ok(()),
        }
    }
}

/// A value a section's field can hold, taken from its entry. Not generic over the deserializer,
/// so each section's reading is compiled once.
pub trait FromEntry: Sized {
    /// Takes the value of `key` out of the entries.
    ///
    /// # Errors
    /// The key is missing or its entry has another shape.
    fn take(entries: &mut Entries, key: &'static str) -> Result<Self, SectionError>;
    /// The value as an entry (to write the section into a page).
    fn to_entry(&self) -> Entry;
}

fn entry(entries: &mut Entries, key: &'static str) -> Result<Entry, SectionError> {
    entries.0.remove(key).ok_or(SectionError::Missing(key))
}

impl FromEntry for Str {
    #[inline(never)]
    fn take(entries: &mut Entries, key: &'static str) -> Result<Str, SectionError> {
        match entry(entries, key)? {
            Entry::Text(t) => Ok(t),
            _ => Err(SectionError::Shape(key, "a text")),
        }
    }
    fn to_entry(&self) -> Entry {
        Entry::Text(self)
    }
}

impl FromEntry for Vec<Str> {
    #[inline(never)]
    fn take(entries: &mut Entries, key: &'static str) -> Result<Vec<Str>, SectionError> {
        match entry(entries, key)? {
            Entry::List(l) => Ok(l),
            _ => Err(SectionError::Shape(key, "a list of texts")),
        }
    }
    fn to_entry(&self) -> Entry {
        Entry::List(self.clone())
    }
}

impl FromEntry for BTreeMap<String, Str> {
    #[inline(never)]
    fn take(entries: &mut Entries, key: &'static str) -> Result<Self, SectionError> {
        match entry(entries, key)? {
            Entry::Map(m) => Ok(m),
            _ => Err(SectionError::Shape(key, "an object of texts")),
        }
    }
    fn to_entry(&self) -> Entry {
        Entry::Map(self.clone())
    }
}

impl FromEntry for Plural {
    #[inline(never)]
    fn take(entries: &mut Entries, key: &'static str) -> Result<Plural, SectionError> {
        const SHAPE: &str = "an object of plural forms (zero, one, two, few, many) with \"other\"";
        let Entry::Map(mut forms) = entry(entries, key)? else {
            return Err(SectionError::Shape(key, SHAPE));
        };
        let mut take = |k: &str| forms.remove(k).map(Text);
        let plural = Plural {
            zero: take("zero"),
            one: take("one"),
            two: take("two"),
            few: take("few"),
            many: take("many"),
            other: take("other").ok_or(SectionError::Shape(key, SHAPE))?,
        };
        if forms.is_empty() {
            Ok(plural)
        } else {
            Err(SectionError::Shape(key, SHAPE))
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

            fn from_entries(
                mut entries: $crate::i18n::section::Entries,
            ) -> Result<$name, $crate::i18n::section::SectionError> {
                use $crate::i18n::section::FromEntry;
                let section = $name { $($field: FromEntry::take(&mut entries, stringify!($field))?,)* };
                entries.finish()?;
                Ok(section)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let entries = $crate::i18n::section::Entries::deserialize(d)?;
                $name::from_entries(entries).map_err(|e| e.into_de($name::KEYS))
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
