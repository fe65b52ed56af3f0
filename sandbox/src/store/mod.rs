//! The database: every SQL statement of the sandbox lives under this module, one file per
//! table family, so that serving PostgreSQL means porting these files and the migration.

pub mod accounts;
pub mod customers;
pub mod outbox;
pub mod payments;
pub mod sessions;
pub mod tokens;

use std::str::FromStr;
use std::time::Duration;

use anyhow::{bail, Context};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

/// A transaction on the store's database.
pub type Tx<'a> = sqlx::Transaction<'a, sqlx::Sqlite>;

/// Handle to the database (cheap to clone).
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the database at `url` and runs the migrations.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("postgres") {
            bail!(
                "DATABASE_URL points at PostgreSQL, which this build does not serve yet; \
                 the storage layer is ready for it (see README, \"PostgreSQL\")"
            );
        }
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| "DATABASE_URL is not a valid sqlite:// URL")?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .with_context(|| "opening the database")?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .context("running migrations")?;
        Ok(Self { pool })
    }

    /// Starts a transaction.
    pub async fn begin(&self) -> sqlx::Result<Tx<'static>> {
        self.pool.begin().await
    }

    /// Closes every connection (flushes the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }
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
