//! Placeholder: the data error page.
