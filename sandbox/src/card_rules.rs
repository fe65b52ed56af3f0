//! The token endpoint's card checks: the card engine's typed reasons turned into the API's
//! 400s, each naming its field. Messages never contain the value checked.

use checkout_card::cvc::cvc_lengths;
use checkout_card::{
    validate_cvc, validate_expiry, validate_holder, validate_number, Brand, CvcError, ExpiryError,
    HolderError, NumberError, YearMonth,
};

use crate::error::ApiError;

const NUMBER: &str = "payment_method.card.number";
const MONTH: &str = "payment_method.card.expiration_month";
const YEAR: &str = "payment_method.card.expiration_year";
const CVC: &str = "payment_method.card.security_code";
const HOLDER: &str = "payment_method.card.holder_name";

/// Validates a card number; returns its brand.
pub fn number(number: &str) -> Result<Brand, ApiError> {
    validate_number(number).map_err(|e| {
        let (code, why) = match e {
            NumberError::Empty => ("INVALID_CARD_NUMBER", "is required"),
            NumberError::InvalidCharacter => ("INVALID_CARD_NUMBER", "must contain only digits"),
            NumberError::Incomplete => ("INVALID_CARD_NUMBER", "is too short for its brand"),
            NumberError::InvalidLength => ("INVALID_CARD_NUMBER", "is too long for its brand"),
            NumberError::InvalidLuhn => {
                ("INVALID_CARD_NUMBER", "fails the check digit (Luhn) test")
            }
            NumberError::UnsupportedBrand => (
                "UNSUPPORTED_CARD_BRAND",
                "is not from a supported card brand",
            ),
        };
        ApiError::field(code, NUMBER, format!("`{NUMBER}` {why}"))
    })
}

/// Validates an expiry month and four-digit year against this month.
pub fn expiry(month: u8, year: u16, today: YearMonth) -> Result<(), ApiError> {
    validate_expiry(month, year, today)
        .map(|_| ())
        .map_err(|e| {
            let (field, why) = match e {
                ExpiryError::InvalidMonth => (MONTH, "must be from 1 to 12"),
                ExpiryError::Expired => (YEAR, "is in the past: the card has expired"),
                ExpiryError::TooFarAhead => (YEAR, "is more than 20 years ahead"),
                ExpiryError::Empty | ExpiryError::Incomplete | ExpiryError::Malformed => {
                    (YEAR, "is not a valid date")
                }
            };
            ApiError::field("INVALID_EXPIRATION_DATE", field, format!("`{field}` {why}"))
        })
}

/// Validates a security code for the brand.
pub fn cvc(code: &str, brand: Option<Brand>) -> Result<(), ApiError> {
    validate_cvc(code, brand).map_err(|e| {
        let why = match e {
            CvcError::Empty => "is required",
            CvcError::InvalidCharacter => "must contain only digits",
            CvcError::Incomplete | CvcError::TooLong => match cvc_lengths(brand) {
                (4, 4) => "must be 4 digits for this brand",
                (3, 3) => "must be 3 digits for this brand",
                _ => "must be 3 or 4 digits",
            },
        };
        ApiError::field("INVALID_SECURITY_CODE", CVC, format!("`{CVC}` {why}"))
    })
}

/// Validates a holder name.
pub fn holder(name: &str) -> Result<(), ApiError> {
    validate_holder(name).map_err(|e| {
        let why = match e {
            HolderError::Empty => "is required",
            HolderError::TooShort => "must be at least 2 characters",
            HolderError::TooLong => "must be at most 26 characters",
            HolderError::InvalidCharacter => {
                "may contain only letters, spaces, apostrophes, hyphens and dots"
            }
        };
        ApiError::field("INVALID_HOLDER_NAME", HOLDER, format!("`{HOLDER}` {why}"))
    })
}
