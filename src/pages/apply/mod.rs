//! The application form: the start page, one page per step, check your answers, and sending with
//! its confirmation. The application holds the draft ([`state`], `shell::provide_form`) for every
//! page of the form, so moving between them keeps the answers even where nothing can be stored;
//! [`shell::FormShell`] is the frame each page of the form renders in.

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
