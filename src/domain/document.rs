//! Reading the product's JSON documents (edition, config, drafts, outbox, submissions) with serde,
//! and the one place where serde's errors become a field path and a code.
//!
//! Every document type derives `Deserialize`; [`from_json`] and [`from_value`] read it through
//! `serde_path_to_error`, and [`classify`] turns whatever went wrong into a [`DocumentError`]: the
//! dotted path of the field (`fees.list_fee`, `answers.registration.colleagues.0.name`) and a
//! [`Problem`] code that the text layer words in the reader's language. The types that check their
//! own form (amounts, percentages, dates, origins) report through [`Expected`], so a bad value is
//! classified by what it should have been.

use serde::de::{self, DeserializeOwned};
use serde::Serialize;
use std::fmt;

/// Longest shown form of a value that does not fit (longer values are cut with `…`).
pub const MAX_FOUND_CHARS: usize = 40;

/// The form a value should have had; the words come from the text layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// A whole number in range.
    WholeNumber,
    /// `true` or `false`.
    Boolean,
    /// A list.
    List,
    /// An object.
    Object,
    /// An amount in its canonical form, `"660.00"` (a string, two decimals, no leading zero).
    Amount,
    /// A percentage in its canonical form, `"50"`, `"8.5"` (a string, 0 to 100, at most four
    /// decimals, no leading or trailing zeros).
    Percent,
    /// A date `"YYYY-MM-DD"`.
    Date,
    /// A web origin such as `"https://www.example.org"`, without a path.
    Origin,
    /// A three-letter economy code such as `"KEN"`.
    CountryCode,
    /// A World Bank fiscal year such as `"FY2025"`.
    FiscalYear,
    /// A list of exactly this many items.
    Items(usize),
    /// One of these codes.
    OneOf(Vec<String>),
    /// One of the codes the format documents (serde did not list them).
    Code,
    /// Anything else serde expected; the English description, for logs.
    Other(String),
}

impl Expected {
    /// The kinds whose English description is fixed, tried in this order when classifying.
    const FIXED: [Expected; 11] = [
        Expected::Text,
        Expected::WholeNumber,
        Expected::Boolean,
        Expected::List,
        Expected::Object,
        Expected::Amount,
        Expected::Percent,
        Expected::Date,
        Expected::Origin,
        Expected::CountryCode,
        Expected::FiscalYear,
    ];
}

/// A short English description of what was expected, for logs and the receiver's messages (the
/// interface words it through the text layer). Also what a custom `Deserialize` reports to serde,
/// which is how [`classify`] recognises it.
impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Text => f.write_str("a string"),
            Expected::WholeNumber => f.write_str("a whole number"),
            Expected::Boolean => f.write_str("true or false"),
            Expected::List => f.write_str("a list"),
            Expected::Object => f.write_str("an object"),
            Expected::Amount => f.write_str("an amount as a string with two decimals, e.g. \"660.00\""),
            Expected::Percent => f.write_str("a percentage from 0 to 100 as a string, e.g. \"50\" or \"8.5\""),
            Expected::Date => f.write_str("a date as \"YYYY-MM-DD\""),
            Expected::Origin => f.write_str("an origin such as \"https://www.example.org\", without a path"),
            Expected::CountryCode => f.write_str("a three-letter economy code such as \"KEN\""),
            Expected::FiscalYear => f.write_str("a World Bank fiscal year such as \"FY2025\""),
            Expected::Items(n) => write!(f, "a list of {n} items"),
            Expected::OneOf(codes) => write!(f, "one of {}", codes.join(", ")),
            Expected::Code => f.write_str("one of the documented codes"),
            Expected::Other(text) => f.write_str(text),
        }
    }
}

impl de::Expected for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// What is wrong at a place in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON: the 1-based line and column where reading stopped.
    Syntax {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
    },
    /// Nested deeper than the reader allows (serde_json stops at 128 levels).
    TooDeep,
    /// A required field is absent.
    Missing,
    /// A field this document does not have.
    Unknown,
    /// The same field twice in one object.
    Duplicate,
    /// A list that must not be empty is empty.
    Empty,
    /// A value of the wrong kind or form; `found` is the value as written (shortened).
    Invalid {
        /// What was expected.
        expected: Expected,
        /// The value found, as JSON-like text, at most [`MAX_FOUND_CHARS`] characters.
        found: String,
    },
}

impl Problem {
    /// "`found` is not what was expected", `found` shortened to [`MAX_FOUND_CHARS`] characters.
    #[must_use]
    pub fn invalid(expected: Expected, found: &str) -> Problem {
        Problem::Invalid { expected, found: shorten(found) }
    }
}

/// A [`Problem`] and the dotted path of the field (`fees.discount_order.2`), empty for the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentError {
    /// Dotted path.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

impl DocumentError {
    /// An error at `path`.
    #[must_use]
    pub fn new(path: impl Into<String>, problem: Problem) -> DocumentError {
        DocumentError { path: path.into(), problem }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() { "the document" } else { &self.path };
        match &self.problem {
            Problem::Syntax { line, column } => write!(f, "not JSON (line {line}, column {column})"),
            Problem::TooDeep => write!(f, "nested too deeply"),
            Problem::Missing => write!(f, "{at}: missing"),
            Problem::Unknown => write!(f, "{at}: no such field"),
            Problem::Duplicate => write!(f, "{at}: given twice"),
            Problem::Empty => write!(f, "{at}: empty"),
            Problem::Invalid { expected, found } => write!(f, "{at}: `{found}` is not {expected}"),
        }
    }
}

impl std::error::Error for DocumentError {}

/// `parent.child`, or `child` at the top.
#[must_use]
pub fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else {
        format!("{parent}.{child}")
    }
}

/// Reads a whole document from JSON text.
///
/// # Errors
/// A [`DocumentError`]: the syntax with its place, or the first field that does not fit, named by
/// its dotted path.
///
/// # Example
/// ```
/// use metropolis_diploma::domain::document::{from_json, Problem};
/// use metropolis_diploma::domain::money::Money;
/// let e = from_json::<Vec<Money>>(r#"["660.00", "330"]"#).unwrap_err();
/// assert_eq!(e.path, "1");
/// assert!(matches!(e.problem, Problem::Invalid { .. }));
/// ```
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, DocumentError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(classify)?;
    // Trailing text after the document is a syntax error, as any JSON reader says.
    de.end().map_err(|e| classify_parts(String::new(), &e))?;
    Ok(value)
}

/// Reads a document from an already parsed value (a migrated draft, a section of a catalogue).
///
/// # Errors
/// As [`from_json`], without syntax errors.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, DocumentError> {
    serde_path_to_error::deserialize(value).map_err(classify)
}

/// Parses JSON text into a value, for documents read in two passes (a version checked first).
///
/// # Errors
/// [`Problem::Syntax`] or [`Problem::TooDeep`].
pub fn parse(text: &str) -> Result<serde_json::Value, DocumentError> {
    from_json(text)
}

/// The `schema` number of a document, read before the document itself, so that a file of another
/// version is reported as such rather than as a list of unknown fields. `None` when absent or not
/// a whole number (the full read then names the problem).
///
/// # Errors
/// Syntax errors, a document that is not an object, or `schema` given twice.
pub fn peek_schema(text: &str) -> Result<Option<u64>, DocumentError> {
    #[derive(serde::Deserialize)]
    struct Peek {
        #[serde(default)]
        schema: Option<serde_json::Value>,
    }
    Ok(from_json::<Peek>(text)?.schema.and_then(|s| s.as_u64()))
}

/// Compact JSON text of a document.
///
/// Serialising these documents cannot fail: every map has string keys and no `Serialize` impl of
/// the domain returns an error. Should one ever fail, the text is empty, which every reader refuses.
#[must_use]
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// JSON text indented by two spaces, as in exported files (see [`to_text`] about failures).
#[must_use]
pub fn to_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The one classification of serde errors: path and code from what serde_json and
/// serde_path_to_error report.
///
/// - syntax errors (including the end of the text and numbers out of range) keep serde_json's line
///   and column; the recursion limit is [`Problem::TooDeep`];
/// - `missing field`, `unknown field` and `duplicate field` name the field itself, one level below
///   the object serde stopped in;
/// - `invalid type` and `invalid value` keep the value found and classify what was expected, from
///   serde's own words (`a string`, `u32`, `struct Course`…) or from an [`Expected`] that a custom
///   `Deserialize` reported;
/// - `unknown variant` lists the codes that exist.
#[must_use]
pub fn classify(error: serde_path_to_error::Error<serde_json::Error>) -> DocumentError {
    classify_parts(dotted(error.path()), error.inner())
}

/// [`classify`] of an error found at `path`.
fn classify_parts(path: String, inner: &serde_json::Error) -> DocumentError {
    let (line, column) = (inner.line(), inner.column());
    let mut message = inner.to_string();
    // serde_json appends the place to every message it positions.
    let suffix = format!(" at line {line} column {column}");
    if line > 0 && message.ends_with(&suffix) {
        message.truncate(message.len() - suffix.len());
    }
    if matches!(inner.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof) {
        let problem = if message.starts_with("recursion limit exceeded") {
            Problem::TooDeep
        } else {
            Problem::Syntax { line: line.max(1), column: column.max(1) }
        };
        return DocumentError::new("", problem);
    }
    classify_message(&path, &message)
}

/// The data part of [`classify`]: a serde message found at `path`.
fn classify_message(path: &str, message: &str) -> DocumentError {
    for (prefix, problem) in [
        ("missing field ", Problem::Missing),
        ("unknown field ", Problem::Unknown),
        ("duplicate field ", Problem::Duplicate),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            // serde_path_to_error has already stepped into an unknown or repeated key (it was read),
            // never into a missing one.
            let key = quoted(rest).unwrap_or_default();
            let read = problem != Problem::Missing;
            let at_key = read && (path == key || path.ends_with(&format!(".{key}")));
            return DocumentError::new(if at_key { path.to_owned() } else { join(path, key) }, problem);
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let found = quoted(rest).unwrap_or_default();
        let codes = rest.split_once("expected ").map_or("", |(_, e)| e);
        let codes: Vec<String> = codes.split('`').skip(1).step_by(2).map(str::to_owned).collect();
        let expected = if codes.is_empty() { Expected::Code } else { Expected::OneOf(codes) };
        return DocumentError::new(path, Problem::invalid(expected, &format!("\"{found}\"")));
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            return DocumentError::new(path, Problem::invalid(expected_kind(expected), &found_text(found)));
        }
    }
    // A list where an object or a list of another length was expected (serde reads structs from
    // lists too, and then counts their items).
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
        return DocumentError::new(path, Problem::invalid(expected_kind(expected), "[…]"));
    }
    DocumentError::new(path, Problem::invalid(Expected::Other(message.to_owned()), ""))
}

/// What serde's `expected …` text asks for.
fn expected_kind(text: &str) -> Expected {
    if let Some(fixed) = Expected::FIXED.into_iter().find(|e| e.to_string() == text) {
        return fixed;
    }
    match text {
        "a boolean" => Expected::Boolean,
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
            Expected::WholeNumber
        }
        "a sequence" => Expected::List,
        "a map" => Expected::Object,
        t if t.starts_with("struct ") || t.starts_with("internally tagged enum") => Expected::Object,
        t if t.starts_with("enum ") || t == "variant identifier" => Expected::Code,
        t if t.starts_with("one of ") => Expected::OneOf(t.split('`').skip(1).step_by(2).map(str::to_owned).collect()),
        t if t.starts_with("a list of ") => t["a list of ".len()..]
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .map_or(Expected::List, Expected::Items),
        t if t.starts_with("an array of length ") || t.starts_with("a tuple of size ") => {
            t.rsplit(' ').next().and_then(|n| n.parse().ok()).map_or(Expected::List, Expected::Items)
        }
        other => Expected::Other(other.to_owned()),
    }
}

/// The value serde describes (`string "abc"`, ``integer `660` ``, `null`, `map`) as JSON-like text.
fn found_text(described: &str) -> String {
    if let Some(s) = described.strip_prefix("string ") {
        return s.to_owned();
    }
    for prefix in ["integer ", "floating point ", "boolean "] {
        if let Some(v) = described.strip_prefix(prefix) {
            return v.trim_matches('`').to_owned();
        }
    }
    match described {
        "map" => "{…}".to_owned(),
        "sequence" => "[…]".to_owned(),
        "unit value" | "null" => "null".to_owned(),
        other => other.to_owned(),
    }
}

/// The first `` `name` `` of a serde message.
fn quoted(text: &str) -> Option<&str> {
    let start = text.find('`')? + 1;
    let len = text[start..].find('`')?;
    Some(&text[start..start + len])
}

/// `fees.discount_order.2` from serde_path_to_error's path.
fn dotted(path: &serde_path_to_error::Path) -> String {
    let mut out = String::new();
    for segment in path {
        let part = match segment {
            serde_path_to_error::Segment::Seq { index } => index.to_string(),
            serde_path_to_error::Segment::Map { key } => key.clone(),
            serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => continue,
        };
        out = join(&out, &part);
    }
    out
}

fn shorten(found: &str) -> String {
    if found.chars().count() > MAX_FOUND_CHARS {
        found.chars().take(MAX_FOUND_CHARS - 1).collect::<String>() + "…"
    } else {
        found.to_owned()
    }
}

/// A visitor for string-shaped values that check their own form: `expected` is what serde reports,
/// `parse` reads the text.
pub(crate) struct TextVisitor<T> {
    /// What the value should be.
    pub expected: Expected,
    /// Reads the text; `None` when it does not fit.
    pub parse: fn(&str) -> Option<T>,
}

impl<T> de::Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.expected, f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self.expected))
    }
}

/// Reads a code of a fieldless enum: a string among `codes`, giving the variant at the same index
/// of `all`. Anything else is `one of …` with the codes listed, a value of the wrong kind included.
///
/// # Errors
/// The deserializer's, or an invalid type or value.
pub fn deserialize_code<'de, D: de::Deserializer<'de>, T: Copy>(
    d: D,
    codes: &'static [&'static str],
    all: &'static [T],
) -> Result<T, D::Error> {
    struct Codes<T: 'static> {
        codes: &'static [&'static str],
        all: &'static [T],
    }
    impl<T: Copy> de::Visitor<'_> for Codes<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            // serde's own wording for unknown variants, which [`classify`] reads as `OneOf`.
            f.write_str("one of ")?;
            for (i, code) in self.codes.iter().enumerate() {
                write!(f, "{}`{code}`", if i > 0 { ", " } else { "" })?;
            }
            Ok(())
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            match self.codes.iter().position(|c| *c == v).and_then(|i| self.all.get(i)) {
                Some(variant) => Ok(*variant),
                None => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
            }
        }
    }
    d.deserialize_str(Codes { codes, all })
}

/// serde for a fieldless enum written as one code per variant (`"members"`, `"LM"`).
///
/// Why not `#[derive(Deserialize)]`: serde_json reports a number or a boolean where a derived enum
/// is expected as a *syntax* error ("expected value at line 3 column 19"), so a receiver would
/// answer 400 "not JSON" to valid JSON with a wrong value. Reading the code as a string instead
/// gives "`1` is not one of members, members_dues_paid, everyone" at the field's path. Writing and
/// reading come from the one list, so they cannot disagree.
#[macro_export]
macro_rules! serde_codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(match self { $($ty::$variant => $code),+ })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::domain::document::deserialize_code(d, &[$($code),+], &[$($ty::$variant),+])
            }
        }
    };
}
