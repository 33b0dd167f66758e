//! The imperative shell: the only code that touches the browser or the network.

pub mod clock;
pub mod data;
pub mod dom;
pub mod embed;
pub mod intl;
pub mod lang;
pub mod nav;
pub mod storage;
pub mod submission;
