//! The card security code (CVC/CVV/CID).

use crate::brand::Brand;

/// Why a security code is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CvcError {
    /// Nothing entered.
    Empty,
    /// Something other than digits.
    InvalidCharacter,
    /// Fewer digits than the brand's code has.
    Incomplete,
    /// More digits than the brand's code has.
    TooLong,
}

/// The allowed lengths: the brand's, or 3–4 while the brand is unknown.
pub fn cvc_lengths(brand: Option<Brand>) -> (usize, usize) {
    match brand {
        Some(b) => (b.rules().cvc_len as usize, b.rules().cvc_len as usize),
        None => (3, 4),
    }
}

/// Validates a security code for the brand (4 digits for AMEX, 3 for most).
pub fn validate_cvc(text: &str, brand: Option<Brand>) -> Result<(), CvcError> {
    if text.is_empty() {
        return Err(CvcError::Empty);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CvcError::InvalidCharacter);
    }
    let (min, max) = cvc_lengths(brand);
    match text.len() {
        n if n < min => Err(CvcError::Incomplete),
        n if n > max => Err(CvcError::TooLong),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_by_brand() {
        assert_eq!(validate_cvc("123", Some(Brand::Visa)), Ok(()));
        assert_eq!(validate_cvc("1234", Some(Brand::Amex)), Ok(()));
        assert_eq!(
            validate_cvc("123", Some(Brand::Amex)),
            Err(CvcError::Incomplete)
        );
        assert_eq!(
            validate_cvc("1234", Some(Brand::Visa)),
            Err(CvcError::TooLong)
        );
        assert_eq!(validate_cvc("1234", None), Ok(()));
        assert_eq!(validate_cvc("", None), Err(CvcError::Empty));
        assert_eq!(validate_cvc("12a", None), Err(CvcError::InvalidCharacter));
    }
}
