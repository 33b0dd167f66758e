//! One module per route.

pub mod data_error;
pub mod embed;
pub mod estimate;
pub mod home;
pub mod not_found;
pub mod refund;
