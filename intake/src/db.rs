//! The store: one SQLite file in WAL mode, one row per application.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Mutex;

/// One stored application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's number, in the order received.
    pub id: i64,
    /// The human reference (`MD25-7K3QXT`).
    pub reference: String,
    /// The idempotency key, lower-case.
    pub key: String,
    /// SHA-256 (hex) of the canonical submission, to tell a retry from a reused key.
    pub body_sha256: String,
    /// The validated, canonical application (JSON text), never the body as received.
    pub application: String,
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

/// Version 2 stores the canonical application (version 1 kept the body as received).
const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS applications (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    idempotency_key TEXT NOT NULL UNIQUE,
    body_sha256     TEXT NOT NULL,
    application     TEXT NOT NULL,
    received_at     TEXT NOT NULL
);
PRAGMA user_version = 2;
";

const COLUMNS: &str = "id, reference, idempotency_key, body_sha256, application, received_at";

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
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let mut db = Db { conn: Mutex::new(conn) };
        db.migrate().map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(db)
    }

    /// Creates the table, or brings a version-1 file up to date: each stored body is replaced by
    /// its canonical form and its hash by the fingerprint a retry has now
    /// ([`crate::accept::canonical_legacy`]), and keys are lower-cased.
    fn migrate(&mut self) -> Result<(), String> {
        let conn = self.conn.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| e.to_string())?;
        match version {
            0 => conn.execute_batch(SCHEMA).map_err(|e| e.to_string()),
            1 => {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| e.to_string())?;
                tx.execute_batch("ALTER TABLE applications RENAME COLUMN body TO application")
                    .map_err(|e| e.to_string())?;
                let rows: Vec<(i64, String)> = {
                    let mut stmt = tx.prepare("SELECT id, application FROM applications").map_err(|e| e.to_string())?;
                    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| e.to_string())?;
                    rows.collect::<Result<_, _>>().map_err(|e| e.to_string())?
                };
                for (id, body) in rows {
                    if let Some(legacy) = crate::accept::canonical_legacy(&body) {
                        tx.execute(
                            "UPDATE applications SET application = ?1, body_sha256 = ?2 WHERE id = ?3",
                            params![legacy.application, legacy.fingerprint, id],
                        )
                        .map_err(|e| e.to_string())?;
                    }
                }
                // Two rows whose keys differ only in case (stored before keys were compared
                // lower-case) both stay; the second keeps its key as it was.
                tx.execute_batch(
                    "UPDATE OR IGNORE applications SET idempotency_key = lower(idempotency_key);
                     PRAGMA user_version = 2;",
                )
                .map_err(|e| e.to_string())?;
                tx.commit().map_err(|e| e.to_string())
            }
            SCHEMA_VERSION => Ok(()),
            other => Err(format!("database version {other} is newer than this receiver ({SCHEMA_VERSION})")),
        }
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

    /// Stores an application once per key, in one transaction.
    ///
    /// # Errors
    /// SQLite's.
    pub fn store(
        &self,
        key: &str,
        body_sha256: &str,
        application: &str,
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
            "INSERT INTO applications (reference, idempotency_key, body_sha256, application, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![reference, key, body_sha256, application, received_at],
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
            .query_row(&format!("SELECT {COLUMNS} FROM applications WHERE idempotency_key = ?1"), [key], row)
            .optional()
            .map_err(|e| e.to_string())
    }

    /// The number of the last row stored, 0 when there is none: an export lists rows up to it.
    ///
    /// # Errors
    /// SQLite's.
    pub fn last_id(&self) -> Result<i64, String> {
        self.conn()
            .query_row("SELECT COALESCE(MAX(id), 0) FROM applications", [], |r| r.get(0))
            .map_err(|e| e.to_string())
    }

    /// At most `limit` rows after row `after` up to row `upto`, in order: an export reads the table
    /// in such batches, holding the connection only for one batch at a time.
    ///
    /// # Errors
    /// SQLite's.
    pub fn batch(&self, after: i64, upto: i64, limit: usize) -> Result<Vec<Row>, String> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM applications WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT ?3"
            ))
            .map_err(|e| e.to_string())?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![after, upto, limit], row).map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())
    }

    /// Every stored application, oldest first (tests and small tools; the export reads in batches).
    ///
    /// # Errors
    /// SQLite's.
    pub fn list(&self) -> Result<Vec<Row>, String> {
        self.batch(0, i64::MAX, usize::MAX)
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        reference: r.get(1)?,
        key: r.get(2)?,
        body_sha256: r.get(3)?,
        application: r.get(4)?,
        received_at: r.get(5)?,
    })
}
