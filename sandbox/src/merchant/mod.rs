//! The demo merchant on the merchant origin: the page from `www/`, and a tiny backend doing the
//! merchant-server steps (customer, session, payment) with the secret key, which the browser
//! never sees. It talks to the payment origin over HTTP like any merchant would, and keeps the
//! signed webhooks it receives so the page can show them. Only its own pages may use it, and
//! each browser only for its own checkouts ([`guard`]).

mod enrollment;
mod guard;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use subtle::ConstantTimeEq;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::clock::{now_ms, rfc3339};
use crate::store::accounts::Account;
use crate::webhooks;

/// The demo merchant's state.
#[derive(Clone)]
pub struct Merchant {
    api: Arc<str>,
    own_url: Arc<str>,
    account: Arc<Account>,
    client: reqwest::Client,
    received: Arc<Mutex<VecDeque<Value>>>,
    origins: Arc<guard::Origins>,
    owners: Arc<guard::Owners>,
}

const KEEP_WEBHOOKS: usize = 200;

/// The merchant origin's routes. `api` is the payment origin, `own_url` this origin,
/// `trusted_origins` other origins whose pages may use the demo API (comma-separated; an
/// entry may end in `:*` for any port).
pub fn merchant_origin(
    api: &str,
    own_url: &str,
    account: Account,
    www: &std::path::Path,
    extra_frame_src: Option<&str>,
    trusted_origins: Option<&str>,
) -> Router {
    let frame_src = match extra_frame_src {
        Some(extra) => format!("{api} {extra}"),
        None => api.to_owned(),
    };
    let merchant = Merchant {
        api: api.into(),
        own_url: own_url.into(),
        account: Arc::new(account),
        client: reqwest::Client::new(),
        received: Arc::default(),
        origins: Arc::new(guard::Origins::new(own_url, trusted_origins)),
        owners: Arc::default(),
    };
    // CORS, with the browser's cookie, only for the trusted origins (the browser tests' pages).
    let origins = merchant.origins.clone();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, _| {
            origin.to_str().is_ok_and(|o| origins.allows(o))
        }))
        .allow_credentials(true)
        .allow_methods([reqwest::Method::GET, reqwest::Method::POST])
        .allow_headers([header::CONTENT_TYPE]);
    let demo_api = Router::new()
        .route("/api/checkout", post(checkout))
        .route("/api/payments", post(pay))
        .route("/api/payments/{id}/complete", post(complete))
        .route("/api/webhooks", get(webhook_log))
        .route("/api/config", get(config))
        .route("/api/customer-session", post(enrollment::customer_session))
        .route("/api/enrollment", post(enrollment::enroll))
        .route_layer(axum::middleware::from_fn_with_state(
            merchant.clone(),
            own_pages_only,
        ))
        .layer(cors);
    Router::new()
        .merge(demo_api)
        .merge(crate::csp_reports::routes(crate::csp_reports::CspReports::new(
            &merchant.account.private_secret_key,
        )))
        .route("/webhooks", post(receive_webhook))
        .fallback_service(ServeDir::new(www))
        // The host page CSP of shared/spec/widget.md, plus the payment origin in `script-src`
        // because this page loads the SDK from there with a script tag.
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&format!(
                "script-src 'self' {api} 'wasm-unsafe-eval'; style-src 'self'; frame-src {frame_src}; {}",
                crate::csp_reports::DIRECTIVE
            ))
            .unwrap_or(HeaderValue::from_static("script-src 'self'")),
        ))
        .layer(axum::middleware::from_fn(not_frameable))
        .layer(axum::middleware::from_fn(browser_id_with_pages))
        .layer(crate::routes::request_log())
        .with_state(merchant)
}

/// Refuses calls from other sites' pages (403), before any work.
async fn own_pages_only(
    State(m): State<Merchant>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if m.origins.admit(req.headers()) {
        next.run(req).await
    } else {
        guard::refuse(
            "ORIGIN_NOT_ALLOWED",
            "the demo merchant answers only its own pages",
        )
    }
}

/// Gives a browser its id (the cookie) with the first page it loads, so that a page starting
/// two checkouts at once does not get two ids, the second overwriting the first.
async fn browser_id_with_pages(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let needs_id = req.method() == axum::http::Method::GET
        && !req.uri().path().starts_with("/api/")
        && guard::browser(req.headers()).is_none();
    let mut res = next.run(req).await;
    let page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if needs_id && page {
        let id = uuid::Uuid::new_v4().to_string();
        res.headers_mut()
            .append(header::SET_COOKIE, guard::set_cookie(&id));
    }
    res
}

/// The demo page may not be framed (clickjacking): `X-Frame-Options` and `frame-ancestors`.
/// The test pages beside it may, so that a hostile-frame test can frame them.
async fn not_frameable(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    // Compared as the file server reads it: `/index%2Ehtml` is the page too.
    let path = percent_decoded(req.uri().path());
    let demo = path == "/" || path.ends_with("/index.html") || path.ends_with('/');
    let mut res = next.run(req).await;
    if demo {
        let headers = res.headers_mut();
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        let csp = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .map(|v| format!("{v}; frame-ancestors 'none'"));
        if let Some(Ok(csp)) = csp.map(HeaderValue::try_from) {
            headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        }
    }
    res
}

/// Demo prices per country.
fn demo_amount(country: &str) -> (&'static str, f64) {
    match country {
        "BR" => ("BRL", 149.90),
        "MX" => ("MXN", 1299.00),
        "CO" => ("COP", 250000.0),
        "AR" => ("ARS", 45000.0),
        "ES" | "PT" | "DE" | "FR" => ("EUR", 49.99),
        _ => ("USD", 49.99),
    }
}

impl Merchant {
    /// Step 1: the shopper's customer, found by the merchant's id for them or created.
    async fn customer(&self, shopper: &str, country: &str) -> Result<Value, Response> {
        let query = format!("/v1/customers?merchant_customer_id={}", urlencode(shopper));
        match self.call(reqwest::Method::GET, &query, None, None).await {
            Ok(c) => Ok(c),
            Err(_) => {
                let new = json!({"merchant_customer_id": shopper, "email": shopper, "first_name": "Demo", "last_name": "Shopper", "country": country});
                self.call(reqwest::Method::POST, "/v1/customers", Some(&new), None)
                    .await
            }
        }
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        idempotency: Option<&str>,
    ) -> Result<Value, Response> {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.api))
            .header("public-api-key", &self.account.public_api_key)
            .header("private-secret-key", &self.account.private_secret_key);
        if let Some(b) = body {
            req = req.json(b);
        }
        if let Some(k) = idempotency {
            req = req.header("x-idempotency-key", k);
        }
        let res = req.send().await.map_err(|_| {
            (StatusCode::BAD_GATEWAY, Json(json!({"code": "API_UNREACHABLE", "messages": ["the payment API did not answer"]})))
                .into_response()
        })?;
        let status = res.status();
        let value: Value = res.json().await.unwrap_or(Value::Null);
        if status.is_success() {
            Ok(value)
        } else {
            Err((
                StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::BAD_GATEWAY),
                Json(value),
            )
                .into_response())
        }
    }
}

/// Who the page says is shopping, and where (a checkout's and a customer session's input).
#[derive(Deserialize, Default)]
struct ShopperIn {
    country: Option<String>,
    customer: Option<String>,
}

impl ShopperIn {
    /// The country (upper case; default BR) and the shopper's e-mail (default the demo's).
    fn read(body: Option<Json<Self>>) -> (String, String) {
        let input = body.map(|Json(b)| b).unwrap_or_default();
        let country = input
            .country
            .unwrap_or_else(|| "BR".into())
            .to_ascii_uppercase();
        let shopper = input
            .customer
            .unwrap_or_else(|| "demo-shopper@example.com".into());
        (country, shopper)
    }
}

/// Steps 1 and 2: find or create the customer, then create a checkout session, which this
/// browser (its cookie, given here if it has none) may then pay.
async fn checkout(
    State(m): State<Merchant>,
    headers: HeaderMap,
    body: Option<Json<ShopperIn>>,
) -> Response {
    let browser = guard::browser(&headers).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let (country, shopper) = ShopperIn::read(body);
    let run = async {
        let customer = m.customer(&shopper, &country).await?;
        let (currency, value) = demo_amount(&country);
        let order = format!("demo-{}", now_ms());
        let session = json!({
            "account_id": m.account.id,
            "merchant_order_id": order,
            "payment_description": "Demo order: Aurora desk lamp",
            "country": country,
            "amount": {"currency": currency, "value": value},
            "customer_id": customer["id"],
            "callback_url": format!("{}/webhooks", m.own_url),
        });
        let created = m
            .call(
                reqwest::Method::POST,
                "/v1/checkout/sessions",
                Some(&session),
                None,
            )
            .await?;
        m.owners.record(
            created["checkout_session"].as_str().unwrap_or_default(),
            &browser,
        );
        Ok::<_, Response>(
            (
                [(header::SET_COOKIE, guard::set_cookie(&browser))],
                Json(json!({
                    "checkout_session": created["checkout_session"],
                    "country": country,
                    "amount": created["amount"],
                    "public_api_key": m.account.public_api_key,
                    "api_url": &*m.api,
                    "customer_id": customer["id"],
                })),
            )
                .into_response(),
        )
    };
    run.await.unwrap_or_else(|e| e)
}

#[derive(Deserialize)]
struct PayIn {
    checkout_session: String,
    token: String,
    vault_on_success: Option<bool>,
}

/// Step 4: create the payment with the one-time token, for a checkout this browser started.
async fn pay(State(m): State<Merchant>, headers: HeaderMap, Json(input): Json<PayIn>) -> Response {
    let browser = guard::browser(&headers);
    if !m.owners.owns(browser.as_deref(), &input.checkout_session) {
        return not_yours();
    }
    let run = async {
        let path = format!(
            "/v1/checkout/sessions/{}",
            urlencode(&input.checkout_session)
        );
        let session = m.call(reqwest::Method::GET, &path, None, None).await?;
        let payment = json!({
            "account_id": m.account.id,
            "merchant_order_id": format!("demo-{}", now_ms()),
            "description": "Demo order: Aurora desk lamp",
            "country": session["country"],
            "amount": session["amount"],
            "checkout": {"session": input.checkout_session},
            "payment_method": {"token": input.token, "vault_on_success": input.vault_on_success.unwrap_or(false)},
            // Where the bank's or wallet's page sends the shopper back to.
            "callback_url": format!("{}/return.html?checkout_session={}", m.own_url, urlencode(&input.checkout_session)),
        });
        let key = uuid::Uuid::new_v4().to_string();
        let created = m
            .call(
                reqwest::Method::POST,
                "/v1/payments",
                Some(&payment),
                Some(&key),
            )
            .await?;
        if let (Some(id), Some(b)) = (created["id"].as_str(), &browser) {
            m.owners.record(id, b);
        }
        Ok::<_, Response>(Json(created).into_response())
    };
    run.await.unwrap_or_else(|e| e)
}

fn not_yours() -> Response {
    guard::refuse(
        "NOT_YOUR_CHECKOUT",
        "this browser did not start this checkout (the demo pays only its own)",
    )
}

/// What the return page needs to show a payment's result: the public key and the API's URL.
async fn config(State(m): State<Merchant>) -> Json<Value> {
    Json(json!({ "public_api_key": m.account.public_api_key, "api_url": &*m.api }))
}

/// Completes a pending alternative-method payment (what the shopper would do in their bank).
async fn complete(
    State(m): State<Merchant>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if !m.owners.owns(guard::browser(&headers).as_deref(), &id) {
        return not_yours();
    }
    let path = format!("/v1/payments/{}/complete", urlencode(&id));
    match m.call(reqwest::Method::POST, &path, None, None).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => e,
    }
}

/// Receives a webhook and keeps it for the page if its signature is valid; anything else is
/// refused (401) and not kept.
async fn receive_webhook(State(m): State<Merchant>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let signature = headers
        .get("x-hmac-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !webhooks::verify(&m.account.webhook_secret, &body, signature) {
        return StatusCode::UNAUTHORIZED;
    }
    let event: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let mut log = m.received.lock().unwrap_or_else(|p| p.into_inner());
    log.push_front(
        json!({"received_at": rfc3339(now_ms()), "signature_valid": true, "event": event}),
    );
    log.truncate(KEEP_WEBHOOKS);
    StatusCode::OK
}

/// The webhooks received, newest first: of this browser's payments, or all of them with the
/// account's secret key (`private-secret-key`, as the merchant's own tools would ask).
async fn webhook_log(State(m): State<Merchant>, headers: HeaderMap) -> Json<Value> {
    let secret = headers
        .get("private-secret-key")
        .map(|k| bool::from(k.as_bytes().ct_eq(m.account.private_secret_key.as_bytes())))
        .unwrap_or(false);
    let browser = guard::browser(&headers);
    let log = m.received.lock().unwrap_or_else(|p| p.into_inner());
    let mine = log.iter().filter(|e| {
        secret
            || e["event"]["data"]["payment"]["id"]
                .as_str()
                .is_some_and(|id| m.owners.owns(browser.as_deref(), id))
    });
    Json(json!(mine.collect::<Vec<_>>()))
}

/// `path` with its `%XX` escapes decoded (an invalid escape is kept as it is).
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a path or query component.
fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
