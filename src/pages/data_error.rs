//! The page shown when the catalogue, the edition or the country file cannot be used.

use crate::app::UiTexts;
use crate::i18n::fill;
use crate::shell::data::{LoadError, CONFIG_FILE, COUNTRIES_FILE, EDITION_FILE};
use crate::shell::dom;
use leptos::prelude::*;

/// Names the file, the field and the problem, so a deployer can fix the data without guessing.
///
/// When the catalogue itself is unreadable there are no words to use, so a short fixed notice in
/// the three languages names the file and the key instead.
#[component]
pub fn DataErrorPage(error: LoadError) -> impl IntoView {
    let Some(UiTexts(t)) = use_context::<UiTexts>() else {
        let (file, detail) = match &error {
            LoadError::Catalogue { file, error } => (*file, format!("{}: {:?}", error.path, error.problem)),
            LoadError::Fetch { file, status } => (*file, format!("HTTP {status}")),
            LoadError::Edition(_) | LoadError::Countries(_) | LoadError::Config(_) => ("", String::new()),
        };
        dom::set_title("Metropolis Diploma");
        return view! {
            <main id="main" class="data-error" data-testid="catalogue-error">
                <h1 lang="en">"The site’s texts could not be loaded."</h1>
                <p lang="fr">"Les textes du site n’ont pas pu être chargés."</p>
                <p lang="es">"No se han podido cargar los textos del sitio."</p>
                <p><code data-testid="edition-error-file">{file}</code> " " <code>{detail}</code></p>
            </main>
        }
        .into_any();
    };
    dom::set_title(&format!("{} – {}", t.data_error_title(), t.site_name()));
    let (file, field, problem) = match &error {
        LoadError::Fetch { file, status } => {
            (*file, String::new(), fill(t.data_error_fetch(), &[("status", &status.to_string())]))
        }
        LoadError::Catalogue { file, error } => (*file, error.path.clone(), t.json_problem(&error.problem)),
        LoadError::Edition(e) => (EDITION_FILE, e.field.clone(), t.edition_problem(e)),
        LoadError::Config(e) => (CONFIG_FILE, e.field(), t.config_problem(e)),
        LoadError::Countries(e) => (COUNTRIES_FILE, String::new(), t.countries_problem(e)),
    };
    let field = if field.is_empty() { t.data_error_whole_file().to_owned() } else { field };
    view! {
        <main id="main" class="data-error" data-testid="edition-error">
            <h1>{t.data_error_title()}</h1>
            <p>{t.data_error_intro()}</p>
            <dl class="summary-list">
                <div><dt>{t.data_error_file()}</dt><dd><code data-testid="edition-error-file">{file}</code></dd></div>
                <div><dt>{t.data_error_field()}</dt><dd><code data-testid="edition-error-field">{field}</code></dd></div>
                <div><dt>{t.data_error_problem()}</dt><dd>{problem}</dd></div>
            </dl>
            <p>{t.data_error_contact()}</p>
        </main>
    }
    .into_any()
}
