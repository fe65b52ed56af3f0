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
    /// by configuration replace the stored ones.
    pub async fn ensure_dev_account(&self, o: &KeyOverrides<'_>) -> sqlx::Result<Account> {
        let existing = sqlx::query("SELECT * FROM accounts ORDER BY created_at LIMIT 1")
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(account_from_row);
        let account = match existing {
            Some(a) => Account {
                public_api_key: o.public_api_key.map_or(a.public_api_key, str::to_owned),
                private_secret_key: o
                    .private_secret_key
                    .map_or(a.private_secret_key, str::to_owned),
                webhook_secret: o.webhook_secret.map_or(a.webhook_secret, str::to_owned),
                webhook_url: o.webhook_url.map(str::to_owned).or(a.webhook_url),
                id: a.id,
            },
            None => Account {
                id: uuid::Uuid::new_v4().to_string(),
                public_api_key: o
                    .public_api_key
                    .map_or_else(|| random_key("pk_sandbox_"), str::to_owned),
                private_secret_key: o
                    .private_secret_key
                    .map_or_else(|| random_key("sk_sandbox_"), str::to_owned),
                webhook_secret: o
                    .webhook_secret
                    .map_or_else(|| random_key("whsec_"), str::to_owned),
                webhook_url: o.webhook_url.map(str::to_owned),
            },
        };
        sqlx::query(
            "INSERT INTO accounts (id, public_api_key, private_secret_key, webhook_secret, webhook_url, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE SET public_api_key = excluded.public_api_key,
               private_secret_key = excluded.private_secret_key, webhook_secret = excluded.webhook_secret,
               webhook_url = excluded.webhook_url",
        )
        .bind(&account.id)
        .bind(&account.public_api_key)
        .bind(&account.private_secret_key)
        .bind(&account.webhook_secret)
        .bind(&account.webhook_url)
        .bind(now_ms())
        .execute(self.pool())
        .await?;
        Ok(account)
    }
}
