//! The payer's identity document over real HTTP: the token endpoint and the payment check it
//! with the secure frame's engine (`checkout-document`), name the field without echoing the
//! number, and the payment shows it where Yuno's does (`customer_payer.document`).

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// A PIX token request carrying `document` as the payer's.
async fn token_with(sb: &Sandbox, session: &str, document: Value) -> (StatusCode, Value) {
    let body = json!({"payment_method": {"type": "PIX"}, "customer_payer": {"document": document}});
    let path = format!("/v1/checkout/sessions/{session}/token");
    sb.call(Method::POST, &path, Keys::Public, Some(body), None)
        .await
}

#[tokio::test]
async fn a_document_is_checked_at_the_token_and_the_payment_and_shown_on_the_payment() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;

    // A CPF with a wrong check digit: 400 naming the number's field, and not repeating it.
    let bad = json!({"document_type": "CPF", "document_number": "111.444.777-36"});
    let (s, v) = token_with(&sb, &session, bad).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "customer_payer.document.document_number");
    assert!(
        v["messages"][0].as_str().unwrap().contains("check digit"),
        "{v}"
    );
    assert!(!v.to_string().contains("444"), "{v}");
    // A document of another country.
    let chilean = json!({"document_type": "RUT", "document_number": "12.345.678-5"});
    let (s, v) = token_with(&sb, &session, chilean).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "customer_payer.document.document_type");
    assert!(
        v["messages"][0].as_str().unwrap().contains("CPF, CNPJ"),
        "{v}"
    );
    // Too short.
    let short = json!({"document_type": "CPF", "document_number": "111.444"});
    let (s, v) = token_with(&sb, &session, short).await;
    assert_eq!(
        (s, v["field"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("customer_payer.document.document_number")
        )
    );
    assert!(
        v["messages"][0].as_str().unwrap().contains("too short"),
        "{v}"
    );

    // A valid one, as typed: the payment made with the token shows it normalised.
    let cpf = json!({"document_type": "CPF", "document_number": "111.444.777-35"});
    let (s, v) = token_with(&sb, &session, cpf).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let token = v["token"].as_str().unwrap().to_owned();
    let (s, payment) = sb.pay(&session, &token).await;
    assert_eq!(s, StatusCode::CREATED, "{payment}");
    assert_eq!(
        payment["customer_payer"]["document"],
        json!({"document_type": "CPF", "document_number": "11144477735"})
    );
    let id = payment["id"].as_str().unwrap();
    let (_, read) = sb
        .secret(Method::GET, &format!("/v1/payments/{id}"), None)
        .await;
    assert_eq!(
        read["customer_payer"]["document"]["document_number"],
        "11144477735"
    );

    // The merchant may give the payer's document with the payment: checked against the
    // payment's country too, and it is what the payment shows.
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, "4242424242424242").await;
    let mut body = sb.payment_body(&session, &token);
    body["customer_payer"] =
        json!({"document": {"document_type": "CNPJ", "document_number": "11.222.333/0001-80"}});
    let (s, v) = sb.create_payment(body.clone()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "customer_payer.document.document_number");
    body["customer_payer"] =
        json!({"document": {"document_type": "CNPJ", "document_number": "11.222.333/0001-81"}});
    let (s, v) = sb.create_payment(body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["status"], "SUCCEEDED");
    assert_eq!(
        v["customer_payer"]["document"]["document_number"],
        "11222333000181"
    );
}
