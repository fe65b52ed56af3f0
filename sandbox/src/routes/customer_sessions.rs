//! Card enrollment (Yuno's customer sessions): a customer saves a card without paying.
//!
//! - `POST /v1/customers/sessions` (merchant): a customer session for a customer and country.
//! - `POST /v1/customers/sessions/{id}/payment-methods` (merchant): the method to enroll
//!   (`READY_TO_ENROLL`).
//! - The card form mounts on the customer session as on a checkout (`…/checkout/sessions/{id}/
//!   payment-methods` and `…/token`); the token's card is verified (the test-card table) and,
//!   approved, saved for the customer at once ([`enroll`]).
//! - `GET /v1/checkout/customers/sessions/{id}/payment-methods` (browser): the session's
//!   enrollments with their status and, once enrolled, the vaulted token the page is told.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::payments::vault_card;
use super::sessions::{browser_session, check_account, check_country};
use super::tokens::SealedCard;
use crate::callback_url;
use crate::clock::{now_ms, rfc3339};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, PublicKey, SecretKey};
use crate::outcome;
use crate::state::AppState;
use crate::store::accounts::Account;
use crate::store::enrollments::Enrollment;
use crate::store::sessions::Session;
use crate::store::tokens::{TokenRow, VaultedCard};
use crate::store::Store;

#[derive(Deserialize)]
pub struct NewCustomerSession {
    account_id: String,
    customer_id: String,
    country: String,
    callback_url: Option<String>,
}

/// `POST /v1/customers/sessions`
pub async fn create(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    body: JsonBody<NewCustomerSession>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let s = body.value;
    check_account(&account, &s.account_id)?;
    check_country(&s.country, "country")?;
    if state
        .store
        .customer(&account.id, &s.customer_id)
        .await?
        .is_none()
    {
        return Err(ApiError::field(
            "CUSTOMER_NOT_FOUND",
            "customer_id",
            "no customer with this `customer_id`",
        ));
    }
    let callback_url = s
        .callback_url
        .map(|url| callback_url::check(&url, "callback_url", state.config.allow_private_callbacks))
        .transpose()?;
    let now = now_ms();
    let expires_at = now + (state.config.session_ttl_secs as i64) * 1000;
    let id = uuid::Uuid::new_v4().to_string();
    let body = json!({
        "customer_session": id,
        "customer_id": s.customer_id,
        "country": s.country,
        "callback_url": callback_url,
        "checkout_id": null,
        "created_at": rfc3339(now),
        "expires_at": rfc3339(expires_at),
    });
    let session = Session {
        id,
        account_id: account.id.clone(),
        customer_id: Some(s.customer_id),
        country: s.country,
        currency: String::new(),
        amount: 0.0,
        callback_url,
        body: body.clone(),
        expires_at,
        enrollment: true,
    };
    state.store.insert_session(&session, now).await?;
    Ok((StatusCode::CREATED, Json(body)))
}

#[derive(Deserialize)]
pub struct NewEnrollment {
    account_id: String,
    payment_method_type: String,
    country: String,
}

/// `POST /v1/customers/sessions/{id}/payment-methods`: the method the session will enroll,
/// `READY_TO_ENROLL` (the one it has of that type, if asked again).
pub async fn register(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: JsonBody<NewEnrollment>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    if super::tokens::idempotency_key(&headers)?.is_none() {
        return Err(ApiError::invalid("X-Idempotency-Key", "header is required"));
    }
    let e = body.value;
    check_account(&account, &e.account_id)?;
    let session = customer_session(&state, &account, &id).await?;
    if e.country != session.country {
        return Err(ApiError::invalid(
            "country",
            "must equal the customer session's country",
        ));
    }
    if e.payment_method_type != "CARD" {
        return Err(ApiError::invalid(
            "payment_method_type",
            "must be CARD: the sandbox enrolls cards",
        ));
    }
    if session.expires_at <= now_ms() {
        return Err(ApiError::field(
            "CUSTOMER_SESSION_EXPIRED",
            "customer_session",
            "the customer session has expired",
        ));
    }
    let enrollment = new_enrollment(&session, "READY_TO_ENROLL", None, Value::Null, now_ms());
    state
        .store
        .register_enrollment(&enrollment, now_ms())
        .await?;
    // The one the session has (this one, or an earlier one, as it is now).
    let all = state.store.enrollments(&session.id).await?;
    let current = all
        .into_iter()
        .find(|e| e.kind == "CARD")
        .map_or(enrollment.body, |e| e.body);
    Ok((StatusCode::CREATED, Json(current)))
}

/// `GET /v1/checkout/customers/sessions/{id}/payment-methods` (browser, public key)
pub async fn list_to_browser(
    State(state): State<AppState>,
    PublicKey(account): PublicKey,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let session = browser_session(&state, &account, &id).await?;
    if !session.enrollment {
        return Err(not_found());
    }
    // What the page is told (Yuno's `yunoEnrollmentStatus`) and may show: no account,
    // customer, IIN or expiry.
    let methods: Vec<Value> = state
        .store
        .enrollments(&session.id)
        .await?
        .into_iter()
        .map(|e| {
            let b = &e.body;
            json!({
                "id": b["id"], "type": b["type"], "name": b["name"], "status": b["status"],
                "vaulted_token": b["vaulted_token"],
                "card_data": b["card_data"].is_object().then(|| json!({
                    "brand": b["card_data"]["brand"], "lfd": b["card_data"]["lfd"],
                })),
            })
        })
        .collect();
    Ok(Json(json!({ "payment_methods": methods })))
}

/// What verifying a new card in a customer session gives: Yuno's enrollment status and, when
/// `ENROLLED`, the card sealed anew under its vaulted token (saved by [`enroll`]).
pub fn verify(
    state: &AppState,
    session: &Session,
    card: SealedCard,
    card_facts: Option<&str>,
    now: i64,
) -> ApiResult<(&'static str, Option<VaultedCard>)> {
    let status = match outcome::for_card(&card.number).0 {
        "SUCCEEDED" => "ENROLLED",
        "DECLINED" => "DECLINED",
        _ => "ERROR",
    };
    let customer = session.customer_id.as_deref().unwrap_or_default();
    let vaulted = (status == "ENROLLED")
        .then(|| vault_card(state, card, card_facts, customer, now))
        .transpose()?;
    Ok((status, vaulted))
}

/// Stores the token of a customer session with its card's verification, in one transaction:
/// the session's `CARD` enrollment takes the status and, when enrolled, the card is saved for
/// the customer. `Ok(false)` when the token's idempotency key was taken meanwhile (nothing is
/// stored); `CUSTOMER_SESSION_ALREADY_ENROLLED` when another token enrolled a card first.
pub async fn enroll(
    state: &AppState,
    session: &Session,
    token: &TokenRow,
    (status, vaulted): (&'static str, Option<VaultedCard>),
    now: i64,
) -> ApiResult<bool> {
    let facts: Value =
        serde_json::from_str(token.card_facts.as_deref().unwrap_or("null")).unwrap_or(Value::Null);
    let mut enrollment = new_enrollment(
        session,
        status,
        vaulted.as_ref().map(|v| v.vaulted_token.clone()),
        facts,
        now,
    );
    // The registered enrollment keeps its id and creation time.
    let before = state.store.enrollments(&session.id).await?;
    if let Some(before) = before.into_iter().find(|e| e.kind == "CARD") {
        enrollment.body["id"] = json!(before.id);
        enrollment.body["created_at"] = before.body["created_at"].clone();
        enrollment.id = before.id;
    }
    let mut tx = state.store.begin().await?;
    if !Store::insert_token_in(&mut tx, token, now).await? {
        return Ok(false);
    }
    if !Store::verify_enrollment(&mut tx, &enrollment, status != "ENROLLED", now).await? {
        return Err(already_enrolled());
    }
    if let Some(v) = &vaulted {
        Store::insert_vaulted_card(&mut tx, v, now).await?;
    }
    tx.commit().await?;
    tracing::info!(session = %session.id, status, "card enrollment");
    Ok(true)
}

/// Refuses a token in a customer session that has enrolled its card already.
pub async fn refuse_if_enrolled(state: &AppState, session: &Session) -> ApiResult<()> {
    let all = state.store.enrollments(&session.id).await?;
    if all.iter().any(|e| e.status == "ENROLLED") {
        return Err(already_enrolled());
    }
    Ok(())
}

fn already_enrolled() -> ApiError {
    ApiError::bad_request(
        "CUSTOMER_SESSION_ALREADY_ENROLLED",
        "the customer session has enrolled its card already",
    )
}

/// A `CARD` enrollment of `session` in Yuno's payment-method shape.
fn new_enrollment(
    session: &Session,
    status: &str,
    vaulted_token: Option<String>,
    card_data: Value,
    now: i64,
) -> Enrollment {
    let id = uuid::Uuid::new_v4().to_string();
    let name = match (card_data["brand"].as_str(), card_data["lfd"].as_str()) {
        (Some(brand), Some(lfd)) => format!("{brand} ****{lfd}"),
        _ => "Card".to_owned(),
    };
    let body = json!({
        "id": id,
        "account_id": session.account_id,
        "name": name,
        "description": "Card",
        "type": "CARD",
        "category": "CARD",
        "country": session.country,
        "status": status,
        "vaulted_token": vaulted_token,
        "card_data": card_data,
        "customer": { "id": session.customer_id },
        "enrollment": { "session": session.id, "sdk_required_action": status == "READY_TO_ENROLL" },
        "created_at": rfc3339(now),
        "updated_at": rfc3339(now),
    });
    Enrollment {
        id,
        session_id: session.id.clone(),
        kind: "CARD".into(),
        status: status.into(),
        vaulted_token,
        body,
    }
}

/// A customer session of the account (expired or not: the merchant may still read it).
async fn customer_session(state: &AppState, account: &Account, id: &str) -> ApiResult<Session> {
    state
        .store
        .session(id)
        .await?
        .filter(|s| s.account_id == account.id && s.enrollment)
        .ok_or_else(not_found)
}

fn not_found() -> ApiError {
    ApiError::not_found(
        "CUSTOMER_SESSION_NOT_FOUND",
        "no customer session with this id",
    )
}
