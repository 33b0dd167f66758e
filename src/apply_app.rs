//! The application form's own entry, `apply.html` (binary `apply`, built apart from the main app so
//! that each bundle stays within its budget): `/apply` (start) and `/apply/<step>` (one page per
//! step, `?return=check` after a "Change" link). `/apply/check` and `/apply/done` are the
//! check-and-send entry ([`crate::send_app`]); links to them are page loads.
//!
//! Navigation within the form uses `history.pushState`; back and forward work through `popstate`.
//! The draft lives in one signal, saved to `localStorage` by [`crate::shell::storage`] (debounced,
//! flushed on focus loss, `visibilitychange` and `pagehide`), merged with other tabs through the
//! `storage` event.

use crate::app::{entry_view, href, provide_shared, use_base, use_data, use_locale, use_today};
use crate::components::answers::yes_index;
use crate::components::country_picker::CountryPicker;
use crate::components::layout::FormLayout;
use crate::domain::application::{
    allowed_step, first_incomplete, quote_input, reduced_place_offered, validate_step, word_count, Authority,
    CareerStage, Colleague, Draft, EnglishLevel, FieldError, Membership, Step, WORDS_EXPERIENCE, WORDS_PROJECT,
    WORDS_WHY,
};
use crate::domain::draft::{merge, DecodeError, Envelope, Merge};
use crate::domain::embed::escape_html;
use crate::domain::fees;
use crate::domain::money::Money;
use crate::domain::routes::strip_base;
use crate::i18n::apply::ApplyTexts;
use crate::i18n::fill;
use crate::shell::data::{self, AppData};
use crate::shell::storage::{self, Store, Stored, KEY};
use crate::shell::{dom, intl, nav, submission};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

use crate::domain::routes::ApplyPage as Page;

/// Whether the draft holds no answer yet.
#[must_use]
pub fn is_blank(d: &Draft) -> bool {
    *d == Draft { key: d.key.clone(), ..Draft::default() }
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Saving,
    Saved(String),
    NotSaved,
}

#[derive(Clone, Debug, PartialEq)]
enum Notice {
    OtherTab,
    Unreadable(DecodeError, String),
    Deleted,
    Imported,
    ImportFailed(DecodeError),
}

/// The wizard's state, shared by every page.
#[derive(Clone, Copy)]
struct W {
    t: &'static ApplyTexts,
    draft: RwSignal<Draft>,
    /// The copy last read from or written to storage.
    last: RwSignal<Option<Envelope>>,
    status: RwSignal<Status>,
    notice: RwSignal<Option<Notice>>,
    /// Bumped when the draft is replaced from outside (another tab, a file): pages render again.
    epoch: RwSignal<u32>,
    page: RwSignal<Page>,
    store: StoredValue<Store, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    data: StoredValue<Arc<AppData>>,
    /// The app's base path (`""` or `/diploma`).
    base: StoredValue<String>,
}

impl W {
    fn schedule(self) {
        if self.status.get_untracked() != Status::NotSaved {
            self.status.set(Status::Saving);
        }
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(move || self.flush(), Duration::from_millis(400)).ok();
        self.timer.set_value(h);
    }

    /// Writes the draft now if it changed; takes a newer stored copy instead of overwriting it.
    fn flush(self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
            self.timer.set_value(None);
        }
        let data = self.draft.get_untracked();
        let last = self.last.get_untracked();
        let unchanged = last.as_ref().map_or_else(|| is_blank(&data), |l| l.data == data);
        let store = self.store.get_value();
        if !store.available() {
            self.status.set(Status::NotSaved);
            return;
        }
        if unchanged {
            self.status.set(last.map_or(Status::Idle, |l| Status::Saved(l.saved_at)));
            return;
        }
        if let (Stored::Draft(theirs), Some(ours)) = (store.read(), last.as_ref()) {
            if merge(ours, &theirs) == Merge::TakeTheirs {
                self.take(*theirs, Notice::OtherTab);
                return;
            }
        }
        let edition = self.data.with_value(|d| d.edition.id.clone());
        let envelope = Envelope::new(&edition, &storage::now_iso(), data);
        if store.write(&envelope) {
            self.status.set(Status::Saved(envelope.saved_at.clone()));
            self.last.set(Some(envelope));
        } else {
            self.status.set(Status::NotSaved);
        }
    }

    fn take(self, theirs: Envelope, notice: Notice) {
        let mut data = theirs.data.clone();
        if data.key.is_empty() {
            data.key = storage::new_key();
        }
        self.status.set(Status::Saved(theirs.saved_at.clone()));
        self.last.set(Some(theirs));
        self.draft.set(data);
        self.epoch.update(|e| *e += 1);
        self.notice.set(Some(notice));
    }

    fn reset(self) {
        let _ = self.store.with_value(Store::clear);
        self.last.set(None);
        self.draft.set(Draft { key: storage::new_key(), ..Draft::default() });
        self.epoch.update(|e| *e += 1);
        self.status.set(if self.store.with_value(Store::available) { Status::Idle } else { Status::NotSaved });
    }

    /// The page a request lands on: a step only when every earlier step is complete, the check page
    /// only when every step is.
    fn settle(self, wanted: Page) -> Page {
        let draft = self.draft.get_untracked();
        self.data.with_value(|d| match wanted {
            Page::Step(s, back) => {
                let allowed = allowed_step(s, &draft, &d.edition, &d.countries);
                Page::Step(allowed, back && allowed == s)
            }
            Page::Check => {
                first_incomplete(&draft, &d.edition, &d.countries).map_or(Page::Check, |s| Page::Step(s, false))
            }
            p => p,
        })
    }

    /// Shows a page, adding a history entry (`push`) or replacing the current one.
    fn show(self, wanted: Page, hash: &str, push: bool) {
        let page = self.settle(wanted);
        if page.entry() != "apply.html" {
            // Checking, sending and the confirmation are their own entry (send.html).
            dom::go_to_url(&self.url(page));
            return;
        }
        let url = if page == wanted { format!("{}{hash}", self.url(page)) } else { self.url(page) };
        if let Ok(history) = web_sys::window().map_or(Err(wasm_bindgen::JsValue::NULL), |w| w.history()) {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if push {
                history.push_state_with_url(&null, "", Some(&url))
            } else {
                history.replace_state_with_url(&null, "", Some(&url))
            };
        }
        self.page.set(page);
    }

    /// The page's address, under the base.
    fn url(self, page: Page) -> String {
        format!("{}{}", self.base.get_value(), page.path())
    }

    /// The page the address bar shows.
    fn here(self) -> Page {
        Page::parse(&nav::current(&self.base.get_value())).unwrap_or(Page::Start)
    }

    fn title(self, name: &str, error: bool) {
        let prefix = if error { self.t.error_prefix() } else { "" };
        dom::set_title(&format!("{prefix}{name} – {}", self.t.title()));
    }
}

/// The wizard entry: loads the data like the main app, then shows the wizard or the data error page.
#[component]
pub fn ApplyApp() -> impl IntoView {
    let base = dom::base_path();
    dom::restore_redirected_path(&base);
    entry_view(provide_shared(&base, true), |d| {
        let t = data::section(d, "apply", ApplyTexts::read)?;
        Ok(view! { <FormLayout><Wizard t /></FormLayout> }.into_any())
    })
}

/// The wizard: state, storage, listeners and the current page.
#[component]
pub fn Wizard(t: &'static ApplyTexts) -> impl IntoView {
    let store = Store::local();
    let w = W {
        t,
        draft: RwSignal::new(Draft::default()),
        last: RwSignal::new(None),
        status: RwSignal::new(Status::Idle),
        notice: RwSignal::new(None),
        epoch: RwSignal::new(0),
        page: RwSignal::new(Page::Start),
        store: StoredValue::new_local(Store::new(None)),
        timer: StoredValue::new(None),
        data: StoredValue::new(use_data()),
        base: StoredValue::new(use_base().to_string()),
    };
    let store = match store.read() {
        Stored::Empty => store,
        Stored::Draft(envelope) => {
            w.take(*envelope, Notice::OtherTab);
            w.notice.set(None);
            store
        }
        Stored::Unreadable { error, backup } => {
            // When the copy failed, the text is still under the key: never write over it.
            let usable = backup.is_some();
            w.notice.set(Some(Notice::Unreadable(error, backup.unwrap_or_else(|| KEY.to_owned()))));
            if usable {
                store
            } else {
                Store::new(None)
            }
        }
    };
    if !store.available() {
        w.status.set(Status::NotSaved);
    }
    w.store.set_value(store);
    if w.draft.with_untracked(|d| d.key.is_empty()) {
        w.draft.update_untracked(|d| d.key = storage::new_key());
    }
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    w.show(w.here(), &hash, false);

    // Every change is saved (debounced); the last keystroke is flushed when focus or the page goes.
    Effect::new(move |first: Option<()>| {
        w.draft.track();
        if first.is_some() {
            w.schedule();
        }
    });
    storage::listen("focusout", false, move |_| w.flush());
    storage::listen("pagehide", false, move |_| w.flush());
    storage::listen("visibilitychange", true, move |_| {
        if storage::hidden() {
            w.flush();
        }
    });
    storage::listen("storage", false, move |ev| {
        if storage::prop(&ev, "key").as_deref() != Some(KEY) {
            return;
        }
        let Some(Ok(theirs)) = storage::prop(&ev, "newValue").map(|t| Envelope::decode(&t)) else { return };
        let take = w.last.get_untracked().is_none_or(|ours| merge(&ours, &theirs) == Merge::TakeTheirs);
        if take && w.draft.with_untracked(|d| *d != theirs.data) {
            w.take(theirs, Notice::OtherTab);
        }
    });
    storage::listen("popstate", false, move |_| {
        w.show(w.here(), "", false);
    });
    // Links to the wizard's own pages are in-app navigations.
    storage::listen("click", false, move |ev| {
        let Some(me) = ev.dyn_ref::<web_sys::MouseEvent>() else { return };
        if ev.default_prevented()
            || me.button() != 0
            || me.meta_key()
            || me.ctrl_key()
            || me.shift_key()
            || me.alt_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let same_origin = web_sys::window().and_then(|w| w.location().origin().ok()) == Some(a.origin());
        let path = strip_base(&a.pathname(), &w.base.get_value()).map(|p| format!("{p}{}", a.search()));
        let Some(wanted) = path.as_deref().and_then(Page::parse) else { return };
        if !same_origin || !a.target().is_empty() || a.has_attribute("download") || wanted.entry() != "apply.html" {
            return;
        }
        ev.prevent_default();
        w.show(wanted, &a.hash(), true);
    });
    // Focus the field named in the address (a "Change" link from the check page), or, after a change
    // of page, the heading.
    Effect::new(move |first: Option<()>| {
        w.page.track();
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        if first.is_some() || hash.len() > 1 {
            request_animation_frame(move || {
                if let Some(id) = hash.strip_prefix('#').filter(|h| !h.is_empty()) {
                    dom::focus(id);
                } else {
                    if let Some(win) = web_sys::window() {
                        win.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                    dom::focus("page-title");
                }
            });
        }
    });

    view! {
        <div class="wizard">
            {move || status_line(w)}
            {move || notice_view(w)}
            {move || {
                w.epoch.track();
                match w.page.get() {
                    Page::Start => start_page(w),
                    Page::Step(step, back) => step_page(w, step, back),
                    // Shown by send.html: `show` leaves for it.
                    Page::Check | Page::Done => ().into_any(),
                }
            }}
            <div class="wizard-tools">
                <button type="button" class="button secondary" data-testid="delete-draft" on:click=move |_| {
                    if storage::confirm(w.t.confirm_delete()) {
                        w.reset();
                        w.notice.set(Some(Notice::Deleted));
                        w.show(Page::Start, "", true);
                    }
                }>{w.t.delete_saved()}</button>
            </div>
        </div>
    }
}

fn status_line(w: W) -> impl IntoView {
    let t = w.t;
    let text = move || match w.status.get() {
        Status::Idle => String::new(),
        Status::Saving => t.status_saving().to_owned(),
        Status::Saved(_) => t.status_saved().to_owned(),
        Status::NotSaved => t.status_not_saved().to_owned(),
    };
    view! {
        <p class="save-status" role="status" aria-live="polite" data-testid="save-status"
            class:not-saved=move || w.status.get() == Status::NotSaved>{text}</p>
        {move || (w.status.get() == Status::NotSaved).then(|| export_button(w))}
    }
}

fn notice_view(w: W) -> impl IntoView {
    let t = w.t;
    w.notice.get().map(|n| {
        let text = match &n {
            Notice::OtherTab => t.other_tab().to_owned(),
            Notice::Unreadable(e, key) => fill(t.unreadable(), &[("reason", t.decode_error(e)), ("key", key)]),
            Notice::Deleted => t.deleted().to_owned(),
            Notice::Imported => t.imported().to_owned(),
            Notice::ImportFailed(e) => t.decode_error(e).to_owned(),
        };
        view! { <div class="notice" role="status" data-testid="draft-notice"><p>{text}</p></div> }
    })
}

fn export_button(w: W) -> impl IntoView {
    view! {
        <button type="button" class="button secondary" data-testid="export" on:click=move |_| {
            let edition = w.data.with_value(|d| d.edition.id.clone());
            let envelope = Envelope::new(&edition, &storage::now_iso(), w.draft.get_untracked());
            storage::download("metropolis-diploma-draft.json", &envelope.encode());
        }>{w.t.export()}</button>
    }
}

fn files(w: W) -> impl IntoView {
    let t = w.t;
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let Some(text) = storage::read_file(&input).await else { return };
            input.set_value("");
            match Envelope::decode(&text) {
                Ok(envelope) => {
                    w.take(envelope, Notice::Imported);
                    // The file wins over what this device held: written now.
                    w.last.set(None);
                    w.flush();
                }
                Err(e) => w.notice.set(Some(Notice::ImportFailed(e))),
            }
        });
    };
    view! {
        <section class="files" aria-labelledby="files-title">
            <h2 id="files-title">{t.files_title()}</h2>
            {export_button(w)}
            <div class="field">
                <label for="import-file">{t.import_label()}</label>
                <p class="hint" id="import-file-hint">{t.import_hint()}</p>
                <input type="file" id="import-file" accept=".json,application/json" aria-describedby="import-file-hint"
                    data-testid="import" on:change=on_file />
            </div>
        </section>
    }
}

fn start_page(w: W) -> AnyView {
    let t = w.t;
    w.title(t.title(), false);
    let has_draft = move || w.last.with(Option::is_some) || !w.draft.with(is_blank);
    let next = move || {
        let d = w.draft.get();
        let page = w.data.with_value(|a| first_incomplete(&d, &a.edition, &a.countries));
        href(&page.map_or(Page::Check, |s| Page::Step(s, false)).path())
    };
    let last_saved = move || {
        w.last.with(|l| {
            l.as_ref().map(|l| {
                fill(
                    t.last_saved(),
                    &[("when", &storage::local_time(&l.saved_at, w.data.with_value(|d| d.locale.intl_tag())))],
                )
            })
        })
    };
    let start_again = move |_| {
        if storage::confirm(t.confirm_start_again()) {
            w.reset();
            w.notice.set(None);
            w.show(Page::Step(Step::AboutYou, false), "", true);
        }
    };
    // Static text as one HTML string: far smaller in WebAssembly than an element tree.
    let mut html =
        format!("<p class=\"lead\">{}</p><h2>{}</h2><ul>", escape_html(t.intro()), escape_html(t.need_title()));
    for n in t.need {
        html.push_str(&format!("<li>{}</li>", escape_html(n)));
    }
    html.push_str("</ul>");
    for (h, p) in
        [(t.time_title(), t.time_body()), (t.saved_title(), t.saved_body()), (t.privacy_title(), t.privacy_body())]
    {
        html.push_str(&format!("<h2>{}</h2><p>{}</p>", escape_html(h), escape_html(p)));
    }
    let on_its_way = submission::outbox_pending().then(|| {
        view! {
            <div class="notice" role="status" data-testid="sending-notice">
                <p>{t.sending_notice()} " " <a href=w.url(Page::Done)>{t.sending_link()}</a></p>
            </div>
        }
    });
    view! {
        <h1 id="page-title" tabindex="-1">{t.title()}</h1>
        {on_its_way}
        <div inner_html=html></div>
        {move || if has_draft() {
            view! {
                <p data-testid="last-saved">{last_saved}</p>
                <p class="actions">
                    <a class="button" href=next data-testid="continue">{t.continue_app()}</a>
                    " "
                    <button type="button" class="button secondary" on:click=start_again>{t.start_again()}</button>
                </p>
            }.into_any()
        } else {
            view! { <p><a class="button" href=href(&Page::Step(Step::AboutYou, false).path()) data-testid="start">{t.start_now()}</a></p> }.into_any()
        }}
        {files(w)}
    }
    .into_any()
}

fn error_summary(w: W, errors: RwSignal<Vec<FieldError>>, to_steps: bool) -> impl IntoView {
    let t = w.t;
    move || {
        errors.with(|e| {
            (!e.is_empty()).then(|| {
                let items = e
                    .iter()
                    .map(|x| {
                        let id = x.element_id();
                        let text = t.error(x);
                        if to_steps {
                            let url = format!("{}#{id}", href(&Page::Step(Step::of_field(&x.field), true).path()));
                            view! { <li><a href=url>{text}</a></li> }.into_any()
                        } else {
                            let link = format!("#{id}");
                            view! { <li><a href=link on:click=move |ev| { ev.prevent_default(); dom::focus(&id); }>{text}</a></li> }
                                .into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <div class="error-summary" id="error-summary" role="alert" tabindex="-1" data-testid="error-summary">
                        <h2>{t.error_summary()}</h2>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}

fn step_page(w: W, step: Step, back_to_check: bool) -> AnyView {
    let t = w.t;
    let name = t.step_name(step);
    w.title(name, false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let back = if back_to_check { Page::Check } else { step.previous().map_or(Page::Start, |s| Page::Step(s, false)) };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let e = w.draft.with_untracked(|d| w.data.with_value(|a| validate_step(step, d, &a.edition, &a.countries)));
        let failed = !e.is_empty();
        errors.set(e);
        w.title(name, failed);
        if failed {
            request_animation_frame(|| dom::focus("error-summary"));
        } else {
            w.flush();
            let next =
                if back_to_check { Page::Check } else { step.next().map_or(Page::Check, |s| Page::Step(s, false)) };
            w.show(next, "", true);
        }
    };
    let c = C { w, errors };
    let fields = match step {
        Step::AboutYou => about_fields(c),
        Step::Organisation => organisation_fields(c),
        Step::Motivation => motivation_fields(c),
        Step::Registration => registration_fields(c),
        Step::Declarations => declaration_fields(c),
    };
    let progress =
        fill(t.step_of(), &[("x", &step.number().to_string()), ("y", &Step::ALL.len().to_string()), ("name", name)]);
    view! {
        <a class="back-link" href=href(&back.path())>{t.back()}</a>
        {error_summary(w, errors, false)}
        <form class="wizard-form" novalidate on:submit=submit data-step=step.slug()>
            <p class="caption" data-testid="progress">{progress}</p>
            <h1 id="page-title" tabindex="-1">{name}</h1>
            {fields}
            <button type="submit" class="button" data-testid="continue-step">{t.continue_()}</button>
        </form>
    }
    .into_any()
}

/// A step page's state: the wizard and the errors shown.
#[derive(Clone, Copy)]
struct C {
    w: W,
    errors: RwSignal<Vec<FieldError>>,
}

impl C {
    fn error(self, field: String) -> Signal<Option<String>> {
        let (t, errors) = (self.w.t, self.errors);
        Signal::derive(move || errors.with(|e| e.iter().find(|x| x.field == field).map(|x| t.error(x))))
    }
}

fn described(
    ids: Vec<String>,
    error: Signal<Option<String>>,
    error_id: String,
) -> impl Fn() -> Option<String> + Send + Sync {
    move || {
        let mut ids = ids.clone();
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

fn error_line(t: &'static ApplyTexts, error: Signal<Option<String>>, id: String) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <p class="error-message" id=id.clone()><span class="visually-hidden">{t.error_prefix()}</span>{e}</p> }
        })
    }
}

/// A text input or textarea (`kind` "textarea"), with label, hint, error and word count.
fn input(
    c: C,
    field: String,
    label: String,
    hint: &'static str,
    kind: &'static str,
    value: Signal<String>,
    set: Callback<String>,
) -> AnyView {
    let t = c.w.t;
    let id = field.replace('.', "-");
    let error = c.error(field.clone());
    let (hint_id, error_id, count_id) = (format!("{id}-hint"), format!("{id}-error"), format!("{id}-count"));
    let limit = match field.as_str() {
        "motivation.why" => WORDS_WHY,
        "motivation.experience" => WORDS_EXPERIENCE,
        "motivation.project" => WORDS_PROJECT,
        _ => 0,
    };
    let mut ids = Vec::new();
    if !hint.is_empty() {
        ids.push(hint_id.clone());
    }
    if limit > 0 {
        ids.push(count_id.clone());
    }
    let by = described(ids, error, error_id.clone());
    let invalid = move || error.with(Option::is_some).then_some("true");
    let on_input = move |ev| set.run(event_target_value(&ev));
    let control = if kind == "textarea" {
        view! { <textarea id=id.clone() name=id.clone() rows="6" prop:value=value aria-describedby=by aria-invalid=invalid on:input=on_input></textarea> }.into_any()
    } else {
        let (ty, mode) = match kind {
            "numeric" => ("text", "numeric"),
            k => (k, ""),
        };
        view! { <input id=id.clone() name=id.clone() type=ty inputmode=(!mode.is_empty()).then_some(mode) autocomplete=autocomplete(&field)
            spellcheck="false" prop:value=value aria-describedby=by aria-invalid=invalid on:input=on_input /> }
        .into_any()
    };
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {error_line(t, error, error_id)}
            {control}
            {(limit > 0).then(|| view! {
                <p class="hint word-count" id=count_id data-testid="word-count">
                    {move || fill(t.words(), &[("count", &value.with(|v| word_count(v)).to_string()), ("limit", &limit.to_string())])}
                </p>
            })}
        </div>
    }
    .into_any()
}

fn autocomplete(field: &str) -> &'static str {
    match field {
        "about.first_name" => "given-name",
        "about.surname" => "family-name",
        "about.email" => "email",
        "about.phone" => "tel",
        "about.job_title" => "organization-title",
        "organisation.name" | "registration.billing_organisation" => "organization",
        "registration.billing_address" => "street-address",
        _ => "off",
    }
}

type GetText = fn(&Draft) -> &String;
type SetText = fn(&mut Draft) -> &mut String;

/// A text field bound to one answer of the draft.
fn text(
    c: C,
    field: &'static str,
    label: &'static str,
    hint: &'static str,
    kind: &'static str,
    get: GetText,
    set: SetText,
) -> AnyView {
    let draft = c.w.draft;
    let optional = matches!(field, "registration.tax_id" | "registration.po_reference");
    let label = if optional { format!("{label}{}", c.w.t.optional()) } else { label.to_owned() };
    let value = Signal::derive(move || draft.with(|d| get(d).clone()));
    let set = Callback::new(move |v: String| draft.update(|d| *set(d) = v));
    input(c, field.to_owned(), label, hint, kind, value, set)
}

/// Radio buttons in a fieldset; the first radio carries the field's id (the error summary links to it).
/// Answers are read and written as the index of the chosen option (one function for every question).
fn radios(
    c: C,
    field: &'static str,
    legend: &'static str,
    hint: &'static str,
    options: Vec<&'static str>,
    get: fn(&Draft) -> Option<usize>,
    set: fn(&mut Draft, usize),
) -> AnyView {
    let t = c.w.t;
    let draft = c.w.draft;
    let id = field.replace('.', "-");
    let error = c.error(field.to_owned());
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let by = described(if hint.is_empty() { Vec::new() } else { vec![hint_id.clone()] }, error, error_id.clone());
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let rid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
            view! {
                <label><input type="radio" id=rid name=id.clone()
                    prop:checked=move || draft.with(|d| get(d) == Some(i))
                    on:change=move |_| draft.update(|d| set(d, i)) />{label}</label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" class:field-error=move || error.with(Option::is_some) aria-describedby=by>
            <legend>{legend}</legend>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {error_line(t, error, error_id)}
            <div class="radios">{buttons}</div>
        </fieldset>
    }
    .into_any()
}

/// A checkbox bound to one answer.
fn checkbox(
    c: C,
    field: &'static str,
    label: &'static str,
    hint: &'static str,
    get: fn(&Draft) -> bool,
    set: fn(&mut Draft) -> &mut bool,
) -> AnyView {
    let t = c.w.t;
    let draft = c.w.draft;
    let id = field.replace('.', "-");
    let error = c.error(field.to_owned());
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let by = described(if hint.is_empty() { Vec::new() } else { vec![hint_id.clone()] }, error, error_id.clone());
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            {error_line(t, error, error_id)}
            <div class="checkbox">
                <input type="checkbox" id=id.clone() name=id.clone() aria-describedby=by
                    prop:checked=move || draft.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| *set(d) = on) } />
                <label for=id>{label}</label>
                {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            </div>
        </div>
    }
    .into_any()
}

const CAREER: [CareerStage; 3] = [CareerStage::Junior, CareerStage::MidCareer, CareerStage::Senior];
const AUTHORITY: [Authority; 2] = [Authority::Local, Authority::Metropolitan];
const MEMBER: [Membership; 3] = [Membership::Yes, Membership::No, Membership::NotSure];
const ENGLISH: [EnglishLevel; 3] = [EnglishLevel::Fluent, EnglishLevel::Working, EnglishLevel::Basic];

fn about_fields(c: C) -> Vec<AnyView> {
    let t = c.w.t;
    vec![
        text(c, "about.first_name", t.first_name(), "", "text", |d| &d.about.first_name, |d| &mut d.about.first_name),
        text(c, "about.surname", t.surname(), "", "text", |d| &d.about.surname, |d| &mut d.about.surname),
        text(c, "about.email", t.email(), t.email_hint(), "email", |d| &d.about.email, |d| &mut d.about.email),
        text(c, "about.phone", t.phone(), t.phone_hint(), "tel", |d| &d.about.phone, |d| &mut d.about.phone),
        text(c, "about.job_title", t.job_title(), "", "text", |d| &d.about.job_title, |d| &mut d.about.job_title),
        text(c, "about.department", t.department(), "", "text", |d| &d.about.department, |d| &mut d.about.department),
        text(
            c,
            "about.years_experience",
            t.years(),
            t.years_hint(),
            "numeric",
            |d| &d.about.years_experience,
            |d| &mut d.about.years_experience,
        ),
        radios(
            c,
            "about.career_stage",
            t.career(),
            "",
            t.career_options().to_vec(),
            |d| d.about.career_stage.map(|v| v as usize),
            |d, i| d.about.career_stage = CAREER.get(i).copied(),
        ),
    ]
}

fn organisation_fields(c: C) -> Vec<AnyView> {
    let t = c.w.t;
    let draft = c.w.draft;
    let country = RwSignal::new(draft.with_untracked(|d| d.organisation.country.clone()));
    Effect::new(move |_| {
        let v = country.get();
        if draft.with_untracked(|d| d.organisation.country != v) {
            draft.update(|d| d.organisation.country = v);
        }
    });
    let error = c.error("organisation.country".to_owned());
    let member = move || draft.with(|d| d.organisation.member == Some(Membership::Yes));
    vec![
        text(c, "organisation.name", t.org_name(), "", "text", |d| &d.organisation.name, |d| &mut d.organisation.name),
        radios(
            c,
            "organisation.authority",
            t.authority(),
            "",
            t.authority_options().to_vec(),
            |d| d.organisation.authority.map(|v| v as usize),
            |d, i| d.organisation.authority = AUTHORITY.get(i).copied(),
        ),
        text(c, "organisation.city", t.city(), "", "text", |d| &d.organisation.city, |d| &mut d.organisation.city),
        view! {
            <div class="field-group" class:field-error=move || error.with(Option::is_some)>
                {error_line(t, error, "organisation-country-error".to_owned())}
                <CountryPicker value=country id="organisation-country" />
            </div>
        }
        .into_any(),
        radios(
            c,
            "organisation.member",
            t.member(),
            t.member_hint(),
            t.member_options().to_vec(),
            |d| d.organisation.member.map(|v| v as usize),
            |d, i| d.organisation.member = MEMBER.get(i).copied(),
        ),
        (move || {
            member().then(|| {
                radios(
                    c,
                    "organisation.dues_paid",
                    t.dues(),
                    "",
                    t.yes_no().to_vec(),
                    |d| yes_index(d.organisation.dues_paid),
                    |d, i| d.organisation.dues_paid = Some(i == 0),
                )
            })
        })
        .into_any(),
        radios(
            c,
            "organisation.ia_department",
            t.ia_department(),
            "",
            t.yes_no().to_vec(),
            |d| yes_index(d.organisation.ia_department),
            |d, i| d.organisation.ia_department = Some(i == 0),
        ),
    ]
}

fn motivation_fields(c: C) -> Vec<AnyView> {
    let t = c.w.t;
    vec![
        text(c, "motivation.why", t.why(), t.why_hint(), "textarea", |d| &d.motivation.why, |d| &mut d.motivation.why),
        text(
            c,
            "motivation.experience",
            t.experience(),
            t.experience_hint(),
            "textarea",
            |d| &d.motivation.experience,
            |d| &mut d.motivation.experience,
        ),
        text(
            c,
            "motivation.project",
            t.project(),
            t.project_hint(),
            "textarea",
            |d| &d.motivation.project,
            |d| &mut d.motivation.project,
        ),
        radios(
            c,
            "motivation.english",
            t.english(),
            t.english_hint(),
            t.english_options().to_vec(),
            |d| d.motivation.english.map(|v| v as usize),
            |d, i| d.motivation.english = ENGLISH.get(i).copied(),
        ),
    ]
}

fn colleague(c: C, i: usize) -> AnyView {
    let t = c.w.t;
    let draft = c.w.draft;
    let n = (i + 1).to_string();
    let field = |k: &str| format!("registration.colleagues.{i}.{k}");
    let get = move |email: bool| {
        Signal::derive(move || {
            draft
                .with(|d| {
                    d.registration.colleagues.get(i).map(|x| if email { x.email.clone() } else { x.name.clone() })
                })
                .unwrap_or_default()
        })
    };
    let set = move |email: bool| {
        Callback::new(move |v: String| {
            draft.update(|d| {
                if let Some(x) = d.registration.colleagues.get_mut(i) {
                    *(if email { &mut x.email } else { &mut x.name }) = v;
                }
            });
        })
    };
    view! {
        <fieldset class="colleague" data-testid="colleague">
            <legend>{fill(t.colleague(), &[("n", &n)])}</legend>
            {input(c, field("name"), t.colleague_name().to_owned(), "", "text", get(false), set(false))}
            {input(c, field("email"), t.colleague_email().to_owned(), "", "email", get(true), set(true))}
            <button type="button" class="button secondary" on:click=move |_| draft.update(|d| {
                if i < d.registration.colleagues.len() { d.registration.colleagues.remove(i); }
            })>{fill(t.remove_colleague(), &[("n", &n)])}</button>
        </fieldset>
    }
    .into_any()
}

fn registration_fields(c: C) -> Vec<AnyView> {
    let t = c.w.t;
    let draft = c.w.draft;
    let together = Memo::new(move |_| draft.with(|d| d.registration.with_colleagues == Some(true)));
    let count = Memo::new(move |_| draft.with(|d| d.registration.colleagues.len()));
    let offered =
        Memo::new(move |_| draft.with(|d| c.w.data.with_value(|a| reduced_place_offered(d, &a.edition, &a.countries))));
    let error = c.error("registration.colleagues".to_owned());
    let add = move |_| {
        let i = draft.with_untracked(|d| d.registration.colleagues.len());
        draft.update(|d| d.registration.colleagues.push(Colleague::default()));
        request_animation_frame(move || dom::focus(&format!("registration-colleagues-{i}-name")));
    };
    vec![
        radios(
            c,
            "registration.with_colleagues",
            t.with_colleagues(),
            t.with_colleagues_hint(),
            t.alone_together().to_vec(),
            |d| d.registration.with_colleagues.map(usize::from),
            |d, i| d.registration.with_colleagues = Some(i == 1),
        ),
        (move || {
            together.get().then(|| {
                view! {
                    <div class="field conditional" class:field-error=move || error.with(Option::is_some)>
                        {error_line(t, error, "registration-colleagues-error".to_owned())}
                        {move || (0..count.get()).map(|i| colleague(c, i)).collect_view()}
                        <button type="button" class="button secondary" id="registration-colleagues" data-testid="add-colleague"
                            on:click=add>{t.add_colleague()}</button>
                    </div>
                }
            })
        })
        .into_any(),
        (move || {
            offered.get().then(|| {
                checkbox(
                    c,
                    "registration.reduced_requested",
                    t.reduced(),
                    t.reduced_hint(),
                    |d| d.registration.reduced_requested,
                    |d| &mut d.registration.reduced_requested,
                )
            })
        })
        .into_any(),
        quote(c.w),
        view! { <h2>{t.invoice_title()}</h2> }.into_any(),
        text(
            c,
            "registration.billing_organisation",
            t.billing_organisation(),
            "",
            "text",
            |d| &d.registration.billing_organisation,
            |d| &mut d.registration.billing_organisation,
        ),
        text(
            c,
            "registration.billing_address",
            t.billing_address(),
            "",
            "textarea",
            |d| &d.registration.billing_address,
            |d| &mut d.registration.billing_address,
        ),
        text(c, "registration.tax_id", t.tax_id(), "", "text", |d| &d.registration.tax_id, |d| &mut d.registration.tax_id),
        text(c, "registration.po_reference", t.po_reference(), "", "text", |d| &d.registration.po_reference, |d| {
            &mut d.registration.po_reference
        }),
        text(c, "registration.invoice_email", t.invoice_email(), "", "email", |d| &d.registration.invoice_email, |d| {
            &mut d.registration.invoice_email
        }),
    ]
}

fn declaration_fields(c: C) -> Vec<AnyView> {
    let t = c.w.t;
    vec![
        view! { <p><a href=href("/refund") target="_blank">{t.refund_link()}</a></p> }.into_any(),
        checkbox(
            c,
            "declarations.conditions",
            t.conditions(),
            "",
            |d| d.declarations.conditions,
            |d| &mut d.declarations.conditions,
        ),
        checkbox(
            c,
            "declarations.data_consent",
            t.data_consent(),
            "",
            |d| d.declarations.data_consent,
            |d| &mut d.declarations.data_consent,
        ),
        checkbox(
            c,
            "declarations.truthful",
            t.truthful(),
            "",
            |d| d.declarations.truthful,
            |d| &mut d.declarations.truthful,
        ),
    ]
}

/// The live quote for these answers: the fee engine with the same input as `/estimate`
/// ([`quote_input`]), so the figures are identical; the same `data-testid`s as the estimator.
fn quote(w: W) -> AnyView {
    let t = w.t;
    let today = use_today();
    let (locale, currency) = (use_locale().intl_tag(), w.data.with_value(|d| d.edition.currency.clone()));
    let q = Memo::new(move |_| {
        w.draft.with(|d| w.data.with_value(|a| fees::quote(&a.edition, &a.countries, &quote_input(d, today))))
    });
    let figure = move |label: &'static str, testid: &'static str, f: fn(&fees::Quote) -> Money| {
        let currency = currency.clone();
        view! {
            <div><dt>{label}</dt><dd data-testid=testid data-amount=move || q.with(|q| f(q).to_plain())>
                {move || q.with(|q| intl::money(locale, &currency, f(q)))}
            </dd></div>
        }
    };
    view! {
        <section class="quote" aria-labelledby="quote-title" data-testid="apply-quote">
            <h2 id="quote-title">{t.fee_title()}</h2>
            <dl class="summary-list" aria-live="polite">
                {figure(t.fee_per_person(), "fee-per-person", |q| q.per_person)}
                <div><dt>{t.fee_people()}</dt><dd data-testid="fee-people">{move || q.with(|q| q.people)}</dd></div>
                {figure(t.fee_total(), "fee-total", |q| q.total)}
            </dl>
            <p class="hint">{t.fee_note()}</p>
        </section>
    }
    .into_any()
}
