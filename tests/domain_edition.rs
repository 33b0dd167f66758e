//! The edition file: the default parses, and each problem names its field and its code.

mod common;

use common::{countries, date, money, percent, EDITION_JSON};
use metropolis_diploma::domain::document::{Expected, Problem};
use metropolis_diploma::domain::edition::{
    Applications, Contact, Discount, Edition, EditionError, EditionProblem, Eligibility, LocalizedText, EDITION_SCHEMA,
};
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
    assert_eq!(
        [e.course.city.get("en"), e.course.city.get("fr"), e.course.city.get("es")],
        ["Barcelona", "Barcelone", "Barcelona"]
    );
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
    // Nothing the brochure does not state: no application dates, no next edition, no conditions
    // address, no contact address.
    assert_eq!(e.applications, Applications::default(), "no application dates");
    assert_eq!((e.next_edition.as_ref(), e.conditions_url.as_deref()), (None, None));
    assert_eq!(e.contact, Contact { email: None, reservation_email: None }, "no contact address");
    // The brochure's "What's included?" and "What's not included?", in three languages.
    let english = |texts: &[LocalizedText]| texts.iter().map(|t| t.get("en").to_owned()).collect::<Vec<_>>();
    assert_eq!(
        english(&e.content.included),
        [
            "Access to the course material",
            "Masterclasses with local governments or academic experts",
            "Site visits",
            "Transfers to the site visits",
            "10-trip public transport card",
            "Coffee and tea breaks",
            "Lunches",
            "Networking event (to be confirmed)",
            "Certificate of completion",
        ]
    );
    assert_eq!(
        english(&e.content.not_included),
        [
            "Air travel from your city or country of residence to Barcelona",
            "Accommodation",
            "Visa, if applicable",
            "Transfers from and to the airports",
            "Anything not listed as included",
        ]
    );
    // The hotel list comes with accommodation, which is not included: a note, not an included item.
    let note = e.content.not_included_note.as_ref().expect("the hotel note");
    assert!(note.get("en").contains("list of hotels"), "{note:?}");
    assert!(!english(&e.content.included).iter().any(|t| t.to_lowercase().contains("hotel")));
    let texts = e.content.included.iter().chain(&e.content.not_included).chain(std::iter::once(note));
    for t in texts {
        let langs: Vec<&str> = t.0.keys().map(String::as_str).collect();
        assert_eq!(langs, ["en", "es", "fr"], "every text in English, Spanish and French: {t:?}");
    }
    assert!(!EDITION_JSON.contains("metropolis.org"), "no unconfirmed address in the shipped file");
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
    let invalid = |expected: Expected, found: &str| Problem::invalid(expected, found);
    let codes = |c: &[&str]| Expected::OneOf(c.iter().map(|s| (*s).to_owned()).collect());
    let eligibility = codes(&["members", "members_dues_paid", "everyone"]);
    let discount = codes(&["membership", "income_place", "group", "early_bird"]);
    // (description, edit, expected field, expected problem)
    #[rustfmt::skip]
    let rows: Vec<(&str, Edit, &str, Problem)> = vec![
        ("list_fee not an amount", Box::new(set("/fees/list_fee", json!("abc"))), "fees.list_fee", invalid(Expected::Amount, "\"abc\"")),
        ("city as a number", Box::new(set("/course/city", json!(3))), "course.city", invalid(Expected::Other("a name, or an object of language tag to name".into()), "3")),
        ("list_fee with three decimals", Box::new(set("/fees/list_fee", json!("660.001"))), "fees.list_fee", invalid(Expected::Amount, "\"660.001\"")),
        ("list_fee without decimals", Box::new(set("/fees/list_fee", json!("660"))), "fees.list_fee", invalid(Expected::Amount, "\"660\"")),
        ("list_fee with a leading zero", Box::new(set("/fees/list_fee", json!("0660.00"))), "fees.list_fee", invalid(Expected::Amount, "\"0660.00\"")),
        ("list_fee as a JSON number", Box::new(set("/fees/list_fee", json!(660))), "fees.list_fee", invalid(Expected::Amount, "660")),
        ("percent above 100", Box::new(set("/fees/group_discount/percent", json!("108"))), "fees.group_discount.percent", invalid(Expected::Percent, "\"108\"")),
        ("percent with a trailing zero", Box::new(set("/fees/group_discount/percent", json!("8.0"))), "fees.group_discount.percent", invalid(Expected::Percent, "\"8.0\"")),
        ("start_date not a date", Box::new(set("/course/start_date", json!("2025-11-31"))), "course.start_date", invalid(Expected::Date, "\"2025-11-31\"")),
        ("opens not a date", Box::new(set("/applications", json!({"opens": "1 June"}))), "applications.opens", invalid(Expected::Date, "\"1 June\"")),
        ("unknown eligibility", Box::new(set("/fees/income_places/eligible", json!("anyone"))), "fees.income_places.eligible", invalid(eligibility.clone(), "\"anyone\"")),
        ("eligibility as a number", Box::new(set("/fees/income_places/eligible", json!(1))), "fees.income_places.eligible", invalid(eligibility, "1")),
        ("unknown discount", Box::new(set("/fees/discount_order/2", json!("loyalty"))), "fees.discount_order.2", invalid(discount, "\"loyalty\"")),
        ("schema as a string", Box::new(set("/schema", json!("1"))), "schema", invalid(Expected::WholeNumber, "\"1\"")),
        ("negative group size", Box::new(set("/fees/group_discount/min_size", json!(-2))), "fees.group_discount.min_size", invalid(Expected::WholeNumber, "-2")),
        ("fractional places", Box::new(set("/fees/income_places/places", json!(2.5))), "fees.income_places.places", invalid(Expected::WholeNumber, "2.5")),
        ("course as a list", Box::new(set("/course", json!([]))), "course", invalid(Expected::Object, "[…]")),
        ("included as an object", Box::new(set("/content/included", json!({}))), "content.included", invalid(Expected::List, "{…}")),
        ("a text that is a number", Box::new(set("/content/included/0/fr", json!(7))), "content.included.0.fr", invalid(Expected::Text, "7")),
        ("a contact that is a list", Box::new(set("/contact/email", json!(["a@example.org"]))), "contact.email", invalid(Expected::Text, "[…]")),
        ("missing group percent", Box::new(remove("/fees/group_discount/percent")), "fees.group_discount.percent", Problem::Missing),
        ("null group percent", Box::new(set("/fees/group_discount/percent", json!(null))), "fees.group_discount.percent", invalid(Expected::Percent, "null")),
        ("missing refund", Box::new(remove("/refund")), "refund", Problem::Missing),
        ("unknown field in fees", Box::new(add("/fees", "student_discount", json!("10"))), "fees.student_discount", Problem::Unknown),
        ("unknown top-level field", Box::new(add("", "venue", json!("CCCB"))), "venue", Problem::Unknown),
        ("unknown field in applications", Box::new(add("/applications", "deadline", json!("2025-10-01"))), "applications.deadline", Problem::Unknown),
        ("unknown field in content", Box::new(add("/content", "hotels", json!([]))), "content.hotels", Problem::Unknown),
        ("unknown field in next_edition", Box::new(set("/next_edition", json!({"city": "Barcelona"}))), "next_edition.city", Problem::Unknown),
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
        ("city without English", Box::new(set("/course/city", json!({"fr": "Barcelone"}))), "course.city", P::MissingEnglish),
        ("empty French city", Box::new(set("/course/city", json!({"en": "Barcelona", "fr": " "}))), "course.city.fr", P::Empty),
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
        ("email without @", Box::new(set("/contact/email", json!("secretariat.example.org"))), "contact.email", P::NotAnEmail),
        ("email without a dotted domain", Box::new(set("/contact/email", json!("secretariat@example"))), "contact.email", P::NotAnEmail),
        ("email with a space", Box::new(set("/contact/email", json!("secre tariat@example.org"))), "contact.email", P::NotAnEmail),
        ("email with two @", Box::new(set("/contact/email", json!("a@b@example.org"))), "contact.email", P::NotAnEmail),
        ("empty email", Box::new(set("/contact/email", json!(""))), "contact.email", P::NotAnEmail),
        ("bad reservation email", Box::new(set("/contact/reservation_email", json!("@example.org"))), "contact.reservation_email", P::NotAnEmail),
        // The application calendar: opening and closing before the course, in order.
        ("applications open on the first day", Box::new(set("/applications", json!({"opens": "2025-11-17"}))), "applications.opens", P::AfterStart),
        ("applications close on the first day", Box::new(set("/applications", json!({"closes": "2025-11-17"}))), "applications.closes", P::AfterStart),
        ("applications close after the course", Box::new(set("/applications", json!({"closes": "2025-12-01"}))), "applications.closes", P::AfterStart),
        ("applications close before they open", Box::new(set("/applications", json!({"opens": "2025-06-02", "closes": "2025-06-01"}))), "applications.closes", P::ClosesBeforeOpens),
        // The next edition: after this one, in order, with a web address and English.
        ("next edition on this one's last day", Box::new(set("/next_edition", json!({"start_date": "2025-11-21"}))), "next_edition.start_date", P::NotAfterCourse),
        ("next edition ending before it starts", Box::new(set("/next_edition", json!({"start_date": "2026-11-16", "end_date": "2026-11-15"}))), "next_edition.end_date", P::EndBeforeStart),
        ("next edition address without scheme", Box::new(set("/next_edition", json!({"url": "www.example.org/diploma"}))), "next_edition.url", P::NotAUrl),
        ("next edition address as javascript:", Box::new(set("/next_edition", json!({"url": "javascript:alert(1)"}))), "next_edition.url", P::NotAUrl),
        ("next edition text without English", Box::new(set("/next_edition", json!({"text": {"fr": "Bientôt"}}))), "next_edition.text", P::MissingEnglish),
        // The general conditions: a web address.
        ("conditions as a path", Box::new(set("/conditions_url", json!("/conditions.pdf"))), "conditions_url", P::NotAUrl),
        ("conditions with a space", Box::new(set("/conditions_url", json!("https://example.org/general conditions.pdf"))), "conditions_url", P::NotAUrl),
        ("conditions with a quote", Box::new(set("/conditions_url", json!("https://example.org/\"onmouseover"))), "conditions_url", P::NotAUrl),
        ("conditions without a host", Box::new(set("/conditions_url", json!("https:///conditions"))), "conditions_url", P::NotAUrl),
        // What is included: every text has English, language tags as keys, and no empty text.
        ("an included item without English", Box::new(set("/content/included/2", json!({"fr": "Visites", "es": "Visitas"}))), "content.included.2", P::MissingEnglish),
        ("an included item in Klingon", Box::new(add("/content/included/0", "Klingon", json!("x"))), "content.included.0.Klingon", P::NotALanguageTag),
        ("an empty French text", Box::new(set("/content/not_included/1/fr", json!(" "))), "content.not_included.1.fr", P::Empty),
        ("a note without English", Box::new(set("/content/not_included_note", json!({"es": "Hoteles"}))), "content.not_included_note", P::MissingEnglish),
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
        // The additions are optional: absent, null or empty all load.
        ("no applications", Box::new(remove("/applications"))),
        ("no next_edition", Box::new(remove("/next_edition"))),
        ("no conditions_url", Box::new(remove("/conditions_url"))),
        ("no contact", Box::new(remove("/contact"))),
        ("contact with one address", Box::new(set("/contact", json!({"email": "secretariat@example.org"})))),
        ("no content", Box::new(remove("/content"))),
        ("empty content", Box::new(set("/content", json!({})))),
        ("applications open and close the day before", Box::new(set("/applications", json!({"opens": "2025-11-16", "closes": "2025-11-16"})))),
        ("applications with an opening date only", Box::new(set("/applications", json!({"opens": "2025-05-01", "closes": null})))),
        ("a next edition with everything", Box::new(set("/next_edition", json!({"start_date": "2026-11-16", "end_date": "2026-11-20", "url": "https://example.org/diploma-2026", "text": {"en": "The 4th edition", "pt-BR": "A 4ª edição"}})))),
        ("a next edition with only a sentence", Box::new(set("/next_edition", json!({"text": {"en": "Dates to be announced"}})))),
        ("conditions over http", Box::new(set("/conditions_url", json!("http://example.org/conditions?lang=en#fees")))),
        ("the city as one name for every language", Box::new(set("/course/city", json!("Barcelona")))),
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
        ("not JSON", "not json", 1, 2),
        ("empty file", "", 1, 1),
        ("unclosed object", "{\n  \"schema\": 1", 2, 13),
        ("trailing comma on line 3", "{\n  \"schema\": 1,\n  \"id\": \"x\",\n}", 4, 1),
        ("text after the object", "{\"schema\": 1} x", 1, 15),
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
    // A key given twice is named, whatever its level.
    let twice = EDITION_JSON.replacen("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"currency\": \"USD\",", 1);
    assert_eq!(
        Edition::from_json(&twice),
        Err(EditionError { field: "currency".into(), problem: EditionProblem::Format(Problem::Duplicate) })
    );
    let twice = EDITION_JSON.replacen("\"payout_days\": 30", "\"payout_days\": 30, \"payout_days\": 31", 1);
    assert_eq!(
        Edition::from_json(&twice),
        Err(EditionError { field: "refund.payout_days".into(), problem: EditionProblem::Format(Problem::Duplicate) })
    );
}

#[test]
fn the_edition_round_trips_through_serde() {
    let e = Edition::from_json(EDITION_JSON).expect("default edition parses");
    let text = serde_json::to_string(&e).expect("serialises");
    assert_eq!(Edition::from_json(&text), Ok(e.clone()), "read back what was written");
    let mut full = e;
    full.applications = Applications { opens: Some(date(2025, 5, 1)), closes: Some(date(2025, 10, 31)) };
    full.conditions_url = Some("https://example.org/conditions".into());
    full.contact =
        Contact { email: Some("info@example.org".into()), reservation_email: Some("places@example.org".into()) };
    let text = serde_json::to_string_pretty(&full).expect("serialises");
    assert_eq!(Edition::from_json(&text), Ok(full), "with every optional part");
}

#[test]
fn localized_texts_fall_back_to_english() {
    let t = LocalizedText::new([("en", "Lunches"), ("fr", "Déjeuners")]);
    // (language asked, text)
    let rows = [("en", "Lunches"), ("fr", "Déjeuners"), ("es", "Lunches"), ("", "Lunches")];
    for (lang, text) in rows {
        assert_eq!(t.get(lang), text, "get({lang:?})");
    }
    assert_eq!(LocalizedText::default().get("en"), "", "an empty text");
}
