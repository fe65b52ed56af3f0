//! Time as the sandbox stores it: unix milliseconds, shown as RFC 3339.

use std::time::{SystemTime, UNIX_EPOCH};

use checkout_card::YearMonth;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// A stored time as RFC 3339 (`2026-11-24T01:02:03.456Z`).
pub fn rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// An RFC 3339 time as unix milliseconds.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let t = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).ok()
}

/// The current month (UTC), for expiry checks.
pub fn this_month() -> YearMonth {
    let now = OffsetDateTime::now_utc();
    YearMonth {
        year: now.year() as u16,
        month: now.month() as u8,
    }
}
