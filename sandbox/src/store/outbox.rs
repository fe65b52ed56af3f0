//! The webhook outbox and its delivery attempts.

use serde::Serialize;
use sqlx::Row;

use super::{Store, Tx};

/// A queued webhook event.
pub struct OutboxRow {
    pub id: i64,
    /// The id receivers see (`evt_…`), stable across retries.
    pub event_id: String,
    /// When the change it reports happened (ms since the epoch).
    pub created_at: i64,
    pub account_id: String,
    pub payment_id: String,
    pub url: String,
    /// The payment as it was when the event was queued (JSON).
    pub payment: String,
    pub attempts: i64,
    /// The lease its attempt holds (when claimed, or as read for an interrupted one): an
    /// outcome is recorded only while the lease is still this one, so an attempt that lost
    /// its event to another worker (its lease ran out) records nothing.
    pub lease: Option<i64>,
}

/// What happened to one delivery attempt.
pub enum AttemptResult {
    /// 2xx: done.
    Delivered,
    /// Failed; try again at this time.
    RetryAt(i64),
    /// Failed, and that was the last attempt.
    GaveUp,
}

/// A delivery attempt, as the deliveries endpoint reports it.
#[derive(Serialize)]
pub struct Attempt {
    pub event_id: i64,
    pub attempt: i64,
    pub at: String,
    pub status_code: Option<i64>,
    pub error: Option<String>,
}

/// The condition of an event that is due and not being delivered, with `now` as parameter
/// `$n`.
fn due(n: u8) -> String {
    format!(
        "delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= ${n}
         AND (claimed_until IS NULL OR claimed_until <= ${n})"
    )
}

impl Store {
    /// Queues a webhook event in the same transaction as the change it reports.
    pub async fn enqueue_webhook(
        tx: &mut Tx,
        account_id: &str,
        payment_id: &str,
        url: &str,
        payment: &serde_json::Value,
        now: i64,
    ) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO webhook_outbox (event_id, account_id, payment_id, url, payment, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(format!("evt_{}", uuid::Uuid::new_v4().simple()))
        .bind(account_id)
        .bind(payment_id)
        .bind(url)
        .bind(payment.to_string())
        .bind(now)
        .bind(now)
        .execute(tx.conn())
        .await?;
        Ok(())
    }

    /// Events due for delivery and not being delivered, the oldest of each receiver URL, oldest
    /// first: one receiver with a long queue cannot hide the others' events.
    pub async fn due_webhooks(&self, now: i64, limit: i64) -> sqlx::Result<Vec<OutboxRow>> {
        let rows = sqlx::query(&format!(
            "SELECT id, event_id, created_at, account_id, payment_id, url, payment, attempts
             FROM webhook_outbox WHERE id IN (SELECT MIN(id) FROM webhook_outbox WHERE {} GROUP BY url)
             ORDER BY id LIMIT $2",
            due(1)
        ))
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let id: i64 = r.get("id");
                OutboxRow {
                    id,
                    // Events queued before ids existed get one derived from their row.
                    event_id: r
                        .get::<Option<String>, _>("event_id")
                        .unwrap_or_else(|| format!("evt_{id}")),
                    created_at: r.get("created_at"),
                    account_id: r.get("account_id"),
                    payment_id: r.get("payment_id"),
                    url: r.get("url"),
                    payment: r.get("payment"),
                    attempts: r.get("attempts"),
                    lease: None,
                }
            })
            .collect())
    }

    /// When the next queued event is due (or its delivery's lease runs out), if any.
    pub async fn next_webhook_due(&self) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar(
            // (SQLite's two-argument MAX is PostgreSQL's GREATEST: a CASE is both's.)
            "SELECT MIN(CASE WHEN next_attempt_at > COALESCE(claimed_until, 0) THEN next_attempt_at
                             ELSE COALESCE(claimed_until, 0) END) FROM webhook_outbox
             WHERE delivered_at IS NULL AND gave_up_at IS NULL",
        )
        .fetch_one(self.pool())
        .await
    }

    /// Takes `event` for one delivery attempt until `until` (its `lease` then); false when
    /// another worker has it or it was settled meanwhile.
    pub async fn claim_webhook(
        &self,
        event: &mut OutboxRow,
        now: i64,
        until: i64,
    ) -> sqlx::Result<bool> {
        let done = sqlx::query(&format!(
            "UPDATE webhook_outbox SET claimed_until = $1 WHERE id = $2 AND attempts = $3 AND {}",
            due(4)
        ))
        .bind(until)
        .bind(event.id)
        .bind(event.attempts)
        .bind(now)
        .execute(self.pool())
        .await?;
        let claimed = done.rows_affected() == 1;
        if claimed {
            event.lease = Some(until);
        }
        Ok(claimed)
    }

    /// Events whose delivery lease ran out without an outcome (the process delivering them
    /// stopped): each gets its attempt recorded as interrupted.
    pub async fn interrupted_webhooks(&self, now: i64) -> sqlx::Result<Vec<OutboxRow>> {
        let rows = sqlx::query(
            "SELECT id, created_at, account_id, payment_id, url, attempts, claimed_until FROM webhook_outbox
             WHERE delivered_at IS NULL AND gave_up_at IS NULL AND claimed_until <= $1",
        )
        .bind(now)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| OutboxRow {
                id: r.get("id"),
                event_id: String::new(),
                created_at: r.get("created_at"),
                account_id: r.get("account_id"),
                payment_id: r.get("payment_id"),
                url: r.get("url"),
                payment: String::new(),
                attempts: r.get("attempts"),
                lease: r.get("claimed_until"),
            })
            .collect())
    }

    /// Records one attempt and its consequence, and ends its lease. Recorded once, and only
    /// under the lease the attempt held: an attempt already recorded (say, as interrupted), or
    /// whose event another worker took since, is not recorded.
    pub async fn record_attempt(
        &self,
        event: &OutboxRow,
        now: i64,
        status_code: Option<u16>,
        error: Option<&str>,
        result: AttemptResult,
    ) -> sqlx::Result<()> {
        let mut tx = self.begin().await?;
        let attempt = event.attempts + 1;
        let (delivered, gave_up, next) = match result {
            AttemptResult::Delivered => (Some(now), None, now),
            AttemptResult::RetryAt(at) => (None, None, at),
            AttemptResult::GaveUp => (None, Some(now), now),
        };
        let updated = sqlx::query(
            "UPDATE webhook_outbox SET attempts = $1, delivered_at = $2, gave_up_at = $3, next_attempt_at = $4,
             claimed_until = NULL WHERE id = $5 AND attempts = $6 AND claimed_until = $7",
        )
        .bind(attempt)
        .bind(delivered)
        .bind(gave_up)
        .bind(next)
        .bind(event.id)
        .bind(event.attempts)
        .bind(event.lease)
        .execute(tx.conn())
        .await?;
        if updated.rows_affected() == 0 {
            return Ok(());
        }
        sqlx::query("INSERT INTO webhook_attempts (outbox_id, attempt, at, status_code, error) VALUES ($1, $2, $3, $4, $5)")
            .bind(event.id)
            .bind(attempt)
            .bind(now)
            .bind(status_code.map(i64::from))
            .bind(error)
            .execute(tx.conn())
            .await?;
        tx.commit().await
    }

    /// Every delivery attempt for a payment's events, in order.
    pub async fn webhook_attempts(&self, payment_id: &str) -> sqlx::Result<Vec<Attempt>> {
        let rows = sqlx::query(
            "SELECT a.outbox_id, a.attempt, a.at, a.status_code, a.error FROM webhook_attempts a
             JOIN webhook_outbox o ON o.id = a.outbox_id WHERE o.payment_id = $1 ORDER BY a.id",
        )
        .bind(payment_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| Attempt {
                event_id: r.get("outbox_id"),
                attempt: r.get("attempt"),
                at: crate::clock::rfc3339(r.get("at")),
                status_code: r.get("status_code"),
                error: r.get("error"),
            })
            .collect())
    }
}
