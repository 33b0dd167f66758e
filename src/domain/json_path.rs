//! Which field of a JSON document a parser error points at.
//!
//! serde_json reports errors by line and column; a deployer needs the field (`fees.list_fee`).
//! Scanning the text up to that position recovers the path of keys and indexes, which is far
//! smaller in WebAssembly than tracking the path during deserialisation.

/// One level of nesting.
enum Frame {
    Object { key: Option<String>, expecting_key: bool },
    Array { index: usize },
}

/// The dotted path (`fees.discount_order.2`) of the value at `line`/`column` (1-based, as serde_json
/// reports them) in `text`. `closing_object` says the error is about the object that ends at that
/// position (a missing field), so its own last key is not part of the path.
#[must_use]
pub fn path_at(text: &str, line: usize, column: usize, closing_object: bool) -> String {
    let offset = offset_of(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    // The last object closed, and its last key: serde_json reports an error in an object's last
    // field after the closing brace.
    let mut closed: Option<(usize, Option<String>)> = None;
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'"' => {
                let (value, end) = read_string(text, i);
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                    if *expecting_key {
                        *key = Some(value);
                        *expecting_key = false;
                    }
                }
                i = end;
                continue;
            }
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                closed = match stack.pop() {
                    Some(Frame::Object { key, .. }) => Some((i, key)),
                    _ => None,
                };
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let before = text.get(..offset.min(text.len())).unwrap_or_default().trim_end();
    let just_closed = closed.filter(|(at, _)| before.len() == at + 1).and_then(|(_, key)| key);
    if closing_object {
        let rest = text.get(offset.min(text.len())..).unwrap_or_default();
        if rest.trim_start().starts_with('}') {
            stack.pop();
        }
    }
    let mut parts: Vec<String> = stack
        .iter()
        .filter_map(|f| match f {
            Frame::Object { key, .. } => key.clone(),
            Frame::Array { index } => Some(index.to_string()),
        })
        .collect();
    if !closing_object {
        parts.extend(just_closed);
    }
    parts.join(".")
}

/// The byte offset of a 1-based line and column; columns count bytes, as serde_json's do.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column).min(text.len())
}

/// Reads a JSON string starting at the quote at `start`; returns it (escapes kept as written,
/// enough for keys) and the index after the closing quote.
fn read_string(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (text[start + 1..i].to_owned(), i + 1),
            _ => i += 1,
        }
    }
    (text.get(start + 1..).unwrap_or_default().to_owned(), bytes.len())
}
