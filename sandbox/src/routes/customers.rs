//! `POST /v1/customers`, `GET /v1/customers/{id}`, `GET /v1/customers?merchant_customer_id=`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::clock::{now_ms, rfc3339};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, SecretKey};
use crate::state::AppState;
use checkout_iso::is_country;

#[derive(Deserialize, serde::Serialize)]
pub struct Document {
    document_type: String,
    document_number: String,
}

#[derive(Deserialize, serde::Serialize)]
pub struct Phone {
    country_code: String,
    number: String,
}

#[derive(Deserialize)]
pub struct NewCustomer {
    merchant_customer_id: String,
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
    country: Option<String>,
    document: Option<Document>,
    phone: Option<Phone>,
    billing_address: Option<Value>,
    metadata: Option<Value>,
}

/// `POST /v1/customers`
pub async fn create(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    body: JsonBody<NewCustomer>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let c = body.value;
    if c.merchant_customer_id.trim().is_empty() || c.merchant_customer_id.len() > 255 {
        return Err(ApiError::invalid(
            "merchant_customer_id",
            "must be 1 to 255 characters",
        ));
    }
    if c.email.as_deref().is_some_and(|e| !e.contains('@')) {
        return Err(ApiError::invalid("email", "is not an email address"));
    }
    if c.country.as_deref().is_some_and(|k| !is_country(k)) {
        return Err(ApiError::invalid(
            "country",
            "must be an ISO 3166-1 alpha-2 code such as BR",
        ));
    }
    let now = now_ms();
    let id = uuid::Uuid::new_v4().to_string();
    let customer = json!({
        "id": id,
        "merchant_customer_id": c.merchant_customer_id,
        "first_name": c.first_name,
        "last_name": c.last_name,
        "email": c.email,
        "country": c.country,
        "document": c.document,
        "phone": c.phone,
        "billing_address": c.billing_address,
        "metadata": c.metadata,
        "created_at": rfc3339(now),
        "updated_at": rfc3339(now),
    });
    if !state
        .store
        .insert_customer(&account.id, &id, &c.merchant_customer_id, &customer, now)
        .await?
    {
        return Err(ApiError::field(
            "CUSTOMER_ID_DUPLICATED",
            "merchant_customer_id",
            "a customer with this `merchant_customer_id` already exists",
        ));
    }
    Ok((StatusCode::CREATED, Json(customer)))
}

/// `GET /v1/customers/{id}`
pub async fn show(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    state
        .store
        .customer(&account.id, &id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("CUSTOMER_NOT_FOUND", "no customer with this id"))
}

#[derive(Deserialize)]
pub struct Find {
    merchant_customer_id: Option<String>,
}

/// `GET /v1/customers?merchant_customer_id=…`
pub async fn find(
    State(state): State<AppState>,
    SecretKey(account): SecretKey,
    Query(q): Query<Find>,
) -> ApiResult<Json<Value>> {
    let mcid = q
        .merchant_customer_id
        .ok_or_else(|| ApiError::invalid("merchant_customer_id", "query parameter is required"))?;
    state
        .store
        .customer_by_merchant_id(&account.id, &mcid)
        .await?
        .map(Json)
        .ok_or_else(|| {
            ApiError::not_found(
                "CUSTOMER_NOT_FOUND",
                "no customer with this merchant_customer_id",
            )
        })
}
