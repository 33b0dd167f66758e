//! The estimator's URL parameters: a public contract shared with the embed.

mod common;

use chrono::NaiveDate;
use common::{countries, date};
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::estimate::{EstimateParams, IgnoredParam, ParsedParams, MAX_PEOPLE_PARAM};
use metropolis_diploma::domain::fees::QuoteInput;

/// Splits a query string (without `?`, not percent-decoded) into pairs and reads them.
fn read_with(query: &str, countries: &Countries) -> ParsedParams {
    let pairs: Vec<(&str, &str)> =
        query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    EstimateParams::from_pairs(pairs, countries)
}

fn read(query: &str) -> ParsedParams {
    read_with(query, &countries())
}

fn params(
    member: bool,
    dues: Option<bool>,
    country: Option<&str>,
    people: u32,
    day: Option<NaiveDate>,
    reduced: bool,
) -> EstimateParams {
    EstimateParams { member, dues, country: country.map(str::to_owned), people, date: day, reduced }
}

fn ignored(pairs: &[(&str, &str)]) -> Vec<IgnoredParam> {
    pairs.iter().map(|&(name, value)| IgnoredParam { name: name.into(), value: value.into() }).collect()
}

#[test]
fn reads_each_parameter() {
    #[rustfmt::skip]
    let rows: &[(&str, EstimateParams)] = &[
        ("", params(false, None, None, 1, None, false)),
        ("member=yes", params(true, None, None, 1, None, false)),
        ("member=no", params(false, None, None, 1, None, false)),
        ("member=YES", params(true, None, None, 1, None, false)),
        ("dues=no", params(false, Some(false), None, 1, None, false)),
        ("dues=yes", params(false, Some(true), None, 1, None, false)),
        ("country=KEN", params(false, None, Some("KEN"), 1, None, false)),
        ("country=ken", params(false, None, Some("KEN"), 1, None, false)),
        ("country= xkx ", params(false, None, Some("XKX"), 1, None, false)),
        ("people=3", params(false, None, None, 3, None, false)),
        ("people=50", params(false, None, None, 50, None, false)),
        ("date=2025-09-30", params(false, None, None, 1, Some(date(2025, 9, 30)), false)),
        ("reduced=yes", params(false, None, None, 1, None, true)),
        ("member=yes&dues=no&country=UGA&people=4&date=2025-10-01&reduced=yes",
            params(true, Some(false), Some("UGA"), 4, Some(date(2025, 10, 1)), true)),
        ("people=3&people=5", params(false, None, None, 5, None, false)),
    ];
    for (query, expected) in rows {
        let got = read(query);
        assert_eq!(&got.params, expected, "from_pairs({query:?})");
        assert_eq!(got.ignored, [], "from_pairs({query:?}): ignored");
    }
}

#[test]
fn invalid_values_are_ignored_in_order_and_defaults_kept() {
    /// (query, params read, pairs ignored)
    type Row = (&'static str, EstimateParams, &'static [(&'static str, &'static str)]);
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("people=abc", params(false, None, None, 1, None, false), &[("people", "abc")]),
        ("people=0", params(false, None, None, 1, None, false), &[("people", "0")]),
        ("people=51", params(false, None, None, 1, None, false), &[("people", "51")]),
        ("people=-1", params(false, None, None, 1, None, false), &[("people", "-1")]),
        ("people=2.5", params(false, None, None, 1, None, false), &[("people", "2.5")]),
        ("member=maybe", params(false, None, None, 1, None, false), &[("member", "maybe")]),
        ("dues=1", params(false, None, None, 1, None, false), &[("dues", "1")]),
        ("reduced=true", params(false, None, None, 1, None, false), &[("reduced", "true")]),
        ("country=XXX", params(false, None, None, 1, None, false), &[("country", "XXX")]),
        ("country=KE", params(false, None, None, 1, None, false), &[("country", "KE")]),
        ("country=", params(false, None, None, 1, None, false), &[("country", "")]),
        ("date=2025-13-01", params(false, None, None, 1, None, false), &[("date", "2025-13-01")]),
        ("date=2025-02-29", params(false, None, None, 1, None, false), &[("date", "2025-02-29")]),
        ("date=30/09/2025", params(false, None, None, 1, None, false), &[("date", "30/09/2025")]),
        ("people=abc&member=maybe&country=XXX&date=2025-13-01&people=51",
            params(false, None, None, 1, None, false),
            &[("people", "abc"), ("member", "maybe"), ("country", "XXX"), ("date", "2025-13-01"), ("people", "51")]),
        ("member=yes&people=4&people=0&country=KEN&country=XXX",
            params(true, None, Some("KEN"), 4, None, false),
            &[("people", "0"), ("country", "XXX")]),
        ("lang=es&accent=%23ff0000&embed=1&member=yes", params(true, None, None, 1, None, false), &[]),
        ("Member=yes", params(false, None, None, 1, None, false), &[]),
    ];
    for (query, expected, expected_ignored) in rows {
        let got = read(query);
        assert_eq!(&got.params, expected, "from_pairs({query:?}): params");
        assert_eq!(got.ignored, ignored(expected_ignored), "from_pairs({query:?}): ignored");
    }
}

#[test]
fn to_query_examples() {
    #[rustfmt::skip]
    let rows: &[(EstimateParams, &str)] = &[
        (params(false, None, None, 1, None, false), "member=no&people=1"),
        (params(true, None, None, 1, None, false), "member=yes&dues=yes&people=1"),
        (params(true, Some(false), Some("KEN"), 2, Some(date(2025, 9, 1)), true),
            "member=yes&dues=no&country=KEN&people=2&date=2025-09-01&reduced=yes"),
        (params(false, Some(false), Some("ESP"), 3, None, false), "member=no&country=ESP&people=3"),
    ];
    for (p, expected) in rows {
        assert_eq!(p.to_query(), *expected, "{p:?}.to_query()");
    }
}

/// Every combination the estimator can produce: members carry an explicit `dues`, non-members none.
#[test]
fn to_query_round_trips() {
    let c = countries();
    let mut checked = 0;
    for member in [false, true] {
        let dues_options: &[Option<bool>] = if member { &[Some(true), Some(false)] } else { &[None] };
        for &dues in dues_options {
            for country in [None, Some("KEN"), Some("UGA"), Some("USA"), Some("VEN"), Some("XKX"), Some("CHI")] {
                for people in [1, 2, 7, MAX_PEOPLE_PARAM] {
                    for day in [None, Some(date(2025, 1, 1)), Some(date(2025, 9, 30)), Some(date(2025, 12, 31))] {
                        for reduced in [false, true] {
                            let p = params(member, dues, country, people, day, reduced);
                            let query = p.to_query();
                            let back = read_with(&query, &c);
                            assert_eq!(back.params, p, "from_pairs(to_query({p:?})) via {query:?}");
                            assert!(back.ignored.is_empty(), "{query:?} ignored {:?}", back.ignored);
                            // Whatever the form, the fee engine sees the same input.
                            let today = date(2025, 6, 1);
                            assert_eq!(
                                back.params.to_input(today),
                                p.to_input(today),
                                "to_input after round trip of {query:?}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 3 * 7 * 4 * 4 * 2, "combinations checked");
}

/// Forms that are not canonical still give the fee engine the same input after a round trip.
#[test]
fn non_canonical_params_keep_their_meaning() {
    let today = date(2025, 6, 1);
    for p in [
        params(true, None, Some("KEN"), 2, None, true),
        params(false, Some(true), None, 1, None, false),
        params(false, Some(false), None, 3, None, false),
    ] {
        let back = read(&p.to_query());
        assert_eq!(
            back.params.to_input(today),
            p.to_input(today),
            "to_input of {p:?} after to_query {:?}",
            p.to_query()
        );
    }
}

#[test]
fn to_input() {
    let today = date(2025, 6, 1);
    // (params, member, dues_paid, country, people, registration date, reduced)
    #[rustfmt::skip]
    let rows: &[(EstimateParams, QuoteInput)] = &[
        (params(true, None, None, 1, None, false), qi(true, true, None, 1, today, false)),
        (params(true, Some(true), None, 1, None, false), qi(true, true, None, 1, today, false)),
        (params(true, Some(false), None, 1, None, false), qi(true, false, None, 1, today, false)),
        (params(false, None, None, 1, None, false), qi(false, false, None, 1, today, false)),
        (params(false, Some(true), None, 1, None, false), qi(false, false, None, 1, today, false)),
        (params(false, None, Some("KEN"), 3, Some(date(2025, 9, 30)), true), qi(false, false, Some("KEN"), 3, date(2025, 9, 30), true)),
        (params(false, None, None, 0, None, false), qi(false, false, None, 1, today, false)),
    ];
    for (p, expected) in rows {
        assert_eq!(&p.to_input(today), expected, "{p:?}.to_input({today})");
    }
}

fn qi(member: bool, dues_paid: bool, country: Option<&str>, people: u32, day: NaiveDate, reduced: bool) -> QuoteInput {
    QuoteInput {
        member,
        dues_paid,
        country: country.map(str::to_owned),
        people,
        registration_date: day,
        reduced_requested: reduced,
    }
}
