//! `Money`: the one type for amounts, and the one place that rounds.

use super::document::{Expected, TextVisitor};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An amount in the edition's currency, always held to the cent.
///
/// Every constructor rounds half away from zero to two decimal places, so no other code rounds.
/// In documents it is a string in the canonical form `^(0|[1-9][0-9]*)\.[0-9]{2}$` (`"607.20"`),
/// never a JSON number: serde writes that form and reads nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

/// Why a text is not an amount of money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing was entered.
    Empty,
    /// The text is not a number.
    NotANumber,
    /// The amount is below zero.
    Negative,
    /// More than two digits after the decimal separator.
    TooManyDecimals,
    /// Larger than any fee this product deals with.
    TooLarge,
    /// Not the canonical machine form `660.00` (two decimals, no leading zero, no sign).
    NotCanonical,
}

/// The largest amount accepted from text: far above any fee, small enough that no arithmetic overflows.
const MAX_AMOUNT: i64 = 1_000_000_000;

/// The most digits before the dot in the canonical form: room for any total of a quote (a group of
/// fifty at the largest typed amount), far from the limits of the arithmetic.
const MAX_CANONICAL_DIGITS: usize = 15;

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Rounds `value` half away from zero to the cent.
    #[must_use]
    pub fn from_decimal(value: Decimal) -> Money {
        Money(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    /// The exact decimal value (two decimal places).
    #[must_use]
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// `percent` % of this amount, rounded to the cent.
    #[must_use]
    pub fn percent(self, percent: Percent) -> Money {
        // Whole cents times the percentage's digits, divided once: exact, and without decimal
        // division code in the WebAssembly. A percentage has at most four decimals (see `Percent`).
        let p = percent.0;
        let numerator = self.cents() * p.mantissa();
        let denominator = 100 * 10_i128.pow(p.scale());
        Money::from_cents(div_half_away_from_zero(numerator, denominator))
    }

    /// This amount times a count.
    #[must_use]
    pub fn times(self, count: u32) -> Money {
        Money::from_cents(self.cents() * i128::from(count))
    }

    /// The amount in whole cents.
    fn cents(self) -> i128 {
        // Every constructor rounds to at most two decimals, so the scale is 0, 1 or 2.
        self.0.mantissa() * 10_i128.pow(2_u32.saturating_sub(self.0.scale()))
    }

    fn from_cents(cents: i128) -> Money {
        Money(Decimal::try_from_i128_with_scale(cents, 2).unwrap_or(Decimal::MAX))
    }

    /// The difference, never below zero.
    #[must_use]
    pub fn saturating_sub(self, other: Money) -> Money {
        if other.0 >= self.0 {
            Money::ZERO
        } else {
            Money(self.0 - other.0)
        }
    }

    /// The plain decimal form with a dot and two places, as in `data-amount` and JSON: `607.20`.
    #[must_use]
    pub fn to_plain(self) -> String {
        let mut d = self.0;
        d.rescale(2);
        d.to_string()
    }

    /// Reads an amount typed by a person: `330`, `330.00`, `330,00`, `1 821,60`, `1,821.60`.
    ///
    /// Spaces (including no-break spaces) group thousands. A single `,` or `.` is the decimal
    /// separator; when both appear, the last is decimal and the other groups thousands.
    ///
    /// # Errors
    /// [`AmountError`] says what is wrong: empty, not a number, negative, more than two decimals, too large.
    ///
    /// # Example
    /// ```
    /// use metropolis_diploma::domain::money::Money;
    /// assert_eq!(Money::parse_user("1 821,60").unwrap().to_plain(), "1821.60");
    /// ```
    pub fn parse_user(text: &str) -> Result<Money, AmountError> {
        let compact: String =
            text.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
        let compact =
            compact.strip_suffix('€').or_else(|| compact.strip_prefix('€')).unwrap_or(&compact).trim().to_owned();
        if compact.is_empty() {
            return Err(AmountError::Empty);
        }
        if compact.starts_with('-') || compact.starts_with('\u{2212}') {
            return match parse_digits(&compact[compact.char_indices().nth(1).map_or(compact.len(), |(i, _)| i)..]) {
                Ok(_) | Err(AmountError::TooManyDecimals) | Err(AmountError::TooLarge) => Err(AmountError::Negative),
                Err(e) => Err(e),
            };
        }
        parse_digits(&compact)
    }
}

fn parse_digits(s: &str) -> Result<Money, AmountError> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(AmountError::NotANumber);
    }
    // With both separators, the last one is decimal and the other groups thousands (1,821.60 or
    // 1.821,60). With one kind, a single occurrence is decimal; repeated, it is ambiguous.
    let (int_part, frac_part) = match s.rfind(['.', ',']) {
        None => (s.to_owned(), String::new()),
        Some(pos) => {
            let sep = if s[pos..].starts_with('.') { '.' } else { ',' };
            let other = if sep == '.' { ',' } else { '.' };
            let before = &s[..pos];
            if before.contains(sep) || (before.contains(other) && !valid_grouping(before, other)) {
                return Err(AmountError::NotANumber);
            }
            (before.replace(other, ""), s[pos + 1..].to_owned())
        }
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if frac_part.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    if int_part.trim_start_matches('0').len() > 10 {
        return Err(AmountError::TooLarge);
    }
    let int_part = if int_part.is_empty() { "0" } else { &int_part };
    let frac_part = if frac_part.is_empty() { "0" } else { &frac_part };
    let value = Decimal::from_str(&format!("{int_part}.{frac_part}")).map_err(|_| AmountError::NotANumber)?;
    if value > Decimal::from(MAX_AMOUNT) {
        return Err(AmountError::TooLarge);
    }
    Ok(Money::from_decimal(value))
}

/// `n / d` rounded half away from zero (`d > 0`).
fn div_half_away_from_zero(n: i128, d: i128) -> i128 {
    let (q, r) = (n / d, n % d);
    if 2 * r.abs() >= d {
        q + n.signum()
    } else {
        q
    }
}

/// Thousands groups after the first must be exactly three digits.
fn valid_grouping(s: &str, sep: char) -> bool {
    let mut groups = s.split(sep);
    groups.next().is_some_and(|g| !g.is_empty() && g.len() <= 3) && groups.all(|g| g.len() == 3)
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_plain())
    }
}

/// The sum (exact: both amounts are already whole cents).
impl std::ops::Add for Money {
    type Output = Money;

    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl Money {
    /// Reads the canonical machine form of documents and URLs: digits without a leading zero (or
    /// a single `0`), a dot, exactly two decimals (`660.00`, `0.50`). `330`, `330.0`, `0330.00`,
    /// `1e3`, `+1.00` and surrounding spaces are refused.
    ///
    /// # Errors
    /// [`AmountError::Empty`], [`AmountError::Negative`], [`AmountError::TooLarge`] (more than
    /// fifteen digits before the dot), else [`AmountError::NotCanonical`].
    ///
    /// # Example
    /// ```
    /// use metropolis_diploma::domain::money::{AmountError, Money};
    /// assert_eq!(Money::parse_canonical("607.20").unwrap().to_plain(), "607.20");
    /// assert_eq!(Money::parse_canonical("607.2"), Err(AmountError::NotCanonical));
    /// ```
    pub fn parse_canonical(s: &str) -> Result<Money, AmountError> {
        if s.is_empty() {
            return Err(AmountError::Empty);
        }
        if s.starts_with('-') {
            return Err(AmountError::Negative);
        }
        let (int, frac) = s.split_once('.').ok_or(AmountError::NotCanonical)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.len() != 2 || !digits(frac) || (int.len() > 1 && int.starts_with('0')) {
            return Err(AmountError::NotCanonical);
        }
        if int.len() > MAX_CANONICAL_DIGITS {
            return Err(AmountError::TooLarge);
        }
        let value = Decimal::from_str(s).map_err(|_| AmountError::NotCanonical)?;
        Ok(Money::from_decimal(value))
    }
}

impl FromStr for Money {
    type Err = AmountError;

    /// The canonical machine form, as [`Money::parse_canonical`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse_canonical(s)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_plain())
    }
}

/// Only the canonical form (see [`Money::parse_canonical`]), for submissions and data files alike.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        d.deserialize_str(TextVisitor { expected: Expected::Amount, parse: |t| Money::parse_canonical(t).ok() })
    }
}

/// A percentage such as `50` or `8.5`, between 0 and 100 inclusive with at most four decimals;
/// in documents a string in its canonical form (see [`Percent::parse_canonical`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Percent(Decimal);

impl Percent {
    /// Builds a percentage, refusing values outside 0..=100.
    #[must_use]
    pub fn new(value: Decimal) -> Option<Percent> {
        let value = value.normalize();
        (value >= Decimal::ZERO && value <= Decimal::ONE_HUNDRED && value.scale() <= 4).then_some(Percent(value))
    }

    /// The value, e.g. `50` for 50 %.
    #[must_use]
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl Percent {
    /// Reads the canonical form: `0` to `100`, no leading zero, no sign, and when there are
    /// decimals one to four of them with no trailing zero (`50`, `8.5`, `12.375`; not `050`,
    /// `50.0`, `8.50`, `.5`, `100.5`).
    #[must_use]
    pub fn parse_canonical(s: &str) -> Option<Percent> {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        let int_ok = !int.is_empty() && int.len() <= 3 && digits(int) && !(int.len() > 1 && int.starts_with('0'));
        let frac_ok = s.contains('.') != frac.is_empty() && frac.len() <= 4 && digits(frac) && !frac.ends_with('0');
        if !(int_ok && frac_ok) {
            return None;
        }
        Decimal::from_str(s).ok().and_then(Percent::new)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// Only the canonical form (see [`Percent::parse_canonical`]).
impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Percent, D::Error> {
        d.deserialize_str(TextVisitor { expected: Expected::Percent, parse: Percent::parse_canonical })
    }
}
