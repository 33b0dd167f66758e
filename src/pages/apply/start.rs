//! The form's start page (`/apply`): what you will need, where the edition stands, your saved
//! answers (continue, download, delete, open a file), and how it works. It also takes the
//! estimator's answers ("Apply with these answers"), asking first when they would change answers
//! already typed.

use super::prefill::{prefill, Prefill, PARAMS};
use super::shell::FormShell;
use super::state::{use_form, Notice};
use super::status::DownloadButton;
use super::words::{to_i64, use_words, Words};
use crate::context::{use_query, use_today};
use crate::domain::application::{first_incomplete, Step};
use crate::domain::calendar::{state, EditionState};
use crate::i18n::Text;
use crate::shell::{files, storage, submission};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// The start page.
#[component]
pub fn StartPage() -> impl IntoView {
    let form = use_form();
    let w = use_words();
    let t = w.t;
    let data = w.data;
    let today = use_today();
    let query = use_query();
    let navigate = use_navigate();
    let edition_state = Memo::new(move |_| state(&data.edition, today.get()));
    let open = Memo::new(move |_| matches!(edition_state.get(), EditionState::Open { .. }));
    let pending = RwSignal::new(None::<Prefill>);
    let on_its_way = RwSignal::new(false);

    // Once the stored answers are in: an application on its way is pointed to, and the estimate's
    // answers in the address are carried into the draft (or, when they would change answers
    // already typed, the page asks first). The address then loses them, so a reload asks nothing.
    Effect::new(move |_| {
        if !form.ready.get() {
            return;
        }
        on_its_way.set(submission::pending());
        let pairs: Vec<(String, String)> = query
            .with(|q| PARAMS.iter().filter_map(|n| q.get_str(n).map(|v| ((*n).to_owned(), v.to_owned()))).collect());
        if pairs.is_empty() {
            return;
        }
        if open.get_untracked() {
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
            let proposal = form.draft.with_untracked(|d| prefill(w, d, &pairs));
            match proposal {
                Some(p) if !p.differences.is_empty() => {
                    pending.set(Some(p));
                    // The question takes the focus, so that it is not missed.
                    super::shell::focus_soon("prefill".to_owned());
                }
                Some(p) if form.draft.with_untracked(|d| *d != p.draft) => {
                    form.edit(|d| *d = p.draft);
                    form.flush();
                    form.notice.set(Some(Notice::Prefilled));
                }
                _ => {}
            }
        }
        navigate("/apply", NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() });
    });

    let state_sentence = move || w.edition_state(edition_state.get());
    let need =
        t.need.iter().map(|n| view! { <li>{Text(n).fill(&[("year", &w.dues_year())])}</li> }.into_any()).collect_view();
    let steps = w.fmt.number(to_i64(Step::ALL.len()));
    let how = t.how.iter().map(|h| view! { <li>{Text(h).fill(&[("steps", &steps)])}</li> }.into_any()).collect_view();
    let intro = Text(t.intro).fill(&[
        ("city", data.edition.course.city.get(data.locale.tag())),
        ("dates", &w.fmt.range(data.edition.course.start_date, data.edition.course.end_date)),
    ]);
    view! {
        <Title text=t.title />
        <FormShell>
        <h1 id="page-title" tabindex="-1">{t.title}</h1>
        <p class="lead">{intro}</p>
        <p class="edition-state" data-testid="edition-state">{move || state_sentence()}</p>
        {move || on_its_way.get().then(|| view! {
            <div class="notice" role="status" data-testid="sending-notice">
                <p>{t.sending_notice} " " <A href=data.href("/apply/done")>{t.sending_link}</A></p>
            </div>
        }.into_any())}
        {move || pending.get().map(|p| view! { <Confirm prefill=p pending /> }.into_any())}
        <h2>{t.need_title}</h2>
        <ul>{need}</ul>
        <h2>{t.time_title}</h2>
        <p>{t.time_body}</p>
        <Begin open />
        <h2>{t.how_title}</h2>
        <ol class="steps">{how}</ol>
        <Files open />
        </FormShell>
    }
}

/// "Start now", or the saved answers: when they were saved, "Continue your application" (while
/// applications are open), and "Delete my saved answers".
#[component]
fn Begin(open: Memo<bool>) -> impl IntoView {
    let form = use_form();
    let w = use_words();
    let t = w.t;
    let data = w.data;
    let continue_to = move || {
        let next = form.draft.with(|d| first_incomplete(d, &data.edition, &data.countries));
        data.href(&next.map_or_else(|| "/apply/check".to_owned(), |s| format!("/apply/{}", s.slug())))
    };
    let last_saved = move || {
        form.saved.with(|s| {
            s.as_ref().map(|s| {
                Text(t.last_saved).fill(&[("when", &storage::local_time(&s.saved_at, data.locale.intl_tag()))])
            })
        })
    };
    let delete = move |_| {
        let confirmed =
            web_sys::window().is_some_and(|win| win.confirm_with_message(t.confirm_delete).unwrap_or(false));
        if confirmed {
            form.reset();
            form.notice.set(Some(Notice::Deleted));
        }
    };
    move || {
        if form.has_answers() {
            view! {
                <div class="saved">
                    <h2>{t.saved_title}</h2>
                    <p>{t.saved_body}</p>
                    <p data-testid="last-saved">{move || last_saved()}</p>
                    {move || (!open.get()).then(|| view! { <p>{t.state_draft_kept}</p> }.into_any())}
                    <p class="actions">
                        {move || open.get().then(|| view! {
                            <A href=continue_to() attr:class="button needs-js" attr:data-testid="continue">{t.continue_app}</A>
                        }.into_any())}
                        <button type="button" class="button secondary needs-js" data-testid="delete-draft" on:click=delete>
                            {t.delete_saved}
                        </button>
                    </p>
                </div>
            }
            .into_any()
        } else {
            view! {
                {move || open.get().then(|| view! {
                    <p class="actions">
                        <A href=data.href("/apply/about-you") attr:class="button button-start needs-js" attr:data-testid="start">
                            {t.start_now}
                        </A>
                    </p>
                }.into_any())}
            }
            .into_any()
        }
    }
}

/// Moving the answers to another device: download them, or open a downloaded file (while
/// applications are open).
#[component]
fn Files(open: Memo<bool>) -> impl IntoView {
    let form = use_form();
    let w = use_words();
    let t = w.t;
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|x| x.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let Some(text) = files::read_chosen(&input).await else { return };
            input.set_value("");
            match storage::decode_draft(&text) {
                Ok(envelope) => form.import(envelope),
                Err(e) => form.notice.set(Some(Notice::ImportFailed(e))),
            }
        });
    };
    let show = move || form.has_answers() || open.get();
    view! {
        <div class="files needs-js" class:hidden=move || !show()>
            <h2>{t.files_title}</h2>
            {move || form.has_answers().then(|| view! { <p><DownloadButton /></p> }.into_any())}
            {move || open.get().then(|| view! {
                <div class="field">
                    <label for="import-file">{t.import_label}</label>
                    <p class="hint" id="import-file-hint">{t.import_hint}</p>
                    <input type="file" id="import-file" accept=".json,application/json" aria-describedby="import-file-hint"
                        data-testid="import" on:change=on_file />
                </div>
            }.into_any())}
        </div>
    }
}

/// Asks before the estimate's answers replace answers already typed.
#[component]
fn Confirm(prefill: Prefill, pending: RwSignal<Option<Prefill>>) -> impl IntoView {
    let form = use_form();
    let w: Words = use_words();
    let t = w.t;
    let draft = prefill.draft.clone();
    let accept = move |_| {
        let new = draft.clone();
        form.edit(move |d| *d = new);
        form.flush();
        pending.set(None);
        form.notice.set(Some(Notice::Prefilled));
    };
    let keep = move |_| pending.set(None);
    let rows = prefill
        .differences
        .into_iter()
        .map(|d| {
            let yours = Text(t.prefill_yours).fill(&[("answer", &d.yours)]);
            let estimate = Text(t.prefill_estimate).fill(&[("answer", &d.estimate)]);
            view! { <div class="row"><dt>{d.question}</dt><dd class="answer">{format!("{yours} {estimate}")}</dd></div> }.into_any()
        })
        .collect_view();
    view! {
        <div class="notice prefill" id="prefill" tabindex="-1" role="group" aria-label=t.prefill_title data-testid="prefill">
            <h2>{t.prefill_title}</h2>
            <p>{t.prefill_body}</p>
            <dl class="summary-list">{rows}</dl>
            <p class="actions">
                <button type="button" class="button" data-testid="prefill-use" on:click=accept>{t.prefill_use}</button>
                <button type="button" class="button secondary" data-testid="prefill-keep" on:click=keep>{t.prefill_keep}</button>
            </p>
        </div>
    }
}
