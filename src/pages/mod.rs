//! One module per route; each page is a thin view over the domain's rules.

pub mod apply;
pub mod data_error;
pub mod embed;
pub mod estimate;
pub mod home;
pub mod not_found;
pub mod refund;
