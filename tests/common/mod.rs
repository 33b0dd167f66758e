//! Shared fixtures for the native domain tests: the real edition and country files, and small
//! constructors that keep the tables short.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use metropolis_diploma::domain::application::{
    finalize, AboutYou, Authority, CareerStage, Declarations, Draft, EnglishLevel, Membership, Motivation,
    Organisation, Registration,
};
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::domain::money::{Money, Percent};
use metropolis_diploma::domain::submission::Submission;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The default edition file, as deployed.
pub const EDITION_JSON: &str = include_str!("../../public/edition.json");
/// The World Bank country file, as deployed.
pub const COUNTRIES_CSV: &str = include_str!("../../public/data/wb-income-classification.csv");

/// The parsed default edition (the brochure's 3rd edition).
pub fn edition() -> Edition {
    Edition::from_json(EDITION_JSON).unwrap_or_else(|e| panic!("public/edition.json does not load: {e:?}"))
}

/// The parsed country file.
pub fn countries() -> Countries {
    Countries::from_csv(COUNTRIES_CSV).unwrap_or_else(|e| panic!("the country CSV does not load: {e:?}"))
}

/// A calendar date; panics on an impossible one.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is not a date"))
}

/// An amount in the canonical machine form (`"660.00"`).
pub fn money(s: &str) -> Money {
    s.parse().unwrap_or_else(|e| panic!("{s:?} is not a canonical amount: {e:?}"))
}

/// A decimal from its text.
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s:?} is not a decimal: {e}"))
}

/// A percentage from its text (`"8"`, `"12.5"`).
pub fn percent(s: &str) -> Percent {
    Percent::new(dec(s)).unwrap_or_else(|| panic!("{s:?} is not a percentage between 0 and 100"))
}

/// A complete application that passes every step: a member from Spain, dues paid, registering alone,
/// optional invoice fields left empty.
pub fn valid_draft() -> Draft {
    Draft {
        key: "3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31".into(),
        about: AboutYou {
            first_name: "Ana María".into(),
            surname: "López".into(),
            email: "ana@example.org".into(),
            phone: "+34 93 123 45 67".into(),
            job_title: "International relations officer".into(),
            department: "International Relations".into(),
            years_experience: "7".into(),
            career_stage: Some(CareerStage::MidCareer),
        },
        organisation: Organisation {
            name: "Barcelona City Council".into(),
            authority: Some(Authority::Local),
            city: "Barcelona".into(),
            country: Some("ESP".into()),
            member: Some(Membership::Yes),
            dues_paid: Some(true),
            ia_department: Some(true),
        },
        motivation: Motivation {
            why: "To professionalise our city's international action.".into(),
            experience: "Twinning with three cities and a network of local partners.".into(),
            project: "An international strategy for the metropolitan area.".into(),
            english: Some(EnglishLevel::Working),
        },
        registration: Registration {
            with_colleagues: Some(false),
            colleagues: Vec::new(),
            reduced_requested: false,
            billing_organisation: "Ajuntament de Barcelona".into(),
            billing_address: "Plaça de Sant Jaume 1, 08002 Barcelona".into(),
            tax_id: String::new(),
            po_reference: String::new(),
            invoice_email: "invoices@example.org".into(),
        },
        declarations: Declarations { conditions: true, data_consent: true, truthful: true },
    }
}

/// The day [`submission_of`] sends on, 2025-09-01: the receiver's "today" in tests that accept it.
pub fn submission_day() -> NaiveDate {
    date(2025, 9, 1)
}

/// A submission of `draft` on 2025-09-01 at 10:00 UTC, with the quote the app computes for it.
pub fn submission_of(draft: Draft) -> Submission {
    let day = submission_day();
    let application = finalize(&draft, &edition(), &countries(), day).expect("the draft is valid");
    Submission {
        schema_version: 1,
        idempotency_key: draft.key.clone(),
        submitted_at: "2025-09-01T10:00:00.000Z".into(),
        locale: "en".into(),
        edition: edition().id,
        registration_date: day,
        answers: draft,
        quote: application.quote,
    }
}
