//! The only code with side effects: the browser (DOM, storage, clock, network, messaging). Nothing
//! here runs in the prerender: pages call it from Effects and event handlers only.

pub mod address;
#[cfg(feature = "hydrate")]
pub mod boot;
pub mod clock;
pub mod dom;
pub mod embed;
pub mod files;
pub mod storage;
pub mod submission;
