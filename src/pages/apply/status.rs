//! Whether the answers are kept on this device, under each step.

use super::state::{use_form, SaveStatus};
use super::words::use_words;
use crate::shell::files;
use leptos::prelude::*;

/// "Saved on this device", or, when the browser keeps nothing, says so with a download of the
/// answers at hand.
#[component]
pub fn SaveLine() -> impl IntoView {
    let form = use_form();
    let t = use_words().t;
    let text = move || match form.status.get() {
        SaveStatus::Idle => "",
        SaveStatus::Saving => t.status_saving,
        SaveStatus::Saved => t.status_saved,
        SaveStatus::NotSaved => t.status_not_saved,
    };
    let not_saved = move || form.status.get() == SaveStatus::NotSaved;
    view! {
        <p class="save-status" class:not-saved=move || form.status.get() == SaveStatus::NotSaved role="status" aria-live="polite" data-testid="save-status">
            {move || text()}
        </p>
        {move || not_saved().then(|| view! { <DownloadButton /> }.into_any())}
    }
}

/// "Download my answers (JSON file)".
#[component]
pub fn DownloadButton() -> impl IntoView {
    let form = use_form();
    let t = use_words().t;
    let download = move |_| {
        files::download(files::DRAFT_FILE, &form.file_text());
    };
    view! {
        <button type="button" class="button secondary needs-js" data-testid="export" on:click=download>{t.export}</button>
    }
}
