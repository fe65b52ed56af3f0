//! The identity document engine ([`checkout_document`]) as the secure frame's on-demand module
//! (`frame/frame-latam.mjs`) calls it: a wasm of its own, fetched only by card forms whose
//! country has documents, so the frame's first paint does not carry it. The sandbox checks
//! the same numbers with the same crate.
//!
//! A document is named as Yuno's API names it: the session's country and its `document_type`
//! code (`"BR"`, `"CPF"`). Every function takes text and gives back text or a small number, so
//! the glue stays small; an unknown country or code is an answer, never a panic.

use checkout_document::{for_country, from_code, Charset, DocumentType, Reason};
use wasm_bindgen::prelude::*;

/// The `document_type` codes a form for `country` offers, the most common personal one first;
/// empty for a country without any.
#[wasm_bindgen]
pub fn kinds(country: &str) -> Vec<JsValue> {
    for_country(country)
        .iter()
        .map(|kind| JsValue::from_str(kind.code()))
        .collect()
}

/// Whether the document is written with digits only, so the field asks for a numeric keyboard.
#[wasm_bindgen]
pub fn numeric(country: &str, code: &str) -> bool {
    from_code(country, code).is_some_and(|kind| kind.charset() == Charset::Digits)
}

/// Why `text` is not an acceptable number of the document, as a code the module turns into
/// words: 0 acceptable, then [`reason_code`]'s.
#[wasm_bindgen]
pub fn check(country: &str, code: &str, text: &str) -> u8 {
    match from_code(country, code) {
        Some(kind) => checkout_document::validate(kind, text).map_or_else(reason_code, |()| 0),
        None => UNKNOWN,
    }
}

/// A code for the document type being unknown: the module never asks for one it was not given.
pub const UNKNOWN: u8 = 255;

/// The code of each [`Reason`] the module reads: 1 empty, 2 incomplete, 3 too long, 4 a
/// character never in it, 5 an impossible arrangement, 6 a wrong check digit.
pub fn reason_code(reason: Reason) -> u8 {
    match reason {
        Reason::Empty => 1,
        Reason::Incomplete => 2,
        Reason::TooLong => 3,
        Reason::InvalidCharacter => 4,
        Reason::InvalidFormat => 5,
        Reason::BadCheckDigit => 6,
    }
}

/// `[text, caret]`: `text` laid out as typed (`123.456.789-09`), and where the caret goes
/// (`caret` and the answer in UTF-16 units, as `selectionStart`). Text of an unknown document
/// comes back as it was.
#[wasm_bindgen]
pub fn format(country: &str, code: &str, text: &str, caret: u32) -> Vec<JsValue> {
    let (text, caret) = match from_code(country, code) {
        Some(kind) => {
            let (text, at) = checkout_document::format(kind, text, caret as usize);
            (text, u32::try_from(at).unwrap_or(caret))
        }
        None => (text.to_owned(), caret),
    };
    vec![JsValue::from_str(&text), JsValue::from(caret)]
}

/// The value to send (`12345678909`): separators dropped, letters upper case.
#[wasm_bindgen]
pub fn normalize(country: &str, code: &str, text: &str) -> String {
    from_code(country, code).map_or_else(
        || text.to_owned(),
        |kind: DocumentType| checkout_document::normalize(kind, text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_its_own_code() {
        let reasons = [
            Reason::Empty,
            Reason::Incomplete,
            Reason::TooLong,
            Reason::InvalidCharacter,
            Reason::InvalidFormat,
            Reason::BadCheckDigit,
        ];
        let codes: Vec<u8> = reasons.into_iter().map(reason_code).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn checks_by_country_and_code() {
        assert_eq!(check("BR", "CPF", "529.982.247-25"), 0);
        assert_eq!(check("BR", "CPF", "529.982.247-24"), 6);
        assert_eq!(check("BR", "cpf", "529.982"), 2);
        assert_eq!(check("BR", "CPF", ""), 1);
        assert_eq!(check("CL", "RUT", "12.345.678-5"), 0);
        assert_eq!(check("US", "SSN", "123"), UNKNOWN);
        assert_eq!(normalize("BR", "CPF", "529.982.247-25"), "52998224725");
        assert!(numeric("BR", "CPF"));
        assert!(!numeric("MX", "RFC"));
        assert!(!numeric("CL", "RUT"));
    }
}
