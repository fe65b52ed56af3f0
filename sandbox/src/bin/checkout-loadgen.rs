//! `checkout-loadgen`: a bounded load generator for the sandbox, for `npm run bench`. It sends
//! a fixed number of requests (or stops at a time limit, whichever comes first) over a fixed
//! number of connections to a sandbox on loopback, and prints one JSON line: throughput, errors
//! and latency percentiles. It refuses any address that is not loopback.
//!
//! Scenarios: `token` (card tokens on one checkout session) and `payment` (payments, each on
//! its own session and token, made before the clock starts). Several `--api`s (instances on
//! one database) share the connections.

use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Scenario {
    Token,
    Payment,
}

/// A bounded load on a sandbox on loopback.
#[derive(Parser, Debug)]
struct Args {
    /// The sandbox's payment origin, e.g. http://127.0.0.1:8787 (loopback only). Given more
    /// than once (instances sharing one database), the connections are spread over them.
    #[arg(long, required = true)]
    api: Vec<String>,
    #[arg(long)]
    public_key: String,
    #[arg(long)]
    secret_key: String,
    #[arg(long)]
    account_id: String,
    #[arg(long, value_enum)]
    scenario: Scenario,
    /// Connections (each a client with its own connection).
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Requests in all.
    #[arg(long, default_value_t = 10_000)]
    requests: usize,
    /// The most the timed part may last, in seconds.
    #[arg(long, default_value_t = 30)]
    max_secs: u64,
}

struct Api {
    base: String,
    public_key: String,
    secret_key: String,
    account_id: String,
    http: reqwest::Client,
}

impl Api {
    async fn post(
        &self,
        path: &str,
        secret: bool,
        body: &Value,
        idem: Option<&str>,
    ) -> (u16, Value) {
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("public-api-key", &self.public_key)
            .json(body);
        if secret {
            req = req.header("private-secret-key", &self.secret_key);
        }
        if let Some(k) = idem {
            req = req.header("x-idempotency-key", k);
        }
        match req.send().await {
            Ok(r) => {
                let status = r.status().as_u16();
                (status, r.json().await.unwrap_or(Value::Null))
            }
            Err(_) => (0, Value::Null),
        }
    }

    async fn session(&self) -> Option<String> {
        let body = json!({
            "account_id": self.account_id, "merchant_order_id": "bench", "payment_description": "bench",
            "country": "BR", "amount": {"currency": "BRL", "value": 10.0},
        });
        let (_, v) = self.post("/v1/checkout/sessions", true, &body, None).await;
        v["checkout_session"].as_str().map(str::to_owned)
    }

    async fn token(&self, session: &str) -> (u16, Value) {
        let body = json!({"payment_method": {"type": "CARD", "card": {
            "number": "4111111111111111", "expiration_month": 12, "expiration_year": 2035,
            "security_code": "123"}}});
        self.post(
            &format!("/v1/checkout/sessions/{session}/token"),
            false,
            &body,
            None,
        )
        .await
    }

    async fn pay(&self, session: &str, token: &str) -> u16 {
        let body = json!({
            "account_id": self.account_id, "merchant_order_id": "bench", "description": "bench",
            "country": "BR", "amount": {"currency": "BRL", "value": 10.0},
            "checkout": {"session": session}, "payment_method": {"token": token},
        });
        let key = uuid::Uuid::new_v4().to_string();
        self.post("/v1/payments", true, &body, Some(&key)).await.0
    }
}

fn loopback(api: &str) -> bool {
    reqwest::Url::parse(api).is_ok_and(|u| match u.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    if !args.api.iter().all(|a| loopback(a)) {
        eprintln!("checkout-loadgen: --api must be a loopback address");
        std::process::exit(2);
    }
    // Connection `c` talks to instance `c mod n`.
    let api = |c: usize| Api {
        base: args.api[c % args.api.len()]
            .trim_end_matches('/')
            .to_owned(),
        public_key: args.public_key.clone(),
        secret_key: args.secret_key.clone(),
        account_id: args.account_id.clone(),
        http: reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .expect("an HTTP client"),
    };
    let per_conn = args.requests.div_ceil(args.connections.max(1));
    // Work made ready before the clock starts: one session for tokens, or a session and a
    // token per payment.
    let setup = api(0);
    let Some(shared) = setup.session().await else {
        eprintln!("checkout-loadgen: the sandbox did not create a session");
        std::process::exit(1);
    };
    let mut work: Vec<Vec<(String, String)>> = Vec::new();
    for _ in 0..args.connections {
        let mut mine = Vec::new();
        if matches!(args.scenario, Scenario::Payment) {
            for _ in 0..per_conn {
                let session = setup.session().await.unwrap_or_default();
                let (_, t) = setup.token(&session).await;
                mine.push((session, t["token"].as_str().unwrap_or_default().to_owned()));
            }
        }
        work.push(mine);
    }
    let deadline = Instant::now() + Duration::from_secs(args.max_secs);
    let started = Instant::now();
    let tasks = work.into_iter().enumerate().map(|(c, mine)| {
        let client = api(c);
        let shared = shared.clone();
        let scenario = args.scenario;
        tokio::spawn(async move {
            let mut times = Vec::with_capacity(per_conn);
            let mut errors = 0usize;
            for i in 0..per_conn {
                if Instant::now() > deadline {
                    break;
                }
                let t = Instant::now();
                let status = match (scenario, mine.get(i)) {
                    (Scenario::Payment, Some((session, token))) => client.pay(session, token).await,
                    _ => client.token(&shared).await.0,
                };
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                if !(200..300).contains(&status) {
                    errors += 1;
                }
            }
            (times, errors)
        })
    });
    let mut times = Vec::new();
    let mut errors = 0;
    for task in tasks.collect::<Vec<_>>() {
        if let Ok((t, e)) = task.await {
            times.extend(t);
            errors += e;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    times.sort_by(f64::total_cmp);
    println!(
        "{}",
        json!({
            "scenario": format!("{:?}", args.scenario).to_lowercase(),
            "connections": args.connections,
            "requests": times.len(),
            "errors": errors,
            "secs": (secs * 100.0).round() / 100.0,
            "per_sec": (times.len() as f64 / secs).round(),
            "p50_ms": (percentile(&times, 0.50) * 100.0).round() / 100.0,
            "p99_ms": (percentile(&times, 0.99) * 100.0).round() / 100.0,
        })
    );
}
