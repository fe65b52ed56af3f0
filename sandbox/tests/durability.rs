//! What must survive and what must never be written: restarts, webhook retries, and card data
//! in the database files and the logs.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn restart_between_token_and_payment_loses_nothing() {
    let dir = data_dir();
    let mut sb = Sandbox::start(dir.path(), &[]).await;
    let customer = sb.customer("restart-shopper").await;
    let session = sb.session("BR", Some(&customer), None).await;
    let (_, tok) = sb.card_token(&session, VISA_OK, "123", true).await;
    let token = tok["token"].as_str().unwrap().to_owned();
    let keys = (
        sb.public_key.clone(),
        sb.secret_key.clone(),
        sb.account_id.clone(),
    );
    sb.kill();

    let sb = Sandbox::start(dir.path(), &[]).await;
    assert_eq!(
        keys,
        (
            sb.public_key.clone(),
            sb.secret_key.clone(),
            sb.account_id.clone()
        ),
        "keys are kept"
    );
    let (s, pay) = sb.pay(&session, &token).await;
    assert_eq!(s, StatusCode::CREATED, "{pay}");
    assert_eq!(pay["status"], "SUCCEEDED");
    assert_eq!(pay["payment_method"]["card_data"]["lfd"], "1111");
    assert!(
        pay["payment_method"]["vaulted_token"].is_string(),
        "the card was decrypted and vaulted"
    );
}

#[derive(Clone)]
struct Receiver {
    calls: Arc<AtomicUsize>,
    accepted: Arc<Mutex<Vec<(String, Bytes)>>>,
}

async fn flaky(State(r): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let n = r.calls.fetch_add(1, Ordering::SeqCst);
    if n < 2 {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    let sig = headers
        .get("x-hmac-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    r.accepted.lock().unwrap().push((sig, body));
    StatusCode::OK
}

#[tokio::test]
async fn webhook_is_retried_until_accepted_and_signed() {
    let receiver = Receiver {
        calls: Arc::default(),
        accepted: Arc::default(),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(flaky))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = data_dir();
    // Scale Yuno's 5 min / 50 min schedule down to 0.15 s / 1.5 s.
    let sb = Sandbox::start(dir.path(), &["--webhook-backoff-scale", "0.0005"]).await;
    let session = sb.session("BR", None, Some(&url)).await;
    let token = sb.token(&session, VISA_OK).await;
    let (_, pay) = sb.pay(&session, &token).await;
    let id = pay["id"].as_str().unwrap().to_owned();

    let delivered = eventually(15, || async {
        receiver.accepted.lock().unwrap().first().cloned()
    })
    .await;
    let (signature, body) = delivered.expect("delivered once the receiver accepts");
    assert!(
        checkout_sandbox::webhooks::verify(&sb.webhook_secret, &body, &signature),
        "signature verifies"
    );
    let event: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(event["type_event"], "payment.purchase");
    assert_eq!(event["retry"], 2);
    // The id and time a receiver drops replays by are in the signed body.
    let event_id = event["id"].as_str().unwrap_or_default();
    assert!(event_id.starts_with("evt_"), "{event}");
    assert!(
        time::OffsetDateTime::parse(
            event["created_at"].as_str().unwrap_or_default(),
            &time::format_description::well_known::Rfc3339
        )
        .is_ok(),
        "{event}"
    );
    assert_eq!(event["data"]["payment"]["id"], id.as_str());

    // The receiver has the body before the sandbox has its answer: the last attempt is
    // recorded a moment later.
    let path = format!("/v1/payments/{id}/webhook-deliveries");
    let codes = eventually(5, || async {
        let (_, attempts) = sb.secret(Method::GET, &path, None).await;
        let codes: Vec<_> = attempts
            .as_array()?
            .iter()
            .map(|a| a["status_code"].clone())
            .collect();
        (codes.len() >= 3).then_some(codes)
    })
    .await
    .unwrap_or_default();
    assert_eq!(
        codes,
        [json!(503), json!(503), json!(200)],
        "every attempt is recorded"
    );
    // Delivered means done: no further calls.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(receiver.calls.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn queued_webhook_survives_a_restart() {
    let dir = data_dir();
    // Nothing listens on the callback yet: the first attempt fails and is retried later. The
    // port is found on a loopback address no other test binds, so no test running alongside
    // can take it before the receiver comes up.
    let listener = std::net::TcpListener::bind("127.0.0.86:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let url = format!("http://{addr}/hook");
    let mut sb = Sandbox::start(dir.path(), &["--webhook-backoff-scale", "0.002"]).await;
    let session = sb.session("BR", None, Some(&url)).await;
    let token = sb.token(&session, VISA_OK).await;
    let (_, pay) = sb.pay(&session, &token).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    sb.kill();

    let receiver = Receiver {
        calls: Arc::new(AtomicUsize::new(2)),
        accepted: Arc::default(),
    };
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(flaky))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let _sb = Sandbox::start(dir.path(), &["--webhook-backoff-scale", "0.002"]).await;
    let got = eventually(15, || async {
        receiver.accepted.lock().unwrap().first().cloned()
    })
    .await;
    let (_, body) = got.expect("the queued event is delivered after the restart");
    let event: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(event["data"]["payment"]["id"], pay["id"]);
}

#[tokio::test]
async fn card_numbers_and_cvcs_never_reach_the_database_files_or_the_logs() {
    let dir = data_dir();
    let mut sb = Sandbox::start(dir.path(), &[]).await;
    let customer = sb.customer("leak-check").await;
    // A distinctive CVC, so a match cannot be a coincidence.
    let cvc = "7391";
    let mut tokens = Vec::new();
    for (number, save) in [(AMEX_OK, true), (VISA_DECLINED, false)] {
        let session = sb.session("BR", Some(&customer), None).await;
        let (s, tok) = sb.card_token(&session, number, cvc, save).await;
        if number == AMEX_OK {
            assert_eq!(s, StatusCode::CREATED, "{tok}");
            let (_, pay) = sb.pay(&session, tok["token"].as_str().unwrap()).await;
            assert_eq!(pay["status"], "SUCCEEDED");
        } else {
            // Visa takes 3 digits: a 400 that must not echo the CVC either.
            assert_eq!(s, StatusCode::BAD_REQUEST);
            let (_, tok) = sb.card_token(&session, number, "739", false).await;
            tokens.push(tok["token"].as_str().unwrap().to_owned());
        }
    }
    // A bad number too: errors must not log it.
    let session = sb.session("BR", None, None).await;
    let _ = sb
        .card_token(&session, "4111111111111112", cvc, false)
        .await;
    // A payer's document collected with a token not yet used: the token keeps it sealed.
    let session = sb.session("BR", None, None).await;
    let body = json!({"payment_method": {"type": "PIX"},
        "customer_payer": {"document": {"document_type": "CPF", "document_number": "52998224725"}}});
    let path = format!("/v1/checkout/sessions/{session}/token");
    let (s, _) = sb
        .call(Method::POST, &path, Keys::Public, Some(body), None)
        .await;
    assert_eq!(s, StatusCode::CREATED);
    sb.kill();

    let mut files = 0;
    let mut saw_customer = false;
    for (path, bytes) in stored_bytes(dir.path()) {
        files += 1;
        saw_customer |= contains_isolated(&bytes, b"leak-check");
        for pan in [AMEX_OK, VISA_DECLINED, "4111111111111112"] {
            assert!(
                !contains_isolated(&bytes, pan.as_bytes()),
                "{path} holds a PAN in clear"
            );
        }
        assert!(
            !contains_isolated(&bytes, cvc.as_bytes()),
            "{path} holds the CVC in clear"
        );
        assert!(
            !contains_isolated(&bytes, b"52998224725"),
            "{path} holds an unused token's document in clear"
        );
    }
    assert!(files >= 2, "database files were checked");
    assert!(
        saw_customer,
        "the files read hold the data written (so the search above can fail)"
    );

    let log = without_timings(&sb.output());
    assert!(
        log.contains("POST") && log.contains("/token"),
        "logging was on: {log}"
    );
    for secret in [
        AMEX_OK,
        VISA_DECLINED,
        "4111111111111112",
        "3782 822463 10005",
        cvc,
        "739",
    ] {
        assert!(
            !contains_isolated(log.as_bytes(), secret.as_bytes()),
            "the log holds {secret}:\n{log}"
        );
    }
}

/// `log` without its timestamps and sqlx's `elapsed=…` fields: measured times are numbers
/// that may, by chance, read as a CVC (`elapsed=739.2µs`).
fn without_timings(log: &str) -> String {
    log.lines()
        .map(|line| {
            line.split(' ')
                .enumerate()
                .filter(|(i, word)| {
                    let timestamp = *i == 0 && word.starts_with(|c: char| c.is_ascii_digit());
                    !timestamp
                        && !word.starts_with("elapsed=")
                        && !word.starts_with("elapsed_secs=")
                })
                .map(|(_, word)| word)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn the_data_dir_and_its_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let parent = data_dir();
    let dir = parent.path().join("data");
    // SQLite's files, whichever database the suite runs on.
    let sb = Sandbox::start_sqlite(&dir, &[]).await;
    // A payment, so that the database has written through its WAL.
    let session = sb.session("BR", None, None).await;
    let token = sb.token(&session, "4111111111111111").await;
    let (status, _) = sb.pay(&session, &token).await;
    assert!(status.is_success());
    let mode = |name: &str| {
        std::fs::metadata(dir.join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(""), 0o700, "the data dir");
    for file in ["sandbox.db", "sandbox.db-wal", "sandbox.db-shm", "card.key"] {
        assert_eq!(mode(file), 0o600, "{file}");
    }
}

#[tokio::test]
async fn a_data_dir_that_is_not_the_sandboxs_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    // Someone's folder with their own files (`--data-dir .`): not locked down, only warned of.
    let parent = data_dir();
    let dir = parent.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // SQLite's files, whichever database the suite runs on.
    let sb = Sandbox::start_sqlite(&dir, &[]).await;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o755);
    assert_eq!(
        mode(&dir.join("sandbox.db")),
        0o600,
        "its own files are owner-only"
    );
    assert!(
        sb.output().contains("can be read by others"),
        "{}",
        sb.output()
    );
    // A database file planted as a link is refused, not followed.
    drop(sb);
    let other = data_dir();
    let linked = other.path().join("data");
    std::fs::create_dir(&linked).unwrap();
    let target = other.path().join("elsewhere");
    std::fs::write(&target, "not a database").unwrap();
    let target_mode = mode(&target);
    std::os::unix::fs::symlink(&target, linked.join("sandbox.db")).unwrap();
    let out = sqlite_command(&linked).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("may not be a link"));
    assert_eq!(mode(&target), target_mode, "the link's target is untouched");
}

/// A receiver that takes connections and never answers them, counting them.
async fn hanging_receiver() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let seen = Arc::new(AtomicUsize::new(0));
    let count = seen.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            held.push(socket);
        }
    });
    (url, seen)
}

#[tokio::test]
async fn a_hanging_receiver_delays_only_its_own_webhooks() {
    let (hanging, _) = hanging_receiver().await;
    let receiver = Receiver {
        // Past the two refusals `flaky` starts with: it accepts at once.
        calls: Arc::new(AtomicUsize::new(2)),
        accepted: Arc::default(),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let healthy = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(flaky))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = data_dir();
    let sb = Sandbox::start(dir.path(), &[]).await;
    for _ in 0..4 {
        let session = sb.session("BR", None, Some(&hanging)).await;
        let token = sb.token(&session, VISA_OK).await;
        sb.pay(&session, &token).await;
    }
    let session = sb.session("BR", None, Some(&healthy)).await;
    let token = sb.token(&session, VISA_OK).await;
    let paid_at = std::time::Instant::now();
    let (_, pay) = sb.pay(&session, &token).await;
    let got = eventually(10, || async {
        receiver.accepted.lock().unwrap().first().cloned()
    })
    .await;
    let waited = paid_at.elapsed();
    let (_, body) = got.expect("the healthy receiver gets its webhook");
    let event: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(event["data"]["payment"]["id"], pay["id"]);
    assert!(
        waited < std::time::Duration::from_secs(1),
        "4 events to a hanging receiver delayed another's by {waited:?}"
    );
}

#[tokio::test]
async fn an_attempt_cut_short_by_a_crash_is_recorded_after_the_restart() {
    let (hanging, seen) = hanging_receiver().await;
    let dir = data_dir();
    // Delivery timeout 1 s: the attempt's lease ends 6 s after it started.
    let flags = [
        "--webhook-timeout-ms",
        "1000",
        "--webhook-backoff-scale",
        "0.0005",
    ];
    let mut sb = Sandbox::start(dir.path(), &flags).await;
    let session = sb.session("BR", None, Some(&hanging)).await;
    let token = sb.token(&session, VISA_OK).await;
    let (_, pay) = sb.pay(&session, &token).await;
    let id = pay["id"].as_str().unwrap().to_owned();
    let started = eventually(5, || async {
        (seen.load(Ordering::SeqCst) > 0).then_some(())
    })
    .await;
    assert!(started.is_some(), "the first attempt reached the receiver");
    sb.kill();

    let sb = Sandbox::start(dir.path(), &flags).await;
    let path = format!("/v1/payments/{id}/webhook-deliveries");
    let first = eventually(15, || async {
        let (_, attempts) = sb.secret(Method::GET, &path, None).await;
        attempts.as_array()?.first().cloned()
    })
    .await
    .expect("the interrupted attempt is recorded");
    assert_eq!(first["attempt"], 1, "{first}");
    assert_eq!(
        first["error"],
        checkout_sandbox::webhooks::INTERRUPTED,
        "{first}"
    );
    // And the event is tried again, on the schedule.
    let again = eventually(15, || async {
        let (_, attempts) = sb.secret(Method::GET, &path, None).await;
        (attempts.as_array()?.len() >= 2).then_some(())
    })
    .await;
    assert!(
        again.is_some(),
        "the event is retried after the interruption"
    );
}

#[tokio::test]
async fn the_holder_name_is_never_in_clear_in_the_database_but_reaches_the_merchant() {
    let receiver = Receiver {
        calls: Arc::new(AtomicUsize::new(2)),
        accepted: Arc::default(),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(flaky))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = data_dir();
    let mut sb = Sandbox::start(dir.path(), &[]).await;
    let name = "Zephyrine Quillfeather";
    let customer = sb.customer("holder-check").await;
    let mut ids = Vec::new();
    // A new card (saved, so also vaulted) and a declined one.
    for number in [VISA_OK, VISA_DECLINED] {
        let session = sb.session("BR", Some(&customer), Some(&url)).await;
        let body = json!({
            "payment_method": {"type": "CARD", "card": {
                "number": number, "expiration_month": 12, "expiration_year": 2030,
                "security_code": "123", "holder_name": name}},
            "save": true,
        });
        let path = format!("/v1/checkout/sessions/{session}/token");
        let (s, tok) = sb
            .call(Method::POST, &path, Keys::Public, Some(body), None)
            .await;
        assert_eq!(s, StatusCode::CREATED, "{tok}");
        let (_, pay) = sb.pay(&session, tok["token"].as_str().unwrap()).await;
        assert_eq!(
            pay["payment_method"]["card_data"]["holder_name"], name,
            "{pay}"
        );
        ids.push(pay["id"].as_str().unwrap().to_owned());
    }
    // The merchant reads it back, and its webhook carries it, signed.
    let (_, read) = sb
        .secret(Method::GET, &format!("/v1/payments/{}", ids[0]), None)
        .await;
    assert_eq!(read["payment_method"]["card_data"]["holder_name"], name);
    let delivered = eventually(10, || async {
        receiver.accepted.lock().unwrap().first().cloned()
    })
    .await;
    let (_, body) = delivered.expect("a webhook is delivered");
    let event: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        event["data"]["payment"]["payment_method"]["card_data"]["holder_name"],
        name
    );
    sb.kill();

    let mut files = 0;
    for (path, bytes) in stored_bytes(dir.path()) {
        files += 1;
        assert!(
            !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
            "{path} holds the holder name in clear"
        );
    }
    assert!(files >= 2, "database files were checked");
}

#[tokio::test]
async fn an_instance_with_another_card_key_refuses_to_start() {
    let dir = data_dir();
    let first = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let sb = Sandbox::start(dir.path(), &["--card-key", first]).await;
    drop(sb);
    let other = "HxwdHhscGRoXGBUWExQREg8QDQ4LDAkKBwgFBgMEAQI=";
    let out = command(dir.path())
        .args(["--card-key", other])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("cannot open the card data this database already holds")
            && said.contains("same key"),
        "{said}"
    );
    // The right key still opens it.
    Sandbox::start(dir.path(), &["--card-key", first]).await;
}
