//! Every parser and formatter of the card engine, and of the identity-document engine, over
//! arbitrary text: no panic, and the formatters' promises hold (digits kept in order, caret
//! inside the text, never after a gap; a document's characters kept through formatting).
#![no_main]

use checkout_card::{
    format_expiry, format_number, parse_expiry, validate_cvc, validate_holder, validate_number, Brand, Edit,
    YearMonth,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (previous, current) = text.split_once('\u{0}').unwrap_or(("", text));
    let caret = data.first().map_or(0, |&b| b as usize);
    for edit in [Edit::Insert, Edit::DeleteBackward, Edit::DeleteForward] {
        let out = format_number(previous, current, caret, edit);
        let shown = out.as_str().as_bytes();
        assert!(out.caret <= shown.len());
        assert!(out.caret == 0 || shown[out.caret - 1].is_ascii_digit());
        let kept: Vec<u8> = shown.iter().copied().filter(u8::is_ascii_digit).collect();
        assert_eq!(kept, out.digits.as_bytes());
        let _ = format_expiry(current, edit);
    }
    let _ = validate_number(current);
    let _ = parse_expiry(current, YearMonth { year: 2026, month: 11 });
    let _ = validate_cvc(current, Some(Brand::Amex));
    let _ = validate_cvc(current, None);
    let _ = validate_holder(current);
    for kind in checkout_document::DocumentType::ALL {
        let _ = checkout_document::validate(kind, current);
        let (shown, at) = checkout_document::format(kind, current, caret);
        assert!(at <= shown.encode_utf16().count());
        assert_eq!(
            checkout_document::normalize(kind, &shown),
            checkout_document::normalize(kind, current)
        );
    }
});
