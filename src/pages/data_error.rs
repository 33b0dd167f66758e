//! The page shown when a data file deployed after the build (`edition.json`, `config.json`) cannot
//! be used: it names the file, the field and the problem, so that whoever manages the site can fix
//! the file without guessing, and nobody sees figures the data no longer supports.

use crate::components::layout::SiteLayout;
use crate::context::{provide_site, SiteData};
use crate::domain::config::ConfigError;
use crate::domain::edition::EditionError;
use crate::i18n::common::CommonTexts;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// A data file that cannot be used: its full address and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFailure {
    /// The file's full address (`https://example.org/diploma/edition.json`).
    pub url: String,
    /// What is wrong.
    pub problem: FileProblem,
}

/// What is wrong, by file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// `edition.json` (its country check included).
    Edition(EditionError),
    /// `config.json`.
    Config(ConfigError),
}

impl DataFailure {
    /// The dotted path of the field concerned; empty for the whole file.
    #[must_use]
    pub fn field(&self) -> String {
        match &self.problem {
            FileProblem::Edition(e) => e.field.clone(),
            FileProblem::Config(e) => e.field(),
        }
    }

    /// The problem in the page's words.
    #[must_use]
    pub fn words(&self, c: &CommonTexts) -> String {
        match &self.problem {
            FileProblem::Edition(e) => c.edition_problem(&e.problem),
            FileProblem::Config(e) => c.config_problem(e),
        }
    }

    /// One line for the console, in English, with the file's full address.
    #[must_use]
    pub fn log_line(&self) -> String {
        let field = self.field();
        let field = if field.is_empty() { "(the whole file)".to_owned() } else { field };
        let problem = match &self.problem {
            FileProblem::Edition(e) => format!("{:?}", e.problem),
            FileProblem::Config(e) => format!("{e:?}"),
        };
        format!(
            "{} changed since the pages were built and cannot be used: {field}: {problem}. \
             The page shows the data error page; correct the file, then run `make pages`.",
            self.url
        )
    }
}

/// What replaces the application when its fresh data cannot be used: the data error page in the
/// page's language, with the site's header and footer (`chrome`), or alone (in a partner's frame).
#[component]
pub fn DataErrorApp(
    data: &'static SiteData,
    common: &'static CommonTexts,
    failure: DataFailure,
    chrome: bool,
) -> impl IntoView {
    provide_meta_context();
    provide_site(data);
    provide_context(common);
    // Every address of the site says the same (a router without routes would never finish a
    // navigation, and the links of the header would seem dead).
    let page = move || {
        let failure = failure.clone();
        if chrome {
            view! { <SiteLayout><DataErrorPage failure /></SiteLayout> }.into_any()
        } else {
            view! { <main id="main" tabindex="-1"><DataErrorPage failure /></main> }.into_any()
        }
    };
    view! {
        <Router base=data.router_base()>
            <Routes fallback=page.clone()>
                <Route path=path!("/*any") view=page />
            </Routes>
        </Router>
    }
}

/// Names the file, the field and the problem.
#[component]
pub fn DataErrorPage(failure: DataFailure) -> impl IntoView {
    let c = expect_context::<&'static CommonTexts>();
    let field = failure.field();
    let field = if field.is_empty() { c.data_error_whole_file.to_owned() } else { field };
    let words = failure.words(c);
    view! {
        <Title text=format!("{} – {}", c.data_error_title, c.site_name) />
        <div class="data-error" data-testid="edition-error">
            <h1>{c.data_error_title}</h1>
            <p>{c.data_error_intro}</p>
            <dl class="summary-list">
                <div>
                    <dt>{c.data_error_file}</dt>
                    <dd><code data-testid="edition-error-file">{failure.url}</code></dd>
                </div>
                <div>
                    <dt>{c.data_error_field}</dt>
                    <dd><code data-testid="edition-error-field">{field}</code></dd>
                </div>
                <div>
                    <dt>{c.data_error_problem}</dt>
                    <dd data-testid="edition-error-problem">{words}</dd>
                </div>
            </dl>
            <p>{c.data_error_contact}</p>
        </div>
    }
}
