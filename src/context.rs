//! The contexts every page reads, and their accessors: the site's data, the texts of each
//! catalogue section, today's date, whether the page has been taken over by the browser, and the
//! formatting helper.
//!
//! A page is first rendered natively (the prerender) for one set of inputs: its route, its
//! language, the data it was built with, the day it was built for, no query and no draft. The
//! browser hydrates that HTML with exactly the same inputs, then applies the real ones reactively:
//! [`use_today`] switches to the real Barcelona date and [`use_query`] to the address's query once
//! [`use_hydrated`] turns true; stored drafts are read in Effects. So hydration never meets a
//! mismatch, and the real inputs show up as ordinary reactive updates.

use crate::domain::config::Config;
use crate::domain::countries::Countries;
use crate::domain::edition::Edition;
use crate::domain::money::{Money, Percent};
use crate::i18n::{Locale, Plural};
use crate::intl;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use serde::{Deserialize, Serialize};

/// What a page was rendered for, as it travels inside the page: the prerender writes it, the
/// browser reads it before hydrating, so both render the same thing without fetching anything.
///
/// A page carries its inputs in `<script type="application/json">` blocks, one per document (ids in
/// [`BLOCKS`]): this one, the edition, the configuration, the country list and the texts. Each is
/// read by the same reader as its file (`Edition::from_json`…), so the browser has one reader per
/// document and checks the page's data as it checks the deployed files.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageInfo {
    /// The route the page was rendered for, after the base path and the language (`/estimate`).
    pub route: String,
    /// The page's language.
    pub lang: Locale,
    /// The Barcelona date the page was rendered for.
    #[serde(with = "crate::domain::dates::iso_date")]
    pub built_for: NaiveDate,
}

/// The ids of a page's data blocks: [`PageInfo`], `edition.json`, `config.json`, the country list
/// (JSON form) and the catalogue sections the entry uses.
pub const BLOCKS: [&str; 5] = ["md-page", "md-edition", "md-config", "md-countries", "md-texts"];

/// The country list (JSON form) next to the pages, which the application fetches instead of
/// carrying it in every page (see [`BLOCKS`]: the frame carries it).
pub const COUNTRIES_JSON: &str = "data/countries.json";

/// The data every page reads, fixed for the life of the page (new data means a new render).
#[derive(Debug)]
pub struct SiteData {
    /// The edition.
    pub edition: Edition,
    /// The deployment.
    pub config: Config,
    /// The country list.
    pub countries: Countries,
    /// The page's language.
    pub locale: Locale,
    /// The Barcelona date the page was rendered for.
    pub built_for: NaiveDate,
}

impl SiteData {
    /// The router's base: the deployment's base path and the language's prefix, without a
    /// trailing slash (`""`, `/fr`, `/diploma`, `/diploma/es`).
    #[must_use]
    pub fn router_base(&self) -> String {
        format!("{}{}", self.config.base_path().trim_end_matches('/'), self.locale.prefix())
    }

    /// An address of this site in this language, from a route (`/estimate` → `/diploma/fr/estimate`).
    #[must_use]
    pub fn href(&self, route: &str) -> String {
        let base = self.router_base();
        if route == "/" && !base.is_empty() {
            format!("{base}/")
        } else {
            format!("{base}{route}")
        }
    }

    /// The same route in another language, for the switcher (a full page load: the other
    /// language's page is its own prerendered file).
    #[must_use]
    pub fn href_in(&self, locale: Locale, route: &str) -> String {
        let base = format!("{}{}", self.config.base_path().trim_end_matches('/'), locale.prefix());
        if route == "/" {
            format!("{base}/")
        } else {
            format!("{base}{route}")
        }
    }
}

/// The site's data. Panics outside the app, which provides it first: a programming error, not an input.
#[must_use]
pub fn use_data() -> &'static SiteData {
    expect_context::<&'static SiteData>()
}

/// The texts of one catalogue section (`use_texts::<CommonTexts>()`), provided by the entry.
#[must_use]
pub fn use_texts<T: Send + Sync + 'static>() -> &'static T {
    expect_context::<&'static T>()
}

/// Today's date in Barcelona: the day the page was rendered for until the browser takes the page
/// over, then the real date, kept current across midnight.
#[derive(Clone, Copy, Debug)]
pub struct Today(pub RwSignal<NaiveDate>);

/// Whether the browser has taken the page over (false while hydrating and in the prerender).
#[derive(Clone, Copy, Debug)]
pub struct Hydrated(pub RwSignal<bool>);

/// Today in Barcelona, reactive.
#[must_use]
pub fn use_today() -> Signal<NaiveDate> {
    expect_context::<Today>().0.into()
}

/// Whether the page is live in the browser (after hydration).
#[must_use]
pub fn use_hydrated() -> Signal<bool> {
    expect_context::<Hydrated>().0.into()
}

/// The address's query parameters as pages read them, provided by the entry: the router's in the
/// application, the frame's own address in the partner frame (which has no router).
#[derive(Clone, Copy, Debug)]
pub struct Query(pub Memo<ParamsMap>);

/// The address's query parameters once the page is live; none before (the prerender rendered the
/// page without them, and hydration must see what it saw).
#[must_use]
pub fn use_query() -> Memo<ParamsMap> {
    expect_context::<Query>().0
}

/// Provides [`use_query`] from the router's query (call inside `<Router>`).
pub fn provide_router_query() {
    let hydrated = use_hydrated();
    let query = use_query_map();
    provide_context(Query(Memo::new(move |_| if hydrated.get() { query.get() } else { ParamsMap::new() })));
}

/// Provides [`use_query`] from a signal the entry sets once the page is live (the partner frame).
pub fn provide_query(query: RwSignal<ParamsMap>) {
    let hydrated = use_hydrated();
    provide_context(Query(Memo::new(move |_| if hydrated.get() { query.get() } else { ParamsMap::new() })));
}

/// Provides the data, today and the hydration flag; the entry provides its texts beside them.
pub fn provide_site(data: &'static SiteData) {
    provide_context(data);
    let today = RwSignal::new(data.built_for);
    let hydrated = RwSignal::new(false);
    provide_context(Today(today));
    provide_context(Hydrated(hydrated));
    // Effects run only in the browser, after the first render or hydration.
    Effect::new(move |_| {
        hydrated.set(true);
        crate::shell::clock::keep_today(today);
    });
}

/// Formatting in the page's language and the edition's currency, through `Intl`.
#[derive(Clone, Copy, Debug)]
pub struct Fmt {
    /// The language.
    pub locale: Locale,
    currency: &'static str,
}

/// The formatting helper for this page.
#[must_use]
pub fn use_fmt() -> Fmt {
    let data = use_data();
    Fmt { locale: data.locale, currency: data.edition.currency.as_str() }
}

impl Fmt {
    /// An amount in the edition's currency: `€660.00`, `660,00 €`.
    #[must_use]
    pub fn money(self, amount: Money) -> String {
        intl::money(self.locale, self.currency, amount)
    }

    /// A percentage: `50%`, `50 %`.
    #[must_use]
    pub fn percent(self, p: Percent) -> String {
        intl::percent(self.locale, p)
    }

    /// A whole number with grouping.
    #[must_use]
    pub fn number(self, n: i64) -> String {
        intl::number(self.locale, n)
    }

    /// A date: `17 November 2025`.
    #[must_use]
    pub fn date(self, day: NaiveDate) -> String {
        intl::date(self.locale, day)
    }

    /// A date range: `17–21 November 2025`.
    #[must_use]
    pub fn range(self, first: NaiveDate, last: NaiveDate) -> String {
        intl::date_range(self.locale, first, last)
    }

    /// The form of `text` for the count `n`, with `{n}` (and any `extra` placeholders) filled:
    /// `1 day`, `5 days`, `1 jour`, `5 jours`.
    #[must_use]
    pub fn count(self, text: &Plural, n: i64, extra: &[(&str, &str)]) -> String {
        let mut values = vec![("n", self.number(n))];
        values.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        text.select(intl::plural(self.locale, n)).fill(&pairs)
    }

    /// The ordinal form of `text` for `n` (`3rd edition`, `3e édition`), `{n}` filled.
    #[must_use]
    pub fn ordinal(self, text: &Plural, n: i64) -> String {
        text.select(intl::ordinal(self.locale, n)).fill(&[("n", &n.to_string())])
    }

    /// A country's name in the language, or the World Bank's when `Intl` has none.
    #[must_use]
    pub fn country(self, country: &crate::domain::countries::Country) -> String {
        country.iso2.and_then(|c| intl::region(self.locale, c)).unwrap_or_else(|| country.name.clone())
    }
}
