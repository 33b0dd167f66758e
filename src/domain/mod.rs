//! The functional core: every rule of the product as pure data-in, data-out code.
//!
//! Nothing here touches the browser, storage or the network; "today" and the edition data come in
//! as arguments, so every rule is tested natively.

pub mod countries;
pub mod edition;
pub mod estimate;
pub mod fees;
pub mod money;
pub mod refund;
