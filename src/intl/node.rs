//! Node's `Intl` for the native page renderer: the shared formatting module (`format.js`) runs in
//! one Node child process, asked one JSON line at a time. Node ships full ICU, so a prerendered
//! page writes figures, dates and country names exactly as the browser that takes it over does.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;

const MODULE: &str = include_str!("format.js");
const LOOP: &str = r#"
import { createInterface } from 'node:readline';
createInterface({ input: process.stdin }).on('line', (line) => {
  const r = JSON.parse(line);
  process.stdout.write(JSON.stringify(format(r[0], r[1], r[2], r[3], r[4])) + '\n');
});
"#;

struct Bridge {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    cache: HashMap<[String; 5], String>,
}

static BRIDGE: Mutex<Option<Bridge>> = Mutex::new(None);

/// Starts the Node process (`node` on `PATH`, or `$NODE`).
///
/// # Errors
/// Node cannot be started.
pub fn start() -> std::io::Result<()> {
    let node = std::env::var("NODE").unwrap_or_else(|_| "node".to_owned());
    let mut child = Command::new(node)
        .args(["--input-type=module", "-e", &format!("{MODULE}\n{LOOP}")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let stdin = child.stdin.take().ok_or_else(|| std::io::Error::other("no stdin"))?;
    let stdout = BufReader::new(child.stdout.take().ok_or_else(|| std::io::Error::other("no stdout"))?);
    *BRIDGE.lock().unwrap_or_else(std::sync::PoisonError::into_inner) =
        Some(Bridge { child, stdin, stdout, cache: HashMap::new() });
    Ok(())
}

/// Stops the Node process.
pub fn stop() {
    if let Some(mut b) = BRIDGE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take() {
        drop(b.stdin);
        let _ = b.child.wait();
    }
}

/// One formatting request; `''` when `Intl` cannot format the value.
///
/// # Panics
/// When the bridge was not started or Node stopped answering: the page renderer cannot write a
/// correct page without it, and it is a build tool, not a request handler.
pub(super) fn format(kind: &str, locale: &str, a: &str, b: &str, extra: &str) -> String {
    let mut guard = BRIDGE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let bridge = guard.as_mut().expect("intl::node::start() before rendering");
    let key = [kind, locale, a, b, extra].map(str::to_owned);
    if let Some(hit) = bridge.cache.get(&key) {
        return hit.clone();
    }
    let request = serde_json::to_string(&key).expect("strings serialise");
    writeln!(bridge.stdin, "{request}").and_then(|()| bridge.stdin.flush()).expect("Node's Intl accepts a request");
    let mut line = String::new();
    bridge.stdout.read_line(&mut line).expect("Node's Intl answers");
    let text: String = serde_json::from_str(&line).expect("Node's Intl answers a JSON string");
    bridge.cache.insert(key, text.clone());
    text
}
