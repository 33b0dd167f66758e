//! The application form's widgets, one per file: a text field (input or text area, with its limit
//! and word count), radio buttons, a checkbox, the country field, the message next to a field, the
//! error summary and the back link. Each follows the GOV.UK Design System's pattern: a label or a
//! legend, a hint and the error linked by `aria-describedby`, the error above the control.

pub mod back_link;
pub mod checkbox;
pub mod country_field;
pub mod error_message;
pub mod error_summary;
pub mod radios;
pub mod text_field;

/// The HTML id of a field's control: its dotted path with dashes (`about-first_name`).
#[must_use]
pub fn field_id(field: &str) -> String {
    field.replace('.', "-")
}

/// `aria-describedby` from the ids that apply (`None` when none does).
#[must_use]
pub fn described_by(ids: &[&str]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().copied().filter(|i| !i.is_empty()).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A count as the formatting helper takes it (`Fmt::number`).
#[must_use]
pub fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
