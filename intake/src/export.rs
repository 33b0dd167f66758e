//! The secretariat's export: stored applications as JSON or CSV, written batch by batch.
//!
//! The CSV follows RFC 4180 (the `csv` crate, CRLF line ends) and OWASP's rules against CSV
//! injection: every cell that holds a comma, a quote, a line break or a `;` is quoted (French and
//! Spanish spreadsheets split on `;`); a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'`; control and bidirectional-override characters are dropped.

use crate::db::Row;
use serde_json::value::RawValue;
use serde_json::Value;

/// The columns of the CSV export.
pub const CSV_COLUMNS: [&str; 11] = [
    "reference",
    "received_at",
    "key",
    "name",
    "email",
    "organisation",
    "country",
    "member",
    "people",
    "per_person",
    "total",
];

/// Rows read and written at a time: the export's memory is one batch, whatever the table's size.
pub const BATCH_ROWS: usize = 256;

/// The UTF-8 byte order mark `?bom=1` puts first, for spreadsheets that otherwise guess the encoding.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// Characters that reorder the text around them (Unicode's bidirectional embeddings, overrides,
/// isolates and marks): in a cell they can make a value read as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A value as a spreadsheet may safely show it: tabs and line breaks become spaces, other control
/// and bidirectional-control characters are dropped, and a value a spreadsheet could read as a
/// formula (starting with `=`, `+`, `-` or `@`, also after spaces, or with a tab or carriage
/// return) gets a leading `'`. (Quoting is the CSV writer's.)
#[must_use]
pub fn neutralise(value: &str) -> String {
    let mut out: String = value
        .chars()
        .filter_map(|c| match c {
            '\t' | '\r' | '\n' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() || is_bidi_control(c) => None,
            c => Some(c),
        })
        .collect();
    if out.trim_start().starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.insert(0, '\'');
    }
    out
}

/// The CSV writer: RFC 4180 quoting, CRLF, and `;` quoted too. The `csv` crate has no setting for
/// extra characters to quote, but it quotes a field wherever its `comment` byte occurs, which is
/// the rule wanted for `;`.
fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .comment(Some(b';'))
        .from_writer(Vec::new())
}

/// The CSV header line.
#[must_use]
pub fn csv_head(bom: bool) -> Vec<u8> {
    let mut out = if bom { BOM.to_vec() } else { Vec::new() };
    let mut w = csv_writer();
    // Writing to a Vec cannot fail.
    let _ = w.write_record(CSV_COLUMNS);
    out.extend(w.into_inner().unwrap_or_default());
    out
}

/// The CSV lines of some rows.
#[must_use]
pub fn csv_rows(rows: &[Row]) -> Vec<u8> {
    let mut w = csv_writer();
    for row in rows {
        let _ = w.write_record(csv_cells(row).iter().map(|c| neutralise(c)));
    }
    w.into_inner().unwrap_or_default()
}

/// The cells of one row, from its stored application.
fn csv_cells(row: &Row) -> [String; 11] {
    let app: Value = serde_json::from_str(&row.application).unwrap_or(Value::Null);
    let text = |v: &Value| v.as_str().map(str::trim).unwrap_or_default().to_owned();
    let about = &app["answers"]["about"];
    let organisation = &app["answers"]["organisation"];
    let quote = &app["quote"];
    let name = format!("{} {}", text(&about["first_name"]), text(&about["surname"]));
    [
        row.reference.clone(),
        row.received_at.clone(),
        row.key.clone(),
        name.trim().to_owned(),
        text(&about["email"]),
        text(&organisation["name"]),
        text(&organisation["country"]),
        text(&organisation["member"]),
        quote["people"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
        text(&quote["per_person"]),
        text(&quote["total"]),
    ]
}

/// The JSON objects of some rows, each preceded by a comma unless it is the export's first.
#[must_use]
pub fn json_rows(rows: &[Row], first: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if !(first && i == 0) {
            out.push(b',');
        }
        let application = match serde_json::from_str::<&RawValue>(&row.application) {
            Ok(raw) => raw.get(),
            Err(e) => {
                crate::log!("intake: stored application {} is not JSON: {e}", row.reference);
                "null"
            }
        };
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
        out.extend_from_slice(
            format!(
                "{{\"reference\":{},\"received_at\":{},\"idempotency_key\":{},\"body_sha256\":{},\"submission\":{application}}}",
                quoted(&row.reference),
                quoted(&row.received_at),
                quoted(&row.key),
                quoted(&row.body_sha256),
            )
            .as_bytes(),
        );
    }
    out
}
