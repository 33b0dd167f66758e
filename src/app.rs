//! The application root: loads the data, provides the contexts and routes.

use crate::components::layout::Layout;
use crate::domain::routes::{ApplyPage, Route};
use crate::i18n::{Locale, Texts};
use crate::pages::{
    data_error::DataErrorPage, estimate::EstimatePage, home::HomePage, not_found::NotFoundPage, refund::RefundPage,
};
use crate::shell::data::{self, AppData, LoadError, LoadFailure};
use crate::shell::{clock, dom, lang, nav};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The loaded edition and country data, shared by every page.
#[derive(Clone)]
pub struct Data(pub Arc<AppData>);

/// The language in use.
#[derive(Clone, Copy)]
pub struct Lang(pub Locale);

/// Today in Barcelona, read once when the app starts.
#[derive(Clone, Copy)]
pub struct Today(pub NaiveDate);

/// The path the app is served under (`""` or `"/diploma"`), for building links.
#[derive(Clone)]
pub struct Base(pub Arc<str>);

/// The shared data. Panics outside [`App`], which is a programming error, not an input.
#[must_use]
pub fn use_data() -> Arc<AppData> {
    expect_context::<Data>().0
}

/// The site's texts in the page's language, once its catalogue is loaded.
#[derive(Clone, Copy)]
pub struct UiTexts(pub &'static Texts);

/// The site's texts. Panics before the catalogue is loaded, which is a programming error: pages
/// are shown only after [`provide_loaded`].
#[must_use]
pub fn use_texts() -> &'static Texts {
    expect_context::<UiTexts>().0
}

/// The current language.
#[must_use]
pub fn use_locale() -> Locale {
    use_context::<Lang>().map_or(Locale::En, |l| l.0)
}

/// Today in Barcelona.
#[must_use]
pub fn use_today() -> NaiveDate {
    use_context::<Today>().map_or_else(clock::today, |t| t.0)
}

/// The base path the entry found at its start (`""` or e.g. `/diploma`), as provided by
/// [`provide_shared`].
#[must_use]
pub fn use_base() -> Arc<str> {
    use_context::<Base>().map(|b| b.0).unwrap_or_else(|| Arc::from(""))
}

/// An absolute link to a route of the app, e.g. `href("/estimate")` → `/diploma/estimate`.
#[must_use]
pub fn href(path: &str) -> String {
    format!("{}{path}", use_base())
}

/// The current path after the base, with its query; changes on every in-app navigation.
#[derive(Clone, Copy)]
pub struct CurrentPath(pub RwSignal<String>);

/// The data as it loads: `None` while loading, then the validated data or why it is unusable.
pub type Loading = RwSignal<Option<Result<Arc<AppData>, LoadFailure>>>;

/// What every entry (the app, the embed, the wizard) does first: chooses the language (see
/// [`lang::start`] for `use_storage`), provides it, today and the base path, and starts loading the
/// catalogue, the edition and the country data.
#[must_use]
pub fn provide_shared(base: &str, use_storage: bool) -> Loading {
    let locale = lang::start(use_storage);
    provide_context(Lang(locale));
    provide_context(Today(clock::today()));
    provide_context(Base(Arc::from(base)));
    let state = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        state.set(Some(data::load(locale).await.map(Arc::new)));
    });
    state
}

/// Provides the loaded data and its texts to the pages below.
pub fn provide_loaded(d: &Arc<AppData>) {
    provide_context(UiTexts(d.texts));
    provide_context(Data(d.clone()));
}

/// What an entry other than the main app shows as its data loads: nothing, then the data error
/// page, or what `ready` makes of the loaded data (whose own error, e.g. a bad catalogue section,
/// also gets the data error page).
pub fn entry_view(
    state: Loading,
    ready: impl Fn(&Arc<AppData>) -> Result<AnyView, LoadError> + 'static,
) -> impl Fn() -> AnyView {
    move || match state.get() {
        None => ().into_any(),
        Some(Err(failure)) => {
            provide_failed(&failure);
            view! { <DataErrorPage error=failure.error /> }.into_any()
        }
        Some(Ok(d)) => {
            provide_loaded(&d);
            ready(&d).unwrap_or_else(|error| view! { <DataErrorPage error /> }.into_any())
        }
    }
}

/// Provides the texts a failed load could read, if any, for the data error page.
pub fn provide_failed(failure: &LoadFailure) {
    if let Some(texts) = failure.texts {
        provide_context(UiTexts(texts));
    }
}

/// The application: loads the edition, then shows the routes or a page explaining what is wrong.
#[component]
pub fn App() -> impl IntoView {
    let base: Arc<str> = Arc::from(dom::base_path());
    let state = provide_shared(&base, true);

    let path = RwSignal::new(nav::current(&base));
    provide_context(CurrentPath(path));
    nav::install(base.to_string(), move |p| path.set(p));
    // Only a change of page re-renders; a new query on the same page does not.
    let route = Memo::new(move |_| Route::parse(&path.get()));
    let first_page = StoredValue::new(true);

    move || match state.get() {
        // index.html's static shell shows the course and a loading line until the data arrives.
        None => ().into_any(),
        Some(Err(failure)) => {
            dom::remove_static_shell();
            provide_failed(&failure);
            view! { <DataErrorPage error=failure.error /> }.into_any()
        }
        Some(Ok(d)) => {
            dom::remove_static_shell();
            provide_loaded(&d);
            view! {
                <Layout>
                    {move || {
                        let page = match route.get() {
                            Route::Home => view! { <HomePage /> }.into_any(),
                            Route::Estimate => view! { <EstimatePage /> }.into_any(),
                            Route::Refund => view! { <RefundPage /> }.into_any(),
                            Route::Embed | Route::EmbedFrame => {
                                // The partner page and the frame are their own, separately built entry.
                                let query = path.get_untracked().split_once('?').map(|(_, q)| q.to_owned());
                                dom::go_to(&match (route.get_untracked(), query) {
                                    (Route::EmbedFrame, Some(q)) => format!("embed.html?frame=1&{q}"),
                                    (Route::EmbedFrame, None) => "embed.html?frame=1".to_owned(),
                                    _ => "embed.html".to_owned(),
                                });
                                ().into_any()
                            }
                            Route::Apply => {
                                // The form is its own entry; a server that maps /apply/* to it
                                // never gets here, one with a plain SPA fallback does.
                                let at = path.get_untracked();
                                let entry = ApplyPage::parse(&at).map_or("apply.html", ApplyPage::entry);
                                dom::go_to(&format!("{entry}?at={}", dom::encode(&at)));
                                ().into_any()
                            }
                            Route::NotFound => view! { <NotFoundPage /> }.into_any(),
                        };
                        // After an in-app navigation, keyboard and screen-reader users start at the new page.
                        if !first_page.get_value() {
                            request_animation_frame(|| dom::focus("main"));
                        }
                        first_page.set_value(false);
                        page
                    }}
                </Layout>
            }
            .into_any()
        }
    }
}
