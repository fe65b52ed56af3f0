//! Request extractors: JSON bodies whose errors name the field, and the two kinds of API key.

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::accounts::Account;

/// The largest API request body, in bytes (413 above it).
pub const MAX_BODY: usize = 64 * 1024;
/// The longest text a request field may hold, in characters (Yuno's limit for descriptions and
/// order ids); URLs are checked on their own, up to 2048.
pub const MAX_TEXT: usize = 255;
/// The largest `metadata` object, in bytes of JSON.
pub const MAX_METADATA: usize = 4 * 1024;

/// A JSON body. Malformed JSON, missing fields, wrong types and overlong text get a 400 naming
/// the field; the message never repeats the value sent. A body over [`MAX_BODY`] is a 413.
pub struct JsonBody<T> {
    /// The parsed value.
    pub value: T,
    /// The request's meaning, for idempotency: its JSON with keys sorted and no whitespace, so
    /// a retry that orders or spaces its fields differently is the same request.
    pub canonical: String,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let raw = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    e.status(),
                    "REQUEST_TOO_LARGE",
                    format!("the request body is larger than {} KB", MAX_BODY / 1024),
                )
            } else {
                ApiError::bad_request("INVALID_REQUEST", "request body could not be read")
            }
        })?;
        let tree: serde_json::Value = parse_json(&raw)?;
        check_lengths(&tree, "")?;
        let value = parse_json(&raw)?;
        Ok(Self {
            value,
            canonical: canonical(&tree),
        })
    }
}

/// Refuses text longer than [`MAX_TEXT`] (URLs: 2048) and `metadata` over [`MAX_METADATA`],
/// naming the field.
fn check_lengths(v: &serde_json::Value, path: &str) -> Result<(), ApiError> {
    use serde_json::Value;
    match v {
        // PostgreSQL's text holds no NUL: refused here, by name, on either database.
        Value::String(s) if s.contains('\0') => {
            return Err(ApiError::invalid(path, "must not contain NUL characters"));
        }
        Value::String(s) => {
            let max = if path.ends_with("url") {
                crate::callback_url::MAX_LEN
            } else {
                MAX_TEXT
            };
            if s.chars().count() > max {
                return Err(ApiError::invalid(
                    path,
                    &format!("is longer than {max} characters"),
                ));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_lengths(item, &format!("{path}[{i}]"))?;
            }
        }
        Value::Object(fields) => {
            if path == "metadata" && v.to_string().len() > MAX_METADATA {
                return Err(ApiError::invalid(
                    path,
                    &format!("is larger than {} KB of JSON", MAX_METADATA / 1024),
                ));
            }
            for (key, item) in fields {
                let inner = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                check_lengths(item, &inner)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `v` as JSON with every object's keys sorted and no whitespace.
pub fn canonical(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Object(fields) => {
            let mut keys: Vec<&String> = fields.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::from(k.as_str()), canonical(&fields[k])))
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(canonical).collect();
            format!("[{}]", parts.join(","))
        }
        other => other.to_string(),
    }
}

/// Parses JSON into `T`, turning serde's error into one that names the field.
pub fn parse_json<T: DeserializeOwned>(raw: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(raw);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return ApiError::bad_request(
                "INVALID_REQUEST",
                format!(
                    "request body is not valid JSON (line {}, column {})",
                    inner.line(),
                    inner.column()
                ),
            );
        }
        let text = inner.to_string();
        let text = text.split(" at line ").next().unwrap_or("");
        if let Some(rest) = text.strip_prefix("missing field `") {
            let name = rest.trim_end_matches('`');
            let field = if path == "." {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            };
            return ApiError::invalid(&field, "is required");
        }
        // serde quotes the offending value ("invalid type: string \"…\""): keep only what was
        // expected, since the value may be card data.
        let expected = text
            .split_once(", expected ")
            .map(|(_, e)| e)
            .unwrap_or("a different value");
        ApiError::invalid(
            &path,
            &format!("has the wrong type or value: expected {expected}"),
        )
    })
}

fn header<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty())
}

async fn account_for_public_key(parts: &Parts, state: &AppState) -> Result<Account, ApiError> {
    let key = header(parts, "public-api-key")
        .ok_or_else(|| ApiError::unauthorized("the `public-api-key` header is required"))?;
    state
        .store
        .account_by_public_key(key)
        .await?
        .ok_or_else(|| ApiError::unauthorized("the `public-api-key` is not valid"))
}

/// A browser-facing request: authenticated by the public API key alone.
pub struct PublicKey(pub Account);

impl<S: Send + Sync> FromRequestParts<S> for PublicKey
where
    AppState: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Ok(Self(
            account_for_public_key(parts, &AppState::from_ref(state)).await?,
        ))
    }
}

/// A merchant-server request: the public key names the account and the secret key must match.
pub struct SecretKey(pub Account);

impl<S: Send + Sync> FromRequestParts<S> for SecretKey
where
    AppState: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let secret = header(parts, "private-secret-key")
            .ok_or_else(|| ApiError::unauthorized("the `private-secret-key` header is required"))?
            .to_owned();
        let account = account_for_public_key(parts, &AppState::from_ref(state)).await?;
        if bool::from(
            account
                .private_secret_key
                .as_bytes()
                .ct_eq(secret.as_bytes()),
        ) {
            Ok(Self(account))
        } else {
            Err(ApiError::unauthorized(
                "the `private-secret-key` does not match the `public-api-key`",
            ))
        }
    }
}
