//! Card enrollment over real HTTP, in the steps Yuno's guide gives: the merchant creates a
//! customer session and registers `CARD`; the card form tokenizes in it; the card is saved
//! for the customer (or declined), and the browser reads the status and vaulted token.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// A customer session for a new customer in BR, with `CARD` registered (`READY_TO_ENROLL`).
async fn ready(sb: &Sandbox, shopper: &str) -> (String, String) {
    let customer = sb.customer(shopper).await;
    let body = json!({"account_id": sb.account_id, "customer_id": customer, "country": "BR"});
    let (s, v) = sb
        .secret(Method::POST, "/v1/customers/sessions", Some(body))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["customer_id"], customer.as_str());
    let session = v["customer_session"].as_str().unwrap().to_owned();
    let path = format!("/v1/customers/sessions/{session}/payment-methods");
    let body = json!({"account_id": sb.account_id, "payment_method_type": "CARD", "country": "BR"});
    let (s, v) = sb
        .call(
            Method::POST,
            &path,
            Keys::Secret,
            Some(body),
            Some("enroll-1"),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["status"], "READY_TO_ENROLL");
    assert_eq!(v["enrollment"]["session"], session.as_str());
    (session, customer)
}

/// The payment methods the browser is offered in `session`.
async fn methods(sb: &Sandbox, session: &str) -> Value {
    let path = format!("/v1/checkout/sessions/{session}/payment-methods");
    sb.call(Method::GET, &path, Keys::Public, None, None)
        .await
        .1
}

/// The session's enrollments as the browser reads them.
async fn enrollments(sb: &Sandbox, session: &str) -> Value {
    let path = format!("/v1/checkout/customers/sessions/{session}/payment-methods");
    let (s, v) = sb.call(Method::GET, &path, Keys::Public, None, None).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["payment_methods"].clone()
}

#[tokio::test]
async fn an_approved_card_is_enrolled_saved_for_the_customer_and_pays_later() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let (session, customer) = ready(&sb, "enrolling-shopper").await;

    // The form sees a card to enter, no amount, and no installments.
    let offered = methods(&sb, &session).await;
    let types: Vec<_> = offered
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].clone())
        .collect();
    assert_eq!(types, [json!("CARD")]);
    let (_, shown) = sb
        .call(
            Method::GET,
            &format!("/v1/checkout/sessions/{session}"),
            Keys::Public,
            None,
            None,
        )
        .await;
    assert_eq!(shown["amount"], Value::Null);

    let (s, token) = sb.card_token(&session, MC_OK, "123", false).await;
    assert_eq!(s, StatusCode::CREATED, "{token}");
    let vaulted = token["vaulted_token"]
        .as_str()
        .expect("a vaulted token")
        .to_owned();

    let list = enrollments(&sb, &session).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["status"], "ENROLLED");
    assert_eq!(list[0]["vaulted_token"], vaulted.as_str());
    assert_eq!(list[0]["card_data"]["lfd"], "4444");
    assert_eq!(list[0]["name"], "MASTERCARD ****4444");
    // The browser learns the brand and last four, not the IIN, expiry, account or customer.
    for hidden in [MC_OK, "555555", "2030", &sb.account_id, &customer] {
        assert!(!list.to_string().contains(hidden), "{hidden} in {list}");
    }
    // Registering again (the merchant's server retrying) leaves the enrollment as it is.
    let path = format!("/v1/customers/sessions/{session}/payment-methods");
    let body = json!({"account_id": sb.account_id, "payment_method_type": "CARD", "country": "BR"});
    let (s, again) = sb
        .call(
            Method::POST,
            &path,
            Keys::Secret,
            Some(body),
            Some("enroll-2"),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{again}");
    assert_eq!(again["status"], "ENROLLED");
    assert_eq!(again["vaulted_token"], vaulted.as_str());

    // The session enrolls one card; its token pays nothing.
    let (s, v) = sb.card_token(&session, VISA_OK, "123", false).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(v["code"], "CUSTOMER_SESSION_ALREADY_ENROLLED");
    let (s, v) = sb.pay(&session, token["token"].as_str().unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["code"], "CHECKOUT_SESSION_NOT_FOUND");

    // The customer's next checkout lists the card, and it pays.
    let checkout = sb.session("BR", Some(&customer), None).await;
    let offered = methods(&sb, &checkout).await;
    assert_eq!(offered[0]["vaulted_token"], vaulted.as_str());
    let body = json!({"payment_method": {"type": "CARD", "vaulted_token": vaulted}});
    let path = format!("/v1/checkout/sessions/{checkout}/token");
    let (s, tok) = sb
        .call(Method::POST, &path, Keys::Public, Some(body), None)
        .await;
    assert_eq!(s, StatusCode::CREATED, "{tok}");
    let (_, paid) = sb.pay(&checkout, tok["token"].as_str().unwrap()).await;
    assert_eq!(paid["status"], "SUCCEEDED", "{paid}");
}

#[tokio::test]
async fn a_declined_card_is_not_saved_and_the_shopper_may_try_another() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let (session, customer) = ready(&sb, "declined-enroller").await;

    let (s, token) = sb.card_token(&session, VISA_DECLINED, "123", false).await;
    assert_eq!(s, StatusCode::CREATED, "{token}");
    assert_eq!(token["vaulted_token"], Value::Null);
    assert_eq!(enrollments(&sb, &session).await[0]["status"], "DECLINED");
    let checkout = sb.session("BR", Some(&customer), None).await;
    let offered = methods(&sb, &checkout).await;
    assert!(
        offered
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["vaulted_token"].is_null()),
        "{offered}"
    );

    let (s, _) = sb.card_token(&session, VISA_OK, "123", false).await;
    assert_eq!(s, StatusCode::CREATED);
    let list = enrollments(&sb, &session).await;
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "one CARD enrollment: {list}"
    );
    assert_eq!(list[0]["status"], "ENROLLED");
}

#[tokio::test]
async fn customer_sessions_refuse_what_they_cannot_do_by_name() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let body = json!({"account_id": sb.account_id, "customer_id": "nobody", "country": "BR"});
    let (s, v) = sb
        .secret(Method::POST, "/v1/customers/sessions", Some(body))
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("CUSTOMER_NOT_FOUND")),
        "{v}"
    );

    let (session, _) = ready(&sb, "strict-enroller").await;
    let path = format!("/v1/customers/sessions/{session}/payment-methods");
    let pix = json!({"account_id": sb.account_id, "payment_method_type": "PIX", "country": "BR"});
    let (s, v) = sb
        .call(Method::POST, &path, Keys::Secret, Some(pix), Some("k2"))
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("payment_method_type")),
        "{v}"
    );
    let card = json!({"account_id": sb.account_id, "payment_method_type": "CARD", "country": "BR"});
    let (s, v) = sb
        .call(Method::POST, &path, Keys::Secret, Some(card), None)
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("X-Idempotency-Key")),
        "{v}"
    );

    // A method token in a customer session, or a checkout session read as one.
    let body = json!({"payment_method": {"type": "PIX"}});
    let (s, v) = sb
        .call(
            Method::POST,
            &format!("/v1/checkout/sessions/{session}/token"),
            Keys::Public,
            Some(body),
            None,
        )
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("payment_method")),
        "{v}"
    );
    let checkout = sb.session("BR", None, None).await;
    let path = format!("/v1/checkout/customers/sessions/{checkout}/payment-methods");
    let (s, v) = sb.call(Method::GET, &path, Keys::Public, None, None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("CUSTOMER_SESSION_NOT_FOUND")),
        "{v}"
    );
}

#[tokio::test]
async fn concurrent_cards_in_one_customer_session_save_one() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let (session, customer) = ready(&sb, "eager-enroller").await;
    let tries = (0..6).map(|_| sb.card_token(&session, VISA_OK, "123", false));
    let answers = futures::future::join_all(tries).await;
    let saved: Vec<_> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .collect();
    assert_eq!(saved.len(), 1, "{answers:?}");
    for (s, v) in answers.iter().filter(|(s, _)| *s != StatusCode::CREATED) {
        assert_eq!(
            (*s, v["code"].as_str()),
            (
                StatusCode::BAD_REQUEST,
                Some("CUSTOMER_SESSION_ALREADY_ENROLLED")
            )
        );
    }
    let checkout = sb.session("BR", Some(&customer), None).await;
    let offered = methods(&sb, &checkout).await;
    let cards = offered
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| !m["vaulted_token"].is_null())
        .count();
    assert_eq!(cards, 1, "{offered}");
}

#[tokio::test]
async fn declined_verifications_count_toward_the_session_decline_limit() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--limit-declines-per-session", "3"]).await;
    let (session, _) = ready(&sb, "card-tester").await;
    for _ in 0..3 {
        let (s, v) = sb.card_token(&session, VISA_DECLINED, "123", false).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let (s, v) = sb.card_token(&session, VISA_OK, "123", false).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("TOO_MANY_DECLINES")),
        "{v}"
    );
    assert_eq!(enrollments(&sb, &session).await[0]["status"], "DECLINED");
}
