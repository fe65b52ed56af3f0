//! Identity documents for Latin American checkouts: which documents a country's form offers,
//! how each looks while typed, and whether a number is acceptable. Pure Rust with no DOM and
//! no allocation on the validation path, so the secure frame (in wasm) and the sandbox's API
//! (native) share one source of truth, as they do with `checkout-card`.
//!
//! - [`DocumentType`]: Brazil's CPF and CNPJ, Mexico's RFC and CURP, Argentina's DNI, CUIT
//!   and CUIL, Colombia's CC, CE and NIT, Chile's RUT, Peru's DNI and RUC, Uruguay's and
//!   Ecuador's CI, each with Yuno's `document_type` code, its country, lengths and characters;
//!   [`for_country`] and [`from_code`] find them.
//! - [`validate()`] returns a typed [`Reason`]; turning it into words in the shopper's language
//!   is the UI's job, so this crate holds no user-facing strings.
//! - [`format()`] lays a number out as typed, keeping the caret in place; [`normalize`] gives
//!   the value to send.
//!
//! The check digits follow their issuers' definitions: the Receita Federal (CPF, CNPJ, and
//! the alphanumeric CNPJ of Nota Técnica COCAD/SUARA/RFB nº 49/2024), the SAT (RFC), RENAPO's
//! Instructivo Normativo (CURP), AFIP (CUIT, CUIL), the DIAN (NIT), the SII (RUT), SUNAT
//! (RUC), the DNIC (Uruguay's CI) and the Registro Civil (Ecuador's CI). The tests hold each
//! to published numbers and to a second, naïve implementation (`tests/reference`).
//!
//! A check digit catches most typos, not all: some of these algorithms give two remainders
//! one digit (CPF, CNPJ, NIT, RUC), weigh a place by a multiple of the modulus (RFC, CURP,
//! Uruguay's CI) or give characters values a modulus apart (RFC, alphanumeric CNPJ), so a
//! few single-character changes still pass. Only the CUIT, CUIL, RUT and Ecuador's CI catch
//! every one.
//!
//! Some lengths are not fixed: Colombia's NIT is a company's 9-digit base or a person's
//! cédula (6–10 digits) before its check digit, and Chile's RUT numbers run from 1 to
//! 99.999.999 (1–8 digits) before their check character. As with Uruguay's CI, a number typed
//! without its check character then reads as a shorter one, so it is reported as a bad check
//! digit rather than incomplete (and the odd one passes); [`Reason::Incomplete`] means fewer
//! characters than the shortest number has.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod check;
pub mod format;
pub mod kind;
mod text;
pub mod validate;

pub use format::{format, normalize};
pub use kind::{for_country, from_code, Charset, DocumentType};
pub use validate::{validate, Reason};
