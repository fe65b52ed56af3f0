//! `POST …/checkout/sessions/{id}/token` from inside the secure frame: the only request that
//! carries card data. A timeout, and one retry on a network failure or a 5xx with the same
//! idempotency key, so a retry can never create a second token.

use crate::http::{get_str, request};
use crate::js_codec::to_js;
use checkout_protocol::{Configure, FailureCode, Field};
use serde::Serialize;

/// The card as the API wants it.
#[derive(Serialize)]
pub struct Card {
    pub number: String,
    pub expiration_month: u8,
    pub expiration_year: u16,
    pub security_code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder_name: Option<String>,
}

#[derive(Serialize)]
struct Method<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    card: &'a Card,
}

#[derive(Serialize)]
struct Body<'a> {
    payment_method: Method<'a>,
    save: bool,
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
        _ => None,
    }
}

/// Creates a one-time token for `card`; returns the token.
pub async fn tokenize(
    config: &Configure,
    card: &Card,
    idempotency_key: &str,
) -> Result<String, Failure> {
    let url = format!(
        "{}/v1/checkout/sessions/{}/token",
        config.api_url.trim_end_matches('/'),
        js_sys::encode_uri_component(&config.checkout_session)
    );
    let body = to_js(&Body {
        payment_method: Method { kind: "CARD", card },
        save: config.save_card,
    });
    let body = js_sys::JSON::stringify(&body)
        .map(String::from)
        .unwrap_or_default();
    let headers = [
        ("public-api-key", config.public_api_key.as_str()),
        ("x-idempotency-key", idempotency_key),
    ];
    let mut result = request("POST", &url, Some(&body), &headers).await;
    if result.as_ref().map_or(true, |(status, _)| *status >= 500) {
        result = request("POST", &url, Some(&body), &headers).await;
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
            retryable: status == 429,
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
        assert_eq!(field_of("payment_method.type"), None);
        assert_eq!(field_of("number"), None);
    }
}
