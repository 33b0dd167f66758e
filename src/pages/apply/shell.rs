//! The frame of every page of the form (`/apply` and below): the form's layout, the draft's state
//! and its storage, the notices about it, and what visitors without JavaScript read.

use super::state::{use_form, Form, Notice};
use super::words::{use_words, with_email};
use crate::components::form::error_summary::SUMMARY_ID;
use crate::components::layout::FormLayout;
use crate::shell::storage::{self, Change};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Provides the form's state for the application's life: call once, before the router, so that
/// the answers stay in memory from one page of the form to the next (where the browser stores
/// nothing, they live only there).
pub fn provide_form() {
    provide_context(Form::new());
}

/// The frame of each page of the form: its layout, the no-JS notice and the notices about the
/// saved answers. Once the page is live it reads the stored draft (the first time only), saves
/// when the focus or the page goes, follows other tabs, and moves the focus to each new page's
/// error summary or heading, or to the field its address names.
#[component]
pub fn FormShell(children: Children) -> impl IntoView {
    let form = use_form();
    let location = use_location();
    // Whether the person came from another page of the application (the draft is then in memory).
    let arrived = form.ready.get_untracked();
    // Effects run only in the browser, after hydration: the prerender and the hydrating page both
    // render the empty draft.
    Effect::new(move |_| {
        if !form.ready.get_untracked() {
            form.load();
        }
        storage::on_change(move |change| match change {
            Change::Draft(text) => form.from_other_tab(text),
            Change::Outbox => {}
        });
        let focus_out = window_event_listener(leptos::ev::focusout, move |_| form.flush());
        let page_hide = window_event_listener(leptos::ev::pagehide, move |_| form.flush());
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
                form.flush();
            }
        });
        on_cleanup(move || {
            focus_out.remove();
            page_hide.remove();
            hidden.remove();
            form.flush();
        });
    });
    // After a move between pages, the new page's error summary, if it shows one, or else its
    // heading takes the focus (so screen-reader users hear where they are); when the address names
    // a field (`#about-surname`, from a "Change" link or a problem), that field does, once the
    // stored answers are in.
    Effect::new(move |previous: Option<Option<String>>| {
        let path = location.pathname.get();
        let hash = location.hash.get();
        if !form.ready.get() {
            return None;
        }
        let moved = match &previous {
            Some(Some(p)) => *p != path,
            Some(None) => false,
            None => arrived,
        };
        let target = hash.trim_start_matches('#');
        if !target.is_empty() {
            focus_soon(target.to_owned());
        } else if moved {
            request_animation_frame(|| {
                request_animation_frame(|| {
                    let summary = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(SUMMARY_ID))
                        .is_some();
                    crate::shell::dom::focus(if summary { SUMMARY_ID } else { "page-title" });
                });
            });
        }
        Some(path)
    });
    view! {
        <FormLayout>
            <NoScript />
            <DraftNotice />
            {children()}
        </FormLayout>
    }
}

/// Moves the focus after the next paint (the app moves it to `<main>` after a navigation first).
pub fn focus_soon(id: String) {
    request_animation_frame(move || request_animation_frame(move || crate::shell::dom::focus(&id)));
}

/// The notice about the saved answers, if any.
#[component]
fn DraftNotice() -> impl IntoView {
    let form = use_form();
    let w = use_words();
    let t = w.t;
    move || {
        form.notice.get().map(|n| {
            let text = match &n {
                Notice::OtherTab => t.other_tab.to_owned(),
                Notice::DeletedElsewhere => t.deleted_elsewhere.to_owned(),
                Notice::Unreadable(e, key) => {
                    crate::i18n::Text(t.unreadable).fill(&[("reason", w.decode_error(e)), ("key", key)])
                }
                Notice::Deleted => t.deleted.to_owned(),
                Notice::Imported => t.imported.to_owned(),
                Notice::ImportFailed(e) => w.decode_error(e).to_owned(),
                Notice::Prefilled => t.prefilled.to_owned(),
            };
            view! { <div class="notice" role="status" data-testid="draft-notice"><p>{text}</p></div> }.into_any()
        })
    }
}

/// For visitors without JavaScript (hidden once scripts run): the form needs it, and how else to
/// apply — the contact from the data, or wording without an address.
#[component]
fn NoScript() -> impl IntoView {
    let w = use_words();
    let t = w.t;
    let other_way = match w.contact_email() {
        Some(email) => with_email(t.no_js_contact, email),
        None => t.no_js_no_contact.into_any(),
    };
    view! {
        <div class="notice no-js" data-testid="no-js">
            <p>{t.no_js}</p>
            <p>{other_way}</p>
        </div>
    }
}
