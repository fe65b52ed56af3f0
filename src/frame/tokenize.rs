//! `POST …/checkout/sessions/{id}/token` from inside the secure frame: the only request that
//! carries card data. A timeout, and one retry on a network failure or a 5xx with the same
//! idempotency key, so a retry can never create a second token.

use checkout_protocol::{Configure, FailureCode, Field};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, Response};

use crate::wire::to_js;

/// How long one attempt may take.
const TIMEOUT_MS: u32 = 15_000;

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

fn get(value: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(value, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

async fn attempt(
    url: &str,
    body: &str,
    public_key: &str,
    idempotency_key: &str,
) -> Result<(u16, JsValue), JsValue> {
    let headers = Headers::new()?;
    headers.set("content-type", "application/json")?;
    headers.set("public-api-key", public_key)?;
    headers.set("x-idempotency-key", idempotency_key)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(body));
    init.set_signal(Some(&AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()?;
    let json = match response.json() {
        Ok(p) => JsFuture::from(p).await.unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    };
    Ok((response.status(), json))
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
    let mut result = attempt(&url, &body, &config.public_api_key, idempotency_key).await;
    if result.as_ref().map_or(true, |(status, _)| *status >= 500) {
        result = attempt(&url, &body, &config.public_api_key, idempotency_key).await;
    }
    let network = Failure {
        code: FailureCode::NetworkError,
        retryable: true,
        field: None,
    };
    let (status, json) = result.map_err(|_| network.clone())?;
    if (200..300).contains(&status) {
        return get(&json, "token").ok_or(Failure {
            code: FailureCode::ApiError,
            retryable: true,
            field: None,
        });
    }
    if status >= 500 {
        return Err(network);
    }
    let code = get(&json, "code").unwrap_or_default();
    if code == "CHECKOUT_SESSION_EXPIRED" || code == "CHECKOUT_SESSION_NOT_FOUND" {
        return Err(Failure {
            code: FailureCode::SessionExpired,
            retryable: false,
            field: None,
        });
    }
    match get(&json, "field").as_deref().and_then(field_of) {
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

/// A random UUID v4 from the browser's CSPRNG (`crypto.randomUUID` needs a secure context;
/// `getRandomValues` does not).
pub fn new_idempotency_key() -> String {
    let mut b = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut b);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
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
