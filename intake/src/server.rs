//! The accept loop: HTTP/1.1 connections with a header-read timeout and a cap on open connections.
//!
//! `axum::serve` offers neither, so connections are served here with hyper's own HTTP/1 connection
//! (its `header_read_timeout`, which needs hyper-util's timer) and counted with a semaphore.

use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How connections are accepted and kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServeOptions {
    /// Open connections at most; the next ones get a 503 and are closed.
    pub max_connections: usize,
    /// Time allowed to send a request head, also while a kept-alive connection waits for the next one.
    pub header_timeout: Duration,
    /// How long shutting down waits for requests under way.
    pub grace: Duration,
}

/// Connections past the cap that may be waiting for their 503 at once; beyond, they are closed
/// without an answer.
const OVERFLOW_ANSWERS: usize = 64;

const BUSY_BODY: &str =
    r#"{"errors":[{"field":"body","code":"busy","message":"Too many open connections; try again."}]}"#;

/// The answer to a connection past the cap.
fn busy_response() -> String {
    format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         retry-after: 5\r\nx-content-type-options: nosniff\r\ncache-control: no-store\r\nconnection: close\r\n\r\n{BUSY_BODY}",
        BUSY_BODY.len()
    )
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests under way finish
/// (at most `options.grace`).
///
/// # Errors
/// None in practice: failed accepts (for example out of file descriptors) are logged and retried.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    options: ServeOptions,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(options.max_connections));
    let overflow = Arc::new(Semaphore::new(OVERFLOW_ANSWERS));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(options.header_timeout);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    crate::log!("intake: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            if let Ok(answer) = overflow.clone().try_acquire_owned() {
                tokio::spawn(async move {
                    answer_busy(stream).await;
                    drop(answer);
                });
            }
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = app.clone().map_request(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        });
        let io = TokioIo::new(JsonParseErrors { inner: stream, replacing: None });
        let connection = http.serve_connection(io, TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Errors are the client's (reset, timeout, malformed request): nothing to do but close.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(options.grace, graceful.shutdown()).await;
    Ok(())
}

/// Writes the 503 to a connection past the cap, then closes it after reading what the client sent
/// (closing with unread data would reset the connection and lose the answer).
async fn answer_busy(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(busy_response().as_bytes()).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 4096];
        while stream.read(&mut sink).await? > 0 {}
        Ok::<(), std::io::Error>(())
    })
    .await;
}

/// A connection whose bytes pass through unchanged, except hyper's own answer to a request it
/// cannot parse (400 for a control character in a header, 414, 431): hyper writes those without a
/// body and offers no hook, so the answer is recognised as it is written (a head alone, with one of
/// those statuses and `content-length: 0`, which the routes never send) and the JSON error body
/// of the contract is written in its place.
struct JsonParseErrors<T> {
    inner: T,
    /// The replacement being written: its bytes, how many are written, and the length of what
    /// hyper asked to write (reported as written once the replacement is).
    replacing: Option<(Vec<u8>, usize, usize)>,
}

/// The JSON answer that replaces `buf`, when `buf` is hyper's bodiless answer to an unparsable request.
fn parse_error_answer(buf: &[u8]) -> Option<Vec<u8>> {
    let head = buf.strip_suffix(b"\r\n\r\n")?;
    if head.windows(4).any(|w| w == b"\r\n\r\n") {
        return None;
    }
    let head = std::str::from_utf8(head).ok()?;
    let (status, field, code, message) = match head.get(..13)? {
        "HTTP/1.1 400 " | "HTTP/1.0 400 " => (
            "400 Bad Request",
            "headers",
            "malformed_request",
            "The request is not valid HTTP: a header holds a control character, or a line is malformed.",
        ),
        "HTTP/1.1 414 " | "HTTP/1.0 414 " => ("414 URI Too Long", "path", "uri_too_long", "The address is too long."),
        "HTTP/1.1 431 " | "HTTP/1.0 431 " => (
            "431 Request Header Fields Too Large",
            "headers",
            "headers_too_large",
            "The request's headers are too large.",
        ),
        _ => return None,
    };
    if !head.to_ascii_lowercase().contains("\r\ncontent-length: 0") {
        return None;
    }
    let body = serde_json::json!({ "errors": [ { "field": field, "code": code, "message": message } ] }).to_string();
    Some(
        format!(
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
             x-content-type-options: nosniff\r\ncache-control: no-store\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
    )
}

impl<T: AsyncRead + Unpin> AsyncRead for JsonParseErrors<T> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for JsonParseErrors<T> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.replacing.is_none() {
            match parse_error_answer(buf) {
                Some(answer) => this.replacing = Some((answer, 0, buf.len())),
                None => return Pin::new(&mut this.inner).poll_write(cx, buf),
            }
        }
        let Some((answer, written, asked)) = this.replacing.as_mut() else { return Poll::Ready(Ok(0)) };
        while *written < answer.len() {
            match Pin::new(&mut this.inner).poll_write(cx, &answer[*written..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => *written += n,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        let asked = *asked;
        this.replacing = None;
        Poll::Ready(Ok(asked))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
