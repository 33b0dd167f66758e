//! The functional core: every rule of the product as pure data-in, data-out code.
//!
//! Nothing here touches the browser, storage or the network; "today" and the edition data come in
//! as arguments, so every rule is tested natively.

pub mod application;
pub mod config;
pub mod countries;
pub mod dates;
pub mod draft;
pub mod edition;
pub mod embed;
pub mod estimate;
pub mod fees;
pub mod json;
pub mod money;
pub mod outbox;
pub mod refund;
pub mod routes;
pub mod submission;
