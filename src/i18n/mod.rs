//! The text layer: every word the user sees, one catalogue per language.
//!
//! Catalogues are data (`public/i18n/<lang>.json`), read with serde into the typed sections below,
//! so a page names every text it uses and a catalogue that lacks one (or has one too many) is
//! refused with the key named. Templates use named `{placeholders}` ([`Text::fill`]); counts choose
//! their form by the language's plural rules ([`Plural`], with the category from `Intl`). Codes
//! from the domain become words in the app's formatting layer, never in the domain. Every figure
//! (amount, percentage, date, count) reaches a text through a placeholder, from the data.

pub mod apply;
pub mod common;
pub mod embed;
pub mod estimate;
pub mod home;
pub mod refund;
pub mod section;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language the interface is available in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English, the reference catalogue, at the site's root.
    #[default]
    En,
    /// French, under `/fr/`.
    Fr,
    /// Spanish, under `/es/`.
    Es,
}

impl Locale {
    /// Every available language, in the switcher's order.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::Es];

    /// The BCP 47 tag, as in `<html lang>`, `lang=` and the catalogue's file name.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// The locale `Intl` formats numbers, money and dates with (`en-GB`: "17 November 2025").
    #[must_use]
    pub fn intl_tag(self) -> &'static str {
        match self {
            Locale::En => "en-GB",
            Locale::Fr => "fr-FR",
            Locale::Es => "es-ES",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::Es => "Español",
        }
    }

    /// The path segment the language's pages live under (`""` for English, at the site's root).
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Locale::En => "",
            Locale::Fr => "/fr",
            Locale::Es => "/es",
        }
    }

    /// The catalogue file, relative to the site's root.
    #[must_use]
    pub fn catalogue_file(self) -> &'static str {
        match self {
            Locale::En => "i18n/en.json",
            Locale::Fr => "i18n/fr.json",
            Locale::Es => "i18n/es.json",
        }
    }

    /// The language of a tag: `fr`, `FR`, `fr-CA` and `fr_BE` are French; `None` for the others.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// A plural (or ordinal) category of `Intl.PluralRules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    /// `zero`.
    Zero,
    /// `one`.
    One,
    /// `two`.
    Two,
    /// `few`.
    Few,
    /// `many`.
    Many,
    /// `other`, and anything unknown.
    Other,
}

impl PluralCategory {
    /// The category named by `Intl` (`"one"`…); `Other` for anything else.
    #[must_use]
    pub fn from_code(code: &str) -> PluralCategory {
        match code {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }
}

/// One text of a catalogue. A page reads its catalogue once and keeps it for its whole life, so
/// the strings are leaked into `&'static str`: views use them without cloning, and the memory is
/// bounded by the catalogue a page reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Text(pub &'static str);

impl Text {
    /// A text kept for the life of the page (see [`Text`]).
    #[must_use]
    pub fn leak(text: &str) -> Text {
        Text(Box::leak(text.to_owned().into_boxed_str()))
    }

    /// The text itself.
    #[must_use]
    pub fn get(self) -> &'static str {
        self.0
    }

    /// The text with its `{name}` placeholders filled.
    ///
    /// # Example
    /// ```
    /// use metropolis_diploma::i18n::Text;
    /// assert_eq!(Text("Step {x} of {y}").fill(&[("x", "1"), ("y", "5")]), "Step 1 of 5");
    /// ```
    #[must_use]
    pub fn fill(self, values: &[(&str, &str)]) -> String {
        let mut out = self.0.to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Text(Box::leak(s.into_boxed_str())))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// A text of a catalogue section, as views use it. (An alias rather than `&'static str` in the
/// section structs, so that serde does not take the reference for a borrow of the input: the texts
/// are read by [`text`], which leaks them.)
pub type Str = &'static str;

/// Reads a text of a section, leaked (see [`Text`]).
///
/// # Errors
/// The value is not a string.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    Text::deserialize(d).map(Text::get)
}

/// Reads a list of texts, leaked.
///
/// # Errors
/// The value is not a list of strings.
pub fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    Ok(Vec::<Text>::deserialize(d)?.into_iter().map(Text::get).collect())
}

/// Reads an object of texts, leaked.
///
/// # Errors
/// The value is not an object of strings.
pub fn text_map<'de, D: Deserializer<'de>>(d: D) -> Result<std::collections::BTreeMap<String, &'static str>, D::Error> {
    Ok(std::collections::BTreeMap::<String, Text>::deserialize(d)?.into_iter().map(|(k, v)| (k, v.get())).collect())
}

/// Reads a plural text, leaked.
///
/// # Errors
/// The value is not an object of forms with `other`.
pub fn plural<'de, D: Deserializer<'de>>(d: D) -> Result<Plural, D::Error> {
    Plural::deserialize(d)
}

/// A text with a form per plural category, as the language needs: English `{ "one", "other" }`,
/// French `{ "one", "many", "other" }`… `other` is required; a missing category falls back to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Plural {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub two: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub few: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub many: Option<Text>,
    pub other: Text,
}

impl Plural {
    /// The form for a category.
    #[must_use]
    pub fn select(&self, category: PluralCategory) -> Text {
        let form = match category {
            PluralCategory::Zero => self.zero,
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => None,
        };
        form.unwrap_or(self.other)
    }
}

/// A whole catalogue file: every section, strictly (a missing or unknown key is an error naming it).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Catalogue {
    pub common: common::CommonTexts,
    pub home: home::HomeTexts,
    pub estimate: estimate::EstimateTexts,
    pub refund: refund::RefundTexts,
    pub apply: apply::ApplyTexts,
    pub embed: embed::EmbedTexts,
}

/// The sections the application's pages use: all of them (the partner page, `/embed`, is one).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SiteTexts {
    pub common: common::CommonTexts,
    pub home: home::HomeTexts,
    pub estimate: estimate::EstimateTexts,
    pub refund: refund::RefundTexts,
    pub apply: apply::ApplyTexts,
    pub embed: embed::EmbedTexts,
}

/// The sections the partner frame uses: the estimator's and the embed's (the frame shows no site
/// chrome and no data error details, so it reads no `common` section).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct EmbedSiteTexts {
    pub estimate: estimate::EstimateTexts,
    pub embed: embed::EmbedTexts,
}

impl Catalogue {
    /// The application's sections, moved out of the catalogue.
    #[must_use]
    pub fn site(self) -> SiteTexts {
        SiteTexts {
            common: self.common,
            home: self.home,
            estimate: self.estimate,
            refund: self.refund,
            apply: self.apply,
            embed: self.embed,
        }
    }

    /// The embed's sections, moved out of the catalogue.
    #[must_use]
    pub fn embed(self) -> EmbedSiteTexts {
        EmbedSiteTexts { estimate: self.estimate, embed: self.embed }
    }
}
