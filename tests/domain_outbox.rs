//! Sending without loss: what happens after each attempt, the waits, and the stored records.

use metropolis_diploma::domain::outbox::{
    backoff_ms, next, reference, rejection, retry_after_ms, Failure, Next, Outbox, OutboxState, Outcome, Sent,
    AUTOMATIC_ATTEMPTS, MAX_DELAY_MS,
};
use metropolis_diploma::domain::submission::ReceiverError;
use proptest::prelude::*;

fn response(status: u16, retry_after: Option<&str>, body: &str) -> Outcome {
    Outcome::Response { status, retry_after: retry_after.map(str::to_owned), body: body.to_owned() }
}

#[test]
fn each_outcome_leads_to_the_right_next_step() {
    let ok = r#"{"reference": "MD-2025-0001"}"#;
    let invalid = r#"{"errors": [{"field": "answers.about.email", "code": "invalid_email", "message": "x"}]}"#;
    // (description, outcome, attempts so far, expected)
    #[rustfmt::skip]
    let rows: Vec<(&str, Outcome, u32, Next)> = vec![
        ("201 with a reference", response(201, None, ok), 1, Next::Sent("MD-2025-0001".into())),
        ("200 replay with a reference", response(200, None, ok), 3, Next::Sent("MD-2025-0001".into())),
        ("200 without a reference is retried", response(200, None, "{}"), 1, Next::Retry(backoff_ms(1, 0.0))),
        ("422 is shown", response(422, None, invalid), 1,
            Next::Rejected(vec![ReceiverError::new("answers.about.email", "invalid_email", "x")])),
        ("409 is a conflict", response(409, None, ""), 1, Next::Conflict),
        ("500 is retried", response(500, None, ""), 1, Next::Retry(backoff_ms(1, 0.0))),
        ("503 with a longer Retry-After waits for it", response(503, Some("7"), ""), 1, Next::Retry(7_000)),
        ("429 with a shorter Retry-After keeps the backoff", response(429, Some("0"), ""), 3, Next::Retry(backoff_ms(3, 0.0))),
        ("408 is retried", response(408, None, ""), 2, Next::Retry(backoff_ms(2, 0.0))),
        ("a network error is retried", Outcome::NetworkError, 1, Next::Retry(backoff_ms(1, 0.0))),
        ("a timeout is retried", Outcome::TimedOut, 4, Next::Retry(backoff_ms(4, 0.0))),
        ("the last automatic attempt pauses", Outcome::NetworkError, AUTOMATIC_ATTEMPTS, Next::Pause(Failure::Network)),
        ("a last timeout pauses as a timeout", Outcome::TimedOut, AUTOMATIC_ATTEMPTS, Next::Pause(Failure::Timeout)),
        ("a last 503 pauses with its status", response(503, None, ""), AUTOMATIC_ATTEMPTS, Next::Pause(Failure::Status(503))),
        ("404 pauses at once", response(404, None, ""), 1, Next::Pause(Failure::Status(404))),
        ("413 pauses at once", response(413, None, ""), 1, Next::Pause(Failure::Status(413))),
        ("401 pauses at once", response(401, None, ""), 1, Next::Pause(Failure::Status(401))),
    ];
    for (what, outcome, attempts, expected) in rows {
        assert_eq!(next(&outcome, attempts, 0.0), expected, "{what}");
    }
}

#[test]
fn backoff_doubles_up_to_a_minute() {
    let rows = [(1, 500), (2, 1_000), (3, 2_000), (4, 4_000), (6, 16_000), (7, 30_000), (8, 30_000), (40, 30_000)];
    for (attempt, ms) in rows {
        assert_eq!(backoff_ms(attempt, 0.0), ms, "backoff_ms({attempt}, 0)");
        assert_eq!(backoff_ms(attempt, 1.0), (ms * 2).min(MAX_DELAY_MS), "backoff_ms({attempt}, 1)");
    }
}

#[test]
fn retry_after_is_delta_seconds_capped() {
    let rows = [
        ("5", Some(5_000)),
        (" 30 ", Some(30_000)),
        ("0", Some(0)),
        ("86400", Some(MAX_DELAY_MS)),
        ("-1", None),
        ("1.5", None),
        ("", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", None),
        ("99999999999", None),
    ];
    for (value, ms) in rows {
        assert_eq!(retry_after_ms(value), ms, "retry_after_ms({value:?})");
    }
}

#[test]
fn references_and_rejections_are_read_defensively() {
    assert_eq!(reference(r#"{"reference":"A-1"}"#).as_deref(), Some("A-1"));
    for bad in ["", "{}", r#"{"reference":""}"#, r#"{"reference":7}"#, "not json", r#"{"reference":"a\nb"}"#] {
        assert_eq!(reference(bad), None, "reference({bad:?})");
    }
    for bad in ["", "{}", r#"{"errors":[]}"#, r#"{"errors":"x"}"#] {
        assert_eq!(
            rejection(bad),
            vec![ReceiverError::new("body", "rejected", "The application was refused.")],
            "{bad:?}"
        );
    }
}

#[test]
fn records_round_trip_through_storage() {
    let mut o = Outbox::new("3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31", "{\"a\":\"é\\n\"}".into());
    for state in [
        OutboxState::Sending,
        OutboxState::Paused(Failure::Network),
        OutboxState::Paused(Failure::Timeout),
        OutboxState::Paused(Failure::Status(503)),
        OutboxState::Rejected(vec![ReceiverError::new("quote", "quote_mismatch", "x")]),
        OutboxState::Conflict,
    ] {
        o.state = state;
        o.attempts = 3;
        o.not_before = 1_764_000_000_123;
        assert_eq!(Outbox::decode(&o.encode()), Ok(o.clone()), "{:?}", o.state);
    }
    assert!(Outbox::decode("{}").is_err());
    assert!(Outbox::decode(r#"{"schema":2,"key":"k","body":"b","state":"sending"}"#).is_err());
    let s = Sent { reference: "MD-1".into(), body: "{}".into() };
    assert_eq!(Sent::decode(&s.encode()), Ok(s));
}

proptest! {
    /// Every wait is positive and at most a minute, and an answer never loops forever: after the
    /// automatic attempts, only Sent, Pause, Rejected or Conflict remain.
    #[test]
    fn waits_are_bounded_and_attempts_end(status in 100u16..600, attempts in 1u32..20, jitter in 0.0f64..1.0,
                                           retry in proptest::option::of("[0-9]{1,6}")) {
        let outcome = response(status, retry.as_deref(), "");
        match next(&outcome, attempts, jitter) {
            Next::Retry(ms) => {
                prop_assert!(ms <= MAX_DELAY_MS, "{} ms", ms);
                prop_assert!(attempts < AUTOMATIC_ATTEMPTS);
            }
            Next::Sent(_) => prop_assert!(false, "no reference in the body"),
            _ => {}
        }
    }
}
