//! Metropolis Diploma: fee estimator, application wizard and refund helper.
//!
//! [`domain`] holds every rule as pure Rust and [`i18n`] the words; both build without the `web`
//! feature, so the native tests and a server can use them. The rest is the browser application:
//! [`shell`] is the only code with side effects, [`components`] and [`pages`] are thin views.

pub mod domain;
pub mod i18n;

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod apply_app;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod embed_app;
#[cfg(feature = "web")]
pub mod pages;
#[cfg(feature = "web")]
pub mod send_app;
#[cfg(feature = "web")]
pub mod shell;
