//! The documents the engine knows, one table of their rules, and which a country's form offers.

/// An identity or tax document: a country's kind of number. Yuno names it by its country and
/// its `document_type` ([`DocumentType::code`]); Peru's and Argentina's `DNI` are different
/// documents with the same code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DocumentType {
    /// Brazil's CPF (Cadastro de Pessoas Físicas): 11 digits, two check digits.
    BrCpf,
    /// Brazil's CNPJ (Cadastro Nacional da Pessoa Jurídica): 14 characters, two check digits.
    /// Numbers issued from July 2026 may hold letters in their first 12 places.
    BrCnpj,
    /// Mexico's RFC (Registro Federal de Contribuyentes): 13 characters for a person, 12 for a
    /// company, a check character last.
    MxRfc,
    /// Mexico's CURP (Clave Única de Registro de Población): 18 characters, a check digit last.
    MxCurp,
    /// Argentina's DNI (Documento Nacional de Identidad): 7–8 digits, no check digit.
    ArDni,
    /// Argentina's CUIT (Clave Única de Identificación Tributaria): 11 digits, a check digit.
    ArCuit,
    /// Argentina's CUIL (Código Único de Identificación Laboral): a CUIT given to a person.
    ArCuil,
    /// Colombia's CC (Cédula de Ciudadanía): 6–10 digits, no check digit.
    CoCc,
    /// Colombia's CE (Cédula de Extranjería): 6–10 digits, no check digit.
    CoCe,
    /// Colombia's NIT (Número de Identificación Tributaria): a base number and the DIAN check
    /// digit. The base is 9 digits for a company and a person's cédula (6–10 digits) for a
    /// natural person, so 7–11 digits in all; shown as `900.123.456-7` or `1.020.304.050-8`.
    CoNit,
    /// Chile's RUT (Rol Único Tributario): a number from 1 to 99.999.999 (1–8 digits; old and
    /// company RUTs can be short) and a check character, `0`–`9` or `K`; shown as `1-9`,
    /// `123.456-0` or `12.345.678-K`.
    ClRut,
    /// Peru's DNI (Documento Nacional de Identidad): 8 digits.
    PeDni,
    /// Peru's RUC (Registro Único de Contribuyentes): 11 digits, a check digit.
    PeRuc,
    /// Uruguay's CI (Cédula de Identidad): 6–7 digits and a check digit.
    UyCi,
    /// Ecuador's CI (Cédula de Identidad): 10 digits, a check digit.
    EcCi,
}

/// The characters a document is written with, separators aside. Letters are upper case here;
/// lower case input is upper-cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Charset {
    /// `0`–`9` only: a numeric keyboard fits.
    Digits,
    /// Digits, and `K` as the check character (Chile's RUT).
    DigitsAndK,
    /// `A`–`Z` and `0`–`9` (CURP, CNPJ).
    Alphanumeric,
    /// `A`–`Z`, `Ñ`, `&` and `0`–`9` (RFC: names may hold `Ñ` and companies' `&`).
    Rfc,
}

/// `Ñ` as one byte (its Latin-1 code), so every significant character fits a byte and
/// `char::from` turns it back.
pub(crate) const N_TILDE: u8 = 0xD1;

impl Charset {
    /// Whether a significant character (upper case, `Ñ` as [`N_TILDE`]) belongs to the set.
    pub(crate) fn accepts(self, b: u8) -> bool {
        match self {
            Charset::Digits => b.is_ascii_digit(),
            Charset::DigitsAndK => b.is_ascii_digit() || b == b'K',
            Charset::Alphanumeric => b.is_ascii_digit() || b.is_ascii_uppercase(),
            Charset::Rfc => {
                b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'&' || b == N_TILDE
            }
        }
    }
}

/// How the number is shown while typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Layout {
    /// As typed, no separators.
    Plain,
    /// `#` is a significant character, anything else a separator shown once the character
    /// after it is typed.
    Pattern(&'static str),
    /// Thousands grouped by dots from the right, as the length is not fixed; `check` puts the
    /// last character after a dash.
    Thousands {
        /// Whether the last character is a check character shown after a dash.
        check: bool,
    },
}

/// One document's rules; lengths count significant characters.
pub(crate) struct Spec {
    code: &'static str,
    country: &'static str,
    min: u8,
    max: u8,
    charset: Charset,
    check: bool,
    pub(crate) layout: Layout,
}

const fn spec(
    code: &'static str,
    country: &'static str,
    (min, max): (u8, u8),
    charset: Charset,
    check: bool,
    layout: Layout,
) -> Spec {
    Spec {
        code,
        country,
        min,
        max,
        charset,
        check,
        layout,
    }
}

use Charset::{Alphanumeric, Digits, DigitsAndK, Rfc};
use Layout::{Pattern, Plain, Thousands};

impl DocumentType {
    /// Every document the engine knows.
    pub const ALL: [DocumentType; 15] = [
        DocumentType::BrCpf,
        DocumentType::BrCnpj,
        DocumentType::MxRfc,
        DocumentType::MxCurp,
        DocumentType::ArDni,
        DocumentType::ArCuit,
        DocumentType::ArCuil,
        DocumentType::CoCc,
        DocumentType::CoCe,
        DocumentType::CoNit,
        DocumentType::ClRut,
        DocumentType::PeDni,
        DocumentType::PeRuc,
        DocumentType::UyCi,
        DocumentType::EcCi,
    ];

    /// The document's rules.
    pub(crate) fn spec(self) -> &'static Spec {
        static CPF: Spec = spec(
            "CPF",
            "BR",
            (11, 11),
            Digits,
            true,
            Pattern("###.###.###-##"),
        );
        static CNPJ: Spec = spec(
            "CNPJ",
            "BR",
            (14, 14),
            Alphanumeric,
            true,
            Pattern("##.###.###/####-##"),
        );
        // 12 for a company, 13 for a person: the fourth character tells (validate.rs).
        static RFC: Spec = spec("RFC", "MX", (12, 13), Rfc, true, Plain);
        static CURP: Spec = spec("CURP", "MX", (18, 18), Alphanumeric, true, Plain);
        static AR_DNI: Spec = spec(
            "DNI",
            "AR",
            (7, 8),
            Digits,
            false,
            Thousands { check: false },
        );
        static CUIT: Spec = spec(
            "CUIT",
            "AR",
            (11, 11),
            Digits,
            true,
            Pattern("##-########-#"),
        );
        static CUIL: Spec = spec(
            "CUIL",
            "AR",
            (11, 11),
            Digits,
            true,
            Pattern("##-########-#"),
        );
        static CC: Spec = spec("CC", "CO", (6, 10), Digits, false, Plain);
        // Foreigners' numbers are digits too (Migración Colombia); kept as simple as the CC.
        static CE: Spec = spec("CE", "CO", (6, 10), Digits, false, Plain);
        // A company's 9-digit base or a person's cédula (6–10 digits), and the check digit. The
        // length is not fixed, so thousands from the right and the last digit after a dash:
        // `900.123.456-7` for a company, as the DIAN writes it, and `52.238.803-1` for a person.
        static NIT: Spec = spec(
            "NIT",
            "CO",
            (7, 11),
            Digits,
            true,
            Thousands { check: true },
        );
        // 1–8 digits and the check character: `1-9` is complete; a single character is not,
        // as a RUT needs both a number and its check.
        static RUT: Spec = spec(
            "RUT",
            "CL",
            (2, 9),
            DigitsAndK,
            true,
            Thousands { check: true },
        );
        static PE_DNI: Spec = spec("DNI", "PE", (8, 8), Digits, false, Plain);
        static RUC: Spec = spec("RUC", "PE", (11, 11), Digits, true, Plain);
        static UY_CI: Spec = spec("CI", "UY", (7, 8), Digits, true, Thousands { check: true });
        static EC_CI: Spec = spec("CI", "EC", (10, 10), Digits, true, Plain);
        match self {
            DocumentType::BrCpf => &CPF,
            DocumentType::BrCnpj => &CNPJ,
            DocumentType::MxRfc => &RFC,
            DocumentType::MxCurp => &CURP,
            DocumentType::ArDni => &AR_DNI,
            DocumentType::ArCuit => &CUIT,
            DocumentType::ArCuil => &CUIL,
            DocumentType::CoCc => &CC,
            DocumentType::CoCe => &CE,
            DocumentType::CoNit => &NIT,
            DocumentType::ClRut => &RUT,
            DocumentType::PeDni => &PE_DNI,
            DocumentType::PeRuc => &RUC,
            DocumentType::UyCi => &UY_CI,
            DocumentType::EcCi => &EC_CI,
        }
    }

    /// Yuno's `document_type` for it: `CPF`, `CNPJ`, `RFC`, `CURP`, `DNI`, `CUIT`, `CUIL`,
    /// `CC`, `CE`, `NIT`, `RUT`, `RUC` or `CI`.
    pub fn code(self) -> &'static str {
        self.spec().code
    }

    /// The issuing country, ISO 3166-1 alpha-2 (`BR`, `MX`…).
    pub fn country(self) -> &'static str {
        self.spec().country
    }

    /// The fewest significant characters (separators aside) a complete number has. An RFC
    /// has 12 for a company and 13 for a person.
    pub fn min_len(self) -> usize {
        usize::from(self.spec().min)
    }

    /// The most significant characters a complete number has; formatting refuses more.
    pub fn max_len(self) -> usize {
        usize::from(self.spec().max)
    }

    /// The characters the number is written with.
    pub fn charset(self) -> Charset {
        self.spec().charset
    }

    /// Whether the number carries a check digit (or character), so that most typos are caught.
    pub fn has_check_digit(self) -> bool {
        self.spec().check
    }

    /// Whether `c` can be part of the number (in some position), in either case; separators
    /// are not.
    pub fn allows(self, c: char) -> bool {
        crate::text::significant(c).is_some_and(|b| self.charset().accepts(b))
    }
}

/// The documents a form for `country` (ISO 3166-1 alpha-2, either case) offers, the most
/// common personal one first; empty for a country without any here.
pub fn for_country(country: &str) -> &'static [DocumentType] {
    use DocumentType::*;
    match country.as_bytes() {
        [a, b] => match [a.to_ascii_uppercase(), b.to_ascii_uppercase()] {
            [b'B', b'R'] => &[BrCpf, BrCnpj],
            [b'M', b'X'] => &[MxRfc, MxCurp],
            [b'A', b'R'] => &[ArDni, ArCuit, ArCuil],
            [b'C', b'O'] => &[CoCc, CoCe, CoNit],
            [b'C', b'L'] => &[ClRut],
            [b'P', b'E'] => &[PeDni, PeRuc],
            [b'U', b'Y'] => &[UyCi],
            [b'E', b'C'] => &[EcCi],
            _ => &[],
        },
        _ => &[],
    }
}

/// The document a country's `document_type` names (both compared in either case), as Yuno's
/// API spells it: `from_code("PE", "DNI")` is Peru's DNI.
pub fn from_code(country: &str, code: &str) -> Option<DocumentType> {
    for_country(country)
        .iter()
        .copied()
        .find(|kind| kind.code().eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_is_offered_by_its_country_and_found_by_its_code() {
        for kind in DocumentType::ALL {
            assert!(for_country(kind.country()).contains(&kind), "{kind:?}");
            assert_eq!(from_code(kind.country(), kind.code()), Some(kind));
            assert!(kind.min_len() <= kind.max_len() && kind.max_len() <= crate::text::CAP);
        }
        let offered: usize = ["BR", "MX", "AR", "CO", "CL", "PE", "UY", "EC"]
            .iter()
            .map(|c| for_country(c).len())
            .sum();
        assert_eq!(offered, DocumentType::ALL.len());
    }

    #[test]
    fn countries_and_codes_in_either_case() {
        assert_eq!(
            for_country("br"),
            &[DocumentType::BrCpf, DocumentType::BrCnpj]
        );
        assert_eq!(from_code("pe", "dni"), Some(DocumentType::PeDni));
        assert_eq!(from_code("AR", "DNI"), Some(DocumentType::ArDni));
        assert_eq!(from_code("UY", "CI"), Some(DocumentType::UyCi));
        assert_eq!(from_code("EC", "CI"), Some(DocumentType::EcCi));
        assert_eq!(from_code("BR", "DNI"), None);
        assert_eq!(from_code("US", "SSN"), None);
        assert!(for_country("").is_empty());
        assert!(for_country("BRA").is_empty());
        assert!(for_country("É").is_empty());
    }

    #[test]
    fn characters_allowed() {
        assert!(DocumentType::ClRut.allows('k'));
        assert!(!DocumentType::BrCpf.allows('k'));
        assert!(!DocumentType::BrCpf.allows('.'));
        assert!(DocumentType::MxRfc.allows('ñ') && DocumentType::MxRfc.allows('&'));
        assert!(!DocumentType::MxCurp.allows('Ñ'));
        assert!(DocumentType::BrCnpj.allows('a'));
        assert!(!DocumentType::CoCe.allows('a'));
    }
}
