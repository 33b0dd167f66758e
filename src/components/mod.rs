//! Small shared widgets.

pub mod country_picker;
pub mod layout;
