//! The data error page's words: every problem code of the edition file, the configuration and the
//! JSON reader becomes a whole sentence in every language, with every placeholder filled, and the
//! refund page words every amount error.

use metropolis_diploma::domain::config::ConfigError;
use metropolis_diploma::domain::document::{DocumentError, Expected, Problem};
use metropolis_diploma::domain::edition::{Discount, Edition, EditionProblem};
use metropolis_diploma::domain::money::AmountError;
use metropolis_diploma::i18n::{Catalogue, Locale};

fn catalogue(locale: Locale) -> Catalogue {
    let path = format!("{}/public/{}", env!("CARGO_MANIFEST_DIR"), locale.catalogue_file());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A sentence is worded when it is not empty and no `{placeholder}` is left in it.
fn assert_worded(locale: Locale, what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{locale:?}: {what} has no words");
    let open = text.find('{');
    assert!(open.is_none_or(|i| !text[i..].contains('}')), "{locale:?}: {what} left a placeholder: {text}");
}

fn problems() -> Vec<Problem> {
    let mut all = vec![
        Problem::Syntax { line: 3, column: 17 },
        Problem::TooDeep,
        Problem::Missing,
        Problem::Unknown,
        Problem::Duplicate,
        Problem::Empty,
    ];
    let expected = [
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
        Expected::Items(4),
        Expected::OneOf(vec!["members".into(), "everyone".into()]),
        Expected::Code,
        Expected::Other("struct Something".into()),
    ];
    all.extend(expected.into_iter().map(|e| Problem::invalid(e, "\"abc\"")));
    all
}

#[test]
fn every_problem_of_every_file_is_a_sentence_in_every_language() {
    let edition_problems = [
        EditionProblem::NotAFiscalYear,
        EditionProblem::UnsupportedSchema { found: 2 },
        EditionProblem::Empty,
        EditionProblem::NotAnEmail,
        EditionProblem::NotACurrency,
        EditionProblem::EndBeforeStart,
        EditionProblem::TooSmall { min: 2 },
        EditionProblem::BelowMinimum,
        EditionProblem::AfterStart,
        EditionProblem::ClosesBeforeOpens,
        EditionProblem::NotAUrl,
        EditionProblem::MissingEnglish,
        EditionProblem::NotALanguageTag,
        EditionProblem::NotAfterCourse,
        EditionProblem::MissingDiscount { discount: Discount::Group },
        EditionProblem::DuplicateDiscount { discount: Discount::EarlyBird },
        EditionProblem::UnknownClassificationYear { available: vec!["FY2025".into(), "FY2026".into()] },
        EditionProblem::Zero,
    ];
    let config_errors = [
        ConfigError::UnsupportedSchema { found: 7 },
        ConfigError::BadEndpoint,
        ConfigError::BadTimeout,
        ConfigError::BadEmail("reservation_email"),
        ConfigError::BadBasePath,
    ];
    for locale in Locale::ALL {
        let t = catalogue(locale).common;
        for p in &edition_problems {
            assert_worded(locale, &format!("{p:?}"), &t.edition_problem(p));
        }
        for p in problems() {
            assert_worded(locale, &format!("{p:?}"), &t.edition_problem(&EditionProblem::Format(p.clone())));
            let config = ConfigError::Format(DocumentError::new("submission.endpoint", p.clone()));
            assert_worded(locale, &format!("config {p:?}"), &t.config_problem(&config));
        }
        for e in &config_errors {
            assert_worded(locale, &format!("{e:?}"), &t.config_problem(e));
        }
        let refund = catalogue(locale).refund;
        for e in [
            AmountError::Empty,
            AmountError::NotANumber,
            AmountError::Negative,
            AmountError::TooManyDecimals,
            AmountError::TooLarge,
            AmountError::NotCanonical,
        ] {
            assert_worded(locale, &format!("{e:?}"), refund.amount_error(e));
        }
    }
}

#[test]
fn the_words_carry_what_the_deployer_needs_to_fix_the_file() {
    let t = catalogue(Locale::En).common;
    let text = include_str!("../public/edition.json").replace("\"660.00\"", "\"abc\"");
    let error = Edition::from_json(&text).expect_err("a list fee of abc");
    assert_eq!(error.field, "fees.list_fee");
    assert_eq!(
        t.edition_problem(&error.problem),
        "`\"abc\"` is not an amount in double quotes with two decimals and a dot, such as \"660.00\"."
    );
    assert_eq!(
        t.edition_problem(&EditionProblem::UnsupportedSchema { found: 2 }),
        "The file is for schema version 2; this site reads version 1."
    );
    assert_eq!(
        t.json_problem(&Problem::Syntax { line: 3, column: 17 }),
        "The file is not valid JSON: check line 3, column 17."
    );
    let fr = catalogue(Locale::Fr).common;
    assert_eq!(
        fr.edition_problem(&EditionProblem::MissingDiscount { discount: Discount::Group }),
        "L’ordre des réductions doit inclure «\u{a0}group\u{a0}»."
    );
}
