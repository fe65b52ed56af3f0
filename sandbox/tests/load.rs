//! A bounded mixed load over loopback: 50 clients, at most 20,000 requests in all (66 checkouts
//! of 6 requests each per client: 19,800) or 120 s, whichever comes first, the sandbox's limits
//! off (`--no-rate-limits`, what a load test is for). Each client runs whole checkouts (session, methods, token, payment, a
//! second payment with the same token, the payment read). It must end with no 5xx, every
//! answer the one the flow expects, and the data consistent: one payment per token, at most
//! one success per session.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::json;

const CLIENTS: usize = 50;
const REQUESTS: usize = 20_000;
const DEADLINE: Duration = Duration::from_secs(120);
/// Requests per checkout.
const PER_CHECKOUT: usize = 6;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_mixed_load_ends_with_no_5xx_and_consistent_data() {
    let dir = data_dir();
    let sb = Arc::new(Sandbox::start(dir.path(), &["--no-rate-limits"]).await);
    let started = Instant::now();
    let clients = (0..CLIENTS).map(|c| {
        let sb = sb.clone();
        tokio::spawn(async move {
            let mut statuses: BTreeMap<&'static str, Vec<u16>> = BTreeMap::new();
            let mut paid = Vec::new();
            let checkouts = REQUESTS / CLIENTS / PER_CHECKOUT;
            for n in 0..checkouts {
                if started.elapsed() > DEADLINE {
                    break;
                }
                let mut note = |step: &'static str, s: StatusCode| {
                    statuses.entry(step).or_default().push(s.as_u16())
                };
                let body = sb.session_body("BR", None, None);
                let (s, v) = sb
                    .secret(Method::POST, "/v1/checkout/sessions", Some(body))
                    .await;
                note("session", s);
                let Some(session) = v["checkout_session"].as_str().map(str::to_owned) else {
                    continue;
                };
                let path = format!("/v1/checkout/sessions/{session}/payment-methods");
                let (s, _) = sb.call(Method::GET, &path, Keys::Public, None, None).await;
                note("methods", s);
                let card = if (c + n) % 3 == 0 {
                    VISA_DECLINED
                } else {
                    VISA_OK
                };
                let (s, v) = sb.card_token(&session, card, "123", false).await;
                note("token", s);
                let token = v["token"].as_str().unwrap_or_default().to_owned();
                let (s, pay) = sb.pay(&session, &token).await;
                note("payment", s);
                let (s, again) = sb.pay(&session, &token).await;
                note("second payment", s);
                let code = again["code"].as_str().unwrap_or_default();
                assert!(
                    code == "TOKEN_ALREADY_USED" || code == "CHECKOUT_SESSION_ALREADY_PAID",
                    "a token pays once: {again}"
                );
                let id = pay["id"].as_str().unwrap_or_default().to_owned();
                let (s, read) = sb
                    .secret(Method::GET, &format!("/v1/payments/{id}"), None)
                    .await;
                note("read", s);
                assert_eq!(read["status"], pay["status"], "read as created");
                paid.push((session, id, pay["status"].clone(), card));
            }
            (statuses, paid)
        })
    });
    let mut statuses: BTreeMap<&'static str, Vec<u16>> = BTreeMap::new();
    let mut paid = Vec::new();
    for client in clients {
        let (s, p) = client.await.expect("a client ran to its end");
        for (step, codes) in s {
            statuses.entry(step).or_default().extend(codes);
        }
        paid.extend(p);
    }
    let elapsed = started.elapsed();
    let total: usize = statuses.values().map(Vec::len).sum();
    let expected: BTreeMap<&str, u16> = [
        ("session", 201),
        ("methods", 200),
        ("token", 201),
        ("payment", 201),
        ("second payment", 400),
        ("read", 200),
    ]
    .into();
    for (step, codes) in &statuses {
        let wrong: Vec<_> = codes.iter().filter(|&&c| c != expected[step]).collect();
        assert!(
            wrong.is_empty(),
            "{step}: {} unexpected answers {wrong:?}",
            wrong.len()
        );
    }
    // Bounded in count and time; most of the work is done in it on any machine.
    assert!(total <= REQUESTS);
    assert!(
        total >= REQUESTS / 4,
        "only {total} requests in {elapsed:?}"
    );
    for (_, _, status, card) in &paid {
        let want = if *card == VISA_OK {
            "SUCCEEDED"
        } else {
            "DECLINED"
        };
        assert_eq!(status, &json!(want));
    }
    let sessions: std::collections::HashSet<_> = paid.iter().map(|p| &p.0).collect();
    assert_eq!(sessions.len(), paid.len(), "one payment per checkout");
    println!(
        "load: {total} requests from {CLIENTS} clients in {elapsed:.1?} ({:.0}/s), no 5xx",
        total as f64 / elapsed.as_secs_f64()
    );
}
