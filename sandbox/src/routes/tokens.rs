//! `POST /v1/checkout/sessions/{id}/token`: card details (or a saved card, or an alternative
//! method) in, a one-time token out. The only endpoint that ever receives a card number.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};

use super::sessions::browser_session;
use crate::card_rules;
use crate::clock::{now_ms, this_month};
use crate::document::{self, Document};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, PublicKey};
use crate::issuers;
use crate::limits::{self, Kind};
use crate::outcome;
use crate::state::AppState;
use crate::store::tokens::TokenRow;

#[derive(Deserialize)]
pub struct NewToken {
    payment_method: MethodIn,
    save: Option<bool>,
    /// The payer's identity document, when the form asked for it (Yuno's field).
    customer_payer: Option<PayerIn>,
}

#[derive(Deserialize)]
struct PayerIn {
    document: Option<Document>,
}

#[derive(Deserialize)]
struct MethodIn {
    #[serde(rename = "type")]
    kind: String,
    vaulted_token: Option<String>,
    card: Option<CardIn>,
    /// What a method other than a card carries (Yuno's `payment_method.detail`).
    detail: Option<DetailIn>,
}

#[derive(Deserialize)]
struct DetailIn {
    /// The bank chosen from `GET /v1/issuers` (PSE); optional, since a page without the bank
    /// list (Yuno's `issuersFormEnable: false`) sends none.
    issuer_id: Option<String>,
}

// No Debug: this must never be printed.
#[derive(Deserialize)]
struct CardIn {
    number: Option<String>,
    expiration_month: Option<u8>,
    expiration_year: Option<u16>,
    security_code: Option<String>,
    holder_name: Option<String>,
    /// What to charge the card as, `CREDIT` or `DEBIT` (Yuno's `card.detail.type`; its SDK
    /// sends `CREDIT` under `isCreditCardProcessingOnly`); absent, what the card is (a combo
    /// card: debit). The token's `card_data.type` says what it will be.
    #[serde(rename = "type")]
    kind: Option<String>,
    /// The installments chosen (Yuno's `{ id, value }`: the plan, the number).
    installment: Option<InstallmentIn>,
}

#[derive(Deserialize)]
struct InstallmentIn {
    id: Option<String>,
    value: u32,
}

/// `payment_method.card.type`, if given: `CREDIT` or `DEBIT`, else a 400 naming it.
fn asked_type(card: Option<&CardIn>) -> ApiResult<Option<String>> {
    match card.and_then(|c| c.kind.clone()) {
        Some(t) if t != "CREDIT" && t != "DEBIT" => Err(ApiError::invalid(
            "payment_method.card.type",
            "must be CREDIT or DEBIT",
        )),
        asked => Ok(asked),
    }
}

/// What the card whose number (or IIN) is `digits` is charged as when the token asks for
/// `asked` and `installments` payments (see [`outcome::charged_as`]); a 400
/// `UNSUPPORTED_CARD_TYPE` naming `payment_method.card.type` if it cannot be (a debit card
/// asked to be charged as credit).
fn charged_as(digits: &str, asked: Option<&str>, installments: u32) -> ApiResult<&'static str> {
    outcome::charged_as(outcome::funding(digits), asked, installments).ok_or_else(|| {
        ApiError::field(
            "UNSUPPORTED_CARD_TYPE",
            "payment_method.card.type",
            format!(
                "`payment_method.card.type`: this card cannot be charged as {}",
                asked.unwrap_or_default()
            ),
        )
    })
}

/// The sealed parts of a card, as stored.
#[derive(serde::Serialize, Deserialize)]
pub struct SealedCard {
    /// Digits only.
    pub number: String,
    pub holder_name: Option<String>,
}

/// The installment option `value` (of plan `plan`, when named) for the card of `card_data`
/// in `session`, priced (none for a single payment without a plan); a 400 naming
/// `payment_method.card.installment.*` unless offered.
fn chosen_installment(
    state: &AppState,
    session: &crate::store::sessions::Session,
    card_data: Option<&Value>,
    plan: Option<String>,
    value: u32,
) -> ApiResult<Option<Value>> {
    let field = "payment_method.card.installment";
    let Some(iin) = card_data.and_then(|c| c["iin"].as_str()) else {
        return Err(ApiError::invalid(field, "is only for card payments"));
    };
    // Installments are credit's: none for a card charged as debit.
    if value > 1 && card_data.is_some_and(|c| c["type"] == "DEBIT") {
        return Err(ApiError::invalid(
            &format!("{field}.value"),
            "is not offered for a card charged as debit",
        ));
    }
    let offer = super::installments::offer_for(state, session, iin, field)?;
    if plan
        .as_deref()
        .is_some_and(|p| offer.as_ref().is_none_or(|o| o.plan_id != p))
    {
        return Err(ApiError::invalid(
            &format!("{field}.id"),
            "is not the installment plan offered for this card and checkout session",
        ));
    }
    let exponent = crate::installments::exponent(&session.currency);
    let not_offered = || {
        ApiError::invalid(
            &format!("{field}.value"),
            "is not offered for this card and checkout session",
        )
    };
    let Some(offer) = offer else {
        // No plan: a single payment is still one, and the default (nothing to record).
        return if value == 1 {
            Ok(None)
        } else {
            Err(not_offered())
        };
    };
    let option = offer.option(value).ok_or_else(not_offered)?;
    let mut chosen = option.to_json(&session.currency, exponent);
    chosen["id"] = json!(offer.plan_id);
    Ok(Some(chosen))
}

/// The issuer `id` chosen for method `kind` in `country`, kept as given once it is one of the
/// method's issuers (`GET /v1/issuers`); a 400 naming `payment_method.detail.issuer_id`
/// otherwise.
fn chosen_issuer(country: &str, kind: &str, id: String) -> ApiResult<String> {
    let field = "payment_method.detail.issuer_id";
    if issuers::for_method(country, kind).is_empty() {
        return Err(ApiError::invalid(
            field,
            "is only for a method with issuers, such as PSE",
        ));
    }
    match issuers::find(country, kind, &id) {
        Some(_) => Ok(id),
        None => Err(ApiError::invalid(
            field,
            &format!("is not one of {kind}'s issuers: see GET /v1/issuers"),
        )),
    }
}

/// An optional idempotency key header: any non-empty string of at most 64 visible characters.
pub fn idempotency_key(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(v) = headers.get("x-idempotency-key") else {
        return Ok(None);
    };
    let key = v
        .to_str()
        .ok()
        .filter(|k| !k.is_empty() && k.len() <= 64 && k.bytes().all(|b| b.is_ascii_graphic()));
    key.map(|k| Some(k.to_owned())).ok_or_else(|| {
        ApiError::invalid(
            "X-Idempotency-Key",
            "must be 1 to 64 visible ASCII characters",
        )
    })
}

fn created(body: &str) -> Response {
    let value: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    (StatusCode::CREATED, axum::Json(value)).into_response()
}

fn duplicated() -> ApiError {
    ApiError::bad_request(
        "IDEMPOTENCY_DUPLICATED",
        "this X-Idempotency-Key was already used with a different request",
    )
}

/// `POST /v1/checkout/sessions/{id}/token`
pub async fn create(
    State(state): State<AppState>,
    PublicKey(account): PublicKey,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: JsonBody<NewToken>,
) -> ApiResult<Response> {
    state
        .limits
        .count(Kind::TokensPerKey, &account.public_api_key)
        .await?;
    let session = browser_session(&state, &account, &id).await?;
    state
        .limits
        .count(Kind::TokensPerSession, &session.id)
        .await?;
    let key = idempotency_key(&headers)?;
    let hash = state.vault.request_hash(body.canonical.as_bytes());
    if let Some(key) = &key {
        if let Some(existing) = state
            .store
            .token_by_idempotency_key(&session.id, key)
            .await?
        {
            return if existing.request_hash.as_deref() == Some(hash.as_str()) {
                Ok(created(&existing.response))
            } else {
                Err(duplicated())
            };
        }
    }
    if session.enrollment {
        super::customer_sessions::refuse_if_enrolled(&state, &session).await?;
    } else if state.store.session_has_success(&session.id).await? {
        return Err(ApiError::bad_request(
            "CHECKOUT_SESSION_ALREADY_PAID",
            "the checkout session already has a successful payment",
        ));
    }
    let NewToken {
        payment_method: m,
        save,
        customer_payer,
    } = body.value;
    if session.enrollment && (m.kind != "CARD" || m.vaulted_token.is_some() || m.card.is_none()) {
        return Err(ApiError::invalid(
            "payment_method",
            "a customer session enrolls a new card: `type` CARD with `card`",
        ));
    }
    let payer_document = match customer_payer.and_then(|p| p.document) {
        Some(d) => Some(document::check(
            "customer_payer.document",
            &session.country,
            &d,
        )?),
        None => None,
    };
    // Enrolling is saving.
    let save = save.unwrap_or(false) || session.enrollment;
    let enabled = state.methods.for_country(&session.country);
    if !enabled.contains(&m.kind.as_str()) {
        return Err(ApiError::field(
            "PAYMENT_METHOD_NOT_AVAILABLE",
            "payment_method.type",
            "`payment_method.type` is not enabled for this checkout session's country",
        ));
    }
    let issuer_id = match m.detail.and_then(|d| d.issuer_id) {
        Some(id) => Some(chosen_issuer(&session.country, &m.kind, id)?),
        None => None,
    };

    if m.kind == "CARD" && state.limits.enabled() {
        // A customer session's verifications count as a checkout's payments do.
        let declines = if session.enrollment {
            state.store.enrollment_declines(&session.id).await?
        } else {
            state.store.session_declines(&session.id).await?
        };
        if declines >= i64::from(state.limits.declines_per_session) {
            let left = (session.expires_at - now_ms()).max(1000) as u64;
            return Err(limits::rate_limited(
                "TOO_MANY_DECLINES",
                "this checkout session has had too many declined cards and takes no new card",
                std::time::Duration::from_millis(left),
            ));
        }
    }

    let token = uuid::Uuid::new_v4().to_string();
    let mut row = TokenRow {
        token: token.clone(),
        session_id: session.id.clone(),
        kind: m.kind.clone(),
        vaulted_token: None,
        card: None,
        cvc: None,
        card_facts: None,
        save,
        installment: None,
        issuer_id,
        document: payer_document
            .as_ref()
            .map(|d| document::seal(&state.vault, &token, d))
            .transpose()?,
        response: String::new(),
        idempotency_key: key.clone(),
        request_hash: Some(hash.clone()),
        expires_at: now_ms() + (state.config.token_ttl_secs as i64) * 1000,
        used_at: None,
    };

    let installment = m
        .card
        .as_ref()
        .and_then(|c| c.installment.as_ref())
        .map(|i| (i.id.clone(), i.value));
    let asked = asked_type(m.card.as_ref())?;
    let installments_asked = installment.as_ref().map_or(1, |(_, value)| *value);
    let mut new_card = None;
    let card_data: Option<Value> = match (m.kind.as_str(), m.vaulted_token, m.card) {
        ("CARD", Some(vaulted), card) => {
            let saved = state
                .store
                .vaulted_card(&vaulted)
                .await?
                .filter(|v| Some(&v.customer_id) == session.customer_id.as_ref())
                .ok_or_else(|| {
                    ApiError::field(
                        "VAULTED_TOKEN_NOT_FOUND",
                        "payment_method.vaulted_token",
                        "`payment_method.vaulted_token` is not a saved card of this session's customer",
                    )
                })?;
            let mut facts: Value = serde_json::from_str(&saved.card_facts).unwrap_or(Value::Null);
            // Unasked, a saved card is charged as it was when saved (a stored credential's
            // later charges follow its first), so a card saved under credit only stays credit.
            let asked = asked
                .as_deref()
                .or(facts["type"].as_str())
                .map(str::to_owned);
            let iin = facts["iin"].as_str().unwrap_or_default().to_owned();
            facts["type"] = charged_as(&iin, asked.as_deref(), installments_asked)?.into();
            if let Some(code) = card.and_then(|c| c.security_code) {
                let brand = facts["brand"]
                    .as_str()
                    .and_then(checkout_card::Brand::from_api_name);
                card_rules::cvc(&code, brand)?;
                row.cvc = Some(state.vault.seal(&token, code.as_bytes())?);
            }
            row.vaulted_token = Some(vaulted);
            Some(facts)
        }
        ("CARD", None, Some(card)) => {
            let number = card
                .number
                .ok_or_else(|| ApiError::invalid("payment_method.card.number", "is required"))?;
            let brand = card_rules::number(&number)?;
            let month = card.expiration_month.ok_or_else(|| {
                ApiError::invalid("payment_method.card.expiration_month", "is required")
            })?;
            let year = card.expiration_year.ok_or_else(|| {
                ApiError::invalid("payment_method.card.expiration_year", "is required")
            })?;
            card_rules::expiry(month, year, this_month())?;
            let code = card.security_code.ok_or_else(|| {
                ApiError::invalid("payment_method.card.security_code", "is required")
            })?;
            card_rules::cvc(&code, Some(brand))?;
            let holder = card.holder_name.filter(|h| !h.trim().is_empty());
            if let Some(h) = &holder {
                card_rules::holder(h)?;
            }
            let digits: String = number.chars().filter(char::is_ascii_digit).collect();
            let iin_len = if digits.len() >= 16 { 8 } else { 6 };
            let facts = json!({
                "iin": &digits[..iin_len],
                "lfd": &digits[digits.len() - 4..],
                "brand": brand.api_name(),
                "type": charged_as(&digits, asked.as_deref(), installments_asked)?,
                "number_length": digits.len(),
                "security_code_length": brand.rules().cvc_len,
                "expiration_month": month,
                "expiration_year": year,
            });
            let card = SealedCard {
                number: digits,
                holder_name: holder,
            };
            let sealed = serde_json::to_vec(&card).map_err(anyhow::Error::from)?;
            row.card = Some(state.vault.seal(&token, &sealed)?);
            row.cvc = Some(state.vault.seal(&token, code.as_bytes())?);
            new_card = Some(card);
            Some(facts)
        }
        ("CARD", None, None) => {
            return Err(ApiError::invalid(
                "payment_method.card",
                "is required for a new card",
            ));
        }
        _ => None,
    };

    if let Some((plan, value)) = installment {
        row.installment = chosen_installment(&state, &session, card_data.as_ref(), plan, value)?
            .map(|c| c.to_string());
    }

    row.card_facts = card_data.as_ref().map(Value::to_string);
    // A customer session's card is verified and, approved, saved now: its token keeps nothing
    // and pays nothing.
    let enrollment = match new_card.filter(|_| session.enrollment) {
        Some(card) => {
            let verified = super::customer_sessions::verify(
                &state,
                &session,
                card,
                row.card_facts.as_deref(),
                now_ms(),
            )?;
            row.vaulted_token = verified.1.as_ref().map(|v| v.vaulted_token.clone());
            (row.card, row.cvc, row.used_at) = (None, None, Some(now_ms()));
            Some(verified)
        }
        None => None,
    };

    let response = json!({
        "token": token,
        "type": m.kind,
        "vaulted_token": row.vaulted_token,
        "vault_on_success": save,
        "card_data": card_data,
    });
    row.response = response.to_string();
    let inserted = match enrollment {
        Some(verified) => {
            super::customer_sessions::enroll(&state, &session, &row, verified, now_ms()).await?
        }
        None => state.store.insert_token(&row, now_ms()).await?,
    };
    if inserted {
        return Ok((StatusCode::CREATED, axum::Json(response)).into_response());
    }
    // A concurrent request with the same idempotency key won: answer as it did.
    match state
        .store
        .token_by_idempotency_key(&session.id, key.as_deref().unwrap_or(""))
        .await?
    {
        Some(existing) if existing.request_hash.as_deref() == Some(hash.as_str()) => {
            Ok(created(&existing.response))
        }
        _ => Err(duplicated()),
    }
}
