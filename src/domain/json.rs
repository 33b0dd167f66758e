//! A small JSON reader and writer for the product's own documents: the edition file, drafts,
//! submissions and embed messages.
//!
//! Why not serde: its derived code measured about 30 KB brotli in every WebAssembly bundle, a fifth
//! of the 150 KB budget. Here a document is parsed once into a [`Json`] tree (numbers kept as their
//! text, so amounts never pass through floats) and read by hand-written [`FromJson`] impls that know
//! the dotted path of every field, so each error names the field it concerns (`fees.list_fee`).

use std::fmt::Write as _;

/// Deepest nesting accepted; deeper text is refused rather than risking the stack.
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Object members keep their order; numbers keep their text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as written (`660`, `-1.5e3`).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in document order (keys are unique).
    Object(Vec<(String, Json)>),
}

/// The shape a value should have had; the words come from the text layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// A whole number in range.
    WholeNumber,
    /// `true` or `false`.
    Boolean,
    /// An array.
    List,
    /// An object.
    Object,
    /// An amount such as `"660.00"` (a string, at most two decimals).
    Amount,
    /// A percentage such as `"50"` (a string, 0 to 100, at most four decimals).
    Percent,
    /// A date `"YYYY-MM-DD"`.
    Date,
    /// One of these codes.
    OneOf(Vec<&'static str>),
}

/// What is wrong at a place in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON: the 1-based line and column where reading stopped.
    Syntax {
        /// Line.
        line: usize,
        /// Column (in characters).
        column: usize,
    },
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A required field is absent.
    Missing,
    /// A field this document does not have.
    Unknown,
    /// A value of the wrong kind or form; `found` is the value as written (shortened).
    Expected {
        /// What was expected.
        expected: Expected,
        /// The value found, as JSON text, at most 40 characters.
        found: String,
    },
}

impl Problem {
    /// "`value` is not what was expected", the value shortened to 40 characters.
    #[must_use]
    pub fn expected(expected: Expected, found: &Json) -> Problem {
        let mut found = found.to_text();
        if found.chars().count() > 40 {
            found = found.chars().take(39).collect::<String>() + "…";
        }
        Problem::Expected { expected, found }
    }
}

/// A [`Problem`] and the dotted path of the field (`fees.discount_order.2`), empty for the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Dotted path.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

impl JsonError {
    /// An error at `path`.
    #[must_use]
    pub fn new(path: &str, problem: Problem) -> JsonError {
        JsonError { path: path.to_owned(), problem }
    }

    /// "`value` is not what was expected" at `path`.
    #[must_use]
    pub fn expected(path: &str, expected: Expected, found: &Json) -> JsonError {
        JsonError::new(path, Problem::expected(expected, found))
    }
}

/// A short English description of what was expected, for logs and the receiver's messages (the
/// interface words it through the text layer).
#[must_use]
pub fn describe(expected: &Expected) -> String {
    match expected {
        Expected::Text => "a string".to_owned(),
        Expected::WholeNumber => "a whole number".to_owned(),
        Expected::Boolean => "true or false".to_owned(),
        Expected::List => "a list".to_owned(),
        Expected::Object => "an object".to_owned(),
        Expected::Amount => "an amount as a string with at most two decimals, e.g. \"660.00\"".to_owned(),
        Expected::Percent => "a percentage from 0 to 100 as a string, e.g. \"50\"".to_owned(),
        Expected::Date => "a date as \"YYYY-MM-DD\"".to_owned(),
        Expected::OneOf(codes) => format!("one of {}", codes.join(", ")),
    }
}

/// `parent.child`, or `child` at the top.
#[must_use]
pub fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else {
        format!("{parent}.{child}")
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Parses JSON text (RFC 8259; duplicate keys are refused).
///
/// # Errors
/// [`Problem::Syntax`] with the line and column, or [`Problem::TooDeep`].
///
/// # Example
/// ```
/// use metropolis_diploma::domain::json::{parse, Json};
/// let v = parse(r#"{"fee": "660.00", "n": [1, true, null]}"#).unwrap();
/// assert_eq!(v.get("fee"), Some(&Json::String("660.00".into())));
/// assert_eq!(v.to_text(), r#"{"fee":"660.00","n":[1,true,null]}"#);
/// ```
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let value = p.value(0).and_then(|v| {
        p.ws();
        if p.i == p.s.len() {
            Ok(v)
        } else {
            Err(Stop::Syntax)
        }
    });
    value.map_err(|stop| match stop {
        Stop::Deep => JsonError::new("", Problem::TooDeep),
        Stop::Syntax => {
            let before = &text.as_bytes()[..p.i.min(text.len())];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let start = before.iter().rposition(|b| *b == b'\n').map_or(0, |n| n + 1);
            let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
            JsonError::new("", Problem::Syntax { line, column })
        }
    })
}

enum Stop {
    Syntax,
    Deep,
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.s.get(self.i) == Some(&b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn word(&mut self, w: &[u8], v: Json) -> Result<Json, Stop> {
        if self.s[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(Stop::Syntax)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Stop> {
        if depth > MAX_DEPTH {
            return Err(Stop::Deep);
        }
        self.ws();
        match self.s.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut members: Vec<(String, Json)> = Vec::new();
                self.ws();
                if self.eat(b'}') {
                    return Ok(Json::Object(members));
                }
                loop {
                    self.ws();
                    let at = self.i;
                    let key = self.string()?;
                    if members.iter().any(|(k, _)| *k == key) {
                        self.i = at;
                        return Err(Stop::Syntax);
                    }
                    self.ws();
                    if !self.eat(b':') {
                        return Err(Stop::Syntax);
                    }
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    self.ws();
                    if self.eat(b'}') {
                        return Ok(Json::Object(members));
                    }
                    if !self.eat(b',') {
                        return Err(Stop::Syntax);
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b']') {
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b']') {
                        return Ok(Json::Array(items));
                    }
                    if !self.eat(b',') {
                        return Err(Stop::Syntax);
                    }
                }
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word(b"true", Json::Bool(true)),
            Some(b'f') => self.word(b"false", Json::Bool(false)),
            Some(b'n') => self.word(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(Stop::Syntax),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json, Stop> {
        let start = self.i;
        self.eat(b'-');
        if self.eat(b'0') {
            if self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                return Err(Stop::Syntax);
            }
        } else if self.digits() == 0 {
            return Err(Stop::Syntax);
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(Stop::Syntax);
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(Stop::Syntax);
            }
        }
        Ok(Json::Number(String::from_utf8_lossy(&self.s[start..self.i]).into_owned()))
    }

    fn hex4(&mut self) -> Result<u32, Stop> {
        let h = self.s.get(self.i..self.i + 4).ok_or(Stop::Syntax)?;
        let mut n = 0;
        for b in h {
            n = n * 16 + char::from(*b).to_digit(16).ok_or(Stop::Syntax)?;
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Stop> {
        if !self.eat(b'"') {
            return Err(Stop::Syntax);
        }
        let mut out = Vec::new();
        loop {
            let b = *self.s.get(self.i).ok_or(Stop::Syntax)?;
            self.i += 1;
            match b {
                b'"' => return String::from_utf8(out).map_err(|_| Stop::Syntax),
                b'\\' => {
                    let e = *self.s.get(self.i).ok_or(Stop::Syntax)?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(Stop::Syntax);
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(Stop::Syntax);
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or(Stop::Syntax)?
                        }
                        _ => {
                            self.i -= 1;
                            return Err(Stop::Syntax);
                        }
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => {
                    self.i -= 1;
                    return Err(Stop::Syntax);
                }
                _ => out.push(b),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

impl Json {
    /// Compact JSON text.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// JSON text indented by two spaces, as in exported files.
    #[must_use]
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, level: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', level * 2));
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    item.write(out, indent.map(|l| l + 1));
                }
                if let Some(level) = indent {
                    newline(out, level);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    write_string(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, indent.map(|l| l + 1));
                }
                if let Some(level) = indent {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }

    /// The member `key` of an object; `None` for other values.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string value.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number from 0 to `u64::MAX`.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    #[must_use]
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An object from `(key, value)` pairs, in that order.
#[must_use]
pub fn object(members: Vec<(&str, Json)>) -> Json {
    Json::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

// ---------------------------------------------------------------------------------------------
// Typed reading and writing

/// A type read from a JSON value at a dotted path.
pub trait FromJson: Sized {
    /// Reads `value`, found at `path`.
    ///
    /// # Errors
    /// A [`JsonError`] naming `path` or a field below it.
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError>;
}

/// A type written as a JSON value.
pub trait ToJson {
    /// The value.
    fn to_json(&self) -> Json;
}

/// Reads a whole document.
///
/// # Errors
/// Syntax errors, then the reader's own.
pub fn from_text<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse(text)?, "")
}

/// Reads the members of one object, field by field.
pub struct Fields<'a> {
    path: &'a str,
    members: &'a [(String, Json)],
}

impl<'a> Fields<'a> {
    /// The members of `value`, which must be an object.
    ///
    /// # Errors
    /// `value` is not an object.
    pub fn of(value: &'a Json, path: &'a str) -> Result<Fields<'a>, JsonError> {
        match value {
            Json::Object(members) => Ok(Fields { path, members }),
            other => Err(JsonError::expected(path, Expected::Object, other)),
        }
    }

    /// The members of `value`, which must be an object with no member outside `known`.
    ///
    /// Unknown members are refused before any field is read, so a misspelt key is reported as
    /// unknown rather than as the correct key missing.
    ///
    /// # Errors
    /// `value` is not an object, or [`Problem::Unknown`] at the first member not in `known`.
    pub fn strict(value: &'a Json, path: &'a str, known: &[&str]) -> Result<Fields<'a>, JsonError> {
        let fields = Fields::of(value, path)?;
        match fields.members.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            Some((k, _)) => Err(JsonError::new(&join(path, k), Problem::Unknown)),
            None => Ok(fields),
        }
    }

    /// The raw member `name`.
    pub fn raw(&mut self, name: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// A required member (`null` counts as absent).
    ///
    /// # Errors
    /// Absent, or the member's own error.
    pub fn req<T: FromJson>(&mut self, name: &str) -> Result<T, JsonError> {
        match self.raw(name) {
            None | Some(Json::Null) => Err(JsonError::new(&join(self.path, name), Problem::Missing)),
            Some(v) => T::from_json(v, &join(self.path, name)),
        }
    }

    /// An optional member: absent or `null` is `None`.
    ///
    /// # Errors
    /// The member's own error.
    pub fn opt<T: FromJson>(&mut self, name: &str) -> Result<Option<T>, JsonError> {
        match self.raw(name) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => T::from_json(v, &join(self.path, name)).map(Some),
        }
    }

    /// A member that takes its default when absent or `null`.
    ///
    /// # Errors
    /// The member's own error.
    pub fn or_default<T: FromJson + Default>(&mut self, name: &str) -> Result<T, JsonError> {
        self.opt(name).map(Option::unwrap_or_default)
    }
}

/// Reads a string that must be one of `codes`, returning its index.
///
/// # Errors
/// [`Expected::OneOf`] the codes.
pub fn code_index(value: &Json, path: &str, codes: &[&'static str]) -> Result<usize, JsonError> {
    value
        .as_str()
        .and_then(|s| codes.iter().position(|c| *c == s))
        .ok_or_else(|| JsonError::expected(path, Expected::OneOf(codes.to_vec()), value))
}

/// Implements [`FromJson`] and [`ToJson`] for a fieldless enum written as one code per variant.
#[macro_export]
macro_rules! json_codes {
    ($ty:ty { $($variant:path => $code:literal),+ $(,)? }) => {
        impl $crate::domain::json::FromJson for $ty {
            fn from_json(value: &$crate::domain::json::Json, path: &str) -> Result<Self, $crate::domain::json::JsonError> {
                const ALL: &[$ty] = &[$($variant),+];
                let i = $crate::domain::json::code_index(value, path, &[$($code),+])?;
                Ok(ALL[i])
            }
        }
        impl $crate::domain::json::ToJson for $ty {
            fn to_json(&self) -> $crate::domain::json::Json {
                $crate::domain::json::Json::String(match self { $($variant => $code),+ }.to_owned())
            }
        }
    };
}

impl FromJson for String {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        value.as_str().map(str::to_owned).ok_or_else(|| JsonError::expected(path, Expected::Text, value))
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::String(self.to_owned())
    }
}

impl FromJson for bool {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        match value {
            Json::Bool(b) => Ok(*b),
            other => Err(JsonError::expected(path, Expected::Boolean, other)),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for u32 {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        value.as_u32().ok_or_else(|| JsonError::expected(path, Expected::WholeNumber, value))
    }
}

impl ToJson for u32 {
    fn to_json(&self) -> Json {
        Json::Number(self.to_string())
    }
}

impl FromJson for i32 {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        match value {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
        .ok_or_else(|| JsonError::expected(path, Expected::WholeNumber, value))
    }
}

impl ToJson for i32 {
    fn to_json(&self) -> Json {
        Json::Number(self.to_string())
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        match value {
            Json::Array(items) => {
                items.iter().enumerate().map(|(i, v)| T::from_json(v, &join(path, &i.to_string()))).collect()
            }
            other => Err(JsonError::expected(path, Expected::List, other)),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, ToJson::to_json)
    }
}

impl FromJson for chrono::NaiveDate {
    fn from_json(value: &Json, path: &str) -> Result<Self, JsonError> {
        value.as_str().and_then(super::dates::parse_iso).ok_or_else(|| JsonError::expected(path, Expected::Date, value))
    }
}

impl ToJson for chrono::NaiveDate {
    fn to_json(&self) -> Json {
        Json::String(super::dates::iso(*self))
    }
}
