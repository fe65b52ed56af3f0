//! After the payment, over HTTP: 3-D Secure (frictionless, challenge, cancelled, an issuer
//! that never answers), PIX, vouchers, transfers and redirects; the browser read of the
//! session's payment; every transition's webhook; final payments staying final.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const FRICTIONLESS: &str = "4000000000003063";
const CHALLENGE: &str = "4000000000003220";
const NEVER_ANSWERS: &str = "4000000000003246";

/// The browser read of the session's payment.
async fn read(sb: &Sandbox, session: &str) -> (StatusCode, Value) {
    let path = format!("/v1/checkout/sessions/{session}/payment");
    sb.call(Method::GET, &path, Keys::Public, None, None).await
}

/// A token for an alternative method, then its payment (in the session's `country`).
async fn pay_with(sb: &Sandbox, session: &str, country: &str, kind: &str) -> Value {
    let mut body = sb.payment_body(session, &sb.method_token(session, kind).await);
    body["country"] = json!(country);
    let (s, pay) = sb.create_payment(body).await;
    assert_eq!(s, StatusCode::CREATED, "{pay}");
    pay
}

/// The issuer's page of a payment waiting for 3-D Secure.
fn challenge_url(payment: &Value) -> &str {
    payment["payment_method"]["payment_method_detail"]["card"]["redirect_url"]
        .as_str()
        .expect("a challenge's redirect_url")
}

/// A form post from a sandbox page; returns status, `Location` and body.
async fn post_form(url: &str, fields: &str) -> (StatusCode, Option<String>, String) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(fields.to_owned())
        .send()
        .await
        .unwrap();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    (res.status(), location, res.text().await.unwrap())
}

/// The statuses the webhook receiver heard for payment `id` (sorted: delivery may overtake).
async fn heard(sb: &Sandbox, id: &str, until: &str) -> Vec<String> {
    eventually(10, || async {
        let events = sb.webhook_log().await?;
        let statuses: Vec<String> = events
            .as_array()?
            .iter()
            .map(|e| &e["event"]["data"]["payment"])
            .filter(|p| p["id"] == id)
            .map(|p| p["status"].as_str().unwrap_or_default().to_owned())
            .collect();
        let mut statuses = statuses;
        statuses.sort();
        statuses.iter().any(|s| s == until).then_some(statuses)
    })
    .await
    .unwrap_or_default()
}

#[tokio::test]
async fn frictionless_3ds_succeeds_with_nothing_to_show() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let (s, pay) = sb
        .pay(&session, &sb.token(&session, FRICTIONLESS).await)
        .await;
    assert_eq!(s, StatusCode::CREATED);
    assert_eq!(
        (
            pay["status"].as_str(),
            pay["checkout"]["sdk_action_required"].as_bool()
        ),
        (Some("SUCCEEDED"), Some(false))
    );
    let tds = &pay["payment_method"]["payment_method_detail"]["card"]["three_d_secure"];
    assert_eq!(
        (tds["pares_status"].as_str(), tds["has_challenge"].as_bool()),
        (Some("Y"), Some(false))
    );
    let (s, seen) = read(&sb, &session).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        (seen["status"].as_str(), &seen["action"]),
        (Some("SUCCEEDED"), &Value::Null)
    );
}

#[tokio::test]
async fn the_challenge_settles_once_by_its_code_with_a_webhook_each_change() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let receiver = format!("{}/webhooks", sb.merchant);
    let session = sb.session("BR", None, Some(&receiver)).await;

    // A wrong code declines.
    let (_, pay) = sb.pay(&session, &sb.token(&session, CHALLENGE).await).await;
    assert_eq!(
        (pay["status"].as_str(), pay["sub_status"].as_str()),
        (Some("PENDING"), Some("WAITING_ADDITIONAL_STEP"))
    );
    assert_eq!(pay["checkout"]["sdk_action_required"], true);
    let url = challenge_url(&pay).to_owned();
    let (s, seen) = read(&sb, &session).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        seen["action"],
        json!({"type": "THREE_D_SECURE", "url": url})
    );
    let text = serde_json::to_string(&seen).unwrap();
    assert!(
        !text.contains(CHALLENGE) && !text.contains("holder"),
        "the read carries no card data: {text}"
    );

    let page = reqwest::get(format!("{url}?lang=pt-BR")).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("frame-ancestors *"),
        "{csp}"
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains("lang=\"pt\"") && html.contains("autocomplete=\"one-time-code\""),
        "{html}"
    );
    assert!(
        html.contains(checkout_words_pt_issuer_title()),
        "translated: {html}"
    );

    let (s, _, _) = post_form(&url, "action=confirm&code=9999&lang=en").await;
    assert_eq!(s, StatusCode::OK);
    let (_, seen) = read(&sb, &session).await;
    assert_eq!(
        (
            seen["status"].as_str(),
            seen["sub_status"].as_str(),
            &seen["action"]
        ),
        (
            Some("DECLINED"),
            Some("FAILED_AUTHENTICATION"),
            &Value::Null
        )
    );
    // Final stays final: the right code afterwards changes nothing.
    post_form(&url, "action=confirm&code=1234").await;
    let id = pay["id"].as_str().unwrap();
    let (_, now) = sb
        .secret(Method::GET, &format!("/v1/payments/{id}"), None)
        .await;
    assert_eq!(now["status"], "DECLINED");
    assert_eq!(
        now["payment_method"]["payment_method_detail"]["card"]["three_d_secure"]["pares_status"],
        "N"
    );
    assert_eq!(heard(&sb, id, "DECLINED").await, ["DECLINED", "PENDING"]);

    // Another card, the right code, racing answers: one success, one webhook for it.
    let (_, pay) = sb.pay(&session, &sb.token(&session, CHALLENGE).await).await;
    let url = challenge_url(&pay).to_owned();
    let racers = (0..8).map(|_| post_form(&url, "action=confirm&code=1234"));
    for (s, _, _) in futures::future::join_all(racers).await {
        assert_eq!(s, StatusCode::OK);
    }
    let (_, seen) = read(&sb, &session).await;
    assert_eq!(seen["status"], "SUCCEEDED");
    assert_eq!(
        heard(&sb, pay["id"].as_str().unwrap(), "SUCCEEDED").await,
        ["PENDING", "SUCCEEDED"]
    );
}

/// Portuguese's issuer title, as the page shows it.
fn checkout_words_pt_issuer_title() -> &'static str {
    checkout_i18n::Lang::Pt.pages().issuer_title
}

#[tokio::test]
async fn a_cancelled_challenge_and_an_issuer_that_never_answers() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let (_, pay) = sb.pay(&session, &sb.token(&session, CHALLENGE).await).await;
    let url = challenge_url(&pay).to_owned();
    post_form(&url, "action=cancel").await;
    let (_, seen) = read(&sb, &session).await;
    assert_eq!(
        (seen["status"].as_str(), seen["sub_status"].as_str()),
        (Some("CANCELED"), Some("CANCELLED_BY_USER"))
    );
    let (s, _, _) = post_form(&url, "action=steal").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    let (_, pay) = sb
        .pay(&session, &sb.token(&session, NEVER_ANSWERS).await)
        .await;
    let url = challenge_url(&pay);
    let html = reqwest::get(url).await.unwrap().text().await.unwrap();
    assert!(
        html.contains("aria-busy") && !html.contains("<form"),
        "{html}"
    );
    assert_eq!(read(&sb, &session).await.1["status"], "PENDING");
}

#[tokio::test]
async fn pix_shows_a_well_formed_br_code_and_expires_when_unpaid() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--action-ttl-secs", "1"]).await;
    let receiver = format!("{}/webhooks", sb.merchant);
    let session = sb.session("BR", None, Some(&receiver)).await;
    let pay = pay_with(&sb, &session, "BR", "PIX").await;
    let (_, seen) = read(&sb, &session).await;
    let action = &seen["action"];
    assert_eq!(action["type"], "QR");
    let code = action["code"].as_str().unwrap();
    assert!(
        code.starts_with("000201")
            && code.contains("br.gov.bcb.pix")
            && code.contains("5406100.50"),
        "{code}"
    );
    let crc =
        crc::Crc::<u16>::new(&crc::CRC_16_IBM_3740).checksum(&code.as_bytes()[..code.len() - 4]);
    assert_eq!(&code[code.len() - 8..], format!("6304{crc:04X}"));
    let qr = reqwest::get(action["image_url"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(qr.headers()["content-type"], "image/svg+xml");
    assert!(qr.text().await.unwrap().contains("<svg"));

    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (_, seen) = read(&sb, &session).await;
    assert_eq!(
        (seen["status"].as_str(), &seen["action"]),
        (Some("EXPIRED"), &Value::Null)
    );
    let id = pay["id"].as_str().unwrap();
    assert_eq!(heard(&sb, id, "EXPIRED").await, ["EXPIRED", "PENDING"]);
    // Completing an expired payment answers it as it is.
    let (_, done) = sb
        .secret(Method::POST, &format!("/v1/payments/{id}/complete"), None)
        .await;
    assert_eq!(done["status"], "EXPIRED");
}

#[tokio::test]
async fn vouchers_transfers_and_redirects() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("MX", None, None).await;
    pay_with(&sb, &session, "MX", "OXXO").await;
    let (_, seen) = read(&sb, &session).await;
    let voucher = &seen["action"];
    assert_eq!(voucher["type"], "VOUCHER");
    let reference = voucher["reference"].as_str().unwrap();
    let html = reqwest::get(voucher["url"].as_str().unwrap())
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(reference) && html.contains("barcode.svg"),
        "{html}"
    );
    let bars = reqwest::get(voucher["barcode_url"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(bars.headers()["content-type"], "image/svg+xml");

    let session = sb.session("MX", None, None).await;
    pay_with(&sb, &session, "MX", "SPEI").await;
    let transfer = read(&sb, &session).await.1["action"].clone();
    assert_eq!(transfer["type"], "BANK_TRANSFER");
    assert!(transfer["clabe"].as_str().unwrap().starts_with("646180"));

    // A bank's page sends the shopper back to the payment's `callback_url`.
    let session = sb.session("CO", None, None).await;
    let mut body = sb.payment_body(&session, &sb.method_token(&session, "PSE").await);
    body["country"] = json!("CO");
    body["callback_url"] = json!("https://shop.example/return?session=1");
    let (s, _) = sb.create_payment(body.clone()).await;
    assert_eq!(s, StatusCode::CREATED);
    let action = read(&sb, &session).await.1["action"].clone();
    assert_eq!(
        (action["type"].as_str(), action["method"].as_str()),
        (Some("REDIRECT"), Some("PSE"))
    );
    let url = action["url"].as_str().unwrap();
    let page = reqwest::get(url).await.unwrap();
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("form-action 'self' https://shop.example")
            && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    let (s, location, _) = post_form(url, "action=approve").await;
    assert_eq!(
        (s, location.as_deref()),
        (
            StatusCode::SEE_OTHER,
            Some("https://shop.example/return?session=1")
        )
    );
    assert_eq!(read(&sb, &session).await.1["status"], "SUCCEEDED");

    // A return URL with credentials, or not http(s), is refused by name.
    for bad in ["javascript:alert(1)", "https://user:pw@shop.example/"] {
        body["callback_url"] = json!(bad);
        let (s, e) = sb.create_payment(body.clone()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(
            e["messages"][0].as_str().unwrap().contains("callback_url"),
            "{e}"
        );
    }
}

#[tokio::test]
async fn the_browser_read_needs_the_key_and_a_payment() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let (s, e) = read(&sb, &session).await;
    assert_eq!(
        (s, e["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("PAYMENT_NOT_FOUND"))
    );
    let path = format!("/v1/checkout/sessions/{session}/payment");
    let (s, _) = sb.call(Method::GET, &path, Keys::None, None, None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = read(&sb, "00000000-0000-4000-8000-000000000000").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let res = reqwest::Client::new()
        .get(format!("{}{path}", sb.api))
        .header("origin", "https://any.example")
        .header("public-api-key", &sb.public_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
}

#[tokio::test]
async fn a_card_to_save_is_saved_once_its_challenge_succeeds() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let customer = sb.customer("challenge-saver").await;
    let first = sb.session("BR", Some(&customer), None).await;
    let (_, tok) = sb.card_token(&first, CHALLENGE, "123", true).await;
    let (_, pay) = sb.pay(&first, tok["token"].as_str().unwrap()).await;
    assert_eq!(
        (
            pay["status"].as_str(),
            &pay["payment_method"]["vaulted_token"]
        ),
        (Some("PENDING"), &Value::Null)
    );
    let url = challenge_url(&pay);
    post_form(url, "action=confirm&code=1234").await;
    let id = pay["id"].as_str().unwrap();
    let (_, paid) = sb
        .secret(Method::GET, &format!("/v1/payments/{id}"), None)
        .await;
    let vaulted = paid["payment_method"]["vaulted_token"]
        .as_str()
        .expect("saved on success");

    let second = sb.session("BR", Some(&customer), None).await;
    let path = format!("/v1/checkout/sessions/{second}/payment-methods");
    let (_, methods) = sb.call(Method::GET, &path, Keys::Public, None, None).await;
    assert_eq!(methods[0]["vaulted_token"], vaulted);
    assert_eq!(methods[0]["card_data"]["lfd"], "3220");
}

#[tokio::test]
async fn each_page_settles_only_its_own_step() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let session = sb.session("BR", None, None).await;
    let (_, card) = sb.pay(&session, &sb.token(&session, CHALLENGE).await).await;
    let id = card["id"].as_str().unwrap();
    // The bank's page, the merchant's "complete" cannot skip the challenge.
    let (s, _, body) = post_form(&format!("{}/sandbox/pay/{id}", sb.api), "action=approve").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("ACTION_NOT_PENDING"), "{body}");
    let (s, e) = sb
        .secret(Method::POST, &format!("/v1/payments/{id}/complete"), None)
        .await;
    assert_eq!(
        (s, e["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("ACTION_NOT_PENDING"))
    );
    // The issuer that never answers takes no answer either.
    let (_, never) = sb
        .pay(&session, &sb.token(&session, NEVER_ANSWERS).await)
        .await;
    let url = challenge_url(&never);
    let (s, _, _) = post_form(url, "action=confirm&code=1234").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    // A PIX payment's challenge page is no way to pay it.
    let pix = pay_with(&sb, &session, "BR", "PIX").await;
    let pix_id = pix["id"].as_str().unwrap();
    let (s, _, _) = post_form(
        &format!("{}/sandbox/3ds/{pix_id}", sb.api),
        "action=confirm&code=1234",
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(read(&sb, &session).await.1["status"], "PENDING");
}

#[tokio::test]
async fn pix_takes_reais_only() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    let mut body = sb.session_body("BR", None, None);
    body["amount"] = json!({"currency": "USD", "value": 10});
    let (_, s) = sb
        .secret(Method::POST, "/v1/checkout/sessions", Some(body))
        .await;
    let session = s["checkout_session"].as_str().unwrap();
    let mut pay = sb.payment_body(session, &sb.method_token(session, "PIX").await);
    pay["amount"] = json!({"currency": "USD", "value": 10});
    let (s, e) = sb.create_payment(pay).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    assert!(e["messages"][0].as_str().unwrap().contains("PIX"), "{e}");
}

/// Whether the token's sealed card (number and holder name) or CVC is still in the database.
async fn sealed_left(sb: &Sandbox, token: &str) -> bool {
    let pool = database(&sb.data_dir).await;
    let (card, cvc): (Option<Vec<u8>>, Option<Vec<u8>>) =
        sqlx::query_as("SELECT card, cvc FROM tokens WHERE token = $1")
            .bind(token)
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    card.is_some() || cvc.is_some()
}

#[tokio::test]
async fn sealed_card_data_is_deleted_once_the_payment_is_final_or_the_token_expires() {
    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &["--token-ttl-secs", "1"]).await;
    // Paid at once, declined at once: gone with the payment.
    for number in [VISA_OK, VISA_DECLINED] {
        let session = sb.session("BR", None, None).await;
        let token = sb.token(&session, number).await;
        assert!(sealed_left(&sb, &token).await, "sealed until used");
        sb.pay(&session, &token).await;
        assert!(
            !sealed_left(&sb, &token).await,
            "{number}: deleted with the payment"
        );
    }
    // Waiting for its challenge: kept (a card to save is saved when it succeeds), then gone.
    let customer = sb.customer("sealed-check").await;
    let session = sb.session("BR", Some(&customer), None).await;
    let (_, tok) = sb.card_token(&session, CHALLENGE, "123", true).await;
    let token = tok["token"].as_str().unwrap().to_owned();
    let (_, pay) = sb.pay(&session, &token).await;
    assert!(
        sealed_left(&sb, &token).await,
        "kept while the challenge waits"
    );
    post_form(challenge_url(&pay), "action=confirm&code=1234").await;
    assert!(
        !sealed_left(&sb, &token).await,
        "deleted once the challenge settled it"
    );
    let (_, methods) = sb
        .call(
            Method::GET,
            &format!("/v1/checkout/sessions/{session}/payment-methods"),
            Keys::Public,
            None,
            None,
        )
        .await;
    assert!(
        methods.to_string().contains("3220"),
        "the saved card lives on in the vault: {methods}"
    );
    // Never used: gone when it expires.
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, VISA_OK).await;
    let gone = eventually(10, || async {
        (!sealed_left(&sb, &token).await).then_some(())
    })
    .await;
    assert!(gone.is_some(), "an expired token's card data is deleted");
}
