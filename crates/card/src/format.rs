//! Formatting the card number while it is typed, keeping the caret where the shopper expects.

use crate::brand::{detect, Brand, Detection, DEFAULT_GROUPS};
use crate::digits::{Digits, MAX_DIGITS};

/// What the edit that produced the new text was, as the browser's `inputType` tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Typing, pasting, autofill, or anything that is not a deletion.
    Insert,
    /// Backspace.
    DeleteBackward,
    /// The Delete key.
    DeleteForward,
}

/// Room for 19 digits and the 4 gaps between their groups.
const CAP: usize = MAX_DIGITS + 5;

/// A formatted card number and the caret to place in it, with no heap allocation.
#[derive(Clone, Copy, Debug)]
pub struct FormattedNumber {
    buf: [u8; CAP],
    len: u8,
    /// Caret position, in UTF-16 code units (all ASCII here, so also bytes).
    pub caret: usize,
    /// The digits kept, in order.
    pub digits: Digits,
    /// The brand as far as the digits tell.
    pub detection: Detection,
}

impl FormattedNumber {
    /// The text to show.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

/// Formats `text` after an edit: keeps its digits in order (refusing any past the brand's
/// longest number), groups them by the brand's gaps, and moves the caret to sit after the same
/// digit it followed in `text`. `caret` is the browser's `selectionStart` in UTF-16 units.
///
/// A deletion that removed only a gap (backspace just after a space) removes the digit
/// before it, as the shopper meant; `previous` is the text shown before the edit.
pub fn format_number(previous: &str, text: &str, caret: usize, edit: Edit) -> FormattedNumber {
    let mut digits = Digits::new();
    let mut digits_before = 0;
    let mut count = 0;
    let mut pos = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if pos < caret {
                digits_before += 1;
            }
            count += 1;
            digits.push(c as u8, MAX_DIGITS);
        }
        pos += c.len_utf16();
    }
    digits_before = digits_before.min(digits.len());

    let only_gap_deleted = edit != Edit::Insert
        && text.len() < previous.len()
        && count == previous.bytes().filter(u8::is_ascii_digit).count();
    if only_gap_deleted {
        match edit {
            Edit::DeleteBackward if digits_before > 0 => {
                digits.remove(digits_before - 1);
                digits_before -= 1;
            }
            Edit::DeleteForward => digits.remove(digits_before),
            _ => {}
        }
    }

    let detection = detect(digits.as_bytes());
    let brand = detection.brand();
    digits.truncate(brand.map_or(MAX_DIGITS, Brand::max_len));
    let digits_before = digits_before.min(digits.len());
    let groups = brand.map_or(DEFAULT_GROUPS, |b| b.groups(digits.len()));

    let mut out = FormattedNumber {
        buf: [0; CAP],
        len: 0,
        caret: 0,
        digits,
        detection,
    };
    let mut group = 0;
    let mut in_group = 0;
    for (i, &d) in digits.as_bytes().iter().enumerate() {
        if in_group == groups.get(group).copied().unwrap_or(u8::MAX) {
            out.buf[out.len as usize] = b' ';
            out.len += 1;
            group += 1;
            in_group = 0;
        }
        out.buf[out.len as usize] = d;
        out.len += 1;
        in_group += 1;
        if i + 1 == digits_before {
            out.caret = out.len as usize;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(prev: &str, text: &str, caret: usize, edit: Edit) -> (String, usize) {
        let f = format_number(prev, text, caret, edit);
        (f.as_str().to_owned(), f.caret)
    }

    #[test]
    fn typing_groups_by_four() {
        assert_eq!(fmt("4111", "41111", 5, Edit::Insert), ("4111 1".into(), 6));
        assert_eq!(fmt("411", "4111", 4, Edit::Insert), ("4111".into(), 4));
    }

    #[test]
    fn paste_with_dashes_and_spaces() {
        let text = "4111-1111 1111 1111";
        assert_eq!(
            fmt("", text, 19, Edit::Insert),
            ("4111 1111 1111 1111".into(), 19)
        );
    }

    #[test]
    fn amex_and_diners_gaps() {
        assert_eq!(
            fmt("", "378282246310005", 15, Edit::Insert).0,
            "3782 822463 10005"
        );
        assert_eq!(
            fmt("", "36227206271667", 14, Edit::Insert).0,
            "3622 720627 1667"
        );
        assert_eq!(
            fmt("", "4111111111111111111", 19, Edit::Insert).0,
            "4111 1111 1111 1111 111"
        );
    }

    #[test]
    fn digits_past_the_brand_maximum_are_refused() {
        let (text, caret) = fmt("", "3782822463100051", 16, Edit::Insert);
        assert_eq!(text, "3782 822463 10005");
        assert_eq!(caret, text.len());
        assert_eq!(
            fmt("", "41111111111111111111111", 23, Edit::Insert).0.len(),
            23
        );
    }

    #[test]
    fn backspace_over_a_gap_deletes_the_digit_before_it() {
        // "4111 |1111" and backspace: the browser removes the space.
        assert_eq!(
            fmt("4111 1111", "41111111", 4, Edit::DeleteBackward),
            ("4111 111".into(), 3)
        );
        // Delete key just before the gap: the digit after it goes.
        assert_eq!(
            fmt("4111 1111", "41111111", 4, Edit::DeleteForward),
            ("4111 111".into(), 4)
        );
    }

    #[test]
    fn editing_in_the_middle_keeps_the_caret_after_the_same_digit() {
        // Delete the "2" in "4111 2111 1" (caret after it at 6).
        assert_eq!(
            fmt("4111 2111 1", "4111 111 1", 5, Edit::DeleteBackward),
            ("4111 1111".into(), 4)
        );
        // Insert "9" after the first group's space.
        assert_eq!(
            fmt("4111 1111", "4111 91111", 6, Edit::Insert),
            ("4111 9111 1".into(), 6)
        );
    }

    #[test]
    fn non_digits_are_dropped_and_caret_is_in_utf16_units() {
        assert_eq!(fmt("", "4é1", 3, Edit::Insert), ("41".into(), 2));
        assert_eq!(fmt("", "abc", 3, Edit::Insert), ("".into(), 0));
    }
}
