//! What keeps the demo merchant from being a card-testing service for other web pages: its
//! API answers only its own origin (and origins the sandbox was told to trust, for the
//! browser tests), and a browser pays and completes only the checkouts it started, known by
//! an HttpOnly cookie set when it starts one.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// The cookie naming the browser.
pub const COOKIE: &str = "cw_demo";
/// Checkout sessions and payments remembered, oldest forgotten first.
const REMEMBERED: usize = 20_000;

/// Origins allowed to call the demo API: its own, plus `extra` entries, each an origin or one
/// ending in `:*` (any port).
#[derive(Clone, Debug)]
pub struct Origins {
    own: String,
    extra: Vec<String>,
}

impl Origins {
    /// The merchant origin `own` and the trusted `extra` (comma-separated; may be empty).
    pub fn new(own: &str, extra: Option<&str>) -> Self {
        let extra = extra
            .unwrap_or("")
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        Self {
            own: own.trim_end_matches('/').to_owned(),
            extra,
        }
    }

    /// Whether a request with this `Origin` may use the demo API.
    pub fn allows(&self, origin: &str) -> bool {
        origin == self.own
            || self.extra.iter().any(|o| match o.strip_suffix(":*") {
                Some(host) => origin
                    .strip_prefix(host)
                    .and_then(|rest| rest.strip_prefix(':'))
                    .is_some_and(|port| {
                        !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
                    }),
                None => origin == o,
            })
    }

    /// False for a request whose `Origin` is another site's. A request without one is not
    /// from a web page's script (a browser sends it on every cross-origin call).
    pub fn admit(&self, headers: &HeaderMap) -> bool {
        headers
            .get(header::ORIGIN)
            .is_none_or(|o| o.to_str().is_ok_and(|o| self.allows(o)))
    }
}

/// A 403 with the API's error shape.
pub fn refuse(code: &str, message: &str) -> Response {
    (
        StatusCode::FORBIDDEN,
        Json(json!({ "code": code, "messages": [message] })),
    )
        .into_response()
}

/// The browser's id from its cookie, if it has one.
pub fn browser(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|v| uuid::Uuid::parse_str(v).is_ok())
}

/// The `Set-Cookie` giving a browser the id `id`.
pub fn set_cookie(id: &str) -> HeaderValue {
    let value = format!("{COOKIE}={id}; Path=/api; HttpOnly; SameSite=Strict");
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

/// Which browser started each checkout session and created each payment.
#[derive(Default)]
pub struct Owners {
    inner: Mutex<(HashMap<String, String>, VecDeque<String>)>,
}

impl Owners {
    /// Records that `browser` owns `id` (a checkout session or a payment).
    pub fn record(&self, id: &str, browser: &str) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let (owners, order) = &mut *inner;
        if owners.insert(id.to_owned(), browser.to_owned()).is_none() {
            order.push_back(id.to_owned());
        }
        while order.len() > REMEMBERED {
            if let Some(old) = order.pop_front() {
                owners.remove(&old);
            }
        }
    }

    /// Whether `browser` owns `id`.
    pub fn owns(&self, browser: Option<&str>, id: &str) -> bool {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        browser.is_some_and(|b| inner.0.get(id).map(String::as_str) == Some(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_origin_and_trusted_patterns_only() {
        let o = Origins::new(
            "http://127.0.0.1:8788",
            Some("http://127.0.0.1:*, https://t.example"),
        );
        assert!(o.allows("http://127.0.0.1:8788"));
        assert!(o.allows("http://127.0.0.1:45123"));
        assert!(o.allows("https://t.example"));
        for other in [
            "https://evil.example",
            "http://127.0.0.1",
            "http://127.0.0.1:80.evil.example",
            "http://127.0.0.10:8788",
            "null",
        ] {
            assert!(!o.allows(other), "{other}");
        }
        let strict = Origins::new("http://127.0.0.1:8788", None);
        assert!(!strict.allows("http://127.0.0.1:45123"));
    }

    #[test]
    fn a_browser_owns_what_it_started_and_memory_is_bounded() {
        let owners = Owners::default();
        owners.record("s1", "b1");
        assert!(owners.owns(Some("b1"), "s1"));
        assert!(!owners.owns(Some("b2"), "s1"));
        assert!(!owners.owns(None, "s1"));
        for i in 0..REMEMBERED + 5 {
            owners.record(&i.to_string(), "b");
        }
        assert!(!owners.owns(Some("b1"), "s1"), "the oldest is forgotten");
        assert_eq!(owners.inner.lock().unwrap().0.len(), REMEMBERED);
    }
}
