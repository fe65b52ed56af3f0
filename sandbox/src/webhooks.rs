//! Webhook delivery from the durable outbox: signed, at least once, retried with backoff,
//! concurrently but at most [`PER_RECEIVER`] at a time per receiver URL. Each attempt holds a
//! lease on its event in the database, so an attempt cut short by a crash is recorded as
//! interrupted, and two workers never deliver one event at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::callback_url;
use crate::clock::{now_ms, rfc3339};
use crate::holder;
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

/// Deliveries in progress at once to one receiver URL: a slow or dead endpoint delays only
/// its own events.
pub const PER_RECEIVER: usize = 2;
/// Deliveries in progress at once in all.
pub const IN_FLIGHT: usize = 64;
/// How long past the delivery timeout an attempt's lease lasts: after that, an attempt with no
/// outcome is taken to have died with its process.
const LEASE_MARGIN_MS: i64 = 5_000;

/// How often stale card data is swept.
const SWEEP_EVERY: Duration = Duration::from_secs(1);

/// The error recorded for an attempt whose process stopped during it.
pub const INTERRUPTED: &str = "interrupted: the sandbox stopped during the attempt";

/// Delivers due events until the process ends, concurrently within [`PER_RECEIVER`] and
/// [`IN_FLIGHT`]; also deletes the sealed card data of expired and long-used tokens.
pub async fn run(state: AppState) {
    let mut builder = reqwest::Client::builder()
        .timeout(Duration::from_millis(state.config.webhook_timeout_ms))
        .redirect(reqwest::redirect::Policy::none());
    if !state.config.allow_private_callbacks {
        builder = builder.dns_resolver(Arc::new(callback_url::PublicOnly));
    }
    let client = match builder.build() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "webhook client could not be built; webhooks are off");
            return;
        }
    };
    let lease = state.config.webhook_timeout_ms as i64 + LEASE_MARGIN_MS;
    let busy: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let mut swept: Option<std::time::Instant> = None;
    loop {
        let now = now_ms();
        // On a clock, not at every wake-up: every payment wakes the worker.
        if swept.is_none_or(|at| at.elapsed() >= SWEEP_EVERY) {
            swept = Some(std::time::Instant::now());
            let used_before = now - state.config.action_ttl_secs as i64 * 1000;
            if let Err(e) = state.store.forget_stale_cards(now, used_before).await {
                tracing::warn!(error = %e, "deleting stale card data failed");
            }
            // Shared rate counters of windows long over (the longest window is 10 minutes).
            if let Err(e) = state.store.forget_rate_counts(now - 3_600_000).await {
                tracing::warn!(error = %e, "deleting old rate counters failed");
            }
        }
        record_interrupted(&state, now).await;
        let mut waiting_on_busy = false;
        match state.store.due_webhooks(now, IN_FLIGHT as i64).await {
            Ok(events) => {
                for mut event in events {
                    {
                        let mut busy = busy.lock().unwrap_or_else(|p| p.into_inner());
                        let total: usize = busy.values().sum();
                        let mine = busy.get(&event.url).copied().unwrap_or(0);
                        if mine >= PER_RECEIVER || total >= IN_FLIGHT {
                            waiting_on_busy = true;
                            continue;
                        }
                        *busy.entry(event.url.clone()).or_default() += 1;
                    }
                    // The lease counts from the claim, not from the loop's start.
                    let claimed = state
                        .store
                        .claim_webhook(&mut event, now, now_ms() + lease)
                        .await;
                    if !matches!(claimed, Ok(true)) {
                        release(&busy, &event.url);
                        continue;
                    }
                    let (state, client, busy) = (state.clone(), client.clone(), busy.clone());
                    tokio::spawn(async move {
                        let url = event.url.clone();
                        // Within its lease (a slow database included): past it, the event is
                        // another worker's, and this attempt is recorded as interrupted.
                        let within = Duration::from_millis((lease - LEASE_MARGIN_MS / 2) as u64);
                        let _ = tokio::time::timeout(within, deliver(&state, &client, event)).await;
                        release(&busy, &url);
                        state.outbox_wakeup.notify_one();
                    });
                }
            }
            Err(e) => tracing::warn!(error = %e, "reading the webhook outbox failed"),
        }
        // Sleep until the next event is due (at most 1 s, to keep sweeping), one is queued, or
        // a delivery ends (its receiver may take the next).
        let next = state.store.next_webhook_due().await.ok().flatten();
        let wait = match next {
            _ if waiting_on_busy => 1000,
            Some(at) => (at - now_ms()).clamp(10, 1000),
            None => 1000,
        } as u64;
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(wait)) => {}
            _ = state.outbox_wakeup.notified() => {}
        }
    }
}

fn release(busy: &Mutex<HashMap<String, usize>>, url: &str) {
    let mut busy = busy.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(n) = busy.get_mut(url) {
        *n -= 1;
        if *n == 0 {
            busy.remove(url);
        }
    }
}

/// Records the attempts cut short by a stopped process, each as a failed attempt.
async fn record_interrupted(state: &AppState, now: i64) {
    let events = match state.store.interrupted_webhooks(now).await {
        Ok(events) => events,
        Err(e) => return tracing::warn!(error = %e, "reading interrupted webhooks failed"),
    };
    for event in events {
        tracing::info!(event = event.id, payment = %event.payment_id, "webhook attempt interrupted");
        let result = after_failure(state, event.attempts + 1, now);
        if let Err(e) = state
            .store
            .record_attempt(&event, now, None, Some(INTERRUPTED), result)
            .await
        {
            tracing::warn!(error = %e, "recording an interrupted webhook attempt failed");
        }
    }
}

/// What follows failed attempt number `attempt`: the next on Yuno's schedule, or giving up.
fn after_failure(state: &AppState, attempt: i64, now: i64) -> AttemptResult {
    if attempt >= MAX_ATTEMPTS {
        return AttemptResult::GaveUp;
    }
    let secs = RETRY_AFTER_SECS[(attempt - 1) as usize] as f64 * state.config.webhook_backoff_scale;
    AttemptResult::RetryAt(now + (secs * 1000.0) as i64)
}

/// The event as sent: Yuno's webhook body, plus the event's `id` and `created_at`, which the
/// signature covers, so a receiver can drop a replayed or duplicated event.
pub fn event_body(event: &OutboxRow, payment: Value) -> String {
    json!({
        "id": event.event_id,
        "created_at": rfc3339(event.created_at),
        "type": "payment",
        "type_event": "payment.purchase",
        "account_id": event.account_id,
        "retry": event.attempts,
        "version": "1",
        "data": { "payment": payment },
    })
    .to_string()
}

async fn deliver(state: &AppState, client: &reqwest::Client, event: OutboxRow) {
    let Ok(Some(account)) = state.store.account(&event.account_id).await else {
        return;
    };
    // Stored before the sandbox was restarted without --allow-private-callbacks: not sent.
    let private = reqwest::Url::parse(&event.url).map_or(true, |u| callback_url::private_host(&u));
    if private && !state.config.allow_private_callbacks {
        let error = "refused: the URL points at a loopback or private address";
        let _ = state
            .store
            .record_attempt(&event, now_ms(), None, Some(error), AttemptResult::GaveUp)
            .await;
        return;
    }
    let payment: Value = serde_json::from_str(&event.payment).unwrap_or(Value::Null);
    // The queued copy has no holder name: it is opened from the payment's sealed one.
    let sealed = match state
        .store
        .payment(&event.account_id, &event.payment_id)
        .await
    {
        Ok(row) => row.and_then(|p| p.holder),
        Err(_) => None,
    };
    let payment = holder::merchant_view(&state.vault, payment, sealed.as_deref());
    let body = event_body(&event, payment);
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
    } else {
        after_failure(state, attempt, now)
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
