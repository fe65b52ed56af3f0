//! The database: every SQL statement of the sandbox lives under this module, one file per
//! table family, each written once for SQLite and PostgreSQL ([`Backend`]).

pub mod accounts;
pub mod customers;
pub mod enrollments;
pub mod outbox;
pub mod payments;
pub mod sessions;
pub mod tokens;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyConnection, AnyPool, Executor};

/// The database behind the store: SQLite (the embedded default, one process) or PostgreSQL
/// (shared by several instances). Every statement is written once, in the SQL both speak
/// (`$n` parameters, no dialect functions); each has its own migrations, kept in step
/// (`migrations/sqlite/`, `migrations/postgres/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A write transaction on the store's database, holding this process's turn to write
/// (SQLite only).
///
/// SQLite has one writer at a time, and a connection that finds it taken waits in SQLite's busy
/// handler, which sleeps in steps of up to 100 ms: that put the p99 of payments at 80 ms at 16
/// connections. The process's own write transactions queue here instead, and take the
/// database's lock only when it is free. Correctness never rests on this turn: the database's
/// constraints and conditional updates decide every race (and across processes). PostgreSQL
/// has row locks and no single writer: no turn.
pub struct Tx {
    inner: sqlx::Transaction<'static, Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Tx {
    /// The connection to run statements on.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.inner
    }

    /// Commits (dropping a `Tx` rolls it back).
    pub async fn commit(self) -> sqlx::Result<()> {
        self.inner.commit().await
    }
}

/// Handle to the database (cheap to clone).
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The process's turn to write (see [`Tx`]); SQLite only.
    writer: Option<Arc<tokio::sync::Mutex<()>>>,
    /// The checkpoints' own connection and the log's cap in pages ([`Store::checkpoints`]),
    /// closed with the pool.
    checkpointer: Arc<tokio::sync::Mutex<Option<(AnyConnection, i64)>>>,
}

impl Store {
    /// Opens the database at `url` (`sqlite://…`, created if missing, or `postgres://…`) and
    /// runs its migrations.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres://");
        };
        let pool = match backend {
            Backend::Postgres => AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await
                .with_context(|| format!("connecting to PostgreSQL at {}", redacted(url)))?,
            Backend::Sqlite => {
                // Created if missing, unless the URL says otherwise.
                let url = if url.contains("mode=") {
                    url.to_owned()
                } else {
                    format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
                };
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // In WAL mode, NORMAL syncs at checkpoints, not at every commit: a
                            // killed process loses nothing committed (the WAL is in the OS's
                            // hands), only a power cut may lose the last commits. Measured
                            // (server build, 16 connections): token p99 57 → 18 ms.
                            // Checkpoints are the store's own (`Store::checkpoints`), not run
                            // inside a commit; SQLite's own, at 262,144 pages (four times the
                            // store's cap at 1 KiB pages), only if those stop.
                            // 1 KiB pages for a new database (an existing one keeps its own):
                            // a write touches a few random pages of each index, and each goes
                            // whole into the log. Measured (server build, 16 connections):
                            // against 4 KiB, a quarter of the log, payments 1,500 → 2,000/s.
                            conn.execute(
                                "PRAGMA page_size = 1024; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;
                                 PRAGMA wal_autocheckpoint = 262144;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await
                    .with_context(|| "opening the database")?
            }
        };
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await,
        }
        .context("running migrations")?;
        Ok(Self {
            pool,
            backend,
            writer: (backend == Backend::Sqlite).then(Arc::default),
            checkpointer: Arc::default(),
        })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// This process's turn to write (see [`Tx`]), for a single write statement on the busy
    /// paths; a transaction takes it with [`Store::begin`]. None on PostgreSQL.
    pub(crate) async fn turn(&self) -> Option<tokio::sync::OwnedMutexGuard<()>> {
        match &self.writer {
            Some(w) => Some(w.clone().lock_owned().await),
            None => None,
        }
    }

    /// Starts a write transaction, once it is this process's turn to write.
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        let turn = self.turn().await;
        Ok(Tx {
            inner: self.pool.begin().await?,
            _turn: turn,
        })
    }

    /// Copies SQLite's write-ahead log into the database file, for as long as the store is
    /// open (SQLite only; returns at once on PostgreSQL).
    ///
    /// SQLite would otherwise checkpoint inside the commit that fills its log past 1,000
    /// pages, and that commit's fsyncs held every other write waiting for the process's turn:
    /// they were the p99 under load (payments at 16 connections: 25–29 ms on disk, 8 ms on
    /// tmpfs). Here a passive checkpoint, which neither waits for nor stops anyone, copies the
    /// log every 100 ms on a connection of its own. Under a steady load the log never gets a
    /// moment to start over, so once it passes 64 MiB the rest is copied in the writers' turn
    /// and the log emptied as soon as no reader is left on it (measured: 30–70 ms, once per
    /// 64 MiB of log).
    pub async fn checkpoints(self) {
        self.checkpoints_capped(64 << 20).await
    }

    /// [`Store::checkpoints`] with the log's cap, in bytes.
    async fn checkpoints_capped(self, cap_bytes: i64) {
        if self.backend != Backend::Sqlite {
            return;
        }
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let mut conn = self.checkpointer.lock().await;
            if self.pool.is_closed() {
                return;
            }
            if let Err(e) = self.checkpoint_once(&mut conn, cap_bytes).await {
                tracing::warn!("checkpoint: {e}");
                *conn = None;
            }
        }
    }

    /// One round of [`Store::checkpoints`]. `conn` is its connection and the log's cap in
    /// pages, opened on first use (out of the pool, and never waiting on a lock: a busy
    /// checkpoint is tried again).
    async fn checkpoint_once(
        &self,
        conn: &mut Option<(AnyConnection, i64)>,
        cap_bytes: i64,
    ) -> sqlx::Result<()> {
        use sqlx::Row;
        if conn.is_none() {
            let mut own = self.pool.acquire().await?.detach();
            own.execute("PRAGMA busy_timeout = 0").await?;
            let page: i64 = sqlx::query("PRAGMA page_size")
                .fetch_one(&mut own)
                .await?
                .try_get(0)?;
            *conn = Some((own, cap_bytes / page.max(512)));
        }
        let Some((c, cap)) = conn.as_mut() else {
            return Ok(());
        };
        // (busy, pages in the log)
        let checkpoint = async |c: &mut AnyConnection, mode: &str| -> sqlx::Result<(i64, i64)> {
            let row = sqlx::query(&format!("PRAGMA wal_checkpoint({mode})"))
                .fetch_one(&mut *c)
                .await?;
            Ok((row.try_get(0)?, row.try_get(1)?))
        };
        if checkpoint(c, "PASSIVE").await?.1 <= *cap {
            return Ok(());
        }
        let _turn = self.turn().await;
        // Readers left on the old log finish within a request or so: up to 20 tries, 1 ms apart.
        for _ in 0..20 {
            if checkpoint(c, "TRUNCATE").await?.0 == 0 {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        tracing::warn!("checkpoint: readers kept the write-ahead log from starting over; tried again in 100 ms");
        Ok(())
    }

    /// Closes every connection, the checkpoints' first. (SQLite empties its log when its last
    /// connection closes; sqlx may still be returning one, so the log can stay, to be replayed
    /// at the next open.)
    pub async fn close(&self) {
        use sqlx::Connection;
        // (Held until the pool is closed: no checkpoint round opens another connection.)
        let mut checkpointer = self.checkpointer.lock().await;
        if let Some((conn, _)) = checkpointer.take() {
            let _ = conn.close().await;
        }
        self.pool.close().await;
    }

    /// The connection pool (for tests and tools that read the database directly).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

/// `url` without a password (in its user part or as a `password=` parameter), for messages.
pub fn redacted(url: &str) -> String {
    let Ok(mut u) = url::Url::parse(url) else {
        return "(an unparsable URL)".into();
    };
    if u.password().is_some() {
        let _ = u.set_password(Some("***"));
    }
    if u.query_pairs().any(|(k, _)| k == "password") {
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let v = if k == "password" {
                    "***".into()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(kept);
    }
    u.to_string()
}

/// An insert's outcome: `Ok(false)` when a UNIQUE constraint refused the row.
pub fn inserted<T>(result: sqlx::Result<T>) -> sqlx::Result<bool> {
    match result {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether an error is a UNIQUE constraint violation.
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}

#[cfg(test)]
mod tests {
    use super::{redacted, Store};
    use sqlx::Executor;

    /// Under writes that never pause, from several tasks, the log stays near its cap (SQLite
    /// alone lets it grow: nothing else starts it over), and every write lands.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_log_is_checkpointed_beside_the_writers_and_kept_under_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/t.db", dir.path().display());
        let store = Store::connect(&url).await.unwrap();
        store
            .pool()
            .execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, v BLOB NOT NULL)")
            .await
            .unwrap();
        let cap: u64 = 256 << 10;
        tokio::spawn(store.clone().checkpoints_capped(cap as i64));
        let wal = dir.path().join("t.db-wal");
        let writers: Vec<_> = (0..4)
            .map(|_| {
                let store = store.clone();
                tokio::spawn(async move {
                    for _ in 0..1500 {
                        let mut tx = store.begin().await.unwrap();
                        sqlx::query("INSERT INTO scratch (v) VALUES (randomblob(600))")
                            .execute(tx.conn())
                            .await
                            .unwrap();
                        tx.commit().await.unwrap();
                    }
                })
            })
            .collect();
        let mut largest = 0;
        while !writers.iter().all(|w| w.is_finished()) {
            largest = largest.max(std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0));
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        // 6,000 writes are about 20 MB of log without the checkpoints (measured); with them a
        // round's worth of writes (100 ms, about 1.2 MB here) may land past the cap before it
        // is emptied.
        assert!(
            largest < 8 * cap + (2 << 20),
            "the log reached {largest} bytes"
        );
        let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scratch")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(rows, 6000);
        store.close().await;
    }

    #[test]
    fn a_database_url_is_shown_without_its_password() {
        let shown =
            redacted("postgres://sandbox:s3cret@127.0.0.1:5432/db?sslmode=disable&password=x2");
        assert!(
            !shown.contains("s3cret") && !shown.contains("x2"),
            "{shown}"
        );
        assert!(
            shown.contains("sandbox:***@127.0.0.1") && shown.contains("sslmode=disable"),
            "{shown}"
        );
        assert_eq!(redacted("sqlite:///tmp/a.db"), "sqlite:///tmp/a.db");
    }
}
