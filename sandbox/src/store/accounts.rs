//! Merchant accounts and their keys.

use rand::RngCore;
use sqlx::Row;

use super::Store;
use crate::clock::now_ms;

/// A merchant account.
#[derive(Clone)]
pub struct Account {
    /// `account_id` in requests.
    pub id: String,
    /// Browser-facing key.
    pub public_api_key: String,
    /// Server-only key.
    pub private_secret_key: String,
    /// Signs webhooks.
    pub webhook_secret: String,
    /// Where webhooks go when a session has no `callback_url`.
    pub webhook_url: Option<String>,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// Keys given by configuration; `None` keeps (or generates) the stored one.
#[derive(Default)]
pub struct KeyOverrides<'a> {
    pub public_api_key: Option<&'a str>,
    pub private_secret_key: Option<&'a str>,
    pub webhook_secret: Option<&'a str>,
    pub webhook_url: Option<&'a str>,
}

fn random_key(prefix: &str) -> String {
    let mut bytes = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}{hex}")
}

fn account_from_row(row: &sqlx::any::AnyRow) -> Account {
    Account {
        id: row.get("id"),
        public_api_key: row.get("public_api_key"),
        private_secret_key: row.get("private_secret_key"),
        webhook_secret: row.get("webhook_secret"),
        webhook_url: row.get("webhook_url"),
    }
}

impl Store {
    /// The account owning a public key.
    pub async fn account_by_public_key(&self, key: &str) -> sqlx::Result<Option<Account>> {
        let row = sqlx::query("SELECT * FROM accounts WHERE public_api_key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(account_from_row))
    }

    /// The account by id.
    pub async fn account(&self, id: &str) -> sqlx::Result<Option<Account>> {
        let row = sqlx::query("SELECT * FROM accounts WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(account_from_row))
    }

    /// The development account: created with fresh keys on first start, then kept; keys given
    /// by configuration replace the stored ones. Instances starting together on one new
    /// PostgreSQL database take turns here (an advisory lock), so they agree on one account.
    pub async fn ensure_dev_account(&self, o: &KeyOverrides<'_>) -> sqlx::Result<Account> {
        let mut tx = self.begin().await?;
        if self.backend() == super::Backend::Postgres {
            // Any number will do, as long as every instance uses the same one.
            // (Selected through a subquery: the lock function returns `void`, which no row
            // of the Any driver holds.)
            sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7262701)) AS locked")
                .execute(tx.conn())
                .await?;
        }
        let first = "SELECT * FROM accounts ORDER BY created_at, id LIMIT 1";
        let existing = sqlx::query(first).fetch_optional(tx.conn()).await?;
        let a = match existing.as_ref().map(account_from_row) {
            Some(a) => a,
            None => {
                let fresh = Account {
                    id: uuid::Uuid::new_v4().to_string(),
                    public_api_key: random_key("pk_sandbox_"),
                    private_secret_key: random_key("sk_sandbox_"),
                    webhook_secret: random_key("whsec_"),
                    webhook_url: None,
                };
                sqlx::query(
                    "INSERT INTO accounts (id, public_api_key, private_secret_key, webhook_secret, created_at)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&fresh.id)
                .bind(&fresh.public_api_key)
                .bind(&fresh.private_secret_key)
                .bind(&fresh.webhook_secret)
                .bind(now_ms())
                .execute(tx.conn())
                .await?;
                fresh
            }
        };
        let account = Account {
            public_api_key: o.public_api_key.map_or(a.public_api_key, str::to_owned),
            private_secret_key: o
                .private_secret_key
                .map_or(a.private_secret_key, str::to_owned),
            webhook_secret: o.webhook_secret.map_or(a.webhook_secret, str::to_owned),
            webhook_url: o.webhook_url.map(str::to_owned).or(a.webhook_url),
            id: a.id,
        };
        sqlx::query(
            "UPDATE accounts SET public_api_key = $1, private_secret_key = $2, webhook_secret = $3,
               webhook_url = $4 WHERE id = $5",
        )
        .bind(&account.public_api_key)
        .bind(&account.private_secret_key)
        .bind(&account.webhook_secret)
        .bind(&account.webhook_url)
        .bind(&account.id)
        .execute(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(account)
    }
}

impl Store {
    /// The value sealed with the database's card key ([`crate::key_check`]), once recorded.
    pub async fn key_check(&self) -> sqlx::Result<Option<Vec<u8>>> {
        sqlx::query_scalar("SELECT sealed FROM key_check WHERE id = 1")
            .fetch_optional(self.pool())
            .await
    }

    /// Records the key check, unless one is recorded already.
    pub async fn insert_key_check(&self, sealed: &[u8], now: i64) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO key_check (id, sealed, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING",
        )
        .bind(sealed)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// One sealed value of each kind the database holds, with the owner it is bound to (to
    /// check a key against): a saved card, a token's card and code, a payment's holder name.
    pub async fn sealed_samples(&self) -> sqlx::Result<Vec<(String, Vec<u8>)>> {
        let mut out = Vec::new();
        for sql in [
            "SELECT vaulted_token, card FROM vaulted_cards LIMIT 1",
            "SELECT token, card FROM tokens WHERE card IS NOT NULL LIMIT 1",
            "SELECT token, cvc FROM tokens WHERE cvc IS NOT NULL LIMIT 1",
            "SELECT id, holder FROM payments WHERE holder IS NOT NULL LIMIT 1",
        ] {
            out.extend(sqlx::query_as(sql).fetch_optional(self.pool()).await?);
        }
        Ok(out)
    }

    /// One token's sealed copy of the payer's document (Base64), with its token.
    pub async fn sealed_document_sample(&self) -> sqlx::Result<Option<(String, String)>> {
        sqlx::query_as("SELECT token, document FROM tokens WHERE document IS NOT NULL LIMIT 1")
            .fetch_optional(self.pool())
            .await
    }
}

impl Store {
    /// Counts one request of `kind` for `key` at `now` in its window of `window` ms (a new one
    /// when the last is over); returns the window's count (this one included) and its start.
    pub async fn count_request(
        &self,
        kind: &str,
        key: &str,
        now: i64,
        window: i64,
    ) -> sqlx::Result<(i64, i64)> {
        sqlx::query_as(
            "INSERT INTO rate_counts (kind, key, window_start, count) VALUES ($1, $2, $3, 1)
             ON CONFLICT (kind, key) DO UPDATE SET
               count = CASE WHEN rate_counts.window_start <= $4 THEN 1 ELSE rate_counts.count + 1 END,
               window_start = CASE WHEN rate_counts.window_start <= $4 THEN $3 ELSE rate_counts.window_start END
             RETURNING count, window_start",
        )
        .bind(kind)
        .bind(key)
        .bind(now)
        .bind(now - window)
        .fetch_one(self.pool())
        .await
    }

    /// Deletes the rate counters of windows that started before `before`.
    pub async fn forget_rate_counts(&self, before: i64) -> sqlx::Result<u64> {
        let done = sqlx::query("DELETE FROM rate_counts WHERE window_start < $1")
            .bind(before)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
