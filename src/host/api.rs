//! What the host asks the payment API: the session's amount, its payment methods, and tokens
//! for methods that need no card form (saved cards, alternative methods). Network errors and
//! 5xx are retried with backoff; a token request keeps its idempotency key across retries.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};

use super::options::Options;
use crate::http::{request, sleep};
use crate::js_object::{get, get_f64, get_str, object, optional, to_json, whole};

/// A payment method as the API lists it. Names and descriptions are shown as text only.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    pub name: String,
    /// The API's `type`.
    pub kind: String,
    pub icon: Option<String>,
    pub description: Option<String>,
    pub preferred: bool,
    pub vaulted_token: Option<String>,
    pub last_successfully_used: Option<bool>,
    pub card_data: Option<SavedCard>,
}

/// What the API says about a saved card.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedCard {
    pub brand: Option<String>,
    pub lfd: Option<String>,
    pub expiration_month: Option<u8>,
    pub expiration_year: Option<u16>,
}

impl Method {
    /// Whether choosing it needs the card form.
    pub fn needs_card_form(&self) -> bool {
        self.kind == "CARD" && self.vaulted_token.is_none()
    }

    /// A method of the API's list; `None` without a `name` and a `type`, or when a field has
    /// the wrong type (the list is then refused as `INVALID_RESPONSE`).
    pub fn read(v: &JsValue) -> Option<Method> {
        let preferred = get(v, "preferred");
        Some(Method {
            name: get_str(v, "name")?,
            kind: get_str(v, "type")?,
            icon: optional(v, "icon", JsValue::as_string)?,
            description: optional(v, "description", JsValue::as_string)?,
            // Absent means false; anything but a boolean is wrong.
            preferred: if preferred.is_undefined() {
                false
            } else {
                preferred.as_bool()?
            },
            vaulted_token: optional(v, "vaulted_token", JsValue::as_string)?,
            last_successfully_used: optional(v, "last_successfully_used", JsValue::as_bool)?,
            card_data: optional(v, "card_data", SavedCard::read)?,
        })
    }
}

impl SavedCard {
    /// A method's `card_data`; `None` when it is not an object or a field has the wrong type.
    fn read(card: &JsValue) -> Option<SavedCard> {
        if !card.is_object() {
            return None;
        }
        Some(SavedCard {
            brand: optional(card, "brand", JsValue::as_string)?,
            lfd: optional(card, "lfd", JsValue::as_string)?,
            expiration_month: optional(card, "expiration_month", whole)?,
            expiration_year: optional(card, "expiration_year", whole)?,
        })
    }
}

/// The amount to show on the pay button.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub currency: String,
    pub value: f64,
}

impl Amount {
    /// The session's `amount`, if it has a currency and a value.
    fn read(session: &JsValue) -> Option<Amount> {
        let amount = get(session, "amount");
        Some(Amount {
            currency: get_str(&amount, "currency")?,
            value: get_f64(&amount, "value")?,
        })
    }
}

/// Saved cards first (the last used on top), then preferred methods, then the rest, each
/// group in the API's order.
pub fn order(methods: Vec<Method>) -> Vec<Method> {
    let rank = |m: &Method| match (&m.vaulted_token, m.last_successfully_used, m.preferred) {
        (Some(_), Some(true), _) => 0,
        (Some(_), _, _) => 1,
        (None, _, true) => 2,
        _ => 3,
    };
    // Four passes, each keeping the API's order; no sort code in the wasm.
    let mut out = Vec::with_capacity(methods.len());
    let mut rest = Vec::with_capacity(methods.len());
    for m in methods {
        rest.push(Some(m));
    }
    for group in 0..4 {
        for slot in &mut rest {
            if slot.as_ref().is_some_and(|m| rank(m) == group) {
                out.extend(slot.take());
            }
        }
    }
    out
}

/// Why loading failed.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// The API's code, or `NETWORK_ERROR`.
    pub code: String,
    /// Whether trying again may help.
    pub retryable: bool,
}

/// `…/v1/checkout/sessions/{id}` followed by `path`.
fn url(o: &Options, path: &str) -> String {
    let session = String::from(js_sys::encode_uri_component(&o.checkout_session));
    [&o.api_url, "/v1/checkout/sessions/", &session, path].concat()
}

/// `method url` with up to `tries` attempts, waiting 0.4 s, then 1.2 s…, while the network
/// fails or the server answers 5xx: the last answer, or `NETWORK_ERROR`. (A token request keeps
/// its idempotency key across attempts, so a retry cannot make a second token.) `early`: the
/// first attempt's `fetch`, if JavaScript already made it.
async fn request_with_retry(
    method: &str,
    url: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
    tries: u32,
    mut early: Option<Promise>,
) -> Result<(u16, JsValue), LoadError> {
    let mut delay = 400;
    for attempt in 1..=tries {
        match request(method, url, body, headers, early.take()).await {
            Ok((status, json)) if status < 500 || attempt == tries => return Ok((status, json)),
            Err(_) if attempt == tries => break,
            _ => {
                sleep(delay).await;
                delay *= 3;
            }
        }
    }
    Err(LoadError {
        code: "NETWORK_ERROR".into(),
        retryable: true,
    })
}

/// A GET of the session's `path`, in three attempts (the first `early`, if made).
async fn get_session(
    o: &Options,
    path: &str,
    early: Option<Promise>,
) -> Result<(u16, JsValue), LoadError> {
    let headers = [("public-api-key", o.public_api_key.as_str())];
    request_with_retry("GET", &url(o, path), None, &headers, 3, early).await
}

/// The API's error code in `body`, or `API_ERROR`.
fn code_of(body: &JsValue) -> String {
    get_str(body, "code").unwrap_or_else(|| "API_ERROR".into())
}

/// The session's methods, ordered for display; `early`: their request, if the JS entry made it
/// alongside the wasm.
pub async fn methods(o: &Options, early: Option<Promise>) -> Result<Vec<Method>, LoadError> {
    let (status, body) = get_session(o, "/payment-methods", early).await?;
    if status != 200 {
        return Err(LoadError {
            code: code_of(&body),
            // A 429 says to wait: an at-once retry would be refused too.
            retryable: status >= 500 || status == 408,
        });
    }
    read_methods(&body).map(order).ok_or(LoadError {
        code: "INVALID_RESPONSE".into(),
        retryable: false,
    })
}

/// The API's list of methods; `None` unless every one reads.
fn read_methods(body: &JsValue) -> Option<Vec<Method>> {
    let list = body.dyn_ref::<Array>()?;
    let mut methods = Vec::new();
    for i in 0..list.length() {
        methods.push(Method::read(&list.get(i))?);
    }
    Some(methods)
}

/// The session's amount; `None` when the server does not say (404 included).
pub async fn amount(o: &Options) -> Option<Amount> {
    match get_session(o, "", None).await {
        Ok((200, body)) => Amount::read(&body),
        _ => None,
    }
}

/// The token request's `payment_method` for a method that needs no card form, with its
/// `detail` (the bank chosen from a bank list; undefined, and left out, without one).
pub fn payment_method(method: &Method, detail: JsValue, credit: bool) -> JsValue {
    match &method.vaulted_token {
        // Credit only (`card.creditOnly`) for a saved card too: a combo card as credit, a
        // debit card refused (`UNSUPPORTED_CARD_TYPE`).
        Some(v) => object(&[
            ("type", "CARD".into()),
            ("vaulted_token", v.into()),
            (
                "card",
                if credit {
                    object(&[("type", "CREDIT".into())])
                } else {
                    JsValue::UNDEFINED
                },
            ),
        ]),
        None => object(&[("type", method.kind.as_str().into()), ("detail", detail)]),
    }
}

/// Creates a token for `payment_method` (see [`payment_method`]).
pub async fn token(
    o: &Options,
    payment_method: JsValue,
    idempotency_key: &str,
) -> Result<String, LoadError> {
    let body = to_json(&object(&[("payment_method", payment_method)]));
    let url = url(o, "/token");
    let headers = [
        ("public-api-key", o.public_api_key.as_str()),
        ("x-idempotency-key", idempotency_key),
    ];
    match request_with_retry("POST", &url, Some(&body), &headers, 2, None).await {
        Ok((s, body)) if (200..300).contains(&s) => get_str(&body, "token").ok_or(LoadError {
            code: "INVALID_RESPONSE".into(),
            retryable: true,
        }),
        Ok((s, body)) => Err(LoadError {
            code: code_of(&body),
            retryable: s >= 500,
        }),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::{order, Method};

    /// A method of rank `rank` (0 saved and last used … 3 plain), named `n`.
    fn method(n: usize, rank: usize) -> Method {
        Method {
            name: n.to_string(),
            kind: "CARD".into(),
            icon: None,
            description: None,
            preferred: rank == 2,
            vaulted_token: (rank < 2).then(|| format!("v{n}")),
            last_successfully_used: Some(rank == 0),
            card_data: None,
        }
    }

    /// Every assignment of ranks to five methods: the order is the stable sort by rank.
    #[test]
    fn saved_cards_then_preferred_then_the_rest_each_in_the_apis_order() {
        for code in 0..4usize.pow(5) {
            let ranks: Vec<usize> = (0..5).map(|i| code / 4usize.pow(i) % 4).collect();
            let methods: Vec<Method> = ranks
                .iter()
                .enumerate()
                .map(|(n, &r)| method(n, r))
                .collect();
            let mut expected: Vec<(usize, String)> = ranks
                .iter()
                .enumerate()
                .map(|(n, &r)| (r, n.to_string()))
                .collect();
            expected.sort_by_key(|(r, _)| *r);
            let got: Vec<String> = order(methods).into_iter().map(|m| m.name).collect();
            let expected: Vec<String> = expected.into_iter().map(|(_, n)| n).collect();
            assert_eq!(got, expected, "ranks {ranks:?}");
        }
    }
}
