//! Checkout sessions.

use serde_json::Value;
use sqlx::Row;

use super::Store;

/// A checkout session as stored.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: String,
    pub account_id: String,
    pub customer_id: Option<String>,
    pub country: String,
    pub currency: String,
    pub amount: f64,
    pub callback_url: Option<String>,
    /// The session as returned on creation.
    pub body: Value,
    pub expires_at: i64,
    /// A customer session (card enrollment, no amount) rather than a checkout.
    pub enrollment: bool,
}

impl Store {
    /// Stores a new session.
    pub async fn insert_session(&self, s: &Session, now: i64) -> sqlx::Result<()> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO checkout_sessions
               (id, account_id, customer_id, country, currency, amount, callback_url, body, created_at, expires_at, kind)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&s.id)
        .bind(&s.account_id)
        .bind(&s.customer_id)
        .bind(&s.country)
        .bind(&s.currency)
        .bind(s.amount)
        .bind(&s.callback_url)
        .bind(s.body.to_string())
        .bind(now)
        .bind(s.expires_at)
        .bind(if s.enrollment { "ENROLLMENT" } else { "CHECKOUT" })
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// A session by id.
    pub async fn session(&self, id: &str) -> sqlx::Result<Option<Session>> {
        let row = sqlx::query("SELECT * FROM checkout_sessions WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| Session {
            id: r.get("id"),
            account_id: r.get("account_id"),
            customer_id: r.get("customer_id"),
            country: r.get("country"),
            currency: r.get("currency"),
            amount: r.get("amount"),
            callback_url: r.get("callback_url"),
            body: serde_json::from_str(r.get::<&str, _>("body")).unwrap_or(Value::Null),
            expires_at: r.get("expires_at"),
            enrollment: r.get::<&str, _>("kind") == "ENROLLMENT",
        }))
    }
}
