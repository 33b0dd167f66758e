//! The functional core: every rule of the product as pure data-in, data-out code.
//!
//! Nothing here touches the browser, storage or the network; "today" and the edition data come in
//! as arguments, so every rule is tested natively. Documents are read and written with serde;
//! [`document`] turns serde's errors into a field path and a code.

pub mod application;
pub mod calendar;
pub mod config;
pub mod countries;
pub mod dates;
pub mod document;
pub mod draft;
pub mod edition;
pub mod embed;
pub mod estimate;
pub mod fees;
pub mod money;
pub mod outbox;
pub mod refund;
pub mod routes;
pub mod submission;
