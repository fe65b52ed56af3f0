//! `GET /v1/issuers?checkout_session=…&country_code=…&payment_method=…` (browser, public key):
//! the banks a shopper picks from for a method that names one (PSE), as Yuno documents the
//! endpoint: `{ "issuers": [{ "id", "name" }] }`. The session is looked up as by the other
//! browser endpoints (same 401 and 404); a method without issuers, or not enabled for the
//! session's country, gets an empty list.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::sessions::browser_session;
use crate::error::{ApiError, ApiResult};
use crate::extract::PublicKey;
use crate::issuers::{self, Issuer};
use crate::state::AppState;

/// The query Yuno's endpoint takes. Every parameter is optional to serde, so that a missing
/// one is refused below with the project's 400 naming it, not axum's plain-text rejection.
#[derive(Deserialize)]
pub struct IssuersQuery {
    checkout_session: Option<String>,
    country_code: Option<String>,
    payment_method: Option<String>,
}

/// The answer: Yuno's shape.
#[derive(Serialize)]
pub struct IssuerList {
    issuers: &'static [Issuer],
}

/// A required query parameter: present and not empty.
fn required(value: Option<String>, name: &str) -> ApiResult<String> {
    value
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::invalid(name, "is required"))
}

/// `GET /v1/issuers`
pub async fn list(
    State(state): State<AppState>,
    PublicKey(account): PublicKey,
    query: Result<Query<IssuersQuery>, QueryRejection>,
) -> ApiResult<Json<IssuerList>> {
    // Only a repeated parameter fails here (each is an optional string); serde's words name
    // it: "duplicate field `checkout_session`".
    let Query(q) = query.map_err(|e| match e.body_text().split('`').nth(1) {
        Some(name @ ("checkout_session" | "country_code" | "payment_method")) => {
            ApiError::invalid(name, "must be given once")
        }
        _ => ApiError::bad_request(
            "INVALID_REQUEST",
            "the query string is not valid: give each parameter once",
        ),
    })?;
    let session_id = required(q.checkout_session, "checkout_session")?;
    let kind = required(q.payment_method, "payment_method")?;
    let session = browser_session(&state, &account, &session_id).await?;
    // Optional in Yuno's API; when given it must agree with the session, which decides.
    if q.country_code
        .is_some_and(|c| !c.is_empty() && c != session.country)
    {
        return Err(ApiError::invalid(
            "country_code",
            "must be the checkout session's country",
        ));
    }
    let enabled = state
        .methods
        .for_country(&session.country)
        .contains(&kind.as_str());
    // A customer session enrolls a card, which names no issuer.
    let issuers = if enabled && !session.enrollment {
        issuers::for_method(&session.country, &kind)
    } else {
        &[]
    };
    Ok(Json(IssuerList { issuers }))
}
