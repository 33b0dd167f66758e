//! The fee engine against the brochure's "Registration fees" section and the default edition.

mod common;

use chrono::NaiveDate;
use common::{countries, date, edition, money, percent};
use metropolis_diploma::domain::countries::{Countries, IncomeClass};
use metropolis_diploma::domain::edition::{Discount, EarlyBird, Edition, Eligibility};
use metropolis_diploma::domain::fees::{quote, Line, Note, Quote, QuoteInput, ReducedTier};

/// A registration day well before the course and outside any early bird used below.
const DAY: (i32, u32, u32) = (2025, 9, 1);

fn input(member: bool, dues: bool, country: Option<&str>, people: u32, reduced: bool, day: NaiveDate) -> QuoteInput {
    QuoteInput {
        member,
        dues_paid: dues,
        country: country.map(str::to_owned),
        people,
        registration_date: day,
        reduced_requested: reduced,
    }
}

/// Prices a registration with the default edition on [`DAY`].
fn case(member: bool, dues: bool, country: Option<&str>, people: u32, reduced: bool) -> Quote {
    let (y, m, d) = DAY;
    quote(&edition(), &countries(), &input(member, dues, country, people, reduced, date(y, m, d)))
}

/// Prices a registration with a given edition.
fn case_with(edition: &Edition, countries: &Countries, input: &QuoteInput) -> Quote {
    quote(edition, countries, input)
}

fn codes(q: &Quote) -> Vec<&'static str> {
    q.notes.iter().map(Note::code).collect()
}

fn line(rule: Discount, pct: &str, amount: &str, after: &str) -> Line {
    Line { rule, percent: percent(pct), amount: money(amount), after: money(after) }
}

/// `(description, member, dues paid, country, people, reduced asked,
///   per person, total, reduced per person and tier, note codes)`
type Row = (
    &'static str,
    bool,
    bool,
    Option<&'static str>,
    u32,
    bool,
    &'static str,
    &'static str,
    Option<(&'static str, ReducedTier)>,
    &'static [&'static str],
);

#[test]
fn brochure_cases() {
    use ReducedTier::{LowIncome, MiddleIncome};
    const GA: &str = "group-available";
    const GP: &str = "group-applied";
    const EB: &str = "early-bird-may-apply";
    const LIMITED: &str = "reduced-places-limited";
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("non-member Spain, 1 person", false, false, Some("ESP"), 1, false, "660.00", "660.00", None, &[GA, EB]),
        ("member, dues paid, 1 person", true, true, Some("ESP"), 1, false, "330.00", "330.00", None, &[GA, EB]),
        ("member, dues unpaid: non-member rate", true, false, Some("ESP"), 1, false, "660.00", "660.00", None, &["member-rate-dues-unpaid", GA, EB]),
        ("non-member, 3 people: 8 % group", false, false, Some("ESP"), 3, false, "607.20", "1821.60", None, &[GP, EB]),
        ("member, 2 people: 50 % then 8 %", true, true, Some("ESP"), 2, false, "303.60", "607.20", None, &[GP, EB]),
        ("member Uganda (L) asks: fee waived", true, true, Some("UGA"), 1, true, "330.00", "330.00", Some(("0.00", LowIncome)), &[GA, EB, LIMITED]),
        ("member Kenya (LM) asks: 50 % of member rate", true, true, Some("KEN"), 1, true, "330.00", "330.00", Some(("165.00", MiddleIncome)), &[GA, EB, LIMITED]),
        ("member China (UM) asks: middle income", true, true, Some("CHN"), 1, true, "330.00", "330.00", Some(("165.00", MiddleIncome)), &[GA, EB, LIMITED]),
        ("member Ethiopia (L in FY2025) asks", true, true, Some("ETH"), 1, true, "330.00", "330.00", Some(("0.00", LowIncome)), &[GA, EB, LIMITED]),
        ("member Kenya, 2 people, asks: membership, income, group", true, true, Some("KEN"), 2, true, "303.60", "607.20", Some(("151.80", MiddleIncome)), &[GP, EB, LIMITED]),
        ("member Kenya, dues unpaid, asks (edition: members)", true, false, Some("KEN"), 1, true, "660.00", "660.00", Some(("330.00", MiddleIncome)), &["member-rate-dues-unpaid", GA, EB, LIMITED]),
        ("non-member Kenya asks: refused", false, false, Some("KEN"), 1, true, "660.00", "660.00", None, &[GA, EB, "reduced-not-member"]),
        ("member USA asks: high income", true, true, Some("USA"), 1, true, "330.00", "330.00", None, &[GA, EB, "reduced-high-income"]),
        ("member without country asks", true, true, None, 1, true, "330.00", "330.00", None, &[GA, EB, "reduced-no-country"]),
        ("non-member without country asks", false, false, None, 1, true, "660.00", "660.00", None, &[GA, EB, "reduced-no-country"]),
        ("member Venezuela asks: unclassified", true, true, Some("VEN"), 1, true, "330.00", "330.00", None, &[GA, EB, "country-unclassified"]),
        ("non-member Venezuela, not asking", false, false, Some("VEN"), 1, false, "660.00", "660.00", None, &[GA, EB, "country-unclassified"]),
        ("member with a code the file lacks asks", true, true, Some("XXX"), 1, true, "330.00", "330.00", None, &[GA, EB, "country-unclassified"]),
        ("member Kenya, not asking: told it may", true, true, Some("KEN"), 1, false, "330.00", "330.00", None, &[GA, EB, "reduced-available"]),
        ("non-member Kenya, not asking: nothing to offer", false, false, Some("KEN"), 1, false, "660.00", "660.00", None, &[GA, EB]),
        ("member USA, not asking", true, true, Some("USA"), 1, false, "330.00", "330.00", None, &[GA, EB]),
    ];
    for &(what, member, dues, country, people, reduced, per_person, total, expected_reduced, notes) in rows {
        let q = case(member, dues, country, people, reduced);
        let args = format!(
            "{what}: case(member={member}, dues={dues}, country={country:?}, people={people}, reduced={reduced})"
        );
        assert_eq!(q.per_person.to_plain(), per_person, "{args}: per_person");
        assert_eq!(q.total.to_plain(), total, "{args}: total");
        assert_eq!(q.people, people, "{args}: people");
        assert_eq!(q.list_fee.to_plain(), "660.00", "{args}: list_fee");
        let got_reduced = q.reduced.as_ref().map(|r| (r.per_person.to_plain(), r.tier));
        assert_eq!(got_reduced, expected_reduced.map(|(p, t)| (p.to_owned(), t)), "{args}: reduced");
        assert_eq!(codes(&q), notes, "{args}: notes");
        assert_eq!(q.currency, "EUR", "{args}: currency");
        assert_eq!(q.classification_year, "FY2025", "{args}: classification_year");
    }
}

#[test]
fn note_payloads() {
    let q = case(true, false, Some("ESP"), 1, false);
    assert_eq!(q.notes[0], Note::MemberRateDuesUnpaid { dues_year: 2024 }, "dues unpaid names the dues year");
    assert_eq!(q.notes[1], Note::GroupAvailable { min_size: 2 });

    let q = case(false, false, Some("ESP"), 3, false);
    assert_eq!(q.notes[0], Note::GroupApplied { people: 3 });

    let q = case(true, true, Some("VEN"), 1, true);
    assert!(
        q.notes.contains(&Note::CountryUnclassified { iso3: "VEN".into(), year: "FY2025".into() }),
        "{:?}",
        q.notes
    );

    let q = case(true, true, Some("KEN"), 1, false);
    assert!(q.notes.contains(&Note::ReducedAvailable { tier: ReducedTier::MiddleIncome }), "{:?}", q.notes);
    let q = case(true, true, Some("UGA"), 1, false);
    assert!(q.notes.contains(&Note::ReducedAvailable { tier: ReducedTier::LowIncome }), "{:?}", q.notes);

    let q = case(true, true, Some("KEN"), 1, true);
    assert!(q.notes.contains(&Note::ReducedPlacesLimited { places: 3 }), "{:?}", q.notes);
    let reduced = q.reduced.expect("Kenya member asking has a reduced scenario");
    assert_eq!((reduced.places, reduced.class), (3, IncomeClass::LowerMiddle));
    let china = case(true, true, Some("CHN"), 1, true).reduced.expect("China has a reduced scenario");
    assert_eq!(china.class, IncomeClass::UpperMiddle);
}

#[test]
fn lines_member_two_people() {
    let q = case(true, true, Some("ESP"), 2, false);
    assert_eq!(
        q.lines,
        vec![line(Discount::Membership, "50", "330.00", "330.00"), line(Discount::Group, "8", "26.40", "303.60")],
        "member, dues paid, 2 people"
    );
}

#[test]
fn lines_reduced_scenarios() {
    let kenya = case(true, true, Some("KEN"), 2, true).reduced.expect("reduced scenario");
    assert_eq!(
        kenya.lines,
        vec![
            line(Discount::Membership, "50", "330.00", "330.00"),
            line(Discount::IncomePlace, "50", "165.00", "165.00"),
            line(Discount::Group, "8", "13.20", "151.80"),
        ],
        "member Kenya, 2 people, reduced"
    );
    let uganda = case(true, true, Some("UGA"), 2, true).reduced.expect("reduced scenario");
    assert_eq!(
        uganda.lines,
        vec![
            line(Discount::Membership, "50", "330.00", "330.00"),
            line(Discount::IncomePlace, "100", "330.00", "0.00"),
            line(Discount::Group, "8", "0.00", "0.00"),
        ],
        "member Uganda, 2 people, reduced"
    );
    // The standard lines never contain the income place.
    let q = case(true, true, Some("UGA"), 2, true);
    assert!(q.lines.iter().all(|l| l.rule != Discount::IncomePlace), "{:?}", q.lines);
    assert_eq!(q.per_person.to_plain(), "303.60");
}

fn with_early_bird(percent_text: &str, last: NaiveDate) -> Edition {
    let mut e = edition();
    e.fees.early_bird = Some(EarlyBird { percent: percent(percent_text), last_date: last });
    e.validate().expect("edition with early bird is valid");
    e
}

#[test]
fn early_bird_applies_through_last_date() {
    let last = date(2025, 9, 30);
    let e = with_early_bird("10", last);
    let c = countries();
    /// (description, member, dues, people, day, per person, total, lines, notes)
    type EarlyRow = (&'static str, bool, bool, u32, NaiveDate, &'static str, &'static str, Vec<Line>, Vec<Note>);
    #[rustfmt::skip]
    let rows: &[EarlyRow] = &[
        ("non-member on the last day", false, false, 1, last, "594.00", "594.00",
            vec![line(Discount::EarlyBird, "10", "66.00", "594.00")],
            vec![Note::GroupAvailable { min_size: 2 }, Note::EarlyBirdApplied { last_date: last }]),
        ("non-member well before", false, false, 1, date(2025, 1, 2), "594.00", "594.00",
            vec![line(Discount::EarlyBird, "10", "66.00", "594.00")],
            vec![Note::GroupAvailable { min_size: 2 }, Note::EarlyBirdApplied { last_date: last }]),
        ("non-member the day after", false, false, 1, date(2025, 10, 1), "660.00", "660.00",
            vec![],
            vec![Note::GroupAvailable { min_size: 2 }, Note::EarlyBirdEnded { last_date: last }]),
        ("member, 2 people, on the last day", true, true, 2, last, "273.24", "546.48",
            vec![
                line(Discount::Membership, "50", "330.00", "330.00"),
                line(Discount::Group, "8", "26.40", "303.60"),
                line(Discount::EarlyBird, "10", "30.36", "273.24"),
            ],
            vec![Note::GroupApplied { people: 2 }, Note::EarlyBirdApplied { last_date: last }]),
        ("member, 2 people, the day after", true, true, 2, date(2025, 10, 1), "303.60", "607.20",
            vec![line(Discount::Membership, "50", "330.00", "330.00"), line(Discount::Group, "8", "26.40", "303.60")],
            vec![Note::GroupApplied { people: 2 }, Note::EarlyBirdEnded { last_date: last }]),
    ];
    for (what, member, dues, people, day, per_person, total, lines, notes) in rows {
        let q = case_with(&e, &c, &input(*member, *dues, Some("ESP"), *people, false, *day));
        let args =
            format!("{what}: member={member}, dues={dues}, people={people}, date={day}, early bird 10 % to {last}");
        assert_eq!(q.per_person.to_plain(), *per_person, "{args}: per_person");
        assert_eq!(q.total.to_plain(), *total, "{args}: total");
        assert_eq!(&q.lines, lines, "{args}: lines");
        assert_eq!(&q.notes, notes, "{args}: notes");
    }
}

#[test]
fn discount_order_group_before_membership() {
    let c = countries();
    let mut e = edition();
    e.fees.discount_order = vec![Discount::Group, Discount::Membership, Discount::IncomePlace, Discount::EarlyBird];
    e.validate().expect("reordered edition is valid");

    // 660.00: group 8 % = 52.80 → 607.20; membership 50 % = 303.60 → 303.60 (same total, other lines).
    let q = case_with(&e, &c, &input(true, true, Some("ESP"), 2, false, date(2025, 9, 1)));
    assert_eq!(
        q.lines,
        vec![line(Discount::Group, "8", "52.80", "607.20"), line(Discount::Membership, "50", "303.60", "303.60")],
        "group first, list fee 660.00"
    );
    assert_eq!(q.per_person.to_plain(), "303.60");

    // 600.08, where the order shows through the rounding at each step:
    //   group first:      8 % of 600.08 = 48.0064 → 48.01 → 552.07; 50 % of 552.07 = 276.035 → 276.04 → 276.03
    //   membership first: 50 % of 600.08 = 300.04 → 300.04; 8 % of 300.04 = 24.0032 → 24.00 → 276.04
    e.fees.list_fee = money("600.08");
    let q = case_with(&e, &c, &input(true, true, Some("ESP"), 2, false, date(2025, 9, 1)));
    assert_eq!(
        q.lines,
        vec![line(Discount::Group, "8", "48.01", "552.07"), line(Discount::Membership, "50", "276.04", "276.03")],
        "group first, list fee 600.08"
    );
    assert_eq!((q.per_person.to_plain(), q.total.to_plain()), ("276.03".into(), "552.06".into()));

    let mut brochure_order = edition();
    brochure_order.fees.list_fee = money("600.08");
    let q = case_with(&brochure_order, &c, &input(true, true, Some("ESP"), 2, false, date(2025, 9, 1)));
    assert_eq!(
        q.lines,
        vec![line(Discount::Membership, "50", "300.04", "300.04"), line(Discount::Group, "8", "24.00", "276.04")],
        "membership first, list fee 600.08"
    );
}

#[test]
fn people_clamped_to_edition_range() {
    let c = countries();
    let e = edition();
    // (people asked, people counted, per person, total)
    let rows: &[(u32, u32, &str, &str)] = &[
        (0, 1, "660.00", "660.00"),
        (1, 1, "660.00", "660.00"),
        (2, 2, "607.20", "1214.40"),
        (50, 50, "607.20", "30360.00"),
        (51, 50, "607.20", "30360.00"),
        (u32::MAX, 50, "607.20", "30360.00"),
    ];
    for &(asked, counted, per_person, total) in rows {
        let q = case_with(&e, &c, &input(false, false, Some("ESP"), asked, false, date(2025, 9, 1)));
        assert_eq!(
            (q.people, q.per_person.to_plain(), q.total.to_plain()),
            (counted, per_person.to_owned(), total.to_owned()),
            "non-member, people={asked}"
        );
    }
    let mut small = edition();
    small.fees.group_discount.max_size = 5;
    let q = case_with(&small, &c, &input(false, false, Some("ESP"), 9, false, date(2025, 9, 1)));
    assert_eq!((q.people, q.total.to_plain()), (5, "3036.00".into()), "people=9 with max_size 5");
}

#[test]
fn registration_on_or_after_course_start() {
    let c = countries();
    let e = edition();
    let rows: &[(NaiveDate, bool)] = &[
        (date(2025, 11, 16), false),
        (date(2025, 11, 17), true),
        (date(2025, 11, 21), true),
        (date(2026, 1, 1), true),
    ];
    for &(day, after) in rows {
        let q = case_with(&e, &c, &input(false, false, Some("ESP"), 1, false, day));
        assert_eq!(
            q.notes.contains(&Note::AfterCourseStart),
            after,
            "non-member registering on {day}: {:?}",
            codes(&q)
        );
    }
}

#[test]
fn eligibility_rules() {
    let c = countries();
    let day = date(2025, 9, 1);

    let mut paid_only = edition();
    paid_only.fees.income_places.eligible = Eligibility::MembersDuesPaid;
    let q = case_with(&paid_only, &c, &input(true, false, Some("KEN"), 1, true, day));
    assert_eq!(q.reduced, None, "members_dues_paid: member Kenya with unpaid dues");
    assert_eq!(
        codes(&q),
        ["member-rate-dues-unpaid", "group-available", "early-bird-may-apply", "reduced-dues-unpaid"],
        "members_dues_paid: member Kenya with unpaid dues"
    );
    let q = case_with(&paid_only, &c, &input(true, false, Some("KEN"), 1, false, day));
    assert!(!codes(&q).contains(&"reduced-available"), "members_dues_paid, not asking, dues unpaid: {:?}", codes(&q));
    let q = case_with(&paid_only, &c, &input(true, true, Some("KEN"), 1, true, day));
    assert_eq!(q.reduced.map(|r| r.per_person.to_plain()), Some("165.00".into()), "members_dues_paid: dues paid");

    let mut everyone = edition();
    everyone.fees.income_places.eligible = Eligibility::Everyone;
    let q = case_with(&everyone, &c, &input(false, false, Some("KEN"), 1, true, day));
    assert_eq!(q.reduced.map(|r| r.per_person.to_plain()), Some("330.00".into()), "everyone: non-member Kenya asks");
    let q = case_with(&everyone, &c, &input(false, false, Some("USA"), 1, true, day));
    assert!(codes(&q).contains(&"reduced-high-income"), "everyone: non-member USA asks: {:?}", codes(&q));
}

#[test]
fn classification_year_fy2026() {
    let c = countries();
    let mut e = edition();
    e.fees.income_places.classification_year = "FY2026".into();
    let q = case_with(&e, &c, &input(true, true, Some("ETH"), 1, true, date(2025, 9, 1)));
    assert_eq!(q.reduced, None, "Ethiopia is unclassified in FY2026");
    assert!(
        q.notes.contains(&Note::CountryUnclassified { iso3: "ETH".into(), year: "FY2026".into() }),
        "{:?}",
        q.notes
    );
    assert_eq!(q.classification_year, "FY2026");
}

#[test]
fn rounding_half_away_from_zero() {
    let c = countries();
    let day = date(2025, 9, 1);
    // (description, list fee, tweak, member, people, lines)
    type Tweak = fn(&mut Edition);
    let early_10: Tweak =
        |e| e.fees.early_bird = Some(EarlyBird { percent: percent("10"), last_date: date(2025, 9, 30) });
    let group_12_5: Tweak = |e| e.fees.group_discount.percent = percent("12.5");
    let none: Tweak = |_| {};
    type RoundingRow = (&'static str, &'static str, Tweak, bool, u32, Vec<Line>);
    #[rustfmt::skip]
    let rows: &[RoundingRow] = &[
        // 50 % of 100.01 = 50.005: away from zero 50.01 (banker's rounding would give 50.00).
        ("member 50 % of 100.01", "100.01", none, true, 1, vec![line(Discount::Membership, "50", "50.01", "50.00")]),
        // 50 % of 100.03 = 50.015 → 50.02.
        ("member 50 % of 100.03", "100.03", none, true, 1, vec![line(Discount::Membership, "50", "50.02", "50.01")]),
        // 8 % of 100.10 = 8.008 → 8.01.
        ("group 8 % of 100.10", "100.10", none, false, 2, vec![line(Discount::Group, "8", "8.01", "92.09")]),
        // 10 % of 0.05 = 0.005 → 0.01.
        ("early bird 10 % of 0.05", "0.05", early_10, false, 1, vec![line(Discount::EarlyBird, "10", "0.01", "0.04")]),
        // 12.5 % of 0.04 = 0.005 → 0.01.
        ("group 12.5 % of 0.04", "0.04", group_12_5, false, 2, vec![line(Discount::Group, "12.5", "0.01", "0.03")]),
    ];
    for (what, fee, tweak, member, people, lines) in rows {
        let mut e = edition();
        e.fees.list_fee = money(fee);
        tweak(&mut e);
        let q = case_with(&e, &c, &input(*member, *member, Some("ESP"), *people, false, day));
        assert_eq!(&q.lines, lines, "{what}: list fee {fee}, member={member}, people={people}");
        let last = lines.last().map(|l| l.after).expect("a line");
        assert_eq!(q.per_person, last, "{what}: per_person");
    }
}

#[test]
fn notes_travel_as_their_code_with_their_figures() {
    // The JSON of every note: its `data-note` code under "code", its figures beside it.
    #[rustfmt::skip]
    let rows: Vec<(Note, &str)> = vec![
        (Note::MemberRateDuesUnpaid { dues_year: 2024 }, r#"{"code":"member-rate-dues-unpaid","dues_year":2024}"#),
        (Note::EarlyBirdMayApply, r#"{"code":"early-bird-may-apply"}"#),
        (Note::EarlyBirdApplied { last_date: date(2025, 9, 30) }, r#"{"code":"early-bird-applied","last_date":"2025-09-30"}"#),
        (Note::EarlyBirdEnded { last_date: date(2025, 9, 30) }, r#"{"code":"early-bird-ended","last_date":"2025-09-30"}"#),
        (Note::GroupApplied { people: 3 }, r#"{"code":"group-applied","people":3}"#),
        (Note::GroupAvailable { min_size: 2 }, r#"{"code":"group-available","min_size":2}"#),
        (Note::CountryUnclassified { iso3: "VEN".into(), year: "FY2025".into() }, r#"{"code":"country-unclassified","iso3":"VEN","year":"FY2025"}"#),
        (Note::ReducedAvailable { tier: ReducedTier::MiddleIncome }, r#"{"code":"reduced-available","tier":"middle_income"}"#),
        (Note::ReducedNotMember, r#"{"code":"reduced-not-member"}"#),
        (Note::ReducedDuesUnpaid, r#"{"code":"reduced-dues-unpaid"}"#),
        (Note::ReducedHighIncome, r#"{"code":"reduced-high-income"}"#),
        (Note::ReducedNoCountry, r#"{"code":"reduced-no-country"}"#),
        (Note::ReducedPlacesLimited { places: 3 }, r#"{"code":"reduced-places-limited","places":3}"#),
        (Note::AfterCourseStart, r#"{"code":"after-course-start"}"#),
    ];
    for (note, json) in rows {
        assert_eq!(serde_json::to_string(&note).ok().as_deref(), Some(json), "{note:?}");
        assert!(json.starts_with(&format!(r#"{{"code":"{}""#, note.code())), "{note:?}: the code of data-note");
        assert_eq!(serde_json::from_str::<Note>(json).ok(), Some(note), "{json} read back");
    }
}
