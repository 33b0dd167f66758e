//! The native page renderer: every route of the application and of the embed, in every language,
//! rendered by the same Leptos components the browser hydrates, into static pages of a built site.
//!
//! It reads the site's own data files (so `make pages` after editing them refreshes every page in
//! seconds, without rebuilding the WebAssembly), validates them, and writes each page from the
//! templates trunk produced (`.templates/app.html`, `.templates/embed.html`): the page's HTML in
//! `<body>`, its title, language, alternates and data in `<head>`, the shared head script, and a
//! loader that starts fetching the WebAssembly only once the page has painted.

mod page;

use crate::app::{self, App};
use crate::context::{PageInfo, SiteData, BLOCKS, COUNTRIES_JSON};
use crate::domain::config::Config;
use crate::domain::countries::Countries;
use crate::domain::edition::Edition;
use crate::embed::{self as embed_app, EmbedApp};
use crate::i18n::SiteTexts;
use crate::i18n::{Catalogue, Locale};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

pub use page::{loader_rewrite, Template};

/// The country file, relative to the site.
pub const COUNTRIES_FILE: &str = "data/wb-income-classification.csv";

/// Why the pages could not be written; each names the file and, for data, the field.
#[derive(Debug)]
pub enum PrerenderError {
    /// A file could not be read or written.
    Io(PathBuf, std::io::Error),
    /// A data file is not valid: the file, the field's path and what is wrong.
    Data {
        /// The file.
        file: String,
        /// The field's dotted path (empty for the whole file).
        field: String,
        /// What is wrong, in words.
        problem: String,
    },
    /// A template is not trunk's output as expected.
    Template(PathBuf, &'static str),
    /// Node's `Intl` could not be started.
    Node(std::io::Error),
}

impl fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrerenderError::Io(path, e) => write!(f, "{}: {e}", path.display()),
            PrerenderError::Data { file, field, problem } if field.is_empty() => write!(f, "{file}: {problem}"),
            PrerenderError::Data { file, field, problem } => write!(f, "{file}: field `{field}`: {problem}"),
            PrerenderError::Template(path, what) => {
                write!(f, "{}: {what} (run `make build` to write the templates again)", path.display())
            }
            PrerenderError::Node(e) => write!(f, "node (for Intl) could not be started: {e}"),
        }
    }
}

impl std::error::Error for PrerenderError {}

fn read(site: &Path, file: &str) -> Result<String, PrerenderError> {
    let path = site.join(file);
    std::fs::read_to_string(&path).map_err(|e| PrerenderError::Io(path, e))
}

/// The validated data files of a site.
pub struct SiteFiles {
    /// `edition.json`.
    pub edition: Edition,
    /// `config.json`.
    pub config: Config,
    /// The World Bank country file.
    pub countries: Countries,
    /// `i18n/<lang>.json`, in [`Locale::ALL`]'s order.
    pub catalogues: Vec<(Locale, Catalogue)>,
}

impl SiteFiles {
    /// Reads and validates the data files of the site in `site`.
    ///
    /// # Errors
    /// The first file that cannot be read or is not valid, with the field and the problem.
    pub fn load(site: &Path) -> Result<SiteFiles, PrerenderError> {
        let data_error =
            |file: &str, field: String, problem: String| PrerenderError::Data { file: file.to_owned(), field, problem };
        let edition = Edition::from_json(&read(site, "edition.json")?)
            .map_err(|e| data_error("edition.json", e.field.clone(), format!("{:?}", e.problem)))?;
        let config = Config::from_json(&read(site, "config.json")?)
            .map_err(|e| data_error("config.json", e.field(), format!("{e:?}")))?;
        let countries = Countries::from_csv(&read(site, COUNTRIES_FILE)?)
            .map_err(|e| data_error(COUNTRIES_FILE, format!("line {}", e.line), format!("{:?}", e.problem)))?;
        edition
            .check_countries(&countries)
            .map_err(|e| data_error("edition.json", e.field.clone(), format!("{:?}", e.problem)))?;
        let mut catalogues = Vec::new();
        for locale in Locale::ALL {
            let file = locale.catalogue_file();
            let text = read(site, file)?;
            let mut de = serde_json::Deserializer::from_str(&text);
            let catalogue: Catalogue = serde_path_to_error::deserialize(&mut de)
                .map_err(|e| data_error(file, e.path().to_string(), e.inner().to_string()))?;
            catalogues.push((locale, catalogue));
        }
        Ok(SiteFiles { edition, config, countries, catalogues })
    }
}

/// What one run wrote.
#[derive(Debug, Default)]
pub struct Report {
    /// The pages written, relative to the site.
    pub pages: Vec<String>,
    /// What the deployer should know: data that is valid but probably not what they meant.
    pub warnings: Vec<String>,
}

/// Renders every page of the site in `site` for the Barcelona date `today`.
///
/// # Errors
/// A data file or template that cannot be used, Node that cannot be started, or a page that
/// cannot be written.
pub fn run(site: &Path, today: NaiveDate) -> Result<Report, PrerenderError> {
    let files = SiteFiles::load(site)?;
    let app_template = Template::read(&site.join(".templates/app.html"))?;
    // `make dev` builds the application only: no embed template, no embed pages.
    let embed_path = site.join(".templates/embed.html");
    let embed_template = if embed_path.exists() { Some(Template::read(&embed_path)?) } else { None };
    crate::intl::start().map_err(PrerenderError::Node)?;
    let result = write_all(site, today, files, &app_template, embed_template.as_ref());
    crate::intl::stop();
    result
}

#[allow(clippy::too_many_lines)]
fn write_all(
    site: &Path,
    today: NaiveDate,
    files: SiteFiles,
    app_template: &Template,
    embed_template: Option<&Template>,
) -> Result<Report, PrerenderError> {
    let mut report = Report::default();
    let SiteFiles { edition, config, countries, catalogues } = files;
    // The country list as the application reads it (the CSV is read natively only).
    let countries_json = serde_json::to_string(&countries).expect("the country list serialises");
    write(site, Locale::En, COUNTRIES_JSON, &countries_json)?;
    for field in config.missing_contacts(&edition.contact) {
        report
            .warnings
            .push(format!("no {field} in edition.json or config.json: the pages are worded without that address"));
    }
    for (locale, catalogue) in catalogues {
        let data: &'static SiteData = Box::leak(Box::new(SiteData {
            edition: edition.clone(),
            config: config.clone(),
            countries: countries.clone(),
            locale,
            built_for: today,
        }));
        let (site_texts, embed_texts) = split(catalogue);
        let site_texts = Box::leak(Box::new(site_texts));
        let embed_texts = Box::leak(Box::new(embed_texts));

        let mut app_routes: Vec<(String, String)> =
            app::routes().into_iter().map(|r| (r.clone(), page_file(&r))).collect();
        // The not-found page, for the server's 404 answers.
        app_routes.push(("/404".to_owned(), "404.html".to_owned()));
        for (route, file) in app_routes {
            let (body, head) = render(data, &route, |d| view! { <App data=d texts=site_texts /> }.into_any());
            let payload = payload::<SiteTexts>(data, &route, None);
            let parts =
                page::PageParts { data, route: &route, body: &body, head: &head, payload: &payload, storage: true };
            let page = app_template.page(&parts);
            report.pages.push(write(site, locale, &file, &page)?);
        }
        let Some(embed_template) = embed_template else { continue };
        let route = embed_app::ROUTE;
        let (body, _) = render(data, route, |d| view! { <EmbedApp data=d texts=embed_texts /> }.into_any());
        let (_, head) = render(data, route, |_| frame_title(embed_texts.embed.frame_title));
        let payload = payload(data, route, Some(&*embed_texts));
        // The frame lives in partners' pages: it must not touch this site's storage there.
        let parts = page::PageParts { data, route, body: &body, head: &head, payload: &payload, storage: false };
        let page = embed_template.page(&parts);
        report.pages.push(write(site, locale, &page_file(route), &page)?);
        // `embed.html`: the frame at the address earlier versions of embed.js used
        // (`embed.html?frame=1&…`); the browser renders that address itself.
        report.pages.push(write(site, locale, "embed.html", &page)?);
    }
    Ok(report)
}

fn split(catalogue: Catalogue) -> (crate::i18n::SiteTexts, crate::i18n::EmbedSiteTexts) {
    // Each entry gets its own copy of the shared sections: serialise once, read twice.
    let embed_copy: crate::i18n::EmbedSiteTexts = serde_json::to_value(&catalogue)
        .and_then(serde_json::from_value::<Catalogue>)
        .map(Catalogue::embed)
        .expect("a catalogue written by serde reads back");
    (catalogue.site(), embed_copy)
}

/// The file of a route, relative to the language's folder: `/` → `index.html`, `/apply/check` →
/// `apply/check/index.html`.
fn page_file(route: &str) -> String {
    let path = route.trim_matches('/');
    if path.is_empty() {
        "index.html".to_owned()
    } else {
        format!("{path}/index.html")
    }
}

fn render(data: &'static SiteData, route: &str, app: impl FnOnce(&'static SiteData) -> AnyView) -> (String, String) {
    let owner = Owner::new();
    owner.with(|| {
        let url = format!("{}{}", data.router_base(), if route == "/" { "/" } else { route });
        provide_context(RequestUrl::new(&url));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let body = app(data).to_html();
        let head = page::head_of(output);
        (body, head)
    })
}

/// The frame's `<title>`, rendered apart from its body: the frame's view is the same on both sides
/// (what the browser hydrates must be what was rendered here), without leptos_meta in the browser.
fn frame_title(text: &'static str) -> AnyView {
    leptos_meta::provide_meta_context();
    view! { <leptos_meta::Title text=text /> }.into_any()
}

/// The page's data blocks (see [`crate::context::BLOCKS`]), each a JSON document safe inside
/// `<script>`: `<` only occurs inside JSON strings, where `\u003c` means the same, so no
/// `</script>` can end an element early.
///
/// The application's pages carry only the first three (the page, the edition, the configuration):
/// its country list and texts are files the app fetches once it runs (`data/countries.json`,
/// `i18n/<lang>.json`), so the first paint waits for none of their bytes. The frame carries all
/// five (`texts: Some`).
fn payload<T: Serialize>(data: &SiteData, route: &str, texts: Option<&T>) -> String {
    let info = PageInfo { route: route.to_owned(), lang: data.locale, built_for: data.built_for };
    let mut docs =
        vec![serde_json::to_string(&info), serde_json::to_string(&data.edition), serde_json::to_string(&data.config)];
    if let Some(texts) = texts {
        docs.push(serde_json::to_string(&data.countries));
        docs.push(serde_json::to_string(texts));
    }
    let mut out = String::new();
    for (id, doc) in BLOCKS.iter().zip(docs) {
        let doc = doc.expect("the site's data serialises").replace('<', "\\u003c");
        out.push_str(&format!("<script type=\"application/json\" id=\"{id}\">{doc}</script>"));
    }
    out
}

fn write(site: &Path, locale: Locale, file: &str, html: &str) -> Result<String, PrerenderError> {
    let folder = locale.prefix().trim_start_matches('/');
    let relative = if folder.is_empty() { file.to_owned() } else { format!("{folder}/{file}") };
    let path = site.join(&relative);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| PrerenderError::Io(dir.to_owned(), e))?;
    }
    std::fs::write(&path, html).map_err(|e| PrerenderError::Io(path.clone(), e))?;
    Ok(relative)
}
