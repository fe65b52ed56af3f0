//! Card rules: what a card number is, how it looks while typed, and whether the details are
//! acceptable. Pure Rust with no DOM and no allocation on the per-keystroke path, so the
//! secure frame (in wasm) and the sandbox's token endpoint (native) share one source of truth.
//!
//! Every check returns a typed reason; turning a reason into words in the shopper's language is
//! the UI's job, so this crate holds no user-facing strings.

#![forbid(unsafe_code)]

pub mod brand;
pub mod cvc;
pub mod digits;
pub mod expiry;
pub mod format;
pub mod holder;
pub mod luhn;
pub mod number;

pub use brand::{detect, Brand, Detection};
pub use cvc::{validate_cvc, CvcError};
pub use expiry::{format_expiry, parse_expiry, validate_expiry, Expiry, ExpiryError, YearMonth};
pub use format::{format_number, Edit, FormattedNumber};
pub use holder::{trim, validate_holder, HolderError};
pub use number::{validate_digits, validate_number, NumberError};
