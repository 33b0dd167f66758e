//! Properties of the fee engine, refunds and `Money` over arbitrary inputs and editions.

mod common;

use chrono::{Days, NaiveDate};
use common::{countries, date, edition};
use metropolis_diploma::domain::countries::{Countries, IncomeClass};
use metropolis_diploma::domain::edition::{Discount, EarlyBird, Edition, Eligibility};
use metropolis_diploma::domain::fees::{quote, Line, Quote, QuoteInput};
use metropolis_diploma::domain::money::{Money, Percent};
use metropolis_diploma::domain::refund::assess;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::OnceLock;

fn shared_countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(countries)
}

/// Any code of the country file, now and then one it lacks, or none.
fn any_country() -> impl Strategy<Value = Option<String>> {
    let codes: Vec<String> = shared_countries().list.iter().map(|c| c.iso3.clone()).collect();
    prop_oneof![
        6 => prop::sample::select(codes).prop_map(Some),
        1 => Just(Some("XXX".to_owned())),
        1 => Just(None),
    ]
}

/// A day of 2025.
fn day_2025() -> impl Strategy<Value = NaiveDate> {
    (0u64..365).prop_map(|d| date(2025, 1, 1).checked_add_days(Days::new(d)).expect("in range"))
}

/// A percentage from 0 to 100 with up to two decimals.
fn any_percent() -> impl Strategy<Value = Percent> {
    prop_oneof![
        (0i64..=100).prop_map(|n| Percent::new(Decimal::from(n)).expect("0..=100")),
        (0i64..=10_000).prop_map(|n| Percent::new(Decimal::new(n, 2)).expect("0..=100")),
    ]
}

/// An amount from `min` to `max` cents.
fn cents(min: i64, max: i64) -> impl Strategy<Value = Money> {
    (min..=max).prop_map(|c| Money::from_decimal(Decimal::new(c, 2)))
}

fn input() -> impl Strategy<Value = QuoteInput> {
    (any::<bool>(), any::<bool>(), any_country(), 0u32..=60, day_2025(), any::<bool>()).prop_map(
        |(member, dues_paid, country, people, registration_date, reduced_requested)| QuoteInput {
            member,
            dues_paid,
            country,
            people,
            registration_date,
            reduced_requested,
        },
    )
}

/// The default edition with arbitrary fees, percentages, early bird, order and eligibility.
fn any_edition() -> impl Strategy<Value = Edition> {
    let percents = (any_percent(), any_percent(), any_percent(), any_percent());
    // 2025-01-01 + 320 days is the first day of the course: the last early-bird day is before it.
    let early = prop::option::of((any_percent(), 0u64..320));
    let order = Just(Discount::ALL.to_vec()).prop_shuffle();
    let eligible =
        prop::sample::select(vec![Eligibility::Members, Eligibility::MembersDuesPaid, Eligibility::Everyone]);
    let year = prop::sample::select(vec!["FY2025", "FY2026"]);
    let group = (2u32..=5).prop_flat_map(|min| (Just(min), min..=50));
    (cents(1, 10_000_000), percents, early, order, eligible, year, group).prop_map(
        |(list_fee, (member, group_pct, low, middle), early, order, eligible, year, (min_size, max_size))| {
            let mut e = edition();
            e.fees.list_fee = list_fee;
            e.fees.member_discount.percent = member;
            e.fees.group_discount.percent = group_pct;
            e.fees.group_discount.min_size = min_size;
            e.fees.group_discount.max_size = max_size;
            e.fees.income_places.low_income_percent = low;
            e.fees.income_places.middle_income_percent = middle;
            e.fees.income_places.eligible = eligible;
            e.fees.income_places.classification_year = year.to_owned();
            e.fees.discount_order = order;
            e.fees.early_bird = early.map(|(percent, days)| EarlyBird {
                percent,
                last_date: date(2025, 1, 1).checked_add_days(Days::new(days)).expect("in range"),
            });
            e
        },
    )
}

/// Lines start from the list fee, each `after` is the previous one minus the amount, never rising.
fn check_lines(list_fee: Money, lines: &[Line], per_person: Money, what: &str) -> Result<(), TestCaseError> {
    let mut before = list_fee;
    let mut taken = Money::ZERO;
    for l in lines {
        prop_assert!(l.amount >= Money::ZERO, "{what}: negative amount in {l:?}");
        prop_assert!(l.after <= before, "{what}: {l:?} raises the fee from {before}");
        prop_assert_eq!(before.saturating_sub(l.amount), l.after, "{}: {:?} does not chain from {}", what, l, before);
        // Its percentage of the fee before it, computed apart (exact decimals, then one rounding half
        // away from zero) rather than with `Money::percent`, the code under test.
        let exact = before.amount() * l.percent.value() / Decimal::ONE_HUNDRED;
        let rounded = Money::from_decimal(exact);
        prop_assert_eq!(l.amount, rounded, "{}: {:?} is not {} % of {} ({})", what, l, l.percent, before, exact);
        taken = taken + l.amount;
        before = l.after;
    }
    prop_assert_eq!(before, per_person, "{}: last after vs per_person", what);
    prop_assert_eq!(list_fee.saturating_sub(taken), per_person, "{}: list fee − Σ amounts", what);
    prop_assert_eq!(list_fee.amount() - taken.amount(), per_person.amount(), "{}: exact list fee − Σ amounts", what);
    let mut seen = Vec::new();
    for l in lines {
        prop_assert!(!seen.contains(&l.rule), "{what}: rule {:?} twice", l.rule);
        seen.push(l.rule);
    }
    Ok(())
}

fn check_quote(e: &Edition, input: &QuoteInput, q: &Quote) -> Result<(), TestCaseError> {
    let what = format!("{input:?} with list fee {}, order {:?}", e.fees.list_fee, e.fees.discount_order);
    let fees = &e.fees;
    prop_assert!(q.per_person >= Money::ZERO && q.per_person <= fees.list_fee, "{what}: per_person {}", q.per_person);
    let people = input.people.clamp(1, fees.group_discount.max_size);
    prop_assert_eq!(q.people, people, "{}: people", what);
    prop_assert_eq!(q.total, q.per_person.times(people), "{}: total", what);
    prop_assert_eq!(q.total.amount(), q.per_person.amount() * Decimal::from(people), "{}: exact total", what);
    prop_assert_eq!(q.list_fee, fees.list_fee, "{}: list_fee", what);
    check_lines(fees.list_fee, &q.lines, q.per_person, &what)?;
    // The standard lines follow the edition's order and never include the income place.
    let order: Vec<Discount> =
        fees.discount_order.iter().copied().filter(|d| q.lines.iter().any(|l| l.rule == *d)).collect();
    prop_assert_eq!(q.lines.iter().map(|l| l.rule).collect::<Vec<_>>(), order, "{}: line order", what);
    prop_assert!(q.lines.iter().all(|l| l.rule != Discount::IncomePlace), "{what}: income place in the standard lines");
    let member_line = q.lines.iter().any(|l| l.rule == Discount::Membership);
    prop_assert_eq!(member_line, input.member && input.dues_paid, "{}: membership line", what);
    let group_line = q.lines.iter().any(|l| l.rule == Discount::Group);
    prop_assert_eq!(group_line, people >= fees.group_discount.min_size, "{}: group line", what);

    let codes: Vec<&str> = q.notes.iter().map(|n| n.code()).collect();
    prop_assert_eq!(
        codes.iter().filter(|c| c.starts_with("group-")).count(),
        1,
        "{}: one group note in {:?}",
        what,
        codes
    );
    prop_assert_eq!(
        codes.iter().filter(|c| c.starts_with("early-bird-")).count(),
        1,
        "{}: one early-bird note in {:?}",
        what,
        codes
    );

    let class =
        input.country.as_deref().and_then(|c| shared_countries().class_of(c, &fees.income_places.classification_year));
    match &q.reduced {
        Some(r) => {
            prop_assert!(input.reduced_requested, "{what}: reduced scenario without asking");
            prop_assert!(
                matches!(class, Some(c) if c != IncomeClass::High),
                "{what}: reduced scenario for class {class:?}"
            );
            prop_assert_eq!(Some(r.class), class, "{}: reduced class", what);
            prop_assert!(
                r.per_person <= q.per_person,
                "{what}: reduced {} above standard {}",
                r.per_person,
                q.per_person
            );
            check_lines(fees.list_fee, &r.lines, r.per_person, &format!("{what} (reduced)"))?;
            prop_assert_eq!(
                r.lines.iter().filter(|l| l.rule == Discount::IncomePlace).count(),
                1,
                "{}: one income line",
                what
            );
        }
        None => {
            // Every refusal is explained by a note.
            if input.reduced_requested {
                let reasons = [
                    "reduced-not-member",
                    "reduced-dues-unpaid",
                    "reduced-high-income",
                    "reduced-no-country",
                    "country-unclassified",
                ];
                prop_assert!(
                    codes.iter().any(|c| reasons.contains(c)),
                    "{what}: asked, no scenario and no reason: {codes:?}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn quote_with_default_edition(input in input()) {
        let e = edition();
        let q = quote(&e, shared_countries(), &input);
        check_quote(&e, &input, &q)?;
    }

    #[test]
    fn quote_with_any_edition(e in any_edition(), input in input()) {
        prop_assert_eq!(e.validate(), Ok(()), "generated edition is valid");
        let q = quote(&e, shared_countries(), &input);
        check_quote(&e, &input, &q)?;
    }

    #[test]
    fn refund_splits_what_was_paid(
        paid in cents(0, 100_000_000_000), day in day_2025(), percent in any_percent(), days_before in 1u32..90,
    ) {
        let mut e = edition();
        e.refund.percent = percent;
        e.refund.days_before_start = days_before;
        let a = assess(&e, paid, day);
        // "Before N calendar days prior to the start": the Nth day before the start is already too late.
        let too_late = e.course.start_date.checked_sub_days(Days::new(u64::from(days_before))).expect("in range");
        let expected_refunded = day < too_late;
        prop_assert_eq!(a.refunded, expected_refunded, "refunded on {} with {} days (too late from {})", day, days_before, too_late);
        prop_assert_eq!(a.last_refund_day, too_late.pred_opt().expect("in range"), "last refund day");
        let expected_refund = if expected_refunded {
            Money::from_decimal(paid.amount() * percent.value() / Decimal::ONE_HUNDRED)
        } else {
            Money::ZERO
        };
        prop_assert_eq!(a.refund, expected_refund, "{} % of {} on {}", percent, paid, day);
        prop_assert_eq!(a.refund + a.kept, paid, "refund + kept for {} on {}", paid, day);
        let payout = u64::from(e.refund.payout_days);
        prop_assert_eq!(a.due_by, expected_refunded.then(|| day.checked_add_days(Days::new(payout)).expect("in range")), "due_by on {}", day);
    }

    #[test]
    fn money_text_round_trips(m in cents(0, 100_000_000_000)) {
        let plain = m.to_plain();
        prop_assert_eq!(Money::parse_user(&plain), Ok(m), "parse_user({:?})", plain);
        prop_assert_eq!(plain.parse::<Money>(), Ok(m), "{:?}.parse()", plain);
        let text = serde_json::to_string(&m).expect("serialises");
        prop_assert_eq!(&text, &format!("\"{plain}\""), "JSON of {}", plain);
        prop_assert_eq!(serde_json::from_str::<Money>(&text).ok(), Some(m), "JSON {}", text);
        // The same amount as a Spanish or French reader would type it: `1 234 567,89` / `1.234.567,89`.
        let (int, frac) = plain.split_once('.').expect("two places");
        let grouped: Vec<String> = int.as_bytes().rchunks(3).rev().map(|g| String::from_utf8(g.to_vec()).expect("digits")).collect();
        for (sep, dec) in [("\u{a0}", ","), (".", ","), (",", "."), ("\u{202f}", ",")] {
            let typed = format!("{}{dec}{frac}", grouped.join(sep));
            prop_assert_eq!(Money::parse_user(&typed), Ok(m), "parse_user({:?})", typed);
        }
    }
}
