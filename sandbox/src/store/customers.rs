//! Customers of a merchant account.

use serde_json::Value;

use super::Store;

impl Store {
    /// Inserts a customer; `Ok(false)` when the merchant already has one with this
    /// `merchant_customer_id`.
    pub async fn insert_customer(
        &self,
        account_id: &str,
        id: &str,
        merchant_customer_id: &str,
        body: &Value,
        now: i64,
    ) -> sqlx::Result<bool> {
        let result = sqlx::query(
            "INSERT INTO customers (id, account_id, merchant_customer_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(account_id)
        .bind(merchant_customer_id)
        .bind(body.to_string())
        .bind(now)
        .execute(self.pool())
        .await;
        super::inserted(result)
    }

    /// A customer of the account, by id.
    pub async fn customer(&self, account_id: &str, id: &str) -> sqlx::Result<Option<Value>> {
        let body: Option<String> =
            sqlx::query_scalar("SELECT body FROM customers WHERE account_id = $1 AND id = $2")
                .bind(account_id)
                .bind(id)
                .fetch_optional(self.pool())
                .await?;
        Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
    }

    /// A customer of the account, by the merchant's own id for them.
    pub async fn customer_by_merchant_id(
        &self,
        account_id: &str,
        merchant_customer_id: &str,
    ) -> sqlx::Result<Option<Value>> {
        let body: Option<String> = sqlx::query_scalar(
            "SELECT body FROM customers WHERE account_id = $1 AND merchant_customer_id = $2",
        )
        .bind(account_id)
        .bind(merchant_customer_id)
        .fetch_optional(self.pool())
        .await?;
        Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
    }
}
