//! Expiry dates as people type them: `1`, `12`, `1/27`, `12/2027`, `12 / 27`.
//!
//! The clock is an argument, never read here, so the rules are testable and the frame and the
//! sandbox can each pass their own notion of "this month".

use crate::format::Edit;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
}

impl YearMonth {
    fn index(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month) - 1
    }
}

/// A valid expiry: the card works through the end of this month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expiry {
    /// 1–12.
    pub month: u8,
    /// Four-digit year.
    pub year: u16,
}

/// Why an expiry is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ExpiryError {
    /// Nothing entered.
    Empty,
    /// Month or year not fully typed yet.
    Incomplete,
    /// Not a shape we can read as a date.
    Malformed,
    /// Month 00 or above 12.
    InvalidMonth,
    /// Before the current month.
    Expired,
    /// More than 20 years ahead: surely a typo.
    TooFarAhead,
}

/// How far ahead an expiry may be, in months.
const MAX_MONTHS_AHEAD: u32 = 20 * 12;

/// The month and year digit runs of what was typed (year possibly empty), or `None` when the
/// text has no digits.
fn split(text: &str) -> Result<Option<(&str, &str)>, ExpiryError> {
    if text
        .chars()
        .any(|c| !(c.is_ascii_digit() || c.is_whitespace() || c == '/'))
    {
        return Err(ExpiryError::Malformed);
    }
    let mut runs = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty());
    let Some(first) = runs.next() else {
        return Ok(None);
    };
    let has_separator = text.contains('/') || crate::trim(text).contains(char::is_whitespace);
    match (runs.next(), runs.next()) {
        (Some(_), Some(_)) => Err(ExpiryError::Malformed),
        (Some(year), None) => Ok(Some((first, year))),
        // One run with a separator after it: "1/" is January.
        (None, _) if has_separator => Ok(Some((first, ""))),
        // One run: 2–9 can only be a one-digit month; otherwise the month has two digits.
        // (`split_at_checked`: the runs are ASCII, and it keeps string-slicing panics, with
        // their formatting code, out of the wasm.)
        (None, _) if first.as_bytes()[0] >= b'2' => Ok(first.split_at_checked(1)),
        (None, _) => Ok(first.split_at_checked(first.len().min(2))),
    }
}

/// Reads what was typed as an expiry and checks it against `today`.
pub fn parse_expiry(text: &str, today: YearMonth) -> Result<Expiry, ExpiryError> {
    let (month, year) = split(text)?.ok_or(ExpiryError::Empty)?;
    let month_value: u8 = match month.len() {
        1 | 2 => month.parse().map_err(|_| ExpiryError::Malformed)?,
        _ => return Err(ExpiryError::InvalidMonth),
    };
    if month == "0" || (month == "1" && year.is_empty() && !text.contains('/')) {
        return Err(ExpiryError::Incomplete);
    }
    if !(1..=12).contains(&month_value) {
        return Err(ExpiryError::InvalidMonth);
    }
    let year_value: u16 = match year.len() {
        2 => 2000 + year.parse::<u16>().map_err(|_| ExpiryError::Malformed)?,
        4 => year.parse().map_err(|_| ExpiryError::Malformed)?,
        0 | 1 | 3 => return Err(ExpiryError::Incomplete),
        _ => return Err(ExpiryError::Malformed),
    };
    validate_expiry(month_value, year_value, today)
}

/// Checks a numeric month and four-digit year (as the API receives them) against `today`.
pub fn validate_expiry(month: u8, year: u16, today: YearMonth) -> Result<Expiry, ExpiryError> {
    if !(1..=12).contains(&month) {
        return Err(ExpiryError::InvalidMonth);
    }
    let at = YearMonth { year, month }.index();
    let now = today.index();
    if at < now {
        Err(ExpiryError::Expired)
    } else if at > now + MAX_MONTHS_AHEAD {
        Err(ExpiryError::TooFarAhead)
    } else {
        Ok(Expiry { month, year })
    }
}

/// `MM / YYYY` at most.
const CAP: usize = 9;

/// An expiry formatted for display, with no heap allocation.
#[derive(Clone, Copy, Debug)]
pub struct FormattedExpiry {
    buf: [u8; CAP],
    len: u8,
}

impl FormattedExpiry {
    /// The text to show.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }

    fn push(&mut self, s: &[u8]) {
        for &b in s {
            if (self.len as usize) < CAP {
                self.buf[self.len as usize] = b;
                self.len += 1;
            }
        }
    }
}

/// Formats what was typed as `MM / YY`: a lone 2–9 becomes `0N / `, a four-digit `20YY`
/// year shows as `YY`, and a deletion never puts the separator back.
pub fn format_expiry(text: &str, edit: Edit) -> FormattedExpiry {
    let mut out = FormattedExpiry {
        buf: [0; CAP],
        len: 0,
    };
    let Ok(Some((month, year))) = split(text) else {
        // Keep only the digits of anything unreadable; the validator names the problem.
        for b in text.bytes().filter(u8::is_ascii_digit).take(CAP) {
            out.push(&[b]);
        }
        return out;
    };
    let month = month.as_bytes();
    let month_done = match month {
        [d] if *d >= b'2' || !year.is_empty() || text.contains('/') => {
            out.push(&[b'0', *d]);
            true
        }
        [_] => {
            out.push(month);
            false
        }
        _ => {
            out.push(&month[..2]);
            true
        }
    };
    if !month_done {
        return out;
    }
    let year = year.as_bytes();
    let year = if year.len() == 4 && year.starts_with(b"20") {
        &year[2..]
    } else {
        year
    };
    if !year.is_empty() {
        out.push(b" / ");
        out.push(&year[..year.len().min(4)]);
    } else if edit == Edit::Insert {
        out.push(b" / ");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: YearMonth = YearMonth {
        year: 2026,
        month: 11,
    };

    fn ok(month: u8, year: u16) -> Result<Expiry, ExpiryError> {
        Ok(Expiry { month, year })
    }

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_expiry("12/27", NOW), ok(12, 2027));
        assert_eq!(parse_expiry("1/27", NOW), ok(1, 2027));
        assert_eq!(parse_expiry("12/2027", NOW), ok(12, 2027));
        assert_eq!(parse_expiry("12 / 27", NOW), ok(12, 2027));
        assert_eq!(parse_expiry("1227", NOW), ok(12, 2027));
        assert_eq!(parse_expiry("327", NOW), ok(3, 2027));
        assert_eq!(parse_expiry("03 / 28", NOW), ok(3, 2028));
    }

    #[test]
    fn typed_reasons() {
        assert_eq!(parse_expiry("", NOW), Err(ExpiryError::Empty));
        assert_eq!(parse_expiry("1", NOW), Err(ExpiryError::Incomplete));
        assert_eq!(parse_expiry("12", NOW), Err(ExpiryError::Incomplete));
        assert_eq!(parse_expiry("12 / 2", NOW), Err(ExpiryError::Incomplete));
        assert_eq!(parse_expiry("00/27", NOW), Err(ExpiryError::InvalidMonth));
        assert_eq!(parse_expiry("13/27", NOW), Err(ExpiryError::InvalidMonth));
        assert_eq!(parse_expiry("13", NOW), Err(ExpiryError::InvalidMonth));
        assert_eq!(parse_expiry("10/26", NOW), Err(ExpiryError::Expired));
        assert_eq!(parse_expiry("11/26", NOW), ok(11, 2026));
        assert_eq!(parse_expiry("11/46", NOW), ok(11, 2046));
        assert_eq!(parse_expiry("12/46", NOW), Err(ExpiryError::TooFarAhead));
        assert_eq!(parse_expiry("ab/cd", NOW), Err(ExpiryError::Malformed));
        assert_eq!(parse_expiry("1/2/3", NOW), Err(ExpiryError::Malformed));
    }

    #[test]
    fn numeric_fields_as_the_api_sends_them() {
        assert_eq!(
            validate_expiry(0, 2027, NOW),
            Err(ExpiryError::InvalidMonth)
        );
        assert_eq!(
            validate_expiry(13, 2027, NOW),
            Err(ExpiryError::InvalidMonth)
        );
        assert_eq!(validate_expiry(1, 2026, NOW), Err(ExpiryError::Expired));
        assert_eq!(validate_expiry(12, 2030, NOW), ok(12, 2030));
    }

    fn shown(text: &str, edit: Edit) -> String {
        format_expiry(text, edit).as_str().to_owned()
    }

    #[test]
    fn formats_as_typed() {
        assert_eq!(shown("1", Edit::Insert), "1");
        assert_eq!(shown("2", Edit::Insert), "02 / ");
        assert_eq!(shown("12", Edit::Insert), "12 / ");
        assert_eq!(shown("1/", Edit::Insert), "01 / ");
        assert_eq!(shown("12 / 2", Edit::Insert), "12 / 2");
        assert_eq!(shown("1227", Edit::Insert), "12 / 27");
        assert_eq!(shown("12/2027", Edit::Insert), "12 / 27");
        assert_eq!(shown("12 / 202", Edit::Insert), "12 / 202");
    }

    #[test]
    fn deleting_the_separator_does_not_bring_it_back() {
        assert_eq!(shown("12 /", Edit::DeleteBackward), "12");
        assert_eq!(shown("1", Edit::DeleteBackward), "1");
    }
}
