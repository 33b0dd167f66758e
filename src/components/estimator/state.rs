//! The estimator's answers as signals, the quote and the edition's state they give, and the link
//! between the answers and the address (`/estimate?member=yes&…`, a public contract).

use crate::context::{use_data, use_hydrated, use_query, use_today};
use crate::domain::calendar::{self, EditionState};
use crate::domain::estimate::{EstimateParams, IgnoredParam};
use crate::domain::fees::{quote, Quote};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// The estimator's answers, one signal each, and what reading the address gave.
#[derive(Clone, Copy, Debug)]
pub struct EstimatorState {
    /// The organisation is a Metropolis member (`member`).
    pub member: RwSignal<bool>,
    /// Its dues are paid (`dues`; asked of members only).
    pub dues: RwSignal<bool>,
    /// The World Bank code of the country (`country`).
    pub country: RwSignal<Option<String>>,
    /// People from the organisation, the applicant included (`people`).
    pub people: RwSignal<u32>,
    /// The registration date (`date`); `None` is today.
    pub date: RwSignal<Option<NaiveDate>>,
    /// A reduced-fee place is asked for (`reduced`).
    pub reduced: RwSignal<bool>,
    /// The address's values that were not valid, for the visible note.
    pub ignored: RwSignal<Vec<IgnoredParam>>,
    /// Whether the address's answers have been applied (false while the page is prerendered or
    /// hydrated with the defaults).
    pub loaded: RwSignal<bool>,
    /// The query [`write_address`] wrote last: seeing it come back is not a change from outside.
    written: StoredValue<Option<String>>,
}

impl EstimatorState {
    /// The default answers: what the prerendered page shows.
    #[must_use]
    pub fn new() -> EstimatorState {
        let p = EstimateParams::from_pairs(std::iter::empty(), &use_data().countries).params;
        EstimatorState {
            member: RwSignal::new(p.member),
            dues: RwSignal::new(p.dues.unwrap_or(true)),
            country: RwSignal::new(p.country),
            people: RwSignal::new(p.people),
            date: RwSignal::new(p.date),
            reduced: RwSignal::new(p.reduced),
            ignored: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(false),
            written: StoredValue::new(None),
        }
    }

    /// The answers as the address's parameters (tracked).
    #[must_use]
    pub fn params(&self) -> EstimateParams {
        EstimateParams {
            member: self.member.get(),
            dues: Some(self.dues.get()),
            country: self.country.get(),
            people: self.people.get(),
            date: self.date.get(),
            reduced: self.reduced.get(),
        }
    }

    /// The answers as the address's parameters, without tracking them.
    #[must_use]
    pub fn params_untracked(&self) -> EstimateParams {
        untrack(|| self.params())
    }

    /// Takes the answers of `p`, touching only the signals that change.
    pub fn apply(&self, p: &EstimateParams) {
        put(self.member, p.member);
        put(self.dues, p.dues.unwrap_or(true));
        put(self.country, p.country.clone());
        put(self.people, p.people.max(1));
        put(self.date, p.date);
        put(self.reduced, p.reduced);
    }
}

impl Default for EstimatorState {
    fn default() -> Self {
        EstimatorState::new()
    }
}

fn put<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// The quote for the answers, from the fee engine (`domain::fees::quote`), on today's date unless
/// a date was given.
#[must_use]
pub fn use_quote(state: EstimatorState) -> Memo<Quote> {
    let data = use_data();
    let today = use_today();
    Memo::new(move |_| quote(&data.edition, &data.countries, &state.params().to_input(today.get())))
}

/// Where the edition stands today (`domain::calendar`).
#[must_use]
pub fn use_edition_state() -> Memo<EditionState> {
    let data = use_data();
    let today = use_today();
    Memo::new(move |_| calendar::state(&data.edition, today.get()))
}

/// Reads the answers from the address once the page is live, and again whenever the address
/// changes from outside (a link to `/estimate?…`), except for the queries [`write_address`] wrote.
/// Invalid values are listed in [`EstimatorState::ignored`], and stay listed after the address is
/// rewritten without them.
pub fn read_address(state: EstimatorState) {
    let data = use_data();
    let query = use_query();
    let hydrated = use_hydrated();
    Effect::new(move |_| {
        let q = query.get();
        if !hydrated.get() {
            return;
        }
        let text = q.to_query_string();
        if state.written.with_value(|w| w.as_deref() == Some(text.trim_start_matches('?'))) {
            return;
        }
        let parsed = EstimateParams::from_pairs((&q).into_iter().map(|(k, v)| (k.as_ref(), v)), &data.countries);
        state.apply(&parsed.params);
        state.ignored.set(parsed.ignored);
        state.loaded.set(true);
    });
}

/// Keeps the address of `page` (such as `/fr/estimate`) in step with the answers once they have
/// been read, through the router, replacing the history entry: a copied or bookmarked address
/// shows the same quote, and answering adds no history. An address without parameters keeps none
/// while the answers are the defaults.
pub fn write_address(state: EstimatorState, page: String) {
    let query = use_query();
    let navigate = use_navigate();
    let defaults = EstimateParams::from_pairs(std::iter::empty(), &use_data().countries).params.to_query();
    Effect::new(move |_| {
        let wanted = state.params().to_query();
        if !state.loaded.get() {
            return;
        }
        let current = query.with_untracked(ParamsMap::to_query_string);
        // A plain `/estimate` stays plain until an answer changes.
        if current.trim_start_matches('?') == wanted || (current.is_empty() && wanted == defaults) {
            return;
        }
        state.written.set_value(Some(wanted.clone()));
        let options = NavigateOptions { resolve: false, replace: true, scroll: false, ..NavigateOptions::default() };
        navigate(&format!("{page}?{wanted}"), options);
    });
}
