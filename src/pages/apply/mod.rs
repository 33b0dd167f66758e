//! The application form: the start page, one page per step, check your answers, and sending with
//! its confirmation. [`shell::FormShell`] is their parent route: it holds the draft ([`state`]) for
//! every page of the form, so moving between them keeps the answers even where nothing can be
//! stored.

pub mod answers;
pub mod check;
pub mod closed;
pub mod done;
pub mod fee;
pub mod prefill;
pub mod shell;
pub mod start;
pub mod state;
pub mod status;
pub mod step;
pub mod words;
