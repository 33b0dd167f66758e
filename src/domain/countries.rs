//! World Bank income classes by economy and fiscal year, read from the country file.

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

impl IncomeClass {
    fn from_code(code: &str) -> Option<IncomeClass> {
        match code {
            "L" => Some(IncomeClass::Low),
            "LM" => Some(IncomeClass::LowerMiddle),
            "UM" => Some(IncomeClass::UpperMiddle),
            "H" => Some(IncomeClass::High),
            _ => None,
        }
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// World Bank code (ISO 3166-1 alpha-3 except `XKX` and `CHI`).
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code, used to ask the browser for the name in the user's language.
    pub iso2: Option<&'static str>,
    /// The World Bank's English name.
    pub name: String,
    /// The World Bank region.
    pub region: String,
    /// Income class per fiscal year, in the order of [`Countries::years`]; `None` = unclassified.
    pub classes: Vec<Option<IncomeClass>>,
}

/// The whole country file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
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
    /// A row has a different number of cells than the header.
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

impl Countries {
    /// Parses the country CSV (`iso3,name,region,fy2025,fy2026,…`, quoted cells allowed).
    ///
    /// # Errors
    /// The first bad line.
    pub fn from_csv(text: &str) -> Result<Countries, CountriesError> {
        let err = |line, problem| CountriesError { line, problem };
        let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
        let (_, header) = lines.next().ok_or(err(1, CountriesProblem::NoRows))?;
        let header = split_csv(header.trim_start_matches('\u{feff}'));
        if header.len() < 4 || header[0] != "iso3" || header[1] != "name" || header[2] != "region" {
            return Err(err(1, CountriesProblem::BadHeader));
        }
        let mut years = Vec::new();
        for h in &header[3..] {
            let upper = h.to_ascii_uppercase();
            if upper.len() != 6 || !upper.starts_with("FY") || !upper[2..].chars().all(|c| c.is_ascii_digit()) {
                return Err(err(1, CountriesProblem::BadHeader));
            }
            years.push(upper);
        }
        let mut list: Vec<Country> = Vec::new();
        for (i, line) in lines {
            let n = i + 1;
            let cells = split_csv(line);
            if cells.len() != header.len() {
                return Err(err(n, CountriesProblem::CellCount));
            }
            let iso3 = cells[0].trim().to_owned();
            if iso3.len() != 3 || !iso3.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(err(n, CountriesProblem::BadCode));
            }
            if list.iter().any(|c| c.iso3 == iso3) {
                return Err(err(n, CountriesProblem::Duplicate));
            }
            let mut classes = Vec::new();
            for cell in &cells[3..] {
                let cell = cell.trim();
                if cell.is_empty() {
                    classes.push(None);
                } else {
                    classes.push(Some(
                        IncomeClass::from_code(cell)
                            .ok_or_else(|| err(n, CountriesProblem::BadClass(cell.to_owned())))?,
                    ));
                }
            }
            list.push(Country {
                iso2: iso2_of(&iso3),
                iso3,
                name: cells[1].trim().to_owned(),
                region: cells[2].trim().to_owned(),
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

fn split_csv(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
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

crate::json_codes!(IncomeClass {
    IncomeClass::Low => "L",
    IncomeClass::LowerMiddle => "LM",
    IncomeClass::UpperMiddle => "UM",
    IncomeClass::High => "H",
});
