//! A second implementation of every rule, written the naïve way straight from each issuer's
//! definition (strings, tables looked up by position, whole years, integers), sharing no code
//! with the crate, so the two can be held to each other. Input is a normalised number: upper
//! case, no separators.

#![allow(dead_code)]

use checkout_document::DocumentType;

fn digits(s: &str) -> Vec<u32> {
    s.chars().map(|c| c.to_digit(10).unwrap()).collect()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

fn digit_char(v: u32) -> char {
    char::from_digit(v, 10).unwrap()
}

/// Brazil's mod 11 written as "10·Σ mod 11, and 10 counts as 0", weights growing from 2 at
/// the rightmost position (up to 9 then back to 2 for the CNPJ; without bound for the CPF).
fn brazil_check_digits(first: &[u32], cycle_at_9: bool) -> (u32, u32) {
    let dv = |v: &[u32]| {
        let mut sum = 0;
        let mut weight = 2;
        for x in v.iter().rev() {
            sum += x * weight;
            weight += 1;
            if cycle_at_9 && weight > 9 {
                weight = 2;
            }
        }
        (sum * 10) % 11 % 10
    };
    let d1 = dv(first);
    let mut with_d1 = first.to_vec();
    with_d1.push(d1);
    (d1, dv(&with_d1))
}

/// The CPF's two check digits for its first nine.
pub fn cpf_check(first9: &str) -> String {
    let (a, b) = brazil_check_digits(&digits(first9), false);
    [digit_char(a), digit_char(b)].iter().collect()
}

/// The CNPJ's two check digits for its first twelve (each character worth its ASCII code − 48).
pub fn cnpj_check(first12: &str) -> String {
    let values: Vec<u32> = first12.chars().map(|c| c as u32 - 48).collect();
    let (a, b) = brazil_check_digits(&values, true);
    [digit_char(a), digit_char(b)].iter().collect()
}

/// The CUIT's check digit for its first ten, or `None` when AFIP would not issue the number.
pub fn cuit_check(first10: &str) -> Option<char> {
    let weights = "5432765432";
    let sum: u32 = first10
        .chars()
        .zip(weights.chars())
        .map(|(d, w)| d.to_digit(10).unwrap() * w.to_digit(10).unwrap())
        .sum();
    match 11 - sum % 11 {
        11 => Some('0'),
        10 => None,
        v => Some(digit_char(v)),
    }
}

/// The RUT's check character, by the well-known integer loop: multipliers 9 down to 4 from
/// the right (≡ −(2..7) mod 11), starting at 1 so that the result is shifted by one.
pub fn rut_check(body: &str) -> char {
    let mut t: u64 = body.parse().unwrap();
    let mut m = 0;
    let mut s = 1;
    while t > 0 {
        s = (s + (t % 10) * (9 - m % 6)) % 11;
        m += 1;
        t /= 10;
    }
    if s > 0 {
        digit_char((s - 1) as u32)
    } else {
        'K'
    }
}

/// The NIT's check digit for its base number (a company's 9 digits or a person's cédula, 6 to
/// 10): the DIAN's table of primes cut to the base's length, the last one kept paired with the
/// first digit.
pub fn nit_check(body: &str) -> char {
    let primes = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let d = digits(body);
    let used = &primes[..d.len()];
    let sum: u32 = d.iter().zip(used.iter().rev()).map(|(x, p)| x * p).sum();
    let y = sum % 11;
    digit_char(if y > 1 { 11 - y } else { y })
}

/// The RUC's check digit: 11 − (Σ mod 11), then 10 → 0 and 11 → 1.
pub fn ruc_check(first10: &str) -> char {
    let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = digits(first10)
        .iter()
        .zip(weights)
        .map(|(d, w)| d * w)
        .sum();
    digit_char(match 11 - sum % 11 {
        10 => 0,
        11 => 1,
        v => v,
    })
}

/// Uruguay's CI check digit, the body padded to seven with zeros.
pub fn uy_check(body: &str) -> char {
    let padded = format!("{body:0>7}");
    let sum: u32 = digits(&padded)
        .iter()
        .zip(digits("2987634"))
        .map(|(d, w)| d * w)
        .sum();
    digit_char(if sum.is_multiple_of(10) {
        0
    } else {
        10 - sum % 10
    })
}

/// Ecuador's CI check digit: the distance from the sum to the next multiple of ten.
pub fn ec_check(first9: &str) -> char {
    let mut sum = 0;
    for (i, d) in digits(first9).iter().enumerate() {
        let mut p = if i % 2 == 0 { d * 2 } else { *d };
        if p >= 10 {
            p -= 9;
        }
        sum += p;
    }
    let next_ten = sum.div_ceil(10) * 10;
    digit_char(next_ten - sum)
}

/// The SAT's RFC table, by position.
const RFC_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

/// The RFC's check character for the characters before it (11 for a company, 12 for a person).
pub fn rfc_check(first: &str) -> char {
    let padded = format!("{first:>12}");
    let sum: usize = padded
        .chars()
        .enumerate()
        .map(|(i, c)| RFC_ALPHABET.chars().position(|a| a == c).unwrap() * (13 - i))
        .sum();
    RFC_ALPHABET.chars().nth((11 - sum % 11) % 11).unwrap()
}

/// RENAPO's CURP table, by position.
const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";

/// The CURP's check digit for its first 17 characters.
pub fn curp_check(first17: &str) -> char {
    let sum: usize = first17
        .chars()
        .enumerate()
        .map(|(i, c)| CURP_ALPHABET.chars().position(|a| a == c).unwrap() * (18 - i))
        .sum();
    digit_char(((10 - sum % 10) % 10) as u32)
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Whether `yymmdd` is a real day of the century starting at `century`.
fn is_date(yymmdd: &str, century: u32) -> bool {
    if !all_digits(yymmdd) || yymmdd.len() != 6 {
        return false;
    }
    let year = century + yymmdd[0..2].parse::<u32>().unwrap();
    let month: u32 = yymmdd[2..4].parse().unwrap();
    let day: u32 = yymmdd[4..6].parse().unwrap();
    let lengths = [
        31,
        if is_leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&month) && day >= 1 && day <= lengths[month as usize - 1]
}

fn split(s: &str, at: usize) -> (String, String) {
    let chars: Vec<char> = s.chars().collect();
    (chars[..at].iter().collect(), chars[at..].iter().collect())
}

const CURP_STATES: &str = "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE";

/// Whether `s` (normalised) is a valid `kind`, every rule checked.
pub fn is_valid(kind: DocumentType, s: &str) -> bool {
    let n = s.chars().count();
    match kind {
        DocumentType::BrCpf => {
            n == 11
                && all_digits(s)
                && !s.chars().all(|c| s.starts_with(c))
                && cpf_check(&s[..9]) == s[9..]
        }
        DocumentType::BrCnpj => {
            n == 14
                && s[..12]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                && all_digits(&s[12..])
                && !s.chars().all(|c| s.starts_with(c))
                && cnpj_check(&s[..12]) == s[12..]
        }
        DocumentType::MxRfc => {
            let letters = match n {
                12 => 3,
                13 => 4,
                _ => return false,
            };
            let (name, rest) = split(s, letters);
            let (date, rest) = split(&rest, 6);
            let (homoclave, check) = split(&rest, 2);
            name.chars().all(|c| "ABCDEFGHIJKLMNÑOPQRSTUVWXYZ&".contains(c))
                // No century in an RFC; 2000 is a leap year.
                && is_date(&date, 2000)
                && homoclave.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && check == rfc_check(&split(s, n - 1).0).to_string()
        }
        DocumentType::MxCurp => {
            if n != 18 || !s.is_ascii() {
                return false;
            }
            let c: Vec<char> = s.chars().collect();
            let century = if c[16].is_ascii_digit() { 1900 } else { 2000 };
            c[..4].iter().all(char::is_ascii_uppercase)
                && is_date(&s[4..10], century)
                && "HMX".contains(c[10])
                && CURP_STATES.split(' ').any(|st| st == &s[11..13])
                && c[13..16]
                    .iter()
                    .all(|&x| x.is_ascii_uppercase() && !"AEIOU".contains(x))
                && (c[16].is_ascii_digit() || c[16].is_ascii_uppercase())
                && curp_check(&s[..17]) == c[17]
        }
        DocumentType::ArDni => (7..=8).contains(&n) && all_digits(s),
        DocumentType::ArCuit | DocumentType::ArCuil => {
            let prefixes: &[&str] = if kind == DocumentType::ArCuit {
                &["20", "23", "24", "27", "30", "33", "34"]
            } else {
                &["20", "23", "24", "27"]
            };
            n == 11
                && all_digits(s)
                && prefixes.contains(&&s[..2])
                && cuit_check(&s[..10]) == s[10..].chars().next()
        }
        DocumentType::CoCc | DocumentType::CoCe => (6..=10).contains(&n) && all_digits(s),
        // A base of 6 to 10 digits, then the check digit.
        DocumentType::CoNit => {
            (7..=11).contains(&n)
                && all_digits(s)
                && nit_check(&s[..n - 1]) == s.chars().nth(n - 1).unwrap()
        }
        // A number from 1 to 99999999 (zeros before it allowed, up to 8 digits), then the check.
        DocumentType::ClRut => {
            (2..=9).contains(&n)
                && all_digits(&s[..n - 1])
                && s[..n - 1].parse::<u64>().unwrap() >= 1
                && rut_check(&s[..n - 1]) == s.chars().nth(n - 1).unwrap()
        }
        DocumentType::PeDni => n == 8 && all_digits(s),
        DocumentType::PeRuc => {
            n == 11
                && all_digits(s)
                && ["10", "15", "17", "20"].contains(&&s[..2])
                && ruc_check(&s[..10]) == s.chars().nth(10).unwrap()
        }
        DocumentType::UyCi => {
            (7..=8).contains(&n)
                && all_digits(s)
                && uy_check(&s[..n - 1]) == s.chars().nth(n - 1).unwrap()
        }
        DocumentType::EcCi => {
            if n != 10 || !all_digits(s) {
                return false;
            }
            let province: u32 = s[..2].parse().unwrap();
            ((1..=24).contains(&province) || province == 30)
                && s[2..3].parse::<u32>().unwrap() < 6
                && ec_check(&s[..9]) == s.chars().nth(9).unwrap()
        }
    }
}
