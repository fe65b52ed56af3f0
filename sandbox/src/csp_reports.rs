//! Content-Security-Policy violation reports (`report-uri /csp-reports`) from the secure
//! frame and the demo pages, kept in memory so tests can require that there are none.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::Value;

/// The reports received, newest last (at most [`KEEP`]).
#[derive(Clone, Default)]
pub struct CspReports(Arc<Mutex<VecDeque<Value>>>);

const KEEP: usize = 200;

/// The `report-uri` directive the CSPs end with.
pub const DIRECTIVE: &str = "report-uri /csp-reports";

async fn receive(State(reports): State<CspReports>, body: Bytes) -> StatusCode {
    let report: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    tracing::warn!(report = %report, "CSP violation reported");
    let mut list = reports.0.lock().unwrap_or_else(|p| p.into_inner());
    list.push_back(report);
    if list.len() > KEEP {
        list.pop_front();
    }
    StatusCode::NO_CONTENT
}

async fn list(State(reports): State<CspReports>) -> Json<Vec<Value>> {
    Json(
        reports
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect(),
    )
}

/// `POST /csp-reports` (from browsers) and `GET /csp-reports` (for tests and people).
pub fn routes<S>(reports: CspReports) -> Router<S> {
    Router::new()
        .route("/csp-reports", post(receive).get(list))
        .with_state(reports)
}
