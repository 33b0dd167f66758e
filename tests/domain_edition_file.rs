//! The field named by a reader error in the pretty-printed edition file, as a deployer edits it.

use metropolis_diploma::domain::edition::{Edition, EditionProblem};

const EDITION_JSON: &str = include_str!("../public/edition.json");

/// Replaces `from` (which must occur once) in the real file and returns the error's field.
fn field_after(what: &str, from: &str, to: &str) -> String {
    assert_eq!(EDITION_JSON.matches(from).count(), 1, "{what}: `{from}` occurs once in edition.json");
    let text = EDITION_JSON.replacen(from, to, 1);
    let error = Edition::from_json(&text).expect_err(what);
    assert!(matches!(error.problem, EditionProblem::Format(_)), "{what}: {error:?}");
    error.field
}

#[test]
fn errors_in_the_pretty_printed_file_name_their_field() {
    #[rustfmt::skip]
    let rows = [
        ("bad list fee", r#""list_fee": "660.00""#, r#""list_fee": "abc""#, "fees.list_fee"),
        ("bad member percent (first field)", r#""percent": "50""#, r#""percent": "500""#, "fees.member_discount.percent"),
        ("bad dues year (last field of its object)", r#""dues_year": 2024"#, r#""dues_year": "2024""#, "fees.member_discount.dues_year"),
        ("bad start date", r#""start_date": "2025-11-17""#, r#""start_date": "17/11/2025""#, "course.start_date"),
        ("unknown discount in the order", r#""early_bird"]"#, r#""early_birds"]"#, "fees.discount_order.3"),
        ("typo in a key", r#""payout_days": 30"#, r#""payout_day": 30"#, "refund.payout_day"),
        ("missing places", r#""places": 3,"#, "", "fees.income_places.places"),
        ("bad reservation e-mail type", r#""reservation_email": null"#, r#""reservation_email": 7"#, "contact.reservation_email"),
        ("unknown key in the applications", r#""opens": null"#, r#""open": null"#, "applications.open"),
        ("bad date in the applications", r#""closes": null"#, r#""closes": "31/10/2025""#, "applications.closes"),
        ("a text that is not text", r#""en": "Lunches""#, r#""en": ["Lunches"]"#, "content.included.6.en"),
        ("a syntax error in the last object names no field", r#""en": "For accommodation"#, r#""en": "#, ""),
    ];
    for (what, from, to, field) in rows {
        assert_eq!(field_after(what, from, to), field, "{what}");
    }
}
