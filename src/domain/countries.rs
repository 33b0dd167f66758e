//! World Bank income classes by economy and fiscal year: the country file (CSV, read natively)
//! and its JSON form (what the browser reads).

use super::document::{self, DocumentError, Expected, Problem};
use serde::{Deserialize, Serialize};

/// A World Bank income group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IncomeClass {
    /// Low income (`L`).
    Low,
    /// Lower-middle income (`LM`).
    LowerMiddle,
    /// Upper-middle income (`UM`).
    UpperMiddle,
    /// High income (`H`).
    High,
}

crate::serde_codes!(IncomeClass { Low => "L", LowerMiddle => "LM", UpperMiddle => "UM", High => "H" });

impl IncomeClass {
    /// Every class, from low to high.
    pub const ALL: [IncomeClass; 4] =
        [IncomeClass::Low, IncomeClass::LowerMiddle, IncomeClass::UpperMiddle, IncomeClass::High];

    /// The class with this World Bank code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<IncomeClass> {
        IncomeClass::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The World Bank's code: `L`, `LM`, `UM` or `H`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            IncomeClass::Low => "L",
            IncomeClass::LowerMiddle => "LM",
            IncomeClass::UpperMiddle => "UM",
            IncomeClass::High => "H",
        }
    }
}

/// One economy of the World Bank list.
///
/// In the JSON form `{"iso3": "KEN", "name": "Kenya", "region": "Sub-Saharan Africa",
/// "classes": ["LM", "LM"]}`; `iso2` is not written, it follows from `iso3`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Country {
    /// World Bank code (ISO 3166-1 alpha-3 except `XKX` and `CHI`).
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code, used to ask the browser for the name in the user's language.
    #[serde(skip)]
    pub iso2: Option<&'static str>,
    /// The World Bank's English name.
    pub name: String,
    /// The World Bank region.
    pub region: String,
    /// Income class per fiscal year, in the order of [`Countries::years`]; `None` = unclassified.
    pub classes: Vec<Option<IncomeClass>>,
}

/// The whole country file.
///
/// Its JSON form (`{"years": ["FY2025", "FY2026"], "list": [Country…]}`) is what the browser
/// reads: [`Countries::from_json`] and `serde_json::to_string`. The CSV is read natively only.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Countries {
    /// Fiscal years present, e.g. `["FY2025", "FY2026"]`.
    pub years: Vec<String>,
    /// Every economy, in the file's order (the World Bank file is sorted by code).
    pub list: Vec<Country>,
}

/// A problem in the country file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountriesError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub problem: CountriesProblem,
}

/// What is wrong with a line of the country file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountriesProblem {
    /// The header lacks `iso3,name,region` or a fiscal-year column.
    BadHeader,
    /// A row has a different number of cells than the header, or is not CSV.
    CellCount,
    /// A code is not three capital letters.
    BadCode,
    /// An income class is not one of L, LM, UM, H or empty.
    BadClass(String),
    /// The same code twice.
    Duplicate,
    /// No rows at all.
    NoRows,
}

/// The JSON form as written, before the checks that span fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesJson {
    years: Vec<String>,
    list: Vec<CountryJson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryJson {
    iso3: String,
    name: String,
    region: String,
    classes: Vec<Option<IncomeClass>>,
}

fn is_code(iso3: &str) -> bool {
    iso3.len() == 3 && iso3.chars().all(|c| c.is_ascii_uppercase())
}

/// `FY2025`, `fy2025`: the World Bank's fiscal years, in capitals.
fn fiscal_year(text: &str) -> Option<String> {
    let upper = text.trim().to_ascii_uppercase();
    (upper.len() == 6 && upper.starts_with("FY") && upper[2..].chars().all(|c| c.is_ascii_digit())).then_some(upper)
}

impl Countries {
    /// Reads the JSON form (what the browser loads; it never parses CSV).
    ///
    /// # Errors
    /// The first problem, named by its path: a field that does not fit, a year that is not `FY…`,
    /// a code that is not three capital letters, a code twice, a row whose classes do not match the
    /// years, an empty list.
    pub fn from_json(text: &str) -> Result<Countries, DocumentError> {
        let raw: CountriesJson = document::from_json(text)?;
        let mut years = Vec::new();
        for (i, y) in raw.years.iter().enumerate() {
            let year = fiscal_year(y).ok_or_else(|| {
                DocumentError::new(format!("years.{i}"), Problem::invalid(Expected::FiscalYear, &format!("\"{y}\"")))
            })?;
            years.push(year);
        }
        if raw.list.is_empty() {
            return Err(DocumentError::new("list", Problem::Empty));
        }
        let mut list: Vec<Country> = Vec::with_capacity(raw.list.len());
        for (i, c) in raw.list.into_iter().enumerate() {
            if !is_code(&c.iso3) {
                let found = format!("\"{}\"", c.iso3);
                return Err(DocumentError::new(
                    format!("list.{i}.iso3"),
                    Problem::invalid(Expected::CountryCode, &found),
                ));
            }
            if list.iter().any(|x| x.iso3 == c.iso3) {
                return Err(DocumentError::new(format!("list.{i}.iso3"), Problem::Duplicate));
            }
            if c.classes.len() != years.len() {
                let found = format!("{} items", c.classes.len());
                return Err(DocumentError::new(
                    format!("list.{i}.classes"),
                    Problem::invalid(Expected::Items(years.len()), &found),
                ));
            }
            list.push(Country {
                iso2: iso2_of(&c.iso3),
                iso3: c.iso3,
                name: c.name,
                region: c.region,
                classes: c.classes,
            });
        }
        Ok(Countries { years, list })
    }

    /// Parses the country CSV (`iso3,name,region,fy2025,fy2026,…`, quoted cells allowed, a UTF-8
    /// byte-order mark ignored) with the `csv` crate. Natively only: the browser reads the JSON form.
    ///
    /// # Errors
    /// The first bad line.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_csv(text: &str) -> Result<Countries, CountriesError> {
        let err = |line, problem| CountriesError { line, problem };
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut records = reader.records();
        let header = match records.next() {
            None => return Err(err(1, CountriesProblem::NoRows)),
            Some(Err(_)) => return Err(err(1, CountriesProblem::BadHeader)),
            Some(Ok(h)) => h,
        };
        let header: Vec<&str> = header.iter().collect();
        let first = header.first().map(|h| h.trim_start_matches('\u{feff}'));
        if header.len() < 4 || first != Some("iso3") || header[1] != "name" || header[2] != "region" {
            return Err(err(1, CountriesProblem::BadHeader));
        }
        let years = header[3..].iter().map(|h| fiscal_year(h)).collect::<Option<Vec<String>>>();
        let years = years.ok_or(err(1, CountriesProblem::BadHeader))?;
        let mut list: Vec<Country> = Vec::new();
        for record in records {
            let record = record.map_err(|e| err(line_of(text, e.position()), CountriesProblem::CellCount))?;
            let n = line_of(text, record.position());
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            if record.len() != header.len() {
                return Err(err(n, CountriesProblem::CellCount));
            }
            let iso3 = record[0].trim().to_owned();
            if !is_code(&iso3) {
                return Err(err(n, CountriesProblem::BadCode));
            }
            if list.iter().any(|c| c.iso3 == iso3) {
                return Err(err(n, CountriesProblem::Duplicate));
            }
            let mut classes = Vec::new();
            for cell in record.iter().skip(3) {
                let cell = cell.trim();
                if cell.is_empty() {
                    classes.push(None);
                } else {
                    let class = IncomeClass::from_code(cell);
                    classes.push(Some(class.ok_or_else(|| err(n, CountriesProblem::BadClass(cell.to_owned())))?));
                }
            }
            list.push(Country {
                iso2: iso2_of(&iso3),
                iso3,
                name: record[1].trim().to_owned(),
                region: record[2].trim().to_owned(),
                classes,
            });
        }
        if list.is_empty() {
            return Err(err(2, CountriesProblem::NoRows));
        }
        Ok(Countries { years, list })
    }

    /// The economy with this code.
    #[must_use]
    pub fn get(&self, iso3: &str) -> Option<&Country> {
        // 218 rows: a scan is instant and needs no sorted order (nor sort code in the WebAssembly).
        self.list.iter().find(|c| c.iso3 == iso3)
    }

    /// Whether the file has a column for this fiscal year (`FY2025`).
    #[must_use]
    pub fn has_year(&self, year: &str) -> bool {
        self.years.iter().any(|y| y.eq_ignore_ascii_case(year))
    }

    /// The class of an economy in a fiscal year; `None` when unclassified or unknown.
    #[must_use]
    pub fn class_of(&self, iso3: &str, year: &str) -> Option<IncomeClass> {
        let column = self.years.iter().position(|y| y.eq_ignore_ascii_case(year))?;
        self.get(iso3)?.classes.get(column).copied().flatten()
    }

    /// Finds an economy by a name typed or chosen by a person, ignoring case, accents and punctuation;
    /// `names` gives extra (for example translated) names to match as well.
    #[must_use]
    pub fn find_by_name<'a>(&'a self, typed: &str, names: impl Fn(&Country) -> Option<String>) -> Option<&'a Country> {
        let wanted = fold(typed);
        if wanted.is_empty() {
            return None;
        }
        self.list.iter().find(|c| {
            fold(&c.name) == wanted
                || c.iso3.eq_ignore_ascii_case(typed.trim())
                || names(c).is_some_and(|n| fold(&n) == wanted)
        })
    }
}

/// Lower-case, accents removed, punctuation and spaces collapsed: the key names are compared by.
///
/// Latin accents are folded by a small table rather than Unicode case tables, which would add
/// kilobytes to the WebAssembly for the same result on these names; other scripts pass unchanged.
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            c if !c.is_ascii() && !matches!(c, '\u{2019}' | '\u{2018}' | '\u{a0}' | '\u{2013}' | '\u{2014}') => c,
            _ => ' ',
        };
        if base == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(base);
        }
    }
    out.trim_end().to_owned()
}

/// The 1-based line of a record, from its byte offset (the csv crate's own line count skips blank
/// lines, which a person looking for the line in an editor counts).
#[cfg(not(target_arch = "wasm32"))]
fn line_of(text: &str, position: Option<&csv::Position>) -> usize {
    let bytes = text.as_bytes();
    let mut at = position.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
    // A record's position is where the reader started looking for it, blank lines before it included.
    while bytes.get(at).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
        at += 1;
    }
    bytes.iter().take(at).filter(|b| **b == b'\n').count() + 1
}

/// ISO 3166-1 alpha-2 for each World Bank code; the Channel Islands have none.
fn iso2_of(iso3: &str) -> Option<&'static str> {
    ISO2.binary_search_by(|(a3, _)| (*a3).cmp(iso3)).ok().map(|i| ISO2[i].1)
}

const ISO2: &[(&str, &str)] = &[
    ("ABW", "AW"),
    ("AFG", "AF"),
    ("AGO", "AO"),
    ("ALB", "AL"),
    ("AND", "AD"),
    ("ARE", "AE"),
    ("ARG", "AR"),
    ("ARM", "AM"),
    ("ASM", "AS"),
    ("ATG", "AG"),
    ("AUS", "AU"),
    ("AUT", "AT"),
    ("AZE", "AZ"),
    ("BDI", "BI"),
    ("BEL", "BE"),
    ("BEN", "BJ"),
    ("BFA", "BF"),
    ("BGD", "BD"),
    ("BGR", "BG"),
    ("BHR", "BH"),
    ("BHS", "BS"),
    ("BIH", "BA"),
    ("BLR", "BY"),
    ("BLZ", "BZ"),
    ("BMU", "BM"),
    ("BOL", "BO"),
    ("BRA", "BR"),
    ("BRB", "BB"),
    ("BRN", "BN"),
    ("BTN", "BT"),
    ("BWA", "BW"),
    ("CAF", "CF"),
    ("CAN", "CA"),
    ("CHE", "CH"),
    ("CHL", "CL"),
    ("CHN", "CN"),
    ("CIV", "CI"),
    ("CMR", "CM"),
    ("COD", "CD"),
    ("COG", "CG"),
    ("COL", "CO"),
    ("COM", "KM"),
    ("CPV", "CV"),
    ("CRI", "CR"),
    ("CUB", "CU"),
    ("CUW", "CW"),
    ("CYM", "KY"),
    ("CYP", "CY"),
    ("CZE", "CZ"),
    ("DEU", "DE"),
    ("DJI", "DJ"),
    ("DMA", "DM"),
    ("DNK", "DK"),
    ("DOM", "DO"),
    ("DZA", "DZ"),
    ("ECU", "EC"),
    ("EGY", "EG"),
    ("ERI", "ER"),
    ("ESP", "ES"),
    ("EST", "EE"),
    ("ETH", "ET"),
    ("FIN", "FI"),
    ("FJI", "FJ"),
    ("FRA", "FR"),
    ("FRO", "FO"),
    ("FSM", "FM"),
    ("GAB", "GA"),
    ("GBR", "GB"),
    ("GEO", "GE"),
    ("GHA", "GH"),
    ("GIB", "GI"),
    ("GIN", "GN"),
    ("GMB", "GM"),
    ("GNB", "GW"),
    ("GNQ", "GQ"),
    ("GRC", "GR"),
    ("GRD", "GD"),
    ("GRL", "GL"),
    ("GTM", "GT"),
    ("GUM", "GU"),
    ("GUY", "GY"),
    ("HKG", "HK"),
    ("HND", "HN"),
    ("HRV", "HR"),
    ("HTI", "HT"),
    ("HUN", "HU"),
    ("IDN", "ID"),
    ("IMN", "IM"),
    ("IND", "IN"),
    ("IRL", "IE"),
    ("IRN", "IR"),
    ("IRQ", "IQ"),
    ("ISL", "IS"),
    ("ISR", "IL"),
    ("ITA", "IT"),
    ("JAM", "JM"),
    ("JOR", "JO"),
    ("JPN", "JP"),
    ("KAZ", "KZ"),
    ("KEN", "KE"),
    ("KGZ", "KG"),
    ("KHM", "KH"),
    ("KIR", "KI"),
    ("KNA", "KN"),
    ("KOR", "KR"),
    ("KWT", "KW"),
    ("LAO", "LA"),
    ("LBN", "LB"),
    ("LBR", "LR"),
    ("LBY", "LY"),
    ("LCA", "LC"),
    ("LIE", "LI"),
    ("LKA", "LK"),
    ("LSO", "LS"),
    ("LTU", "LT"),
    ("LUX", "LU"),
    ("LVA", "LV"),
    ("MAC", "MO"),
    ("MAF", "MF"),
    ("MAR", "MA"),
    ("MCO", "MC"),
    ("MDA", "MD"),
    ("MDG", "MG"),
    ("MDV", "MV"),
    ("MEX", "MX"),
    ("MHL", "MH"),
    ("MKD", "MK"),
    ("MLI", "ML"),
    ("MLT", "MT"),
    ("MMR", "MM"),
    ("MNE", "ME"),
    ("MNG", "MN"),
    ("MNP", "MP"),
    ("MOZ", "MZ"),
    ("MRT", "MR"),
    ("MUS", "MU"),
    ("MWI", "MW"),
    ("MYS", "MY"),
    ("NAM", "NA"),
    ("NCL", "NC"),
    ("NER", "NE"),
    ("NGA", "NG"),
    ("NIC", "NI"),
    ("NLD", "NL"),
    ("NOR", "NO"),
    ("NPL", "NP"),
    ("NRU", "NR"),
    ("NZL", "NZ"),
    ("OMN", "OM"),
    ("PAK", "PK"),
    ("PAN", "PA"),
    ("PER", "PE"),
    ("PHL", "PH"),
    ("PLW", "PW"),
    ("PNG", "PG"),
    ("POL", "PL"),
    ("PRI", "PR"),
    ("PRK", "KP"),
    ("PRT", "PT"),
    ("PRY", "PY"),
    ("PSE", "PS"),
    ("PYF", "PF"),
    ("QAT", "QA"),
    ("ROU", "RO"),
    ("RUS", "RU"),
    ("RWA", "RW"),
    ("SAU", "SA"),
    ("SDN", "SD"),
    ("SEN", "SN"),
    ("SGP", "SG"),
    ("SLB", "SB"),
    ("SLE", "SL"),
    ("SLV", "SV"),
    ("SMR", "SM"),
    ("SOM", "SO"),
    ("SRB", "RS"),
    ("SSD", "SS"),
    ("STP", "ST"),
    ("SUR", "SR"),
    ("SVK", "SK"),
    ("SVN", "SI"),
    ("SWE", "SE"),
    ("SWZ", "SZ"),
    ("SXM", "SX"),
    ("SYC", "SC"),
    ("SYR", "SY"),
    ("TCA", "TC"),
    ("TCD", "TD"),
    ("TGO", "TG"),
    ("THA", "TH"),
    ("TJK", "TJ"),
    ("TKM", "TM"),
    ("TLS", "TL"),
    ("TON", "TO"),
    ("TTO", "TT"),
    ("TUN", "TN"),
    ("TUR", "TR"),
    ("TUV", "TV"),
    ("TWN", "TW"),
    ("TZA", "TZ"),
    ("UGA", "UG"),
    ("UKR", "UA"),
    ("URY", "UY"),
    ("USA", "US"),
    ("UZB", "UZ"),
    ("VCT", "VC"),
    ("VEN", "VE"),
    ("VGB", "VG"),
    ("VIR", "VI"),
    ("VNM", "VN"),
    ("VUT", "VU"),
    ("WSM", "WS"),
    ("XKX", "XK"),
    ("YEM", "YE"),
    ("ZAF", "ZA"),
    ("ZMB", "ZM"),
    ("ZWE", "ZW"),
];
