//! The demo merchant's card enrollment, in the two server steps Yuno's enrollment guide gives
//! before the page mounts the form: a customer session for the shopper, then the method to
//! enroll in it.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::{guard, not_yours, urlencode, Merchant, ShopperIn};

/// `POST /api/customer-session`: the shopper's customer (found or created), and a customer
/// session for them, which this browser may then enroll in.
pub(super) async fn customer_session(
    State(m): State<Merchant>,
    headers: HeaderMap,
    body: Option<Json<ShopperIn>>,
) -> Response {
    let browser = guard::browser(&headers).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let (country, shopper) = ShopperIn::read(body);
    let run = async {
        let customer = m.customer(&shopper, &country).await?;
        let body = json!({
            "account_id": m.account.id,
            "customer_id": customer["id"],
            "country": country,
        });
        let created = m
            .call(
                reqwest::Method::POST,
                "/v1/customers/sessions",
                Some(&body),
                None,
            )
            .await?;
        let session = created["customer_session"].as_str().unwrap_or_default();
        m.owners.record(session, &browser);
        Ok::<_, Response>(
            (
                [(header::SET_COOKIE, guard::set_cookie(&browser))],
                Json(json!({
                    "customer_session": session,
                    "country": country,
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
pub(super) struct EnrollIn {
    customer_session: String,
}

/// `POST /api/enrollment`: `CARD` to enroll in a customer session this browser started.
pub(super) async fn enroll(
    State(m): State<Merchant>,
    headers: HeaderMap,
    Json(input): Json<EnrollIn>,
) -> Response {
    let browser = guard::browser(&headers);
    if !m.owners.owns(browser.as_deref(), &input.customer_session) {
        return not_yours();
    }
    let run = async {
        let path = format!(
            "/v1/customers/sessions/{}/payment-methods",
            urlencode(&input.customer_session)
        );
        let session_country = m
            .call(
                reqwest::Method::GET,
                &format!(
                    "/v1/checkout/sessions/{}",
                    urlencode(&input.customer_session)
                ),
                None,
                None,
            )
            .await?["country"]
            .clone();
        let body = json!({
            "account_id": m.account.id,
            "payment_method_type": "CARD",
            "country": session_country,
        });
        let key = uuid::Uuid::new_v4().to_string();
        let created = m
            .call(reqwest::Method::POST, &path, Some(&body), Some(&key))
            .await?;
        Ok::<_, Response>(Json(created).into_response())
    };
    run.await.unwrap_or_else(|e| e)
}
