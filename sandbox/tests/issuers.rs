//! Issuers over real HTTP: Yuno's `GET /v1/issuers` (PSE's banks for a Colombian session, an
//! empty list for other methods, the same 400s, 401 and 404 as the other browser endpoints),
//! the bank carried by a PSE token (`payment_method.detail.issuer_id`), refused when it is not
//! the method's, and named on the payment and on the bank's page.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// `GET /v1/issuers` with `query` and the public key.
async fn issuers(sb: &Sandbox, query: &str) -> (StatusCode, Value) {
    let path = format!("/v1/issuers?{query}");
    sb.call(Method::GET, &path, Keys::Public, None, None).await
}

/// A token for method `kind` with `detail` (Yuno's `payment_method.detail`).
async fn token_with(
    sb: &Sandbox,
    session: &str,
    kind: &str,
    detail: Value,
    idem: Option<&str>,
) -> (StatusCode, Value) {
    let body = json!({"payment_method": {"type": kind, "detail": detail}});
    let path = format!("/v1/checkout/sessions/{session}/token");
    sb.call(Method::POST, &path, Keys::Public, Some(body), idem)
        .await
}

/// The payment made with `token` in a Colombian session.
async fn pay_in_colombia(sb: &Sandbox, session: &str, token: &str) -> Value {
    let mut body = sb.payment_body(session, token);
    body["country"] = json!("CO");
    let (s, payment) = sb.create_payment(body).await;
    assert_eq!(s, StatusCode::CREATED, "{payment}");
    payment
}

/// The HTML of the page at `url` (a JSON string).
async fn page(url: &Value) -> String {
    reqwest::get(url.as_str().unwrap())
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn pse_lists_its_banks_and_other_methods_none() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("CO", None, None).await;

    let (s, v) = issuers(
        &sb,
        &format!("checkout_session={session}&country_code=CO&payment_method=PSE"),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let list = v["issuers"].as_array().expect("an `issuers` array");
    assert_eq!(list.len(), 10, "{v}");
    assert_eq!(list[0], json!({"id": "1051", "name": "BANCO DAVIVIENDA"}));
    assert!(list.contains(&json!({"id": "1007", "name": "BANCOLOMBIA"})));
    assert!(list.contains(&json!({"id": "1001", "name": "BANCO DE BOGOTÁ"})));
    let names: Vec<&str> = list.iter().filter_map(|i| i["name"].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "sorted by name for display");
    // `country_code` is optional.
    let (s, same) = issuers(
        &sb,
        &format!("checkout_session={session}&payment_method=PSE"),
    )
    .await;
    assert_eq!((s, &same), (StatusCode::OK, &v));

    // A method without issuers, and one not enabled in Colombia: an empty list.
    for kind in ["CARD", "NEQUI", "PIX", "NOT_A_METHOD"] {
        let (s, v) = issuers(
            &sb,
            &format!("checkout_session={session}&payment_method={kind}"),
        )
        .await;
        assert_eq!((s, v), (StatusCode::OK, json!({"issuers": []})), "{kind}");
    }
    // PSE's banks are Colombian: a Brazilian session has none, even asked for PSE.
    let br = sb.session("BR", None, None).await;
    let (s, v) = issuers(&sb, &format!("checkout_session={br}&payment_method=PSE")).await;
    assert_eq!((s, v), (StatusCode::OK, json!({"issuers": []})));
}

#[tokio::test]
async fn issuers_refuse_as_the_other_browser_endpoints() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("CO", None, None).await;

    for (query, field) in [
        ("payment_method=PSE".to_owned(), "checkout_session"),
        (
            "checkout_session=&payment_method=PSE".to_owned(),
            "checkout_session",
        ),
        (format!("checkout_session={session}"), "payment_method"),
        (
            format!("checkout_session={session}&country_code=BR&payment_method=PSE"),
            "country_code",
        ),
    ] {
        let (s, v) = issuers(&sb, &query).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{query}: {v}");
        assert_eq!(
            (v["code"].as_str(), v["field"].as_str()),
            (Some("INVALID_REQUEST"), Some(field)),
            "{query}: {v}"
        );
        assert!(v["messages"][0].as_str().unwrap().contains(field), "{v}");
    }

    // A parameter given twice: the usual error shape naming it, not axum's plain text.
    let (s, v) = issuers(
        &sb,
        "checkout_session=a&checkout_session=b&payment_method=PSE",
    )
    .await;
    assert_eq!(
        (s, v["code"].as_str(), v["field"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("INVALID_REQUEST"),
            Some("checkout_session")
        ),
        "{v}"
    );
    assert_eq!(
        v["messages"][0], "`checkout_session` must be given once",
        "{v}"
    );

    // An unknown session: the same 404 as its payment methods.
    let (s, v) = issuers(&sb, "checkout_session=no-such-session&payment_method=PSE").await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");
    assert_eq!(v["code"], "CHECKOUT_SESSION_NOT_FOUND");

    // No key, or a wrong one: 401.
    let path = format!("/v1/issuers?checkout_session={session}&payment_method=PSE");
    let (s, v) = sb.call(Method::GET, &path, Keys::None, None, None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("UNAUTHORIZED"))
    );
    let res = reqwest::Client::new()
        .get(format!("{}{path}", sb.api))
        .header("public-api-key", "pk_wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Called from the merchant's page: CORS for any origin.
    let res = reqwest::Client::new()
        .get(format!("{}{path}", sb.api))
        .header("public-api-key", &sb.public_key)
        .header("origin", "https://shop.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
}

#[tokio::test]
async fn a_pse_token_carries_the_bank_to_the_payment_and_its_page() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("CO", None, None).await;

    let (s, v) = token_with(&sb, &session, "PSE", json!({"issuer_id": "1007"}), None).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let payment = pay_in_colombia(&sb, &session, v["token"].as_str().unwrap()).await;
    let method = &payment["payment_method"];
    let transfer = &method["payment_method_detail"]["bank_transfer"];
    assert_eq!(transfer["bank_name"], "BANCOLOMBIA", "{payment}");
    assert!(transfer["redirect_url"].is_string(), "{payment}");
    assert_eq!(method["detail"], json!({"issuer_id": "1007"}), "{payment}");
    // As stored: the merchant's read shows the same.
    let id = payment["id"].as_str().unwrap();
    let (_, read) = sb
        .secret(Method::GET, &format!("/v1/payments/{id}"), None)
        .await;
    assert_eq!(
        read["payment_method"]["payment_method_detail"]["bank_transfer"]["bank_name"],
        "BANCOLOMBIA"
    );

    // The bank's page names the bank the shopper chose.
    let html = page(&transfer["redirect_url"]).await;
    assert!(html.contains("<p class=\"bank\">BANCOLOMBIA</p>"), "{html}");
    // Approved there (no return URL in this session): its last page is the same bank's.
    let done = reqwest::Client::new()
        .post(transfer["redirect_url"].as_str().unwrap())
        .header("content-type", "application/x-www-form-urlencoded")
        .body("action=approve")
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::OK);
    let html = done.text().await.unwrap();
    assert!(html.contains("<p class=\"bank\">BANCOLOMBIA</p>"), "{html}");
    let (_, paid) = sb
        .secret(Method::GET, &format!("/v1/payments/{id}"), None)
        .await;
    assert_eq!(paid["status"], "SUCCEEDED");
    assert_eq!(
        paid["payment_method"]["payment_method_detail"]["bank_transfer"]["bank_name"],
        "BANCOLOMBIA"
    );

    // Without a bank list (Yuno's `issuersFormEnable: false`): no bank, the page as before.
    let other = sb.session("CO", None, None).await;
    let payment = pay_in_colombia(&sb, &other, &sb.method_token(&other, "PSE").await).await;
    let transfer = &payment["payment_method"]["payment_method_detail"]["bank_transfer"];
    assert_eq!(transfer["bank_name"], Value::Null, "{payment}");
    assert_eq!(
        payment["payment_method"]["detail"],
        Value::Null,
        "{payment}"
    );
    let html = page(&transfer["redirect_url"]).await;
    assert!(
        html.contains("<p class=\"bank\">Sandbox Bank</p>"),
        "{html}"
    );
}

#[tokio::test]
async fn an_issuer_must_be_one_of_the_methods() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("CO", None, None).await;
    let field = "payment_method.detail.issuer_id";

    // Not one of PSE's banks.
    let (s, v) = token_with(&sb, &session, "PSE", json!({"issuer_id": "1552"}), None).await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some(field)),
        "{v}"
    );
    assert!(
        v["messages"][0]
            .as_str()
            .unwrap()
            .contains("is not one of PSE's issuers"),
        "{v}"
    );
    // Not a string.
    let (s, v) = token_with(&sb, &session, "PSE", json!({"issuer_id": 1007}), None).await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some(field)),
        "{v}"
    );

    // A method without issuers takes none.
    let (s, v) = token_with(&sb, &session, "NEQUI", json!({"issuer_id": "1007"}), None).await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some(field)),
        "{v}"
    );
    assert!(
        v["messages"][0]
            .as_str()
            .unwrap()
            .contains("is only for a method with issuers"),
        "{v}"
    );
    let body = json!({"payment_method": {"type": "CARD", "detail": {"issuer_id": "1007"}, "card": {
        "number": VISA_OK, "expiration_month": 12, "expiration_year": 2030, "security_code": "123"}}});
    let path = format!("/v1/checkout/sessions/{session}/token");
    let (s, v) = sb
        .call(Method::POST, &path, Keys::Public, Some(body), None)
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some(field)),
        "{v}"
    );

    // The idempotency key covers the choice: the same bank replays, another is a new request.
    let key = "pse-bank-1";
    let bank = |id: &str| json!({"issuer_id": id});
    let (s, first) = token_with(&sb, &session, "PSE", bank("1007"), Some(key)).await;
    assert_eq!(s, StatusCode::CREATED, "{first}");
    let (s, again) = token_with(&sb, &session, "PSE", bank("1007"), Some(key)).await;
    assert_eq!((s, &again["token"]), (StatusCode::CREATED, &first["token"]));
    let (s, v) = token_with(&sb, &session, "PSE", bank("1051"), Some(key)).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("IDEMPOTENCY_DUPLICATED"))
    );
}
