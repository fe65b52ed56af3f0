//! Properties of the document engine over generated input: valid documents built by the
//! reference implementation pass, single changes are judged as the reference judges them,
//! nothing panics, and formatting keeps characters and caret.

mod reference;

use checkout_document::{
    format, normalize, validate, Charset, DocumentType, DocumentType::*, Reason,
};
use proptest::prelude::*;
use proptest::sample::select;

fn kind() -> impl Strategy<Value = DocumentType> {
    select(DocumentType::ALL.to_vec())
}

/// `n` characters drawn from `alphabet`.
fn chars_from(
    alphabet: &'static str,
    n: impl Into<proptest::collection::SizeRange>,
) -> BoxedStrategy<String> {
    let chars: Vec<char> = alphabet.chars().collect();
    proptest::collection::vec(select(chars), n)
        .prop_map(|v| v.into_iter().collect())
        .boxed()
}

fn digits(n: impl Into<proptest::collection::SizeRange>) -> BoxedStrategy<String> {
    chars_from("0123456789", n)
}

/// A date `YYMMDD`, any day up to the 28th so that every month and century has it.
fn yymmdd() -> impl Strategy<Value = String> {
    (0u32..100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:02}{m:02}{d:02}"))
}

/// A valid number of `kind`, normalised: random where the document is free, the check digit
/// computed by the reference.
fn valid(kind: DocumentType) -> BoxedStrategy<String> {
    const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ALNUM: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    match kind {
        BrCpf => digits(9)
            .prop_filter("all equal", |d| d.chars().any(|c| !d.starts_with(c)))
            .prop_map(|d| d.clone() + &reference::cpf_check(&d))
            .boxed(),
        BrCnpj => prop_oneof![digits(12), chars_from(ALNUM, 12)]
            .prop_filter("all equal", |d| d.chars().any(|c| !d.starts_with(c)))
            .prop_map(|d| d.clone() + &reference::cnpj_check(&d))
            .boxed(),
        MxRfc => (
            prop_oneof![
                chars_from("ABCDEFGHIJKLMNÑOPQRSTUVWXYZ&", 3),
                chars_from("ABCDEFGHIJKLMNÑOPQRSTUVWXYZ&", 4)
            ],
            yymmdd(),
            chars_from(ALNUM, 2),
        )
            .prop_map(|(name, date, homoclave)| {
                let first = name + &date + &homoclave;
                let check = reference::rfc_check(&first);
                first + &check.to_string()
            })
            .boxed(),
        MxCurp => (
            chars_from(UPPER, 4),
            yymmdd(),
            select(vec!['H', 'M', 'X']),
            select(
                "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE"
                    .split(' ')
                    .collect::<Vec<_>>(),
            ),
            chars_from("BCDFGHJKLMNPQRSTVWXYZ", 3),
            chars_from(ALNUM, 1),
        )
            .prop_map(|(name, date, sex, state, consonants, century)| {
                let first = format!("{name}{date}{sex}{state}{consonants}{century}");
                let check = reference::curp_check(&first);
                first + &check.to_string()
            })
            .boxed(),
        ArDni => digits(7..=8),
        ArCuit | ArCuil => {
            let prefixes = if kind == ArCuit {
                vec!["20", "23", "24", "27", "30", "33", "34"]
            } else {
                vec!["20", "23", "24", "27"]
            };
            (select(prefixes), digits(8))
                .prop_filter_map("never issued", |(p, d)| {
                    let first = format!("{p}{d}");
                    reference::cuit_check(&first).map(|c| first + &c.to_string())
                })
                .boxed()
        }
        CoCc | CoCe => digits(6..=10),
        // A company's 9-digit base or a person's cédula of 6 to 10.
        CoNit => prop_oneof![digits(9), digits(6..=10)]
            .prop_map(|d| d.clone() + &reference::nit_check(&d).to_string())
            .boxed(),
        // Short RUTs (old ones and companies') as well as the usual 7–8 digits; never 0.
        ClRut => prop_oneof![digits(7..=8), digits(1..=6)]
            .prop_filter("RUT 0", |d| d.chars().any(|c| c != '0'))
            .prop_map(|d| d.clone() + &reference::rut_check(&d).to_string())
            .boxed(),
        PeDni => digits(8),
        PeRuc => (select(vec!["10", "15", "17", "20"]), digits(8))
            .prop_map(|(p, d)| {
                let first = format!("{p}{d}");
                let check = reference::ruc_check(&first);
                first + &check.to_string()
            })
            .boxed(),
        UyCi => digits(6..=7)
            .prop_map(|d| d.clone() + &reference::uy_check(&d).to_string())
            .boxed(),
        EcCi => ((1u32..=25), 0u32..6, digits(6))
            .prop_map(|(p, third, rest)| {
                let province = if p == 25 { 30 } else { p };
                let first = format!("{province:02}{third}{rest}");
                let check = reference::ec_check(&first);
                first + &check.to_string()
            })
            .boxed(),
    }
}

fn kind_and_valid() -> impl Strategy<Value = (DocumentType, String)> {
    kind().prop_flat_map(|k| (Just(k), valid(k)))
}

/// The characters `kind` allows, upper case.
fn allowed(kind: DocumentType) -> Vec<char> {
    match kind.charset() {
        Charset::Digits => "0123456789",
        Charset::DigitsAndK => "0123456789K",
        Charset::Alphanumeric => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        Charset::Rfc => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÑ&",
    }
    .chars()
    .collect()
}

/// Text people might type: the number with separators in random places and letters in
/// either case.
fn decorated(number: &str, seps: &[(usize, char)], lower: bool) -> String {
    let mut out = String::new();
    for (i, c) in number.chars().enumerate() {
        for &(at, sep) in seps {
            if at == i {
                out.push(sep);
            }
        }
        out.extend(if lower {
            c.to_lowercase().collect::<Vec<_>>()
        } else {
            vec![c]
        });
    }
    out
}

/// How many characters `kind` allows lie before `caret` (UTF-16 units) in `text`.
fn significant_before(kind: DocumentType, text: &str, caret: usize) -> usize {
    let mut pos = 0;
    let mut count = 0;
    for c in text.chars() {
        if pos < caret && kind.allows(c) {
            count += 1;
        }
        pos += c.len_utf16();
    }
    count
}

/// Typing-like text: mostly characters a document may hold, some separators and strays.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9A-Za-zñÑ&.\\-/ kK]{0,30}",
        "[0-9.\\- ]{0,24}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn generated_valid_documents_pass(
        (kind, number) in kind_and_valid(),
        seps in proptest::collection::vec((0usize..20, select(vec![' ', '.', '-', '/'])), 0..4),
        lower: bool,
    ) {
        prop_assert!(reference::is_valid(kind, &number), "{:?} {}", kind, number);
        prop_assert_eq!(validate(kind, &number), Ok(()), "{:?} {}", kind, &number);
        let typed = decorated(&number, &seps, lower);
        prop_assert_eq!(validate(kind, &typed), Ok(()), "{:?} {}", kind, &typed);
        prop_assert_eq!(normalize(kind, &typed), number.clone());
        let (shown, _) = format(kind, &typed, 0);
        prop_assert_eq!(validate(kind, &shown), Ok(()), "{:?} {}", kind, &shown);
    }

    #[test]
    fn a_single_change_is_judged_as_the_reference_judges_it(
        (kind, number) in kind_and_valid(), pos in 0usize..18, pick in 0usize..38,
    ) {
        let mut chars: Vec<char> = number.chars().collect();
        let i = pos % chars.len();
        let others: Vec<char> = allowed(kind).into_iter().filter(|&c| c != chars[i]).collect();
        chars[i] = others[pick % others.len()];
        let changed: String = chars.into_iter().collect();
        let result = validate(kind, &changed);
        prop_assert_eq!(result.is_ok(), reference::is_valid(kind, &changed), "{:?} {}", kind, &changed);
        // These check digits catch every single change; the others catch most (examples.rs).
        if matches!(kind, ArCuit | ArCuil | ClRut | EcCi) {
            prop_assert!(result.is_err(), "{:?} {}", kind, changed);
        }
    }

    #[test]
    fn validate_and_format_never_panic(kind in kind(), text in typed(), caret in 0usize..80) {
        let _ = validate(kind, &text);
        let (shown, at) = format(kind, &text, caret);
        prop_assert!(at <= shown.encode_utf16().count());
        let _ = normalize(kind, &text);
    }

    #[test]
    fn the_caret_stays_after_the_same_significant_character(
        kind in kind(), text in typed(), caret in 0usize..80,
    ) {
        let (shown, at) = format(kind, &text, caret);
        let units: Vec<u16> = shown.encode_utf16().collect();
        prop_assert!(at <= units.len());
        let kept = normalize(kind, &text).chars().count();
        let before = significant_before(kind, &text, caret).min(kept);
        prop_assert_eq!(significant_before(kind, &shown, at), before);
        // Right after that character, not after a separator following it.
        if at > 0 {
            let prev = char::decode_utf16([units[at - 1]]).next().unwrap().unwrap();
            prop_assert!(kind.allows(prev), "{:?} {:?} {}", kind, shown, at);
        }
    }

    #[test]
    fn formatting_is_idempotent_and_keeps_the_value(
        kind in kind(), text in typed(), caret in 0usize..80,
    ) {
        let once = format(kind, &text, caret);
        let twice = format(kind, &once.0, once.1);
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(normalize(kind, &once.0), normalize(kind, &text));
        // Nothing but the allowed characters and the layout's separators.
        prop_assert!(once.0.chars().all(|c| kind.allows(c) || ".-/".contains(c)));
        prop_assert!(once.0.chars().count() <= kind.max_len() + 4);
    }

    #[test]
    fn text_of_allowed_characters_fails_only_for_a_reason_of_its_own(
        (kind, text) in kind().prop_flat_map(|k| (Just(k), chars_from(
            match k.charset() {
                Charset::Digits => "0123456789",
                Charset::DigitsAndK => "0123456789K",
                Charset::Alphanumeric => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                Charset::Rfc => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÑ&",
            },
            0..=20,
        ))),
    ) {
        let n = text.chars().count();
        let result = validate(kind, &text);
        prop_assert_ne!(result, Err(Reason::InvalidCharacter));
        prop_assert_eq!(result == Err(Reason::Empty), n == 0);
        if n < kind.min_len() && n > 0 {
            prop_assert_eq!(result, Err(Reason::Incomplete));
        }
        if n > kind.max_len() {
            prop_assert_eq!(result, Err(Reason::TooLong));
        }
        prop_assert_eq!(result.is_ok(), reference::is_valid(kind, &text), "{:?} {}", kind, text);
    }
}
