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
        ("200 without a reference is retried", response(200, None, "{}"), 1, Next::Retry(500)),
        ("422 is shown", response(422, None, invalid), 1,
            Next::Rejected(vec![ReceiverError::new("answers.about.email", "invalid_email", "x")])),
        ("409 is a conflict", response(409, None, ""), 1, Next::Conflict),
        ("500 is retried", response(500, None, ""), 1, Next::Retry(500)),
        ("503 with a longer Retry-After waits for it", response(503, Some("7"), ""), 1, Next::Retry(7_000)),
        ("429 with a shorter Retry-After keeps the backoff", response(429, Some("1"), ""), 3, Next::Retry(2_000)),
        ("503 with a Retry-After beyond the cap waits the cap", response(503, Some("3600"), ""), 1, Next::Retry(60_000)),
        ("408 is retried", response(408, None, ""), 2, Next::Retry(1_000)),
        ("a network error is retried", Outcome::NetworkError, 1, Next::Retry(500)),
        ("a timeout is retried", Outcome::TimedOut, 4, Next::Retry(4_000)),
        ("the last automatic attempt pauses", Outcome::NetworkError, AUTOMATIC_ATTEMPTS, Next::Pause(Failure::Network)),
        ("a last timeout pauses as a timeout", Outcome::TimedOut, AUTOMATIC_ATTEMPTS, Next::Pause(Failure::Timeout)),
        ("a last 503 pauses with its status", response(503, None, ""), AUTOMATIC_ATTEMPTS, Next::Pause(Failure::Status(503))),
        ("404 pauses at once", response(404, None, ""), 1, Next::Pause(Failure::Status(404))),
        ("413 pauses at once", response(413, None, ""), 1, Next::Pause(Failure::Status(413))),
        ("401 pauses at once", response(401, None, ""), 1, Next::Pause(Failure::Status(401))),
    ];
    // Jitter 0: each wait is the smallest it can be, half of 1 s, 2 s, 4 s…
    for (what, outcome, attempts, expected) in rows {
        assert_eq!(next(&outcome, attempts, 0.0), expected, "{what} (after attempt {attempts})");
    }
}

#[test]
fn backoff_doubles_from_one_second_and_never_exceeds_a_minute() {
    // The README: "waiting 1 s, 2 s, 4 s… with jitter (each wait between half and all of that),
    // at most 60 s". (attempt just made, the full wait before the next one, in ms)
    #[rustfmt::skip]
    let rows: &[(u32, u32)] = &[
        (0, 1_000), (1, 1_000), (2, 2_000), (3, 4_000), (4, 8_000), (5, 16_000), (6, 32_000),
        (7, 60_000), (8, 60_000), (17, 60_000), (40, 60_000), (u32::MAX, 60_000),
    ];
    for &(attempt, full) in rows {
        // Jitter 0 halves the wait, 1 keeps it whole, 0.5 takes three quarters; outside 0..1 is clamped.
        assert_eq!(backoff_ms(attempt, 0.0), full / 2, "backoff_ms({attempt}, 0)");
        assert_eq!(backoff_ms(attempt, 0.5), full / 4 * 3, "backoff_ms({attempt}, 0.5)");
        assert_eq!(backoff_ms(attempt, 1.0), full, "backoff_ms({attempt}, 1)");
        assert_eq!(backoff_ms(attempt, -3.0), full / 2, "backoff_ms({attempt}, -3)");
        assert_eq!(backoff_ms(attempt, 7.0), full, "backoff_ms({attempt}, 7)");
        assert_eq!(backoff_ms(attempt, f64::NAN).clamp(full / 2, full), backoff_ms(attempt, f64::NAN), "NaN jitter");
    }
    assert_eq!(MAX_DELAY_MS, 60_000, "a minute at most");
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

/// A 2xx body with a reference, or one of the bodies that carry none.
fn any_body() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z0-9-]{1,12}".prop_map(|r| format!(r#"{{"reference":"{r}"}}"#)),
        Just(String::new()),
        Just("{}".to_owned()),
        Just(r#"{"reference":""}"#.to_owned()),
        Just(r#"{"errors":[{"field":"quote","code":"quote_mismatch","message":"x"}]}"#.to_owned()),
    ]
}

proptest! {
    /// Every wait is positive and at most a minute; an answer never loops forever (after the
    /// automatic attempts only Sent, Pause, Rejected or Conflict remain); only a 2xx with a
    /// reference is sent, and then with that reference.
    #[test]
    fn waits_are_bounded_attempts_end_and_only_a_reference_sends(
        status in prop_oneof![200u16..300, 100u16..600], attempts in 1u32..20, jitter in 0.0f64..1.0,
        retry in proptest::option::of("[0-9]{1,6}"), body in any_body(),
    ) {
        let outcome = response(status, retry.as_deref(), &body);
        match next(&outcome, attempts, jitter) {
            Next::Retry(ms) => {
                prop_assert!((1..=MAX_DELAY_MS).contains(&ms), "{} ms", ms);
                prop_assert!(attempts < AUTOMATIC_ATTEMPTS, "a retry after attempt {}", attempts);
                prop_assert!(status == 408 || status == 429 || status >= 500 || (200..300).contains(&status), "status {}", status);
            }
            Next::Sent(r) => {
                prop_assert!((200..300).contains(&status), "sent on {}", status);
                prop_assert_eq!(Some(r), reference(&body), "the reference of {}", body);
            }
            Next::Rejected(_) => prop_assert_eq!(status, 422),
            Next::Conflict => prop_assert_eq!(status, 409),
            Next::Pause(_) => {}
        }
    }
}
