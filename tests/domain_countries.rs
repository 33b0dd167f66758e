//! The World Bank country file: the real data against its README, and bad files.

mod common;

use common::countries;
use metropolis_diploma::domain::countries::{fold, Countries, CountriesError, CountriesProblem, Country, IncomeClass};
use metropolis_diploma::domain::document::{DocumentError, Expected, Problem};

#[test]
fn real_file_has_218_economies_and_two_years() {
    let c = countries();
    assert_eq!(c.list.len(), 218, "economies");
    assert_eq!(c.years, ["FY2025", "FY2026"], "years");
    assert!(c.list.windows(2).all(|w| w[0].iso3 < w[1].iso3), "sorted by code, no duplicates");
    assert!(c.list.iter().all(|x| x.classes.len() == 2), "one class per year for every economy");
    assert!(c.has_year("FY2025") && c.has_year("fy2026") && !c.has_year("FY2024"), "has_year");
}

#[test]
fn counts_per_class_match_the_readme() {
    let c = countries();
    // (year, L, LM, UM, H, unclassified)
    let rows: &[(&str, usize, usize, usize, usize, usize)] =
        &[("FY2025", 26, 51, 54, 86, 1), ("FY2026", 25, 50, 54, 87, 2)];
    for &(year, l, lm, um, h, none) in rows {
        let count = |class: Option<IncomeClass>| c.list.iter().filter(|x| c.class_of(&x.iso3, year) == class).count();
        assert_eq!(
            [
                count(Some(IncomeClass::Low)),
                count(Some(IncomeClass::LowerMiddle)),
                count(Some(IncomeClass::UpperMiddle)),
                count(Some(IncomeClass::High)),
                count(None)
            ],
            [l, lm, um, h, none],
            "{year}: L, LM, UM, H, unclassified"
        );
    }
}

#[test]
fn spot_checks() {
    use IncomeClass::{High as H, Low as L, LowerMiddle as LM, UpperMiddle as UM};
    let c = countries();
    /// (iso3, iso2, name, FY2025, FY2026)
    type Row = (&'static str, Option<&'static str>, &'static str, Option<IncomeClass>, Option<IncomeClass>);
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("IND", Some("IN"), "India", Some(LM), Some(LM)),
        ("CHN", Some("CN"), "China", Some(UM), Some(UM)),
        ("NGA", Some("NG"), "Nigeria", Some(LM), Some(LM)),
        ("USA", Some("US"), "United States", Some(H), Some(H)),
        ("AFG", Some("AF"), "Afghanistan", Some(L), Some(L)),
        ("XKX", Some("XK"), "Kosovo", Some(UM), Some(UM)),
        ("CHI", None, "Channel Islands", Some(H), Some(H)),
        ("VEN", Some("VE"), "Venezuela, RB", None, None),
        ("ETH", Some("ET"), "Ethiopia", Some(L), None),
        ("KEN", Some("KE"), "Kenya", Some(LM), Some(LM)),
        ("UGA", Some("UG"), "Uganda", Some(L), Some(L)),
        ("KOR", Some("KR"), "Korea, Rep.", Some(H), Some(H)),
        ("CIV", Some("CI"), "Côte d\u{2019}Ivoire", Some(LM), Some(LM)),
        ("TUR", Some("TR"), "Türkiye", Some(UM), Some(UM)),
        ("CRI", Some("CR"), "Costa Rica", Some(UM), Some(H)),
        ("NAM", Some("NA"), "Namibia", Some(UM), Some(LM)),
        ("PSE", Some("PS"), "West Bank and Gaza", Some(LM), Some(LM)),
        ("TWN", Some("TW"), "Taiwan, China", Some(H), Some(H)),
    ];
    for &(iso3, iso2, name, fy25, fy26) in rows {
        let country = c.get(iso3).unwrap_or_else(|| panic!("{iso3} is in the file"));
        assert_eq!((country.iso2, country.name.as_str()), (iso2, name), "{iso3}: iso2 and name");
        assert_eq!((c.class_of(iso3, "FY2025"), c.class_of(iso3, "FY2026")), (fy25, fy26), "{iso3}: classes");
    }
    assert_eq!(c.class_of("ESP", "fy2025"), Some(H), "year is matched ignoring case");
    assert_eq!(c.class_of("ESP", "FY2024"), None, "a year the file lacks");
    assert_eq!(c.class_of("XXX", "FY2025"), None, "an unknown code");
    assert!(c.get("esp").is_none(), "get wants the code as written");
    assert!(
        c.list.iter().filter(|x| x.iso3 != "CHI").all(|x| x.iso2.is_some()),
        "every economy but CHI has an alpha-2 code"
    );
}

#[test]
fn find_by_name_ignores_case_accents_and_punctuation() {
    let c = countries();
    let none = |_: &Country| None;
    #[rustfmt::skip]
    let rows: &[(&str, Option<&str>)] = &[
        ("kenya", Some("KEN")),
        ("KENYA", Some("KEN")),
        ("  Kenya  ", Some("KEN")),
        ("cote d\u{2019}ivoire", Some("CIV")),
        ("Cote d'Ivoire", Some("CIV")),
        ("CÔTE D’IVOIRE", Some("CIV")),
        ("TURKIYE", Some("TUR")),
        ("türkiye", Some("TUR")),
        ("curacao", Some("CUW")),
        ("sao tome and principe", Some("STP")),
        ("korea rep", Some("KOR")),
        ("Korea, Rep.", Some("KOR")),
        ("ken", Some("KEN")),
        ("xkx", Some("XKX")),
        ("Narnia", None),
        ("", None),
        ("  ", None),
        ("Keny", None),
    ];
    for &(typed, expected) in rows {
        assert_eq!(c.find_by_name(typed, none).map(|x| x.iso3.as_str()), expected, "find_by_name({typed:?})");
    }
    let spanish = |x: &Country| match x.iso3.as_str() {
        "ESP" => Some("España".to_owned()),
        "DEU" => Some("Alemania".to_owned()),
        _ => None,
    };
    assert_eq!(c.find_by_name("espana", spanish).map(|x| x.iso3.as_str()), Some("ESP"), "translated name");
    assert_eq!(c.find_by_name("ALEMANIA", spanish).map(|x| x.iso3.as_str()), Some("DEU"), "translated name");
    assert_eq!(c.find_by_name("alemania", none).map(|x| x.iso3.as_str()), None, "without translations");
}

#[test]
fn fold_examples() {
    let rows: &[(&str, &str)] = &[
        ("Côte d\u{2019}Ivoire", "cote d ivoire"),
        ("  Korea,  Rep. ", "korea rep"),
        ("São Tomé and Príncipe", "sao tome and principe"),
        ("ÀÉÎÕÜ", "aeiou"),
        ("...", ""),
    ];
    for &(text, expected) in rows {
        assert_eq!(fold(text), expected, "fold({text:?})");
    }
}

fn parse(text: &str) -> Result<usize, CountriesError> {
    Countries::from_csv(text).map(|c| c.list.len())
}

#[test]
fn small_files_parse() {
    let c = Countries::from_csv(
        "\u{feff}iso3,name,region,fy2025\r\nKEN,Kenya,Africa,LM\r\n\r\nAAA,\"Aa, \"\"quoted\"\"\",X, \r\n",
    )
    .expect("a small file with a BOM, CRLF, a blank line and quotes parses");
    assert_eq!(c.years, ["FY2025"]);
    assert_eq!(c.list.iter().map(|x| x.iso3.as_str()).collect::<Vec<_>>(), ["KEN", "AAA"], "in the file's order");
    let aaa = c.get("AAA").expect("found whatever its position");
    assert_eq!(aaa.name, "Aa, \"quoted\"");
    assert_eq!(aaa.classes, [None], "a blank cell is unclassified");
    assert_eq!(aaa.iso2, None, "AAA has no alpha-2 code");
    assert_eq!(c.class_of("KEN", "FY2025"), Some(IncomeClass::LowerMiddle));
}

#[test]
fn bad_files_name_the_line() {
    use CountriesProblem::{BadClass, BadCode, BadHeader, CellCount, Duplicate, NoRows};
    const HEAD: &str = "iso3,name,region,fy2025,fy2026\n";
    #[rustfmt::skip]
    let rows: Vec<(&str, String, usize, CountriesProblem)> = vec![
        ("empty file", String::new(), 1, NoRows),
        ("blank lines only", "\n\n".into(), 1, NoRows),
        ("header only", HEAD.into(), 2, NoRows),
        ("wrong first column", "code,name,region,fy2025\nKEN,Kenya,Africa,LM\n".into(), 1, BadHeader),
        ("no year column", "iso3,name,region\nKEN,Kenya,Africa\n".into(), 1, BadHeader),
        ("year not FYdddd", "iso3,name,region,2025\nKEN,Kenya,Africa,LM\n".into(), 1, BadHeader),
        ("short year", "iso3,name,region,fy25\nKEN,Kenya,Africa,LM\n".into(), 1, BadHeader),
        ("a cell missing on line 3", format!("{HEAD}KEN,Kenya,Africa,LM,LM\nUGA,Uganda,Africa,L\n"), 3, CellCount),
        ("a cell too many on line 2", format!("{HEAD}KEN,Kenya,Africa,LM,LM,X\n"), 2, CellCount),
        ("unquoted comma in a name", format!("{HEAD}KOR,Korea, Rep.,East Asia,H,H\n"), 2, CellCount),
        ("line number counts blank lines", format!("{HEAD}KEN,Kenya,Africa,LM,LM\n\nUGA,Uganda,Africa,L\n"), 4, CellCount),
        ("lower-case code", format!("{HEAD}ken,Kenya,Africa,LM,LM\n"), 2, BadCode),
        ("two-letter code", format!("{HEAD}KE,Kenya,Africa,LM,LM\n"), 2, BadCode),
        ("digit in code", format!("{HEAD}K3N,Kenya,Africa,LM,LM\n"), 2, BadCode),
        ("bad class", format!("{HEAD}KEN,Kenya,Africa,LM,MI\n"), 2, BadClass("MI".into())),
        ("lower-case class", format!("{HEAD}KEN,Kenya,Africa,lm,LM\n"), 2, BadClass("lm".into())),
        ("duplicate code", format!("{HEAD}KEN,Kenya,Africa,LM,LM\nUGA,Uganda,Africa,L,L\nKEN,Kenya,Africa,LM,LM\n"), 4, Duplicate),
    ];
    for (what, text, line, problem) in rows {
        assert_eq!(parse(&text), Err(CountriesError { line, problem }), "{what}: {text:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The JSON form: what the browser reads instead of the CSV.

#[test]
fn the_json_form_carries_the_whole_file() {
    let c = countries();
    let json = serde_json::to_string(&c).expect("serialises");
    assert_eq!(Countries::from_json(&json), Ok(c.clone()), "the real file through its JSON form");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["years"], serde_json::json!(["FY2025", "FY2026"]));
    let ken = value["list"].as_array().and_then(|l| l.iter().find(|x| x["iso3"] == "KEN")).expect("Kenya");
    assert_eq!(
        ken,
        &serde_json::json!({ "iso3": "KEN", "name": "Kenya", "region": "Sub-Saharan Africa", "classes": ["LM", "LM"] }),
        "iso2 is not written: it follows from iso3"
    );
    let eth = Countries::from_json(&json).expect("reads").get("ETH").map(|x| (x.iso2, x.classes.clone()));
    assert_eq!(eth, Some((Some("ET"), vec![Some(IncomeClass::Low), None])), "iso2 restored, unclassified kept");
}

#[test]
fn bad_json_forms_name_the_field() {
    let doc = |years: &str, list: &str| format!(r#"{{"years": {years}, "list": {list}}}"#);
    let kenya = r#"{"iso3": "KEN", "name": "Kenya", "region": "Africa", "classes": ["LM"]}"#;
    let codes = Expected::OneOf(["L", "LM", "UM", "H"].iter().map(|s| (*s).to_owned()).collect());
    // (description, text, field, problem)
    #[rustfmt::skip]
    let rows: Vec<(&str, String, &str, Problem)> = vec![
        ("no list", r#"{"years": ["FY2025"]}"#.into(), "list", Problem::Missing),
        ("an unknown key", doc(r#"["FY2025"]"#, &format!("[{kenya}], \"extra\": 1")), "extra", Problem::Unknown),
        ("a year that is not FY", doc(r#"["2025"]"#, &format!("[{kenya}]")), "years.0", Problem::invalid(Expected::FiscalYear, "\"2025\"")),
        ("an empty list", doc(r#"["FY2025"]"#, "[]"), "list", Problem::Empty),
        ("a lower-case code", doc(r#"["FY2025"]"#, &format!("[{}]", kenya.replace("KEN", "ken"))), "list.0.iso3", Problem::invalid(Expected::CountryCode, "\"ken\"")),
        ("a code twice", doc(r#"["FY2025"]"#, &format!("[{kenya}, {kenya}]")), "list.1.iso3", Problem::Duplicate),
        ("classes for another number of years", doc(r#"["FY2025", "FY2026"]"#, &format!("[{kenya}]")), "list.0.classes", Problem::invalid(Expected::Items(2), "1 items")),
        ("an unknown class", doc(r#"["FY2025"]"#, &format!("[{}]", kenya.replace("\"LM\"", "\"MI\""))), "list.0.classes.0", Problem::invalid(codes.clone(), "\"MI\"")),
        ("a class as a number", doc(r#"["FY2025"]"#, &format!("[{}]", kenya.replace("\"LM\"", "2"))), "list.0.classes.0", Problem::invalid(codes, "2")),
        ("a name missing", doc(r#"["FY2025"]"#, r#"[{"iso3": "KEN", "region": "Africa", "classes": ["LM"]}]"#), "list.0.name", Problem::Missing),
    ];
    for (what, text, field, problem) in rows {
        assert_eq!(Countries::from_json(&text), Err(DocumentError::new(field, problem)), "{what}: {text}");
    }
}
