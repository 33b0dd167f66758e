//! The course page (`/`).

use super::Str;

crate::texts_section! {
/// The course page (`/`). One field per key of the catalogue's `home` section.
pub struct HomeTexts {
    pub kicker: Str,
    pub lead: Str,
    pub when_label: Str,
    pub where_label: Str,
    pub where_value: Str,
    pub format: Str,
    pub format_value: Str,
    pub fee: Str,
    pub fee_value: Str,
    pub cta_estimate: Str,
    pub cta_refund: Str,
    pub who_title: Str,
    pub who_body: Str,
    pub who_list: Vec<Str>,
    pub included_title: Str,
    pub included: Vec<Str>,
    pub not_included_title: Str,
    pub not_included: Vec<Str>,
    pub hotels_note: Str,
    pub fees_title: Str,
    pub fees_list: Str,
    pub fees_member: Str,
    pub fees_group: Str,
    pub fees_income: Str,
    pub fees_early: Str,
    pub apply_title: Str,
    pub apply_steps: Vec<Str>,
    pub apply_contact: Str,
}
}
