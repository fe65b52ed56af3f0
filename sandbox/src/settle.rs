//! Settling a pending payment: the one place a payment's status changes after it is created
//! (the merchant's "complete", the issuer's and the bank's pages, an expired PIX code or
//! voucher). A final payment stays final, and every change queues the signed webhook in the
//! same transaction.

use serde_json::{json, Value};

use crate::clock::{now_ms, parse_rfc3339, rfc3339};
use crate::error::{ApiError, ApiResult};
use crate::outcome::Outcome;
use crate::routes::payments::{vault_card, webhook_url};
use crate::routes::tokens::SealedCard;
use crate::state::AppState;
use crate::store::payments::PaymentRow;
use crate::store::tokens::VaultedCard;
use crate::store::{is_unique_violation, Store};

/// Moves the pending payment `p` to `outcome` and answers the payment as it now is. A payment
/// that is not pending any more is answered unchanged, and racing settlements settle once
/// (the update is conditional on `PENDING`).
pub async fn settle(state: &AppState, p: PaymentRow, outcome: Outcome) -> ApiResult<Value> {
    if p.status != "PENDING" {
        return Ok(p.body);
    }
    // A PIX code or voucher past its expiry cannot be paid any more: it expires instead.
    let outcome = if expiry(&p.body).is_some_and(|at| at <= now_ms()) {
        ("EXPIRED", "EXPIRED")
    } else {
        outcome
    };
    let session = state
        .store
        .session(&p.session_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("payment without session"))?;
    let account = state
        .store
        .account(&p.account_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("payment without account"))?;
    let now = now_ms();
    let (status, sub_status) = outcome;
    let mut body = p.body;
    body["status"] = json!(status);
    body["sub_status"] = json!(sub_status);
    body["updated_at"] = json!(rfc3339(now));
    body["checkout"]["sdk_action_required"] = json!(false);
    // A challenge's answer is the authentication's result.
    let three_ds = &mut body["payment_method"]["payment_method_detail"]["card"]["three_d_secure"];
    if three_ds.is_object() {
        let pares = match sub_status {
            "APPROVED" => "Y",
            "CANCELLED_BY_USER" => "U",
            _ => "N",
        };
        three_ds["pares_status"] = json!(pares);
        three_ds["electronic_commerce_indicator"] = json!(if pares == "Y" { "05" } else { "07" });
        if pares == "Y" {
            three_ds["cryptogram"] = json!(crate::actions::CRYPTOGRAM);
        }
    }
    // A card the shopper asked to save is saved once its payment succeeds, as at creation.
    let new_vault = match &session.customer_id {
        Some(customer) if status == "SUCCEEDED" => saved_card(state, &body, customer, now).await?,
        _ => None,
    };
    if let Some(v) = &new_vault {
        body["payment_method"]["vaulted_token"] = json!(v.vaulted_token);
    }
    let mut tx = state.store.begin().await?;
    match Store::settle_payment(&mut tx, &p.id, status, &body).await {
        Ok(true) => {}
        // Settled meanwhile (another request or instance): answer what it is now.
        Ok(false) => {
            drop(tx);
            let now = state.store.payment(&p.account_id, &p.id).await?;
            return Ok(now
                .ok_or_else(|| anyhow::anyhow!("a settled payment vanished"))?
                .body);
        }
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::bad_request(
                "CHECKOUT_SESSION_ALREADY_PAID",
                "the checkout session already has a successful payment",
            ))
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(v) = &new_vault {
        Store::insert_vaulted_card(&mut tx, v, now).await?;
    }
    if let Some(token) = body["payment_method"]["token"].as_str() {
        Store::forget_card(&mut tx, token).await?;
    }
    if let Some(url) = webhook_url(
        session.callback_url.as_deref(),
        account.webhook_url.as_deref(),
    ) {
        Store::enqueue_webhook(&mut tx, &account.id, &p.id, &url, &body, now).await?;
    }
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    tracing::info!(payment = %p.id, status, sub_status, "payment settled");
    Ok(body)
}

/// The card to save for `customer` when the payment `body` asked for it (`vault_on_success`)
/// and paid with a new card: opened from its token, sealed anew under a vaulted token.
async fn saved_card(
    state: &AppState,
    body: &Value,
    customer: &str,
    now: i64,
) -> ApiResult<Option<VaultedCard>> {
    let method = &body["payment_method"];
    if method["vault_on_success"] != true || !method["vaulted_token"].is_null() {
        return Ok(None);
    }
    let Some(token) = method["token"].as_str() else {
        return Ok(None);
    };
    let Some(row) = state.store.token(token).await? else {
        return Ok(None);
    };
    let Some(sealed) = &row.card else {
        return Ok(None);
    };
    let card: SealedCard = serde_json::from_slice(&state.vault.open(&row.token, sealed)?)
        .map_err(anyhow::Error::from)?;
    Ok(Some(vault_card(
        state,
        card,
        row.card_facts.as_deref(),
        customer,
        now,
    )?))
}

/// When a pending PIX code or voucher is past its expiry, the payment expires (settled as
/// `EXPIRED`); else it is answered as it is.
pub async fn expire_if_due(state: &AppState, p: PaymentRow) -> ApiResult<Value> {
    match expiry(&p.body) {
        Some(at) if p.status == "PENDING" && at <= now_ms() => {
            settle(state, p, ("EXPIRED", "EXPIRED")).await
        }
        _ => Ok(p.body),
    }
}

/// When a payment's PIX code or voucher stops being payable (unix milliseconds).
fn expiry(payment: &Value) -> Option<i64> {
    let detail = &payment["payment_method"]["payment_method_detail"];
    ["bank_transfer", "ticket"]
        .iter()
        .find_map(|k| detail[k]["expires_at"].as_str())
        .and_then(parse_rfc3339)
}
