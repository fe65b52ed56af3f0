//! The payment API over real HTTP: keys, validation, the payment flow, every error of the spec.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn keys_are_required_and_checked() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let body = json!({"merchant_customer_id": "c1"});
    for keys in [Keys::None, Keys::Public] {
        let (s, v) = sb
            .call(
                Method::POST,
                "/v1/customers",
                keys,
                Some(body.clone()),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{v}");
        assert_eq!(v["code"], "UNAUTHORIZED");
    }
    // A wrong secret key, whatever else the request carries.
    let res = reqwest::Client::new()
        .post(format!("{}/v1/customers", sb.api))
        .header("public-api-key", &sb.public_key)
        .header("private-secret-key", "sk_wrong")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // A wrong public key on a browser endpoint.
    let res = reqwest::Client::new()
        .get(format!("{}/v1/checkout/sessions/x/payment-methods", sb.api))
        .header("public-api-key", "pk_wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let (s, _) = sb
        .call(
            Method::GET,
            "/v1/checkout/sessions/x/payment-methods",
            Keys::None,
            None,
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn bad_bodies_get_400_naming_the_field() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let res = reqwest::Client::new()
        .post(format!("{}/v1/customers", sb.api))
        .header("public-api-key", &sb.public_key)
        .header("private-secret-key", &sb.secret_key)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["code"], "INVALID_REQUEST");
    assert!(
        v["messages"][0]
            .as_str()
            .unwrap()
            .contains("not valid JSON"),
        "{v}"
    );

    let (s, v) = sb
        .secret(
            Method::POST,
            "/v1/customers",
            Some(json!({"email": "a@b.c"})),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(v["field"], "merchant_customer_id", "{v}");
    assert!(
        v["messages"][0]
            .as_str()
            .unwrap()
            .contains("merchant_customer_id"),
        "{v}"
    );

    let mut body = sb.session_body("BR", None, None);
    body["amount"]["value"] = json!("a lot");
    let (s, v) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body))
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(v["field"], "amount.value", "{v}");
    assert!(
        !v.to_string().contains("a lot"),
        "the value sent is not echoed: {v}"
    );

    let mut body = sb.session_body("BR", None, None);
    body.as_object_mut().unwrap().remove("amount");
    let (_, v) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body))
        .await;
    assert_eq!(v["field"], "amount", "{v}");

    let (_, v) = sb
        .secret(
            Method::POST,
            "/v1/checkout/sessions",
            Some(sb.session_body("XX", None, None)),
        )
        .await;
    assert_eq!(v["field"], "country", "{v}");

    // Unknown fields are ignored.
    let mut body = sb.session_body("BR", None, None);
    body["something_new"] = json!(true);
    let (s, _) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body))
        .await;
    assert_eq!(s, StatusCode::CREATED);

    // A card number sent with the wrong type is not echoed back.
    let session = sb.session("BR", None, None).await;
    let body = json!({"payment_method": {"type": "CARD", "card": {"number": 4111111111111111u64}}});
    let (s, v) = token_request(&sb, &session, body).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(v["field"], "payment_method.card.number", "{v}");
    assert!(!v.to_string().contains("4111111111111111"), "{v}");
}

#[tokio::test]
async fn card_payment_flow_and_test_card_outcomes() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let customer = sb.customer("shopper-1").await;
    let (s, v) = sb
        .secret(Method::GET, &format!("/v1/customers/{customer}"), None)
        .await;
    assert_eq!(
        (s, v["merchant_customer_id"].as_str()),
        (StatusCode::OK, Some("shopper-1"))
    );
    let (s, v) = sb
        .secret(
            Method::POST,
            "/v1/customers",
            Some(json!({"merchant_customer_id": "shopper-1"})),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("CUSTOMER_ID_DUPLICATED"))
    );

    let session = sb.session("BR", Some(&customer), None).await;
    let (s, v) = sb
        .call(
            Method::GET,
            &format!("/v1/checkout/sessions/{session}"),
            Keys::Public,
            None,
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["amount"], json!({"currency": "BRL", "value": 100.5}));
    let (s, v) = sb
        .call(
            Method::GET,
            &format!("/v1/checkout/sessions/{session}/payment-methods"),
            Keys::Public,
            None,
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let types: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["CARD", "PIX", "NU_PAY"]);

    let (s, tok) = sb.card_token(&session, AMEX_OK, "1234", false).await;
    assert_eq!(s, StatusCode::CREATED, "{tok}");
    assert_eq!(tok["card_data"]["brand"], "AMEX");
    assert_eq!(tok["card_data"]["iin"], "378282");
    assert_eq!(tok["card_data"]["lfd"], "0005");
    assert!(!tok.to_string().contains(AMEX_OK) && !tok.to_string().contains("1234\""));
    let (s, pay) = sb.pay(&session, tok["token"].as_str().unwrap()).await;
    assert_eq!(s, StatusCode::CREATED, "{pay}");
    assert_eq!(
        (pay["status"].as_str(), pay["sub_status"].as_str()),
        (Some("SUCCEEDED"), Some("APPROVED"))
    );
    let id = pay["id"].as_str().unwrap();
    let (s, got) = sb
        .secret(Method::GET, &format!("/v1/payments/{id}"), None)
        .await;
    assert_eq!((s, &got), (StatusCode::OK, &pay));

    for (number, status, sub) in [
        (VISA_DECLINED, "DECLINED", "DECLINED"),
        (VISA_FUNDS, "DECLINED", "INSUFFICIENT_FUNDS"),
        (VISA_FRAUD, "DECLINED", "FRAUD_DECLINED"),
        (VISA_ERROR, "ERROR", "ERROR"),
        (MC_OK, "SUCCEEDED", "APPROVED"),
        ("6011111111111117", "SUCCEEDED", "APPROVED"),
    ] {
        let session = sb.session("BR", None, None).await;
        let token = sb.token(&session, number).await;
        let (s, pay) = sb.pay(&session, &token).await;
        assert_eq!(s, StatusCode::CREATED);
        assert_eq!(
            (pay["status"].as_str(), pay["sub_status"].as_str()),
            (Some(status), Some(sub)),
            "{number}"
        );
    }
}

#[tokio::test]
async fn token_endpoint_validates_the_card_with_the_card_engine() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let path = format!("/v1/checkout/sessions/{session}/token");
    let card = |number: &str, month: u8, year: u16, cvc: &str| {
        json!({"payment_method": {"type": "CARD", "card": {
            "number": number, "expiration_month": month, "expiration_year": year, "security_code": cvc}}})
    };
    let cases = [
        (
            card("4111111111111112", 12, 2030, "123"),
            "INVALID_CARD_NUMBER",
            "payment_method.card.number",
        ),
        (
            card("4111 1111", 12, 2030, "123"),
            "INVALID_CARD_NUMBER",
            "payment_method.card.number",
        ),
        (
            card("7111111111111111", 12, 2030, "123"),
            "UNSUPPORTED_CARD_BRAND",
            "payment_method.card.number",
        ),
        (
            card(VISA_OK, 13, 2030, "123"),
            "INVALID_EXPIRATION_DATE",
            "payment_method.card.expiration_month",
        ),
        (
            card(VISA_OK, 1, 2020, "123"),
            "INVALID_EXPIRATION_DATE",
            "payment_method.card.expiration_year",
        ),
        (
            card(VISA_OK, 12, 2030, "12"),
            "INVALID_SECURITY_CODE",
            "payment_method.card.security_code",
        ),
        (
            card(AMEX_OK, 12, 2030, "123"),
            "INVALID_SECURITY_CODE",
            "payment_method.card.security_code",
        ),
        (
            json!({"payment_method": {"type": "CARD"}}),
            "INVALID_REQUEST",
            "payment_method.card",
        ),
        (
            json!({"payment_method": {"type": "OXXO"}}),
            "PAYMENT_METHOD_NOT_AVAILABLE",
            "payment_method.type",
        ),
    ];
    for (body, code, field) in cases {
        let (s, v) = sb
            .call(Method::POST, &path, Keys::Public, Some(body.clone()), None)
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{body}: {v}");
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some(code), Some(field)),
            "{body}"
        );
        assert!(!v.to_string().contains("41111111"), "{v}");
    }
    let mut named = card(VISA_OK, 12, 2030, "123");
    named["payment_method"]["card"]["holder_name"] = json!("R2D2");
    let (_, v) = sb
        .call(Method::POST, &path, Keys::Public, Some(named), None)
        .await;
    assert_eq!(v["field"], "payment_method.card.holder_name");
}

#[tokio::test]
async fn token_errors_used_mismatched_and_one_success_per_session() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let a = sb.session("BR", None, None).await;
    let b = sb.session("BR", None, None).await;

    let token_b = sb.token(&b, VISA_OK).await;
    let (s, v) = sb.pay(&a, &token_b).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("TOKEN_SESSION_MISMATCH"))
    );

    let (_, v) = sb.pay(&a, "00000000-0000-4000-8000-000000000000").await;
    assert_eq!(v["code"], "TOKEN_NOT_FOUND");

    // Decline, then a good card on the same session, then a second success is refused.
    let declined = sb.token(&a, VISA_DECLINED).await;
    let (_, v) = sb.pay(&a, &declined).await;
    assert_eq!(v["status"], "DECLINED");
    let (s, v) = sb.pay(&a, &declined).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("TOKEN_ALREADY_USED"))
    );
    let good = sb.token(&a, VISA_OK).await;
    let (_, v) = sb.pay(&a, &good).await;
    assert_eq!(v["status"], "SUCCEEDED");
    let (s, v) = sb.card_token(&a, MC_OK, "123", false).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("CHECKOUT_SESSION_ALREADY_PAID")
        )
    );
    let (s, v) = sb.pay(&a, &good).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("CHECKOUT_SESSION_ALREADY_PAID")
        )
    );
}

#[tokio::test]
async fn expired_tokens_and_sessions() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--token-ttl-secs", "1"]).await;
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let (s, v) = sb.pay(&session, &token).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("TOKEN_EXPIRED"))
    );
    drop(sb);

    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--session-ttl-secs", "1"]).await;
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let (s, v) = sb
        .call(
            Method::GET,
            &format!("/v1/checkout/sessions/{session}/payment-methods"),
            Keys::Public,
            None,
            None,
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("CHECKOUT_SESSION_EXPIRED"))
    );
    let (s, v) = sb.card_token(&session, VISA_OK, "123", false).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("CHECKOUT_SESSION_EXPIRED"))
    );
    let (s, v) = sb.pay(&session, &token).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("CHECKOUT_SESSION_EXPIRED"))
    );
}

#[tokio::test]
async fn idempotency_replay_and_conflict() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    let key = uuid::Uuid::new_v4().to_string();
    let body = sb.payment_body(&session, &token);
    let (s1, first) = sb
        .call(
            Method::POST,
            "/v1/payments",
            Keys::Secret,
            Some(body.clone()),
            Some(&key),
        )
        .await;
    let (s2, again) = sb
        .call(
            Method::POST,
            "/v1/payments",
            Keys::Secret,
            Some(body.clone()),
            Some(&key),
        )
        .await;
    assert_eq!((s1, s2), (StatusCode::CREATED, StatusCode::CREATED));
    assert_eq!(
        first, again,
        "the same key and body return the original payment"
    );
    let mut other = body.clone();
    other["description"] = json!("something else");
    let (s, v) = sb
        .call(
            Method::POST,
            "/v1/payments",
            Keys::Secret,
            Some(other),
            Some(&key),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("IDEMPOTENCY_DUPLICATED"))
    );
    let (s, v) = sb
        .secret(Method::POST, "/v1/payments", Some(body.clone()))
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("X-Idempotency-Key"))
    );
    let (_, v) = sb
        .call(
            Method::POST,
            "/v1/payments",
            Keys::Secret,
            Some(body),
            Some("not-a-uuid"),
        )
        .await;
    assert_eq!(v["field"], "X-Idempotency-Key");

    // The token endpoint honours an idempotency key too: a retried request gets the same token.
    let session = sb.session("BR", None, None).await;
    let path = format!("/v1/checkout/sessions/{session}/token");
    let card = json!({"payment_method": {"type": "CARD", "card": {
        "number": MC_OK, "expiration_month": 12, "expiration_year": 2030, "security_code": "321"}}});
    let (_, t1) = sb
        .call(
            Method::POST,
            &path,
            Keys::Public,
            Some(card.clone()),
            Some("retry-1"),
        )
        .await;
    let (_, t2) = sb
        .call(
            Method::POST,
            &path,
            Keys::Public,
            Some(card),
            Some("retry-1"),
        )
        .await;
    assert_eq!(t1["token"], t2["token"]);
    let (_, t3) = sb.card_token(&session, MC_OK, "321", false).await;
    assert_ne!(t1["token"], t3["token"]);
}

#[tokio::test]
async fn saved_cards_are_vaulted_on_success_and_listed_later() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let customer = sb.customer("vault-shopper").await;
    let first = sb.session("BR", Some(&customer), None).await;
    let (_, tok) = sb.card_token(&first, MC_OK, "123", true).await;
    assert_eq!(tok["vault_on_success"], true);
    let (_, pay) = sb.pay(&first, tok["token"].as_str().unwrap()).await;
    assert_eq!(pay["status"], "SUCCEEDED");
    let vaulted = pay["payment_method"]["vaulted_token"]
        .as_str()
        .unwrap()
        .to_owned();

    let second = sb.session("BR", Some(&customer), None).await;
    let methods = payment_methods(&sb, &second).await;
    let saved = &methods[0];
    assert_eq!(saved["vaulted_token"], vaulted.as_str());
    assert_eq!(saved["card_data"]["lfd"], "4444");
    assert_eq!(saved["card_data"]["brand"], "MASTERCARD");
    assert_eq!(saved["last_successfully_used"], true);
    assert!(!methods.to_string().contains(MC_OK));

    let body = json!({"payment_method": {"type": "CARD", "vaulted_token": vaulted}});
    let (s, tok) = token_request(&sb, &second, body).await;
    assert_eq!(s, StatusCode::CREATED, "{tok}");
    let (_, pay) = sb.pay(&second, tok["token"].as_str().unwrap()).await;
    assert_eq!(pay["status"], "SUCCEEDED");

    // Another customer's session cannot use it.
    let stranger = sb
        .session("BR", Some(&sb.customer("stranger").await), None)
        .await;
    let body = json!({"payment_method": {"type": "CARD", "vaulted_token": vaulted}});
    let (_, v) = token_request(&sb, &stranger, body).await;
    assert_eq!(v["code"], "VAULTED_TOKEN_NOT_FOUND");
}

#[tokio::test]
async fn alternative_method_is_pending_until_completed() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let body = json!({"payment_method": {"type": "PIX"}});
    let (s, tok) = token_request(&sb, &session, body).await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, pay) = sb.pay(&session, tok["token"].as_str().unwrap()).await;
    assert_eq!(
        (pay["status"].as_str(), pay["sub_status"].as_str()),
        (Some("PENDING"), Some("WAITING_ADDITIONAL_STEP"))
    );
    assert_eq!(pay["checkout"]["sdk_action_required"], true);
    let id = pay["id"].as_str().unwrap();
    let (s, done) = sb
        .secret(Method::POST, &format!("/v1/payments/{id}/complete"), None)
        .await;
    assert_eq!(
        (s, done["status"].as_str()),
        (StatusCode::OK, Some("SUCCEEDED"))
    );
    // A final payment stays final: completing it again answers it unchanged.
    let (s, again) = sb
        .secret(Method::POST, &format!("/v1/payments/{id}/complete"), None)
        .await;
    assert_eq!((s, &again), (StatusCode::OK, &done));
}

#[tokio::test]
async fn racing_completions_settle_once_with_one_webhook() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let receiver = format!("{}/webhooks", sb.merchant);
    let session = sb.session("BR", None, Some(&receiver)).await;
    let (s, tok) = token_request(&sb, &session, json!({"payment_method": {"type": "PIX"}})).await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, pay) = sb.pay(&session, tok["token"].as_str().unwrap()).await;
    let id = pay["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/payments/{id}/complete");
    let racers = (0..12).map(|_| sb.secret(Method::POST, &path, None));
    let answers = futures::future::join_all(racers).await;
    let first = &answers[0].1;
    for (status, body) in &answers {
        assert_eq!(*status, StatusCode::OK);
        assert_eq!(body, first, "every racer is answered the one final payment");
    }
    assert_eq!(first["status"], "SUCCEEDED");
    // The receiver hears of the success once (and of the pending payment before it).
    let succeeded = |events: &Value| {
        events
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["event"]["data"]["payment"]["id"] == id.as_str())
            .filter(|e| e["event"]["data"]["payment"]["status"] == "SUCCEEDED")
            .count()
    };
    let seen = eventually(10, || async {
        let events = sb.webhook_log().await?;
        (succeeded(&events) > 0).then_some(events)
    })
    .await
    .expect("the success is delivered");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let events = sb.webhook_log().await.unwrap();
    assert_eq!(
        succeeded(&events),
        1,
        "one webhook for one settlement: {seen}"
    );
}

#[tokio::test]
async fn browser_endpoints_answer_cors_for_any_origin() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let res = reqwest::Client::new()
        .request(
            Method::OPTIONS,
            format!("{}/v1/checkout/sessions/abc/token", sb.api),
        )
        .header("origin", "https://shop.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "public-api-key,content-type,x-idempotency-key",
        )
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    let allowed = res.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed.contains("public-api-key") && allowed.contains("x-idempotency-key"),
        "{allowed}"
    );
}

#[tokio::test]
async fn demo_merchant_backend_runs_steps_1_2_and_4() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let http = reqwest::Client::new();
    let res = http
        .post(format!("{}/api/checkout", sb.merchant))
        .json(&json!({"country": "MX"}))
        .send()
        .await
        .unwrap();
    let cookie = browser_cookie(&res);
    let checkout: Value = res.json().await.unwrap();
    assert_eq!(checkout["public_api_key"], sb.public_key.as_str());
    assert!(
        checkout.get("private_secret_key").is_none()
            && !checkout.to_string().contains(&sb.secret_key)
    );
    let session = checkout["checkout_session"].as_str().unwrap();
    let methods = payment_methods(&sb, session).await;
    assert!(methods.to_string().contains("OXXO"));
    let token = sb.token(session, VISA_OK).await;
    let pay: Value = http
        .post(format!("{}/api/payments", sb.merchant))
        .header("cookie", &cookie)
        .json(&json!({"checkout_session": session, "token": token}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(pay["status"], "SUCCEEDED", "{pay}");
    let id = pay["id"].as_str().unwrap().to_owned();
    // The browser that paid sees its webhook.
    let log = eventually(10, || async {
        let log: Value = http
            .get(format!("{}/api/webhooks", sb.merchant))
            .header("cookie", &cookie)
            .send()
            .await
            .ok()?
            .json()
            .await
            .ok()?;
        log.as_array()?
            .iter()
            .find(|e| e["event"]["data"]["payment"]["id"] == id.as_str())
            .cloned()
    })
    .await
    .expect("the demo backend receives the webhook");
    assert_eq!(log["signature_valid"], true);
    assert_eq!(log["event"]["type_event"], "payment.purchase");
    // Another browser sees none of it.
    let theirs: Value = http
        .get(format!("{}/api/webhooks", sb.merchant))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(theirs, json!([]));

    let page = http.get(format!("{}/", sb.merchant)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
}

/// The `Cookie` header a browser would send back after `res` (the demo's `cw_demo`).
fn browser_cookie(res: &reqwest::Response) -> String {
    let set = res.headers()["set-cookie"].to_str().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    set.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn the_demo_merchant_serves_only_its_own_pages_and_checkouts() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let http = reqwest::Client::new();
    let checkout = format!("{}/api/checkout", sb.merchant);

    // Another site's page: refused, and no CORS header lets it read anything.
    let res = http
        .post(&checkout)
        .header("origin", "https://card-tester.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let res = http
        .request(Method::OPTIONS, &checkout)
        .header("origin", "https://card-tester.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());

    // Its own page.
    let res = http
        .post(&checkout)
        .header("origin", &sb.merchant)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = browser_cookie(&res);
    let session: Value = res.json().await.unwrap();
    let session = session["checkout_session"].as_str().unwrap().to_owned();

    // A checkout it started pays only from the browser that started it.
    let token = sb.token(&session, VISA_DECLINED).await;
    let pay = |cookie: Option<String>| {
        let mut req = http
            .post(format!("{}/api/payments", sb.merchant))
            .json(&json!({"checkout_session": session, "token": token}));
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        req.send()
    };
    let res = pay(None).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let other = "cw_demo=00000000-0000-4000-8000-000000000000".to_owned();
    let res = pay(Some(other.clone())).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "NOT_YOUR_CHECKOUT");
    let res = pay(Some(cookie.clone())).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // A PIX payment is completed only by its own browser too.
    let res = http
        .post(&checkout)
        .header("cookie", &cookie)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let session: Value = res.json().await.unwrap();
    let session = session["checkout_session"].as_str().unwrap();
    let token = sb.method_token(session, "PIX").await;
    let pix: Value = http
        .post(format!("{}/api/payments", sb.merchant))
        .header("cookie", &cookie)
        .json(&json!({"checkout_session": session, "token": token}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let complete = format!(
        "{}/api/payments/{}/complete",
        sb.merchant,
        pix["id"].as_str().unwrap()
    );
    let res = http
        .post(&complete)
        .header("cookie", &other)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = http
        .post(&complete)
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // A page gives the browser its id before its scripts start checkouts (two at once would
    // otherwise get two ids, the second overwriting the first); a browser that has one keeps it.
    let page = http
        .get(format!("{}/two.html", sb.merchant))
        .send()
        .await
        .unwrap();
    let page = if page.status() == StatusCode::OK {
        page
    } else {
        http.get(format!("{}/", sb.merchant)).send().await.unwrap()
    };
    assert!(browser_cookie(&page).starts_with("cw_demo="));
    let again = http
        .get(format!("{}/", sb.merchant))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert!(again.headers().get("set-cookie").is_none());

    // An unsigned webhook is refused and not kept.
    let res = http
        .post(format!("{}/webhooks", sb.merchant))
        .body(r#"{"type":"payment","data":{"payment":{"id":"forged"}}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let all = sb.webhook_log().await.unwrap();
    assert!(!all.to_string().contains("forged"), "{all}");
}

/// GET `url`: status and the headers named, as text.
async fn headers_of(url: &str, names: &[&str]) -> (StatusCode, Vec<String>) {
    let res = reqwest::get(url).await.unwrap();
    let values = names
        .iter()
        .map(|n| {
            res.headers()
                .get(*n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    (res.status(), values)
}

#[tokio::test]
async fn sdk_assets_have_their_types_nosniff_and_cache_lifetimes() {
    let dir = data_dir();
    let sdk = tempfile::tempdir().unwrap();
    for file in [
        "frame.html",
        "frame.js",
        "checkout-widget.d.ts",
        "i18n/host/de.txt",
        "v0.1.0/checkout-widget.mjs",
        "v0.1.0/checkout_bg.wasm",
    ] {
        let path = sdk.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }
    let sb = Sandbox::start(dir.path(), &["--sdk-dir", sdk.path().to_str().unwrap()]).await;
    let names = ["content-type", "x-content-type-options", "cache-control"];
    let short = "public, max-age=60";
    let immutable = "public, max-age=31536000, immutable";
    for (file, mime, cache) in [
        ("frame.html", "text/html; charset=utf-8", short),
        ("frame.js", "text/javascript; charset=utf-8", short),
        // mime_guess alone says `video/mp2t`.
        (
            "checkout-widget.d.ts",
            "application/typescript; charset=utf-8",
            short,
        ),
        ("i18n/host/de.txt", "text/plain; charset=utf-8", short),
        (
            "v0.1.0/checkout-widget.mjs",
            "text/javascript; charset=utf-8",
            immutable,
        ),
        ("v0.1.0/checkout_bg.wasm", "application/wasm", immutable),
    ] {
        let (status, got) = headers_of(&format!("{}/sdk/{file}", sb.api), &names).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assert_eq!(got, [mime, "nosniff", cache], "{file}");
    }
    // A missing file is not cached for a year.
    let (status, got) = headers_of(&format!("{}/sdk/v0.1.0/nope.js", sb.api), &names).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_ne!(got[2], immutable);
    // The frame's CSP pins its base URL and forbids its form to submit anywhere.
    let (_, csp) = headers_of(
        &format!("{}/sdk/frame.html", sb.api),
        &["content-security-policy"],
    )
    .await;
    for directive in [
        "default-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "connect-src 'self'",
    ] {
        assert!(csp[0].contains(directive), "{directive} in {}", csp[0]);
    }
}

#[tokio::test]
async fn method_icons_are_drawn_for_any_valid_name_and_refused_otherwise() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    for (name, status) in [
        ("card", StatusCode::OK),
        ("nu_pay", StatusCode::OK),
        // No letters before the first `_`: a blank badge, not a failure.
        ("_", StatusCode::OK),
        ("_visa", StatusCode::OK),
        ("Card", StatusCode::NOT_FOUND),
        ("card%3Cscript%3E", StatusCode::NOT_FOUND),
        ("abcdefghijklmnopqrstuvwxy", StatusCode::NOT_FOUND),
    ] {
        let res = reqwest::get(format!("{}/icons/{name}.svg", sb.api))
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{name}");
        if status == StatusCode::OK {
            let svg = res.text().await.unwrap();
            assert!(
                svg.starts_with("<svg") && svg.ends_with("</svg>") && !svg.contains("<text"),
                "{name}: {svg}"
            );
        }
    }
}

#[tokio::test]
async fn sdk_assets_are_served_compressed_to_a_browser_that_accepts_it() {
    let dir = data_dir();
    let sdk = tempfile::tempdir().unwrap();
    for (file, bytes) in [
        ("checkout_bg.wasm", "as built"),
        ("checkout_bg.wasm.br", "brotli"),
        ("checkout_bg.wasm.gz", "gzip"),
        // A file the build left uncompressed (its variant would not be smaller).
        ("frame.html", "page"),
    ] {
        std::fs::write(sdk.path().join(file), bytes).unwrap();
    }
    let sb = Sandbox::start(dir.path(), &["--sdk-dir", sdk.path().to_str().unwrap()]).await;
    let http = reqwest::Client::new();
    for (file, accepts, encoding, body) in [
        (
            "checkout_bg.wasm",
            "gzip, deflate, br, zstd",
            "br",
            "brotli",
        ),
        ("checkout_bg.wasm", "gzip, deflate", "gzip", "gzip"),
        ("checkout_bg.wasm", "identity", "", "as built"),
        ("frame.html", "gzip, deflate, br", "", "page"),
    ] {
        let res = http
            .get(format!("{}/sdk/{file}", sb.api))
            .header("accept-encoding", accepts)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{file} {accepts}");
        let header = |name: &str| {
            res.headers()
                .get_all(name)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect::<Vec<_>>()
                .join(", ")
        };
        assert_eq!(header("content-encoding"), encoding, "{file} {accepts}");
        // The type is the file's, whichever copy is sent, and caches keep the copies apart.
        let mime = if file.ends_with(".wasm") {
            "application/wasm"
        } else {
            "text/html; charset=utf-8"
        };
        assert_eq!(header("content-type"), mime, "{file} {accepts}");
        assert!(
            header("vary").to_lowercase().contains("accept-encoding"),
            "{file}: {}",
            header("vary")
        );
        assert_eq!(res.text().await.unwrap(), body, "{file} {accepts}");
    }
}

#[tokio::test]
async fn the_demo_page_cannot_be_framed_but_test_pages_can() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let names = ["x-frame-options", "content-security-policy"];
    for path in ["/", "/index.html", "/index%2Ehtml", "//index.html"] {
        let (status, got) = headers_of(&format!("{}{path}", sb.merchant), &names).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(got[0], "DENY", "{path}");
        assert!(
            got[1].contains("frame-ancestors 'none'"),
            "{path}: {}",
            got[1]
        );
        assert!(
            got[1].contains("script-src"),
            "{path}: the page CSP is kept"
        );
    }
    let (_, got) = headers_of(&format!("{}/demo.js", sb.merchant), &names).await;
    assert_eq!(got[0], "", "only the page itself");
}

#[tokio::test]
async fn csp_reports_are_bounded_rate_limited_and_read_with_the_secret_key() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let http = reqwest::Client::new();
    let url = format!("{}/csp-reports", sb.api);
    let oversized = |kib: usize| {
        format!(
            r#"{{"csp-report": {{"blocked-uri": "{}"}}}}"#,
            "x".repeat(kib * 1024)
        )
    };
    // Over the limit is 413 (a body the socket buffers whole, so the answer always arrives).
    let res = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
        .post(&url)
        .body(oversized(32))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Refused before they are read whole: 100 bodies of 1.9 MB leave the memory flat. (The
    // server answers before the client has sent it all, so a client may see the connection
    // close instead of the 413.)
    let before = sb.rss_kib();
    let huge = oversized(1900);
    // (A client of its own, keeping no connection: the server closes each of these, and a
    // pooled one would fail the next request.)
    let once = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    for _ in 0..100 {
        if let Ok(res) = once.post(&url).body(huge.clone()).send().await {
            assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
        }
    }
    let grown = sb.rss_kib().saturating_sub(before);
    assert!(
        grown < 40 * 1024,
        "100 oversized reports grew the server by {grown} KiB"
    );
    // A real report is kept as a short summary; the count is rate-limited.
    let report = json!({"csp-report": {
        "document-uri": format!("{}/", sb.merchant),
        "violated-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js",
        "script-sample": "card 4111111111111111",
    }});
    let mut codes = Vec::new();
    for _ in 0..110 {
        let res = http.post(&url).json(&report).send().await.unwrap();
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            let wait: u64 = res.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=10).contains(&wait), "Retry-After {wait}");
        }
        codes.push(res.status().as_u16());
    }
    assert_eq!(codes.iter().filter(|c| **c == 204).count(), 100);
    assert_eq!(codes.iter().filter(|c| **c == 429).count(), 10);
    // Only the secret key reads them.
    let (status, _) = sb
        .call(Method::GET, "/csp-reports", Keys::Public, None, None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = sb
        .call(Method::GET, "/csp-reports", Keys::None, None, None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let res = http
        .get(&url)
        .header("private-secret-key", &sb.secret_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()["x-csp-reports-refused"],
        "10",
        "the refused are counted"
    );
    let list: Value = res.json().await.unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 100);
    assert_eq!(list[0]["violated_directive"], "script-src-elem");
    // (The whole sample's number: a port or key in the log may hold "4111" by chance.)
    assert!(
        !Value::Array(list.clone())
            .to_string()
            .contains("4111111111111111"),
        "no sample kept"
    );
    assert!(!sb.output().contains("4111111111111111"), "nor logged");
}

#[tokio::test]
async fn amounts_are_iso_4217_with_their_minor_units_and_payments_match_their_session() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let cases = [
        (json!({"currency": "ABC", "value": 10}), "amount.currency"),
        (json!({"currency": "XAU", "value": 1}), "amount.currency"),
        (json!({"currency": "brl", "value": 10}), "amount.currency"),
        (json!({"currency": "BRL", "value": 0.001}), "amount.value"),
        (json!({"currency": "JPY", "value": 1.5}), "amount.value"),
        (json!({"currency": "BRL", "value": 0}), "amount.value"),
        (json!({"currency": "BRL", "value": -5}), "amount.value"),
        (json!({"currency": "BRL", "value": 1e13}), "amount.value"),
    ];
    for (amount, field) in cases {
        let mut body = sb.session_body("BR", None, None);
        body["amount"] = amount.clone();
        let (s, e) = sb
            .secret(Method::POST, "/v1/checkout/sessions", Some(body))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{amount}: {e}");
        assert_eq!(e["field"], field, "{amount}: {e}");
    }
    // What the currencies allow is accepted: 3 decimals of a dinar, whole yen, cents of reais.
    for amount in [
        json!({"currency": "KWD", "value": 1.125}),
        json!({"currency": "JPY", "value": 1500}),
        json!({"currency": "BRL", "value": 0.01}),
    ] {
        let mut body = sb.session_body("BR", None, None);
        body["amount"] = amount.clone();
        let (s, e) = sb
            .secret(Method::POST, "/v1/checkout/sessions", Some(body))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{amount}: {e}");
    }
    // A BR session is not paid as MX.
    let session = sb.session("BR", None, None).await;
    let mut body = sb.payment_body(&session, &sb.token(&session, VISA_OK).await);
    body["country"] = json!("MX");
    let (s, e) = sb.create_payment(body).await;
    assert_eq!(
        (s, e["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("country")),
        "{e}"
    );
}

/// `GET …/payment-methods` of `session`, as the browser reads it.
async fn payment_methods(sb: &Sandbox, session: &str) -> Value {
    let path = format!("/v1/checkout/sessions/{session}/payment-methods");
    sb.call(Method::GET, &path, Keys::Public, None, None)
        .await
        .1
}

/// `POST …/token` of `session` with `body`, as the browser sends it.
async fn token_request(sb: &Sandbox, session: &str, body: Value) -> (StatusCode, Value) {
    let path = format!("/v1/checkout/sessions/{session}/token");
    sb.call(Method::POST, &path, Keys::Public, Some(body), None)
        .await
}

/// A token for `number` asking for `card.type` `asked` (none: no `type`) on a fresh session.
async fn typed_token(
    sb: &Sandbox,
    session: &str,
    number: &str,
    asked: Option<&str>,
) -> (StatusCode, Value) {
    let mut card = json!({"number": number, "expiration_month": 12, "expiration_year": 2030, "security_code": "123"});
    if let Some(t) = asked {
        card["type"] = json!(t);
    }
    sb.call(
        Method::POST,
        &format!("/v1/checkout/sessions/{session}/token"),
        Keys::Public,
        Some(json!({"payment_method": {"type": "CARD", "card": card}})),
        Some(&uuid::Uuid::new_v4().to_string()),
    )
    .await
}

#[tokio::test]
async fn cards_are_charged_as_credit_or_debit_as_asked_and_as_they_can_be() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let combo = "5500000000000004";
    let debit = "4000056655665556";
    for (number, asked, charged) in [
        (VISA_OK, None, "CREDIT"),
        (VISA_OK, Some("CREDIT"), "CREDIT"),
        (debit, None, "DEBIT"),
        ("5200828282828210", Some("DEBIT"), "DEBIT"),
        // A combo card is debit unless asked for credit (Yuno's isCreditCardProcessingOnly).
        (combo, None, "DEBIT"),
        (combo, Some("CREDIT"), "CREDIT"),
    ] {
        let session = sb.session("BR", None, None).await;
        let (s, tok) = typed_token(&sb, &session, number, asked).await;
        assert_eq!(s, StatusCode::CREATED, "{tok}");
        assert_eq!(tok["card_data"]["type"], charged, "{number} {asked:?}");
        let (_, pay) = sb.pay(&session, tok["token"].as_str().unwrap()).await;
        assert_eq!(pay["status"], "SUCCEEDED", "{pay}");
        assert_eq!(pay["payment_method"]["card_data"]["type"], charged, "{pay}");
    }

    // A debit card cannot be charged as credit; a credit card not as debit.
    for (number, asked) in [(debit, "CREDIT"), (VISA_OK, "DEBIT")] {
        let session = sb.session("BR", None, None).await;
        let (s, v) = typed_token(&sb, &session, number, Some(asked)).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (
                Some("UNSUPPORTED_CARD_TYPE"),
                Some("payment_method.card.type")
            ),
            "{v}"
        );
        assert!(!v.to_string().contains(number), "{v}");
    }
    let session = sb.session("BR", None, None).await;
    let (s, v) = typed_token(&sb, &session, VISA_OK, Some("credit")).await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("payment_method.card.type")),
        "{v}"
    );
    assert_eq!(
        v["messages"][0],
        "`payment_method.card.type` must be CREDIT or DEBIT"
    );

    // Installments are credit's: a combo card in three is charged as credit unasked, and not
    // at all asked for debit; a debit card is offered none.
    let session = sb.session("BR", None, None).await;
    let installments = |asked: Option<&str>| {
        let mut card = json!({"number": combo, "expiration_month": 12, "expiration_year": 2030,
            "security_code": "123", "installment": {"value": 3}});
        if let Some(t) = asked {
            card["type"] = json!(t);
        }
        json!({"payment_method": {"type": "CARD", "card": card}})
    };
    let path = format!("/v1/checkout/sessions/{session}/token");
    let (s, tok) = sb
        .call(
            Method::POST,
            &path,
            Keys::Public,
            Some(installments(None)),
            None,
        )
        .await;
    assert_eq!(
        (s, &tok["card_data"]["type"]),
        (StatusCode::CREATED, &json!("CREDIT")),
        "{tok}"
    );
    let (s, v) = sb
        .call(
            Method::POST,
            &path,
            Keys::Public,
            Some(installments(Some("DEBIT"))),
            None,
        )
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("payment_method.card.installment.value")
        ),
        "{v}"
    );
    let (_, offer) = sb
        .call(
            Method::GET,
            &format!("/v1/checkout/sessions/{session}/installments?iin=40000566"),
            Keys::Public,
            None,
            None,
        )
        .await;
    assert_eq!(offer["installments"], json!([]), "{offer}");

    // A saved combo card is charged as it was saved (debit, here), unless its token asks
    // otherwise.
    let customer = sb.customer("combo-shopper").await;
    let first = sb.session("BR", Some(&customer), None).await;
    let (_, tok) = sb.card_token(&first, combo, "123", true).await;
    let (_, pay) = sb.pay(&first, tok["token"].as_str().unwrap()).await;
    let vaulted = pay["payment_method"]["vaulted_token"]
        .as_str()
        .unwrap()
        .to_owned();
    for (asked, charged) in [(None, "DEBIT"), (Some("CREDIT"), "CREDIT")] {
        let session = sb.session("BR", Some(&customer), None).await;
        let mut method = json!({"type": "CARD", "vaulted_token": vaulted});
        if let Some(t) = asked {
            method["card"] = json!({"type": t});
        }
        let (s, tok) = sb
            .call(
                Method::POST,
                &format!("/v1/checkout/sessions/{session}/token"),
                Keys::Public,
                Some(json!({"payment_method": method})),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{tok}");
        assert_eq!(tok["card_data"]["type"], charged, "{asked:?}");
    }
}

#[tokio::test]
async fn a_card_saved_as_credit_stays_credit() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let customer = sb.customer("credit-shopper").await;
    let first = sb.session("BR", Some(&customer), None).await;
    let (s, tok) = token_request(
        &sb,
        &first,
        json!({"payment_method": {"type": "CARD", "card": {"number": "5500000000000004",
                "expiration_month": 12, "expiration_year": 2030, "security_code": "123",
                "type": "CREDIT"}}, "save": true}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{tok}");
    let (_, pay) = sb.pay(&first, tok["token"].as_str().unwrap()).await;
    assert_eq!(pay["status"], "SUCCEEDED", "{pay}");

    // The payment-methods list says what it was saved as; its next token is charged so.
    let second = sb.session("BR", Some(&customer), None).await;
    let methods = payment_methods(&sb, &second).await;
    assert_eq!(methods[0]["card_data"]["type"], "CREDIT", "{methods}");
    let vaulted = methods[0]["vaulted_token"].as_str().unwrap();
    let (s, tok) = token_request(
        &sb,
        &second,
        json!({"payment_method": {"type": "CARD", "vaulted_token": vaulted}}),
    )
    .await;
    assert_eq!(
        (s, &tok["card_data"]["type"]),
        (StatusCode::CREATED, &json!("CREDIT")),
        "{tok}"
    );
}
