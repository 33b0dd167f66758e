//! The receiver over real sockets: the header-read timeout, the connection cap, the request
//! deadline, hyper's own refusals with the JSON body, and the binary's configuration errors.

mod support;

use intake::app;
use intake::server::{serve, ServeOptions};
use serde_json::Value;
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{state, TempDir, TOKEN};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A receiver on a free port of 127.0.0.1, stopped when the returned sender is dropped.
async fn listening(dir: &TempDir, options: ServeOptions) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let router = app(state(dir, Some(TOKEN), &[]));
    tokio::spawn(serve(listener, router, options, async move {
        let _ = stopped.await;
    }));
    (addr, stop)
}

fn options(max_connections: usize, header_timeout_ms: u64) -> ServeOptions {
    ServeOptions {
        max_connections,
        header_timeout: Duration::from_millis(header_timeout_ms),
        grace: Duration::from_millis(100),
    }
}

/// Everything the server sends until it closes (or 5 s pass).
async fn read_all(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

/// Status and JSON body of a raw HTTP/1.1 response.
fn parse(response: &str) -> (u16, Value) {
    let status =
        response.get(9..12).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status in {response:?}"));
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no head in {response:?}"));
    assert!(head.to_ascii_lowercase().contains("content-type: application/json"), "{head}");
    assert!(head.to_ascii_lowercase().contains("x-content-type-options: nosniff"), "{head}");
    (status, serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body:?}")))
}

fn code(body: &Value) -> &str {
    body["errors"][0]["code"].as_str().unwrap_or_default()
}

/// Sends a raw request and returns everything answered.
///
/// The request is written while the answer is read: a server that refuses a request before reading
/// all of it answers and closes, and a client that is still writing would otherwise meet a reset
/// before it reads the answer (which made this flaky on a loaded machine).
async fn exchange(addr: SocketAddr, request: &[u8]) -> String {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let request = request.to_vec();
    let writing = tokio::spawn(async move {
        // A refused request is closed early: the rest of it cannot be written, which is expected.
        let _ = writer.write_all(&request).await;
        writer
    });
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), reader.read_to_end(&mut out)).await;
    drop(writing.await);
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn a_connection_that_does_not_send_its_headers_in_time_is_closed() {
    let dir = TempDir::new();
    let (addr, _stop) = listening(&dir, options(16, 300)).await;
    // Half a request head, then silence; and a connection that sends nothing at all.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"POST /api/applications HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let mut idle = TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    let (slow_got, idle_got) = tokio::join!(read_all(&mut slow), read_all(&mut idle));
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(250) && took < Duration::from_secs(3), "closed after {took:?}");
    assert!(!slow_got.contains("201"), "{slow_got}");
    assert!(idle_got.is_empty(), "{idle_got}");
}

#[tokio::test]
async fn connections_past_the_cap_get_503_and_the_others_are_served() {
    let dir = TempDir::new();
    let (addr, _stop) = listening(&dir, options(3, 10_000)).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let response = exchange(addr, b"GET /api/applications HTTP/1.1\r\nHost: x\r\n\r\n").await;
    let (status, body) = parse(&response);
    assert_eq!((status, code(&body)), (503, "busy"), "{response}");
    assert!(response.to_ascii_lowercase().contains("retry-after: 5"), "{response}");

    // A slot frees when a connection closes.
    drop(held.pop());
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let response = exchange(addr, b"GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await;
        let (status, body) = parse(&response);
        if status == 404 {
            assert_eq!(code(&body), "not_found");
            break;
        }
        assert!(Instant::now() < deadline, "still {status} after a connection closed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_gets_408() {
    let dir = TempDir::new();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let limits = intake::Limits { request_timeout: Duration::from_millis(300), ..support::test_limits() };
    let router = app(intake::AppState { limits, ..state(&dir, Some(TOKEN), &[]) });
    tokio::spawn(serve(listener, router, options(16, 10_000), std::future::pending()));
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(
            b"POST /api/applications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
              Idempotency-Key: 3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31\r\nContent-Length: 1000\r\n\r\n{\"schema",
        )
        .await
        .unwrap();
    let started = Instant::now();
    let response = read_all(&mut stream).await;
    let (status, body) = parse(&response);
    assert_eq!((status, code(&body)), (408, "timeout"), "{response}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_kept_alive_connection_is_closed_after_its_429() {
    let dir = TempDir::new();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    // One request, then one a minute, from this peer; refusals held back 200 ms.
    let limits = intake::Limits {
        rate_per_minute: 1,
        rate_burst: 1,
        tarpit: Duration::from_millis(200),
        ..support::test_limits()
    };
    let router = app(intake::AppState { limits, ..state(&dir, Some(TOKEN), &[]) });
    tokio::spawn(serve(listener, router, options(16, 10_000), std::future::pending()));
    // Two requests on one kept-alive connection: the first is answered and the connection kept,
    // the second gets the 429, after which the receiver closes, long before the 10 s header timeout.
    let request = b"GET /api/applications HTTP/1.1\r\nHost: x\r\n\r\n";
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(&[&request[..], &request[..]].concat()).await.unwrap();
    let started = Instant::now();
    let answers = read_all(&mut stream).await;
    let took = started.elapsed();
    let second = answers.match_indices("HTTP/1.1 ").nth(1).map(|(i, _)| &answers[i..]);
    let second = second.unwrap_or_else(|| panic!("one answer only after {took:?}: {answers}"));
    assert!(answers.starts_with("HTTP/1.1 401"), "{answers}");
    let (status, body) = parse(second);
    assert_eq!((status, code(&body)), (429, "rate_limited"), "{second}");
    assert!(second.to_ascii_lowercase().contains("connection: close"), "{second}");
    assert!(took >= Duration::from_millis(200) && took < Duration::from_secs(3), "closed after {took:?}");
}

#[tokio::test]
async fn requests_hyper_cannot_parse_get_the_json_error_body() {
    let dir = TempDir::new();
    let (addr, _stop) = listening(&dir, options(16, 2000)).await;
    let control = exchange(
        addr,
        b"POST /api/applications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
          Idempotency-Key: 3f0c2a9e\x01-6d1b\r\nContent-Length: 2\r\n\r\n{}",
    )
    .await;
    let (status, body) = parse(&control);
    assert_eq!((status, code(&body)), (400, "malformed_request"), "{control}");
    assert_eq!(body["errors"][0]["field"], "headers");

    let delete = exchange(addr, b"GET /api/applications HTTP/1.1\r\nHost: x\r\nX-A: a\x7fb\r\n\r\n").await;
    assert_eq!(code(&parse(&delete).1), "malformed_request", "{delete}");

    let mut huge = b"GET /api/applications HTTP/1.1\r\nHost: x\r\nX-Big: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 500_000));
    huge.extend(b"\r\n\r\n");
    let response = exchange(addr, &huge).await;
    let (status, body) = parse(&response);
    assert_eq!((status, code(&body)), (431, "headers_too_large"), "{}", &response[..200.min(response.len())]);

    // A well-formed request on the same server is answered as usual.
    let ok = exchange(addr, b"GET /api/applications HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await;
    assert_eq!(parse(&ok).0, 401);
}

// ---------------------------------------------------------------------------------------------
// The binary.

fn intake() -> Command {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut command = Command::new(env!("CARGO_BIN_EXE_intake"));
    command
        .env_clear()
        .env("INTAKE_EDITION", format!("{root}/public/edition.json"))
        .env("INTAKE_COUNTRIES", format!("{root}/public/data/wb-income-classification.csv"))
        .env("INTAKE_ADDR", "127.0.0.1:0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

#[test]
fn configuration_errors_stop_the_binary_with_code_2_and_a_message() {
    let dir = TempDir::new();
    for (name, value) in [
        ("INTAKE_ALLOWED_ORIGINS", "*"),
        ("INTAKE_ALLOWED_ORIGINS", "https://www.metropolis.org/apply"),
        ("INTAKE_MAX_CONNECTIONS", "lots"),
        ("INTAKE_RATE_BURST", "0"),
        ("INTAKE_NOW", "tomorrow"),
        ("INTAKE_EDITION", "/nonexistent/edition.json"),
    ] {
        let output =
            intake().env("INTAKE_DB", dir.0.join("db.sqlite3")).env(name, value).output().expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}={value}: {stderr}");
        assert!(stderr.contains(name), "{name}={value}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}={value}: {stderr}");
    }
}

/// The binary, started with `vars`; its address read from its first line.
struct Running {
    child: std::process::Child,
    addr: SocketAddr,
}

impl Running {
    fn start(dir: &TempDir, vars: &[(&str, &str)]) -> Running {
        let mut command = intake();
        command.env("INTAKE_DB", dir.0.join("db.sqlite3"));
        for (name, value) in vars {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("the binary starts");
        let stderr = child.stderr.take().unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stderr), &mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Running { child, addr }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn the_binary_with_an_empty_token_refuses_every_listing() {
    let dir = TempDir::new();
    let running = Running::start(&dir, &[("INTAKE_TOKEN", "")]);
    for auth in ["Bearer ", "Bearer", "bearer \"\""] {
        let request =
            format!("GET /api/applications HTTP/1.1\r\nHost: x\r\nAuthorization: {auth}\r\nConnection: close\r\n\r\n");
        let response = exchange(running.addr, request.as_bytes()).await;
        let (status, body) = parse(&response);
        assert_eq!((status, code(&body)), (401, "unauthorized"), "{auth:?}: {response}");
    }
}

#[tokio::test]
async fn the_binary_takes_its_date_from_intake_now() {
    let dir = TempDir::new();
    let body = include_str!("fixtures/application.json");
    let post = format!(
        "POST /api/applications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Idempotency-Key: 3f0c2a9e-6d1b-4c8e-9a57-0b6f1d2e4c31\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    // The fixture was sent on 1 September 2025: accepted on that day ...
    let running = Running::start(&dir, &[("INTAKE_NOW", "2025-09-01T10:00:00Z"), ("INTAKE_TOKEN", TOKEN)]);
    let response = exchange(running.addr, post.as_bytes()).await;
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");
    drop(running);
    // ... and, as a new application, not a week later.
    let other = TempDir::new();
    let running = Running::start(&other, &[("INTAKE_NOW", "2025-09-08T10:00:00Z")]);
    let (status, body) = parse(&exchange(running.addr, post.as_bytes()).await);
    assert_eq!((status, code(&body)), (422, "date_mismatch"));
}

#[tokio::test]
async fn the_binary_keeps_serving_when_nobody_reads_its_log() {
    let dir = TempDir::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut command = intake();
    command.env("INTAKE_DB", dir.0.join("db.sqlite3")).env("INTAKE_ADDR", format!("127.0.0.1:{port}"));
    let mut child = command.spawn().expect("the binary starts");
    // Close the reading end at once: every line the receiver logs now fails to be written.
    drop(child.stderr.take());
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let served = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Err(format!("the receiver stopped: {status}"));
        }
        if let Ok(mut stream) = TcpStream::connect(addr).await {
            let _ = stream.write_all(b"GET /api/applications HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await;
            let response = read_all(&mut stream).await;
            if !response.is_empty() {
                break Ok(response);
            }
        }
        if Instant::now() > deadline {
            break Err("no answer within 10 s".to_owned());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let _ = child.kill();
    let _ = child.wait();
    let response = served.unwrap();
    assert_eq!(parse(&response).0, 401, "{response}");
}
