//! `GET /v1/checkout/sessions/{id}/payment-methods`: the customer's saved cards, then the
//! methods enabled for the session's country (a customer session: a new card only).

use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Value};

use super::sessions::browser_session;
use crate::error::ApiResult;
use crate::extract::PublicKey;
use crate::methods::method;
use crate::state::AppState;

/// The icon URL for a method type or brand.
pub fn icon_url(state: &AppState, name: &str) -> String {
    format!(
        "{}/icons/{}.svg",
        state.public_url,
        name.to_ascii_lowercase()
    )
}

/// `GET /v1/checkout/sessions/{id}/payment-methods`
pub async fn list(
    State(state): State<AppState>,
    PublicKey(account): PublicKey,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Value>>> {
    let session = browser_session(&state, &account, &id).await?;
    let mut out = Vec::new();
    // A customer session (card enrollment) offers only a new card.
    if session.enrollment {
        if let Some(m) = method("CARD").filter(|_| {
            state
                .methods
                .for_country(&session.country)
                .contains(&"CARD")
        }) {
            out.push(json!({
                "name": m.name, "type": m.kind, "category": m.category,
                "icon": icon_url(&state, m.kind), "description": m.description, "preferred": true,
            }));
        }
        return Ok(Json(out));
    }
    if let Some(customer_id) = &session.customer_id {
        for (i, card) in state
            .store
            .vaulted_cards(customer_id)
            .await?
            .into_iter()
            .enumerate()
        {
            let facts: Value = serde_json::from_str(&card.card_facts).unwrap_or(Value::Null);
            let brand = facts["brand"].as_str().unwrap_or("CARD").to_owned();
            out.push(json!({
                "name": format!("{brand} •••• {}", facts["lfd"].as_str().unwrap_or("")),
                "type": "CARD",
                "category": "CARD",
                "icon": icon_url(&state, &brand),
                "description": format!(
                    "Expires {:02}/{}",
                    facts["expiration_month"].as_u64().unwrap_or(0),
                    facts["expiration_year"].as_u64().unwrap_or(0) % 100
                ),
                "preferred": false,
                "vaulted_token": card.vaulted_token,
                "last_successfully_used": i == 0,
                "card_data": facts,
            }));
        }
    }
    let kinds = state.methods.for_country(&session.country);
    for (i, kind) in kinds.iter().enumerate() {
        let Some(m) = method(kind) else { continue };
        out.push(json!({
            "name": m.name,
            "type": m.kind,
            "category": m.category,
            "icon": icon_url(&state, m.kind),
            "description": m.description,
            "preferred": i == 0,
        }));
    }
    Ok(Json(out))
}
