//! What the host asks the payment API: the session's amount, its payment methods, and tokens
//! for methods that need no card form (saved cards, alternative methods). Network errors and
//! 5xx are retried with backoff; a token request keeps its idempotency key across retries.

use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::options::Options;
use crate::http::{get_str, request, sleep};
use crate::js_codec::from_js;

/// A payment method as the API lists it. Names and descriptions are shown as text only.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Method {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub icon: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub preferred: bool,
    #[serde(default)]
    pub vaulted_token: Option<String>,
    #[serde(default)]
    pub last_successfully_used: Option<bool>,
    #[serde(default)]
    pub card_data: Option<SavedCard>,
}

/// What the API says about a saved card.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SavedCard {
    #[serde(default)]
    pub brand: Option<String>,
    #[serde(default)]
    pub lfd: Option<String>,
    #[serde(default)]
    pub expiration_month: Option<u8>,
    #[serde(default)]
    pub expiration_year: Option<u16>,
}

impl Method {
    /// Whether choosing it needs the card form.
    pub fn needs_card_form(&self) -> bool {
        self.kind == "CARD" && self.vaulted_token.is_none()
    }
}

/// The amount to show on the pay button.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Amount {
    pub currency: String,
    pub value: f64,
}

#[derive(Deserialize)]
struct SessionInfo {
    amount: Option<Amount>,
}

/// Saved cards first (the last used on top), then preferred methods, then the rest, each
/// group in the API's order.
pub fn order(mut methods: Vec<Method>) -> Vec<Method> {
    let rank = |m: &Method| match (&m.vaulted_token, m.last_successfully_used, m.preferred) {
        (Some(_), Some(true), _) => 0,
        (Some(_), _, _) => 1,
        (None, _, true) => 2,
        _ => 3,
    };
    methods.sort_by_key(rank);
    methods
}

/// Why loading failed.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// The API's code, or `NETWORK_ERROR`.
    pub code: String,
    /// Whether trying again may help.
    pub retryable: bool,
}

fn base(o: &Options) -> String {
    format!(
        "{}/v1/checkout/sessions/{}",
        o.api_url,
        String::from(js_sys::encode_uri_component(&o.checkout_session))
    )
}

/// GET with up to three attempts (0, 0.4 s, 1.2 s) on network errors and 5xx.
async fn get_with_retry(o: &Options, url: &str) -> Result<(u16, JsValue), LoadError> {
    let headers = [("public-api-key", o.public_api_key.as_str())];
    let mut delay = 400;
    for attempt in 0..3 {
        match request("GET", url, None, &headers).await {
            Ok((status, body)) if status < 500 => return Ok((status, body)),
            _ if attempt < 2 => {
                sleep(delay).await;
                delay *= 3;
            }
            Ok((_, body)) => {
                let code = get_str(&body, "code").unwrap_or_else(|| "API_ERROR".into());
                return Err(LoadError {
                    code,
                    retryable: true,
                });
            }
            Err(_) => break,
        }
    }
    Err(LoadError {
        code: "NETWORK_ERROR".into(),
        retryable: true,
    })
}

/// The session's methods, ordered for display.
pub async fn methods(o: &Options) -> Result<Vec<Method>, LoadError> {
    let (status, body) = get_with_retry(o, &format!("{}/payment-methods", base(o))).await?;
    if status != 200 {
        let code = get_str(&body, "code").unwrap_or_else(|| "API_ERROR".into());
        let retryable = status == 429 || status == 408;
        return Err(LoadError { code, retryable });
    }
    from_js::<Vec<Method>>(body)
        .map(order)
        .map_err(|_| LoadError {
            code: "INVALID_RESPONSE".into(),
            retryable: false,
        })
}

/// The session's amount; `None` when the server does not say (404 included).
pub async fn amount(o: &Options) -> Option<Amount> {
    match get_with_retry(o, &base(o)).await {
        Ok((200, body)) => from_js::<SessionInfo>(body).ok()?.amount,
        _ => None,
    }
}

/// Creates a token for a method that needs no card form.
pub async fn token(
    o: &Options,
    method: &Method,
    idempotency_key: &str,
) -> Result<String, LoadError> {
    let body = match &method.vaulted_token {
        Some(v) => format!(
            "{{\"payment_method\":{{\"type\":\"CARD\",\"vaulted_token\":{}}}}}",
            json_string(v)
        ),
        None => format!(
            "{{\"payment_method\":{{\"type\":{}}}}}",
            json_string(&method.kind)
        ),
    };
    let url = format!("{}/token", base(o));
    let headers = [
        ("public-api-key", o.public_api_key.as_str()),
        ("x-idempotency-key", idempotency_key),
    ];
    let mut result = request("POST", &url, Some(&body), &headers).await;
    if result.as_ref().map_or(true, |(s, _)| *s >= 500) {
        sleep(400).await;
        result = request("POST", &url, Some(&body), &headers).await;
    }
    match result {
        Ok((s, body)) if (200..300).contains(&s) => get_str(&body, "token").ok_or(LoadError {
            code: "INVALID_RESPONSE".into(),
            retryable: true,
        }),
        Ok((s, body)) => Err(LoadError {
            code: get_str(&body, "code").unwrap_or_else(|| "API_ERROR".into()),
            retryable: s >= 500 || s == 429,
        }),
        Err(_) => Err(LoadError {
            code: "NETWORK_ERROR".into(),
            retryable: true,
        }),
    }
}

/// A JSON string literal (through the browser's JSON, so escaping is exact).
fn json_string(s: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(s))
        .map(String::from)
        .unwrap_or_else(|_| "\"\"".into())
}
