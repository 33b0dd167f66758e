//! The partner embed's pages: `/embed/estimate`, the estimator alone inside a partner's frame (the
//! frame entry, `embed.html`, see [`crate::embed`]), and `/embed`, the partner page, a page of the
//! application (snippet generator with a live preview, events and API, Content-Security-Policy
//! lines).

use crate::components::country_picker::CountryPicker;
use crate::components::estimator::apply_link::ApplyInNewTab;
use crate::components::estimator::state::{read_address, use_quote, EstimatorState};
use crate::components::estimator::Estimator;
use crate::components::layout::SiteLayout;
use crate::context::{use_data, use_query, use_texts};
use crate::domain::embed::{
    frame_ancestors, parse_accent, parse_font, partner_csp, EmbedOptions, Message, Origin, QuoteSummary,
    SnippetOptions, ThemeError,
};
use crate::domain::estimate::MAX_PEOPLE_PARAM;
use crate::i18n::embed::EmbedTexts;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::{Locale, Text};
use crate::shell::{address, dom, embed};
use leptos::html::Main;
use leptos::prelude::*;
use leptos_meta::Title;

/// The estimator in a partner's frame: no site header, navigation or footer, no storage. Its
/// answers, theme (`accent`, `font`, `compact`) and the partner's `origin` come from the address
/// once the page is live; it then posts `ready`, `resize` and `estimate` messages (format version 1)
/// to that origin only, and to no one when the origin is missing or not valid.
#[component]
pub fn FramePage() -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let query = use_query();
    let options =
        Memo::new(move |_| query.with(|q| EmbedOptions::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v)))));
    let state = EstimatorState::new();
    read_address(state);
    let quote = use_quote(state);
    let root = NodeRef::<Main>::new();

    // The partner's theme, through the CSSOM (the policy forbids style attributes).
    Effect::new(move |_| {
        let style = options.with(EmbedOptions::style);
        if let Some(el) = root.get() {
            if !style.is_empty() {
                embed::set_style(&el, &style);
            }
        }
    });

    // Messages: `ready` once the address's answers are shown (measured after the next layout),
    // then `estimate` for the quote and each new one, and `resize` whenever the content's height
    // changes. Nothing without a valid origin.
    let watch = StoredValue::new_local(None::<embed::HeightWatch>);
    on_cleanup(move || {
        watch.try_update_value(|w| w.take());
    });
    let (scheduled, ready) = (StoredValue::new(false), StoredValue::new(false));
    let last = StoredValue::new(None::<QuoteSummary>);
    let send_estimate = move |origin: &Origin| {
        let summary = quote.with_untracked(|q| QuoteSummary::new(q, &state.params_untracked().to_query()));
        if last.with_value(|l| l.as_ref() != Some(&summary)) {
            embed::post(origin, &Message::Estimate { quote: summary.clone() });
            last.set_value(Some(summary));
        }
    };
    Effect::new(move |_| {
        quote.track();
        let _ = state.params(); // the summary's query too
        if !state.loaded.get() {
            return;
        }
        let Some(origin) = options.with(|o| o.origin.clone()) else { return };
        if ready.get_value() {
            send_estimate(&origin);
        } else if !scheduled.get_value() {
            scheduled.set_value(true);
            request_animation_frame(move || {
                let Some(el) = root.get_untracked() else { return };
                let height = embed::height_of(&el);
                embed::post(&origin, &Message::Ready { height });
                ready.set_value(true);
                let to = origin.clone();
                let handle =
                    embed::watch_height(&el, height, move |h| embed::post(&to, &Message::Resize { height: h }));
                watch.set_value(handle);
                send_estimate(&origin);
            });
        }
    });
    // Refused values: the partner's to correct, so said in the console, not to the visitor.
    Effect::new(move |_| {
        if !state.loaded.get() {
            return;
        }
        let ignored = options.with(|o| o.ignored.clone());
        state.ignored.with(|mine| {
            for p in mine.iter().chain(&ignored) {
                leptos::logging::warn!("Metropolis estimator: ignored {}=\"{}\"", p.name, p.value);
            }
        });
    });

    view! {
        <main id="main" class="embed" aria-labelledby="frame-title" class:compact=move || options.with(|o| o.compact) node_ref=root>
            <h1 class="embed-title" id="frame-title">{t.estimate_title}</h1>
            <Estimator state quote>
                <ApplyInNewTab state />
            </Estimator>
        </main>
    }
}

/// `/embed`: how a partner puts the estimator on its site: the options, the code to paste (with a
/// live preview through `embed.js`), the events and API, and the Content-Security-Policy lines.
#[component]
pub fn PartnerPage() -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let e = use_texts::<EmbedTexts>();
    let data = use_data();
    // The app's address, with a trailing slash (embed.js lives at the site's root, beside the
    // language folders): the deployment's own (`site.url`) in the prerender, the browser's once live.
    let root_path = data.config.base_path().trim_end_matches('/').to_owned() + "/";
    let origin = RwSignal::new(data.config.site_url().unwrap_or_default().trim_end_matches('/').to_owned());
    Effect::new(move |_| origin.set(address::origin()));
    let app_url = Memo::new(move |_| format!("{}{root_path}", origin.get()));
    // The link without JavaScript leads to the estimator in the language of its words.
    let estimate_path = data.href("/estimate");

    let member = RwSignal::new(None::<bool>);
    let country = RwSignal::new(None::<String>);
    let people = RwSignal::new(String::new());
    let lang = RwSignal::new(String::new());
    let accent = RwSignal::new(String::new());
    let font = RwSignal::new(String::new());
    let compact = RwSignal::new(false);
    let partner = RwSignal::new(String::new());

    let optional = |text: String| (!text.trim().is_empty()).then(|| text.trim().to_owned());
    let accent_read = Memo::new(move |_| optional(accent.get()).map(|a| parse_accent(&a)).transpose());
    let font_read = Memo::new(move |_| optional(font.get()).map(|f| parse_font(&f)).transpose());
    let people_read = Memo::new(move |_| {
        optional(people.get()).map(|p| p.parse::<u32>().ok().filter(|n| (1..=MAX_PEOPLE_PARAM).contains(n)).ok_or(()))
    });
    let partner_read = Memo::new(move |_| optional(partner.get()).map(|p| Origin::parse(&p).ok_or(())));

    let options = Memo::new(move |_| SnippetOptions {
        app_url: app_url.get(),
        member: member.get(),
        country: country.get(),
        people: people_read.get().and_then(Result::ok),
        lang: optional(lang.get()),
        accent: accent_read.get().ok().flatten(),
        font: font_read.get().ok().flatten(),
        compact: compact.get(),
        title: e.frame_title.to_owned(),
        link_text: e.link_text.to_owned(),
        estimate_url: format!("{}{estimate_path}", origin.get()),
    });
    let snippet = Memo::new(move |_| options.with(SnippetOptions::snippet));
    let preview = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let attributes = options.with(SnippetOptions::data_attributes);
        let script = format!("{}embed.js", app_url.get());
        let el = preview.get();
        let el = el.as_deref().map(|e| -> &web_sys::Element { e });
        // The preview is the snippet's element: the same attributes, read by embed.js.
        if let Some(el) = el {
            embed::set_data(el, &attributes);
        }
        embed::load_or_refresh(&script, el);
    });

    let copied = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        snippet.track();
        copied.set(None);
    });
    let copy = move |_| {
        let text = snippet.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(dom::copy_text(&text).await)) });
    };
    let partner_line = move || {
        let o = origin.get();
        Origin::parse(&o).map_or_else(|| format!("script-src {o}; frame-src {o}"), |app| partner_csp(&app))
    };
    // The origins config.json already allows, then the one typed here.
    let configured = &data.config.embed.allowed_origins;
    let ancestors = move || {
        let mut list = configured.clone();
        match partner_read.get() {
            Some(Ok(o)) => {
                if !list.contains(&o) {
                    list.push(o);
                }
                frame_ancestors(&list)
            }
            _ if !list.is_empty() => frame_ancestors(&list),
            _ => format!("{} {}", frame_ancestors(&[]), e.csp_placeholder),
        }
    };
    let theme_error = move |err: ThemeError| match err {
        ThemeError::LowContrast => e.accent_low_contrast,
        ThemeError::NotAColour => e.accent_invalid,
        ThemeError::NotAFontFamily => e.font_invalid,
    };
    let people_invalid = Text(t.people_invalid).fill(&[
        ("min", &crate::context::use_fmt().number(1)),
        ("max", &crate::context::use_fmt().number(i64::from(MAX_PEOPLE_PARAM))),
    ]);
    let accent_error = Signal::derive(move || accent_read.get().err().map(|x| theme_error(x).to_owned()));
    let font_error = Signal::derive(move || font_read.get().err().map(|x| theme_error(x).to_owned()));
    let people_error =
        Signal::derive(move || matches!(people_read.get(), Some(Err(()))).then(|| people_invalid.clone()));
    let partner_error =
        Signal::derive(move || matches!(partner_read.get(), Some(Err(()))).then(|| e.origin_invalid.to_owned()));
    let event = |name: &'static str, what: &'static str| {
        view! { <div><dt><code>{name}</code></dt><dd>{what}</dd></div> }
    };

    view! {
        <Title text=format!("{} – {}", e.page_title, t.course_name) />
        <SiteLayout>
            <h1>{e.page_title}</h1>
            <p class="lead">{e.page_intro}</p>
            <div class="embed-builder needs-js">
                <form class="embed-options" on:submit=|ev| ev.prevent_default() aria-labelledby="embed-options-title">
                    <h2 id="embed-options-title">{e.options_title}</h2>
                    <div class="field">
                        <label for="embed-member">{e.member_label}</label>
                        <select id="embed-member" on:change=move |ev| member.set(match event_target_value(&ev).as_str() {
                            "yes" => Some(true),
                            "no" => Some(false),
                            _ => None,
                        })>
                            <option value="">{e.unset}</option>
                            <option value="yes">{t.yes}</option>
                            <option value="no">{t.no}</option>
                        </select>
                    </div>
                    <CountryPicker value=country id="embed-country" label=t.country_label choose=e.unset />
                    <Field id="embed-people" label=e.people_label hint=None error=people_error>
                        <input id="embed-people" type="number" inputmode="numeric" min="1" max=MAX_PEOPLE_PARAM.to_string()
                            class="input-short" on:change=move |ev| people.set(event_target_value(&ev)) />
                    </Field>
                    <div class="field">
                        <label for="embed-lang">{e.lang_label}</label>
                        <select id="embed-lang" on:change=move |ev| lang.set(event_target_value(&ev))>
                            <option value="">{e.unset}</option>
                            {Locale::ALL.iter().map(|l| view! { <option value=l.tag() lang=l.tag()>{l.name()}</option> }).collect_view()}
                        </select>
                    </div>
                    <Field id="embed-accent" label=e.accent_label hint=Some(e.accent_hint) error=accent_error>
                        <input id="embed-accent" aria-describedby="embed-accent-hint" type="text" spellcheck="false"
                            placeholder="#0b4f6c" class="input-short" on:change=move |ev| accent.set(event_target_value(&ev)) />
                    </Field>
                    <Field id="embed-font" label=e.font_label hint=Some(e.font_hint) error=font_error>
                        <input id="embed-font" aria-describedby="embed-font-hint" type="text" spellcheck="false"
                            on:change=move |ev| font.set(event_target_value(&ev)) />
                    </Field>
                    <div class="field checkbox">
                        <input id="embed-compact" type="checkbox" aria-describedby="embed-compact-hint"
                            on:change=move |ev| compact.set(event_target_checked(&ev)) />
                        <label for="embed-compact">{e.compact_label}</label>
                        <p class="hint" id="embed-compact-hint">{e.compact_hint}</p>
                    </div>
                    <Field id="embed-origin" label=e.origin_label hint=Some(e.origin_hint) error=partner_error>
                        <input id="embed-origin" aria-describedby="embed-origin-hint" type="url" spellcheck="false"
                            placeholder=e.csp_placeholder on:change=move |ev| partner.set(event_target_value(&ev)) />
                    </Field>
                </form>
                <section class="embed-output" aria-labelledby="embed-snippet-title">
                    <h2 id="embed-snippet-title">{e.snippet_title}</h2>
                    <div class="field">
                        <label for="embed-snippet">{e.snippet_label}</label>
                        <p class="hint" id="embed-snippet-hint">{e.snippet_hint}</p>
                        <textarea id="embed-snippet" data-testid="embed-snippet" rows="9" readonly spellcheck="false"
                            aria-describedby="embed-snippet-hint" prop:value=move || snippet.get()></textarea>
                    </div>
                    <div class="share">
                        <button type="button" class="button" data-testid="embed-copy" on:click=copy>{e.copy}</button>
                        <p role="status" class="copy-status">
                            {move || copied.get().map(|ok| if ok { e.copied } else { e.copy_failed })}
                        </p>
                    </div>
                </section>
            </div>
            <section class="needs-js" aria-labelledby="embed-preview-title">
                <h2 id="embed-preview-title">{e.preview_title}</h2>
                <div class="embed-preview" data-testid="embed-preview" data-metropolis-estimator="" node_ref=preview></div>
            </section>
            <section aria-labelledby="embed-events-title">
                <h2 id="embed-events-title">{e.events_title}</h2>
                <dl class="summary-list embed-events">
                    {event("metropolis-estimator:ready", e.event_ready)}
                    {event("metropolis-estimator:resize", e.event_resize)}
                    {event("metropolis-estimator:estimate", e.event_estimate)}
                    {event("MetropolisEstimator.update(element, {people: 3})", e.api_update)}
                    {event("MetropolisEstimator.quote(element)", e.api_quote)}
                    {event("MetropolisEstimator.scan()", e.api_scan)}
                </dl>
            </section>
            <section aria-labelledby="embed-csp-title">
                <h2 id="embed-csp-title">{e.csp_title}</h2>
                <p>{e.csp_partner}</p>
                <pre class="embed-code"><code data-testid="embed-csp-partner">{partner_line}</code></pre>
                <p>{e.csp_app}</p>
                <pre class="embed-code"><code data-testid="embed-csp-app">{ancestors}</code></pre>
            </section>
        </SiteLayout>
    }
}

/// A labelled field with an optional hint and its error message, when the value is refused.
#[component]
fn Field(
    /// The input's id.
    id: &'static str,
    /// The label.
    label: &'static str,
    /// The hint under the label.
    hint: Option<&'static str>,
    /// The error, when the value is refused.
    error: Signal<Option<String>>,
    /// The input.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
            {children()}
        </div>
    }
}
