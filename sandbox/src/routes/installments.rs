//! `GET /v1/checkout/sessions/{id}/installments?iin=…` (browser, public key): the installment
//! options for this session's amount and the card whose first 6–8 digits are `iin`, in Yuno's
//! `FullInstallmentsInfo` shape. The card form asks once the IIN is known; a session or card
//! without a plan gets an empty list (a single payment). Yuno documents no browser endpoint
//! for this; this one is the sandbox's (README).

use axum::extract::{Path, Query, State};
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
) -> ApiResult<Json<Value>> {
    let session = browser_session(&state, &account, &id).await?;
    let iin = card.iin.unwrap_or_default();
    let exponent = installments::exponent(&session.currency);
    Ok(Json(match offer_for(&state, &session, &iin, "iin")? {
        Some(offer) => offer.to_json(&session.currency, exponent),
        None => json!({ "id": null, "installments": [] }),
    }))
}
