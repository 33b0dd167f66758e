//! The edition file: the default parses, and each problem names its field and its code.

mod common;

use common::{countries, date, money, percent, EDITION_JSON};
use metropolis_diploma::domain::edition::{
    Discount, Edition, EditionError, EditionProblem, Eligibility, EDITION_SCHEMA,
};
use metropolis_diploma::domain::json::{Expected, Problem};
use serde_json::{json, Value};

/// The default file as a JSON value.
fn value() -> Value {
    serde_json::from_str(EDITION_JSON).expect("edition.json is JSON")
}

/// Loads the default file after `edit`.
fn load_with(edit: impl FnOnce(&mut Value)) -> Result<Edition, EditionError> {
    let mut v = value();
    edit(&mut v);
    Edition::from_json(&serde_json::to_string_pretty(&v).expect("serialises"))
}

/// Sets the value at a JSON pointer such as `/fees/list_fee`.
fn set(pointer: &'static str, new: Value) -> impl FnOnce(&mut Value) {
    move |v| *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in edition.json")) = new
}

/// Removes the field at a JSON pointer.
fn remove(pointer: &'static str) -> impl FnOnce(&mut Value) {
    move |v| {
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let object =
            v.pointer_mut(parent).and_then(Value::as_object_mut).unwrap_or_else(|| panic!("no object {parent}"));
        assert!(object.remove(key).is_some(), "no {pointer} to remove");
    }
}

/// Adds a field to the object at a JSON pointer.
fn add(pointer: &'static str, key: &'static str, new: Value) -> impl FnOnce(&mut Value) {
    move |v| {
        let object =
            v.pointer_mut(pointer).and_then(Value::as_object_mut).unwrap_or_else(|| panic!("no object {pointer}"));
        object.insert(key.to_owned(), new);
    }
}

#[test]
fn default_edition_is_the_brochures_third() {
    let e = Edition::from_json(EDITION_JSON).expect("default edition parses");
    assert_eq!(e.schema, EDITION_SCHEMA);
    assert_eq!(e.id, "2025-3");
    assert_eq!(e.course.edition_number, 3);
    assert_eq!(e.course.city, "Barcelona");
    assert_eq!(e.dates(), (date(2025, 11, 17), date(2025, 11, 21)));
    assert_eq!(e.currency, "EUR");
    assert_eq!(e.fees.list_fee, money("660.00"));
    assert_eq!((e.fees.member_discount.percent, e.fees.member_discount.dues_year), (percent("50"), 2024));
    let g = &e.fees.group_discount;
    assert_eq!((g.percent, g.min_size, g.max_size), (percent("8"), 2, 50));
    assert_eq!(e.fees.early_bird, None, "the brochure publishes no early-bird figure");
    let p = &e.fees.income_places;
    assert_eq!((p.places, p.low_income_percent, p.middle_income_percent), (3, percent("100"), percent("50")));
    assert_eq!(
        (p.eligible, p.classification_year.as_str(), p.classification_label.as_str()),
        (Eligibility::Members, "FY2025", "2024-2025")
    );
    assert_eq!(e.fees.discount_order, Discount::ALL.to_vec());
    assert_eq!((e.refund.percent, e.refund.days_before_start, e.refund.payout_days), (percent("75"), 30, 30));
    assert_eq!(e.contact.reservation_email, "diploma@metropolis.org");
    assert!(
        countries().has_year(&p.classification_year),
        "the country file has the edition's year {}",
        p.classification_year
    );
}

/// Type, missing and unknown fields: caught by the reader, reported at the field with what was expected.
#[test]
fn reader_problems_name_the_field() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let expected = |expected: Expected, found: &str| Problem::Expected { expected, found: found.to_owned() };
    let eligibility = Expected::OneOf(vec!["members", "members_dues_paid", "everyone"]);
    let discount = Expected::OneOf(vec!["membership", "income_place", "group", "early_bird"]);
    // (description, edit, expected field, expected problem)
    #[rustfmt::skip]
    let rows: Vec<(&str, Edit, &str, Problem)> = vec![
        ("list_fee not an amount", Box::new(set("/fees/list_fee", json!("abc"))), "fees.list_fee", expected(Expected::Amount, "\"abc\"")),
        ("list_fee with three decimals", Box::new(set("/fees/list_fee", json!("660.001"))), "fees.list_fee", expected(Expected::Amount, "\"660.001\"")),
        ("list_fee as a JSON number", Box::new(set("/fees/list_fee", json!(660))), "fees.list_fee", expected(Expected::Amount, "660")),
        ("percent above 100", Box::new(set("/fees/group_discount/percent", json!("108"))), "fees.group_discount.percent", expected(Expected::Percent, "\"108\"")),
        ("start_date not a date", Box::new(set("/course/start_date", json!("2025-11-31"))), "course.start_date", expected(Expected::Date, "\"2025-11-31\"")),
        ("unknown eligibility", Box::new(set("/fees/income_places/eligible", json!("anyone"))), "fees.income_places.eligible", expected(eligibility, "\"anyone\"")),
        ("unknown discount", Box::new(set("/fees/discount_order/2", json!("loyalty"))), "fees.discount_order.2", expected(discount, "\"loyalty\"")),
        ("schema as a string", Box::new(set("/schema", json!("1"))), "schema", expected(Expected::WholeNumber, "\"1\"")),
        ("negative group size", Box::new(set("/fees/group_discount/min_size", json!(-2))), "fees.group_discount.min_size", expected(Expected::WholeNumber, "-2")),
        ("fractional places", Box::new(set("/fees/income_places/places", json!(2.5))), "fees.income_places.places", expected(Expected::WholeNumber, "2.5")),
        ("course as a list", Box::new(set("/course", json!([]))), "course", expected(Expected::Object, "[]")),
        ("missing group percent", Box::new(remove("/fees/group_discount/percent")), "fees.group_discount.percent", Problem::Missing),
        ("null group percent", Box::new(set("/fees/group_discount/percent", json!(null))), "fees.group_discount.percent", Problem::Missing),
        ("missing contact", Box::new(remove("/contact")), "contact", Problem::Missing),
        ("unknown field in fees", Box::new(add("/fees", "student_discount", json!("10"))), "fees.student_discount", Problem::Unknown),
        ("unknown top-level field", Box::new(add("", "venue", json!("CCCB"))), "venue", Problem::Unknown),
    ];
    for (what, edit, field, problem) in rows {
        let result = load_with(edit);
        assert_eq!(
            result,
            Err(EditionError { field: field.to_owned(), problem: EditionProblem::Format(problem) }),
            "{what}"
        );
    }
}

/// Rules the types cannot express: caught by `validate`, reported with their own code.
#[test]
fn validation_problems_name_the_field() {
    use EditionProblem as P;
    type Edit = Box<dyn FnOnce(&mut Value)>;
    #[rustfmt::skip]
    let rows: Vec<(&str, Edit, &str, EditionProblem)> = vec![
        ("schema 2", Box::new(set("/schema", json!(2))), "schema", P::UnsupportedSchema { found: 2 }),
        ("schema 0", Box::new(set("/schema", json!(0))), "schema", P::UnsupportedSchema { found: 0 }),
        ("empty id", Box::new(set("/id", json!(""))), "id", P::Empty),
        ("empty course name", Box::new(set("/course/name", json!(""))), "course.name", P::Empty),
        ("blank course name", Box::new(set("/course/name", json!("  "))), "course.name", P::Empty),
        ("empty city", Box::new(set("/course/city", json!(""))), "course.city", P::Empty),
        ("empty classification label", Box::new(set("/fees/income_places/classification_label", json!(""))), "fees.income_places.classification_label", P::Empty),
        ("lower-case currency", Box::new(set("/currency", json!("eur"))), "currency", P::NotACurrency),
        ("currency of four letters", Box::new(set("/currency", json!("EURO"))), "currency", P::NotACurrency),
        ("currency symbol", Box::new(set("/currency", json!("€"))), "currency", P::NotACurrency),
        ("end before start", Box::new(set("/course/end_date", json!("2025-11-16"))), "course.end_date", P::EndBeforeStart),
        ("zero list fee", Box::new(set("/fees/list_fee", json!("0.00"))), "fees.list_fee", P::Zero),
        ("group min_size 1", Box::new(set("/fees/group_discount/min_size", json!(1))), "fees.group_discount.min_size", P::TooSmall { min: 2 }),
        ("group min_size 0", Box::new(set("/fees/group_discount/min_size", json!(0))), "fees.group_discount.min_size", P::TooSmall { min: 2 }),
        ("max_size below min_size", Box::new(set("/fees/group_discount/max_size", json!(1))), "fees.group_discount.max_size", P::BelowMinimum),
        ("early bird on the first day", Box::new(set("/fees/early_bird", json!({"percent": "10", "last_date": "2025-11-17"}))), "fees.early_bird.last_date", P::AfterStart),
        ("early bird after the course", Box::new(set("/fees/early_bird", json!({"percent": "10", "last_date": "2025-12-01"}))), "fees.early_bird.last_date", P::AfterStart),
        ("classification year without FY", Box::new(set("/fees/income_places/classification_year", json!("2025"))), "fees.income_places.classification_year", P::NotAFiscalYear),
        ("duplicate discount", Box::new(set("/fees/discount_order", json!(["membership", "income_place", "group", "group", "early_bird"]))), "fees.discount_order", P::DuplicateDiscount { discount: Discount::Group }),
        ("missing discount", Box::new(set("/fees/discount_order", json!(["membership", "income_place", "group"]))), "fees.discount_order", P::MissingDiscount { discount: Discount::EarlyBird }),
        ("empty discount order", Box::new(set("/fees/discount_order", json!([]))), "fees.discount_order", P::MissingDiscount { discount: Discount::Membership }),
        ("refund 0 days before start", Box::new(set("/refund/days_before_start", json!(0))), "refund.days_before_start", P::TooSmall { min: 1 }),
        ("email without @", Box::new(set("/contact/email", json!("diploma.metropolis.org"))), "contact.email", P::NotAnEmail),
        ("email without a dotted domain", Box::new(set("/contact/email", json!("diploma@metropolis"))), "contact.email", P::NotAnEmail),
        ("email with a space", Box::new(set("/contact/email", json!("dip loma@metropolis.org"))), "contact.email", P::NotAnEmail),
        ("email with two @", Box::new(set("/contact/email", json!("a@b@metropolis.org"))), "contact.email", P::NotAnEmail),
        ("bad reservation email", Box::new(set("/contact/reservation_email", json!("@metropolis.org"))), "contact.reservation_email", P::NotAnEmail),
    ];
    for (what, edit, field, problem) in rows {
        let result = load_with(edit);
        assert_eq!(result, Err(EditionError { field: field.to_owned(), problem }), "{what}");
    }
}

#[test]
fn valid_variants_load() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    #[rustfmt::skip]
    let rows: Vec<(&str, Edit)> = vec![
        ("early bird the day before start", Box::new(set("/fees/early_bird", json!({"percent": "10", "last_date": "2025-11-16"})))),
        ("early bird absent", Box::new(remove("/fees/early_bird"))),
        ("one-day course", Box::new(set("/course/end_date", json!("2025-11-17")))),
        ("reordered discounts", Box::new(set("/fees/discount_order", json!(["early_bird", "group", "income_place", "membership"])))),
        ("max_size equal to min_size", Box::new(set("/fees/group_discount/max_size", json!(2)))),
        ("everyone eligible", Box::new(set("/fees/income_places/eligible", json!("everyone")))),
        ("members with dues paid", Box::new(set("/fees/income_places/eligible", json!("members_dues_paid")))),
        ("decimal percentage", Box::new(set("/fees/group_discount/percent", json!("7.5")))),
    ];
    for (what, edit) in rows {
        let result = load_with(edit);
        assert!(result.is_ok(), "{what}: {result:?}");
    }
}

#[test]
fn syntax_errors_give_line_and_column() {
    // (description, text, line, column)
    let truncated = &EDITION_JSON[..EDITION_JSON.find("\"currency\"").expect("has currency")];
    let truncated_line = truncated.lines().count();
    #[rustfmt::skip]
    let rows: &[(&str, &str, usize, usize)] = &[
        ("not JSON", "not json", 1, 1),
        ("empty file", "", 1, 1),
        ("unclosed object", "{\n  \"schema\": 1", 2, 14),
        ("duplicate key", "{\"schema\": 1, \"schema\": 1}", 1, 15),
        ("trailing comma on line 3", "{\n  \"schema\": 1,\n  \"id\": \"x\",\n}", 4, 1),
    ];
    for &(what, text, line, column) in rows {
        assert_eq!(
            Edition::from_json(text),
            Err(EditionError {
                field: String::new(),
                problem: EditionProblem::Format(Problem::Syntax { line, column })
            }),
            "{what}: {text:?}"
        );
    }
    match Edition::from_json(truncated) {
        Err(EditionError { field, problem: EditionProblem::Format(Problem::Syntax { line, .. }) }) => {
            assert_eq!((field.as_str(), line), ("", truncated_line), "truncated file");
        }
        other => panic!("truncated file: expected Syntax, got {other:?}"),
    }
}
