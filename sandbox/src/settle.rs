//! Settling a pending payment: the one place a payment's status changes after it is created
//! (the merchant's "complete", the issuer's and the bank's pages, an expired PIX code or
//! voucher). A final payment stays final, and every change queues the signed webhook in the
//! same transaction.

use serde_json::{json, Value};

use crate::clock::{now_ms, parse_rfc3339, rfc3339};
use crate::error::{ApiError, ApiResult};
use crate::outcome::Outcome;
use crate::routes::payments::webhook_url;
use crate::state::AppState;
use crate::store::payments::PaymentRow;
use crate::store::{is_unique_violation, Store};

/// Moves the pending payment `p` to `outcome` and answers the payment as it now is. A payment
/// that is not pending any more is answered unchanged, and racing settlements settle once
/// (the update is conditional on `PENDING`).
pub async fn settle(state: &AppState, p: PaymentRow, outcome: Outcome) -> ApiResult<Value> {
    if p.status != "PENDING" {
        return Ok(p.body);
    }
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

/// When a pending PIX code or voucher is past its expiry, the payment expires (settled as
/// `EXPIRED`); else it is answered as it is.
pub async fn expire_if_due(state: &AppState, p: PaymentRow) -> ApiResult<Value> {
    let detail = &p.body["payment_method"]["payment_method_detail"];
    let expires = ["bank_transfer", "ticket"]
        .iter()
        .find_map(|k| detail[k]["expires_at"].as_str())
        .and_then(parse_rfc3339);
    match expires {
        Some(at) if p.status == "PENDING" && at <= now_ms() => {
            settle(state, p, ("EXPIRED", "EXPIRED")).await
        }
        _ => Ok(p.body),
    }
}
