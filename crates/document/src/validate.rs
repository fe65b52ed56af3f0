//! Whether a document number is complete and acceptable.

use crate::check;
use crate::kind::{DocumentType, N_TILDE};
use crate::text::{is_separator, significant, Chars};

/// Why a document number is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Reason {
    /// Nothing entered (separators only count as nothing).
    Empty,
    /// Too few characters so far: fewer than the kind's shortest number
    /// ([`DocumentType::min_len`]). Where the length varies and the check character comes
    /// last (NIT, RUT, Uruguay's CI), a number typed without it reads as a shorter one ending
    /// in a check character, so it fails as [`Reason::BadCheckDigit`] instead (or now and
    /// then passes).
    Incomplete,
    /// More characters than the document has.
    TooLong,
    /// A character the document is never written with (a letter in a CPF, a `?`…).
    InvalidCharacter,
    /// The right characters in an impossible arrangement: an RFC or CURP whose date is no
    /// date, a CURP's unknown state, a prefix no CUIT or RUC starts with, a `K` before a RUT's
    /// end, a RUT numbered 0 or a CPF or CNPJ of one repeated digit (which pass the arithmetic
    /// but are never issued).
    InvalidFormat,
    /// The check digit does not match the rest (a typo).
    BadCheckDigit,
}

/// Validates `text` as a `kind` number. Separators (spaces, dots, dashes, slashes, commas) may
/// sit anywhere and letters may be lower case; [`normalize`](crate::normalize) gives the
/// value to send once this passes.
///
/// Reasons come in order: characters, then length, then arrangement, then check digit.
pub fn validate(kind: DocumentType, text: &str) -> Result<(), Reason> {
    let charset = kind.charset();
    let mut chars = Chars::new();
    let mut count = 0usize;
    for c in text.chars() {
        if is_separator(c) {
            continue;
        }
        match significant(c) {
            Some(b) if charset.accepts(b) => {
                // Past the buffer, only the count matters: the number is too long anyway.
                chars.push(b);
                count += 1;
            }
            _ => return Err(Reason::InvalidCharacter),
        }
    }
    let number = chars.as_bytes();
    let (min, max) = match kind {
        // A digit fourth makes a company's RFC (3 letters), a letter a person's (4).
        DocumentType::MxRfc if number.get(3).is_some_and(u8::is_ascii_digit) => (12, 12),
        DocumentType::MxRfc => (13, 13),
        _ => (kind.min_len(), kind.max_len()),
    };
    match count {
        0 => return Err(Reason::Empty),
        n if n < min => return Err(Reason::Incomplete),
        n if n > max => return Err(Reason::TooLong),
        _ => {}
    }
    if !arranged(kind, number) {
        return Err(Reason::InvalidFormat);
    }
    let checked = match kind {
        DocumentType::BrCpf => check::cpf(number),
        DocumentType::BrCnpj => check::cnpj(number),
        DocumentType::MxRfc => check::rfc(number),
        DocumentType::MxCurp => check::curp(number),
        DocumentType::ArCuit | DocumentType::ArCuil => check::cuit(number),
        DocumentType::CoNit => check::nit(number),
        DocumentType::ClRut => check::rut(number),
        DocumentType::PeRuc => check::ruc(number),
        DocumentType::UyCi => check::uy_ci(number),
        DocumentType::EcCi => check::ec_ci(number),
        DocumentType::ArDni | DocumentType::CoCc | DocumentType::CoCe | DocumentType::PeDni => true,
    };
    if checked {
        Ok(())
    } else {
        Err(Reason::BadCheckDigit)
    }
}

/// Whether a number of the right length and characters is arranged as its kind's are.
fn arranged(kind: DocumentType, number: &[u8]) -> bool {
    match kind {
        DocumentType::BrCpf | DocumentType::BrCnpj => !all_same(number),
        DocumentType::MxRfc => rfc(number),
        DocumentType::MxCurp => curp(number),
        // AFIP's prefixes: 20, 23, 24, 27 for people, 30, 33, 34 for companies. A CUIL is a
        // person's only.
        DocumentType::ArCuit => {
            matches!(number, [b'2', b'0' | b'3' | b'4' | b'7', ..])
                || matches!(number, [b'3', b'0' | b'3' | b'4', ..])
        }
        DocumentType::ArCuil => matches!(number, [b'2', b'0' | b'3' | b'4' | b'7', ..]),
        // `K` is only ever the check character, and RUTs start at 1 (leading zeros are only
        // padding).
        DocumentType::ClRut => number.split_last().is_some_and(|(_, body)| {
            body.iter().all(u8::is_ascii_digit) && body.iter().any(|&d| d != b'0')
        }),
        // SUNAT's prefixes: 10 for people with a DNI, 15 and 17 for people registered with
        // other documents, 20 for companies.
        DocumentType::PeRuc => matches!(number, [b'1', b'0' | b'5' | b'7', ..] | [b'2', b'0', ..]),
        // Province 01–24, or 30 for Ecuadorians registered abroad; third digit under 6 for
        // a natural person.
        DocumentType::EcCi => {
            matches!(two_digits(number, 0), Some(1..=24 | 30))
                && number.get(2).is_some_and(|&d| d < b'6')
        }
        DocumentType::ArDni
        | DocumentType::CoCc
        | DocumentType::CoCe
        | DocumentType::CoNit
        | DocumentType::PeDni
        | DocumentType::UyCi => true,
    }
}

/// Whether every character is the same (`111.111.111-11`).
fn all_same(number: &[u8]) -> bool {
    number.windows(2).all(|w| w.first() == w.last())
}

/// The two-digit number at `at`, if both are digits.
fn two_digits(number: &[u8], at: usize) -> Option<u32> {
    match number.get(at..at + 2)? {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
        }
        _ => None,
    }
}

/// Whether `YYMMDD` at `at` is a calendar date; `leap` says whether year `YY` is a leap year.
fn date(number: &[u8], at: usize, leap: fn(u32) -> bool) -> bool {
    let (Some(yy), Some(mm), Some(dd)) = (
        two_digits(number, at),
        two_digits(number, at + 2),
        two_digits(number, at + 4),
    ) else {
        return false;
    };
    let days = match mm {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(yy) => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&dd)
}

/// An RFC's name part: letters, `Ñ` or `&`.
fn name_letter(b: &u8) -> bool {
    b.is_ascii_uppercase() || *b == b'&' || *b == N_TILDE
}

/// RFC (SAT): 4 name letters for a person or 3 for a company, the date `YYMMDD` (a person's
/// birth, a company's incorporation), a two-character homoclave and the check character.
fn rfc(number: &[u8]) -> bool {
    let letters = if number.len() == 12 { 3 } else { 4 };
    let (Some(name), Some(homoclave)) =
        (number.get(..letters), number.get(letters + 6..letters + 8))
    else {
        return false;
    };
    // No century in an RFC: 2000 is a leap year and 1900 is not, so either century's 29
    // February is accepted.
    name.iter().all(name_letter)
        && date(number, letters, |yy| yy % 4 == 0)
        && homoclave
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// CURP (RENAPO): 4 letters from the name, birth date `YYMMDD`, sex (`H`, `M`, or `X` for
/// non-binary), a state code, 3 inner consonants, a character telling the century (a digit
/// before 2000, a letter from 2000) and the check digit.
fn curp(number: &[u8]) -> bool {
    /// States in the Instructivo Normativo's order, `NE` (born abroad) last.
    const STATES: [&[u8; 2]; 33] = [
        b"AS", b"BC", b"BS", b"CC", b"CL", b"CM", b"CS", b"CH", b"DF", b"DG", b"GT", b"GR", b"HG",
        b"JC", b"MC", b"MN", b"MS", b"NT", b"NL", b"OC", b"PL", b"QT", b"QR", b"SP", b"SL", b"SR",
        b"TC", b"TS", b"TL", b"VZ", b"YN", b"ZS", b"NE",
    ];
    let [l1, l2, l3, l4, _, _, _, _, _, _, sex, s1, s2, c1, c2, c3, century, _] = number else {
        return false;
    };
    let consonant =
        |b: &u8| b.is_ascii_uppercase() && !matches!(b, b'A' | b'E' | b'I' | b'O' | b'U');
    let leap: fn(u32) -> bool = if century.is_ascii_digit() {
        |yy| yy % 4 == 0 && yy != 0
    } else {
        |yy| yy % 4 == 0
    };
    [l1, l2, l3, l4].iter().all(|b| b.is_ascii_uppercase())
        && date(number, 4, leap)
        && matches!(sex, b'H' | b'M' | b'X')
        && STATES.contains(&&[*s1, *s2])
        && [c1, c2, c3].into_iter().all(consonant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocumentType::*;

    #[test]
    fn reasons_in_order() {
        assert_eq!(validate(BrCpf, ""), Err(Reason::Empty));
        assert_eq!(validate(BrCpf, " .-/ "), Err(Reason::Empty));
        assert_eq!(
            validate(BrCpf, "123.456.78x"),
            Err(Reason::InvalidCharacter)
        );
        assert_eq!(validate(BrCpf, "123.456"), Err(Reason::Incomplete));
        assert_eq!(validate(BrCpf, "111.444.777-355"), Err(Reason::TooLong));
        assert_eq!(
            validate(BrCpf, "111.111.111-11"),
            Err(Reason::InvalidFormat)
        );
        assert_eq!(
            validate(BrCpf, "111.444.777-36"),
            Err(Reason::BadCheckDigit)
        );
        assert_eq!(validate(BrCpf, "111.444.777-35"), Ok(()));
        // A character never allowed is reported even in a number too long.
        assert_eq!(
            validate(PeDni, "1234567890é"),
            Err(Reason::InvalidCharacter)
        );
        assert_eq!(validate(PeDni, "1234567890"), Err(Reason::TooLong));
    }

    #[test]
    fn separators_and_case() {
        assert_eq!(validate(ClRut, "12.345.678-5"), Ok(()));
        assert_eq!(validate(ClRut, " 12 345 678 – 5 "), Ok(()));
        assert_eq!(validate(ClRut, "76.086.428-5"), Ok(()));
        assert_eq!(validate(ClRut, "1-9"), Ok(()));
        assert_eq!(validate(CoNit, "52.238.803-1"), Ok(()));
        assert_eq!(validate(MxRfc, "gode-561231-gr8"), Ok(()));
        assert_eq!(validate(MxRfc, "MUÑ-110218-LJ6"), Ok(()));
        assert_eq!(validate(MxRfc, "muñ110218lj6"), Ok(()));
    }

    #[test]
    fn rfc_length_follows_its_fourth_character() {
        // A person's RFC missing its check character is incomplete, not a company's.
        assert_eq!(validate(MxRfc, "GODE561231GR"), Err(Reason::Incomplete));
        assert_eq!(validate(MxRfc, "MUÑ110218LJ6X"), Err(Reason::TooLong));
        assert_eq!(validate(MxRfc, "GODE561331GR8"), Err(Reason::InvalidFormat));
        assert_eq!(validate(MxRfc, "G0DE561231GR8"), Err(Reason::InvalidFormat));
        assert_eq!(validate(MxRfc, "GODE561231GÑ8"), Err(Reason::InvalidFormat));
    }

    #[test]
    fn dates() {
        let leap = |yy| yy % 4 == 0;
        assert!(date(b"000229", 0, leap));
        assert!(!date(b"010229", 0, leap));
        assert!(!date(b"000230", 0, leap));
        assert!(!date(b"001301", 0, leap));
        assert!(!date(b"000100", 0, leap));
        assert!(date(b"991231", 0, leap));
        assert!(!date(b"99123", 0, leap));
        assert!(!date(b"9912A1", 0, leap));
    }

    #[test]
    fn curp_century_decides_29_february_1900() {
        // The check digit is left aside here: 1900 is no leap year, 2000 is.
        assert!(!curp(b"AAAA000229HDFCCC00"));
        assert!(curp(b"AAAA000229HDFCCCA0"));
        assert!(curp(b"AAAA040229HDFCCC00"));
        assert!(!curp(b"AAAA000229QDFCCC00"));
        assert!(!curp(b"AAAA000229HQQCCC00"));
        assert!(!curp(b"AAAA000229HDFCAC00"));
        assert!(!curp(b"AAA1000229HDFCCC00"));
    }

    #[test]
    fn short_ruts_and_nits() {
        // Two characters make a RUT: one alone is incomplete, whether digit or `K`.
        assert_eq!(validate(ClRut, "1"), Err(Reason::Incomplete));
        assert_eq!(validate(ClRut, "k"), Err(Reason::Incomplete));
        assert_eq!(validate(ClRut, "1-8"), Err(Reason::BadCheckDigit));
        assert_eq!(validate(ClRut, "K-9"), Err(Reason::InvalidFormat));
        // 0 passes the arithmetic (check 0) but is no RUT; zeros before a number are padding.
        assert_eq!(validate(ClRut, "0-0"), Err(Reason::InvalidFormat));
        assert_eq!(validate(ClRut, "00.000.000-0"), Err(Reason::InvalidFormat));
        assert_eq!(validate(ClRut, "01-9"), Ok(()));
        // A person's NIT: the cédula (6–10 digits) and the check digit.
        assert_eq!(validate(CoNit, "123.456"), Err(Reason::Incomplete));
        assert_eq!(validate(CoNit, "123.456-3"), Ok(()));
        assert_eq!(validate(CoNit, "1.020.304.050-8"), Ok(()));
        assert_eq!(validate(CoNit, "10.203.040.508-0"), Err(Reason::TooLong));
    }
}
