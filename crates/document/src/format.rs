//! The canonical value, and the number as shown while typed with the caret kept in place.

use crate::kind::{DocumentType, Layout};
use crate::text::extract;

/// The value to send to an API: the characters `kind` allows, in order, upper case, without
/// separators, and no more than its longest number has. Run [`validate`](crate::validate())
/// first: on text that passes, this only drops separators and upper-cases; on other text it
/// drops what is not allowed, as [`format()`] does.
pub fn normalize(kind: DocumentType, text: &str) -> String {
    extract(kind, text, 0).0.to_text()
}

/// Formats `text` as typed: keeps the characters `kind` allows (upper-cased; separators and
/// anything else dropped), refuses those past its longest number, and lays them out the
/// usual way (`123.456.789-09`, `12.345.678/0001-95`, `20-12345678-3`, `12.345.678-K`,
/// `900.123.456-7`, `1.234.567-2`, `12.345.678`; RFC, CURP, RUC and the rest as plain
/// characters). A separator appears once the character after it is typed. Where the length
/// varies and a check character ends the number (NIT, RUT, Uruguay's CI), the last character
/// typed so far is shown after the dash, and the dots move as characters arrive.
///
/// `caret` is the browser's `selectionStart` in UTF-16 units; the returned caret, in the same
/// units, sits right after the same significant character it followed in `text` (at 0 if
/// none), so typing and deleting in the middle keep their place.
pub fn format(kind: DocumentType, text: &str, caret: usize) -> (String, usize) {
    let (chars, before) = extract(kind, text, caret);
    let number = chars.as_bytes();
    let mut out = String::with_capacity(number.len() + 5);
    // Every character written is ASCII or `Ñ`: one UTF-16 unit each.
    let mut units = 0;
    let mut at = 0;
    let mut push = |out: &mut String, b: u8, significant: bool| {
        out.push(char::from(b));
        units += 1;
        if significant {
            at += 1;
            if at == before {
                return Some(units);
            }
        }
        None
    };
    let mut new_caret = 0;
    match kind.spec().layout {
        Layout::Plain => {
            for &b in number {
                new_caret = push(&mut out, b, true).unwrap_or(new_caret);
            }
        }
        Layout::Pattern(pattern) => {
            let mut rest = number.iter();
            let mut next = rest.next();
            for slot in pattern.bytes() {
                let Some(&b) = next else { break };
                if slot == b'#' {
                    new_caret = push(&mut out, b, true).unwrap_or(new_caret);
                    next = rest.next();
                } else {
                    push(&mut out, slot, false);
                }
            }
        }
        Layout::Thousands { check } => {
            // The body is everything before the check character, once there are two.
            let body = if check && number.len() > 1 {
                number.len() - 1
            } else {
                number.len()
            };
            for (i, &b) in number.iter().enumerate() {
                if i > 0 && i == body {
                    push(&mut out, b'-', false);
                } else if i > 0 && body.checked_sub(i).is_some_and(|n| n % 3 == 0) {
                    push(&mut out, b'.', false);
                }
                new_caret = push(&mut out, b, true).unwrap_or(new_caret);
            }
        }
    }
    (out, new_caret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocumentType::*;

    fn fmt(kind: DocumentType, text: &str, caret: usize) -> (String, usize) {
        format(kind, text, caret)
    }

    #[test]
    fn layouts() {
        let full = |kind, text: &str| fmt(kind, text, text.len()).0;
        assert_eq!(full(BrCpf, "11144477735"), "111.444.777-35");
        assert_eq!(full(BrCnpj, "11222333000181"), "11.222.333/0001-81");
        assert_eq!(full(BrCnpj, "12abc34501de35"), "12.ABC.345/01DE-35");
        assert_eq!(full(ArCuit, "20123456786"), "20-12345678-6");
        assert_eq!(full(CoNit, "8001972684"), "800.197.268-4");
        assert_eq!(full(CoNit, "1234563"), "123.456-3");
        assert_eq!(full(CoNit, "522388031"), "52.238.803-1");
        assert_eq!(full(CoNit, "10203040508"), "1.020.304.050-8");
        assert_eq!(full(CoNit, "102030405089"), "1.020.304.050-8");
        assert_eq!(full(ClRut, "12345678k"), "12.345.678-K");
        assert_eq!(full(ClRut, "7654321-6"), "7.654.321-6");
        assert_eq!(full(ClRut, "19"), "1-9");
        assert_eq!(full(ClRut, "1234560"), "123.456-0");
        assert_eq!(full(UyCi, "12345672"), "1.234.567-2");
        assert_eq!(full(UyCi, "1111113"), "111.111-3");
        assert_eq!(full(ArDni, "12345678"), "12.345.678");
        assert_eq!(full(ArDni, "1234567"), "1.234.567");
        assert_eq!(full(MxRfc, "gode 561231 gr8"), "GODE561231GR8");
        assert_eq!(full(MxRfc, "muñ-110218-lj6"), "MUÑ110218LJ6");
        assert_eq!(full(PeRuc, "20131312955"), "20131312955");
    }

    #[test]
    fn separators_appear_as_the_next_character_is_typed() {
        assert_eq!(fmt(BrCpf, "123", 3), ("123".into(), 3));
        assert_eq!(fmt(BrCpf, "1234", 4), ("123.4".into(), 5));
        assert_eq!(fmt(ClRut, "1", 1), ("1".into(), 1));
        assert_eq!(fmt(ClRut, "12", 2), ("1-2".into(), 3));
        assert_eq!(fmt(ClRut, "12345", 5), ("1.234-5".into(), 7));
        assert_eq!(fmt(CoNit, "800", 3), ("80-0".into(), 4));
        assert_eq!(fmt(CoNit, "800197268", 9), ("80.019.726-8".into(), 12));
        assert_eq!(fmt(CoNit, "8001972684", 10), ("800.197.268-4".into(), 13));
        assert_eq!(fmt(ArCuit, "20", 2), ("20".into(), 2));
        assert_eq!(fmt(ArCuit, "201", 3), ("20-1".into(), 4));
    }

    #[test]
    fn past_the_longest_number_is_refused() {
        assert_eq!(
            fmt(BrCpf, "111.444.777-359", 15),
            ("111.444.777-35".into(), 14)
        );
        // A company's RFC stops at 12 characters, a person's at 13.
        assert_eq!(fmt(MxRfc, "MUÑ110218LJ6X", 13), ("MUÑ110218LJ6".into(), 12));
        assert_eq!(
            fmt(MxRfc, "GODE561231GR8X", 14),
            ("GODE561231GR8".into(), 13)
        );
    }

    #[test]
    fn the_caret_stays_after_the_same_character() {
        // "123.4|56" and a digit typed there: "123.49|56" becomes "123.495.6".
        assert_eq!(fmt(BrCpf, "123.4956", 6), ("123.495.6".into(), 6));
        // Backspace over the dot in "123.|456": the caret lands after the 3.
        assert_eq!(fmt(BrCpf, "123456", 3), ("123.456".into(), 3));
        // Thousands move as digits arrive: "1.234-5" and a 6 typed after the 1.
        assert_eq!(fmt(ClRut, "16.234-5", 2), ("16.234-5".into(), 2));
        assert_eq!(fmt(ClRut, "1.6234-5", 3), ("16.234-5".into(), 2));
        assert_eq!(fmt(BrCpf, "abc", 3), ("".into(), 0));
        assert_eq!(fmt(BrCpf, "1", 0), ("1".into(), 0));
    }

    #[test]
    fn caret_in_utf16_units() {
        // "é" is one unit, "😀" two: a caret of 4 follows "1é😀", one digit.
        assert_eq!(fmt(PeDni, "1é😀2", 4), ("12".into(), 1));
        assert_eq!(fmt(MxRfc, "ñ", 1), ("Ñ".into(), 1));
        assert_eq!(fmt(MxRfc, "AÑ&", 2), ("AÑ&".into(), 2));
    }

    #[test]
    fn normalize_is_the_value_to_send() {
        assert_eq!(normalize(BrCpf, "111.444.777-35"), "11144477735");
        assert_eq!(normalize(ClRut, "12.345.678-k"), "12345678K");
        assert_eq!(normalize(ClRut, "1-9"), "19");
        assert_eq!(normalize(CoNit, "52.238.803-1"), "522388031");
        assert_eq!(normalize(MxRfc, " muñ 110218 lj6 "), "MUÑ110218LJ6");
        assert_eq!(normalize(PeDni, "123456789"), "12345678");
    }
}
