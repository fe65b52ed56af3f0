//! Webhook delivery from the durable outbox: signed, at least once, retried with backoff.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::clock::now_ms;
use crate::state::AppState;
use crate::store::outbox::{AttemptResult, OutboxRow};

/// Yuno's retry schedule after each failed attempt, in seconds: 5 min, 50 min, 6 h, 24 h,
/// 48 h, 96 h. The sandbox multiplies it by `--webhook-backoff-scale`.
pub const RETRY_AFTER_SECS: [u64; 6] = [300, 3_000, 21_600, 86_400, 172_800, 345_600];

/// Attempts per event: the first and one per step of the schedule.
pub const MAX_ATTEMPTS: i64 = RETRY_AFTER_SECS.len() as i64 + 1;

/// `x-hmac-signature`: Base64(HMAC-SHA256(raw body, webhook secret)).
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    B64.encode(mac.finalize().into_bytes())
}

/// Whether `signature` is the valid signature of `body` (constant time).
pub fn verify(secret: &str, body: &[u8], signature: &str) -> bool {
    let Ok(sig) = B64.decode(signature.trim()) else {
        return false;
    };
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

/// Delivers due events until the process ends; also deletes the CVCs of expired tokens.
pub async fn run(state: AppState) {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_millis(state.config.webhook_timeout_ms))
        .redirect(reqwest::redirect::Policy::none())
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "webhook client could not be built; webhooks are off");
            return;
        }
    };
    loop {
        let now = now_ms();
        if let Err(e) = state.store.delete_expired_cvcs(now).await {
            tracing::warn!(error = %e, "deleting expired CVCs failed");
        }
        match state.store.due_webhooks(now, 16).await {
            Ok(events) => {
                for event in events {
                    deliver(&state, &client, event).await;
                }
            }
            Err(e) => tracing::warn!(error = %e, "reading the webhook outbox failed"),
        }
        // Sleep until the next event is due (at most 1 s, to keep sweeping) or one is queued.
        let next = state.store.next_webhook_due().await.ok().flatten();
        let wait = next.map_or(1000, |at| (at - now_ms()).clamp(10, 1000)) as u64;
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(wait)) => {}
            _ = state.outbox_wakeup.notified() => {}
        }
    }
}

async fn deliver(state: &AppState, client: &reqwest::Client, event: OutboxRow) {
    let Ok(Some(account)) = state.store.account(&event.account_id).await else {
        return;
    };
    let payment: Value = serde_json::from_str(&event.payment).unwrap_or(Value::Null);
    let body = json!({
        "type": "payment",
        "type_event": "payment.purchase",
        "account_id": event.account_id,
        "retry": event.attempts,
        "version": "1",
        "data": { "payment": payment },
    })
    .to_string();
    let signature = sign(&account.webhook_secret, body.as_bytes());
    let sent = client
        .post(&event.url)
        .header("content-type", "application/json")
        .header("x-hmac-signature", signature)
        .body(body)
        .send()
        .await;
    let now = now_ms();
    let (code, error) = match &sent {
        Ok(r) if r.status().is_success() => (Some(r.status().as_u16()), None),
        Ok(r) => (
            Some(r.status().as_u16()),
            Some(format!("HTTP {}", r.status().as_u16())),
        ),
        Err(e) if e.is_timeout() => (None, Some("timed out".to_owned())),
        Err(e) if e.is_connect() => (None, Some("connection failed".to_owned())),
        Err(_) => (None, Some("request failed".to_owned())),
    };
    let attempt = event.attempts + 1;
    let result = if error.is_none() {
        AttemptResult::Delivered
    } else if attempt >= MAX_ATTEMPTS {
        AttemptResult::GaveUp
    } else {
        let secs =
            RETRY_AFTER_SECS[(attempt - 1) as usize] as f64 * state.config.webhook_backoff_scale;
        AttemptResult::RetryAt(now + (secs * 1000.0) as i64)
    };
    tracing::info!(event = event.id, payment = %event.payment_id, attempt, status = ?code, error = ?error, "webhook attempt");
    if let Err(e) = state
        .store
        .record_attempt(&event, now, code, error.as_deref(), result)
        .await
    {
        tracing::warn!(error = %e, "recording a webhook attempt failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_round_trip() {
        let sig = sign("whsec_x", b"{\"a\":1}");
        assert!(verify("whsec_x", b"{\"a\":1}", &sig));
        assert!(!verify("whsec_y", b"{\"a\":1}", &sig));
        assert!(!verify("whsec_x", b"{\"a\":2}", &sig));
        assert!(!verify("whsec_x", b"{\"a\":1}", "not base64!"));
    }
}
