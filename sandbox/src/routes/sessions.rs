//! `POST /v1/checkout/sessions` (merchant) and `GET /v1/checkout/sessions/{id}` (browser).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::callback_url;
use crate::clock::{now_ms, rfc3339};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, PublicKey, SecretKey};
use crate::state::AppState;
use crate::store::accounts::Account;
use crate::store::sessions::Session;
use checkout_iso::{is_country, is_currency};

/// `amount` in sessions and payments.
#[derive(Deserialize, Serialize, Clone, Copy, Debug)]
pub struct Amount<C = String> {
    pub currency: C,
    pub value: f64,
}

/// The largest amount the sandbox takes, in major units (a stated bound, so that no float
/// loses the minor units: 2^53 minor units of a 4-decimal currency is far above it).
pub const MAX_AMOUNT: f64 = 9_999_999_999.99;

/// Validates an amount, naming fields under `prefix`: an ISO 4217 currency that has minor
/// units (the ISO table, by `iso_currency`; funds and metals have none), and a value above 0,
/// at most [`MAX_AMOUNT`], with no more decimals than the currency has (0.001 BRL and 1.5 JPY
/// are refused).
pub fn check_amount(amount: &Amount, prefix: &str) -> ApiResult<()> {
    let exponent = is_currency(&amount.currency)
        .then(|| iso_currency::Currency::from_code(&amount.currency))
        .flatten()
        .and_then(|c| c.exponent());
    let Some(exponent) = exponent else {
        return Err(ApiError::invalid(
            &format!("{prefix}.currency"),
            "must be an ISO 4217 currency code such as BRL",
        ));
    };
    let value = amount.value;
    if !value.is_finite() || value <= 0.0 || value > MAX_AMOUNT {
        return Err(ApiError::invalid(
            &format!("{prefix}.value"),
            "must be a number above 0 and at most 9999999999.99",
        ));
    }
    let minor = value * 10f64.powi(i32::from(exponent));
    if (minor - minor.round()).abs() > 1e-6 {
        let message = match exponent {
            0 => format!(
                "{} has no minor units: the value must be whole",
                amount.currency
            ),
            n => format!("{} has {n} decimals at most", amount.currency),
        };
        return Err(ApiError::invalid(&format!("{prefix}.value"), &message));
    }
    Ok(())
}

/// Validates a country code field.
pub fn check_country(country: &str, field: &str) -> ApiResult<()> {
    if is_country(country) {
        Ok(())
    } else {
        Err(ApiError::invalid(
            field,
            "must be an ISO 3166-1 alpha-2 code such as BR",
        ))
    }
}

/// Validates that the body's `account_id` is the authenticated account.
pub fn check_account(account: &Account, account_id: &str) -> ApiResult<()> {
    if account.id == account_id {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "account_id",
            "does not belong to the API keys used",
        ))
    }
}

#[derive(Deserialize)]
pub struct NewSession {
    account_id: String,
    merchant_order_id: String,
    payment_description: String,
    country: String,
    amount: Amount,
    customer_id: Option<String>,
    callback_url: Option<String>,
    workflow: Option<String>,
    metadata: Option<Value>,
}

/// `POST /v1/checkout/sessions`
pub async fn create(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    body: JsonBody<NewSession>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let s = body.value;
    check_account(&account, &s.account_id)?;
    if s.merchant_order_id.trim().is_empty() {
        return Err(ApiError::invalid("merchant_order_id", "must not be empty"));
    }
    check_country(&s.country, "country")?;
    check_amount(&s.amount, "amount")?;
    if let Some(customer_id) = &s.customer_id {
        if state
            .store
            .customer(&account.id, customer_id)
            .await?
            .is_none()
        {
            return Err(ApiError::field(
                "CUSTOMER_NOT_FOUND",
                "customer_id",
                "no customer with this `customer_id`",
            ));
        }
    }
    let callback_url = match &s.callback_url {
        Some(url) => Some(callback_url::check(
            url,
            "callback_url",
            state.config.allow_private_callbacks,
        )?),
        None => None,
    };
    let now = now_ms();
    let expires_at = now + (state.config.session_ttl_secs as i64) * 1000;
    let id = uuid::Uuid::new_v4().to_string();
    let body = json!({
        "checkout_session": id,
        "account_id": account.id,
        "merchant_order_id": s.merchant_order_id,
        "payment_description": s.payment_description,
        "country": s.country,
        "amount": s.amount,
        "customer_id": s.customer_id,
        "callback_url": callback_url,
        "workflow": s.workflow,
        "metadata": s.metadata,
        "created_at": rfc3339(now),
        "expires_at": rfc3339(expires_at),
    });
    let session = Session {
        id,
        account_id: account.id.clone(),
        customer_id: s.customer_id,
        country: s.country,
        currency: s.amount.currency,
        amount: s.amount.value,
        callback_url,
        body: body.clone(),
        expires_at,
        enrollment: false,
    };
    state.store.insert_session(&session, now).await?;
    Ok((StatusCode::CREATED, Json(body)))
}

/// The session a browser request names: it must exist, belong to the key's account and not
/// have expired.
pub async fn browser_session(state: &AppState, account: &Account, id: &str) -> ApiResult<Session> {
    let session = state
        .store
        .session(id)
        .await?
        .filter(|s| s.account_id == account.id)
        .ok_or_else(|| {
            ApiError::not_found(
                "CHECKOUT_SESSION_NOT_FOUND",
                "no checkout session with this id",
            )
        })?;
    if session.expires_at <= now_ms() {
        return Err(ApiError::bad_request(
            "CHECKOUT_SESSION_EXPIRED",
            "the checkout session has expired",
        ));
    }
    Ok(session)
}

/// `GET /v1/checkout/sessions/{id}`: what the pay button needs to show the amount.
pub async fn show_to_browser(
    State(state): State<AppState>,
    PublicKey(account): PublicKey,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let s = browser_session(&state, &account, &id).await?;
    // A customer session has no amount (the pay button names none).
    let amount = (!s.enrollment).then(|| json!({ "currency": s.currency, "value": s.amount }));
    Ok(Json(json!({
        "checkout_session": s.id,
        "country": s.country,
        "amount": amount,
        "expires_at": rfc3339(s.expires_at),
    })))
}
