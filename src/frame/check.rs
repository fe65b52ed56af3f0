//! The whole card form's validity, from the card engine's typed reasons to translated
//! messages and to the coarse summary the host is told. Pure: tested natively.

use checkout_card::digits::{Digits, MAX_DIGITS};
use checkout_card::{
    cvc::cvc_lengths, number::validate_digits, parse_expiry, validate_cvc, validate_holder, Brand,
    CvcError, ExpiryError, HolderError, NumberError, YearMonth,
};
use checkout_protocol::{Field, FieldError, FieldMode};

use crate::i18n::FrameStrings;

/// Why one field is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Number(NumberError),
    Expiry(ExpiryError),
    /// With the brand, for "3 digits" or "4 digits".
    Cvc(CvcError, Option<Brand>),
    Holder(HolderError),
}

impl Reason {
    /// The message in the shopper's language.
    pub fn message(self, s: &FrameStrings) -> &'static str {
        match self {
            Reason::Number(NumberError::Empty) => s.number_required,
            Reason::Number(NumberError::Incomplete) => s.number_incomplete,
            Reason::Number(NumberError::UnsupportedBrand) => s.number_unsupported,
            Reason::Number(_) => s.number_invalid,
            Reason::Expiry(ExpiryError::Empty) => s.expiry_required,
            Reason::Expiry(ExpiryError::Incomplete) => s.expiry_incomplete,
            Reason::Expiry(ExpiryError::Expired) => s.expiry_expired,
            Reason::Expiry(ExpiryError::TooFarAhead) => s.expiry_too_far,
            Reason::Expiry(_) => s.expiry_invalid,
            Reason::Cvc(CvcError::Empty, _) => s.cvc_required,
            Reason::Cvc(_, brand) => match cvc_lengths(brand) {
                (4, _) => s.cvc_incomplete_4,
                _ => s.cvc_incomplete_3,
            },
            Reason::Holder(HolderError::Empty) => s.holder_required,
            Reason::Holder(HolderError::TooShort) => s.holder_too_short,
            Reason::Holder(HolderError::TooLong) => s.holder_too_long,
            Reason::Holder(HolderError::InvalidCharacter) => s.holder_invalid,
        }
    }

    /// The summary the host gets (no values, no words).
    pub fn summary(self) -> FieldError {
        match self {
            Reason::Number(NumberError::Empty)
            | Reason::Expiry(ExpiryError::Empty)
            | Reason::Cvc(CvcError::Empty, _)
            | Reason::Holder(HolderError::Empty) => FieldError::Required,
            Reason::Number(NumberError::Incomplete)
            | Reason::Expiry(ExpiryError::Incomplete)
            | Reason::Cvc(CvcError::Incomplete, _) => FieldError::Incomplete,
            Reason::Number(NumberError::UnsupportedBrand) => FieldError::UnsupportedBrand,
            Reason::Expiry(ExpiryError::Expired) => FieldError::Expired,
            _ => FieldError::Invalid,
        }
    }
}

/// The form's fields in order.
pub const FIELDS: [Field; 4] = [Field::Number, Field::Expiry, Field::Cvc, Field::HolderName];

/// Index of a field in [`FIELDS`].
pub fn index(field: Field) -> usize {
    match field {
        Field::Number => 0,
        Field::Expiry => 1,
        Field::Cvc => 2,
        Field::HolderName => 3,
    }
}

/// What the form holds, as shown. (No `Debug`: it holds card data.)
#[derive(Clone, Copy)]
pub struct Values<'a> {
    pub number: &'a str,
    pub expiry: &'a str,
    pub cvc: &'a str,
    pub holder: &'a str,
}

/// The brand the number's digits decide, if they do.
pub fn brand_of(number: &str) -> Option<Brand> {
    checkout_card::detect(Digits::from_text(number, MAX_DIGITS).as_bytes()).brand()
}

/// Checks one field.
pub fn check_field(field: Field, v: &Values, mode: FieldMode, today: YearMonth) -> Option<Reason> {
    match field {
        Field::Number => validate_digits(&Digits::from_text(v.number, MAX_DIGITS))
            .err()
            .map(Reason::Number),
        Field::Expiry => parse_expiry(v.expiry, today).err().map(Reason::Expiry),
        Field::Cvc => {
            let brand = brand_of(v.number);
            validate_cvc(v.cvc, brand)
                .err()
                .map(|e| Reason::Cvc(e, brand))
        }
        Field::HolderName => match (mode, checkout_card::trim(v.holder).is_empty()) {
            (FieldMode::Hidden, _) | (FieldMode::Optional, true) => None,
            _ => validate_holder(v.holder).err().map(Reason::Holder),
        },
    }
}

/// Checks every field, in order.
pub fn check_all(v: &Values, mode: FieldMode, today: YearMonth) -> [Option<Reason>; 4] {
    FIELDS.map(|f| check_field(f, v, mode, today))
}

/// Whether a field is filled far enough to move the focus on: a valid number of its brand's
/// usual length, a full `MM / YY`, a CVC of the brand's length. `today` is called only for
/// the expiry: reading the browser's clock on every keystroke is measurable.
pub fn is_filled(field: Field, v: &Values, today: impl FnOnce() -> YearMonth) -> bool {
    match field {
        Field::Number => {
            let digits = Digits::from_text(v.number, MAX_DIGITS);
            validate_digits(&digits)
                .is_ok_and(|b| digits.len() == b.max_len() || digits.len() == 16)
        }
        Field::Expiry => v.expiry.len() == 7 && parse_expiry(v.expiry, today()).is_ok(),
        Field::Cvc => {
            let brand = brand_of(v.number);
            v.cvc.len() == cvc_lengths(brand).0.max(3) && validate_cvc(v.cvc, brand).is_ok()
        }
        Field::HolderName => false,
    }
}

/// Keeps the CVC's digits, at most the brand's length (4 while the brand is unknown).
pub fn clean_cvc(text: &str, brand: Option<Brand>) -> String {
    text.chars()
        .filter(char::is_ascii_digit)
        .take(cvc_lengths(brand).1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const NOW: YearMonth = YearMonth {
        year: 2026,
        month: 11,
    };

    fn values<'a>(number: &'a str, expiry: &'a str, cvc: &'a str, holder: &'a str) -> Values<'a> {
        Values {
            number,
            expiry,
            cvc,
            holder,
        }
    }

    #[test]
    fn a_complete_form_has_no_errors() {
        let v = values("4111 1111 1111 1111", "12 / 30", "123", "Ana Souza");
        assert_eq!(check_all(&v, FieldMode::Required, NOW), [None; 4]);
        let amex = values("3782 822463 10005", "12 / 30", "1234", "");
        assert_eq!(check_all(&amex, FieldMode::Optional, NOW), [None; 4]);
    }

    #[test]
    fn each_reason_has_words_in_every_language() {
        let v = values("4111 1111", "10 / 26", "12", "R2D2");
        let reasons = check_all(&v, FieldMode::Required, NOW);
        assert_eq!(reasons[0], Some(Reason::Number(NumberError::Incomplete)));
        assert_eq!(reasons[1], Some(Reason::Expiry(ExpiryError::Expired)));
        assert_eq!(
            reasons[2],
            Some(Reason::Cvc(CvcError::Incomplete, Some(Brand::Visa)))
        );
        assert_eq!(
            reasons[3],
            Some(Reason::Holder(HolderError::InvalidCharacter))
        );
        assert_eq!(
            reasons[0].unwrap().message(Lang::En.frame()),
            "Your card number is incomplete."
        );
        assert_eq!(
            reasons[1].unwrap().message(Lang::Es.tables().0),
            "Esta tarjeta está vencida."
        );
        assert_eq!(
            reasons[2].unwrap().message(Lang::Pt.tables().0),
            "O código de segurança tem 3 dígitos."
        );
        assert_eq!(reasons[1].unwrap().summary(), FieldError::Expired);
        let amex_cvc = check_field(
            Field::Cvc,
            &values("3782", "", "123", ""),
            FieldMode::Hidden,
            NOW,
        );
        assert_eq!(
            amex_cvc.unwrap().message(Lang::En.frame()),
            "The security code has 4 digits."
        );
    }

    #[test]
    fn empty_fields_are_required_but_hidden_or_optional_holder_is_not() {
        let v = values("", "", "", "");
        let r = check_all(&v, FieldMode::Required, NOW);
        assert!(r
            .iter()
            .all(|r| r.is_some_and(|r| r.summary() == FieldError::Required)));
        assert_eq!(
            check_field(Field::HolderName, &v, FieldMode::Optional, NOW),
            None
        );
        assert_eq!(
            check_field(Field::HolderName, &v, FieldMode::Hidden, NOW),
            None
        );
        let bad = values("", "", "", "1");
        assert!(check_field(Field::HolderName, &bad, FieldMode::Optional, NOW).is_some());
    }

    #[test]
    fn focus_moves_on_when_a_field_is_filled() {
        let cases = [
            (
                Field::Number,
                values("4111 1111 1111 1111", "", "", ""),
                true,
            ),
            (
                Field::Number,
                values("4111 1111 1111 1112", "", "", ""),
                false,
            ),
            (Field::Number, values("3782 822463 10005", "", "", ""), true),
            (Field::Expiry, values("", "12 / 30", "", ""), true),
            (Field::Expiry, values("", "12 / 3", "", ""), false),
            (Field::Cvc, values("4111", "", "123", ""), true),
            (Field::Cvc, values("3782", "", "123", ""), false),
        ];
        for (case, (field, v, filled)) in cases.into_iter().enumerate() {
            assert_eq!(
                is_filled(field, &v, || NOW),
                filled,
                "case {case}: {field:?}"
            );
        }
    }

    #[test]
    fn cvc_keeps_digits_up_to_the_brand_length() {
        assert_eq!(clean_cvc("1a2b3c4", Some(Brand::Visa)), "123");
        assert_eq!(clean_cvc("12345", Some(Brand::Amex)), "1234");
        assert_eq!(clean_cvc("12345", None), "1234");
    }
}
