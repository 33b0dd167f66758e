//! `Money`: reading amounts typed by people, the strict machine form, serde and rounding.

mod common;

use common::{dec, money};
use metropolis_diploma::domain::document::{from_json, to_text, Expected, Problem};
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
fn the_canonical_form_is_the_only_machine_form() {
    use AmountError::{Empty, Negative, NotCanonical, TooLarge};
    #[rustfmt::skip]
    let rows: &[(&str, Result<&str, AmountError>)] = &[
        ("660.00", Ok("660.00")),
        ("0.00", Ok("0.00")),
        ("0.01", Ok("0.01")),
        ("607.20", Ok("607.20")),
        ("999999999999999.99", Ok("999999999999999.99")),
        ("", Err(Empty)),
        ("-1.00", Err(Negative)),
        ("660", Err(NotCanonical)),
        ("660.0", Err(NotCanonical)),
        ("660.5", Err(NotCanonical)),
        ("660.001", Err(NotCanonical)),
        ("0330.00", Err(NotCanonical)),
        ("00.50", Err(NotCanonical)),
        (".50", Err(NotCanonical)),
        ("660.", Err(NotCanonical)),
        (" 660.00", Err(NotCanonical)),
        ("660.00 ", Err(NotCanonical)),
        ("+660.00", Err(NotCanonical)),
        ("1e3", Err(NotCanonical)),
        ("1e3.00", Err(NotCanonical)),
        ("660,00", Err(NotCanonical)),
        ("1,821.60", Err(NotCanonical)),
        ("€660.00", Err(NotCanonical)),
        ("6６0.00", Err(NotCanonical)),
        ("1234567890123456.00", Err(TooLarge)),
    ];
    for &(text, expected) in rows {
        let got = Money::parse_canonical(text).map(Money::to_plain);
        assert_eq!(got, expected.map(str::to_owned), "Money::parse_canonical({text:?})");
        assert_eq!(text.parse::<Money>(), Money::parse_canonical(text), "{text:?}.parse::<Money>()");
        // serde reads exactly the same texts, and names what it expected otherwise.
        let json = serde_json::to_string(text).expect("a JSON string");
        match expected {
            Ok(plain) => {
                assert_eq!(from_json::<Money>(&json).map(Money::to_plain), Ok(plain.to_owned()), "serde {json}")
            }
            Err(_) => assert_eq!(
                from_json::<Money>(&json).map_err(|e| e.problem),
                Err(Problem::invalid(Expected::Amount, &json)),
                "serde {json}"
            ),
        }
    }
}

#[test]
fn amounts_are_json_strings_never_numbers() {
    assert_eq!(to_text(&money("607.20")), "\"607.20\"");
    assert_eq!(to_text(&Money::ZERO), "\"0.00\"");
    assert_eq!(to_text(&Money::from_decimal(dec("1821.6"))), "\"1821.60\"");
    // (JSON, what was found)
    let rows: &[(&str, &str)] = &[("607.20", "607.2"), ("607", "607"), ("null", "null"), ("true", "true")];
    for &(json, found) in rows {
        assert_eq!(
            from_json::<Money>(json).map_err(|e| e.problem),
            Err(Problem::invalid(Expected::Amount, found)),
            "Money from JSON {json}"
        );
    }
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
    assert_eq!(money("660.00").saturating_sub(money("52.80")).to_plain(), "607.20", "660 − 52.80");
    assert_eq!(money("10.00").saturating_sub(money("10.01")), Money::ZERO, "10 − 10.01 saturates");
    assert_eq!(money("10.00").saturating_sub(money("10.00")), Money::ZERO, "10 − 10");
    assert_eq!((money("0.10") + money("0.20")).to_plain(), "0.30", "0.10 + 0.20");
    let sum: Money = ["607.20", "607.20", "607.20"].into_iter().map(money).sum();
    assert_eq!(sum.to_plain(), "1821.60", "Σ 3 × 607.20");
    assert_eq!(money("330.00").amount(), dec("330.00"), "amount of 330.00");
}

#[test]
fn percent_type() {
    assert_eq!(Percent::new(dec("50")).map(|p| p.to_string()), Some("50".into()));
    assert_eq!(Percent::new(dec("8.50")).map(|p| p.to_string()), Some("8.5".into()));
    assert_eq!(Percent::new(dec("0")).map(Percent::value), Some(dec("0")));
    assert_eq!(Percent::new(dec("100")).map(Percent::value), Some(dec("100")));
    assert_eq!(Percent::new(dec("100.01")), None, "above 100");
    assert_eq!(Percent::new(dec("-1")), None, "below 0");
}

#[test]
fn percentages_have_one_canonical_form() {
    #[rustfmt::skip]
    let rows: &[(&str, Option<&str>)] = &[
        ("0", Some("0")),
        ("8", Some("8")),
        ("50", Some("50")),
        ("100", Some("100")),
        ("8.5", Some("8.5")),
        ("12.375", Some("12.375")),
        ("0.0001", Some("0.0001")),
        ("99.9999", Some("99.9999")),
        ("050", None),
        ("00", None),
        ("50.0", None),
        ("8.50", None),
        ("8.", None),
        (".5", None),
        ("100.5", None),
        ("101", None),
        ("1000", None),
        ("-5", None),
        ("+5", None),
        ("12.34567", None),
        ("1e1", None),
        (" 50", None),
        ("", None),
        ("abc", None),
    ];
    for &(text, expected) in rows {
        let got = Percent::parse_canonical(text).map(|p| p.to_string());
        assert_eq!(got.as_deref(), expected, "Percent::parse_canonical({text:?})");
        let json = serde_json::to_string(text).expect("a JSON string");
        let via_serde = from_json::<Percent>(&json);
        match expected {
            Some(canonical) => {
                assert_eq!(
                    via_serde.as_ref().map(ToString::to_string).ok().as_deref(),
                    Some(canonical),
                    "serde {json}"
                );
                // What is written is what was read.
                assert_eq!(via_serde.map(|p| to_text(&p)), Ok(json.clone()), "written back {json}");
            }
            None => assert_eq!(
                via_serde.map_err(|e| e.problem),
                Err(Problem::invalid(Expected::Percent, &json)),
                "serde {json}"
            ),
        }
    }
    assert_eq!(to_text(&Percent::new(dec("8.50")).expect("8.5 %")), "\"8.5\"", "written without trailing zeros");
    assert_eq!(from_json::<Percent>("8").map_err(|e| e.problem), Err(Problem::invalid(Expected::Percent, "8")));
}
