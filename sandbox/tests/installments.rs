//! Installments over real HTTP: the options a card gets for a session (Yuno's
//! `FullInstallmentsInfo`), the choice carried by the token, refused when not offered, and
//! shown on the payment with its price.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn options(sb: &Sandbox, session: &str, iin: &str) -> (StatusCode, Value) {
    let path = format!("/v1/checkout/sessions/{session}/installments?iin={iin}");
    sb.call(Method::GET, &path, Keys::Public, None, None).await
}

async fn card_token(sb: &Sandbox, session: &str, installment: Value) -> (StatusCode, Value) {
    let body = json!({"payment_method": {"type": "CARD", "card": {
        "number": "4111111111111111", "expiration_month": 12, "expiration_year": 2030,
        "security_code": "123", "installment": installment}}});
    let path = format!("/v1/checkout/sessions/{session}/token");
    sb.call(Method::POST, &path, Keys::Public, Some(body), None)
        .await
}

#[tokio::test]
async fn a_card_is_offered_its_plan_and_the_choice_reaches_the_payment_priced() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await; // BRL 100.50

    let (s, v) = options(&sb, &session, "411111").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["id"], "sandbox-br");
    let counts: Vec<u64> = v["installments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["installment"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [1, 2, 3, 6, 12]);
    let three = &v["installments"][2];
    assert_eq!(
        three["amount"],
        json!({"currency": "BRL", "value": "33.50", "total_value": "100.50"})
    );
    assert_eq!(three["interest_free"], true);
    // With interest: 100.50 × 1.1699 = 117.57, in 12 of 9.80 (rounded up).
    let twelve = &v["installments"][4];
    assert_eq!(twelve["amount"]["total_value"], "117.57");
    assert_eq!(twelve["amount"]["value"], "9.80");
    assert_eq!(twelve["interest_free"], false);

    // Not an IIN: named.
    let (s, v) = options(&sb, &session, "41x").await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("iin")),
        "{v}"
    );
    // A country without a plan: a single payment only.
    let us = sb.session("US", None, None).await;
    let (s, v) = options(&sb, &us, "411111").await;
    assert_eq!(
        (s, v["installments"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(0)),
        "{v}"
    );
    assert_eq!(v["id"], "", "Yuno's `id` is a string");

    // Four is not offered; another plan's id is not this card's.
    let (s, v) = card_token(&sb, &session, json!({"value": 4})).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "payment_method.card.installment.value");
    let (s, v) = card_token(&sb, &session, json!({"id": "another-plan", "value": 3})).await;
    assert_eq!(v["field"], "payment_method.card.installment.id", "{s} {v}");
    // Not a card: installments do not apply.
    let body = json!({"payment_method": {"type": "PIX", "card": {"installment": {"value": 3}}}});
    let path = format!("/v1/checkout/sessions/{session}/token");
    let (s, v) = sb
        .call(Method::POST, &path, Keys::Public, Some(body), None)
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "payment_method.card.installment");

    // Three, interest-free: the payment shows Yuno's `card.installments` and the price.
    let (s, v) = card_token(&sb, &session, json!({"id": "sandbox-br", "value": 3})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let token = v["token"].as_str().unwrap().to_owned();
    let (s, payment) = sb.pay(&session, &token).await;
    assert_eq!(s, StatusCode::CREATED, "{payment}");
    assert_eq!(payment["status"], "SUCCEEDED");
    let card = &payment["payment_method"]["payment_method_detail"]["card"];
    assert_eq!(card["installments"], 3, "{payment}");
    assert_eq!(card["installment_plan"]["id"], "sandbox-br");
    assert_eq!(card["installment_plan"]["amount"]["value"], "33.50");
    // The payment's amount stays the session's.
    assert_eq!(payment["amount"]["value"], 100.5);
}

#[tokio::test]
async fn plans_come_from_a_file_in_yunos_shape() {
    let dir = data_dir();
    let file = dir.path().join("plans.json");
    let plans = json!([{
        "id": "visa-promo", "name": "Visa promo", "country_code": "BR", "brand": ["VISA"],
        "installments_plan": [{"installment": 10, "rate": 1}],
        "amount": {"currency": "BRL", "min_value": 50}
    }, {
        // As Yuno's own example writes a plan: `brand` and `iin` null, financial costs.
        "id": "co-plan", "name": "plan_007", "country_code": "CO", "brand": null, "iin": null,
        "installments_plan": [{"installment": 1, "rate": 1}, {"installment": 3, "rate": 1,
            "financial_costs": [{"type": "CFT", "rate": 45.25}]}],
        "amount": {"currency": "COP", "min_value": 0, "max_value": 100000000}
    }]);
    std::fs::write(&file, plans.to_string()).unwrap();
    let sb = Sandbox::start(dir.path(), &["--installments-file", file.to_str().unwrap()]).await;
    let session = sb.session("BR", None, None).await;
    let (_, visa) = options(&sb, &session, "411111").await;
    assert_eq!(visa["id"], "visa-promo");
    assert_eq!(
        visa["installments"][1]["amount"]["value"], "10.05",
        "{visa}"
    );
    // Not a Visa: no plan in this file.
    let (_, master) = options(&sb, &session, "555555").await;
    assert_eq!(master["installments"], json!([]), "{master}");
    // Per card: not for a cache.
    let res = reqwest::Client::new()
        .get(format!(
            "{}/v1/checkout/sessions/{session}/installments?iin=411111",
            sb.api
        ))
        .header("public-api-key", &sb.public_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["cache-control"], "no-store");
}
