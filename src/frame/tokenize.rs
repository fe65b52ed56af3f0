//! `POST …/checkout/sessions/{id}/token` from inside the secure frame: the only request that
//! carries card data. A timeout, and one retry on a network failure or a 5xx with the same
//! idempotency key, so a retry can never create a second token.

use super::latam::Chosen;
use crate::http::request;
use crate::js_object::{get, get_str, object, opt_str, to_json};
use checkout_protocol::{Configure, FailureCode, Field};

/// The card as the API wants it.
pub struct Card {
    pub number: String,
    pub expiration_month: u8,
    pub expiration_year: u16,
    pub security_code: String,
    pub holder_name: Option<String>,
}

/// The request body: `{"payment_method": {"type": "CARD", "card": {…, "installment", "type"}},
/// "save": …, "customer_payer": {"document"}}` (Yuno's fields; absent ones left out).
fn body(card: &Card, save: bool, credit: bool, chosen: &Chosen) -> String {
    let card = object(&[
        ("number", card.number.as_str().into()),
        ("expiration_month", card.expiration_month.into()),
        ("expiration_year", card.expiration_year.into()),
        ("security_code", card.security_code.as_str().into()),
        ("holder_name", opt_str(card.holder_name.as_deref())),
        ("installment", get(chosen, "installment")),
        // Credit only (a combo card as credit; a debit card refused), else what the card is.
        ("type", opt_str(credit.then_some("CREDIT"))),
    ]);
    let method = object(&[("type", "CARD".into()), ("card", card)]);
    to_json(&object(&[
        ("payment_method", method),
        ("save", save.into()),
        ("customer_payer", get(chosen, "payer")),
    ]))
}

/// Why no token was created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// For the host.
    pub code: FailureCode,
    /// Whether trying again may work.
    pub retryable: bool,
    /// The field the API named, with its error code.
    pub field: Option<(Field, String)>,
}

/// The form field an API field path belongs to.
pub fn field_of(path: &str) -> Option<Field> {
    match path.strip_prefix("payment_method.card.")? {
        "number" => Some(Field::Number),
        "expiration_month" | "expiration_year" => Some(Field::Expiry),
        "security_code" => Some(Field::Cvc),
        "holder_name" => Some(Field::HolderName),
        // What the card is charged as: the card itself (a debit card, for credit only).
        "type" => Some(Field::Number),
        _ => None,
    }
}

/// Creates a one-time token for `card`, saved on a successful payment when `save` (the
/// shopper's choice), with the document and installments `chosen`; returns the token.
pub async fn tokenize(
    config: &Configure,
    card: &Card,
    save: bool,
    chosen: &Chosen,
    idempotency_key: &str,
) -> Result<String, Failure> {
    let session = String::from(js_sys::encode_uri_component(&config.checkout_session));
    let url = [
        config.api_url.trim_end_matches('/'),
        "/v1/checkout/sessions/",
        &session,
        "/token",
    ]
    .concat();
    let body = body(card, save, config.credit_only, chosen);
    let headers = [
        ("public-api-key", config.public_api_key.as_str()),
        ("x-idempotency-key", idempotency_key),
    ];
    let mut result = request("POST", &url, Some(&body), &headers, None).await;
    if result.as_ref().map_or(true, |(status, _)| *status >= 500) {
        result = request("POST", &url, Some(&body), &headers, None).await;
    }
    let network = Failure {
        code: FailureCode::NetworkError,
        retryable: true,
        field: None,
    };
    let (status, json) = result.map_err(|_| network.clone())?;
    if (200..300).contains(&status) {
        return get_str(&json, "token").ok_or(Failure {
            code: FailureCode::ApiError,
            retryable: true,
            field: None,
        });
    }
    if status >= 500 {
        return Err(network);
    }
    if status == 429 {
        // Too many attempts for the session or the key: retrying now is refused too.
        return Err(Failure {
            code: FailureCode::TooManyAttempts,
            retryable: false,
            field: None,
        });
    }
    let code = get_str(&json, "code").unwrap_or_default();
    if code == "CHECKOUT_SESSION_EXPIRED" || code == "CHECKOUT_SESSION_NOT_FOUND" {
        return Err(Failure {
            code: FailureCode::SessionExpired,
            retryable: false,
            field: None,
        });
    }
    match get_str(&json, "field").as_deref().and_then(field_of) {
        Some(field) => Err(Failure {
            code: FailureCode::CardRejected,
            retryable: true,
            field: Some((field, code)),
        }),
        None => Err(Failure {
            code: FailureCode::ApiError,
            retryable: false,
            field: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_field_paths_map_to_form_fields() {
        assert_eq!(field_of("payment_method.card.number"), Some(Field::Number));
        assert_eq!(
            field_of("payment_method.card.expiration_year"),
            Some(Field::Expiry)
        );
        assert_eq!(
            field_of("payment_method.card.security_code"),
            Some(Field::Cvc)
        );
        assert_eq!(
            field_of("payment_method.card.holder_name"),
            Some(Field::HolderName)
        );
        assert_eq!(field_of("payment_method.card.type"), Some(Field::Number));
        assert_eq!(field_of("payment_method.type"), None);
        assert_eq!(field_of("number"), None);
    }
}
