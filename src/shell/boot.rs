//! How an entry starts in the browser: read the data the page carries, take over the prerendered
//! page (or render it when the address is not the one it was rendered for), keep what the visitor
//! typed meanwhile, then check the deployed data files and render again if they changed since the
//! page was built (or show the data error page if they changed and cannot be used).

use crate::app::App;
use crate::context::{PageInfo, SiteData, BLOCKS, COUNTRIES_JSON};
use crate::domain::config::Config;
use crate::domain::countries::Countries;
use crate::domain::edition::Edition;
use crate::embed::{EmbedApp, FrameUnavailable};
use crate::i18n::{EmbedSiteTexts, Locale, SiteTexts};
use crate::pages::data_error::{DataErrorApp, DataFailure, FileProblem};
use crate::shell::dom;
use leptos::mount::{hydrate_from, mount_to};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The mounted app; dropping it unmounts it.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// The mounted application's root owner (see [`replace_app`]).
    static ROOT: RefCell<Option<Owner>> = const { RefCell::new(None) };
}

type Render<T> = fn(&'static SiteData, &'static T) -> AnyView;

/// How an entry reads its documents: the application names the field of an error (its data error
/// page shows it), the partner frame does not (and its bundle does without the tracking).
#[derive(Clone, Copy)]
struct Readers {
    edition: fn(&str) -> Result<Edition, crate::domain::edition::EditionError>,
    config: fn(&str) -> Result<Config, crate::domain::config::ConfigError>,
    countries: fn(&str) -> Result<Countries, crate::domain::document::DocumentError>,
}

const NAMING: Readers =
    Readers { edition: Edition::from_json, config: Config::from_json, countries: Countries::from_json };
const PLAIN: Readers = Readers {
    edition: Edition::from_json_plain,
    config: Config::from_json_plain,
    countries: Countries::from_json_plain,
};

/// Renders the data error page for an entry's texts.
type RenderFailure<T> = fn(&'static SiteData, &'static T, DataFailure) -> AnyView;

/// Starts the application (index.html). Each entry has its own start function, so that a binary
/// links only its own entry's pages.
pub fn start_app() {
    launch::<SiteTexts>(
        NAMING,
        false,
        |data, texts| view! { <App data texts /> }.into_any(),
        |data, texts, failure| view! { <DataErrorApp data common=&texts.common failure chrome=true /> }.into_any(),
    );
}

/// Starts the partner frame (embed.html).
pub fn start_embed() {
    launch::<EmbedSiteTexts>(
        PLAIN,
        true,
        |data, texts| view! { <EmbedApp data texts /> }.into_any(),
        // In a partner's frame, a sentence: the details are for the site's own pages.
        |_, texts, _| view! { <FrameUnavailable texts /> }.into_any(),
    );
}

fn body() -> Option<web_sys::HtmlElement> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.body())
}

/// The text of one of the page's data blocks.
fn block(id: &str) -> Option<String> {
    web_sys::window()?.document()?.get_element_by_id(id)?.text_content()
}

/// The page's inputs from its data blocks, each read and checked by its document's own reader:
/// the page, the edition, the configuration and, in the frame (`inline`), the country list and the
/// texts. The application's pages leave the last two to [`fetch_rest`].
fn read_blocks<T: DeserializeOwned>(read: Readers, inline: bool) -> Result<(PageInfo, SiteData, Option<T>), String> {
    let text = |i: usize| {
        block(BLOCKS[i]).ok_or_else(|| format!("no #{} block: the page was not built by the prerender", BLOCKS[i]))
    };
    let info: PageInfo = serde_json::from_str(&text(0)?).map_err(|e| format!("#{}: {e}", BLOCKS[0]))?;
    let edition = (read.edition)(&text(1)?).map_err(|_| format!("#{}", BLOCKS[1]))?;
    let config = (read.config)(&text(2)?).map_err(|_| format!("#{}", BLOCKS[2]))?;
    let (countries, texts) = if inline {
        let countries = (read.countries)(&text(3)?).map_err(|_| format!("#{}", BLOCKS[3]))?;
        let texts: T = serde_json::from_str(&text(4)?).map_err(|e| format!("#{}: {e}", BLOCKS[4]))?;
        (countries, Some(texts))
    } else {
        (Countries::default(), None)
    };
    let data = SiteData { edition, config, countries, locale: info.lang, built_for: info.built_for };
    Ok((info, data, texts))
}

/// The application's country list and texts, from the files next to the pages
/// (`data/countries.json`, `i18n/<lang>.json`), fetched together.
async fn fetch_rest<T: DeserializeOwned>(read: Readers, locale: Locale) -> Result<(Countries, T), String> {
    let (countries_url, texts_url) = (file_url(COUNTRIES_JSON), file_url(&format!("i18n/{}.json", locale.tag())));
    let (countries, texts) = futures::future::join(fetch_text(&countries_url), fetch_text(&texts_url)).await;
    let countries = countries.ok_or_else(|| format!("{countries_url} cannot be loaded"))?;
    let texts = texts.ok_or_else(|| format!("{texts_url} cannot be loaded"))?;
    let countries = (read.countries)(&countries).map_err(|e| format!("{countries_url}: {e:?}"))?;
    let texts = serde_json::from_str(&texts).map_err(|e| format!("{texts_url}: {e}"))?;
    Ok((countries, texts))
}

/// The route of the address, after the router's base (`/estimate`; `/` for the base itself).
fn current_route(data: &SiteData) -> String {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let base = data.router_base();
    let rest = path.strip_prefix(base.as_str()).unwrap_or(&path);
    let rest = rest.trim_end_matches('/');
    if rest.is_empty() {
        "/".to_owned()
    } else {
        rest.to_owned()
    }
}

fn launch<T: DeserializeOwned + Send + Sync + 'static>(
    read: Readers,
    inline: bool,
    render: Render<T>,
    failed: RenderFailure<T>,
) {
    let (info, data, texts) = match read_blocks::<T>(read, inline) {
        Ok(read) => read,
        Err(e) => {
            // The static page still works without the app.
            leptos::logging::error!("The page's data cannot be read: {e}");
            return;
        }
    };
    if let Some(texts) = texts {
        start(info.route, data, texts, read, render, failed, true);
        return;
    }
    // The application: its country list and texts come from files. The texts are those of the
    // address's language, which is the page's own except where a server answered this address
    // with a page in another language (a bare SPA host answers every path with index.html); the
    // page is then rendered anew, not hydrated. (Leptos's executor starts with the first mount:
    // until then, wasm-bindgen's runs the task.)
    let here = address_locale(&data);
    wasm_bindgen_futures::spawn_local(async move {
        let (countries, texts) = match fetch_rest::<T>(read, here).await {
            Ok(rest) => rest,
            Err(e) => return leptos::logging::error!("The page stays as it was served: {e}"),
        };
        let same = here == data.locale;
        if !same {
            if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = html.set_attribute("lang", here.tag());
            }
        }
        start(info.route, SiteData { countries, locale: here, ..data }, texts, read, render, failed, same);
    });
}

/// The language of the address: its first segment after the site's base path (`/diploma/fr/refund`
/// is French; no language segment is English).
fn address_locale(data: &SiteData) -> Locale {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let base = data.config.base_path().trim_end_matches('/');
    let Some(rest) = path.strip_prefix(base) else { return data.locale };
    let first = rest.trim_start_matches('/').split('/').next().unwrap_or_default();
    Locale::ALL.into_iter().find(|l| *l != Locale::En && l.tag() == first).unwrap_or(Locale::En)
}

/// Mounts the entry: hydrates the page when it was rendered for this address (and `may_hydrate`),
/// renders it from scratch otherwise; then checks the deployed data files.
fn start<T: Send + Sync + 'static>(
    route: String,
    data: SiteData,
    texts: T,
    read: Readers,
    render: Render<T>,
    failed: RenderFailure<T>,
    may_hydrate: bool,
) {
    let texts: &'static T = Box::leak(Box::new(texts));
    let data: &'static SiteData = Box::leak(Box::new(data));
    let Some(body) = body() else { return };
    let typed = dom::typed_values();
    let mounted: Box<dyn Any> = if may_hydrate && current_route(data) == route {
        Box::new(hydrate_from(body, move || rooted(move || render(data, texts))))
    } else {
        // Another route's page (a server's fallback answer): render this address from scratch.
        body.set_inner_text("");
        Box::new(mount_to(body, move || rooted(move || render(data, texts))))
    };
    MOUNTED.with_borrow_mut(|m| *m = Some(mounted));
    // After the app's first Effects (the real date, the query, the stored draft): what the visitor
    // typed before the app arrived wins.
    set_timeout(move || dom::replay(&typed), std::time::Duration::ZERO);
    leptos::task::spawn_local(check_data(read, data, texts, render, failed));
}

/// Fetches the deployed `edition.json` and `config.json` once the page is live and renders the page
/// again from them when they differ from what it was built with, so no figure shown is stale. When
/// one of them changed and cannot be used, the page is replaced by the data error page (in its
/// language, naming the file, the field and the problem) and one console error names the file's
/// full address.
async fn check_data<T: Send + Sync + 'static>(
    read: Readers,
    data: &'static SiteData,
    texts: &'static T,
    render: Render<T>,
    failed: RenderFailure<T>,
) {
    let (edition_url, config_url) = (file_url("edition.json"), file_url("config.json"));
    let (edition, config) = futures::future::join(fetch_text(&edition_url), fetch_text(&config_url)).await;
    let (Some(edition), Some(config)) = (edition, config) else {
        return; // Offline or not deployed with the files: the page's own data stands.
    };
    let edition = (read.edition)(&edition).and_then(|e| e.check_countries(&data.countries).map(|()| e));
    let (edition, config) = match (edition, (read.config)(&config)) {
        (Ok(e), Ok(c)) if e == data.edition && c == data.config => return,
        (Ok(e), Ok(c)) => (e, c),
        (Err(e), _) => {
            return fail(data, texts, failed, DataFailure { url: edition_url, problem: FileProblem::Edition(e) })
        }
        (_, Err(e)) => {
            return fail(data, texts, failed, DataFailure { url: config_url, problem: FileProblem::Config(e) })
        }
    };
    let data: &'static SiteData = Box::leak(Box::new(SiteData {
        edition,
        config,
        countries: data.countries.clone(),
        locale: data.locale,
        built_for: data.built_for,
    }));
    replace_app(move || render(data, texts));
}

/// Logs the failure and shows the data error page instead of the application.
fn fail<T: Send + Sync + 'static>(
    data: &'static SiteData,
    texts: &'static T,
    failed: RenderFailure<T>,
    failure: DataFailure,
) {
    leptos::logging::error!("{}", failure.log_line());
    replace_app(move || failed(data, texts, failure));
}

/// Renders `view` and remembers the owner it runs under: the root of the mounted application.
fn rooted(view: impl FnOnce() -> AnyView) -> AnyView {
    ROOT.with_borrow_mut(|r| *r = Owner::current());
    view()
}

/// Unmounts the application and mounts `view` in the emptied body; what the visitor typed in the
/// old one is typed again into the new one.
fn replace_app(view: impl FnOnce() -> AnyView + 'static) {
    let typed = dom::typed_values();
    drop(MOUNTED.with_borrow_mut(Option::take));
    // The old application's owner is kept alive by its own closures: clean it up by hand, or its
    // router's window listeners would go on taking every click on a link.
    if let Some(owner) = ROOT.with_borrow_mut(Option::take) {
        owner.cleanup();
    }
    let Some(body) = body() else { return };
    body.set_inner_text("");
    let mounted: Box<dyn Any> = Box::new(mount_to(body, move || rooted(view)));
    MOUNTED.with_borrow_mut(|m| *m = Some(mounted));
    set_timeout(move || dom::replay(&typed), std::time::Duration::ZERO);
}

/// A file next to the pages, as a full address: relative to the page's `<base>` (the site's base
/// path), as a fetch would resolve it.
fn file_url(file: &str) -> String {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
    base.and_then(|b| web_sys::Url::new_with_base(file, &b).ok()).map_or_else(|| file.to_owned(), |u| u.href())
}

/// A data file, revalidated with the server (`no-cache`), or `None`.
async fn fetch_text(url: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(url).cache(web_sys::RequestCache::NoCache).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}
