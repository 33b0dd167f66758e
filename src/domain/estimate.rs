//! The estimator's state as URL parameters: a public contract shared with the embed.

use super::countries::Countries;
use super::fees::QuoteInput;
use chrono::NaiveDate;

/// Largest `people` any URL may ask for, whatever the edition says.
pub const MAX_PEOPLE_PARAM: u32 = 50;

/// The estimator's inputs, as read from or written to a URL.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EstimateParams {
    /// `member=yes|no`.
    pub member: bool,
    /// `dues=yes|no`; `None` when not given (members are then assumed up to date).
    pub dues: Option<bool>,
    /// `country=<ISO alpha-3>`.
    pub country: Option<String>,
    /// `people=<1..50>`.
    pub people: u32,
    /// `date=<YYYY-MM-DD>`, the registration date; `None` = today.
    pub date: Option<NaiveDate>,
    /// `reduced=yes|no`.
    pub reduced: bool,
}

/// A URL parameter that was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredParam {
    /// The parameter's name.
    pub name: String,
    /// The value given.
    pub value: String,
}

/// The result of reading a query string: the inputs and what was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedParams {
    /// Inputs, with defaults where a value was missing or ignored.
    pub params: EstimateParams,
    /// Invalid values, in the order found.
    pub ignored: Vec<IgnoredParam>,
}

impl EstimateParams {
    /// Reads `member`, `dues`, `country`, `people`, `date` and `reduced` from query pairs. Other
    /// names are left alone (they belong to the embed or the language); invalid values are ignored
    /// and listed.
    #[must_use]
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, countries: &Countries) -> ParsedParams {
        let mut params = EstimateParams { people: 1, ..EstimateParams::default() };
        let mut ignored = Vec::new();
        for (name, value) in pairs {
            let v = value.trim();
            let ok = match name {
                "member" => yes_no(v).map(|b| params.member = b).is_some(),
                "dues" => yes_no(v).map(|b| params.dues = Some(b)).is_some(),
                "reduced" => yes_no(v).map(|b| params.reduced = b).is_some(),
                "country" => {
                    let code = v.to_ascii_uppercase();
                    countries.get(&code).map(|_| params.country = Some(code)).is_some()
                }
                "people" => v
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_PEOPLE_PARAM).contains(n))
                    .map(|n| params.people = n)
                    .is_some(),
                "date" => super::dates::parse_iso(v).map(|d| params.date = Some(d)).is_some(),
                _ => true,
            };
            if !ok {
                ignored.push(IgnoredParam { name: name.to_owned(), value: value.to_owned() });
            }
        }
        ParsedParams { params, ignored }
    }

    /// The query string for these inputs (without `?`), in a fixed order; defaults are left out
    /// except `member`, so a link always says who it is for.
    #[must_use]
    pub fn to_query(&self) -> String {
        let yn = |b: bool| if b { "yes" } else { "no" };
        let mut parts = vec![format!("member={}", yn(self.member))];
        if self.member {
            parts.push(format!("dues={}", yn(self.dues.unwrap_or(true))));
        }
        if let Some(c) = &self.country {
            parts.push(format!("country={c}"));
        }
        parts.push(format!("people={}", self.people));
        if let Some(d) = self.date {
            parts.push(format!("date={}", super::dates::iso(d)));
        }
        if self.reduced {
            parts.push("reduced=yes".to_owned());
        }
        parts.join("&")
    }

    /// The fee engine's input, with `today` standing in for a missing date.
    #[must_use]
    pub fn to_input(&self, today: NaiveDate) -> QuoteInput {
        QuoteInput {
            member: self.member,
            dues_paid: self.member && self.dues.unwrap_or(true),
            country: self.country.clone(),
            people: self.people.max(1),
            registration_date: self.date.unwrap_or(today),
            reduced_requested: self.reduced,
        }
    }
}

fn yes_no(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}
