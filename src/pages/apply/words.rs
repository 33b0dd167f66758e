//! The form's codes in the applicant's words: validation problems, unreadable files, the edition's
//! calendar, and the contact address inside a sentence. Every figure goes through [`Fmt`].

use crate::context::{use_data, use_fmt, use_texts, Fmt, SiteData};
use crate::domain::application::{ErrorCode, FieldError};
use crate::domain::calendar::{self, EditionState};
use crate::domain::draft::DecodeError;
use crate::i18n::apply::ApplyTexts;
use crate::i18n::Text;
use leptos::prelude::*;

/// The form's texts with what wording them needs (`Copy`, so closures and derived signals can hold
/// it without looking up contexts).
#[derive(Clone, Copy, Debug)]
pub struct Words {
    /// The `apply` section.
    pub t: &'static ApplyTexts,
    /// Formatting in the page's language.
    pub fmt: Fmt,
    /// The site's data.
    pub data: &'static SiteData,
}

/// The form's words for this page.
#[must_use]
pub fn use_words() -> Words {
    Words { t: use_texts::<ApplyTexts>(), fmt: use_fmt(), data: use_data() }
}

pub use crate::components::form::to_i64;

impl Words {
    /// The membership dues year, as a year is written (no grouping).
    #[must_use]
    pub fn dues_year(self) -> String {
        self.data.edition.fees.member_discount.dues_year.to_string()
    }

    /// A validation problem, for the error summary and the message next to the field.
    #[must_use]
    pub fn error(self, e: &FieldError) -> String {
        let t = self.t;
        let colleague = |kind: &str| e.field.starts_with("registration.colleagues.") && e.field.ends_with(kind);
        let number = |n: usize| self.fmt.number(to_i64(n));
        match e.code {
            ErrorCode::Required if colleague(".name") => t.colleague_name_required.to_owned(),
            ErrorCode::Required if colleague(".email") => t.colleague_email_required.to_owned(),
            ErrorCode::Required => {
                let text = t.required.get(&e.field).copied().unwrap_or(t.required_other);
                Text(text).fill(&[("year", &self.dues_year())])
            }
            ErrorCode::InvalidEmail => t.invalid_email.to_owned(),
            ErrorCode::InvalidPhone => t.invalid_phone.to_owned(),
            ErrorCode::InvalidYears => t.invalid_years.to_owned(),
            ErrorCode::TooLong { max } => Text(t.too_long).fill(&[("max", &number(max))]),
            ErrorCode::TooManyWords { limit } => Text(t.too_many_words).fill(&[("limit", &number(limit))]),
            ErrorCode::NoColleagues => t.no_colleagues.to_owned(),
            ErrorCode::TooManyPeople { max } => {
                Text(t.too_many_people).fill(&[("max", &self.fmt.number(i64::from(max)))])
            }
            ErrorCode::MustAccept => t.must_accept.to_owned(),
            ErrorCode::UnknownCountry => t.unknown_country.to_owned(),
        }
    }

    /// Why a stored or opened file is not a usable draft.
    #[must_use]
    pub fn decode_error(self, e: &DecodeError) -> &'static str {
        match e {
            DecodeError::NotJson => self.t.import_not_json,
            DecodeError::NotADraft => self.t.import_not_draft,
            DecodeError::FutureVersion { .. } => self.t.import_future,
            DecodeError::Invalid(_) => self.t.import_invalid,
        }
    }

    /// Where the edition stands, in one sentence: until when applications are open, when they open,
    /// or why they are closed.
    #[must_use]
    pub fn edition_state(self, state: EditionState) -> String {
        let (t, fmt) = (self.t, self.fmt);
        let edition = &self.data.edition;
        let dates = || fmt.range(edition.course.start_date, edition.course.end_date);
        match state {
            EditionState::Open { closes } => Text(t.state_open).fill(&[("date", &fmt.date(closes))]),
            EditionState::Upcoming { opens } => Text(t.state_upcoming).fill(&[("date", &fmt.date(opens))]),
            EditionState::Closed => Text(t.state_closed).fill(&[("date", &fmt.date(calendar::closes(edition)))]),
            EditionState::InProgress => Text(t.state_in_progress).fill(&[("dates", &dates())]),
            EditionState::Ended => Text(t.state_ended).fill(&[("dates", &dates())]),
        }
    }

    /// The contact address for applicants, from the data only (`config.contact(&edition.contact)`:
    /// the deployment's, else the edition's); `None` when neither gives one, and the texts then use
    /// wording without an address.
    #[must_use]
    pub fn contact_email(self) -> Option<String> {
        self.data.config.contact(&self.data.edition.contact).email
    }
}

/// A sentence with `{email}` made a `mailto:` link.
#[must_use]
pub fn with_email(template: &'static str, email: String) -> AnyView {
    let (before, after) = template.split_once("{email}").unwrap_or((template, ""));
    let href = format!("mailto:{email}");
    view! { {before}<a href=href>{email}</a>{after} }.into_any()
}
