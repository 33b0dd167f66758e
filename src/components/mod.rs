//! Small shared widgets.

pub mod answers;
pub mod country_picker;
pub mod lang_switch;
pub mod layout;
