//! The page shown when the edition or country file cannot be used.

use crate::app::use_texts;
use crate::i18n::fill;
use crate::shell::data::{LoadError, COUNTRIES_FILE, EDITION_FILE};
use crate::shell::dom;
use leptos::prelude::*;

/// Names the file, the field and the problem, so a deployer can fix the data without guessing.
#[component]
pub fn DataErrorPage(error: LoadError) -> impl IntoView {
    let t = use_texts();
    dom::set_title(&format!("{} – {}", t.data_error_title, t.site_name));
    let (file, field, problem) = match &error {
        LoadError::Fetch { file, status } => {
            (*file, String::new(), fill(t.data_error_fetch, &[("status", &status.to_string())]))
        }
        LoadError::Edition(e) => (EDITION_FILE, e.field.clone(), t.edition_problem(e)),
        LoadError::Countries(e) => (COUNTRIES_FILE, String::new(), t.countries_problem(e)),
    };
    let field = if field.is_empty() { t.data_error_whole_file.to_owned() } else { field };
    view! {
        <main id="main" class="data-error" data-testid="edition-error">
            <h1>{t.data_error_title}</h1>
            <p>{t.data_error_intro}</p>
            <dl class="summary-list">
                <div><dt>{t.data_error_file}</dt><dd><code>{file}</code></dd></div>
                <div><dt>{t.data_error_field}</dt><dd><code data-testid="edition-error-field">{field}</code></dd></div>
                <div><dt>{t.data_error_problem}</dt><dd>{problem}</dd></div>
            </dl>
            <p>{t.data_error_contact}</p>
        </main>
    }
}
