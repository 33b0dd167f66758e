//! The two pages of the embed entry (`embed.html`, see [`crate::embed_app`]): `embed.html?frame=1&…`,
//! the estimator inside a partner's frame (no site chrome), and `embed.html`, the partner page:
//! snippet generator, live preview, events and security settings.

use crate::app::{href, use_data, use_texts, use_today};
use crate::components::country_picker::CountryPicker;
use crate::domain::embed::{
    frame_ancestors, parse_accent, parse_font, partner_csp, EmbedOptions, Message, Origin, QuoteSummary,
    SnippetOptions, ThemeError,
};
use crate::domain::estimate::{EstimateParams, MAX_PEOPLE_PARAM};
use crate::domain::fees::quote;
use crate::embed_app::EmbedUi;
use crate::i18n::EmbedTexts;
use crate::i18n::Locale;
use crate::pages::estimate::{EstimateForm, EstimatorState, QuotePanel};
use crate::shell::{dom, embed};
use leptos::prelude::*;

fn use_embed_texts() -> &'static EmbedTexts {
    expect_context::<EmbedUi>().0
}

/// The estimator as a partner page shows it: its answers and theme from the URL, its height and
/// quote posted to the partner's origin (and nowhere else).
#[component]
pub fn EmbedFrame() -> impl IntoView {
    let data = use_data();
    let pairs = dom::query_pairs();
    let read = || pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let parsed = EstimateParams::from_pairs(read(), &data.countries);
    let options = EmbedOptions::from_pairs(read());
    for p in parsed.ignored.iter().chain(&options.ignored) {
        leptos::logging::warn!("Metropolis estimator: ignored {}=\"{}\"", p.name, p.value);
    }
    // The language came from `lang=` when the entry started (crate::shell::lang).
    let (t, e) = (use_texts(), use_embed_texts());
    dom::set_title(e.frame_title());

    let state = EstimatorState::new(parsed.params);
    let today = use_today();
    let current = Memo::new(move |_| quote(&data.edition, &data.countries, &state.params().to_input(today)));
    let target = StoredValue::new(options.origin.clone());
    let send = move |m: Message| {
        target.try_with_value(|o| o.as_ref().map(|o| embed::post(o, &m)));
    };
    let root = NodeRef::<leptos::html::Main>::new();
    let theme = options.style();
    root.on_load(move |el| {
        let style = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).style();
        for (name, value) in &theme {
            let _ = style.set_property(name, value);
        }
    });
    Effect::new(move |started: Option<()>| {
        let query = state.params().to_query();
        let summary = current.with(|q| QuoteSummary::new(q, &query));
        if started.is_none() {
            if let Some(el) = root.get_untracked() {
                send(Message::Ready { height: embed::height_of(&el) });
                embed::watch_height(&el, move |height| send(Message::Resize { height }));
            }
        }
        send(Message::Estimate { quote: summary });
    });
    let apply_base = href("/apply");
    let apply = move || format!("{apply_base}?{}", state.params().to_query());
    let class = if options.compact { "embed compact" } else { "embed" };

    view! {
        <main class=class node_ref=root aria-label=t.estimate_title()>
            <h1 class="embed-title">{t.estimate_title()}</h1>
            <div class="estimator">
                <EstimateForm state />
                <QuotePanel state embedded=true />
            </div>
            <p class="embed-apply">
                <a class="button" data-testid="embed-apply" href=apply target="_blank" rel="noopener">
                    {e.apply()}<span class="visually-hidden">{e.new_tab()}</span>
                </a>
            </p>
        </main>
    }
}

/// `embed.html`: how a partner puts the estimator on its site.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let (t, e) = (use_texts(), use_embed_texts());
    dom::set_title(&format!("{} – {}", e.page_title(), t.site_name()));
    let (app_origin, app_url) = embed::app_url(&href(""));
    let script_src = format!("{app_url}embed.js");

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
        app_url: app_url.clone(),
        member: member.get(),
        country: country.get(),
        people: people_read.get().and_then(Result::ok),
        lang: optional(lang.get()),
        accent: accent_read.get().ok().flatten(),
        font: font_read.get().ok().flatten(),
        compact: compact.get(),
        title: e.frame_title().to_owned(),
        link_text: e.link_text().to_owned(),
    });
    let snippet = Memo::new(move |_| options.with(SnippetOptions::snippet));
    let preview = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let attributes = options.with(SnippetOptions::data_attributes);
        let el = preview.get_untracked();
        let el = el.as_deref().map(|e| -> &web_sys::Element { e });
        // The preview is the snippet's element: the same attributes, read by embed.js.
        if let Some(el) = el {
            embed::set_data(el, &attributes);
        }
        embed::load_or_refresh(&script_src, el);
    });

    let copied = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        snippet.track();
        copied.set(None);
    });
    let partner_line = {
        let app = Origin::parse(&app_origin);
        move || app.as_ref().map_or_else(|| format!("script-src {app_origin}; frame-src {app_origin}"), partner_csp)
    };
    // The origins config.json already allows, then the one typed here.
    let configured = use_data().config.embed_origins.clone();
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
            _ => format!("{} {}", frame_ancestors(&[]), e.csp_placeholder()),
        }
    };
    let theme_error = move |err: ThemeError| match err {
        ThemeError::LowContrast => e.accent_low_contrast(),
        ThemeError::NotAColour => e.accent_invalid(),
        ThemeError::NotAFontFamily => e.font_invalid(),
    };
    let accent_error = move || accent_read.get().err().map(theme_error);
    let font_error = move || font_read.get().err().map(theme_error);
    let people_error = move || {
        matches!(people_read.get(), Some(Err(())))
            .then(|| crate::i18n::fill(t.people_invalid(), &[("max", &MAX_PEOPLE_PARAM.to_string())]))
    };
    let partner_error = move || matches!(partner_read.get(), Some(Err(()))).then_some(e.origin_invalid());

    view! {
        <h1 id="page-title">{e.page_title()}</h1>
        <p class="lead">{e.page_intro()}</p>
        <div class="embed-builder">
            <form class="embed-options" on:submit=|ev| ev.prevent_default() aria-labelledby="embed-options-title">
                <h2 id="embed-options-title">{e.options_title()}</h2>
                <div class="field">
                    <label for="embed-member">{e.member_label()}</label>
                    <select id="embed-member" on:change=move |ev| member.set(match event_target_value(&ev).as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    })>
                        <option value="">{e.unset()}</option>
                        <option value="yes">{t.yes()}</option>
                        <option value="no">{t.no()}</option>
                    </select>
                </div>
                <CountryPicker value=country id="embed-country" />
                <Field id="embed-people" label=e.people_label() hint=None error=Signal::derive(people_error)>
                    <input id="embed-people" type="number" inputmode="numeric" min="1" max=MAX_PEOPLE_PARAM.to_string()
                        class="input-short" on:change=move |ev| people.set(event_target_value(&ev)) />
                </Field>
                <div class="field">
                    <label for="embed-lang">{e.lang_label()}</label>
                    <select id="embed-lang" on:change=move |ev| lang.set(event_target_value(&ev))>
                        <option value="">{e.unset()}</option>
                        {Locale::ALL.iter().map(|l| view! { <option value=l.tag() lang=l.tag()>{l.name()}</option> }).collect_view()}
                    </select>
                </div>
                <Field id="embed-accent" label=e.accent_label() hint=Some(e.accent_hint())
                    error=Signal::derive(move || accent_error().map(str::to_owned))>
                    <input id="embed-accent" aria-describedby="embed-accent-hint" type="text" spellcheck="false" placeholder="#0b4f6c" class="input-short"
                        on:change=move |ev| accent.set(event_target_value(&ev)) />
                </Field>
                <Field id="embed-font" label=e.font_label() hint=Some(e.font_hint())
                    error=Signal::derive(move || font_error().map(str::to_owned))>
                    <input id="embed-font" aria-describedby="embed-font-hint" type="text" spellcheck="false" on:change=move |ev| font.set(event_target_value(&ev)) />
                </Field>
                <div class="field checkbox">
                    <input id="embed-compact" type="checkbox" aria-describedby="embed-compact-hint"
                        on:change=move |ev| compact.set(event_target_checked(&ev)) />
                    <label for="embed-compact">{e.compact_label()}</label>
                    <p class="hint" id="embed-compact-hint">{e.compact_hint()}</p>
                </div>
                <Field id="embed-origin" label=e.origin_label() hint=Some(e.origin_hint())
                    error=Signal::derive(move || partner_error().map(str::to_owned))>
                    <input id="embed-origin" aria-describedby="embed-origin-hint" type="url" spellcheck="false" placeholder=e.csp_placeholder()
                        on:change=move |ev| partner.set(event_target_value(&ev)) />
                </Field>
            </form>
            <section class="embed-output" aria-labelledby="embed-snippet-title">
                <h2 id="embed-snippet-title">{e.snippet_title()}</h2>
                <div class="field">
                    <label for="embed-snippet">{e.snippet_label()}</label>
                    <p class="hint" id="embed-snippet-hint">{e.snippet_hint()}</p>
                    <textarea id="embed-snippet" data-testid="embed-snippet" rows="9" readonly spellcheck="false"
                        aria-describedby="embed-snippet-hint" prop:value=move || snippet.get()></textarea>
                </div>
                <div class="share">
                    <button type="button" class="button" data-testid="embed-copy" on:click=move |_| {
                        let text = snippet.get_untracked();
                        leptos::task::spawn_local(async move { copied.set(Some(dom::copy_text(&text).await)); });
                    }>{e.copy()}</button>
                    <p role="status" class="copy-status">{move || copied.get().map(|ok| if ok { e.copied() } else { e.copy_failed() })}</p>
                </div>
            </section>
        </div>
        <section aria-labelledby="embed-preview-title">
            <h2 id="embed-preview-title">{e.preview_title()}</h2>
            <div class="embed-preview" data-testid="embed-preview" data-metropolis-estimator="" node_ref=preview></div>
        </section>
        <section aria-labelledby="embed-events-title">
            <h2 id="embed-events-title">{e.events_title()}</h2>
            <dl class="summary-list embed-events">
                <div><dt><code>"metropolis-estimator:ready"</code></dt><dd>{e.event_ready()}</dd></div>
                <div><dt><code>"metropolis-estimator:estimate"</code></dt><dd>{e.event_estimate()}</dd></div>
                <div><dt><code>"MetropolisEstimator.update(element, {people: 3})"</code></dt><dd>{e.api_update()}</dd></div>
                <div><dt><code>"MetropolisEstimator.quote(element)"</code></dt><dd>{e.api_quote()}</dd></div>
            </dl>
        </section>
        <section aria-labelledby="embed-csp-title">
            <h2 id="embed-csp-title">{e.csp_title()}</h2>
            <p>{e.csp_partner()}</p>
            <pre class="embed-code"><code data-testid="embed-csp-partner">{partner_line}</code></pre>
            <p>{e.csp_app()}</p>
            <pre class="embed-code"><code data-testid="embed-csp-app">{ancestors}</code></pre>
        </section>
    }
}

/// A labelled field with an optional hint and a reactive error message.
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
