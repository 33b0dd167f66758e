//! `mailto:` links (RFC 6068): an address, a subject and a body, encoded the way every mail
//! program reads them. Written here rather than through the browser's `encodeURIComponent` so that
//! the prerendered page and the browser write the same link.

/// A `mailto:` link to `to` (none: the person chooses the recipient, e.g. a reply) with a subject
/// and a body. Line breaks become CRLF (`%0D%0A`), as RFC 6068 asks; every character but the
/// unreserved ones is percent-encoded as UTF-8.
///
/// ```
/// use metropolis_diploma::domain::mail::mailto;
/// assert_eq!(mailto(None, "Hi & bye", "a\nb"), "mailto:?subject=Hi%20%26%20bye&body=a%0D%0Ab");
/// assert_eq!(mailto(Some("x@example.org"), "é", ""), "mailto:x@example.org?subject=%C3%A9&body=");
/// ```
#[must_use]
pub fn mailto(to: Option<&str>, subject: &str, body: &str) -> String {
    let to = to.map_or_else(String::new, encode_address);
    format!("mailto:{to}?subject={}&body={}", percent_encode(subject), percent_encode(&crlf(body)))
}

/// `\n` and lone `\r` as `\r\n`.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n")
}

/// Percent-encodes everything but `A–Z a–z 0–9 - . _ ~` (RFC 3986's unreserved characters), as
/// UTF-8: for a `mailto:` query or a `data:` URL.
///
/// ```
/// assert_eq!(metropolis_diploma::domain::mail::percent_encode("a b;€"), "a%20b%3B%E2%82%AC");
/// ```
#[must_use]
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An address as the path of the link: `@` kept, anything that would end the path (`?`, `#`, `%`,
/// `&`, spaces…) encoded.
fn encode_address(address: &str) -> String {
    address.split('@').map(percent_encode).collect::<Vec<_>>().join("@")
}
