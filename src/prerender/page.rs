//! A page from trunk's template: trunk's head (stylesheet, loader) kept, the page's own parts put in.

use super::PrerenderError;
use crate::context::SiteData;
use crate::i18n::Locale;
use leptos_meta::ServerMetaContextOutput;
use std::path::Path;

/// The script every page runs first (language choice, the `js` class): one copy, in every page.
const HEAD_SCRIPT: &str = include_str!("head.js");

/// trunk's output for one entry, cut where the page's parts go.
#[derive(Debug, Clone)]
pub struct Template {
    /// From `<html` to the end of `<meta charset>`: the page's `<base>` and head script follow it.
    before_head: String,
    /// trunk's head after `<meta charset>` (stylesheets, the rewritten loader), without `<title>`.
    head: String,
}

/// What a page puts into its template.
pub struct PageParts<'a> {
    /// The site's data for this page.
    pub data: &'a SiteData,
    /// The route, after the base path and the language.
    pub route: &'a str,
    /// The rendered application (everything inside `<body>`).
    pub body: &'a str,
    /// The page's own `<head>` elements (title, description) from the components.
    pub head: &'a str,
    /// The page's data blocks (`<script type="application/json">` elements).
    pub payload: &'a str,
    /// Whether the page may use this site's storage (not in a partner's frame).
    pub storage: bool,
}

impl Template {
    /// Reads a template trunk wrote.
    ///
    /// # Errors
    /// The file cannot be read, or it is not the HTML trunk writes for an entry (no `<head>`, no
    /// `<meta charset>`, no module loader).
    pub fn read(path: &Path) -> Result<Template, PrerenderError> {
        let html = std::fs::read_to_string(path).map_err(|e| PrerenderError::Io(path.to_owned(), e))?;
        Template::parse(&html).map_err(|what| PrerenderError::Template(path.to_owned(), what))
    }

    /// Cuts trunk's HTML into the template.
    ///
    /// # Errors
    /// What is missing. trunk minifies release HTML: `<head>` may be implied and attributes
    /// unquoted, so only `<html`, `<meta charset`, `</head>` and the loader are looked for.
    pub fn parse(html: &str) -> Result<Template, &'static str> {
        let head_end = html.find("</head>").ok_or("no </head>")?;
        let charset = html.find("<meta charset").ok_or("no <meta charset>")?;
        let charset_end = charset + html[charset..].find('>').ok_or("unclosed <meta charset>")? + 1;
        let html_start = html.find("<html").ok_or("no <html>")?;
        let html_tag_end = html_start + html[html_start..].find('>').ok_or("unclosed <html>")? + 1;
        let rest = &html[charset_end..head_end];
        let rest = remove_title(rest);
        let head = loader_rewrite(&rest)?;
        // `<html …>` is written per page (its `lang`); what trunk put between it and the charset stays.
        let between = &html[html_tag_end..charset_end];
        Ok(Template { before_head: between.to_owned(), head })
    }

    /// The whole page.
    #[must_use]
    pub fn page(&self, p: &PageParts<'_>) -> String {
        let lang = p.data.locale.tag();
        let storage = if p.storage { "" } else { " data-storage=\"none\"" };
        let base = attr(p.data.config.base_path());
        let mut out = String::with_capacity(p.body.len() + p.payload.len() + 4096);
        out.push_str("<!DOCTYPE html>");
        out.push_str(&format!("<html lang=\"{lang}\"{storage}>"));
        out.push_str(&self.before_head);
        out.push_str(&format!("<base href=\"{base}\">"));
        out.push_str("<script>");
        out.push_str(&head_script());
        out.push_str("</script>");
        out.push_str(p.head);
        for l in Locale::ALL {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                l.tag(),
                attr(&absolute(p.data, &p.data.href_in(l, p.route)))
            ));
        }
        out.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
            attr(&absolute(p.data, &p.data.href_in(Locale::En, p.route)))
        ));
        out.push_str(&self.head);
        out.push_str(p.payload);
        out.push_str("</head><body>");
        // The application's HTML right after <body>: hydration starts at its first child.
        out.push_str(p.body);
        out.push_str("</body></html>\n");
        out
    }
}

/// The head script without its comment lines and indentation (it ships in every page).
fn head_script() -> String {
    HEAD_SCRIPT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The site's absolute address for a path when the deployment names its origin (`site.url` in
/// config.json), for the alternates search engines read; the path alone otherwise.
fn absolute(data: &SiteData, path: &str) -> String {
    match data.config.site_url() {
        Some(origin) => format!("{}{path}", origin.trim_end_matches('/')),
        None => path.to_owned(),
    }
}

/// Text safe inside a double-quoted attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

fn remove_title(head: &str) -> String {
    match (head.find("<title>"), head.find("</title>")) {
        (Some(a), Some(b)) if b > a => format!("{}{}", &head[..a], &head[b + "</title>".len()..]),
        _ => head.to_owned(),
    }
}

/// Rewrites trunk's loader so that the WebAssembly is fetched only after the page has painted:
/// trunk's `modulepreload` of the JavaScript and `preload` of the WebAssembly go, and its module
/// script, which imports both at once, becomes one that imports them after the `load` event and
/// the page's first contentful paint. Until then the page is the prerendered HTML, which is complete on its own.
///
/// # Errors
/// The head has no trunk loader.
pub fn loader_rewrite(head: &str) -> Result<String, &'static str> {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    let mut js = None;
    let mut wasm = None;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = if tail.starts_with("<script") {
            tail.find("</script>").map(|e| e + "</script>".len())
        } else {
            tail.find('>').map(|e| e + 1)
        }
        .ok_or("unclosed tag")?;
        let tag = &tail[..end];
        let is_preload = tag.starts_with("<link")
            && ["rel=modulepreload", "rel=\"modulepreload\"", "rel=preload", "rel=\"preload\""]
                .iter()
                .any(|r| tag.contains(r));
        let is_module = tag.starts_with("<script") && (tag.contains("type=module") || tag.contains("type=\"module\""));
        if is_module {
            js = quoted_after(tag, "from").or(js);
            wasm = quoted_after(tag, "module_or_path:").or(wasm);
        } else if !is_preload {
            out.push_str(tag);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    let (js, wasm) = (js.ok_or("no trunk module loader")?, wasm.ok_or("no WebAssembly in trunk's loader")?);
    // Starts the app once the page has loaded and its first contentful paint has been presented
    // (`p`, from the browser's paint timing), so that nothing the app fetches competes with that
    // paint. An animation frame is not enough: the frame is shown tens of milliseconds after it,
    // and a large page (the estimator's country list) had its JavaScript downloaded before its
    // first paint. Where paints are not reported (an old browser; a tab in the background paints
    // nothing), the app starts 3 s after the `load` event.
    out.push_str(&format!(
        "<script type=\"module\">const s=()=>import(\"{js}\").then(m=>m.default({{module_or_path:\"{wasm}\"}}));\
         let p,l,d;const g=()=>{{if(p&&l&&!d){{d=1;setTimeout(s)}}}};\
         try{{new PerformanceObserver(e=>{{if(e.getEntriesByName(\"first-contentful-paint\").length){{p=1;g()}}}}).observe({{type:\"paint\",buffered:true}})}}catch(e){{p=1}}\
         const o=()=>{{l=1;g();setTimeout(()=>{{p=1;g()}},3e3)}};\
         document.readyState===\"complete\"?o():addEventListener(\"load\",o,{{once:true}});</script>"
    ));
    Ok(out)
}

/// The first quoted string after `marker` in `text`.
fn quoted_after(text: &str, marker: &str) -> Option<String> {
    let at = text.find(marker)? + marker.len();
    let rest = text[at..].trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let inner = &rest[1..];
    let end = inner.find(quote)?;
    Some(inner[..end].to_owned())
}

/// The `<title>` and `<meta>` elements the page's components asked for (leptos_meta).
pub(super) fn head_of(output: ServerMetaContextOutput) -> String {
    let doc = "<html><head></head><body></body></html>".to_owned();
    let injected = futures::executor::block_on(async move {
        use futures::StreamExt;
        let mut stream = Box::pin(output.inject_meta_context(futures::stream::iter([doc])).await);
        stream.next().await.unwrap_or_default()
    });
    let start = injected.find("<head>").map_or(0, |i| i + "<head>".len());
    let end = injected.find("</head>").unwrap_or(start);
    injected[start..end].to_owned()
}
