//! `POST /v1/payments` and friends: the merchant server turns a one-time token into a payment.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::sessions::{check_account, check_amount, check_country, Amount};
use super::tokens::SealedCard;
use crate::actions::{self, Start};
use crate::callback_url;
use crate::clock::{now_ms, rfc3339};
use crate::document::{self, Document};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, SecretKey};
use crate::holder;
use crate::issuers;
use crate::outcome::{self, Outcome};
use crate::settle::settle;
use crate::state::AppState;
use crate::store::accounts::Account;
use crate::store::payments::PaymentRow;
use crate::store::tokens::VaultedCard;
use crate::store::{is_unique_violation, Store};

#[derive(Deserialize)]
pub struct NewPayment {
    account_id: String,
    merchant_order_id: String,
    description: String,
    amount: Amount,
    country: String,
    checkout: CheckoutRef,
    payment_method: MethodRef,
    customer_payer: Option<CustomerRef>,
    /// Where the shopper comes back to after a bank's or wallet's page (Yuno's field).
    callback_url: Option<String>,
    metadata: Option<Value>,
}

#[derive(Deserialize)]
struct CheckoutRef {
    session: String,
}

#[derive(Deserialize)]
struct MethodRef {
    token: String,
    vaulted_token: Option<String>,
    vault_on_success: Option<bool>,
}

#[derive(Deserialize)]
struct CustomerRef {
    id: Option<String>,
    /// The payer's identity document; else the one collected with the token, if any.
    document: Option<Document>,
}

fn already_paid() -> ApiError {
    ApiError::bad_request(
        "CHECKOUT_SESSION_ALREADY_PAID",
        "the checkout session already has a successful payment",
    )
}

/// The required `X-Idempotency-Key`: a UUID.
fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let raw = headers
        .get("x-idempotency-key")
        .ok_or_else(|| ApiError::invalid("X-Idempotency-Key", "header is required"))?;
    raw.to_str()
        .ok()
        .and_then(|k| uuid::Uuid::parse_str(k).ok())
        .map(|u| u.to_string())
        .ok_or_else(|| ApiError::invalid("X-Idempotency-Key", "must be a UUID"))
}

/// Where a session's webhooks go.
pub(crate) fn webhook_url(session_url: Option<&str>, account_url: Option<&str>) -> Option<String> {
    session_url.or(account_url).map(str::to_owned)
}

/// A card saved for `customer`, sealed under a new vaulted token, with the facts the
/// payment-methods list shows (`card_facts`: the token's `card_data`).
pub(crate) fn vault_card(
    state: &AppState,
    card: SealedCard,
    card_facts: Option<&str>,
    customer: &str,
    now: i64,
) -> ApiResult<VaultedCard> {
    let vaulted_token = uuid::Uuid::new_v4().to_string();
    let facts: Value = serde_json::from_str(card_facts.unwrap_or("null")).unwrap_or(Value::Null);
    let saved_facts = json!({
        "iin": facts["iin"], "lfd": facts["lfd"], "brand": facts["brand"], "type": facts["type"],
        "expiration_month": facts["expiration_month"], "expiration_year": facts["expiration_year"],
    });
    let sealed = serde_json::to_vec(&card).map_err(anyhow::Error::from)?;
    Ok(VaultedCard {
        card: state.vault.seal(&vaulted_token, &sealed)?,
        vaulted_token,
        customer_id: customer.to_owned(),
        card_facts: saved_facts.to_string(),
        last_used_at: now,
    })
}

/// What a request whose `X-Idempotency-Key` was used already gets: the payment that key made
/// (the same request) or `IDEMPOTENCY_DUPLICATED`; `None` for a new key.
async fn replayed(
    state: &AppState,
    account_id: &str,
    key: &str,
    hash: &str,
) -> ApiResult<Option<ApiResult<(StatusCode, Json<Value>)>>> {
    let Some(existing) = state
        .store
        .payment_by_idempotency_key(account_id, key)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(if existing.request_hash == hash {
        let body = holder::merchant_view(&state.vault, existing.body, existing.holder.as_deref());
        Ok((StatusCode::CREATED, Json(body)))
    } else {
        Err(ApiError::bad_request(
            "IDEMPOTENCY_DUPLICATED",
            "this X-Idempotency-Key was already used with a different request",
        ))
    }))
}

/// `POST /v1/payments`
pub async fn create(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    headers: HeaderMap,
    body: JsonBody<NewPayment>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let key = idempotency_key(&headers)?;
    let hash = state.vault.request_hash(body.canonical.as_bytes());
    // No lock: the database decides races (a token is used by a conditional update, a key and
    // a session's one success by unique indexes). A request that lost to its own twin (the
    // same key, sent again while the first was under way) answers as the twin did.
    if let Some(answer) = replayed(&state, &account.id, &key, &hash).await? {
        return answer;
    }
    match decide(&state, &account, key.clone(), hash.clone(), body.value).await {
        Err(e)
            if matches!(
                e.code,
                "TOKEN_ALREADY_USED" | "CHECKOUT_SESSION_ALREADY_PAID"
            ) =>
        {
            match replayed(&state, &account.id, &key, &hash).await? {
                Some(answer) => answer,
                None => Err(e),
            }
        }
        decided => decided,
    }
}

/// Validates the request, charges the card behind its token and stores the payment.
async fn decide(
    state: &AppState,
    account: &Account,
    key: String,
    hash: String,
    p: NewPayment,
) -> ApiResult<(StatusCode, Json<Value>)> {
    check_account(account, &p.account_id)?;
    check_country(&p.country, "country")?;
    check_amount(&p.amount, "amount")?;
    if p.merchant_order_id.trim().is_empty() {
        return Err(ApiError::invalid("merchant_order_id", "must not be empty"));
    }
    let callback_url = match &p.callback_url {
        Some(url) => Some(callback_url::check(
            url,
            "callback_url",
            state.config.allow_private_callbacks,
        )?),
        None => None,
    };

    let now = now_ms();
    let session = state
        .store
        .session(&p.checkout.session)
        .await?
        .filter(|s| s.account_id == account.id)
        .ok_or_else(|| {
            ApiError::field(
                "CHECKOUT_SESSION_NOT_FOUND",
                "checkout.session",
                "no checkout session with this id",
            )
        })?;
    if session.enrollment {
        return Err(ApiError::field(
            "CHECKOUT_SESSION_NOT_FOUND",
            "checkout.session",
            "is a customer session (card enrollment), which pays nothing",
        ));
    }
    if session.expires_at <= now {
        return Err(ApiError::field(
            "CHECKOUT_SESSION_EXPIRED",
            "checkout.session",
            "the checkout session has expired",
        ));
    }
    if p.country != session.country {
        return Err(ApiError::invalid(
            "country",
            "must equal the checkout session's country",
        ));
    }
    if p.amount.currency != session.currency || (p.amount.value - session.amount).abs() > 1e-9 {
        return Err(ApiError::invalid(
            "amount",
            "must equal the checkout session's amount and currency",
        ));
    }
    if let Some(id) = p.customer_payer.as_ref().and_then(|c| c.id.as_deref()) {
        if state.store.customer(&account.id, id).await?.is_none() {
            return Err(ApiError::field(
                "CUSTOMER_NOT_FOUND",
                "customer_payer.id",
                "`customer_payer.id` is not a customer of this account",
            ));
        }
    }
    let payer_document = match p.customer_payer.as_ref().and_then(|c| c.document.as_ref()) {
        Some(d) => Some(document::check("customer_payer.document", &p.country, d)?),
        None => None,
    };
    if state.store.session_has_success(&session.id).await? {
        return Err(already_paid());
    }

    let token_field = "payment_method.token";
    let token = state
        .store
        .token(&p.payment_method.token)
        .await?
        .ok_or_else(|| {
            ApiError::field(
                "TOKEN_NOT_FOUND",
                token_field,
                "no one-time token with this value",
            )
        })?;
    if token.session_id != session.id {
        return Err(ApiError::field(
            "TOKEN_SESSION_MISMATCH",
            token_field,
            "the one-time token was created for another checkout session",
        ));
    }
    if token.used_at.is_some() {
        return Err(ApiError::field(
            "TOKEN_ALREADY_USED",
            token_field,
            "the one-time token was already used",
        ));
    }
    if token.expires_at <= now {
        return Err(ApiError::field(
            "TOKEN_EXPIRED",
            token_field,
            "the one-time token has expired",
        ));
    }
    if p.payment_method.vaulted_token.is_some()
        && p.payment_method.vaulted_token != token.vaulted_token
    {
        return Err(ApiError::invalid(
            "payment_method.vaulted_token",
            "does not match the one-time token",
        ));
    }

    // Charge: the card behind the token decides the outcome.
    let (number, holder, vaulted) = match (&token.card, &token.vaulted_token) {
        (Some(sealed), _) => {
            let card: SealedCard = serde_json::from_slice(&state.vault.open(&token.token, sealed)?)
                .map_err(anyhow::Error::from)?;
            (Some(card.number), card.holder_name, None)
        }
        (None, Some(v)) => {
            let saved = state.store.vaulted_card(v).await?.ok_or_else(|| {
                ApiError::field(
                    "VAULTED_TOKEN_NOT_FOUND",
                    "payment_method.vaulted_token",
                    "the saved card no longer exists",
                )
            })?;
            let card: SealedCard = serde_json::from_slice(&state.vault.open(v, &saved.card)?)
                .map_err(anyhow::Error::from)?;
            (Some(card.number), card.holder_name, Some(saved))
        }
        (None, None) => (None, None, None),
    };
    let start = actions::start(&token.kind, number.as_deref());
    // A PIX code is a BR Code: reais only, and an amount its 13-character field can hold.
    if start == Start::Waiting(actions::Step::Pix)
        && (p.amount.currency != "BRL" || p.amount.value > actions::PIX_MAX_AMOUNT)
    {
        return Err(ApiError::invalid(
            "amount",
            "a PIX payment is in BRL, at most 9999999999.99",
        ));
    }
    let (status, sub_status): Outcome = match start {
        Start::Final { outcome, .. } => outcome,
        Start::Waiting(_) => outcome::PENDING,
    };
    let succeeded = status == "SUCCEEDED";

    let holder_name = holder.clone();
    let want_vault = token.save || p.payment_method.vault_on_success == Some(true);
    let new_vault = match (number, &session.customer_id) {
        (Some(n), Some(customer)) if succeeded && want_vault && vaulted.is_none() => {
            Some(vault_card(
                state,
                SealedCard {
                    number: n,
                    holder_name: holder,
                },
                token.card_facts.as_deref(),
                customer,
                now,
            )?)
        }
        _ => None,
    };

    let card_data: Value = token
        .card_facts
        .as_deref()
        .and_then(|f| serde_json::from_str(f).ok())
        .unwrap_or(Value::Null);
    // The payer: the customer (asked for, else the session's) and the identity document
    // (given here, else the one the form collected with the token).
    let payer_id = p
        .customer_payer
        .as_ref()
        .and_then(|c| c.id.clone())
        .or(session.customer_id.clone());
    let payer_document = payer_document.or_else(|| {
        token
            .document
            .as_deref()
            .and_then(|d| document::open(&state.vault, &token.token, d))
    });
    let customer_payer = match (payer_id, payer_document) {
        (None, None) => Value::Null,
        (id, document) => {
            let mut payer = serde_json::Map::new();
            if let Some(id) = id {
                payer.insert("id".into(), Value::String(id));
            }
            if let Some(d) = document {
                payer.insert("document".into(), json!(d));
            }
            Value::Object(payer)
        }
    };
    let payment_id = uuid::Uuid::new_v4().to_string();
    let detail = actions::detail(
        start,
        &actions::Context {
            payment_id: &payment_id,
            public_url: &state.public_url,
            amount: p.amount.value,
            now_ms: now,
            ttl_ms: state.config.action_ttl_secs as i64 * 1000,
        },
    );
    // The installments chosen with the token: Yuno's `card.installments`, and their price.
    let mut detail = detail;
    if let Some(chosen) = token
        .installment
        .as_deref()
        .and_then(|i| serde_json::from_str::<Value>(i).ok())
    {
        if detail.is_null() {
            detail = json!({});
        }
        if detail["card"].is_null() {
            detail["card"] = json!({});
        }
        detail["card"]["installments"] = chosen["installment"].clone();
        detail["card"]["installment_plan"] = chosen;
    }
    // The bank chosen with the token (PSE): named where Yuno's payment object names a
    // transfer's bank, so the merchant and the bank's page show it.
    let bank = token
        .issuer_id
        .as_deref()
        .and_then(|id| issuers::find(&session.country, &token.kind, id));
    if let Some(bank) = bank {
        detail["bank_transfer"]["bank_name"] = json!(bank.name);
    }
    let mut payment = json!({
        "id": payment_id,
        "account_id": account.id,
        "merchant_order_id": p.merchant_order_id,
        "description": p.description,
        "country": p.country,
        "status": status,
        "sub_status": sub_status,
        "amount": p.amount,
        "created_at": rfc3339(now),
        "updated_at": rfc3339(now),
        "checkout": { "session": session.id, "sdk_action_required": status == "PENDING" },
        "customer_payer": customer_payer,
        "payment_method": {
            "type": token.kind,
            "token": token.token,
            "vaulted_token": new_vault.as_ref().map(|v| v.vaulted_token.clone()).or(token.vaulted_token.clone()),
            "vault_on_success": want_vault,
            "card_data": card_data,
            "payment_method_detail": detail,
        },
        "callback_url": callback_url,
        "metadata": p.metadata,
    });
    // As Yuno's request carries the choice (`payment_method.detail.issuer_id`); absent when
    // none was made, so other payments keep their shape.
    if let Some(bank) = bank {
        payment["payment_method"]["detail"] = json!({ "issuer_id": bank.id });
    }
    // Stored and queued without the holder name (a token made before it was sealed may still
    // carry one in its facts); sealed beside the payment instead.
    let legacy = holder::take(&mut payment);
    let sealed_holder = match holder_name.or(legacy) {
        Some(name) => Some(holder::seal(&state.vault, &payment_id, &name)?),
        None => None,
    };

    let mut tx = state.store.begin().await?;
    if !Store::use_token(&mut tx, &token.token, now).await? {
        return Err(ApiError::field(
            "TOKEN_ALREADY_USED",
            token_field,
            "the one-time token was already used",
        ));
    }
    let row = PaymentRow {
        id: payment_id.clone(),
        account_id: account.id.clone(),
        session_id: session.id.clone(),
        status: status.to_owned(),
        idempotency_key: key,
        request_hash: hash,
        body: payment.clone(),
        holder: sealed_holder,
    };
    if let Err(e) = Store::insert_payment(&mut tx, &row, now).await {
        if !is_unique_violation(&e) {
            return Err(e.into());
        }
        // The session succeeded meanwhile, or the key was taken (create() tells them apart).
        return Err(already_paid());
    }
    if let Some(v) = &new_vault {
        Store::insert_vaulted_card(&mut tx, v, now).await?;
    }
    // A final payment needs the card no more (a card to keep was sealed anew just above); a
    // pending one keeps it for its challenge, then settle() deletes it.
    if status != "PENDING" {
        Store::forget_card(&mut tx, &token.token).await?;
    }
    if let (Some(v), true) = (&vaulted, succeeded) {
        Store::touch_vaulted_card(&mut tx, &v.vaulted_token, now).await?;
    }
    if let Some(url) = webhook_url(
        session.callback_url.as_deref(),
        account.webhook_url.as_deref(),
    ) {
        Store::enqueue_webhook(&mut tx, &account.id, &payment_id, &url, &payment, now).await?;
    }
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    tracing::info!(payment = %payment_id, status, sub_status, "payment created");
    let answer = holder::merchant_view(&state.vault, payment, row.holder.as_deref());
    Ok((StatusCode::CREATED, Json(answer)))
}

/// `GET /v1/payments/{id}`
pub async fn show(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let p = state.store.payment(&account.id, &id).await?;
    p.map(|p| {
        Json(holder::merchant_view(
            &state.vault,
            p.body,
            p.holder.as_deref(),
        ))
    })
    .ok_or_else(|| ApiError::not_found("PAYMENT_NOT_FOUND", "no payment with this id"))
}

/// `POST /v1/payments/{id}/complete` (sandbox only): the shopper finished an alternative
/// method elsewhere; the pending payment succeeds and a webhook is queued. A final payment is
/// answered unchanged.
pub async fn complete(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let p = state
        .store
        .payment(&account.id, &id)
        .await?
        .ok_or_else(|| ApiError::not_found("PAYMENT_NOT_FOUND", "no payment with this id"))?;
    // A card's 3-D Secure challenge is answered on the issuer's page, not here.
    if let Some(actions::Step::Challenge { .. }) = actions::pending_step(&p.body) {
        return Err(ApiError::bad_request(
            "ACTION_NOT_PENDING",
            "a card payment waiting for 3-D Secure is completed by its challenge",
        ));
    }
    let sealed = p.holder.clone();
    let body = settle(&state, p, outcome::APPROVED).await?;
    Ok(Json(holder::merchant_view(
        &state.vault,
        body,
        sealed.as_deref(),
    )))
}

/// `GET /v1/payments/{id}/webhook-deliveries` (sandbox only): every delivery attempt of the
/// payment's webhooks.
pub async fn deliveries(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    if state.store.payment(&account.id, &id).await?.is_none() {
        return Err(ApiError::not_found(
            "PAYMENT_NOT_FOUND",
            "no payment with this id",
        ));
    }
    Ok(Json(json!(state.store.webhook_attempts(&id).await?)))
}
