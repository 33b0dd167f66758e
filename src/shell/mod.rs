//! The only code with side effects: the browser (DOM, storage, clock, network, messaging). Nothing
//! here runs in the prerender: pages call it from Effects and event handlers only.

#[cfg(feature = "hydrate")]
pub mod boot;
pub mod clock;
pub mod dom;
pub mod files;
pub mod storage;
pub mod submission;
