//! The text layer: every word the user sees, one catalogue per language.
//!
//! Catalogues are data (`public/i18n/<lang>.json`, see [`catalogue`]), read at run time into the
//! typed structs below, so a page names every text it uses and a catalogue that lacks one is refused
//! with the key named. Templates use named `{placeholders}` filled by [`fill`]. Codes from the domain
//! (notes, problems, errors) become words here, never in the domain.

pub mod apply;
pub mod catalogue;

use crate::domain::config::ConfigError;
use crate::domain::countries::{CountriesError, CountriesProblem};
use crate::domain::document::{Expected, Problem};
use crate::domain::edition::{Discount, EditionError, EditionProblem};
use crate::domain::fees::{Note, ReducedTier};
use crate::domain::money::AmountError;

/// A language the interface is available in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English, the reference catalogue.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Locale {
    /// Every available language, in the switcher's order.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::Es];

    /// The BCP 47 tag, as in `<html lang>`, `lang=` and the catalogue's file name.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// The locale `Intl` formats numbers, money and dates with (`en-GB`: "17 November 2025").
    #[must_use]
    pub fn intl_tag(self) -> &'static str {
        match self {
            Locale::En => "en-GB",
            Locale::Fr => "fr-FR",
            Locale::Es => "es-ES",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::Es => "Español",
        }
    }

    /// The catalogue file, relative to the app's base.
    #[must_use]
    pub fn catalogue_file(self) -> &'static str {
        match self {
            Locale::En => "i18n/en.json",
            Locale::Fr => "i18n/fr.json",
            Locale::Es => "i18n/es.json",
        }
    }

    /// The language of a tag: `fr`, `FR`, `fr-CA` and `fr_BE` are French; `None` for the others.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language to show: the URL's `lang=` first, then the one remembered on this device, then
    /// the first of the browser's preferred languages that is available, then English.
    ///
    /// # Example
    /// ```
    /// use metropolis_diploma::i18n::Locale;
    /// assert_eq!(Locale::choose(None, Some("es"), &["fr-FR"]), Locale::Es);
    /// assert_eq!(Locale::choose(Some("xx"), None, &["de", "fr-CA"]), Locale::Fr);
    /// ```
    #[must_use]
    pub fn choose(url: Option<&str>, remembered: Option<&str>, browser: &[&str]) -> Locale {
        url.and_then(Locale::from_tag)
            .or_else(|| remembered.and_then(Locale::from_tag))
            .or_else(|| browser.iter().find_map(|t| Locale::from_tag(t)))
            .unwrap_or_default()
    }
}

/// Fills `{name}` placeholders in a template.
///
/// # Example
/// ```
/// assert_eq!(metropolis_diploma::i18n::fill("Step {x} of {y}", &[("x", "1"), ("y", "5")]), "Step 1 of 5");
/// ```
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

crate::catalogue! {
/// Every user-visible text of one language. Field names say where the text appears.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct Texts in site_keys {
    texts {
        site_name, skip_to_content, nav_label, nav_home, nav_estimate, nav_refund,
        lang_label, colon, footer, loading, not_found_title, not_found_body, back_home,
        data_error_title, data_error_intro, data_error_file, data_error_field, data_error_problem, data_error_whole_file,
        data_error_fetch, data_error_contact, problem_syntax, problem_too_deep, problem_missing, problem_unknown,
        problem_duplicate, problem_empty_list,
        problem_expected, expect_text, expect_whole_number, expect_boolean, expect_list, expect_object,
        expect_amount, expect_percent, expect_date, expect_one_of, expect_origin, expect_country_code, expect_fiscal_year,
        expect_items, expect_code, expect_other, problem_fiscal_year, problem_schema, config_bad_endpoint, config_bad_timeout,
        problem_empty, problem_email, problem_currency, problem_end_before_start, problem_too_small, problem_below_minimum,
        problem_after_start, problem_closes_before_opens, problem_url, problem_missing_english, problem_language_tag,
        problem_not_after_course, problem_missing_discount, problem_duplicate_discount, problem_unknown_year, problem_zero, countries_problem_line,
        countries_bad_header, countries_cell_count, countries_bad_code, countries_bad_class, countries_duplicate, countries_no_rows,
        home_kicker, home_lead, home_when, home_where, home_where_value, home_format,
        home_format_value, home_fee, home_fee_value, home_cta_estimate, home_cta_refund, home_who_title,
        home_who_body, home_included_title, home_not_included_title, home_hotels_note, home_fees_title, home_fees_list,
        home_fees_member, home_fees_group, home_fees_income, home_fees_early, home_apply_title, home_apply_contact,
        estimate_title, estimate_intro, your_situation, member_legend, member_hint, yes,
        no, dues_legend, country_label, country_hint, country_not_found, people_label,
        people_hint, people_invalid, date_label, date_hint, reduced_label, reduced_hint,
        quote_title, quote_caption, col_item, col_amount, line_list_fee, line_membership,
        line_income_place, line_group, line_early_bird, per_person, people_count, total,
        total_announcement, reduced_title, reduced_low, reduced_middle, reduced_fee, rules_title,
        rule_membership, rule_group, rule_income, rule_early, rule_order, notes_title,
        note_member_rate_dues_unpaid, note_early_bird_may_apply, note_early_bird_applied, note_early_bird_ended, note_group_applied, note_group_available,
        note_country_unclassified, note_reduced_available, note_reduced_not_member, note_reduced_dues_unpaid, note_reduced_high_income, note_reduced_no_country,
        note_reduced_places_limited, note_after_course_start, params_ignored, copy_link, link_copied, copy_failed,
        share_label, print_quote, print_heading, print_date, print_caveat, income_low,
        income_lower_middle, income_upper_middle, income_high, income_unclassified, country_class, refund_title,
        refund_intro, paid_label, paid_hint, cancel_date_label, cancel_date_hint, cancel_date_invalid,
        result_title, result_refund, result_no_refund, result_enter_amount, refund_amount_label, kept_label,
        deadline_label, days_left_many, days_left_one, deadline_today, deadline_passed, due_by_label,
        due_by_none, bank_fees, timeline_title, timeline_chosen, timeline_deadline, timeline_start,
        policy_title, email_title, email_intro, name_label, registration_date_label, contact_label,
        optional, email_subject, email_body, email_refund_due, email_no_refund, email_missing,
        email_preview_label, open_email, copy_text, text_copied, reply_reminder, remind_me,
        ics_summary, ics_description, amount_empty, amount_not_a_number, amount_negative, amount_too_many_decimals,
        amount_too_large,
    }
    others {
        home_who_list: [&'static str; 3],
        home_included: [&'static str; 9],
        home_not_included: [&'static str; 4],
        home_apply_steps: [&'static str; 3],
        policy_items: [&'static str; 4],
    }
}
}

crate::catalogue! {
/// The texts of the partner embed (`embed.html`: the frame and the partner page), apart from
/// [`Texts`] so that the main app's bundle does not carry them.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct EmbedTexts in embed_keys {
    texts {
        frame_title, apply, new_tab, link_text, page_title, page_intro,
        options_title, member_label, unset, people_label, lang_label, accent_label,
        accent_hint, accent_invalid, accent_low_contrast, font_label, font_hint, font_invalid,
        compact_label, compact_hint, origin_label, origin_hint, origin_invalid, snippet_title,
        snippet_label, snippet_hint, copy, copied, copy_failed, preview_title,
        events_title, event_ready, event_estimate, api_update, api_quote, csp_title,
        csp_partner, csp_app, csp_placeholder,
    }
    others {

    }
}
}

impl Texts {
    /// The sentence for a note of the fee engine.
    #[must_use]
    pub fn note(&self, note: &Note, format_date: &dyn Fn(chrono::NaiveDate) -> String) -> String {
        match note {
            Note::MemberRateDuesUnpaid { dues_year } => {
                fill(self.note_member_rate_dues_unpaid(), &[("year", &dues_year.to_string())])
            }
            Note::EarlyBirdMayApply => self.note_early_bird_may_apply().to_owned(),
            Note::EarlyBirdApplied { last_date } => {
                fill(self.note_early_bird_applied(), &[("date", &format_date(*last_date))])
            }
            Note::EarlyBirdEnded { last_date } => {
                fill(self.note_early_bird_ended(), &[("date", &format_date(*last_date))])
            }
            Note::GroupApplied { people } => fill(self.note_group_applied(), &[("people", &people.to_string())]),
            Note::GroupAvailable { min_size } => fill(self.note_group_available(), &[("min", &min_size.to_string())]),
            Note::CountryUnclassified { year, .. } => fill(self.note_country_unclassified(), &[("year", year)]),
            Note::ReducedAvailable { tier } => fill(self.note_reduced_available(), &[("tier", self.tier(*tier))]),
            Note::ReducedNotMember => self.note_reduced_not_member().to_owned(),
            Note::ReducedDuesUnpaid => self.note_reduced_dues_unpaid().to_owned(),
            Note::ReducedHighIncome => self.note_reduced_high_income().to_owned(),
            Note::ReducedNoCountry => self.note_reduced_no_country().to_owned(),
            Note::ReducedPlacesLimited { places } => {
                fill(self.note_reduced_places_limited(), &[("places", &places.to_string())])
            }
            Note::AfterCourseStart => self.note_after_course_start().to_owned(),
        }
    }

    /// The name of a reduced-place tier.
    #[must_use]
    pub fn tier(&self, tier: ReducedTier) -> &'static str {
        match tier {
            ReducedTier::LowIncome => self.reduced_low(),
            ReducedTier::MiddleIncome => self.reduced_middle(),
        }
    }

    /// The label of a discount line, e.g. "Member-city rate (50 %)".
    #[must_use]
    pub fn discount(&self, rule: Discount) -> &'static str {
        match rule {
            Discount::Membership => self.line_membership(),
            Discount::IncomePlace => self.line_income_place(),
            Discount::Group => self.line_group(),
            Discount::EarlyBird => self.line_early_bird(),
        }
    }

    /// The sentence for a problem in the edition file.
    #[must_use]
    pub fn edition_problem(&self, error: &EditionError) -> String {
        use EditionProblem as P;
        match &error.problem {
            P::Format(problem) => self.json_problem(problem),
            P::NotAFiscalYear => self.problem_fiscal_year().to_owned(),
            P::UnsupportedSchema { found } => fill(self.problem_schema(), &[("found", &found.to_string())]),
            P::Empty => self.problem_empty().to_owned(),
            P::NotAnEmail => self.problem_email().to_owned(),
            P::NotACurrency => self.problem_currency().to_owned(),
            P::EndBeforeStart => self.problem_end_before_start().to_owned(),
            P::TooSmall { min } => fill(self.problem_too_small(), &[("min", &min.to_string())]),
            P::BelowMinimum => self.problem_below_minimum().to_owned(),
            P::AfterStart => self.problem_after_start().to_owned(),
            P::ClosesBeforeOpens => self.problem_closes_before_opens().to_owned(),
            P::NotAUrl => self.problem_url().to_owned(),
            P::MissingEnglish => self.problem_missing_english().to_owned(),
            P::NotALanguageTag => self.problem_language_tag().to_owned(),
            P::NotAfterCourse => self.problem_not_after_course().to_owned(),
            P::MissingDiscount { discount } => fill(self.problem_missing_discount(), &[("rule", discount.code())]),
            P::DuplicateDiscount { discount } => fill(self.problem_duplicate_discount(), &[("rule", discount.code())]),
            P::UnknownClassificationYear { available } => {
                fill(self.problem_unknown_year(), &[("years", &available.join(", "))])
            }
            P::Zero => self.problem_zero().to_owned(),
        }
    }

    /// The sentence for a problem reading a JSON file (the field is named apart).
    #[must_use]
    pub fn json_problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Syntax { line, column } => {
                fill(self.problem_syntax(), &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            Problem::TooDeep => self.problem_too_deep().to_owned(),
            Problem::Missing => self.problem_missing().to_owned(),
            Problem::Unknown => self.problem_unknown().to_owned(),
            Problem::Duplicate => self.problem_duplicate().to_owned(),
            Problem::Empty => self.problem_empty_list().to_owned(),
            Problem::Invalid { expected, found } => {
                let what = match expected {
                    Expected::Text => self.expect_text().to_owned(),
                    Expected::WholeNumber => self.expect_whole_number().to_owned(),
                    Expected::Boolean => self.expect_boolean().to_owned(),
                    Expected::List => self.expect_list().to_owned(),
                    Expected::Object => self.expect_object().to_owned(),
                    Expected::Amount => self.expect_amount().to_owned(),
                    Expected::Percent => self.expect_percent().to_owned(),
                    Expected::Date => self.expect_date().to_owned(),
                    Expected::Origin => self.expect_origin().to_owned(),
                    Expected::CountryCode => self.expect_country_code().to_owned(),
                    Expected::FiscalYear => self.expect_fiscal_year().to_owned(),
                    Expected::Items(n) => fill(self.expect_items(), &[("count", &n.to_string())]),
                    Expected::OneOf(codes) => fill(self.expect_one_of(), &[("codes", &codes.join(", "))]),
                    Expected::Code => self.expect_code().to_owned(),
                    Expected::Other(_) => self.expect_other().to_owned(),
                };
                fill(self.problem_expected(), &[("found", found), ("expected", &what)])
            }
        }
    }

    /// The sentence for a problem in the deployment configuration.
    #[must_use]
    pub fn config_problem(&self, error: &ConfigError) -> String {
        match error {
            ConfigError::Format(e) => self.json_problem(&e.problem),
            ConfigError::UnsupportedSchema { found } => fill(self.problem_schema(), &[("found", &found.to_string())]),
            ConfigError::BadEndpoint => self.config_bad_endpoint().to_owned(),
            ConfigError::BadTimeout => self.config_bad_timeout().to_owned(),
            ConfigError::BadEmail(_) => self.problem_email().to_owned(),
        }
    }

    /// The sentence for a problem in the country file.
    #[must_use]
    pub fn countries_problem(&self, error: &CountriesError) -> String {
        let what = match &error.problem {
            CountriesProblem::BadHeader => self.countries_bad_header().to_owned(),
            CountriesProblem::CellCount => self.countries_cell_count().to_owned(),
            CountriesProblem::BadCode => self.countries_bad_code().to_owned(),
            CountriesProblem::BadClass(code) => fill(self.countries_bad_class(), &[("code", code)]),
            CountriesProblem::Duplicate => self.countries_duplicate().to_owned(),
            CountriesProblem::NoRows => self.countries_no_rows().to_owned(),
        };
        fill(self.countries_problem_line(), &[("line", &error.line.to_string()), ("problem", &what)])
    }

    /// The message for an amount that could not be read.
    #[must_use]
    pub fn amount_error(&self, error: AmountError) -> &'static str {
        match error {
            AmountError::Empty => self.amount_empty(),
            AmountError::NotANumber | AmountError::NotCanonical => self.amount_not_a_number(),
            AmountError::Negative => self.amount_negative(),
            AmountError::TooManyDecimals => self.amount_too_many_decimals(),
            AmountError::TooLarge => self.amount_too_large(),
        }
    }
}
