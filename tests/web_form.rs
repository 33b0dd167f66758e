//! Browser tests of the application form, through its pages as a person uses them: typing,
//! choosing, Continue, and a reload (the app mounted again over the same storage). The edition's
//! dates are set around the real date, since the page keeps "today" current from the clock.
//! Sending is tested with `fetch` stubbed in the page (the receiver's answers as the contract
//! gives them); sending to the real receiver is the e2e suite's.
#![cfg(target_arch = "wasm32")]

mod web_common;

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use metropolis_diploma::app::App;
use metropolis_diploma::context::SiteData;
use metropolis_diploma::domain::application::Draft;
use metropolis_diploma::domain::draft::Envelope;
use metropolis_diploma::domain::outbox::OutboxState;
use metropolis_diploma::domain::submission::{is_uuid, Submission};
use metropolis_diploma::i18n::Locale;
use metropolis_diploma::shell::{clock, storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_common::{container, document, set_address, site_data_with, site_texts};

wasm_bindgen_test_configure!(run_in_browser);

// ----- The edition around today -------------------------------------------------------------

fn today() -> NaiveDate {
    clock::today()
}

fn day(offset: i64) -> String {
    let t = today();
    let d = if offset >= 0 {
        t.checked_add_days(Days::new(offset.unsigned_abs()))
    } else {
        t.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    metropolis_diploma::domain::dates::iso(d.expect("a date"))
}

/// The shipped edition with the course `start` days from today, applications `opens`/`closes`
/// (days from today), and the general conditions at `conditions`.
fn edition(start: i64, opens: Option<i64>, closes: Option<i64>, conditions: Option<&str>) -> String {
    let mut e: serde_json::Value =
        serde_json::from_str(include_str!("../public/edition.json")).expect("the shipped edition");
    e["course"]["start_date"] = day(start).into();
    e["course"]["end_date"] = day(start + 4).into();
    e["applications"]["opens"] = opens.map(day).into();
    e["applications"]["closes"] = closes.map(day).into();
    e["conditions_url"] = conditions.into();
    e.to_string()
}

fn open_edition() -> String {
    edition(60, None, None, None)
}

fn data(edition: &str, locale: Locale) -> &'static SiteData {
    site_data_with(edition, locale, today())
}

// ----- Acting as a person -------------------------------------------------------------------

struct Page {
    _app: Box<dyn std::any::Any>,
    root: web_sys::HtmlElement,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts the app at `path`, as a page load does.
fn open(path: &str, data: &'static SiteData) -> Page {
    set_address(path);
    let texts = site_texts(data.locale);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), move || view! { <App data texts /> });
    Page { _app: Box::new(app), root }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    JsFuture::from(promise).await.expect("slept");
}

/// Waits (up to five seconds) until `check` holds.
async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..250 {
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("still not true after 5 s: {what}; the page: {}", text_of("main"));
}

fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    document().query_selector(selector).expect("a valid selector").and_then(|e| e.dyn_into().ok())
}

fn get(selector: &str) -> web_sys::HtmlElement {
    find(selector).unwrap_or_else(|| panic!("no {selector} in: {}", text_of("main")))
}

fn text_of(selector: &str) -> String {
    find(selector).and_then(|e| e.text_content()).unwrap_or_default()
}

fn attr(selector: &str, name: &str) -> Option<String> {
    find(selector).and_then(|e| e.get_attribute(name))
}

fn texts_of(selector: &str) -> Vec<String> {
    let list = document().query_selector_all(selector).expect("a valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.text_content()).collect()
}

fn path() -> String {
    let l = web_sys::window().expect("window").location();
    format!("{}{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default(), l.hash().unwrap_or_default())
}

fn focused_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

fn fire(el: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).expect("event")).expect("dispatched");
}

/// Types `text` into a field (replacing what it held), as the browser reports typing.
fn type_in(selector: &str, text: &str) {
    let el = get(selector);
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    }
    fire(&el, "input");
    fire(&el, "change");
}

fn click(selector: &str) {
    get(selector).click();
}

fn clean() {
    web_sys::window().expect("window").local_storage().expect("ok").expect("storage").clear().expect("cleared");
}

fn store(envelope: &Envelope) {
    assert!(storage::write_draft(envelope));
}

fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).expect("the script runs")
}

/// A complete application (Kenya, a member city with its dues paid, alone), as stored.
fn complete() -> Draft {
    let text = r#"{
      "key": "0b6f8e0e-2f7e-4b8e-9a39-5b1d2a4c8f10",
      "about": { "first_name": "Wanjiru", "surname": "Kamau", "email": "wanjiru@example.org", "phone": "+254 20 000 000",
                 "job_title": "International relations officer", "department": "International affairs",
                 "years_experience": "5", "career_stage": "mid_career" },
      "organisation": { "name": "Nairobi City County", "city": "Nairobi", "authority": "local", "country": "KEN",
                        "member": "yes", "dues_paid": true, "ia_department": true },
      "motivation": { "why": "To learn from other cities.", "experience": "Our climate plan.",
                      "project": "A network of cities.", "english": "fluent" },
      "registration": { "billing_organisation": "Nairobi City County", "billing_address": "City Hall, Nairobi",
                        "tax_id": "", "po_reference": "", "invoice_email": "invoices@example.org",
                        "with_colleagues": false, "colleagues": [], "reduced_requested": false },
      "declarations": { "conditions": false, "data_consent": true, "truthful": true }
    }"#;
    serde_json::from_str(text).expect("a draft")
}

fn envelope(d: Draft) -> Envelope {
    Envelope::new("2025-3", "2025-09-01T10:00:00.000Z", d)
}

// ----- The start page -------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_start_page_starts_an_application_only_while_applications_are_open() {
    clean();
    let open_data = data(&open_edition(), Locale::En);
    let page = open("/apply", open_data);
    until("the start button", || find("[data-testid=start]").is_some()).await;
    assert!(text_of("[data-testid=edition-state]").starts_with("Applications are open until"));
    drop(page);

    // Closed yesterday: no start, the reason in plain words.
    let closed = data(&edition(30, None, Some(-1), None), Locale::En);
    let page = open("/apply", closed);
    until("the state", || text_of("[data-testid=edition-state]").contains("closed")).await;
    assert!(text_of("[data-testid=edition-state]").contains("the last day to apply was"));
    assert!(find("[data-testid=start]").is_none(), "no new application");
    drop(page);

    // Not open yet: when it opens.
    let upcoming = data(&edition(90, Some(10), None, None), Locale::Fr);
    let page = open("/fr/apply", upcoming);
    until("the state", || text_of("[data-testid=edition-state]").contains("ouvriront le")).await;
    assert!(find("[data-testid=start]").is_none());
    drop(page);

    // The course has taken place: an unfinished draft can still be downloaded, not continued.
    store(&envelope(Draft { key: storage::new_key(), ..complete() }));
    let ended = data(&edition(-10, None, None, None), Locale::En);
    let page = open("/apply", ended);
    until("the saved answers", || find("[data-testid=last-saved]").is_some()).await;
    assert!(text_of("[data-testid=edition-state]").contains("The course has taken place"));
    assert!(find("[data-testid=continue]").is_none(), "no way on");
    assert!(find("[data-testid=export]").is_some(), "the answers can still be downloaded");
    drop(page);

    // A step of the form says so too, and leads back to the start.
    let page = open("/apply/about-you", closed);
    until("the closed notice", || find("[data-testid=closed-notice]").is_some()).await;
    assert!(find("[data-testid=continue-step]").is_none());
    drop(page);
    clean();
}

// ----- A step: validation, the error summary, limits, saving ------------------------------------

#[wasm_bindgen_test]
async fn continue_validates_and_the_error_summary_takes_the_focus_with_links_to_the_fields() {
    clean();
    let page = open("/apply/about-you", data(&open_edition(), Locale::En));
    until("the form", || find("[data-testid=continue-step]").is_some()).await;
    type_in("#about-first_name", "Wanjiru");
    type_in("#about-email", "not-an-email");
    assert!(find("[data-testid=error-summary]").is_none(), "nothing is validated while typing");
    click("[data-testid=continue-step]");
    until("the summary", || find("[data-testid=error-summary]").is_some()).await;
    until("the summary's focus", || focused_id() == "error-summary").await;
    assert_eq!(attr("#error-summary", "role").as_deref(), Some("alert"));
    assert_eq!(
        texts_of("#error-summary a"),
        [
            "Enter your surname",
            "Enter an email address in the correct format, like name@example.org",
            "Enter your phone number",
            "Enter your job title",
            "Enter your department",
            "Enter your years of experience in international affairs",
            "Select your career stage",
        ]
    );
    assert!(text_of("#about-email-error").contains("correct format"), "the message by the field");
    assert_eq!(attr("#about-email", "aria-invalid").as_deref(), Some("true"));
    assert!(attr("#about-email", "aria-describedby").unwrap_or_default().contains("about-email-error"));
    assert!(web_sys::window().expect("w").document().expect("d").title().starts_with("Error: About you"));
    click("#error-summary a[href='#about-surname']");
    assert_eq!(focused_id(), "about-surname", "the link moves the focus to the field");
    assert_eq!(path(), "/apply/about-you", "and stays on the page");
    drop(page);
    clean();
}

#[wasm_bindgen_test]
async fn every_text_field_shows_its_limit_and_stops_at_it_and_long_answers_count_words() {
    clean();
    store(&envelope(Draft { motivation: Default::default(), registration: Default::default(), ..complete() }));
    let page = open("/apply/about-you", data(&open_edition(), Locale::En));
    until("the form", || find("#about-first_name").is_some()).await;
    assert_eq!(attr("#about-first_name", "maxlength").as_deref(), Some("100"));
    assert_eq!(text_of("#about-first_name-limit"), "Up to 100 characters");
    assert!(attr("#about-first_name", "aria-describedby").unwrap_or_default().contains("about-first_name-limit"));
    assert_eq!(attr("#about-email", "maxlength").as_deref(), Some("254"));
    assert_eq!(attr("#about-phone", "maxlength").as_deref(), Some("40"));
    drop(page);

    let page = open("/fr/apply/motivation", data(&open_edition(), Locale::Fr));
    until("the motivation step", || find("#motivation-why").is_some()).await;
    assert_eq!(attr("#motivation-why", "maxlength").as_deref(), Some("3000"));
    assert_eq!(text_of("#motivation-why-limit"), "3\u{202f}000 caractères au maximum");
    assert_eq!(attr("#motivation-project", "maxlength").as_deref(), Some("2500"));
    type_in("#motivation-why", "Apprendre des autres villes du réseau");
    until("the count", || text_of("#motivation-why-count") == "6 mots sur 250").await;
    drop(page);
    clean();
}

#[wasm_bindgen_test]
async fn answers_are_saved_as_they_are_typed_and_come_back_after_a_reload() {
    clean();
    let edition = open_edition();
    let page = open("/apply/about-you", data(&edition, Locale::En));
    until("the form", || find("#about-first_name").is_some()).await;
    type_in("#about-first_name", "Wanjiru");
    type_in("#about-surname", "Kamau");
    click("#about-career_stage-1");
    until("saved", || text_of("[data-testid=save-status]") == "Saved on this device").await;
    drop(page);

    let page = open("/apply/about-you", data(&edition, Locale::En));
    until("the answers again", || {
        find("#about-surname").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value())
            == Some("Kamau".into())
    })
    .await;
    assert!(get("#about-career_stage-1").unchecked_into::<web_sys::HtmlInputElement>().checked());
    let Stored::Draft(saved) = storage::read_draft() else { panic!("not stored") };
    assert!(is_uuid(&saved.data.key), "a key made with the draft: {}", saved.data.key);
    drop(page);

    // A later step cannot be opened before the earlier ones are complete.
    let page = open("/apply/declarations", data(&edition, Locale::En));
    until("sent back to the first incomplete step", || path() == "/apply/about-you").await;
    drop(page);
    clean();
}

use metropolis_diploma::shell::storage::Stored;

#[wasm_bindgen_test]
async fn where_storage_refuses_writes_the_answers_live_in_the_page_and_it_says_so() {
    clean();
    js("window.__setItem = Storage.prototype.setItem; \
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    let page = open("/apply/about-you", data(&open_edition(), Locale::En));
    until("the warning", || text_of("[data-testid=save-status]").starts_with("Not saved on this device")).await;
    assert!(find("[data-testid=export]").is_some(), "a download at hand");
    type_in("#about-first_name", "Wanjiru");
    type_in("#about-surname", "Kamau");
    type_in("#about-email", "wanjiru@example.org");
    type_in("#about-phone", "+254 20 000 000");
    type_in("#about-job_title", "Officer");
    type_in("#about-department", "International affairs");
    type_in("#about-years_experience", "5");
    click("#about-career_stage");
    click("[data-testid=continue-step]");
    until("the next step", || path() == "/apply/organisation").await;
    click("a.back-link");
    until("back, the answers still there", || {
        find("#about-surname").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value())
            == Some("Kamau".into())
    })
    .await;
    assert!(text_of("[data-testid=save-status]").starts_with("Not saved on this device"));
    js("Storage.prototype.setItem = window.__setItem;");
    drop(page);
    clean();
}

// ----- The fee step ----------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_fee_step_shows_what_a_reduced_place_would_cost_when_one_is_asked_for() {
    clean();
    store(&envelope(Draft { registration: Default::default(), declarations: Default::default(), ..complete() }));
    let page = open("/apply/registration", data(&open_edition(), Locale::En));
    until("the fee", || attr("[data-testid=fee-total]", "data-amount").as_deref() == Some("330.00")).await;
    assert!(find("[data-testid=fee-reduced]").is_none(), "not asked for");
    // Kenya is a lower-middle-income country and the city a member with its dues paid: offered.
    let offered = get("#registration-reduced_requested").closest(".hidden").expect("closest");
    assert!(offered.is_none(), "the question is shown");
    assert!(text_of("#registration-reduced_requested-hint").contains("up to 3 reduced-fee places"));
    click("#registration-reduced_requested");
    until("the reduced figure", || find("[data-testid=fee-reduced]").is_some()).await;
    assert_eq!(attr("[data-testid=fee-reduced]", "data-amount").as_deref(), Some("165.00"));
    assert!(text_of("[data-testid=apply-quote]").contains("€165.00"));
    assert_eq!(attr("[data-testid=fee-per-person]", "data-amount").as_deref(), Some("330.00"), "the fee itself");

    // With colleagues: the group discount, from the data.
    click("#registration-with_colleagues-1");
    click("[data-testid=add-colleague]");
    until("a colleague row", || find("#registration-colleagues-0-name").is_some()).await;
    until("the group fee", || attr("[data-testid=fee-total]", "data-amount").as_deref() == Some("607.20")).await;
    assert_eq!(text_of("[data-testid=fee-people]"), "2");
    drop(page);
    clean();
}

// ----- Declarations -----------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_general_conditions_are_asked_only_when_the_edition_links_to_them() {
    clean();
    store(&envelope(Draft { declarations: Default::default(), ..complete() }));
    let page = open("/apply/declarations", data(&open_edition(), Locale::En));
    until("the declarations", || find("#declarations-truthful").is_some()).await;
    assert!(find("#declarations-conditions").is_none(), "no conditions to read, nothing to accept");
    assert!(find("[data-testid=conditions-link]").is_none());
    assert_eq!(attr("a[href='/refund']", "target").as_deref(), Some("_blank"));
    click("[data-testid=continue-step]");
    until("the summary", || find("[data-testid=error-summary]").is_some()).await;
    assert_eq!(texts_of("#error-summary a"), ["Tick this box to continue", "Tick this box to continue"]);
    drop(page);

    let url = "https://example.org/metropolis-diploma/general-conditions";
    let page = open("/apply/declarations", data(&edition(60, None, None, Some(url)), Locale::En));
    until("the conditions", || find("#declarations-conditions").is_some()).await;
    assert_eq!(attr("[data-testid=conditions-link]", "href").as_deref(), Some(url));
    click("#declarations-conditions");
    click("#declarations-data_consent");
    click("#declarations-truthful");
    click("[data-testid=continue-step]");
    until("the check page", || path() == "/apply/check").await;
    drop(page);
    clean();
}

// ----- Apply with these answers -------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_estimates_answers_fill_a_new_draft_and_the_page_asks_before_changing_typed_ones() {
    clean();
    let edition = open_edition();
    let page = open("/apply?member=yes&dues=no&country=SEN&people=3&reduced=yes", data(&edition, Locale::En));
    until("the answers taken", || find("[data-testid=continue]").is_some()).await;
    assert!(text_of("[data-testid=draft-notice]").contains("answers from your estimate were added"));
    assert_eq!(path(), "/apply", "the address loses them: a reload asks nothing");
    let Stored::Draft(saved) = storage::read_draft() else { panic!("not stored") };
    let (o, r) = (&saved.data.organisation, &saved.data.registration);
    assert_eq!(
        (o.member, o.dues_paid, o.country.as_deref()),
        (Some(metropolis_diploma::domain::application::Membership::Yes), Some(false), Some("SEN"))
    );
    assert_eq!((r.with_colleagues, r.colleagues.len(), r.reduced_requested), (Some(true), 2, true));
    drop(page);

    // Typed answers that differ: the page asks, and nothing changes until the person chooses.
    store(&envelope(complete()));
    let page = open("/apply?member=no&country=SEN&people=1", data(&edition, Locale::En));
    until("the question", || find("[data-testid=prefill]").is_some()).await;
    let rows = texts_of("[data-testid=prefill] dl > div");
    assert_eq!(
        rows,
        [
            "Is your organisation a Metropolis member?Your answer: Yes. In the estimate: No.",
            "CountryYour answer: Kenya. In the estimate: Senegal.",
        ],
        "{rows:?}"
    );
    until("the question's focus", || focused_id() == "prefill").await;
    let Stored::Draft(before) = storage::read_draft() else { panic!("stored") };
    assert_eq!(before.data.organisation.country.as_deref(), Some("KEN"), "nothing changed yet");
    click("[data-testid=prefill-keep]");
    until("the question gone", || find("[data-testid=prefill]").is_none()).await;
    let Stored::Draft(kept) = storage::read_draft() else { panic!("stored") };
    assert_eq!(kept.data, complete(), "kept as typed");
    drop(page);

    let page = open("/apply?member=no&country=SEN", data(&edition, Locale::En));
    until("the question", || find("[data-testid=prefill-use]").is_some()).await;
    click("[data-testid=prefill-use]");
    until(
        "the answers taken",
        || matches!(storage::read_draft(), Stored::Draft(d) if d.data.organisation.country.as_deref() == Some("SEN")),
    )
    .await;
    let Stored::Draft(taken) = storage::read_draft() else { panic!("stored") };
    assert_eq!(taken.data.organisation.member, Some(metropolis_diploma::domain::application::Membership::No));
    assert_eq!(taken.data.about, complete().about, "the other answers stay");
    drop(page);
    clean();
}

// ----- Check, send, confirmation ------------------------------------------------------------------

/// Answers `fetch` with `status` and `body` (and counts the calls in `window.__calls`, keeping
/// each request's key and body in `window.__requests`).
fn stub_fetch(status: u16, body: &str, headers: &str) {
    js(&format!(
        "window.__calls = 0; window.__requests = []; \
         window.fetch = async (input, init) => {{ window.__calls += 1; \
           const r = input instanceof Request ? input : new Request(input, init); \
           window.__requests.push([r.headers.get('Idempotency-Key'), await r.text()]); \
           return new Response({body:?}, {{ status: {status}, headers: {headers} }}); }};"
    ));
}

#[wasm_bindgen_test]
async fn a_version_1_draft_opens_and_is_sent_with_a_new_key_and_the_confirmation_shows_the_reference() {
    clean();
    // The prototype's format: one name, a boolean membership, no key.
    let v1 = r#"{"version":1,"edition":"2025-3","saved":"2025-01-01T00:00:00.000Z","answers":{
      "about":{"name":"Wanjiru Kamau","email":"wanjiru@example.org","phone":"+254 20 000 000",
               "job_title":"Officer","department":"International affairs","years_experience":"5","career_stage":"senior"},
      "organisation":{"name":"Nairobi City County","city":"Nairobi","authority":"local","country":"KEN","member":false,"ia_department":true},
      "motivation":{"why":"To learn.","experience":"Our plan.","project":"A network.","english":"working"},
      "registration":{"billing_organisation":"Nairobi City County","billing_address":"City Hall","invoice_email":"invoices@example.org",
                      "with_colleagues":false,"colleagues":[],"reduced_requested":false},
      "declarations":{"conditions":false,"data_consent":true,"truthful":true}}}"#;
    web_sys::window()
        .expect("w")
        .local_storage()
        .expect("ok")
        .expect("s")
        .set_item(storage::DRAFT_KEY, v1)
        .expect("set");
    stub_fetch(201, r#"{"reference":"MD25-TEST01"}"#, "{ 'Content-Type': 'application/json' }");
    let page = open("/apply/check", data(&open_edition(), Locale::En));
    until("the answers", || text_of("[data-testid=check-about-you]").contains("Kamau")).await;
    assert!(text_of("[data-testid=check-organisation]").contains("Kenya"));
    assert_eq!(attr("[data-testid=fee-total]", "data-amount").as_deref(), Some("660.00"));
    click("[data-testid=send]");
    until("the confirmation", || find("[data-testid=reference]").is_some()).await;
    assert_eq!(text_of("[data-testid=reference]"), "MD25-TEST01");
    assert_eq!(path(), "/apply/done");
    assert_eq!(attr("[data-testid=record-total]", "data-amount").as_deref(), Some("660.00"));
    assert!(texts_of(".next-steps li").iter().any(|s| s == "Pay the invoice by bank transfer."));
    // Sent once, with a UUID key in the header and in the body, the same one.
    assert_eq!(js("return window.__calls").as_f64(), Some(1.0));
    let request: js_sys::Array = js("return window.__requests[0]").unchecked_into();
    let key = request.get(0).as_string().expect("a key header");
    let body = Submission::from_json(&request.get(1).as_string().expect("a body")).expect("the contract");
    assert!(is_uuid(&key), "{key}");
    assert_eq!((body.idempotency_key.as_str(), body.answers.key.as_str()), (key.as_str(), key.as_str()));
    assert_eq!(body.answers.about.surname, "Kamau");
    assert_eq!(body.registration_date, today());
    // The draft and the outbox are gone; the confirmation survives a reload.
    assert_eq!(storage::read_draft(), Stored::Empty);
    assert_eq!(storage::read_outbox(), None);
    drop(page);
    let page = open("/apply/done", data(&open_edition(), Locale::En));
    until("the confirmation again", || text_of("[data-testid=reference]") == "MD25-TEST01").await;
    drop(page);
    clean();
}

#[wasm_bindgen_test]
async fn a_refusal_comes_back_to_the_check_page_with_each_problem_by_its_answer_in_the_applicants_language() {
    clean();
    store(&envelope(complete()));
    let refusal = r#"{"errors":[
      {"field":"answers.about.job_title","code":"too_long","message":"This answer is longer than 200 characters."},
      {"field":"edition","code":"edition_closed","message":"Edition 2025-3 does not take applications on this date."}]}"#;
    stub_fetch(422, refusal, "{ 'Content-Type': 'application/json' }");
    let page = open("/fr/apply/check", data(&open_edition(), Locale::Fr));
    until("the send button", || find("[data-testid=send]").is_some()).await;
    click("[data-testid=send]");
    until("back on the check page", || path() == "/fr/apply/check" && find("[data-testid=error-summary]").is_some())
        .await;
    until("the summary's focus", || focused_id() == "error-summary").await;
    assert_eq!(
        texts_of("#error-summary li"),
        [
            "Réduisez cette réponse à 200 caractères au maximum",
            "Les candidatures pour cette édition sont closes : la candidature n’a pas été reçue.",
        ]
    );
    assert_eq!(
        attr("#error-summary a", "href").as_deref(),
        Some("/fr/apply/about-you?return=check#about-job_title"),
        "linked to the field"
    );
    assert!(
        text_of("[data-testid=check-about-you]").contains("Réduisez cette réponse à 200 caractères"),
        "by its answer"
    );
    assert!(matches!(storage::read_outbox().map(|o| o.state), Some(OutboxState::Rejected(_))));
    drop(page);
    clean();
}

#[wasm_bindgen_test]
async fn a_conflict_and_a_retry_are_shown_as_such() {
    clean();
    store(&envelope(complete()));
    stub_fetch(409, r#"{"errors":[{"field":"idempotency_key","code":"conflict","message":"Used."}]}"#, "{}");
    let page = open("/apply/check", data(&open_edition(), Locale::En));
    until("the send button", || find("[data-testid=send]").is_some()).await;
    click("[data-testid=send]");
    until("the conflict", || find("[data-testid=send-conflict]").is_some()).await;
    // The shipped data has no contact address: the wording has none.
    assert!(!text_of("[data-testid=send-conflict]").contains('@'));
    drop(page);
    clean();

    store(&envelope(complete()));
    stub_fetch(503, "busy", "{ 'Retry-After': '3' }");
    let page = open("/apply/check", data(&open_edition(), Locale::En));
    until("the send button", || find("[data-testid=send]").is_some()).await;
    click("[data-testid=send]");
    until("the countdown", || text_of("[data-testid=send-status]").contains("Trying again in 3 s (attempt 2 of 5)"))
        .await;
    until("counting down", || text_of("[data-testid=send-status]").contains("Trying again in 2 s")).await;
    drop(page);
    // Leaving the page stops the loop; the record stays for the next visit.
    let record = storage::read_outbox().expect("kept");
    assert_eq!((record.attempts, record.state), (1, OutboxState::Sending));
    clean();
}
