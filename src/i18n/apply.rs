//! The application form (`/apply`…).
//!
//! The section is read from a map of its keys rather than by serde's derive: with 177 texts, the
//! derived visitor (a field matcher and a `deserialize_with` wrapper per text, for maps and for
//! sequences) was the largest single function group of the WebAssembly. Reading is as strict:
//! a missing key is `missing field`, an unknown one `unknown field`, each named.

use super::{Str, Text};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One value of a section as read: a text, a list of texts or an object of texts.
enum Raw {
    Text(String),
    List(Vec<String>),
    Map(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, a list of texts or an object of texts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
                Ok(Raw::Text(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut list = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    list.push(item);
                }
                Ok(Raw::List(list))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Raw::Map(out))
            }
        }
        d.deserialize_any(RawVisitor)
    }
}

/// A text of the section, leaked for the page's life (see [`Text`]).
fn leak(s: String) -> Str {
    Text(Box::leak(s.into_boxed_str())).get()
}

/// What one key of a section holds.
trait FromRaw: Sized {
    /// What the catalogue must hold there, for the error.
    const EXPECTED: &'static str;
    fn from_raw(raw: Raw) -> Option<Self>;
}

impl FromRaw for Str {
    const EXPECTED: &'static str = "a text";
    fn from_raw(raw: Raw) -> Option<Str> {
        if let Raw::Text(s) = raw {
            Some(leak(s))
        } else {
            None
        }
    }
}

impl FromRaw for Vec<Str> {
    const EXPECTED: &'static str = "a list of texts";
    fn from_raw(raw: Raw) -> Option<Vec<Str>> {
        if let Raw::List(list) = raw {
            Some(list.into_iter().map(leak).collect())
        } else {
            None
        }
    }
}

impl FromRaw for BTreeMap<String, Str> {
    const EXPECTED: &'static str = "an object of texts";
    fn from_raw(raw: Raw) -> Option<BTreeMap<String, Str>> {
        if let Raw::Map(map) = raw {
            Some(map.into_iter().map(|(k, v)| (k, leak(v))).collect())
        } else {
            None
        }
    }
}

/// Takes the value of `key` out of the section's map.
fn take<T: FromRaw, E: de::Error>(map: &mut BTreeMap<String, Raw>, key: &'static str) -> Result<T, E> {
    let raw = map.remove(key).ok_or_else(|| E::missing_field(key))?;
    T::from_raw(raw).ok_or_else(|| E::invalid_type(Unexpected::Other("another kind of value"), &T::EXPECTED))
}

/// A section's struct, with `Serialize` derived (the prerender writes it into each page) and
/// `Deserialize` by key; `text` is a `Str`, `list` a `Vec<Str>`, `map` a `BTreeMap<String, Str>`.
macro_rules! section {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $kind:ident,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Serialize)]
        #[allow(missing_docs)]
        pub struct $name { $(pub $field: section!(@type $kind),)* }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$(stringify!($field),)*];
                let mut map = BTreeMap::<String, Raw>::deserialize(d)?;
                let section = $name { $($field: take(&mut map, stringify!($field))?,)* };
                if let Some(unknown) = map.keys().next() {
                    return Err(de::Error::unknown_field(unknown, FIELDS));
                }
                Ok(section)
            }
        }
    };
    (@type text) => { Str };
    (@type list) => { Vec<Str> };
    (@type map) => { BTreeMap<String, Str> };
}

section! {
    /// The application form (`/apply`…). One field per key of the catalogue's `apply` section. Figures
    /// (dates, years, amounts, counts, percentages) reach the texts through `{placeholders}`, from the
    /// data; a text that would name a contact address has a twin worded without one.
    ApplyTexts {
        title: text,
        intro: text,
        state_open: text,
        state_upcoming: text,
        state_closed: text,
        state_in_progress: text,
        state_ended: text,
        state_draft_kept: text,
        need_title: text,
        need: list,
        time_title: text,
        time_body: text,
        saved_title: text,
        saved_body: text,
        continue_app: text,
        last_saved: text,
        start_now: text,
        delete_saved: text,
        confirm_delete: text,
        deleted: text,
        deleted_elsewhere: text,
        files_title: text,
        export: text,
        import_label: text,
        import_hint: text,
        imported: text,
        import_not_json: text,
        import_not_draft: text,
        import_future: text,
        import_invalid: text,
        how_title: text,
        how: list,
        sending_notice: text,
        sending_link: text,
        prefill_title: text,
        prefill_body: text,
        prefill_yours: text,
        prefill_estimate: text,
        prefill_use: text,
        prefill_keep: text,
        prefilled: text,
        prefill_people: text,
        no_js: text,
        no_js_contact: text,
        no_js_no_contact: text,
        status_saving: text,
        status_saved: text,
        status_not_saved: text,
        other_tab: text,
        unreadable: text,
        step_of: text,
        step_names: list,
        back: text,
        back_to_start: text,
        continue_: text,
        error_summary: text,
        error_prefix: text,
        optional: text,
        words: text,
        max_chars: text,
        yes: text,
        no: text,
        not_sure: text,
        not_answered: text,
        first_name: text,
        surname: text,
        email: text,
        email_hint: text,
        phone: text,
        phone_hint: text,
        job_title: text,
        department: text,
        years: text,
        years_hint: text,
        career: text,
        junior: text,
        mid_career: text,
        senior: text,
        org_name: text,
        authority: text,
        local: text,
        metropolitan: text,
        city: text,
        country: text,
        country_hint: text,
        member: text,
        member_hint: text,
        dues: text,
        ia_department: text,
        why: text,
        why_hint: text,
        experience: text,
        experience_hint: text,
        project: text,
        project_hint: text,
        english: text,
        fluent: text,
        working: text,
        basic: text,
        with_colleagues: text,
        with_colleagues_hint: text,
        alone: text,
        together: text,
        colleague: text,
        colleague_name: text,
        colleague_email: text,
        add_colleague: text,
        remove_colleague: text,
        reduced: text,
        reduced_hint: text,
        invoice_title: text,
        billing_organisation: text,
        billing_address: text,
        tax_id: text,
        po_reference: text,
        invoice_email: text,
        conditions: text,
        conditions_link: text,
        refund_link: text,
        data_consent: text,
        truthful: text,
        fee_title: text,
        fee_per_person: text,
        fee_people: text,
        fee_total: text,
        fee_reduced: text,
        fee_reduced_note: text,
        fee_note: text,
        check_title: text,
        change: text,
        send: text,
        rejected_title: text,
        rejected_quote: text,
        rejected_date: text,
        rejected_other: text,
        edition_closed: text,
        send_no_storage: text,
        send_no_storage_write: text,
        required: map,
        required_other: text,
        colleague_name_required: text,
        colleague_email_required: text,
        invalid_email: text,
        invalid_phone: text,
        invalid_years: text,
        too_many_words: text,
        no_colleagues: text,
        too_many_people: text,
        must_accept: text,
        unknown_country: text,
        too_long: text,
        done_title: text,
        done_body: text,
        reference_label: text,
        reference_hint: text,
        next_title: text,
        next_steps: list,
        record_title: text,
        print_record: text,
        sent_at: text,
        nothing_sent: text,
        send_title: text,
        status_sending: text,
        status_waiting: text,
        status_offline: text,
        paused_title: text,
        paused_body: text,
        paused_write: text,
        paused_reason: text,
        reason_network: text,
        reason_timeout: text,
        reason_status: text,
        try_again: text,
        conflict_title: text,
        conflict_body: text,
        conflict_write: text,
    }
}
