//! The application form: the start page, one page per step, check your answers, and sending with
//! its confirmation.

pub mod check;
pub mod done;
pub mod start;
pub mod step;
