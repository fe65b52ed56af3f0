//! Payments.

use serde_json::Value;
use sqlx::Row;

use super::{Store, Tx};

/// A payment as stored.
pub struct PaymentRow {
    pub id: String,
    pub account_id: String,
    pub session_id: String,
    pub status: String,
    pub idempotency_key: String,
    pub request_hash: String,
    /// The payment as returned, but for the holder name ([`crate::holder`]).
    pub body: Value,
    /// The holder name, sealed to the payment's id.
    pub holder: Option<Vec<u8>>,
}

fn payment_from_row(r: &sqlx::any::AnyRow) -> PaymentRow {
    PaymentRow {
        id: r.get("id"),
        account_id: r.get("account_id"),
        session_id: r.get("session_id"),
        status: r.get("status"),
        idempotency_key: r.get("idempotency_key"),
        request_hash: r.get("request_hash"),
        body: serde_json::from_str(r.get::<&str, _>("body")).unwrap_or(Value::Null),
        holder: r.get("holder"),
    }
}

impl Store {
    /// The payment an account created under an idempotency key.
    pub async fn payment_by_idempotency_key(
        &self,
        account_id: &str,
        key: &str,
    ) -> sqlx::Result<Option<PaymentRow>> {
        let row =
            sqlx::query("SELECT * FROM payments WHERE account_id = $1 AND idempotency_key = $2")
                .bind(account_id)
                .bind(key)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.as_ref().map(payment_from_row))
    }

    /// A payment of the account.
    pub async fn payment(&self, account_id: &str, id: &str) -> sqlx::Result<Option<PaymentRow>> {
        let row = sqlx::query("SELECT * FROM payments WHERE account_id = $1 AND id = $2")
            .bind(account_id)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(payment_from_row))
    }

    /// A payment by id alone (the sandbox's own pages, reached by the id in their URL).
    pub async fn payment_by_id(&self, id: &str) -> sqlx::Result<Option<PaymentRow>> {
        let row = sqlx::query("SELECT * FROM payments WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(payment_from_row))
    }

    /// The payment a session's shopper should see: its successful one, else its newest.
    pub async fn session_payment(&self, session_id: &str) -> sqlx::Result<Option<PaymentRow>> {
        let row = sqlx::query(
            "SELECT * FROM payments WHERE session_id = $1
             ORDER BY CASE WHEN status = 'SUCCEEDED' THEN 0 ELSE 1 END, created_at DESC, id DESC LIMIT 1",
        )
        .bind(session_id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.as_ref().map(payment_from_row))
    }

    /// Whether the session already has a successful payment.
    pub async fn session_has_success(&self, session_id: &str) -> sqlx::Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM payments WHERE session_id = $1 AND status = 'SUCCEEDED'",
        )
        .bind(session_id)
        .fetch_one(self.pool())
        .await?;
        Ok(n > 0)
    }

    /// How many of a session's payments were declined.
    pub async fn session_declines(&self, session_id: &str) -> sqlx::Result<i64> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM payments WHERE session_id = $1 AND status = 'DECLINED'",
        )
        .bind(session_id)
        .fetch_one(self.pool())
        .await
    }

    /// Stores a new payment.
    pub async fn insert_payment(tx: &mut Tx, p: &PaymentRow, now: i64) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO payments (id, account_id, session_id, status, idempotency_key, request_hash, body, holder, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&p.id)
        .bind(&p.account_id)
        .bind(&p.session_id)
        .bind(&p.status)
        .bind(&p.idempotency_key)
        .bind(&p.request_hash)
        .bind(p.body.to_string())
        .bind(&p.holder)
        .bind(now)
        .execute(tx.conn())
        .await?;
        Ok(())
    }

    /// Settles a `PENDING` payment: its final status and stored body. False when it was not
    /// pending any more (someone settled it first).
    pub async fn settle_payment(
        tx: &mut Tx,
        id: &str,
        status: &str,
        body: &Value,
    ) -> sqlx::Result<bool> {
        // Conditional, so that the database settles a payment once however many requests
        // (or instances) race to complete it.
        let done = sqlx::query(
            "UPDATE payments SET status = $1, body = $2 WHERE id = $3 AND status = 'PENDING'",
        )
        .bind(status)
        .bind(body.to_string())
        .bind(id)
        .execute(tx.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
