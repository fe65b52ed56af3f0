//! Abuse limits: how many card tokens a session and a key may ask for, how many declines a
//! session may collect, and how many browser requests one client address may make. Over a
//! limit the API answers `429` with `Retry-After`, and the widget tells the shopper to wait
//! instead of retrying. Counting is in fixed windows: kept in memory, bounded in size, for one
//! instance (SQLite); in the database, so that every instance counts toward the same limit,
//! when several share one (PostgreSQL). Declines are counted in the database, so they survive
//! a restart.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::StatusCode;

use crate::clock::now_ms;
use crate::config::Config;
use crate::error::ApiError;
use crate::store::Store;

/// The window of the per-session token limit.
pub const SESSION_WINDOW: Duration = Duration::from_secs(10 * 60);
/// The window of the per-key token limit and the per-address request limit.
pub const MINUTE: Duration = Duration::from_secs(60);
/// Counters kept at most; past this, expired ones are dropped, and if none has expired, all
/// are (limits open for a moment rather than memory growing without bound).
const MAX_COUNTERS: usize = 100_000;

/// What is counted.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Kind {
    /// Token requests for one checkout session.
    TokensPerSession,
    /// Token requests with one public key.
    TokensPerKey,
    /// Browser API requests from one client address.
    RequestsPerAddress,
}

/// The limits in force (from [`Config`]), and their counters.
pub struct Limits {
    on: bool,
    tokens_per_session: u32,
    tokens_per_key: u32,
    requests_per_address: u32,
    /// Declines a session may have before it takes no new card.
    pub declines_per_session: u32,
    counters: Mutex<HashMap<(Kind, String), (Instant, u32)>>,
    /// The database the instances count in together, when they share one.
    shared: Option<Store>,
}

impl Limits {
    /// The limits `config` asks for.
    pub fn new(config: &Config) -> Self {
        Self {
            on: !config.no_rate_limits,
            tokens_per_session: config.limit_tokens_per_session,
            tokens_per_key: config.limit_tokens_per_key,
            requests_per_address: config.limit_requests_per_address,
            declines_per_session: config.limit_declines_per_session,
            counters: Mutex::default(),
            shared: None,
        }
    }

    /// Counts in `store`'s database, with every instance that shares it.
    pub fn shared(self, store: Store) -> Self {
        Self {
            shared: Some(store),
            ..self
        }
    }

    /// Whether limits are enforced at all (`--no-rate-limits` turns them off).
    pub fn enabled(&self) -> bool {
        self.on
    }

    /// Counts one request of `kind` for `key`; over the limit, the error to answer.
    pub async fn count(&self, kind: Kind, key: &str) -> Result<(), ApiError> {
        if !self.on {
            return Ok(());
        }
        let limit = match kind {
            Kind::TokensPerSession => self.tokens_per_session,
            Kind::TokensPerKey => self.tokens_per_key,
            Kind::RequestsPerAddress => self.requests_per_address,
        };
        match &self.shared {
            Some(store) => count_shared(store, kind, key, limit).await,
            None => self.count_here(kind, key, limit),
        }
    }

    /// [`Limits::count`] in this process's memory.
    fn count_here(&self, kind: Kind, key: &str, limit: u32) -> Result<(), ApiError> {
        let window = window_of(kind);
        let now = Instant::now();
        let mut counters = self.counters.lock().unwrap_or_else(|p| p.into_inner());
        if counters.len() >= MAX_COUNTERS {
            counters.retain(|(k, _), (start, _)| now.duration_since(*start) < window_of(*k));
            if counters.len() >= MAX_COUNTERS {
                counters.clear();
            }
        }
        let entry = counters.entry((kind, key.to_owned())).or_insert((now, 0));
        if now.duration_since(entry.0) >= window {
            *entry = (now, 0);
        }
        if entry.1 >= limit {
            let wait = window.saturating_sub(now.duration_since(entry.0));
            return Err(too_many(kind, wait));
        }
        entry.1 += 1;
        Ok(())
    }
}

/// [`Limits::count`] in the shared database (one row per kind and key, whichever instance
/// counts).
async fn count_shared(store: &Store, kind: Kind, key: &str, limit: u32) -> Result<(), ApiError> {
    let window = window_of(kind).as_millis() as i64;
    let now = now_ms();
    let (count, start) = store.count_request(kind.name(), key, now, window).await?;
    if count > i64::from(limit) {
        return Err(too_many(
            kind,
            Duration::from_millis((start + window - now).max(0) as u64),
        ));
    }
    Ok(())
}

impl Kind {
    /// Its name in the shared counters.
    fn name(self) -> &'static str {
        match self {
            Kind::TokensPerSession => "tokens_per_session",
            Kind::TokensPerKey => "tokens_per_key",
            Kind::RequestsPerAddress => "requests_per_address",
        }
    }
}

fn window_of(kind: Kind) -> Duration {
    match kind {
        Kind::TokensPerSession => SESSION_WINDOW,
        Kind::TokensPerKey | Kind::RequestsPerAddress => MINUTE,
    }
}

fn too_many(kind: Kind, wait: Duration) -> ApiError {
    let (code, message) = match kind {
        Kind::TokensPerSession => (
            "TOO_MANY_ATTEMPTS",
            "too many card attempts for this checkout session; wait before trying again",
        ),
        Kind::TokensPerKey => (
            "TOO_MANY_ATTEMPTS",
            "too many card attempts with this public-api-key; wait before trying again",
        ),
        Kind::RequestsPerAddress => (
            "TOO_MANY_REQUESTS",
            "too many requests from this address; wait before trying again",
        ),
    };
    rate_limited(code, message, wait)
}

/// A `429` with `Retry-After` (whole seconds, at least 1).
pub fn rate_limited(code: &'static str, message: &str, wait: Duration) -> ApiError {
    let mut e = ApiError::new(StatusCode::TOO_MANY_REQUESTS, code, message);
    e.retry_after = Some(wait.as_secs_f64().ceil().max(1.0) as u64);
    e
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    impl Limits {
        fn count_here_for_test(&self, kind: Kind, key: &str) -> Result<(), ApiError> {
            futures::executor::block_on(self.count(kind, key))
        }
    }

    fn limits(extra: &[&str]) -> Limits {
        let mut args = vec!["checkout-sandbox"];
        args.extend_from_slice(extra);
        Limits::new(&Config::parse_from(args))
    }

    #[test]
    fn each_key_has_its_own_count_and_the_limit_answers_429_with_a_wait() {
        let l = limits(&["--limit-tokens-per-session", "3"]);
        for _ in 0..3 {
            assert!(l.count_here_for_test(Kind::TokensPerSession, "a").is_ok());
        }
        let e = l
            .count_here_for_test(Kind::TokensPerSession, "a")
            .unwrap_err();
        assert_eq!(e.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(e.code, "TOO_MANY_ATTEMPTS");
        let wait = e.retry_after.unwrap();
        assert!((590..=600).contains(&wait), "{wait}");
        assert!(
            l.count_here_for_test(Kind::TokensPerSession, "b").is_ok(),
            "another session"
        );
        assert!(
            l.count_here_for_test(Kind::TokensPerKey, "a").is_ok(),
            "another kind"
        );
    }

    #[test]
    fn off_only_by_the_explicit_flag() {
        let on = limits(&[]);
        assert!(on.enabled());
        let off = limits(&["--no-rate-limits", "--limit-tokens-per-session", "1"]);
        for _ in 0..100 {
            assert!(off.count_here_for_test(Kind::TokensPerSession, "a").is_ok());
        }
    }

    #[test]
    fn memory_stays_bounded_under_many_keys() {
        let l = limits(&[]);
        for i in 0..(MAX_COUNTERS + 10) {
            let _ = l.count_here_for_test(Kind::RequestsPerAddress, &i.to_string());
        }
        assert!(l.counters.lock().unwrap().len() <= MAX_COUNTERS);
    }
}
