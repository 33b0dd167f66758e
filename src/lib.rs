//! Metropolis Diploma: the course page, fee estimator, refund helper and application form, and the
//! partner embed.
//!
//! [`domain`] holds every rule as pure Rust and [`i18n`] the words; both build without features,
//! so the native tests and the receiver (`intake/`) use them without compiling Leptos. The rest is
//! the Leptos application, rendered to static pages natively (feature `ssr`, the `prerender`
//! binary) and taken over in the browser (feature `hydrate`): [`app`] routes, [`context`] holds the
//! shared contexts, [`pages`] and [`components`] are thin views, [`shell`] is the only code with
//! side effects, and [`intl`] formats through `Intl`.

pub mod domain;
pub mod i18n;

#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "app")]
pub mod components;
#[cfg(feature = "app")]
pub mod context;
#[cfg(feature = "app")]
pub mod embed;
#[cfg(feature = "app")]
pub mod intl;
#[cfg(feature = "app")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "app")]
pub mod shell;
