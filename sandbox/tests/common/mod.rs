//! Test harness: starts the real sandbox binary on loopback with a temporary data directory,
//! captures everything it prints, and talks HTTP to it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Test card numbers of the sandbox.
pub const VISA_OK: &str = "4111111111111111";
pub const VISA_DECLINED: &str = "4000000000000002";
pub const VISA_FUNDS: &str = "4000000000009995";
pub const VISA_FRAUD: &str = "4100000000000019";
pub const VISA_ERROR: &str = "4000000000000119";
pub const MC_OK: &str = "5555555555554444";
pub const AMEX_OK: &str = "378282246310005";

/// Which keys a request carries.
#[derive(Clone, Copy)]
pub enum Keys {
    None,
    Public,
    Secret,
}

/// A running sandbox process.
pub struct Sandbox {
    child: Child,
    pub api: String,
    pub merchant: String,
    pub account_id: String,
    pub public_key: String,
    pub secret_key: String,
    pub webhook_secret: String,
    pub data_dir: PathBuf,
    output: Arc<Mutex<String>>,
    http: reqwest::Client,
}

fn capture(stream: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let mut out = into.lock().unwrap();
            out.push_str(&line);
            out.push('\n');
        }
    });
}

fn field(output: &str, label: &str) -> Option<String> {
    output
        .lines()
        .find_map(|l| l.trim().strip_prefix(label))
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
}

/// The sandbox binary on free loopback ports with its data in `data_dir`.
pub fn command(data_dir: &Path) -> Command {
    let mut command = sqlite_command(data_dir);
    if let Some(url) = postgres_url(data_dir) {
        command.arg("--database-url").arg(url);
    }
    command
}

/// The sandbox on `data_dir` with its SQLite database, whichever the suite runs on (for the
/// tests of SQLite's files).
pub fn sqlite_command(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_checkout-sandbox"));
    command
        .args([
            "--payment-addr",
            "127.0.0.1:0",
            "--merchant-addr",
            "127.0.0.1:0",
            "--data-dir",
        ])
        .arg(data_dir);
    command
}

/// The PostgreSQL server the suite runs against, when it does: its admin URL
/// (`CW_TEST_POSTGRES`, set by scripts/test.sh); else the suite runs on SQLite.
pub fn on_postgres() -> Option<String> {
    std::env::var("CW_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
}

/// The database of the sandbox on `data_dir`, on the PostgreSQL server: one of its own, named
/// after the data dir and made the first time (a restart on the same data dir finds its data).
pub fn postgres_url(data_dir: &Path) -> Option<String> {
    let admin = on_postgres()?;
    // FNV-1a of the path: the same dir, the same database.
    let hash = data_dir
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    let name = format!("cw_{hash:016x}");
    let psql = |sql: &str| {
        let out = Command::new("psql")
            .args(["-qtA", "-v", "ON_ERROR_STOP=1", &admin, "-c", sql])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "{sql} on {admin}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    if psql(&format!(
        "SELECT 1 FROM pg_database WHERE datname = '{name}'"
    ))
    .is_empty()
    {
        // Another test's sandbox on this data dir may be creating it at the same moment.
        let created = Command::new("psql")
            .args(["-qtA", &admin, "-c", &format!("CREATE DATABASE {name}")])
            .output()
            .expect("psql runs");
        let said = String::from_utf8_lossy(&created.stderr);
        assert!(
            created.status.success() || said.contains("already exists"),
            "CREATE DATABASE {name}: {said}"
        );
    }
    let (server, _) = admin
        .rsplit_once('/')
        .expect("an admin URL ending in /<database>");
    Some(format!("{server}/{name}"))
}

/// Every byte the sandbox on `data_dir` keeps, as stored, by name: the data dir's files and, on
/// PostgreSQL, a dump of its database (bytea as hex, text as text).
pub fn stored_bytes(data_dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(data_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    if let Some(url) = postgres_url(data_dir) {
        let dump = Command::new("pg_dump")
            .args(["--data-only", &url])
            .output()
            .expect("pg_dump runs");
        assert!(dump.status.success(), "pg_dump {url}");
        // bytea is dumped as hex (`\\x…`): its bytes too, decoded.
        let text = String::from_utf8_lossy(&dump.stdout).into_owned();
        let mut decoded = Vec::new();
        for run in text.split("\\x").skip(1) {
            let hex: String = run.chars().take_while(char::is_ascii_hexdigit).collect();
            for pair in hex.as_bytes().chunks_exact(2) {
                decoded.extend(u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16));
            }
            decoded.push(b'\n');
        }
        out.push((format!("pg_dump of {url}"), dump.stdout));
        out.push((format!("pg_dump of {url}, bytea decoded"), decoded));
    }
    out
}

/// A direct connection to the sandbox's database on `data_dir` (read-only for SQLite).
pub async fn database(data_dir: &Path) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    let url = postgres_url(data_dir)
        .unwrap_or_else(|| format!("sqlite://{}/sandbox.db?mode=ro", data_dir.display()));
    sqlx::AnyPool::connect(&url).await.unwrap()
}

impl Sandbox {
    /// Starts the sandbox with its data in `data_dir` and extra flags, allowing loopback
    /// callbacks (the tests' webhook receivers listen there).
    pub async fn start(data_dir: &Path, extra: &[&str]) -> Sandbox {
        let mut flags = vec!["--allow-private-callbacks"];
        flags.extend_from_slice(extra);
        Self::start_strict(data_dir, &flags).await
    }

    /// Starts the sandbox with exactly these extra flags (loopback callbacks refused).
    pub async fn start_strict(data_dir: &Path, extra: &[&str]) -> Sandbox {
        Self::start_command(command(data_dir), data_dir, extra).await
    }

    /// Starts the sandbox on its SQLite database, whichever the suite runs on.
    pub async fn start_sqlite(data_dir: &Path, extra: &[&str]) -> Sandbox {
        let mut flags = vec!["--allow-private-callbacks"];
        flags.extend_from_slice(extra);
        Self::start_command(sqlite_command(data_dir), data_dir, &flags).await
    }

    async fn start_command(mut command: Command, data_dir: &Path, extra: &[&str]) -> Sandbox {
        let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www");
        let mut child = command
            .arg("--www-dir")
            .arg(www)
            .args(extra)
            .env("RUST_LOG", "debug")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sandbox binary starts");
        let output = Arc::new(Mutex::new(String::new()));
        capture(child.stdout.take().unwrap(), output.clone());
        capture(child.stderr.take().unwrap(), output.clone());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = output.lock().unwrap().clone();
            if text.contains("database:") {
                let get = |l: &str| field(&text, l).unwrap_or_else(|| panic!("no {l} in:\n{text}"));
                return Sandbox {
                    child,
                    api: get("payment origin:"),
                    merchant: get("merchant origin:"),
                    account_id: get("account_id:"),
                    public_key: get("public-api-key:"),
                    secret_key: get("private-secret-key:"),
                    webhook_secret: get("webhook secret:"),
                    data_dir: data_dir.to_owned(),
                    output,
                    http: reqwest::Client::new(),
                };
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("sandbox exited with {status}:\n{text}");
            }
            assert!(
                Instant::now() < deadline,
                "sandbox did not start in time:\n{text}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Kills the process (as a crash would) and waits for it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The process's resident memory, in KiB (Linux).
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("the process's status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .expect("VmRSS")
    }

    /// Everything the process printed so far (banner and logs).
    pub fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// One request to the payment origin; returns status and JSON body (Null if none).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        keys: Keys,
        body: Option<Value>,
        idem: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut req = self.http.request(method, format!("{}{path}", self.api));
        if matches!(keys, Keys::Public | Keys::Secret) {
            req = req.header("public-api-key", &self.public_key);
        }
        if matches!(keys, Keys::Secret) {
            req = req.header("private-secret-key", &self.secret_key);
        }
        if let Some(k) = idem {
            req = req.header("x-idempotency-key", k);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("request reaches the sandbox");
        let status = res.status();
        let text = res.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// A request with the secret key and no idempotency key, as the merchant's server sends.
    pub async fn secret(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        self.call(method, path, Keys::Secret, body, None).await
    }

    /// Every webhook the demo merchant received (read with the secret key), newest first.
    pub async fn webhook_log(&self) -> Option<Value> {
        self.http
            .get(format!("{}/api/webhooks", self.merchant))
            .header("private-secret-key", &self.secret_key)
            .send()
            .await
            .ok()?
            .json()
            .await
            .ok()
    }

    /// Creates a customer; returns its id.
    pub async fn customer(&self, merchant_customer_id: &str) -> String {
        let (s, v) = self
            .secret(
                Method::POST,
                "/v1/customers",
                Some(json!({"merchant_customer_id": merchant_customer_id})),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["id"].as_str().unwrap().to_owned()
    }

    /// The body of a session creation request.
    pub fn session_body(
        &self,
        country: &str,
        customer: Option<&str>,
        callback: Option<&str>,
    ) -> Value {
        json!({
            "account_id": self.account_id,
            "merchant_order_id": "order-1",
            "payment_description": "Test order",
            "country": country,
            "amount": {"currency": "BRL", "value": 100.5},
            "customer_id": customer,
            "callback_url": callback,
        })
    }

    /// Creates a checkout session; returns its id.
    pub async fn session(
        &self,
        country: &str,
        customer: Option<&str>,
        callback: Option<&str>,
    ) -> String {
        let body = self.session_body(country, customer, callback);
        let (s, v) = self
            .secret(Method::POST, "/v1/checkout/sessions", Some(body))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["checkout_session"].as_str().unwrap().to_owned()
    }

    /// Tokenizes a card (expiry 12/2030, `cvc`) for the session.
    pub async fn card_token(
        &self,
        session: &str,
        number: &str,
        cvc: &str,
        save: bool,
    ) -> (StatusCode, Value) {
        let body = json!({
            "payment_method": {"type": "CARD", "card": {
                "number": number, "expiration_month": 12, "expiration_year": 2030,
                "security_code": cvc, "holder_name": "Ana Souza"}},
            "save": save,
        });
        self.call(
            Method::POST,
            &format!("/v1/checkout/sessions/{session}/token"),
            Keys::Public,
            Some(body),
            None,
        )
        .await
    }

    /// Tokenizes a card that must be accepted; returns the token.
    pub async fn token(&self, session: &str, number: &str) -> String {
        let (s, v) = self.card_token(session, number, "123", false).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["token"].as_str().unwrap().to_owned()
    }

    /// The body of a payment request.
    pub fn payment_body(&self, session: &str, token: &str) -> Value {
        json!({
            "account_id": self.account_id,
            "merchant_order_id": "order-1",
            "description": "Test order",
            "country": "BR",
            "amount": {"currency": "BRL", "value": 100.5},
            "checkout": {"session": session},
            "payment_method": {"token": token},
        })
    }

    /// Creates a payment with a fresh idempotency key.
    pub async fn pay(&self, session: &str, token: &str) -> (StatusCode, Value) {
        self.create_payment(self.payment_body(session, token)).await
    }

    /// `POST /v1/payments` with `body` and a fresh idempotency key.
    pub async fn create_payment(&self, body: Value) -> (StatusCode, Value) {
        let key = uuid::Uuid::new_v4().to_string();
        self.call(
            Method::POST,
            "/v1/payments",
            Keys::Secret,
            Some(body),
            Some(&key),
        )
        .await
    }

    /// A token for an alternative method (`PIX`, `OXXO`…) that must be accepted.
    pub async fn method_token(&self, session: &str, kind: &str) -> String {
        let (s, v) = self
            .call(
                Method::POST,
                &format!("/v1/checkout/sessions/{session}/token"),
                Keys::Public,
                Some(json!({"payment_method": {"type": kind}})),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["token"].as_str().unwrap().to_owned()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A fresh temporary data directory.
pub fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Polls `check` until it returns `Some`, for at most `secs` seconds.
pub async fn eventually<T, F, Fut>(secs: u64, mut check: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if let Some(v) = check().await {
            return Some(v);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

/// Whether `needle` occurs in `haystack` with no letter or digit right before or after it
/// (so a CVC is not "found" inside a UUID or a timestamp).
pub fn contains_isolated(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).enumerate().any(|(i, w)| {
        w == needle
            && (i == 0 || !haystack[i - 1].is_ascii_alphanumeric())
            && haystack
                .get(i + needle.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}
