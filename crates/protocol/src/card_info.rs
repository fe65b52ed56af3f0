//! The card facts the frame may tell the host. Their types refuse anything that could be a
//! full card number: an IIN of at most 8 digits, exactly four last digits.

use serde::{Deserialize, Deserializer, Serialize};

use crate::Brand;

/// Non-sensitive facts about the tokenized card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardInfo {
    /// The card's brand.
    pub brand: Brand,
    /// First 6–8 digits.
    pub iin: Iin,
    /// Last four digits.
    pub lfd: LastFour,
    /// Expiry month, 1–12.
    pub expiration_month: u8,
    /// Four-digit expiry year.
    pub expiration_year: u16,
    /// The shopper ticked "Save this card" (offered when [`crate::Configure::save_card`]):
    /// the token saves the card when its payment succeeds.
    pub save: bool,
    /// The number of installments the shopper chose (1: a single payment).
    pub installments: u8,
    /// How many digits the card number has (16–19; 0 for a shorter number, whose IIN and last
    /// four already show 10 of its digits) and its security code (3 or 4): Yuno's
    /// `card_data.number_length` and `security_code_length`.
    pub number_length: u8,
    pub security_code_length: u8,
}

/// An issuer identification number: 1 to 8 ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Iin(String);

/// The last four digits of a card number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LastFour(String);

fn digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

impl Iin {
    /// `Some` for 1 to 8 digits.
    pub fn new(s: &str) -> Option<Self> {
        digits(s, 1, 8).then(|| Self(s.to_owned()))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl LastFour {
    /// `Some` for exactly 4 digits.
    pub fn new(s: &str) -> Option<Self> {
        digits(s, 4, 4).then(|| Self(s.to_owned()))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Iin {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Iin::new(&s).ok_or_else(|| serde::de::Error::custom("iin must be 1 to 8 digits"))
    }
}

impl<'de> Deserialize<'de> for LastFour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LastFour::new(&s).ok_or_else(|| serde::de::Error::custom("lfd must be 4 digits"))
    }
}
