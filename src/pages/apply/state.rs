//! The form's state, shared by its pages (provided by [`super::shell::FormShell`]): the draft being
//! typed, what storage holds, and the notices about it.
//!
//! The draft starts empty, as the prerender rendered it, and is read from storage in an Effect once
//! the page is live ([`Form::load`]). Every change is saved a moment later (debounced), and at once
//! when the focus or the page goes; a newer copy written by another tab is taken rather than
//! overwritten.

use crate::context::use_data;
use crate::domain::application::Draft;
use crate::domain::draft::{merge, DecodeError, Envelope, Merge};
use crate::shell::storage::{self, Stored, DRAFT_KEY};
use leptos::prelude::*;
use std::time::Duration;

/// Whether the answers are kept on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// A change waits to be written.
    Saving,
    /// Written.
    Saved,
    /// The browser refuses to keep them (no storage, full quota, unreadable text it must not
    /// overwrite): they live only in this page.
    NotSaved,
}

/// Something the form tells the applicant about their saved answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Another tab or window changed the answers; this page took its copy.
    OtherTab,
    /// The saved answers were deleted in another tab or window.
    DeletedElsewhere,
    /// Stored text could not be read: why, and the key it was kept under.
    Unreadable(DecodeError, String),
    /// The applicant deleted the saved answers.
    Deleted,
    /// Answers were loaded from a file.
    Imported,
    /// A file could not be loaded: why.
    ImportFailed(DecodeError),
    /// The estimate's answers were carried into the draft.
    Prefilled,
}

/// The form's state (all handles: `Copy`).
#[derive(Clone, Copy, Debug)]
pub struct Form {
    /// The answers as typed.
    pub draft: RwSignal<Draft>,
    /// The copy last read from or written to storage.
    pub saved: RwSignal<Option<Envelope>>,
    /// Whether the answers are kept.
    pub status: RwSignal<SaveStatus>,
    /// The notice shown, if any.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether storage has been read (false in the prerender and while hydrating).
    pub ready: RwSignal<bool>,
    /// Bumped when the draft is replaced from outside (storage, another tab, a file), so that fields
    /// holding their own text (the country) read it again.
    pub epoch: RwSignal<u32>,
    /// Writes are refused for this page's life (no storage, or unreadable text left in place).
    locked: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    edition: &'static str,
}

impl Form {
    /// A form with an empty draft, as the prerender renders it.
    #[must_use]
    pub fn new() -> Form {
        Form {
            draft: RwSignal::new(Draft::default()),
            saved: RwSignal::new(None),
            status: RwSignal::new(SaveStatus::Idle),
            notice: RwSignal::new(None),
            ready: RwSignal::new(false),
            epoch: RwSignal::new(0),
            locked: StoredValue::new(false),
            timer: StoredValue::new(None),
            edition: use_data().edition.id.as_str(),
        }
    }

    /// Reads the stored draft (browser only: call from an Effect).
    pub fn load(self) {
        match storage::read_draft() {
            Stored::Unavailable => self.lock(),
            Stored::Empty => {}
            Stored::Draft(envelope) => self.take(*envelope),
            Stored::Unreadable { error, backup } => {
                // When the copy failed the text is still under the key: never write over it.
                if backup.is_none() {
                    self.lock();
                }
                self.notice.set(Some(Notice::Unreadable(error, backup.unwrap_or_else(|| DRAFT_KEY.to_owned()))));
            }
        }
        if self.draft.with_untracked(|d| d.key.is_empty()) {
            self.draft.update_untracked(|d| d.key = storage::new_key());
        }
        // Storage that refuses writes says so at once, not at the first answer (writes are still
        // tried: a full quota may clear).
        if !self.locked.get_value() && !storage::writable() {
            self.status.set(SaveStatus::NotSaved);
        }
        self.ready.set(true);
    }

    fn lock(self) {
        self.locked.set_value(true);
        self.status.set(SaveStatus::NotSaved);
    }

    /// Replaces the answers with a stored (or imported) copy.
    fn take(self, envelope: Envelope) {
        let mut data = envelope.data.clone();
        // Version-1 drafts had no key: one is made now, and saved with the next change.
        if data.key.is_empty() {
            data.key = storage::new_key();
        }
        if !self.locked.get_value() {
            self.status.set(SaveStatus::Saved);
        }
        self.saved.set(Some(envelope));
        self.draft.set(data);
        self.epoch.update(|e| *e += 1);
    }

    /// Whether there are answers (saved, or typed).
    #[must_use]
    pub fn has_answers(self) -> bool {
        self.saved.with(Option::is_some) || !self.draft.with(is_blank)
    }

    /// Changes the answers; saved a moment later.
    pub fn edit(self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        self.schedule();
    }

    fn schedule(self) {
        if self.locked.get_value() {
            return;
        }
        // A refused write is not announced again as "Saving…" at every keystroke.
        if self.status.get_untracked() != SaveStatus::NotSaved {
            self.status.set(SaveStatus::Saving);
        }
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), Duration::from_millis(400)).ok();
        self.timer.set_value(handle);
    }

    /// Writes the answers now if they changed; takes a newer stored copy instead of overwriting it.
    pub fn flush(self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
            self.timer.set_value(None);
        }
        if self.locked.get_value() || !self.ready.get_untracked() {
            return;
        }
        let data = self.draft.get_untracked();
        let unchanged = self.saved.with_untracked(|s| s.as_ref().map_or_else(|| is_blank(&data), |s| s.data == data));
        if unchanged {
            // Nothing to write: a refusal already said stays said (storage full or blocked) until
            // the next change is written.
            if self.status.get_untracked() != SaveStatus::NotSaved {
                let saved = self.saved.with_untracked(Option::is_some);
                self.status.set(if saved { SaveStatus::Saved } else { SaveStatus::Idle });
            }
            return;
        }
        if let (Stored::Draft(theirs), Some(ours)) = (storage::read_draft(), self.saved.get_untracked()) {
            if merge(&ours, &theirs) == Merge::TakeTheirs {
                self.take(*theirs);
                self.notice.set(Some(Notice::OtherTab));
                return;
            }
        }
        let envelope = Envelope::new(self.edition, &storage::now_iso(), data);
        if storage::write_draft(&envelope) {
            self.status.set(SaveStatus::Saved);
            self.saved.set(Some(envelope));
        } else {
            self.status.set(SaveStatus::NotSaved);
        }
    }

    /// Another tab changed the stored draft (`None`: removed it).
    pub fn from_other_tab(self, text: Option<String>) {
        let Some(text) = text else {
            if self.saved.with_untracked(Option::is_some) {
                self.reset();
                self.notice.set(Some(Notice::DeletedElsewhere));
            }
            return;
        };
        let Ok(theirs) = storage::decode_draft(&text) else { return };
        let take =
            self.saved.with_untracked(|ours| ours.as_ref().is_none_or(|o| merge(o, &theirs) == Merge::TakeTheirs));
        if take && self.draft.with_untracked(|d| *d != theirs.data) {
            self.take(theirs);
            self.notice.set(Some(Notice::OtherTab));
        }
    }

    /// Answers from a file: they replace this device's, and are written now.
    pub fn import(self, envelope: Envelope) {
        self.take(envelope);
        self.saved.set(None);
        self.notice.set(Some(Notice::Imported));
        self.flush();
    }

    /// Forgets the answers, here and in storage (backups stay).
    pub fn reset(self) {
        if !self.locked.get_value() {
            storage::clear_draft();
        }
        self.saved.set(None);
        self.draft.set(Draft { key: storage::new_key(), ..Draft::default() });
        self.epoch.update(|e| *e += 1);
        if !self.locked.get_value() {
            self.status.set(SaveStatus::Idle);
        }
    }

    /// The answers as a file's text: the stored copy when there is one and it is current, else a
    /// new envelope of the answers in this page.
    #[must_use]
    pub fn file_text(self) -> String {
        self.flush();
        let data = self.draft.get_untracked();
        match self.saved.get_untracked() {
            Some(s) if s.data == data => storage::draft_json(&s),
            _ => storage::draft_json(&Envelope::new(self.edition, &storage::now_iso(), data)),
        }
    }
}

impl Default for Form {
    fn default() -> Form {
        Form::new()
    }
}

/// Whether a draft holds no answer yet.
#[must_use]
pub fn is_blank(d: &Draft) -> bool {
    *d == Draft { key: d.key.clone(), ..Draft::default() }
}

/// The form's state. Panics outside the form's pages (a programming error).
#[must_use]
pub fn use_form() -> Form {
    expect_context::<Form>()
}
