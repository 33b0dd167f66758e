//! Browser tests of the partner embed (entry `embed.html`): the frame's messages go to the
//! partner's origin only, and nowhere without a valid one; the frame has no site chrome and takes
//! the partner's theme; `embed.html?frame=1` is still the frame; the partner page is there.
#![cfg(target_arch = "wasm32")]

mod web_common;

use chrono::NaiveDate;
use leptos::prelude::*;
use metropolis_diploma::embed::EmbedApp;
use metropolis_diploma::i18n::{EmbedSiteTexts, Locale};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_common::{catalogue, container, set_address, settle, site_data};

wasm_bindgen_test_configure!(run_in_browser);

fn open_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 1).expect("a real date")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
}

async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..50 {
        settle().await;
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn own_origin() -> String {
    web_sys::window().expect("window").location().origin().expect("origin")
}

/// Every message this window receives while it lives, as JSON, with the sender's origin. The frame
/// posts to its parent, which is this test page itself when it is not framed: the browser delivers
/// a message here only if the frame posted it for this page's origin (or to `*`).
struct Inbox {
    got: Rc<RefCell<Vec<(String, serde_json::Value)>>>,
    _listener: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Inbox {
    async fn open() -> Inbox {
        // Messages of an earlier test's frame are delivered first.
        sleep(50).await;
        let got = Rc::new(RefCell::new(Vec::new()));
        let sink = got.clone();
        let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let text = js_sys::JSON::stringify(&ev.data()).map(String::from).unwrap_or_default();
            let value = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
            sink.borrow_mut().push((ev.origin(), value));
        });
        web_sys::window()
            .expect("window")
            .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
            .expect("listener");
        Inbox { got, _listener: listener }
    }

    fn of_type(&self, kind: &str) -> Vec<serde_json::Value> {
        self.got.borrow().iter().filter(|(_, m)| m["type"] == kind).map(|(_, m)| m.clone()).collect()
    }

    fn all(&self) -> Vec<(String, serde_json::Value)> {
        self.got.borrow().clone()
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback("message", self._listener.as_ref().unchecked_ref());
        }
    }
}

fn texts(locale: Locale) -> &'static EmbedSiteTexts {
    Box::leak(Box::new(catalogue(locale).embed()))
}

/// Sets the browser's clock (`Date.now`, which the app reads for today) to noon, UTC, of `today`.
fn fix_clock(today: NaiveDate) {
    let millis = today.and_hms_opt(12, 0, 0).expect("noon").and_utc().timestamp_millis();
    let now = js_sys::Function::new_no_args(&format!("return {millis};"));
    let date = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).expect("Date");
    js_sys::Reflect::set(&date, &"now".into(), &now).expect("Date.now");
}

/// The embed entry at `address`, mounted, on a day the edition takes applications; dropping it
/// unmounts it.
fn mount(address: &str, locale: Locale) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    fix_clock(open_day());
    set_address(address);
    let data = site_data(locale, open_day());
    let texts = texts(locale);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), move || view! { <EmbedApp data texts /> });
    (root, Box::new(app))
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

#[wasm_bindgen_test]
async fn the_frame_posts_ready_then_the_estimate_to_the_given_origin() {
    let inbox = Inbox::open().await;
    let origin = own_origin();
    let address = format!("/embed/estimate?member=yes&country=KEN&people=2&origin={origin}");
    let (root, _app) = mount(&address, Locale::En);
    until("the estimate message", || !inbox.of_type("estimate").is_empty()).await;
    let all = inbox.all();
    assert_eq!(all[0].1["type"], "ready", "ready comes first: {all:?}");
    assert!(all.iter().all(|(from, _)| *from == origin), "from the app's origin");
    let ready = &all[0].1;
    assert_eq!(ready["channel"], "metropolis-estimator");
    assert_eq!(ready["version"], 1);
    let height = ready["height"].as_u64().expect("a height");
    assert!(height > 100 && height <= 20_000, "height {height}");
    let quote = &inbox.of_type("estimate")[0]["quote"];
    assert_eq!(
        *quote,
        serde_json::json!({
            "currency": "EUR", "list_fee": "660.00", "per_person": "303.60", "people": 2, "total": "607.20",
            "reduced": null, "query": "member=yes&dues=yes&country=KEN&people=2"
        })
    );
    assert_eq!(inbox.of_type("ready").len(), 1, "ready once");

    // A new answer: a new estimate, and a resize when the content grows.
    let reduced: web_sys::HtmlElement = find(&root, "#reduced").expect("the reduced question").dyn_into().unwrap();
    reduced.click();
    until("the new estimate", || inbox.of_type("estimate").len() == 2).await;
    let quote = &inbox.of_type("estimate")[1]["quote"];
    assert_eq!(quote["reduced"], serde_json::json!({ "tier": "middle_income", "per_person": "151.80" }));
    until("a resize", || !inbox.of_type("resize").is_empty()).await;
    let resize = inbox.of_type("resize")[0]["height"].as_u64().expect("a height");
    assert!(resize > height, "taller with the reduced place: {resize} > {height}");
}

#[wasm_bindgen_test]
async fn the_frame_posts_nothing_for_another_origin_or_without_a_valid_one() {
    for origin in
        ["&origin=https://partner.example", "", "&origin=*", "&origin=null", "&origin=https://partner.example/page"]
    {
        let inbox = Inbox::open().await;
        let (root, app) = mount(&format!("/embed/estimate?member=yes&people=2{origin}"), Locale::En);
        until("the quote", || {
            find(&root, "[data-testid=fee-total]").and_then(|e| e.get_attribute("data-amount")).as_deref()
                == Some("607.20")
        })
        .await;
        sleep(150).await;
        assert_eq!(inbox.all(), [], "nothing reaches this page with `{origin}`");
        drop(app);
    }
}

#[wasm_bindgen_test]
async fn the_frame_has_no_site_chrome_takes_the_theme_and_links_to_the_form_in_a_new_tab() {
    let (root, _app) =
        mount("/fr/embed/estimate?member=yes&dues=yes&country=KEN&people=2&accent=%23c0392b&compact=yes", Locale::Fr);
    until("the answers", || {
        find(&root, "[data-testid=fee-total]").and_then(|e| e.get_attribute("data-amount")).as_deref() == Some("607.20")
    })
    .await;
    assert!(find(&root, ".site-header, nav, .site-footer").is_none(), "no site chrome in a partner's frame");
    let main: web_sys::HtmlElement = find(&root, "main").expect("main").dyn_into().unwrap();
    until("the theme", || main.class_list().contains("compact")).await;
    assert_eq!(main.style().get_property_value("--accent").ok().as_deref(), Some("#c0392b"));
    let apply = find(&root, "[data-testid=apply-with-answers]").expect("the apply link");
    assert_eq!(apply.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        apply.get_attribute("href").as_deref(),
        Some("/fr/apply?member=yes&dues=yes&country=KEN&people=2&reduced=no")
    );
    assert!(find(&root, "[data-testid=share-url]").is_none(), "no sharing tools in the frame");
    let storage = web_sys::window().unwrap().local_storage().ok().flatten().map(|s| s.length().unwrap_or(0));
    assert_eq!(storage, Some(0), "the frame stores nothing");
}

#[wasm_bindgen_test]
async fn embed_html_with_frame_1_is_still_the_frame_and_the_partner_page_is_the_applications() {
    let (root, app) = mount("/embed.html?frame=1&member=no&people=3", Locale::En);
    until("the frame's quote", || {
        find(&root, "[data-testid=fee-total]").and_then(|e| e.get_attribute("data-amount")).as_deref()
            == Some("1821.60")
    })
    .await;
    assert!(find(&root, ".site-header").is_none());
    assert!(!metropolis_diploma::shell::embed::is_old_partner_page_address(), "with frame=1 it is the frame");
    drop(app);
    // Without frame=1, embed.html was the partner page: the frame sends that address to /embed.
    set_address("/embed.html?lang=en");
    assert!(metropolis_diploma::shell::embed::is_old_partner_page_address());

    // The partner page is a page of the application.
    set_address("/embed");
    let site = web_common::site_texts(Locale::En);
    let data = site_data(Locale::En, open_day());
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! { <metropolis_diploma::app::App data texts=site /> }
    });
    settle().await;
    let h1 = find(&root, "h1").and_then(|h| h.text_content());
    assert_eq!(h1.as_deref(), Some(site.embed.page_title));
    assert!(find(&root, ".site-header").is_some(), "the partner page has the site's header");
    assert!(find(&root, "[data-testid=embed-csp-app]").is_some());
}
