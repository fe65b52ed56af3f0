//! The three engines: start each WebDriver server on loopback, open a session, and clean up.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, Context};
use serde_json::json;
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;
use tokio::process::{Child, Command};

/// A browser engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub fn parse(s: &str) -> Option<Engine> {
        match s.trim() {
            "chromium" | "chrome" => Some(Engine::Chromium),
            "firefox" => Some(Engine::Firefox),
            "webkit" | "safari" => Some(Engine::WebKit),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    fn driver_command(self, port: u16) -> Command {
        let mut c = match self {
            Engine::Chromium => {
                let mut c = Command::new("/usr/bin/chromedriver");
                c.arg(format!("--port={port}"));
                c
            }
            Engine::Firefox => {
                let mut c = Command::new("geckodriver");
                c.args(["--port", &port.to_string(), "--host", "127.0.0.1"]);
                c
            }
            Engine::WebKit => {
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "/usr/bin/WebKitWebDriver", &format!("--port={port}")]);
                c
            }
        };
        c.stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true);
        // Its own process group, so Xvfb and the browser go with it.
        c.process_group(0);
        c
    }

    fn capabilities(self) -> Capabilities {
        let caps = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1000,1400"]
                },
                "goog:loggingPrefs": { "browser": "ALL" }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": { "args": ["-headless", "--width=1000", "--height=1400"] }
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                    "args": ["--automation"]
                }
            }),
        };
        caps.as_object().cloned().unwrap_or_default().into()
    }
}

/// A port free on loopback right now (the driver binds it a moment later).
fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// A running driver with one browser session.
pub struct Session {
    pub driver: WebDriver,
    child: Child,
}

impl Session {
    pub async fn start(engine: Engine) -> anyhow::Result<Session> {
        let port = free_port()?;
        let child = engine
            .driver_command(port)
            .spawn()
            .with_context(|| format!("starting the {} driver", engine.name()))?;
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let mut up = false;
        for _ in 0..150 {
            if http
                .get(format!("{url}/status"))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                up = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if !up {
            bail!("the {} driver did not answer on {url}", engine.name());
        }
        let driver = WebDriver::new(&url, engine.capabilities())
            .await
            .context("opening a browser session")?;
        driver
            .set_implicit_wait_timeout(Duration::from_millis(0))
            .await
            .ok();
        Ok(Session { driver, child })
    }

    /// Screenshot and page text, for a failed scenario.
    pub async fn save_artifacts(&self, base: &Path) {
        let _ = self.driver.enter_default_frame().await;
        let _ = self.driver.screenshot(&base.with_extension("png")).await;
        if let Ok(source) = self.driver.source().await {
            let _ = std::fs::write(base.with_extension("html"), source);
        }
        // The browser log: what the page's spy recorded (console, messages, CSP events).
        if let Ok(log) = self
            .driver
            .execute(
                "return JSON.stringify(window.__spy || null, null, 1)",
                vec![],
            )
            .await
        {
            let _ = std::fs::write(
                base.with_extension("log.json"),
                log.json().as_str().unwrap_or("null"),
            );
        }
    }

    pub async fn stop(mut self) {
        let _ = self.driver.clone().quit().await;
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", "--", &format!("-{pid}")])
                .status();
        }
        let _ = self.child.kill().await;
    }
}
