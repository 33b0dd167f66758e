//! Widgets shared by several pages; `form/` holds the application form's.

pub mod country_picker;
pub mod estimator;
pub mod form;
pub mod lang_switch;
pub mod layout;
