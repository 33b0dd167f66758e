//! The browser tests read the country list in its JSON form (the browser never parses CSV):
//! `tests/fixtures/countries.json` must be what the prerender makes of the shipped CSV.
//! `UPDATE_FIXTURES=1 cargo test --test countries_fixture` writes it again.
#![cfg(not(target_arch = "wasm32"))]

use metropolis_diploma::domain::countries::Countries;

#[test]
fn the_countries_fixture_is_the_shipped_csv() {
    let csv = include_str!("../public/data/wb-income-classification.csv");
    let json = serde_json::to_string(&Countries::from_csv(csv).expect("the shipped CSV reads")).expect("serialises");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/countries.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, format!("{json}\n")).expect("writes the fixture");
    }
    let fixture = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        fixture.trim_end(),
        json,
        "tests/fixtures/countries.json is stale: UPDATE_FIXTURES=1 cargo test --test countries_fixture"
    );
}
