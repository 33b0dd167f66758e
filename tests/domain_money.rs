//! `Money`: reading amounts typed by people, the strict machine form, serde and rounding.

mod common;

use metropolis_diploma::domain::json::{self, ToJson};

use common::{dec, money};
use metropolis_diploma::domain::money::{AmountError, Money, Percent};

/// Reads `text` as a person's input; the message names the input.
fn parse(text: &str) -> Result<String, AmountError> {
    Money::parse_user(text).map(Money::to_plain)
}

#[test]
fn parse_user_accepts() {
    #[rustfmt::skip]
    let rows: &[(&str, &str)] = &[
        ("330", "330.00"),
        ("330.00", "330.00"),
        ("330,00", "330.00"),
        ("330.5", "330.50"),
        ("330,5", "330.50"),
        ("330.", "330.00"),
        ("0,05", "0.05"),
        ("0", "0.00"),
        ("1 821,60", "1821.60"),
        ("1\u{a0}821,60", "1821.60"),
        ("1\u{202f}821,60", "1821.60"),
        ("1 821.60", "1821.60"),
        ("1,821.60", "1821.60"),
        ("1.821,60", "1821.60"),
        ("1'821.60", "1821.60"),
        ("1,234,567.89", "1234567.89"),
        ("1.234.567,89", "1234567.89"),
        (" 330 ", "330.00"),
        ("\t330\n", "330.00"),
        ("€330", "330.00"),
        ("330 €", "330.00"),
        ("330,00\u{a0}€", "330.00"),
        ("1000000000", "1000000000.00"),
    ];
    for &(text, expected) in rows {
        assert_eq!(parse(text), Ok(expected.to_owned()), "Money::parse_user({text:?})");
    }
}

#[test]
fn parse_user_rejects() {
    use AmountError::{Empty, Negative, NotANumber, TooLarge, TooManyDecimals};
    #[rustfmt::skip]
    let rows: &[(&str, AmountError)] = &[
        ("", Empty),
        ("   ", Empty),
        ("\u{a0}", Empty),
        ("€", Empty),
        ("abc", NotANumber),
        ("12a", NotANumber),
        ("-5", Negative),
        ("\u{2212}5", Negative),
        ("-5.123", Negative),
        ("330.123", TooManyDecimals),
        ("330,123", TooManyDecimals),
        ("1,821.605", TooManyDecimals),
        ("1.2.3", NotANumber),
        ("12,34,5", NotANumber),
        ("12,34.50", NotANumber),
        (",821.60", NotANumber),
        ("1e3", NotANumber),
        ("+5", NotANumber),
        (".", NotANumber),
        ("99999999999", TooLarge),
        ("1000000000.01", TooLarge),
        ("123456789012345678901234567890", TooLarge),
    ];
    for &(text, error) in rows {
        assert_eq!(parse(text), Err(error), "Money::parse_user({text:?})");
    }
}

#[test]
fn from_str_is_strict() {
    use AmountError::{Empty, Negative, NotANumber, TooLarge, TooManyDecimals};
    #[rustfmt::skip]
    let rows: &[(&str, Result<&str, AmountError>)] = &[
        ("660", Ok("660.00")),
        ("660.00", Ok("660.00")),
        ("660.5", Ok("660.50")),
        ("0.01", Ok("0.01")),
        (" 660 ", Ok("660.00")),
        ("", Err(Empty)),
        ("-1", Err(Negative)),
        ("660,00", Err(NotANumber)),
        ("1,821.60", Err(NotANumber)),
        ("1 821.60", Err(NotANumber)),
        ("€660", Err(NotANumber)),
        (".5", Err(NotANumber)),
        ("5.", Err(NotANumber)),
        ("1.2.3", Err(NotANumber)),
        ("1e3", Err(NotANumber)),
        ("660.001", Err(TooManyDecimals)),
        ("123456789012", Err(TooLarge)),
    ];
    for &(text, expected) in rows {
        let got = text.parse::<Money>().map(Money::to_plain);
        assert_eq!(got, expected.map(str::to_owned), "{text:?}.parse::<Money>()");
    }
}

#[test]
fn json_as_string() {
    let m = money("607.2");
    assert_eq!(m.to_json().to_text(), "\"607.20\"");
    assert_eq!(Money::ZERO.to_json().to_text(), "\"0.00\"");
    assert_eq!(json::from_text::<Money>("\"607.20\""), Ok(m));
    assert_eq!(json::from_text::<Money>("\"607.2\""), Ok(m));
    for bad in ["607.20", "607", "\"607,20\"", "\"607.201\"", "\"-1\"", "null", "\"\""] {
        assert!(json::from_text::<Money>(bad).is_err(), "Money from JSON {bad} should fail");
    }
    let round = json::from_text::<Money>(&money("1821.60").to_json().to_text());
    assert_eq!(round, Ok(money("1821.60")), "1821.60 through JSON");
}

#[test]
fn percent_rounds_half_away_from_zero() {
    #[rustfmt::skip]
    let rows: &[(&str, &str, &str)] = &[
        ("100.01", "75", "75.01"),   // 75.0075
        ("0.05", "50", "0.03"),      // 0.025: banker's rounding would give 0.02
        ("0.01", "50", "0.01"),      // 0.005
        ("0.03", "50", "0.02"),      // 0.015
        ("100.01", "50", "50.01"),   // 50.005
        ("660.00", "8", "52.80"),
        ("100.10", "8", "8.01"),     // 8.008
        ("100.06", "8", "8.00"),     // 8.0048
        ("660.00", "100", "660.00"),
        ("660.00", "0", "0.00"),
        ("0.04", "12.5", "0.01"),    // 0.005
    ];
    for &(amount, pct, expected) in rows {
        assert_eq!(
            money(amount).percent(Percent::new(dec(pct)).expect(pct)).to_plain(),
            expected,
            "{amount} × {pct} %"
        );
    }
}

#[test]
fn from_decimal_rounds_and_to_plain_has_two_places() {
    #[rustfmt::skip]
    let rows: &[(&str, &str)] = &[
        ("0", "0.00"),
        ("5", "5.00"),
        ("1.5", "1.50"),
        ("1.005", "1.01"),
        ("1.015", "1.02"),
        ("2.675", "2.68"),
        ("1.004999", "1.00"),
        ("1234567.8", "1234567.80"),
        ("0.001", "0.00"),
    ];
    for &(value, expected) in rows {
        let m = Money::from_decimal(dec(value));
        assert_eq!(m.to_plain(), expected, "Money::from_decimal({value}).to_plain()");
        assert_eq!(m.to_string(), expected, "Money::from_decimal({value}).to_string()");
    }
}

#[test]
fn arithmetic() {
    assert_eq!(money("607.20").times(3).to_plain(), "1821.60", "607.20 × 3");
    assert_eq!(money("0.01").times(0), Money::ZERO, "0.01 × 0");
    assert_eq!(money("660").saturating_sub(money("52.80")).to_plain(), "607.20", "660 − 52.80");
    assert_eq!(money("10").saturating_sub(money("10.01")), Money::ZERO, "10 − 10.01 saturates");
    assert_eq!(money("10").saturating_sub(money("10")), Money::ZERO, "10 − 10");
    assert_eq!((money("0.10") + money("0.20")).to_plain(), "0.30", "0.10 + 0.20");
    let sum: Money = ["607.20", "607.20", "607.20"].into_iter().map(money).sum();
    assert_eq!(sum.to_plain(), "1821.60", "Σ 3 × 607.20");
    assert_eq!(money("330").amount(), dec("330.00"), "amount of 330");
}

#[test]
fn percent_type() {
    assert_eq!(Percent::new(dec("50")).map(|p| p.to_string()), Some("50".into()));
    assert_eq!(Percent::new(dec("8.50")).map(|p| p.to_string()), Some("8.5".into()));
    assert_eq!(Percent::new(dec("0")).map(Percent::value), Some(dec("0")));
    assert_eq!(Percent::new(dec("100")).map(Percent::value), Some(dec("100")));
    assert_eq!(Percent::new(dec("100.01")), None, "above 100");
    assert_eq!(Percent::new(dec("-1")), None, "below 0");
    assert_eq!(Percent::new(dec("8")).expect("8 %").to_json().to_text(), "\"8\"");
    assert_eq!(json::from_text::<Percent>("\"12.5\"").map(Percent::value), Ok(dec("12.5")));
    for bad in ["\"101\"", "\"-5\"", "\"abc\"", "8", "\"12.34567\""] {
        assert!(json::from_text::<Percent>(bad).is_err(), "Percent from JSON {bad} should fail");
    }
}
