//! What the API takes and refuses at its edges, over real HTTP: body size (413), text length
//! (400 naming the field), idempotency by meaning, and references that must exist.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// A raw `POST /v1/payments` with the secret key, `key` and the body text as given.
async fn post_raw(sb: &Sandbox, path: &str, key: &str, text: String) -> (StatusCode, Value) {
    let res = reqwest::Client::new()
        .post(format!("{}{path}", sb.api))
        .header("public-api-key", &sb.public_key)
        .header("private-secret-key", &sb.secret_key)
        .header("x-idempotency-key", key)
        .header("content-type", "application/json")
        .body(text)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn oversized_bodies_get_413_and_long_text_a_400_naming_the_field() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let mut body = sb.session_body("BR", None, None);

    // A 100 KB description: refused before it is parsed, let alone stored. (Larger bodies
    // are refused the same way, but the server stops reading at the limit, and a client still
    // writing sees the connection closed before it reads the 413.)
    body["payment_description"] = json!("x".repeat(100 << 10));
    let (s, v) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body.clone()))
        .await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_eq!(v["code"], "REQUEST_TOO_LARGE");

    body["payment_description"] = json!("é".repeat(256));
    let (s, v) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body.clone()))
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "payment_description");
    assert!(v["messages"][0].as_str().unwrap().contains("255"), "{v}");
    // 255 characters (510 bytes) is the most, and fine.
    body["payment_description"] = json!("é".repeat(255));
    let (s, v) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body.clone()))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    body["metadata"] = json!({ "notes": vec!["a".repeat(200); 30] });
    let (s, v) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body.clone()))
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("metadata")),
        "{v}"
    );

    // The browser's token endpoint too, and a card number field never echoed.
    let session = sb.session("BR", None, None).await;
    let (s, v) = sb
        .call(
            Method::POST,
            &format!("/v1/checkout/sessions/{session}/token"),
            Keys::Public,
            Some(json!({"payment_method": {"type": "CARD", "card": {"number": "4".repeat(300)}}})),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "payment_method.card.number");
    assert!(!v.to_string().contains("4444"), "{v}");
}

#[tokio::test]
async fn idempotency_compares_the_requests_meaning_not_its_bytes() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    let key = uuid::Uuid::new_v4().to_string();
    let body = sb.payment_body(&session, &token);
    let (s1, first) = post_raw(&sb, "/v1/payments", &key, body.to_string()).await;
    assert_eq!(s1, StatusCode::CREATED, "{first}");

    // The same fields in another order, spaced out, the amount written as 100.50.
    let fields: Vec<(String, Value)> = body
        .as_object()
        .unwrap()
        .clone()
        .into_iter()
        .rev()
        .collect();
    let reordered = fields
        .iter()
        .map(|(k, v)| format!("  {} :  {}", json!(k), v))
        .collect::<Vec<_>>()
        .join(",\n")
        .replace("100.5", "100.50");
    let (s2, again) = post_raw(&sb, "/v1/payments", &key, format!("{{\n{reordered}\n}}")).await;
    assert_eq!(s2, StatusCode::CREATED, "{again}");
    assert_eq!(
        again["id"], first["id"],
        "the same request, the same payment"
    );

    let mut other = body.clone();
    other["merchant_order_id"] = json!("order-2");
    let (s3, v) = post_raw(&sb, "/v1/payments", &key, other.to_string()).await;
    assert_eq!(
        (s3, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("IDEMPOTENCY_DUPLICATED"))
    );
}

#[tokio::test]
async fn a_payer_must_be_a_customer_of_the_account() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    let mut body = sb.payment_body(&session, &token);
    body["customer_payer"] = json!({"id": "00000000-0000-4000-8000-000000000000"});
    let (s, v) = sb.create_payment(body.clone()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(
        (v["code"].as_str(), v["field"].as_str()),
        (Some("CUSTOMER_NOT_FOUND"), Some("customer_payer.id"))
    );
    let customer = sb.customer("payer-1").await;
    body["customer_payer"] = json!({ "id": customer });
    let (s, v) = sb.create_payment(body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["customer_payer"]["id"], customer.as_str());
}

#[tokio::test]
async fn callbacks_to_loopback_or_private_addresses_need_the_flag() {
    let dir = data_dir();
    let sb = Sandbox::start_strict(dir.path(), &[]).await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
    ] {
        let body = sb.session_body("BR", None, Some(url));
        let (s, v) = sb
            .secret(Method::POST, "/v1/checkout/sessions", Some(body))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{url}: {v}");
        assert_eq!(v["field"], "callback_url");
        assert!(
            v["messages"][0]
                .as_str()
                .unwrap()
                .contains("--allow-private-callbacks"),
            "{v}"
        );
    }
    let session = sb
        .session("BR", None, Some("https://shop.example/webhooks"))
        .await;
    let token = sb.token(&session, VISA_OK).await;
    let mut pay = sb.payment_body(&session, &token);
    pay["callback_url"] = json!("http://10.0.0.1/return");
    let (s, v) = sb.create_payment(pay).await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("callback_url"))
    );
}

#[tokio::test]
async fn racing_payments_are_decided_by_the_database() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    // 20 retries of one request at once: one payment, the same answer to all.
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    let key = uuid::Uuid::new_v4().to_string();
    let body = sb.payment_body(&session, &token).to_string();
    let twins = (0..20).map(|_| post_raw(&sb, "/v1/payments", &key, body.clone()));
    let answers = futures::future::join_all(twins).await;
    let ids: std::collections::HashSet<_> = answers
        .iter()
        .map(|(s, v)| {
            assert_eq!(*s, StatusCode::CREATED, "{v}");
            v["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 1, "one payment for one key");

    // 20 different requests with one token: one payment, the others refused.
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    let racers = (0..20).map(|_| sb.pay(&session, &token));
    let answers = futures::future::join_all(racers).await;
    let created = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{answers:?}");
    for (s, v) in answers.iter().filter(|(s, _)| *s != StatusCode::CREATED) {
        assert_eq!(*s, StatusCode::BAD_REQUEST);
        let code = v["code"].as_str().unwrap_or_default();
        assert!(
            ["TOKEN_ALREADY_USED", "CHECKOUT_SESSION_ALREADY_PAID"].contains(&code),
            "{v}"
        );
    }

    // Two tokens of one session at once: one success.
    let session = sb.session("BR", None, None).await;
    let tokens = [
        sb.token(&session, VISA_OK).await,
        sb.token(&session, MC_OK).await,
    ];
    let answers = futures::future::join_all(tokens.iter().map(|t| sb.pay(&session, t))).await;
    let succeeded = answers
        .iter()
        .filter(|(_, v)| v["status"] == "SUCCEEDED")
        .count();
    assert_eq!(succeeded, 1, "{answers:?}");
}

#[tokio::test]
async fn nul_characters_are_refused_by_name_on_either_database() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    // In a body field: a 400 naming it (PostgreSQL's text could not store it).
    let (s, v) = sb
        .secret(
            Method::POST,
            "/v1/customers",
            Some(json!({"merchant_customer_id": "ana\u{0}souza"})),
        )
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("merchant_customer_id")),
        "{v}"
    );
    // In a path id or a query parameter: a 400 saying why, not a server error.
    for path in [
        "/v1/customers/ana%00",
        "/v1/customers?merchant_customer_id=ana%00",
    ] {
        let (s, v) = sb.secret(Method::GET, path, None).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path}: {v}");
        assert!(v["messages"][0].as_str().unwrap().contains("NUL"), "{v}");
    }
}
