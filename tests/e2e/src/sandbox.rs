//! The sandbox under test, started on loopback with a fresh data directory.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, Context};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub struct Sandbox {
    _child: Child,
    _data: tempdir::Dir,
    pub merchant: String,
    pub api: String,
    /// The account's secret key, which reading the CSP reports takes.
    secret_key: String,
    /// The account's public key, which reading a payment takes with the secret key.
    public_key: String,
}

mod tempdir {
    /// A directory removed when dropped.
    pub struct Dir(pub std::path::PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl Sandbox {
    /// The payment `id` as the merchant's server reads it (`GET /v1/payments/{id}`).
    pub async fn payment(&self, id: &str) -> anyhow::Result<serde_json::Value> {
        let res = reqwest::Client::new()
            .get(format!("{}/v1/payments/{id}", self.api))
            .header("public-api-key", &self.public_key)
            .header("private-secret-key", &self.secret_key)
            .send()
            .await?
            .error_for_status()?;
        Ok(res.json().await?)
    }

    pub async fn start(root: &Path, www: &Path, sdk: &Path) -> anyhow::Result<Sandbox> {
        // Where cargo put it: `$CARGO_TARGET_DIR` if set (relative to the root), else target/.
        let target = std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into());
        // `npm run bench` measures the server build (`CW_E2E_SANDBOX_PROFILE=server`), as a
        // deployment runs it; tests run the debug build `cargo test` has just made.
        let profile = std::env::var("CW_E2E_SANDBOX_PROFILE").unwrap_or_else(|_| "debug".into());
        let bin = root.join(target).join(&profile).join("checkout-sandbox");
        if !bin.exists() {
            bail!(
                "{} is missing: build it first (cargo build{} -p checkout-sandbox)",
                bin.display(),
                if profile == "debug" {
                    String::new()
                } else {
                    format!(" --profile {profile}")
                }
            );
        }
        let data = std::env::temp_dir().join(format!("cw-e2e-{}", std::process::id()));
        std::fs::create_dir_all(&data)?;
        let mut child = Command::new(bin)
            .args([
                "--payment-addr",
                "127.0.0.1:0",
                "--merchant-addr",
                "127.0.0.1:0",
                "--webhook-backoff-scale",
                "0.001",
                // The demo merchant's webhook receiver and return page are on loopback.
                "--allow-private-callbacks",
            ])
            // The hostile-frame page embeds a frame from a third origin (localhost).
            .args(["--merchant-frame-src", "http://localhost:*"])
            .arg("--data-dir")
            .arg(&data)
            .arg("--www-dir")
            .arg(www)
            .arg("--sdk-dir")
            .arg(sdk)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .context("starting the sandbox")?;
        let mut lines = BufReader::new(child.stdout.take().context("sandbox stdout")?).lines();
        let (mut api, mut merchant, mut secret_key, mut public_key) = (None, None, None, None);
        let read = async {
            while let Ok(Some(line)) = lines.next_line().await {
                let value = line.split_whitespace().nth(2).map(str::to_owned);
                let secret = line.split_whitespace().nth(1).map(str::to_owned);
                if line.trim_start().starts_with("payment origin:") {
                    api = value;
                } else if line.trim_start().starts_with("merchant origin:") {
                    merchant = value;
                } else if line.trim_start().starts_with("private-secret-key:") {
                    secret_key = secret;
                } else if line.trim_start().starts_with("public-api-key:") {
                    public_key = secret;
                } else if line.trim_start().starts_with("database:") {
                    break;
                }
            }
        };
        tokio::time::timeout(Duration::from_secs(20), read)
            .await
            .context("the sandbox did not start")?;
        // Keep draining stdout so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Sandbox {
            _child: child,
            _data: tempdir::Dir(data),
            merchant: merchant.context("no merchant origin printed")?,
            api: api.context("no payment origin printed")?,
            secret_key: secret_key.context("no private-secret-key printed")?,
            public_key: public_key.context("no public-api-key printed")?,
        })
    }
}

impl Sandbox {
    /// Every CSP violation report the frame's and the pages' browsers sent so far. A list
    /// that cannot be read fails the run: "no report" must mean no violation.
    pub async fn csp_reports(&self) -> Vec<serde_json::Value> {
        let mut all = Vec::new();
        let client = reqwest::Client::new();
        for origin in [&self.api, &self.merchant] {
            let got: anyhow::Result<Vec<serde_json::Value>> = async {
                let res = client
                    .get(format!("{origin}/csp-reports"))
                    .header("private-secret-key", &self.secret_key)
                    .send()
                    .await?
                    .error_for_status()?;
                // Reports refused for the rate could have been violations.
                let refused = res.headers().get("x-csp-reports-refused");
                if refused.is_none_or(|n| n != "0") {
                    anyhow::bail!("reports were refused for the rate: {refused:?}");
                }
                Ok(res.json().await?)
            }
            .await;
            match got {
                Ok(list) => all.extend(list),
                Err(e) => panic!("reading the CSP reports of {origin}: {e:#}"),
            }
        }
        all
    }
}
