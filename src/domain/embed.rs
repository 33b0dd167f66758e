//! The embeddable estimator: its URL options, its theme, the messages it sends to the partner page,
//! and the snippet and CSP lines the partner page shows.
//!
//! Everything here is validation and formatting; posting messages lives in `shell::embed`.

use super::document::{self, Expected, TextVisitor};
use super::estimate::IgnoredParam;
use super::fees::{Quote, ReducedTier};
use super::money::Money;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The embed's own document, next to `index.html` at the app's root: `embed.html` is the partner
/// page, `embed.html?frame=1&…` the estimator inside a partner's frame.
pub const ENTRY_FILE: &str = "embed.html";
/// The query parameter that turns `embed.html` into the frame: `frame=1`.
pub const FRAME_PARAM: (&str, &str) = ("frame", "1");

/// Whether `embed.html`'s query asks for the frame (`frame=1`, anywhere in the query) rather than the
/// partner page.
#[must_use]
pub fn is_frame<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> bool {
    pairs.into_iter().any(|pair| pair == FRAME_PARAM)
}

/// The `channel` of every message: lets a page that receives other messages tell ours apart.
pub const CHANNEL: &str = "metropolis-estimator";
/// The message format's version. A change that breaks readers gets a new number.
pub const VERSION: u64 = 1;
/// Largest height the frame reports, in CSS pixels.
pub const MAX_HEIGHT: u32 = 20_000;

/// A web origin (`https://host[:port]`), lower case: the only address the frame posts to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin(String);

impl Origin {
    /// Reads `scheme://host[:port]` with scheme `http` or `https` and nothing after it. `*`, `null`,
    /// paths, credentials and anything unusual are refused (`None`): the frame then posts nothing.
    #[must_use]
    pub fn parse(text: &str) -> Option<Origin> {
        if text.len() > 300 {
            return None;
        }
        let lower = text.to_ascii_lowercase();
        let (scheme, rest) = lower.split_once("://")?;
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let (host_ok, port) = if let Some(v6) = rest.strip_prefix('[') {
            let (inside, after) = v6.split_once(']')?;
            let ok = !inside.is_empty() && inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
            let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
            (ok, port)
        } else {
            match rest.split_once(':') {
                Some((h, p)) => (valid_host(h), Some(p)),
                None => (valid_host(rest), None),
            }
        };
        if !host_ok {
            return None;
        }
        if let Some(p) = port {
            let digits = !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit());
            if !digits || !(1..=65_535).contains(&p.parse::<u32>().ok()?) {
                return None;
            }
        }
        Some(Origin(lower))
    }

    /// The origin as text, e.g. `https://example.org`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for Origin {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Checked as [`Origin::parse`] checks it; anything else is [`Expected::Origin`].
impl<'de> Deserialize<'de> for Origin {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Origin, D::Error> {
        d.deserialize_str(TextVisitor { expected: Expected::Origin, parse: Origin::parse })
    }
}

fn valid_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Why a theme value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeError {
    /// Not `#rgb` or `#rrggbb`.
    NotAColour,
    /// White text on it would be hard to read (contrast below 4.5:1).
    LowContrast,
    /// Not a list of one to four plain font names.
    NotAFontFamily,
}

/// A colour, from `#rgb` or `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The smallest contrast with white an accent must have (WCAG AA for text).
pub const MIN_ACCENT_CONTRAST: f64 = 4.5;

impl Rgb {
    /// Reads `#c0392b`, `c0392b`, `#c33` or `c33`. Nothing else: no names, no `rgb()`, no `url()`.
    ///
    /// # Errors
    /// [`ThemeError::NotAColour`] for anything else.
    pub fn parse(text: &str) -> Result<Rgb, ThemeError> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ThemeError::NotAColour);
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).map_err(|_| ThemeError::NotAColour);
        match hex.len() {
            3 => Ok(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Ok(Rgb(digit(0)? * 16 + digit(1)?, digit(2)? * 16 + digit(3)?, digit(4)? * 16 + digit(5)?)),
            _ => Err(ThemeError::NotAColour),
        }
    }

    /// `#rrggbb`, lower case.
    #[must_use]
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// A darker shade (70 %), for hover states and shadows.
    #[must_use]
    pub fn darker(self) -> Rgb {
        let d = |c: u8| u8::try_from(u16::from(c) * 7 / 10).unwrap_or(c);
        Rgb(d(self.0), d(self.1), d(self.2))
    }

    /// WCAG contrast ratio with white, from 1 to 21.
    #[must_use]
    pub fn contrast_with_white(self) -> f64 {
        let channel = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2);
        1.05 / (l + 0.05)
    }
}

/// Reads an accent colour that white text stays readable on.
///
/// # Errors
/// [`ThemeError::NotAColour`] or [`ThemeError::LowContrast`].
pub fn parse_accent(text: &str) -> Result<Rgb, ThemeError> {
    let rgb = Rgb::parse(text.trim())?;
    if rgb.contrast_with_white() < MIN_ACCENT_CONTRAST {
        return Err(ThemeError::LowContrast);
    }
    Ok(rgb)
}

const GENERIC_FONTS: [&str; 9] = [
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "system-ui",
    "ui-serif",
    "ui-sans-serif",
    "ui-monospace",
    "ui-rounded",
];

/// Reads a CSS font-family list such as `Georgia, serif` or `"Source Sans 3"` and writes it back
/// safely: one to four names of letters, digits, spaces and hyphens, each quoted unless generic,
/// with `system-ui, sans-serif` appended when no generic family ends the list.
///
/// # Errors
/// [`ThemeError::NotAFontFamily`] for anything else (quotes inside names, `;`, `{`, `url(`…).
pub fn parse_font(text: &str) -> Result<String, ThemeError> {
    let mut out = Vec::new();
    let families: Vec<&str> = text.split(',').collect();
    if families.len() > 4 {
        return Err(ThemeError::NotAFontFamily);
    }
    for family in families {
        let f = family.trim();
        let bare = ['"', '\'']
            .iter()
            .find_map(|q| f.strip_prefix(*q).and_then(|s| s.strip_suffix(*q)))
            .unwrap_or(f)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if bare.is_empty()
            || bare.len() > 40
            || !bare.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
        {
            return Err(ThemeError::NotAFontFamily);
        }
        let lower = bare.to_ascii_lowercase();
        if GENERIC_FONTS.contains(&lower.as_str()) && !f.starts_with(['"', '\'']) {
            out.push(lower);
        } else {
            out.push(format!("\"{bare}\""));
        }
    }
    if out.last().is_none_or(|l| l.starts_with('"')) {
        out.push("system-ui".to_owned());
        out.push("sans-serif".to_owned());
    }
    Ok(out.join(", "))
}

/// The frame's own options, read from its URL next to the estimator's parameters.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EmbedOptions {
    /// `lang`: a language tag, lower case (the page falls back to English when it has no catalogue).
    pub lang: Option<String>,
    /// `accent`: the accent colour.
    pub accent: Option<Rgb>,
    /// `font`: the font-family list, rewritten safely.
    pub font: Option<String>,
    /// `compact=yes`: fewer hints, tighter spacing.
    pub compact: bool,
    /// `origin`: the partner page's origin, the only target of messages.
    pub origin: Option<Origin>,
    /// Values that were refused, in the order found.
    pub ignored: Vec<IgnoredParam>,
}

impl EmbedOptions {
    /// Reads `lang`, `accent`, `font`, `compact` and `origin`; other names are left alone.
    #[must_use]
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        for (name, value) in pairs {
            let v = value.trim();
            let ok = match name {
                "lang" => {
                    let tag = v.to_ascii_lowercase();
                    let primary = tag.split(['-', '_']).next().unwrap_or_default();
                    let good = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
                    good.then(|| o.lang = Some(primary.to_owned())).is_some()
                }
                "accent" => parse_accent(v).map(|c| o.accent = Some(c)).is_ok(),
                "font" => parse_font(v).map(|f| o.font = Some(f)).is_ok(),
                "compact" => match v.to_ascii_lowercase().as_str() {
                    "yes" | "true" | "1" => {
                        o.compact = true;
                        true
                    }
                    "no" | "false" | "0" => {
                        o.compact = false;
                        true
                    }
                    _ => false,
                },
                "origin" => Origin::parse(v).map(|x| o.origin = Some(x)).is_some(),
                _ => true,
            };
            if !ok {
                o.ignored.push(IgnoredParam { name: name.to_owned(), value: value.to_owned() });
            }
        }
        o
    }

    /// The style properties of the frame's root element: CSS custom properties and the font, built
    /// only from validated values (none when there is no theme). The shell sets them one by one
    /// through the CSSOM, which a Content-Security-Policy without `'unsafe-inline'` allows, where a
    /// `style` attribute would be blocked.
    #[must_use]
    pub fn style(&self) -> Vec<(&'static str, String)> {
        let mut s = Vec::new();
        if let Some(c) = self.accent {
            s.push(("--accent", c.css()));
            s.push(("--accent-dark", c.darker().css()));
        }
        if let Some(f) = &self.font {
            s.push(("font-family", f.clone()));
        }
        s
    }
}

/// A height in CSS pixels from a measured size: rounded up, 0 for nonsense, at most [`MAX_HEIGHT`].
#[must_use]
pub fn height_px(measured: f64) -> u32 {
    if !measured.is_finite() || measured <= 0.0 {
        return 0;
    }
    let up = measured.ceil().min(f64::from(MAX_HEIGHT));
    // In 1..=MAX_HEIGHT, so the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let px = up as u32;
    px
}

/// The reduced-place scenario in a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReducedSummary {
    /// `low_income` or `middle_income`.
    pub tier: ReducedTier,
    /// The applicant's fee with a place, e.g. `"165.00"`.
    pub per_person: Money,
}

/// The quote as the partner page sees it: amounts are decimal strings (`"607.20"`), never floats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteSummary {
    /// ISO 4217 code, e.g. `EUR`.
    pub currency: String,
    /// The non-member fee per person.
    pub list_fee: Money,
    /// Each person's fee.
    pub per_person: Money,
    /// How many people.
    pub people: u32,
    /// `per_person × people`.
    pub total: Money,
    /// The reduced-place scenario, or `null`.
    pub reduced: Option<ReducedSummary>,
    /// The estimator's URL parameters for these inputs, e.g. `member=yes&dues=yes&people=2`.
    pub query: String,
}

impl QuoteSummary {
    /// The summary of a quote for the inputs in `query`.
    #[must_use]
    pub fn new(q: &Quote, query: &str) -> QuoteSummary {
        QuoteSummary {
            currency: q.currency.clone(),
            list_fee: q.list_fee,
            per_person: q.per_person,
            people: q.people,
            total: q.total,
            reduced: q.reduced.as_ref().map(|r| ReducedSummary { tier: r.tier, per_person: r.per_person }),
            query: query.to_owned(),
        }
    }
}

/// A message from the frame to the partner page (format version 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// The estimator is shown; its height.
    Ready {
        /// Content height in CSS pixels.
        height: u32,
    },
    /// The content's height changed.
    Resize {
        /// Content height in CSS pixels.
        height: u32,
    },
    /// The quote for the current inputs (sent first after `ready`, then on every change).
    Estimate {
        /// The quote.
        quote: QuoteSummary,
    },
}

impl Message {
    /// The `type` field.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Message::Ready { .. } => "ready",
            Message::Resize { .. } => "resize",
            Message::Estimate { .. } => "estimate",
        }
    }

    /// The message as a JSON object: `{"channel":"metropolis-estimator","version":1,"type":…,…}`,
    /// keys in alphabetical order.
    #[must_use]
    pub fn to_json(&self) -> String {
        /// The wire form; fields in alphabetical order, as partners' logs have always shown them.
        #[derive(Serialize)]
        struct Wire<'a> {
            channel: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            height: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            quote: Option<&'a QuoteSummary>,
            #[serde(rename = "type")]
            kind: &'static str,
            version: u64,
        }
        let (height, quote) = match self {
            Message::Ready { height } | Message::Resize { height } => (Some(*height), None),
            Message::Estimate { quote } => (None, Some(quote)),
        };
        document::to_text(&Wire { channel: CHANNEL, height, quote, kind: self.kind(), version: VERSION })
    }
}

/// What the snippet generator was asked for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SnippetOptions {
    /// The app's address with a trailing slash, e.g. `https://diploma.example.org/`.
    pub app_url: String,
    /// `data-member`, when chosen.
    pub member: Option<bool>,
    /// `data-country`, a World Bank code.
    pub country: Option<String>,
    /// `data-people`.
    pub people: Option<u32>,
    /// `data-lang`.
    pub lang: Option<String>,
    /// `data-accent`.
    pub accent: Option<Rgb>,
    /// `data-font`, already rewritten by [`parse_font`].
    pub font: Option<String>,
    /// `data-compact="yes"`.
    pub compact: bool,
    /// `data-title`: the frame's accessible name.
    pub title: String,
    /// The words of the link shown without JavaScript.
    pub link_text: String,
    /// The estimator's full address in the language of `link_text`, e.g.
    /// `https://diploma.example.org/fr/estimate`: the link's target, before the query.
    pub estimate_url: String,
}

impl SnippetOptions {
    /// The estimator parameters these options fix, as a query string (for the link without JavaScript).
    #[must_use]
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(m) = self.member {
            parts.push(format!("member={}", if m { "yes" } else { "no" }));
        }
        if let Some(c) = &self.country {
            parts.push(format!("country={c}"));
        }
        if let Some(p) = self.people {
            parts.push(format!("people={p}"));
        }
        parts.join("&")
    }

    /// The element's `data-` attributes in snippet order (`member`, `country`, `people`, `lang`,
    /// `accent`, `font`, `compact`, `title`), `None` for those not chosen: the snippet writes them,
    /// the live preview sets or removes them.
    #[must_use]
    pub fn data_attributes(&self) -> [(&'static str, Option<String>); 8] {
        let yn = |b: bool| if b { "yes" } else { "no" }.to_owned();
        [
            ("member", self.member.map(yn)),
            ("country", self.country.clone()),
            ("people", self.people.map(|p| p.to_string())),
            ("lang", self.lang.clone()),
            ("accent", self.accent.map(Rgb::css)),
            ("font", self.font.clone()),
            ("compact", self.compact.then(|| "yes".to_owned())),
            ("title", Some(self.title.clone())),
        ]
    }

    /// The HTML a partner pastes: the element (with a plain link inside for visitors without
    /// JavaScript, replaced by the frame) and the script.
    #[must_use]
    pub fn snippet(&self) -> String {
        let mut attrs = String::from("data-metropolis-estimator");
        for (name, value) in self.data_attributes() {
            if let Some(v) = value {
                attrs.push_str(&format!(" data-{name}=\"{}\"", escape_snippet_source(&v)));
            }
        }
        let query = self.query();
        let link = if query.is_empty() { self.estimate_url.clone() } else { format!("{}?{query}", self.estimate_url) };
        format!(
            "<div {attrs}>\n  <a href=\"{}\">{}</a>\n</div>\n<script async src=\"{}\"></script>",
            escape_snippet_source(&link),
            escape_snippet_source(&self.link_text),
            escape_snippet_source(&format!("{}embed.js", self.app_url)),
        )
    }
}

/// The directives a partner page's Content-Security-Policy must allow for the app.
#[must_use]
pub fn partner_csp(app: &Origin) -> String {
    format!("script-src {0}; frame-src {0}", app.as_str())
}

/// The header the app's host sends so that only these partners may frame it.
#[must_use]
pub fn frame_ancestors(partners: &[Origin]) -> String {
    let mut s = String::from("Content-Security-Policy: frame-ancestors 'self'");
    for p in partners {
        s.push(' ');
        s.push_str(p.as_str());
    }
    s
}

/// Escapes a value written into the snippet's HTML source (`&`, `<`, `>`, `"`, `'`).
///
/// The snippet is HTML *source text* that partners copy into their own pages: the partner page
/// shows it as text (never as markup), but once pasted, a title such as `Fees "2025"` or a font
/// list with quotes must stay inside its attribute. This is the only place the app writes HTML as
/// a string, and the only escaping it needs.
fn escape_snippet_source(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
