//! One-time tokens and vaulted (saved) cards.

use sqlx::Row;

use super::{Store, Tx};

/// A one-time token as stored. Card fields are ciphertext.
#[derive(Clone)]
pub struct TokenRow {
    pub token: String,
    pub session_id: String,
    pub kind: String,
    pub vaulted_token: Option<String>,
    /// Encrypted `{number, holder_name}` for a new card.
    pub card: Option<Vec<u8>>,
    /// Encrypted CVC, until the token is used or expires.
    pub cvc: Option<Vec<u8>>,
    /// JSON `card_data` (no PAN).
    pub card_facts: Option<String>,
    /// Whether the shopper asked to save the card.
    pub save: bool,
    /// The payer's identity document (`{document_type, document_number}`, normalised), sealed
    /// to the token (`document::seal`).
    pub document: Option<String>,
    /// JSON: the installment option chosen, priced (`{id, installment, rate, amount…}`).
    pub installment: Option<String>,
    /// The issuer (bank) chosen, by id: one of the method's issuers (`crate::issuers`).
    pub issuer_id: Option<String>,
    /// The 201 body, replayed for the same idempotency key.
    pub response: String,
    pub idempotency_key: Option<String>,
    pub request_hash: Option<String>,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

fn token_from_row(r: &sqlx::any::AnyRow) -> TokenRow {
    TokenRow {
        token: r.get("token"),
        session_id: r.get("session_id"),
        kind: r.get("type"),
        vaulted_token: r.get("vaulted_token"),
        card: r.get("card"),
        cvc: r.get("cvc"),
        card_facts: r.get("card_facts"),
        save: r.get::<i64, _>("save") != 0,
        document: r.get("document"),
        installment: r.get("installment"),
        issuer_id: r.get("issuer_id"),
        response: r.get("response"),
        idempotency_key: r.get("idempotency_key"),
        request_hash: r.get("request_hash"),
        expires_at: r.get("expires_at"),
        used_at: r.get("used_at"),
    }
}

/// A saved card.
pub struct VaultedCard {
    pub vaulted_token: String,
    pub customer_id: String,
    /// Encrypted `{number, holder_name}`, bound to the vaulted token.
    pub card: Vec<u8>,
    /// JSON `{iin, lfd, brand, expiration_month, expiration_year}`.
    pub card_facts: String,
    pub last_used_at: i64,
}

fn vaulted_from_row(r: &sqlx::any::AnyRow) -> VaultedCard {
    VaultedCard {
        vaulted_token: r.get("vaulted_token"),
        customer_id: r.get("customer_id"),
        card: r.get("card"),
        card_facts: r.get("card_facts"),
        last_used_at: r.get("last_used_at"),
    }
}

impl Store {
    /// Stores a new token; `Ok(false)` when the idempotency key is already taken for the
    /// session (a concurrent duplicate).
    pub async fn insert_token(&self, t: &TokenRow, now: i64) -> sqlx::Result<bool> {
        let _turn = self.turn().await;
        insert_token_with(self.pool(), t, now).await
    }

    /// [`Store::insert_token`] within a transaction.
    pub async fn insert_token_in(tx: &mut Tx, t: &TokenRow, now: i64) -> sqlx::Result<bool> {
        insert_token_with(tx.conn(), t, now).await
    }

    /// A token by its value.
    pub async fn token(&self, token: &str) -> sqlx::Result<Option<TokenRow>> {
        let row = sqlx::query("SELECT * FROM tokens WHERE token = $1")
            .bind(token)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(token_from_row))
    }

    /// The token a session created under an idempotency key.
    pub async fn token_by_idempotency_key(
        &self,
        session_id: &str,
        key: &str,
    ) -> sqlx::Result<Option<TokenRow>> {
        let row =
            sqlx::query("SELECT * FROM tokens WHERE session_id = $1 AND idempotency_key = $2")
                .bind(session_id)
                .bind(key)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.as_ref().map(token_from_row))
    }

    /// Marks a token used and deletes its CVC and its copy of the payer's document (the
    /// payment made with it keeps that); false when it was already used or has expired.
    pub async fn use_token(tx: &mut Tx, token: &str, now: i64) -> sqlx::Result<bool> {
        let done = sqlx::query(
            "UPDATE tokens SET used_at = $1, cvc = NULL, document = NULL
             WHERE token = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(now)
        .bind(token)
        .bind(now)
        .execute(tx.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes a token's sealed card (number and holder name) and CVC: its payment is final,
    /// and a card to keep was sealed anew in the vault.
    pub async fn forget_card(tx: &mut Tx, token: &str) -> sqlx::Result<()> {
        sqlx::query("UPDATE tokens SET card = NULL, cvc = NULL WHERE token = $1")
            .bind(token)
            .execute(tx.conn())
            .await?;
        Ok(())
    }

    /// Deletes the sealed card data (and payer's document) of tokens that expired unused, and
    /// the card data of tokens used before `used_before` (a payment still waiting for its
    /// challenge then has timed out); returns how many.
    pub async fn forget_stale_cards(&self, now: i64, used_before: i64) -> sqlx::Result<u64> {
        // Two statements, each read through its partial index (0004_sweep_indexes.sql).
        let unused = sqlx::query(
            "UPDATE tokens SET card = NULL, cvc = NULL WHERE used_at IS NULL
             AND (card IS NOT NULL OR cvc IS NOT NULL) AND expires_at <= $1",
        )
        .bind(now)
        .execute(self.pool())
        .await?;
        let used = sqlx::query(
            "UPDATE tokens SET card = NULL, cvc = NULL WHERE used_at IS NOT NULL
             AND (card IS NOT NULL OR cvc IS NOT NULL) AND used_at <= $1",
        )
        .bind(used_before)
        .execute(self.pool())
        .await?;
        let documents = sqlx::query(
            "UPDATE tokens SET document = NULL WHERE used_at IS NULL
             AND document IS NOT NULL AND expires_at <= $1",
        )
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(unused.rows_affected() + used.rows_affected() + documents.rows_affected())
    }

    /// Saves a card for a customer.
    pub async fn insert_vaulted_card(
        tx: &mut Tx,
        card: &VaultedCard,
        now: i64,
    ) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO vaulted_cards (vaulted_token, customer_id, card, card_facts, created_at, last_used_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&card.vaulted_token)
        .bind(&card.customer_id)
        .bind(&card.card)
        .bind(&card.card_facts)
        .bind(now)
        .bind(card.last_used_at)
        .execute(tx.conn())
        .await?;
        Ok(())
    }

    /// Records that a saved card was just used successfully.
    pub async fn touch_vaulted_card(
        tx: &mut Tx,
        vaulted_token: &str,
        now: i64,
    ) -> sqlx::Result<()> {
        sqlx::query("UPDATE vaulted_cards SET last_used_at = $1 WHERE vaulted_token = $2")
            .bind(now)
            .bind(vaulted_token)
            .execute(tx.conn())
            .await?;
        Ok(())
    }

    /// A saved card by its vaulted token.
    pub async fn vaulted_card(&self, vaulted_token: &str) -> sqlx::Result<Option<VaultedCard>> {
        let row = sqlx::query("SELECT * FROM vaulted_cards WHERE vaulted_token = $1")
            .bind(vaulted_token)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(vaulted_from_row))
    }

    /// A customer's saved cards, most recently used first.
    pub async fn vaulted_cards(&self, customer_id: &str) -> sqlx::Result<Vec<VaultedCard>> {
        let rows = sqlx::query(
            "SELECT * FROM vaulted_cards WHERE customer_id = $1 ORDER BY last_used_at DESC",
        )
        .bind(customer_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(vaulted_from_row).collect())
    }
}

/// Inserts a token on `on` (the pool, or a transaction's connection); `Ok(false)` when the
/// idempotency key is already taken for the session.
async fn insert_token_with<'e>(
    on: impl sqlx::Executor<'e, Database = sqlx::Any>,
    t: &TokenRow,
    now: i64,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "INSERT INTO tokens (token, session_id, type, vaulted_token, card, cvc, card_facts, save, document,
                             installment, issuer_id, response, idempotency_key, request_hash, created_at, expires_at,
                             used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(&t.token)
    .bind(&t.session_id)
    .bind(&t.kind)
    .bind(&t.vaulted_token)
    .bind(&t.card)
    .bind(&t.cvc)
    .bind(&t.card_facts)
    .bind(i64::from(t.save))
    .bind(&t.document)
    .bind(&t.installment)
    .bind(&t.issuer_id)
    .bind(&t.response)
    .bind(&t.idempotency_key)
    .bind(&t.request_hash)
    .bind(now)
    .bind(t.expires_at)
    .bind(t.used_at)
    .execute(on)
    .await;
    super::inserted(result)
}
