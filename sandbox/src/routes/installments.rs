//! `GET /v1/checkout/sessions/{id}/installments?iin=…` (browser, public key): the installment
//! options for this session's amount and the card whose first 6–8 digits are `iin`, in Yuno's
//! `FullInstallmentsInfo` shape. The card form asks once the IIN is known, with the IIN a
//! token's `card_data` carries (8 digits for cards of 16 and more, else 6), so that the plan it
//! is shown is the plan the token is held to; a session or card without a plan gets an empty
//! list (a single payment), with `id` empty. Yuno documents no browser endpoint
//! for this; this one is the sandbox's (README).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::sessions::browser_session;
use crate::error::{ApiError, ApiResult};
use crate::extract::PublicKey;
use crate::installments::{self, Offer};
use crate::state::AppState;
use crate::store::sessions::Session;

#[derive(Deserialize)]
pub struct Card {
    iin: Option<String>,
}

/// The offer for `session` and a card starting with `iin` (6–8 digits), or a 400 naming the
/// field at `field`.
pub fn offer_for(
    state: &AppState,
    session: &Session,
    iin: &str,
    field: &str,
) -> ApiResult<Option<Offer>> {
    if !(6..=8).contains(&iin.len()) || !iin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::invalid(
            field,
            "must be the card's first 6 to 8 digits",
        ));
    }
    // Saving a card (a customer session) pays nothing, in one payment or several; a debit
    // card pays at once.
    if session.enrollment || crate::outcome::funding(iin) == crate::outcome::Funding::Debit {
        return Ok(None);
    }
    let brand = checkout_card::detect(iin.as_bytes()).brand();
    Ok(state.plans.offer(
        &session.country,
        &session.currency,
        session.amount,
        installments::exponent(&session.currency),
        brand.map(|b| b.api_name()),
        iin,
    ))
}

/// `GET /v1/checkout/sessions/{id}/installments`
pub async fn list(
    State(state): State<AppState>,
    PublicKey(account): PublicKey,
    Path(id): Path<String>,
    Query(card): Query<Card>,
) -> ApiResult<Response> {
    let session = browser_session(&state, &account, &id).await?;
    let iin = card.iin.unwrap_or_default();
    let exponent = installments::exponent(&session.currency);
    let body: Value = match offer_for(&state, &session, &iin, "iin")? {
        Some(offer) => offer.to_json(&session.currency, exponent),
        None => json!({ "id": "", "installments": [] }),
    };
    let mut response = Json(body).into_response();
    // Per card: never kept by a cache on the way.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
