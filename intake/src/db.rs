//! The store: one SQLite file in WAL mode, one row per application.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Mutex;

/// One stored application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The human reference (`MD25-7K3QXT`).
    pub reference: String,
    /// The idempotency key.
    pub key: String,
    /// SHA-256 (hex) of the canonical body.
    pub body_sha256: String,
    /// The body as received.
    pub body: String,
    /// When it was first received, UTC RFC 3339.
    pub received_at: String,
}

/// What storing a submission did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new row, with its new reference.
    Created(String),
    /// The same key with the same body was stored before: its first reference.
    Replayed(String),
    /// The same key was stored before with another body.
    KeyReused,
}

/// The database, behind one connection (a reference receiver's load is a few requests a day).
#[derive(Debug)]
pub struct Db {
    conn: Mutex<Connection>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS applications (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    idempotency_key TEXT NOT NULL UNIQUE,
    body_sha256     TEXT NOT NULL,
    body            TEXT NOT NULL,
    received_at     TEXT NOT NULL
);
PRAGMA user_version = 1;
";

/// Crockford's base 32: no I, L, O or U, so a reference read over the phone is unambiguous.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// SHA-256 of `bytes` in lowercase hex.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The `attempt`-th candidate reference for a key: `<prefix>-` and six base-32 characters of a hash.
#[must_use]
pub fn reference_candidate(prefix: &str, key: &str, attempt: u32) -> String {
    let digest = Sha256::digest(format!("{key}/{attempt}").as_bytes());
    let mut bits = u64::from_be_bytes(digest[..8].try_into().unwrap_or_default());
    let mut code = String::with_capacity(6);
    for _ in 0..6 {
        code.push(char::from(ALPHABET[(bits & 31) as usize]));
        bits >>= 5;
    }
    format!("{prefix}-{code}")
}

impl Db {
    /// Opens (creating if needed) the database file and its folder, in WAL mode.
    ///
    /// # Errors
    /// The folder cannot be created or the file cannot be opened as SQLite.
    pub fn open(path: &Path) -> Result<Db, String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let conn = Connection::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| format!("{}: cannot switch to WAL: {e}", path.display()))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(format!("{}: journal mode is {mode}, not wal", path.display()));
        }
        // FULL: a 201 is sent only after the row is on disk.
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")
            .and_then(|()| conn.execute_batch(SCHEMA))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Db { conn: Mutex::new(conn) })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves the connection usable: SQLite rolls back the transaction.
        self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The journal mode in force (`wal`).
    ///
    /// # Errors
    /// SQLite's.
    pub fn journal_mode(&self) -> Result<String, String> {
        self.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).map_err(|e| e.to_string())
    }

    /// Stores a submission once per key, in one transaction.
    ///
    /// # Errors
    /// SQLite's.
    pub fn store(
        &self,
        key: &str,
        body_sha256: &str,
        body: &str,
        received_at: &str,
        reference_prefix: &str,
    ) -> Result<Stored, String> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| e.to_string())?;
        let existing: Option<(String, String)> = tx
            .query_row("SELECT reference, body_sha256 FROM applications WHERE idempotency_key = ?1", [key], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(|e| e.to_string())?;
        if let Some((reference, hash)) = existing {
            return Ok(if hash == body_sha256 { Stored::Replayed(reference) } else { Stored::KeyReused });
        }
        let mut attempt = 0;
        let reference = loop {
            let candidate = reference_candidate(reference_prefix, key, attempt);
            let taken: bool = tx
                .query_row("SELECT EXISTS(SELECT 1 FROM applications WHERE reference = ?1)", [&candidate], |r| r.get(0))
                .map_err(|e| e.to_string())?;
            if !taken {
                break candidate;
            }
            attempt += 1;
        };
        tx.execute(
            "INSERT INTO applications (reference, idempotency_key, body_sha256, body, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![reference, key, body_sha256, body, received_at],
        )
        .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
        Ok(Stored::Created(reference))
    }

    /// The row stored under `key`, if any.
    ///
    /// # Errors
    /// SQLite's.
    pub fn find(&self, key: &str) -> Result<Option<Row>, String> {
        self.conn()
            .query_row(
                "SELECT reference, idempotency_key, body_sha256, body, received_at FROM applications
                 WHERE idempotency_key = ?1",
                [key],
                row,
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    /// Every stored application, oldest first.
    ///
    /// # Errors
    /// SQLite's.
    pub fn list(&self) -> Result<Vec<Row>, String> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT reference, idempotency_key, body_sha256, body, received_at FROM applications ORDER BY id")
            .map_err(|e| e.to_string())?;
        let rows = stmt.query_map([], row).map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row { reference: r.get(0)?, key: r.get(1)?, body_sha256: r.get(2)?, body: r.get(3)?, received_at: r.get(4)? })
}
