//! Data saved by the build before serde (tests/fixtures/saved-before-serde/, written by its
//! hand-written JSON writer) still opens, and this build writes it back byte for byte: drafts and
//! outboxes on applicants' devices survive the upgrade, and a body sent again is the same body.

mod common;

use common::{countries, edition, submission_day};
use metropolis_diploma::domain::draft::Envelope;
use metropolis_diploma::domain::outbox::{Failure, Outbox, OutboxState, Sent};
use metropolis_diploma::domain::submission::{verify, Submission};

const DRAFT: &str = include_str!("fixtures/saved-before-serde/draft-v2.json");
const OUTBOX_SENDING: &str = include_str!("fixtures/saved-before-serde/outbox-sending.json");
const OUTBOX_PAUSED: &str = include_str!("fixtures/saved-before-serde/outbox-paused.json");
const OUTBOX_REJECTED: &str = include_str!("fixtures/saved-before-serde/outbox-rejected.json");
const SENT: &str = include_str!("fixtures/saved-before-serde/sent.json");
const SUBMISSION: &str = include_str!("fixtures/saved-before-serde/submission.json");

#[test]
fn a_saved_draft_opens_and_is_written_back_the_same() {
    let e = Envelope::decode(DRAFT).unwrap_or_else(|err| panic!("the saved draft: {err:?}"));
    assert_eq!(e.data.registration.colleagues.len(), 1, "its colleague");
    assert_eq!(e.data.motivation.why, "Line one.\nLine \"two\"\t\\ 🌍", "escapes read back");
    assert_eq!(e.encode(), DRAFT, "written back byte for byte");
}

#[test]
fn saved_outboxes_open_and_are_written_back_the_same() {
    /// What a record's state should be.
    type Holds = fn(&OutboxState) -> bool;
    // (file, its text, the state it holds)
    let rows: [(&str, &str, Holds); 3] = [
        ("outbox-sending", OUTBOX_SENDING, |s| *s == OutboxState::Sending),
        ("outbox-paused", OUTBOX_PAUSED, |s| *s == OutboxState::Paused(Failure::Status(503))),
        (
            "outbox-rejected",
            OUTBOX_REJECTED,
            |s| matches!(s, OutboxState::Rejected(errors) if errors.len() == 1 && errors[0].code == "invalid_email"),
        ),
    ];
    for (file, text, holds) in rows {
        let o = Outbox::decode(text).unwrap_or_else(|err| panic!("{file}: {err:?}"));
        assert!(holds(&o.state), "{file}: {:?}", o.state);
        assert_eq!((o.attempts, o.not_before), (2, 1_756_720_800_123), "{file}: attempts and wait");
        assert_eq!(o.body, SUBMISSION, "{file}: the body to send again");
        assert_eq!(o.encode(), text, "{file}: written back byte for byte");
    }
    let s = Sent::decode(SENT).unwrap_or_else(|err| panic!("sent: {err:?}"));
    assert_eq!(s.reference, "MD25-7K3QXT");
    assert_eq!(s.encode(), SENT, "sent: written back byte for byte");
}

#[test]
fn a_body_sent_before_the_upgrade_is_the_same_body_after_it() {
    let sub = Submission::from_json(SUBMISSION).unwrap_or_else(|err| panic!("the saved body: {err:?}"));
    // The receiver compares bodies on their canonical text: the same as before serde.
    assert_eq!(sub.to_json_text(), SUBMISSION, "written back byte for byte");
    verify(&sub, &edition(), &countries(), submission_day()).unwrap_or_else(|errors| panic!("{errors:?}"));
}
