//! The words the frame showed the shopper about a failure, passed on to the host for
//! `onError`. Text crossing the boundary could carry card data, so its type refuses what a
//! card number or a security code needs: more than [`MAX_DIGITS`] ASCII digits in all (the
//! frame's messages have at most two: "26 characters", "3 digits"), and more than
//! [`MAX_LEN`] bytes.

use serde::{Deserialize, Deserializer, Serialize};

/// The most ASCII digits a notice may hold, wherever they are.
pub const MAX_DIGITS: usize = 2;
/// The longest notice, in bytes.
pub const MAX_LEN: usize = 300;

/// A message for the shopper, checked to carry no card data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Notice(String);

impl Notice {
    /// `Some` for text of at most [`MAX_LEN`] bytes with at most [`MAX_DIGITS`] digits.
    pub fn new(s: &str) -> Option<Self> {
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        (digits <= MAX_DIGITS && s.len() <= MAX_LEN).then(|| Self(s.to_owned()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Notice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Notice::new(&s)
            .ok_or_else(|| serde::de::Error::custom("a notice has at most 2 digits and 300 bytes"))
    }
}
