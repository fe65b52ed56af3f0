//! Properties of the card engine over generated input.

use checkout_card::{
    brand::{detect, Brand, Detection},
    format::{format_number, Edit},
    luhn, validate_number,
};
use proptest::prelude::*;

/// A valid number: a real prefix of `brand`, random middle digits, and the Luhn check digit.
fn valid_number() -> impl Strategy<Value = String> {
    let brands: Vec<(&str, usize)> = vec![
        ("41", 16),
        ("41", 13),
        ("41", 19),
        ("55", 16),
        ("2221", 16),
        ("37", 15),
        ("6011", 16),
        ("36", 14),
        ("3530", 16),
        ("636297", 16),
        ("606282", 16),
        ("2200", 16),
        ("979200", 16),
    ];
    (
        proptest::sample::select(brands),
        proptest::collection::vec(0u8..10, 19),
    )
        .prop_map(|((prefix, len), fill)| {
            let mut s: Vec<u8> = prefix.bytes().collect();
            s.extend(fill.iter().take(len - 1 - prefix.len()).map(|d| b'0' + d));
            s.push(luhn::check_digit(&s));
            String::from_utf8(s).unwrap()
        })
}

proptest! {
    #[test]
    fn formatting_keeps_exactly_the_digits_typed(text in "[0-9 -]{0,22}", caret in 0usize..30) {
        let typed: String = text.chars().filter(char::is_ascii_digit).collect();
        let out = format_number("", &text, caret.min(text.len()), Edit::Insert);
        let kept: String = out.as_str().chars().filter(char::is_ascii_digit).collect();
        // Digits are kept in order; only those past the brand's maximum are refused.
        prop_assert!(typed.starts_with(&kept));
        let max = out.detection.brand().map_or(19, Brand::max_len);
        prop_assert_eq!(kept.len(), typed.len().min(max));
        prop_assert_eq!(kept.as_str(), out.digits.as_str());
    }

    #[test]
    fn the_caret_never_lands_inside_a_gap(text in "[0-9 ]{0,24}", caret in 0usize..30, backspace: bool) {
        let edit = if backspace { Edit::DeleteBackward } else { Edit::Insert };
        let out = format_number("4111 1111 1111 1111", &text, caret.min(text.len()), edit);
        let shown = out.as_str().as_bytes();
        prop_assert!(out.caret <= shown.len());
        prop_assert!(out.caret == 0 || shown[out.caret - 1].is_ascii_digit());
        prop_assert!(!out.as_str().ends_with(' ') && !out.as_str().contains("  "));
    }

    #[test]
    fn formatting_is_idempotent(text in "[0-9]{0,19}") {
        let once = format_number("", &text, text.len(), Edit::Insert);
        let twice = format_number(once.as_str(), once.as_str(), once.caret, Edit::Insert);
        prop_assert_eq!(once.as_str(), twice.as_str());
        prop_assert_eq!(once.caret, twice.caret);
    }

    #[test]
    fn generated_valid_numbers_pass_and_any_single_digit_change_fails(
        number in valid_number(), pos in 0usize..19, delta in 1u8..10,
    ) {
        prop_assert!(luhn::is_valid(number.as_bytes()));
        prop_assert!(validate_number(&number).is_ok(), "{}", number);
        let mut changed = number.clone().into_bytes();
        let i = pos % changed.len();
        changed[i] = b'0' + (changed[i] - b'0' + delta) % 10;
        prop_assert!(!luhn::is_valid(&changed));
    }

    #[test]
    fn detection_is_stable_as_digits_are_appended(digits in "[0-9]{1,19}") {
        let bytes = digits.as_bytes();
        let mut decided: Option<Detection> = None;
        for n in 1..=bytes.len() {
            let now = detect(&bytes[..n]);
            if let Some(before) = decided {
                prop_assert_eq!(before, now, "changed at {} digits of {}", n, digits);
            } else if now != Detection::Undecided {
                decided = Some(now);
            }
        }
        // Six digits always decide.
        if bytes.len() >= 6 {
            prop_assert_ne!(detect(bytes), Detection::Undecided);
        }
    }
}
