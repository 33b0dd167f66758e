//! Browser tests of the course page, the refund page and the data error page, mounted as a
//! visitor's browser renders them: the course page in each state of the edition (editions dated
//! around today's real Barcelona date, so the state holds once the page reads the clock), the
//! refund page's figures and test ids for the brochure's cases, and the data error page naming the
//! field.
#![cfg(target_arch = "wasm32")]

mod web_common;

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use metropolis_diploma::app::App;
use metropolis_diploma::domain::dates::iso;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::i18n::{Locale, SiteTexts, Text};
use metropolis_diploma::intl;
use metropolis_diploma::pages::data_error::{DataErrorApp, DataFailure, FileProblem};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_common::{container, set_address, site_data, site_data_with, site_texts};

wasm_bindgen_test_configure!(run_in_browser);

const EDITION: &str = include_str!("../public/edition.json");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// Today in Barcelona on this machine's clock: the page reads it once live.
fn today() -> NaiveDate {
    metropolis_diploma::shell::clock::today()
}

/// `today` moved by `n` days (negative: back).
fn shift(n: i64) -> NaiveDate {
    let t = today();
    if n >= 0 {
        t.checked_add_days(Days::new(n.unsigned_abs())).expect("a date")
    } else {
        t.checked_sub_days(Days::new(n.unsigned_abs())).expect("a date")
    }
}

/// The shipped edition with `change` applied to its JSON.
fn edition_with(change: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(EDITION).expect("edition.json");
    change(&mut doc);
    let text = doc.to_string();
    Edition::from_json(&text).unwrap_or_else(|e| panic!("the test's edition is valid: {e:?}"));
    text
}

/// An edition on the calendar: applications `opens`..`closes` (each optional), the course
/// `start`..`end`.
fn dated(opens: Option<NaiveDate>, closes: Option<NaiveDate>, start: NaiveDate, end: NaiveDate) -> String {
    edition_with(|doc| {
        doc["applications"] = json!({ "opens": opens.map(iso), "closes": closes.map(iso) });
        doc["course"]["start_date"] = json!(iso(start));
        doc["course"]["end_date"] = json!(iso(end));
    })
}

/// Ticks until `done` holds (Leptos applies updates asynchronously; the pages read the address and
/// the clock in Effects), at most a few hundred times.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        leptos::task::tick().await;
    }
    panic!("never happened: {what}");
}

fn text_of(root: &web_sys::Element, selector: &str) -> Option<String> {
    root.query_selector(selector).ok().flatten().and_then(|e| e.text_content())
}

fn attr_of(root: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).ok().flatten().and_then(|e| e.get_attribute(name))
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).map(|l| l.length()).unwrap_or(0)
}

fn main_text(root: &web_sys::Element) -> String {
    text_of(root, "main").unwrap_or_default()
}

/// Mounts the application at `address` with `edition` (or the shipped one) in `locale`.
fn mount(
    address: &str,
    edition: Option<&str>,
    locale: Locale,
) -> (web_sys::Element, &'static SiteTexts, Box<dyn std::any::Any>) {
    set_address(address);
    let data = match edition {
        Some(e) => site_data_with(e, locale, today()),
        None => site_data(locale, today()),
    };
    let texts = site_texts(locale);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), move || view! { <App data texts /> });
    (root.unchecked_into(), texts, Box::new(app))
}

// ---------------------------------------------------------------------------------------------
// The course page

#[wasm_bindgen_test]
async fn the_course_page_says_where_the_edition_stands_in_each_state() {
    let (opens, closes) = (shift(10), shift(40));
    let (start, end) = (shift(60), shift(64));
    #[rustfmt::skip]
    let cases = [
        // (state, edition, apply buttons in the page, the state sentence's date)
        ("upcoming", dated(Some(opens), Some(closes), start, end), 0, Some(opens)),
        ("open", dated(Some(shift(-10)), Some(closes), start, end), 2, Some(closes)),
        ("open", dated(None, None, start, end), 2, Some(start.pred_opt().expect("a date"))),
        ("closed", dated(Some(shift(-40)), Some(shift(-1)), start, end), 0, Some(shift(-1))),
        ("in-progress", dated(None, None, shift(-1), shift(3)), 0, None),
        ("ended", dated(None, None, shift(-10), shift(-6)), 0, Some(shift(-6))),
    ];
    for (state, edition, applies, date) in cases {
        for locale in Locale::ALL {
            let prefix = locale.prefix();
            let (root, texts, _app) = mount(&format!("{prefix}/"), Some(&edition), locale);
            let shown = || attr_of(&root, "[data-testid=edition-state]", "data-state");
            until(&format!("{state} in {locale:?}"), || shown().as_deref() == Some(state)).await;
            let sentence = text_of(&root, "[data-testid=edition-state]").unwrap_or_default();
            let ordinal = intl::ordinal(locale, 3);
            let edition_name = texts.common.edition_ordinal.select(ordinal).fill(&[("n", "3")]);
            assert!(sentence.contains(&edition_name), "{state} {locale:?}: {sentence:?} names the edition");
            if let Some(date) = date {
                let date = intl::date(locale, date);
                assert!(sentence.contains(&date), "{state} {locale:?}: {sentence:?} has {date}");
            }
            assert_eq!(count(&root, "main a[data-testid=apply]"), applies, "{state} {locale:?}: Apply buttons");
            if applies > 0 {
                let href = attr_of(&root, "main a[data-testid=apply]", "href");
                assert_eq!(href, Some(format!("{prefix}/apply")), "{locale:?}: Apply leads to the form");
            }
            // Estimating and the refund page stay one click away in every state.
            assert_eq!(count(&root, &format!("main .actions a[href='{prefix}/estimate']")), 1, "{state} {locale:?}");
            assert_eq!(count(&root, &format!("main .actions a[href='{prefix}/refund']")), 1, "{state} {locale:?}");
            assert_eq!(count(&root, "[data-testid=next-edition]"), 0, "{state}: no next edition in the data");
        }
    }
}

#[wasm_bindgen_test]
async fn once_ended_the_course_page_announces_the_next_edition() {
    let next = (shift(300), shift(304));
    let edition = edition_with(|doc| {
        doc["course"]["start_date"] = json!(iso(shift(-10)));
        doc["course"]["end_date"] = json!(iso(shift(-6)));
        doc["next_edition"] = json!({
            "start_date": iso(next.0), "end_date": iso(next.1), "url": "https://example.org/next",
            "text": { "en": "The next one is in Barcelona too.", "fr": "La prochaine aura aussi lieu à Barcelone." }
        });
    });
    for (locale, sentence) in [
        (Locale::En, "The next one is in Barcelona too."),
        (Locale::Fr, "La prochaine aura aussi lieu à Barcelone."),
        (Locale::Es, "The next one is in Barcelona too."), // no Spanish text: the English one
    ] {
        let (root, texts, _app) = mount(&format!("{}/", locale.prefix()), Some(&edition), locale);
        until("the next edition", || count(&root, "[data-testid=next-edition]") == 1).await;
        let shown = text_of(&root, "[data-testid=next-edition]").unwrap_or_default();
        let range = intl::date_range(locale, next.0, next.1);
        assert!(shown.contains(&range), "{locale:?}: {shown:?} has the dates as a range, {range}");
        assert!(shown.contains(sentence), "{locale:?}: {shown:?}");
        let link = "[data-testid=next-edition] a[href='https://example.org/next']";
        assert_eq!(text_of(&root, link).as_deref(), Some(texts.home.next_link), "{locale:?}");
    }
    // Before the edition has ended, the next one is not announced.
    let running = edition_with(|doc| {
        doc["course"]["start_date"] = json!(iso(shift(30)));
        doc["course"]["end_date"] = json!(iso(shift(34)));
        doc["next_edition"] = json!({ "start_date": iso(next.0) });
    });
    let (root, _, _app) = mount("/", Some(&running), Locale::En);
    until("open", || attr_of(&root, "[data-testid=edition-state]", "data-state").as_deref() == Some("open")).await;
    assert_eq!(count(&root, "[data-testid=next-edition]"), 0);
}

#[wasm_bindgen_test]
async fn the_course_page_takes_every_figure_from_the_data() {
    // The e2e `figures` edition's changes: member 40 % (dues 2025), group 10 % from 3 people,
    // a 15 % early bird; and a one-day course, a contact address and general conditions.
    let early = shift(20);
    let edition = edition_with(|doc| {
        doc["course"]["start_date"] = json!(iso(shift(40)));
        doc["course"]["end_date"] = json!(iso(shift(40)));
        doc["fees"]["member_discount"] = json!({ "percent": "40", "dues_year": 2025 });
        doc["fees"]["group_discount"] = json!({ "percent": "10", "min_size": 3, "max_size": 50 });
        doc["fees"]["early_bird"] = json!({ "percent": "15", "last_date": iso(early) });
        doc["contact"]["email"] = json!("diploma@example.org");
        doc["conditions_url"] = json!("https://example.org/conditions");
    });
    #[rustfmt::skip]
    let rows = [
        (Locale::En, "1 day", "€660.00", "40%", "10%", "3 participants", "15%"),
        (Locale::Fr, "1 jour", "660,00\u{a0}€", "40\u{a0}%", "10\u{a0}%", "3 participants", "15\u{a0}%"),
        (Locale::Es, "1 día", "660,00\u{a0}€", "40\u{a0}%", "10\u{a0}%", "3 participantes", "15\u{a0}%"),
    ];
    for (locale, length, fee, member, group, min, early_percent) in rows {
        let (root, _texts, _app) = mount(&format!("{}/", locale.prefix()), Some(&edition), locale);
        until("the page", || count(&root, "[data-testid=fees]") == 1).await;
        assert_eq!(text_of(&root, "[data-testid=course-length]").as_deref(), Some(length), "{locale:?}");
        let fees = text_of(&root, "[data-testid=fees]").unwrap_or_default();
        for figure in [fee, member, "2025", group, min, "2024-2025"] {
            assert!(fees.contains(figure), "{locale:?}: the fees have {figure:?}: {fees}");
        }
        let early_text = text_of(&root, "[data-testid=early-bird]").unwrap_or_default();
        assert!(early_text.contains(early_percent), "{locale:?}: {early_text}");
        assert!(early_text.contains(&intl::date(locale, early)), "{locale:?}: {early_text}");
        assert_eq!(attr_of(&root, "[data-testid=contact] a", "href").as_deref(), Some("mailto:diploma@example.org"));
        assert_eq!(count(&root, "main a[href='https://example.org/conditions']"), 1, "{locale:?}: the conditions");
    }
}

#[wasm_bindgen_test]
async fn the_course_page_says_only_what_the_data_says_in_the_pages_language() {
    for locale in Locale::ALL {
        let (root, texts, _app) =
            mount(&format!("{}/", locale.prefix()), Some(&dated(None, None, shift(30), shift(34))), locale);
        until("the page", || count(&root, "[data-testid=fees]") == 1).await;
        let text = main_text(&root);
        // The shipped data has no early bird, no contact address and no conditions.
        assert_eq!(count(&root, "[data-testid=early-bird]"), 0, "{locale:?}");
        assert_eq!(count(&root, "[data-testid=contact]"), 0, "{locale:?}");
        assert!(!text.contains('@'), "{locale:?}: no address anywhere: {text}");
        for invented in ["taught in English", "while they last", "diploma@metropolis.org"] {
            assert!(!text.contains(invented), "{locale:?}: {invented}");
        }
        assert_eq!(text_of(&root, "h1").as_deref(), Some(texts.common.site_name));
        if locale != Locale::En {
            assert!(!text.contains("Metropolis Diploma in"), "{locale:?}: the English course name: {text}");
        }
        // What is and is not included comes from the edition, in the page's language, with the
        // hotel list under accommodation, not among what is included.
        let edition = Edition::from_json(EDITION).expect("edition.json");
        let included = text_of(&root, "[data-testid=included]").unwrap_or_default();
        for item in &edition.content.included {
            assert!(included.contains(item.get(locale.tag())), "{locale:?}: {}", item.get("en"));
        }
        let note = edition.content.not_included_note.as_ref().expect("a note").get(locale.tag());
        assert!(text.contains(note), "{locale:?}: the accommodation note");
        assert!(!included.to_lowercase().contains("hotel") && !included.contains("hôtel"), "{locale:?}: {included}");
        assert_eq!(text_of(&root, "[data-testid=course-length]").as_deref().map(|s| s.starts_with('5')), Some(true));
    }
}

// ---------------------------------------------------------------------------------------------
// The refund page

/// What the refund page shows for an address: (refund amount, deadline, due by, verdict).
async fn refund_figures(root: &web_sys::Element) -> (Option<String>, Option<String>, Option<String>, Option<String>) {
    until("the refund figures", || count(root, "[data-testid=refund-deadline]") == 1).await;
    (
        attr_of(root, "[data-testid=refund-amount]", "data-amount"),
        attr_of(root, "[data-testid=refund-deadline]", "data-date"),
        attr_of(root, "[data-testid=refund-due-by]", "data-date"),
        attr_of(root, "[data-testid=refund-verdict]", "data-refund"),
    )
}

#[wasm_bindgen_test]
async fn the_refund_page_follows_the_brochures_cases() {
    // The shipped edition: the course starts on 17 November 2025, 75 % back up to 30 days before.
    #[rustfmt::skip]
    let cases = [
        ("/refund?paid=100.01&date=2025-10-17", Some("75.01"), "2025-11-16", "yes"),
        ("/refund?paid=660&date=2025-10-17", Some("495.00"), "2025-11-16", "yes"),
        ("/refund?paid=660.00&date=2025-10-18", Some("0.00"), "", "no"),
        ("/refund?date=2025-10-01", None, "2025-10-31", "yes"),
    ];
    for (address, amount, due, verdict) in cases {
        let (root, _, _app) = mount(address, None, Locale::En);
        until(address, || {
            attr_of(&root, "#cancel-date", "aria-invalid").is_none()
                && root
                    .query_selector("#cancel-date")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| address.contains(&i.value()))
        })
        .await;
        let (shown, deadline, due_by, refund) = refund_figures(&root).await;
        assert_eq!(shown.as_deref(), amount, "{address}: refund-amount");
        assert_eq!(deadline.as_deref(), Some("2025-10-17"), "{address}: refund-deadline");
        assert_eq!(due_by.as_deref(), Some(due), "{address}: refund-due-by");
        assert_eq!(refund.as_deref(), Some(verdict), "{address}: refund-verdict");
    }
}

#[wasm_bindgen_test]
async fn the_refund_page_reads_typed_amounts_and_keeps_the_address_in_step() {
    let (root, texts, _app) = mount("/refund?date=2025-10-01", None, Locale::En);
    until("the date from the address", || input_value(&root, "#cancel-date") == "2025-10-01").await;
    type_into(&root, "#paid", "1 821,60");
    until("the refund", || attr_of(&root, "[data-testid=refund-amount]", "data-amount").as_deref() == Some("1366.20"))
        .await;
    assert_eq!(attr_of(&root, "[data-testid=refund-kept]", "data-amount").as_deref(), Some("455.40"));
    until("the address", || location_search() == "?paid=1821.60&date=2025-10-01").await;
    type_into(&root, "#paid", "330.123");
    change(&root, "#paid");
    until("the error", || count(&root, "#paid-error") == 1).await;
    assert_eq!(text_of(&root, "#paid-error").as_deref(), Some(texts.refund.amount_too_many_decimals));
    assert_eq!(attr_of(&root, "#paid", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(count(&root, "[data-testid=refund-amount]"), 0, "no figure for an amount that cannot be read");
    assert_eq!(input_value(&root, "#paid"), "330.123", "what was typed stays");
}

#[wasm_bindgen_test]
async fn an_amount_in_the_address_that_cannot_be_read_is_said_so() {
    let (root, texts, _app) = mount("/fr/refund?paid=abc&date=2025-10-01", None, Locale::Fr);
    until("the error", || count(&root, "#paid-error") == 1).await;
    assert_eq!(text_of(&root, "#paid-error").as_deref(), Some(texts.refund.amount_not_a_number));
}

#[wasm_bindgen_test]
async fn the_refund_page_words_its_figures_in_each_language() {
    #[rustfmt::skip]
    let rows = [
        (Locale::En, "1 day after your cancellation date", "30 calendar days", "75%", "17 October 2025", "the same day as your cancellation"),
        (Locale::Fr, "1 jour après la date d’annulation", "30 jours calendaires", "75\u{a0}%", "17 octobre 2025", "le jour même de l’annulation"),
        (Locale::Es, "1 día después de la fecha de cancelación", "30 días naturales", "75\u{a0}%", "17 de octubre de 2025", "el mismo día de la cancelación"),
    ];
    for (locale, one_day, days, percent, last, same_day) in rows {
        let prefix = locale.prefix();
        let (root, _, _app) = mount(&format!("{prefix}/refund?paid=100&date=2025-10-16"), None, locale);
        until("the figures", || {
            attr_of(&root, "[data-testid=refund-amount]", "data-amount").as_deref() == Some("75.00")
        })
        .await;
        let result = text_of(&root, ".quote").unwrap_or_default();
        assert!(result.contains(one_day), "{locale:?}: {result}");
        let policy = text_of(&root, "[data-testid=refund-policy]").unwrap_or_default();
        for figure in [days, percent, last] {
            assert!(policy.contains(figure), "{locale:?}: the policy has {figure:?}: {policy}");
        }
        assert!(!policy.contains("1 days") && !policy.contains("1 jours"), "{locale:?}");
        drop(_app);
        let (root, _, _app) = mount(&format!("{prefix}/refund?paid=100&date=2025-10-17"), None, locale);
        until("the last day", || text_of(&root, ".quote").unwrap_or_default().contains(same_day)).await;
        // The drawing is styled by classes only: the policy forbids style attributes.
        assert_eq!(count(&root, "[style]"), 0, "{locale:?}: no style attribute");
        assert_eq!(count(&root, "[data-testid=refund-timeline]"), 1);
    }
}

#[wasm_bindgen_test]
async fn the_cancellation_email_has_every_item_and_replies_without_an_address_when_none_is_given() {
    let (root, texts, _app) = mount("/refund?paid=330&date=2025-10-10", None, Locale::En);
    until("the figures", || count(&root, "[data-testid=refund-amount]") == 1).await;
    type_into(&root, "#cancel-name", "Amina Odhiambo");
    type_into(&root, "#cancel-contact", "amina@nairobi.example");
    type_into(&root, "#cancel-registered", "2025-06-02");
    change(&root, "#cancel-registered");
    until("the message", || input_value(&root, "#email-preview").contains("Amina Odhiambo")).await;
    let message = input_value(&root, "#email-preview");
    for item in [
        "Metropolis Diploma in Internationalization for Local Authorities (3rd edition)",
        "Amina Odhiambo",
        "2 June 2025",
        "amina@nairobi.example",
        "€330.00",
        "€247.50",
        "30 calendar days",
        "17 October 2025",
    ] {
        assert!(message.contains(item), "the message has {item:?}: {message}");
    }
    let href = attr_of(&root, "[data-testid=mailto]", "href").unwrap_or_default();
    assert!(href.starts_with("mailto:?subject="), "no recipient without an address in the data: {href}");
    assert_eq!(text_of(&root, "[data-testid=reply-reminder]").as_deref(), Some(texts.refund.reply_reminder));
    // The page's own text (field values aside) has no address: the data gives none.
    assert!(!main_text(&root).contains('@'), "no address on the page: {}", main_text(&root));
    drop(_app);

    // With a reservation address in the data, the link writes to it and the reminder names it.
    let edition = edition_with(|doc| doc["contact"]["reservation_email"] = json!("reservations@example.org"));
    let (root, texts, _app) = mount("/es/refund?paid=330&date=2025-10-10", Some(&edition), Locale::Es);
    until("the figures", || count(&root, "[data-testid=refund-amount]") == 1).await;
    let href = attr_of(&root, "[data-testid=mailto]", "href").unwrap_or_default();
    assert!(href.starts_with("mailto:reservations@example.org?subject="), "{href}");
    let reminder = Text(texts.refund.reply_reminder_from).fill(&[("email", "reservations@example.org")]);
    assert_eq!(text_of(&root, "[data-testid=reply-reminder]"), Some(reminder));
    let policy = text_of(&root, "[data-testid=refund-policy]").unwrap_or_default();
    assert!(policy.contains("reservations@example.org"), "the policy names the address too: {policy}");
    until("the message", || input_value(&root, "#email-preview").contains("330,00")).await;
    let message = input_value(&root, "#email-preview");
    assert!(message.starts_with("Cancelación de la inscripción: Diploma Metropolis"), "{message}");
    assert!(message.contains("(3.ª edición)"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// The data error page

#[wasm_bindgen_test]
async fn the_data_error_page_names_the_file_the_field_and_the_problem() {
    let broken = EDITION.replace("\"660.00\"", "\"abc\"");
    let error = Edition::from_json(&broken).expect_err("a list fee of abc");
    for locale in Locale::ALL {
        set_address(&format!("{}/estimate", locale.prefix()));
        let data = site_data(locale, day(2026, 4, 15));
        let texts = site_texts(locale);
        let failure = DataFailure {
            url: "https://example.org/diploma/edition.json".to_owned(),
            problem: FileProblem::Edition(error.clone()),
        };
        let root: web_sys::Element = container().unchecked_into();
        let common = &texts.common;
        let _app = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
            view! { <DataErrorApp data common failure chrome=true /> }
        });
        until("the page", || count(&root, "[data-testid=edition-error]") == 1).await;
        assert_eq!(text_of(&root, "h1").as_deref(), Some(common.data_error_title), "{locale:?}");
        assert_eq!(text_of(&root, "[data-testid=edition-error-field]").as_deref(), Some("fees.list_fee"));
        assert_eq!(
            text_of(&root, "[data-testid=edition-error-file]").as_deref(),
            Some("https://example.org/diploma/edition.json")
        );
        let problem = text_of(&root, "[data-testid=edition-error-problem]").unwrap_or_default();
        assert_eq!(problem, common.edition_problem(&error.problem), "{locale:?}");
        assert!(problem.contains("\"abc\""), "{locale:?}: the value found: {problem}");
        // The site's chrome is there, in the page's language.
        assert_eq!(count(&root, ".site-header nav:not(.lang-switch) a"), 4, "{locale:?}: the navigation");
        assert_eq!(count(&root, ".lang-switch a"), 3);
    }
    // In a partner's frame: the page alone, and a config.json problem names its field.
    set_address("/embed/estimate");
    let data = site_data(Locale::En, day(2026, 4, 15));
    let common = &site_texts(Locale::En).common;
    let error = metropolis_diploma::domain::config::Config::from_json(
        r#"{"schema": 1, "submission": {"endpoint": "//evil.example/x"}}"#,
    )
    .expect_err("an endpoint on another origin without a scheme");
    let failure = DataFailure { url: "http://127.0.0.1/config.json".to_owned(), problem: FileProblem::Config(error) };
    let root: web_sys::Element = container().unchecked_into();
    let _app = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        view! { <DataErrorApp data common failure chrome=false /> }
    });
    until("the page", || count(&root, "[data-testid=edition-error]") == 1).await;
    assert_eq!(text_of(&root, "[data-testid=edition-error-field]").as_deref(), Some("submission.endpoint"));
    assert_eq!(text_of(&root, "[data-testid=edition-error-problem]").as_deref(), Some(common.config_bad_endpoint));
    assert_eq!(count(&root, ".site-header"), 0, "no chrome in a frame");
}

// ---------------------------------------------------------------------------------------------
// Acting as a person would

fn input_value(root: &web_sys::Element, selector: &str) -> String {
    let Some(el) = root.query_selector(selector).ok().flatten() else { return String::new() };
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(a) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        a.value()
    } else {
        String::new()
    }
}

fn dispatch(el: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("an event");
    el.dispatch_event(&event).expect("dispatched");
}

/// Types `text` into a field (its value, then an `input` event).
fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let el = root.query_selector(selector).ok().flatten().unwrap_or_else(|| panic!("no {selector}"));
    el.dyn_ref::<web_sys::HtmlInputElement>().expect("an input").set_value(text);
    dispatch(&el, "input");
}

/// Leaves a field (`change`).
fn change(root: &web_sys::Element, selector: &str) {
    let el = root.query_selector(selector).ok().flatten().unwrap_or_else(|| panic!("no {selector}"));
    dispatch(&el, "change");
}

fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}
