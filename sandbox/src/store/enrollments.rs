//! Enrollments: the payment methods a customer session saves, and how far each got.

use serde_json::Value;
use sqlx::Row;

use super::{Store, Tx};

/// A payment method being enrolled in a customer session.
#[derive(Debug, Clone)]
pub struct Enrollment {
    pub id: String,
    pub session_id: String,
    /// The method's type (`CARD`).
    pub kind: String,
    /// Yuno's enrollment status (`READY_TO_ENROLL`, `ENROLLED`, `DECLINED`, `ERROR`).
    pub status: String,
    pub vaulted_token: Option<String>,
    /// The payment method as returned (Yuno's shape).
    pub body: Value,
}

fn from_row(r: &sqlx::any::AnyRow) -> Enrollment {
    Enrollment {
        id: r.get("id"),
        session_id: r.get("session_id"),
        kind: r.get("type"),
        status: r.get("status"),
        vaulted_token: r.get("vaulted_token"),
        body: serde_json::from_str(r.get::<&str, _>("body")).unwrap_or(Value::Null),
    }
}

impl Store {
    /// Registers an enrollment (`READY_TO_ENROLL`), leaving one the session has of that type as
    /// it is.
    pub async fn register_enrollment(&self, e: &Enrollment, now: i64) -> sqlx::Result<()> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO enrollments (id, session_id, type, status, vaulted_token, body, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (session_id, type) DO NOTHING",
        )
        .bind(&e.id)
        .bind(&e.session_id)
        .bind(&e.kind)
        .bind(&e.status)
        .bind(&e.vaulted_token)
        .bind(e.body.to_string())
        .bind(now)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Records a card's verification: the session's enrollment of its type takes the new status
    /// (a decline counted), unless it is `ENROLLED` already: then `Ok(false)`, and nothing
    /// changes.
    pub async fn verify_enrollment(
        tx: &mut Tx,
        e: &Enrollment,
        declined: bool,
        now: i64,
    ) -> sqlx::Result<bool> {
        let done = sqlx::query(
            "INSERT INTO enrollments (id, session_id, type, status, vaulted_token, body, declines, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (session_id, type) DO UPDATE
               SET status = excluded.status, vaulted_token = excluded.vaulted_token, body = excluded.body,
                   declines = enrollments.declines + excluded.declines, updated_at = excluded.updated_at
               WHERE enrollments.status <> 'ENROLLED'",
        )
        .bind(&e.id)
        .bind(&e.session_id)
        .bind(&e.kind)
        .bind(&e.status)
        .bind(&e.vaulted_token)
        .bind(e.body.to_string())
        .bind(i64::from(declined))
        .bind(now)
        .bind(now)
        .execute(tx.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The cards a customer session's verification refused (its decline limit).
    pub async fn enrollment_declines(&self, session_id: &str) -> sqlx::Result<i64> {
        sqlx::query_scalar(
            "SELECT COALESCE(MAX(declines), 0) FROM enrollments WHERE session_id = $1 AND type = 'CARD'",
        )
        .bind(session_id)
        .fetch_one(self.pool())
        .await
    }

    /// A session's enrollments, oldest first.
    pub async fn enrollments(&self, session_id: &str) -> sqlx::Result<Vec<Enrollment>> {
        let rows =
            sqlx::query("SELECT * FROM enrollments WHERE session_id = $1 ORDER BY created_at, id")
                .bind(session_id)
                .fetch_all(self.pool())
                .await?;
        Ok(rows.iter().map(from_row).collect())
    }
}
