//! `GET /v1/checkout/sessions/{id}/payment` (browser, public key): the session's payment as
//! the shopper may see it — status, and the pending action with only what the shopper needs
//! (never card data, never another session's payment). The action's page URLs name the
//! payment (the sandbox's pages are reached by its random id), as an issuer's URL names its
//! transaction: whoever holds the session id and the public key may act on its pending step. The widget polls it while an action
//! is pending. Yuno documents no browser endpoint for this; this one is the sandbox's
//! (README, "After the payment").

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::sessions::browser_session;
use crate::actions;
use crate::error::{ApiError, ApiResult};
use crate::extract::PublicKey;
use crate::settle::expire_if_due;
use crate::state::AppState;

/// `GET /v1/checkout/sessions/{id}/payment`
pub async fn show(
    State(state): State<AppState>,
    PublicKey(account): PublicKey,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let session = browser_session(&state, &account, &id).await?;
    let payment = state
        .store
        .session_payment(&session.id)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(
                "PAYMENT_NOT_FOUND",
                "the checkout session has no payment yet",
            )
        })?;
    let p = expire_if_due(&state, payment).await?;
    let mut response = Json(json!({
        "checkout_session": session.id,
        "type": p["payment_method"]["type"],
        "status": p["status"],
        "sub_status": p["sub_status"],
        "amount": p["amount"],
        "sdk_action_required": p["checkout"]["sdk_action_required"],
        "action": actions::for_browser(&p),
    }))
    .into_response();
    // Read again while an action is pending: never from a cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
