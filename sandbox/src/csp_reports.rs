//! Content-Security-Policy violation reports (`report-uri /csp-reports`) from the secure
//! frame and the demo pages, so tests can require that there are none. Anyone can post, so
//! what is kept is bounded: a body of at most [`MAX_BODY`] bytes (413 above), at most
//! [`PER_WINDOW`] reports per [`WINDOW`] (429 with `Retry-After` above), and of each report a
//! summary of a few short fields, the last [`KEEP`] of them. Reports refused for the rate are
//! counted, and the listing says how many (`x-csp-reports-refused`), so a flood cannot hide a
//! violation from whoever checks that there are none. Reading them takes the account's secret
//! key: they name the pages and URLs of the merchant's site.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use subtle::ConstantTimeEq;

use crate::clock::{now_ms, rfc3339};

/// The largest report body taken (a real report is well under 2 KB).
pub const MAX_BODY: usize = 8 * 1024;
/// How many summaries are kept, newest last.
pub const KEEP: usize = 200;
/// Reports taken per window; more are refused until it ends.
pub const PER_WINDOW: u32 = 100;
/// The rate window.
pub const WINDOW: Duration = Duration::from_secs(10);
/// The longest field kept of a report, in characters.
const FIELD: usize = 200;

/// The `report-uri` directive the CSPs end with.
pub const DIRECTIVE: &str = "report-uri /csp-reports";

/// The reports received on one origin.
#[derive(Clone)]
pub struct CspReports(Arc<Inner>);

struct Inner {
    kept: Mutex<VecDeque<Value>>,
    /// (start of the current window, reports taken in it)
    window: Mutex<(Instant, u32)>,
    /// Reports refused for the rate since start.
    refused: AtomicU64,
    secret_key: String,
}

impl CspReports {
    /// An empty list, readable with `secret_key`.
    pub fn new(secret_key: &str) -> Self {
        Self(Arc::new(Inner {
            kept: Mutex::default(),
            window: Mutex::new((Instant::now(), 0)),
            refused: AtomicU64::new(0),
            secret_key: secret_key.to_owned(),
        }))
    }

    /// Takes one report from the rate window, or says how long until the next is taken.
    fn admit(&self) -> Result<(), Duration> {
        let mut window = self.0.window.lock().unwrap_or_else(|p| p.into_inner());
        let elapsed = window.0.elapsed();
        if elapsed >= WINDOW {
            *window = (Instant::now(), 0);
        }
        if window.1 >= PER_WINDOW {
            self.0.refused.fetch_add(1, Ordering::Relaxed);
            return Err(WINDOW.saturating_sub(elapsed));
        }
        window.1 += 1;
        Ok(())
    }
}

/// `s` cut to [`FIELD`] characters.
fn short(s: &str) -> String {
    s.chars().take(FIELD).collect()
}

/// What is kept of a report: the document, the directive and what it blocked. Both the
/// `report-uri` form (`{"csp-report": {…}}`) and the Reporting API's (`[{"body": {…}}]`).
pub fn summary(report: &Value) -> Value {
    let body = report
        .get("csp-report")
        .or_else(|| report.get(0).and_then(|r| r.get("body")))
        .unwrap_or(report);
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| body.get(*n).and_then(Value::as_str))
            .map(short)
            .unwrap_or_default()
    };
    json!({
        "received_at": rfc3339(now_ms()),
        "document_uri": field(&["document-uri", "documentURL"]),
        "violated_directive": field(&["violated-directive", "effective-directive", "effectiveDirective"]),
        "blocked_uri": field(&["blocked-uri", "blockedURL"]),
    })
}

async fn receive(State(reports): State<CspReports>, body: Bytes) -> Response {
    if let Err(wait) = reports.admit() {
        let secs = wait.as_secs().max(1).to_string();
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, secs)]).into_response();
    }
    let report: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let kept = summary(&report);
    tracing::warn!(
        directive = %kept["violated_directive"],
        blocked = %kept["blocked_uri"],
        "CSP violation reported"
    );
    let mut list = reports.0.kept.lock().unwrap_or_else(|p| p.into_inner());
    list.push_back(kept);
    if list.len() > KEEP {
        list.pop_front();
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn list(State(reports): State<CspReports>, headers: HeaderMap) -> Response {
    let given = headers
        .get("private-secret-key")
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !bool::from(given.ct_eq(reports.0.secret_key.as_bytes())) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"code": "UNAUTHORIZED", "messages": ["the CSP reports need the private-secret-key header"]})),
        )
            .into_response();
    }
    let refused = reports.0.refused.load(Ordering::Relaxed).to_string();
    let list = reports.0.kept.lock().unwrap_or_else(|p| p.into_inner());
    (
        [("x-csp-reports-refused", refused)],
        Json(list.iter().cloned().collect::<Vec<_>>()),
    )
        .into_response()
}

/// `POST /csp-reports` (from browsers) and `GET /csp-reports` (with the secret key).
pub fn routes<S>(reports: CspReports) -> Router<S> {
    Router::new()
        .route("/csp-reports", post(receive).get(list))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_keeps_short_known_fields_of_either_form() {
        let long = "x".repeat(5000);
        let old = json!({"csp-report": {"document-uri": "https://shop/", "violated-directive": "script-src", "blocked-uri": long, "script-sample": "secret"}});
        let s = summary(&old);
        assert_eq!(s["document_uri"], "https://shop/");
        assert_eq!(s["violated_directive"], "script-src");
        assert_eq!(s["blocked_uri"].as_str().unwrap().len(), FIELD);
        assert!(
            !s.to_string().contains("secret"),
            "only the summary's fields"
        );
        let new = json!([{"type": "csp-violation", "body": {"documentURL": "https://shop/", "effectiveDirective": "img-src", "blockedURL": "data:"}}]);
        let s = summary(&new);
        assert_eq!(
            (
                s["document_uri"].as_str(),
                s["violated_directive"].as_str(),
                s["blocked_uri"].as_str()
            ),
            (Some("https://shop/"), Some("img-src"), Some("data:"))
        );
    }

    #[test]
    fn the_window_admits_a_bounded_number() {
        let r = CspReports::new("sk");
        for _ in 0..PER_WINDOW {
            assert!(r.admit().is_ok());
        }
        let wait = r.admit().unwrap_err();
        assert!(wait <= WINDOW && wait > Duration::ZERO);
    }
}
