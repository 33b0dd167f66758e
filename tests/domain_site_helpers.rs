//! The small pure helpers the course and refund pages use: the course's length in days and the
//! `mailto:` link of the cancellation message.

mod common;

use common::{date, edition};
use metropolis_diploma::domain::calendar::course_days;
use metropolis_diploma::domain::mail::mailto;

#[test]
fn the_course_length_counts_its_first_and_last_days() {
    let mut e = edition();
    for (start, end, days) in [
        (date(2025, 11, 17), date(2025, 11, 21), 5), // the brochure's "five days"
        (date(2025, 11, 17), date(2025, 11, 17), 1), // one day: "1 day", not "1 days"
        (date(2026, 2, 27), date(2026, 3, 2), 4),    // across the end of February
        (date(2027, 12, 30), date(2028, 1, 2), 4),   // across a new year
    ] {
        e.course.start_date = start;
        e.course.end_date = end;
        assert_eq!(course_days(&e), days, "{start} to {end}");
    }
}

#[test]
fn mailto_links_encode_what_mail_programs_would_misread() {
    #[rustfmt::skip]
    let rows = [
        // (to, subject, body, link)
        (None, "Cancellation", "", "mailto:?subject=Cancellation&body="),
        (Some("reservations@example.org"), "A", "B", "mailto:reservations@example.org?subject=A&body=B"),
        // Reserved characters of a URL or a mailto query never pass through as themselves.
        (None, "a&b=c?d#e", "50% + 1/2", "mailto:?subject=a%26b%3Dc%3Fd%23e&body=50%25%20%2B%201%2F2"),
        // Line breaks are CRLF, whatever the text had.
        (None, "", "one\ntwo\r\nthree\rfour", "mailto:?subject=&body=one%0D%0Atwo%0D%0Athree%0D%0Afour"),
        // UTF-8, byte by byte: accents, the euro sign, a no-break space.
        (None, "Annulation d’inscription", "1\u{a0}821,60\u{a0}€",
            "mailto:?subject=Annulation%20d%E2%80%99inscription&body=1%C2%A0821%2C60%C2%A0%E2%82%AC"),
        // An address that would end the path early is encoded around its @.
        (Some("a?b@example.org"), "", "", "mailto:a%3Fb@example.org?subject=&body="),
    ];
    for (to, subject, body, link) in rows {
        assert_eq!(mailto(to, subject, body), link, "to {to:?}, subject {subject:?}, body {body:?}");
    }
}
