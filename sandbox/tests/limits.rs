//! Abuse limits over real HTTP: card testing on one session or one key, declines on one
//! session, and one client address flooding the browser endpoints all end in `429` with
//! `Retry-After`; `--no-rate-limits` is the only way to turn them off.

mod common;

use common::*;
use reqwest::{Method, StatusCode};

/// A Luhn-valid 16-digit Visa number that is not a test card, different for each `i`.
fn random_visa(i: u64) -> String {
    let body = format!("411111{:09}", 100_000_000 + i * 7_919);
    let digits: Vec<u32> = body.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &d)| {
            if k % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

async fn token_status(
    sb: &Sandbox,
    session: &str,
    number: &str,
) -> (StatusCode, serde_json::Value) {
    sb.card_token(session, number, "123", false).await
}

/// The `Retry-After` of a refused request to `path` with the public key.
async fn retry_after(sb: &Sandbox, path: &str) -> Option<u64> {
    let res = reqwest::Client::new()
        .get(format!("{}{path}", sb.api))
        .header("public-api-key", &sb.public_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    res.headers()
        .get("retry-after")?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

#[tokio::test]
async fn card_testing_on_one_session_stops_at_the_default_limit() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let mut refused_at = None;
    for i in 0..60 {
        // Valid and invalid numbers alike count: card testers send both.
        let number = if i % 2 == 0 {
            random_visa(i)
        } else {
            format!("41111111111111{:02}", i)
        };
        let (s, v) = token_status(&sb, &session, &number).await;
        if s == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(v["code"], "TOO_MANY_ATTEMPTS", "{v}");
            refused_at = Some(i);
            break;
        }
    }
    assert_eq!(
        refused_at,
        Some(20),
        "20 attempts per session in 10 minutes"
    );
    // A good card is refused too, and the shopper's other sessions are not affected.
    let (s, _) = token_status(&sb, &session, VISA_OK).await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    let other = sb.session("BR", None, None).await;
    let (s, v) = token_status(&sb, &other, VISA_OK).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn the_refusal_says_when_to_come_back() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--limit-tokens-per-session", "2"]).await;
    let session = sb.session("BR", None, None).await;
    for _ in 0..2 {
        token_status(&sb, &session, VISA_OK).await;
    }
    let res = reqwest::Client::new()
        .post(format!("{}/v1/checkout/sessions/{session}/token", sb.api))
        .header("public-api-key", &sb.public_key)
        .json(&serde_json::json!({"payment_method": {"type": "PIX"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((590..=600).contains(&wait), "Retry-After {wait}");
    // The browser reads it across origins.
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "TOO_MANY_ATTEMPTS");
    assert!(
        body["messages"][0].as_str().unwrap().contains("wait"),
        "{body}"
    );
}

#[tokio::test]
async fn one_key_is_limited_across_sessions() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--limit-tokens-per-key", "8"]).await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let session = sb.session("BR", None, None).await;
        for _ in 0..2 {
            statuses.push(token_status(&sb, &session, VISA_OK).await.0.as_u16());
        }
    }
    assert_eq!(statuses, [201, 201, 201, 201, 201, 201, 201, 201, 429, 429]);
}

#[tokio::test]
async fn a_session_with_too_many_declines_takes_no_new_card() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    for _ in 0..5 {
        let token = sb.token(&session, VISA_DECLINED).await;
        let (_, pay) = sb.pay(&session, &token).await;
        assert_eq!(pay["status"], "DECLINED", "{pay}");
    }
    let (s, v) = token_status(&sb, &session, VISA_OK).await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "{v}");
    assert_eq!(v["code"], "TOO_MANY_DECLINES");
    // Other methods stay open: a shopper can still pay by PIX.
    let pix = sb.method_token(&session, "PIX").await;
    assert!(!pix.is_empty());
}

#[tokio::test]
async fn one_address_flooding_the_browser_endpoints_is_refused() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--limit-requests-per-address", "10"]).await;
    let session = sb.session("BR", None, None).await;
    let path = format!("/v1/checkout/sessions/{session}/payment-methods");
    for i in 0..10 {
        let (s, _) = sb.call(Method::GET, &path, Keys::Public, None, None).await;
        assert_eq!(s, StatusCode::OK, "request {i}");
    }
    let (s, v) = sb.call(Method::GET, &path, Keys::Public, None, None).await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(v["code"], "TOO_MANY_REQUESTS");
    assert!(retry_after(&sb, &path)
        .await
        .is_some_and(|w| (1..=60).contains(&w)));
    // The merchant's server is not a browser: its endpoints are not counted here.
    let (s, _) = sb
        .secret(
            Method::POST,
            "/v1/checkout/sessions",
            Some(sb.session_body("BR", None, None)),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
}

#[tokio::test]
async fn limits_are_off_only_with_the_explicit_flag() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--no-rate-limits"]).await;
    assert!(sb.output().contains("rate limits:        off"));
    let session = sb.session("BR", None, None).await;
    for i in 0..30 {
        let (s, v) = token_status(&sb, &session, &random_visa(i)).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
}
