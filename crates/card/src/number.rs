//! Whether a card number is complete and acceptable.

use crate::brand::{detect, Brand, Detection};
use crate::digits::{Digits, MAX_DIGITS};
use crate::luhn;

/// Why a card number is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum NumberError {
    /// Nothing entered.
    Empty,
    /// Something other than digits, spaces or dashes.
    InvalidCharacter,
    /// Too few digits so far for the brand.
    Incomplete,
    /// No supported brand issues numbers starting like this.
    UnsupportedBrand,
    /// More digits than the brand issues.
    InvalidLength,
    /// The check digit is wrong (a typo).
    InvalidLuhn,
}

/// Validates a card number given as digits, optionally grouped with spaces or dashes, and
/// returns its brand.
pub fn validate_number(text: &str) -> Result<Brand, NumberError> {
    if text
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
    {
        return Err(NumberError::InvalidCharacter);
    }
    let count = text.bytes().filter(u8::is_ascii_digit).count();
    if count == 0 {
        return Err(NumberError::Empty);
    }
    if count > MAX_DIGITS {
        return Err(NumberError::InvalidLength);
    }
    validate_digits(&Digits::from_text(text, MAX_DIGITS))
}

/// Validates digits already extracted (the per-keystroke path).
pub fn validate_digits(digits: &Digits) -> Result<Brand, NumberError> {
    let bytes = digits.as_bytes();
    if bytes.is_empty() {
        return Err(NumberError::Empty);
    }
    let brand = match detect(bytes) {
        Detection::Brand(b) => b,
        Detection::Undecided => return Err(NumberError::Incomplete),
        Detection::NoMatch => return Err(NumberError::UnsupportedBrand),
    };
    let rules = brand.rules();
    let len = bytes.len();
    if !rules.lengths.contains(&(len as u8)) {
        return Err(if len < brand.max_len() {
            NumberError::Incomplete
        } else {
            NumberError::InvalidLength
        });
    }
    if rules.luhn && !luhn::is_valid(bytes) {
        return Err(NumberError::InvalidLuhn);
    }
    Ok(brand)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_cards_are_valid() {
        assert_eq!(validate_number("4111 1111 1111 1111"), Ok(Brand::Visa));
        assert_eq!(validate_number("4111-1111-1111-1111"), Ok(Brand::Visa));
        assert_eq!(validate_number("5555555555554444"), Ok(Brand::Mastercard));
        assert_eq!(validate_number("378282246310005"), Ok(Brand::Amex));
        assert_eq!(validate_number("4000000000000002"), Ok(Brand::Visa));
        assert_eq!(validate_number("4222222222222"), Ok(Brand::Visa));
        assert_eq!(validate_number("6200000000000005"), Ok(Brand::Unionpay));
    }

    #[test]
    fn typed_reasons() {
        assert_eq!(validate_number(""), Err(NumberError::Empty));
        assert_eq!(validate_number("  "), Err(NumberError::Empty));
        assert_eq!(validate_number("4111a"), Err(NumberError::InvalidCharacter));
        assert_eq!(validate_number("4111 1111"), Err(NumberError::Incomplete));
        assert_eq!(validate_number("4"), Err(NumberError::Incomplete));
        assert_eq!(
            validate_number("7111111111111111"),
            Err(NumberError::UnsupportedBrand)
        );
        assert_eq!(
            validate_number("4111111111111112"),
            Err(NumberError::InvalidLuhn)
        );
        assert_eq!(
            validate_number("37828224631000512"),
            Err(NumberError::InvalidLength)
        );
        assert_eq!(
            validate_number("41111111111111111111"),
            Err(NumberError::InvalidLength)
        );
        // 14 digits is not a Visa length, but 16 is still reachable.
        assert_eq!(
            validate_number("41111111111111"),
            Err(NumberError::Incomplete)
        );
    }
}
