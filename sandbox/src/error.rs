//! The API's error shape: `{ "code", "messages", "field"? }` with a fitting status.
//! Messages name what is wrong, never the value sent: a value may be a card number.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An error answered to an API client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    /// Stable, machine-readable code (`TOKEN_EXPIRED`…).
    pub code: &'static str,
    /// Human-readable explanations.
    pub messages: Vec<String>,
    /// The request field at fault, in dotted form, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For a 429: seconds until a new attempt is taken (`Retry-After`).
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with one message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            messages: vec![message.into()],
            field: None,
            retry_after: None,
        }
    }

    /// A 400 about one request field.
    pub fn field(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new(StatusCode::BAD_REQUEST, code, message);
        e.field = Some(field.to_owned());
        e
    }

    /// A 400 `INVALID_REQUEST` about one field.
    pub fn invalid(field: &str, why: &str) -> Self {
        Self::field("INVALID_REQUEST", field, format!("`{field}` {why}"))
    }

    /// 401: the keys are missing or do not match.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", message)
    }

    /// 404 with a specific code.
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }

    /// 400 with a specific code.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(&self)).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        response
    }
}

/// Internal failures become a bare 500; the cause goes to the log (never card data: nothing
/// that reaches here carries any).
impl From<anyhow::Error> for ApiError {
    fn from(err: anyhow::Error) -> Self {
        tracing::error!(error = %err, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            "internal error",
        )
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        anyhow::Error::from(err).into()
    }
}

/// What handlers return.
pub type ApiResult<T> = Result<T, ApiError>;
