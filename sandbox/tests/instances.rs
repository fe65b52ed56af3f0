//! Two sandbox instances on one PostgreSQL database, the load split across both: the database,
//! not a process, keeps every invariant. One successful payment per session, a token pays once,
//! an idempotency key gives one payment whichever instance it reaches, the rate limits count
//! across instances, and every webhook is delivered, signed, even when one instance is killed
//! (SIGKILL) in the middle of a burst. Run by the PostgreSQL layer of `npm test`.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use common::*;
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// What a webhook receiver got: event id → (deliveries, last payment status), and whether
/// every signature checked out.
#[derive(Clone)]
struct Received {
    events: Arc<Mutex<HashMap<String, (usize, String)>>>,
    bad_signatures: Arc<Mutex<usize>>,
    secret: Arc<Mutex<String>>,
    /// While set, deliveries are held (not answered) until the gate opens.
    hold: Arc<std::sync::atomic::AtomicBool>,
    gate: Arc<tokio::sync::Semaphore>,
    /// Deliveries being held.
    held: Arc<std::sync::atomic::AtomicUsize>,
}

impl Received {
    fn new() -> Self {
        Self {
            events: Arc::default(),
            bad_signatures: Arc::default(),
            secret: Arc::default(),
            hold: Arc::default(),
            gate: Arc::new(tokio::sync::Semaphore::new(0)),
            held: Arc::default(),
        }
    }

    fn open(&self) {
        self.hold.store(false, Ordering::SeqCst);
        self.gate.add_permits(10_000);
    }
}

async fn receive(State(r): State<Received>, headers: HeaderMap, body: Bytes) -> AxumStatus {
    if r.hold.load(Ordering::SeqCst) {
        r.held.fetch_add(1, Ordering::SeqCst);
        let _ = r.gate.acquire().await.map(|p| p.forget());
    }
    let signature = headers
        .get("x-hmac-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let secret = r.secret.lock().unwrap().clone();
    if !checkout_sandbox::webhooks::verify(&secret, &body, signature) {
        *r.bad_signatures.lock().unwrap() += 1;
    }
    let event: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let id = event["id"].as_str().unwrap_or_default().to_owned();
    let status = event["data"]["payment"]["status"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut events = r.events.lock().unwrap();
    let entry = events.entry(id).or_insert((0, String::new()));
    entry.0 += 1;
    entry.1 = status;
    AxumStatus::OK
}

/// A webhook receiver on loopback; its URL.
async fn receiver(received: Received) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(received);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// The payment request for `token` in `session`, with `key` as its idempotency key.
async fn pay_with(sb: &Sandbox, session: &str, token: &str, key: &str) -> (StatusCode, Value) {
    sb.call(
        Method::POST,
        "/v1/payments",
        Keys::Secret,
        Some(sb.payment_body(session, token)),
        Some(key),
    )
    .await
}

#[tokio::test]
#[ignore = "needs PostgreSQL: the PostgreSQL layer of npm test runs it"]
async fn two_instances_on_one_database_keep_every_invariant_and_lose_no_webhook() {
    assert!(on_postgres().is_some(), "CW_TEST_POSTGRES names no server");
    let dir = data_dir();
    // One key for both (as the README says every instance must have), and short webhook
    // leases, so that the killed instance's claims run out within the test.
    let key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let flags = [
        "--card-key",
        key,
        "--webhook-timeout-ms",
        "3000",
        "--webhook-backoff-scale",
        "0.001",
    ];
    let a = Sandbox::start(dir.path(), &flags).await;
    let mut b = Sandbox::start(dir.path(), &flags).await;
    assert_eq!(
        a.public_key, b.public_key,
        "both serve the one development account"
    );
    let received = Received::new();
    *received.secret.lock().unwrap() = a.webhook_secret.clone();
    let hook = receiver(received.clone()).await;

    // Concurrent payments on shared sessions and tokens, split across the instances: per
    // session, two tokens (one made by each), each paid twice (once through each), at once.
    let mut sessions = Vec::new();
    for _ in 0..12 {
        let session = a.session("BR", None, Some(&hook)).await;
        let t1 = a.token(&session, VISA_OK).await;
        let t2 = b.token(&session, MC_OK).await;
        sessions.push((session, t1, t2));
    }
    let attempts = sessions.iter().flat_map(|(s, t1, t2)| {
        [(&a, s, t1), (&b, s, t1), (&a, s, t2), (&b, s, t2)].map(|(sb, s, t)| async move {
            let (status, body) = pay_with(sb, s, t, &uuid::Uuid::new_v4().to_string()).await;
            (s.clone(), t.clone(), status, body)
        })
    });
    let results = futures::future::join_all(attempts).await;
    let mut paid_by_session: HashMap<String, usize> = HashMap::new();
    let mut paid_by_token: HashMap<String, usize> = HashMap::new();
    for (session, token, status, body) in &results {
        if *status == StatusCode::CREATED && body["status"] == "SUCCEEDED" {
            *paid_by_session.entry(session.clone()).or_default() += 1;
            *paid_by_token.entry(token.clone()).or_default() += 1;
        } else {
            assert_eq!(*status, StatusCode::BAD_REQUEST, "{body}");
            let code = body["code"].as_str().unwrap_or_default();
            assert!(
                ["TOKEN_ALREADY_USED", "CHECKOUT_SESSION_ALREADY_PAID"].contains(&code),
                "{body}"
            );
        }
    }
    assert_eq!(paid_by_session.len(), sessions.len(), "every session paid");
    assert!(
        paid_by_session.values().all(|n| *n == 1),
        "{paid_by_session:?}"
    );
    assert!(paid_by_token.values().all(|n| *n == 1), "{paid_by_token:?}");

    // One idempotency key sent to both at once: one payment.
    let session = a.session("BR", None, Some(&hook)).await;
    let token = b.token(&session, VISA_OK).await;
    let key = uuid::Uuid::new_v4().to_string();
    let (ra, rb) = tokio::join!(
        pay_with(&a, &session, &token, &key),
        pay_with(&b, &session, &token, &key)
    );
    assert_eq!(
        (ra.0, rb.0),
        (StatusCode::CREATED, StatusCode::CREATED),
        "{ra:?} {rb:?}"
    );
    assert_eq!(ra.1["id"], rb.1["id"]);

    // The token limit of a session counts across instances.
    let session = a.session("BR", None, None).await;
    let mut refused = 0;
    for i in 0..24 {
        let sb = if i % 2 == 0 { &a } else { &b };
        let (s, _) = sb.card_token(&session, VISA_OK, "123", false).await;
        if s == StatusCode::TOO_MANY_REQUESTS {
            refused += 1;
        }
    }
    // The default is 20 per session: 4 of the 24 are refused, whichever instance got them.
    assert_eq!(refused, 4);

    // A burst across both, and B killed in the middle of it (SIGKILL), while it is delivering:
    // the receiver holds every delivery until B is dead.
    let mut burst = Vec::new();
    for _ in 0..30 {
        let session = a.session("BR", None, Some(&hook)).await;
        let token = a.token(&session, VISA_OK).await;
        burst.push((session, token));
    }
    received.hold.store(true, Ordering::SeqCst);
    let (to_a, to_b): (Vec<_>, Vec<_>) = burst.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    let via_a =
        futures::future::join_all(to_a.iter().map(|(_, (s, t))| async {
            pay_with(&a, s, t, &uuid::Uuid::new_v4().to_string()).await
        }));
    // B's answers, whatever they are (none once it is dead).
    let client = reqwest::Client::new();
    let via_b = async {
        let mut answered = 0;
        for (n, (_, (s, t))) in to_b.iter().enumerate() {
            if n == to_b.len() / 2 {
                // Each instance delivers two at a time to one receiver: four held means B
                // holds two events' leases.
                let both = eventually(10, || async {
                    (received.held.load(Ordering::SeqCst) >= 4).then_some(())
                });
                assert!(both.await.is_some(), "both instances are delivering");
                b.kill();
                received.open();
            }
            let request = client
                .post(format!("{}/v1/payments", b.api))
                .header("public-api-key", &b.public_key)
                .header("private-secret-key", &b.secret_key)
                .header("x-idempotency-key", uuid::Uuid::new_v4().to_string())
                .json(&b.payment_body(s, t))
                .timeout(Duration::from_secs(5))
                .send();
            if request.await.is_ok() {
                answered += 1;
            }
        }
        answered
    };
    let (from_a, answered_by_b) = tokio::join!(via_a, via_b);
    assert!(answered_by_b < to_b.len(), "B was killed mid-burst");
    assert!(
        from_a
            .iter()
            .all(|(s, v)| *s == StatusCode::CREATED && v["status"] == "SUCCEEDED"),
        "{from_a:?}"
    );

    // Whatever B answered or not: per session at most one success, and every payment that
    // succeeded has its webhook delivered (A takes over B's queue and its lapsed claims).
    let db = database(dir.path()).await;
    let paid: Vec<(String, i64)> = sqlx::query_as(
        "SELECT session_id, COUNT(*) FROM payments WHERE status = 'SUCCEEDED' GROUP BY session_id",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert!(paid.iter().all(|(_, n)| *n == 1), "{paid:?}");
    let events: Vec<(String,)> = sqlx::query_as("SELECT event_id FROM webhook_outbox")
        .fetch_all(&db)
        .await
        .unwrap();
    let expected: HashSet<String> = events.into_iter().map(|(e,)| e).collect();
    let delivered = eventually(30, || async {
        let got = received.events.lock().unwrap();
        expected.iter().all(|e| got.contains_key(e)).then_some(())
    })
    .await;
    let got = received.events.lock().unwrap().clone();
    let missing: Vec<_> = expected.iter().filter(|e| !got.contains_key(*e)).collect();
    assert!(
        delivered.is_some(),
        "{} of {} events never delivered: {missing:?}",
        missing.len(),
        expected.len()
    );
    assert_eq!(
        *received.bad_signatures.lock().unwrap(),
        0,
        "every webhook is signed"
    );
    assert!(got.values().all(|(_, status)| status == "SUCCEEDED"));

    // In the database, every event ends delivered, B's two attempts recorded as interrupted
    // (by A, once their leases ran out) and delivered again.
    let settled = eventually(30, || async {
        let (interrupted, undelivered): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM webhook_attempts WHERE error = $1),
                    (SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NULL)",
        )
        .bind(checkout_sandbox::webhooks::INTERRUPTED)
        .fetch_one(&db)
        .await
        .ok()?;
        (interrupted >= 2 && undelivered == 0).then_some(())
    })
    .await;
    assert!(
        settled.is_some(),
        "B's attempts were not taken over, or an event is left undelivered"
    );
    // Only the events B was delivering when it died came twice (receivers drop the copy by
    // its `id`).
    let got = received.events.lock().unwrap().clone();
    let twice = got.values().filter(|(n, _)| *n > 1).count();
    assert!(twice <= 2, "{twice} events delivered more than once");
    drop(a);
}
