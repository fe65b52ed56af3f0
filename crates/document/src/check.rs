//! Check digits, each as its issuer defines it. Every function takes a whole number of the
//! right length (significant characters, upper case) and says whether its check digits match;
//! a slice of another length never matches and never panics.

use crate::kind::N_TILDE;

/// A character's value as its ASCII code − 48: a digit's own value, and the alphanumeric
/// CNPJ's letter values (`A` is 17). Nothing below `0` reaches here; it would count as 0.
fn digit(b: u8) -> u32 {
    u32::from(b.saturating_sub(b'0'))
}

/// The ASCII digit for `v` (`v` < 10).
fn ascii(v: u32) -> u8 {
    b'0' + (v % 10) as u8
}

/// Σ value × weight over the leading characters, as many as there are weights.
fn weighted(chars: &[u8], weights: &[u8], value: fn(u8) -> u32) -> u32 {
    chars
        .iter()
        .zip(weights)
        .map(|(&c, &w)| value(c) * u32::from(w))
        .sum()
}

/// Σ digit × weight with the weights taken from the rightmost digit leftwards.
fn weighted_from_right(digits: &[u8], weights: impl Iterator<Item = u8>) -> u32 {
    digits
        .iter()
        .rev()
        .zip(weights)
        .map(|(&d, w)| digit(d) * u32::from(w))
        .sum()
}

/// `body` and its last character, for one trailing check character.
fn split_check(number: &[u8]) -> Option<(&[u8], u8)> {
    let (&check, body) = number.split_last()?;
    Some((body, check))
}

/// Brazil's two mod-11 check digits: the first over the characters before it (`w1`), the
/// second over those and the first (`w2`); a remainder under 2 gives 0, else 11 − remainder.
fn brazil(number: &[u8], w1: &[u8], w2: &[u8], value: fn(u8) -> u32) -> bool {
    let dv = |w: &[u8]| match weighted(number, w, value) % 11 {
        0..=1 => b'0',
        r => ascii(11 - r),
    };
    number.len() == w2.len() + 1
        && number.get(w1.len()) == Some(&dv(w1))
        && number.get(w2.len()) == Some(&dv(w2))
}

/// CPF, per the Receita Federal's rule: weights 10..2, then 11..2 over the first nine digits
/// and the first check digit.
pub(crate) fn cpf(number: &[u8]) -> bool {
    brazil(
        number,
        &[10, 9, 8, 7, 6, 5, 4, 3, 2],
        &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2],
        digit,
    )
}

/// CNPJ, per the Receita Federal's rule: weights 5..2,9..2 then 6..2,9..2. Since the
/// alphanumeric CNPJ (Nota Técnica COCAD/SUARA/RFB nº 49/2024) a character is worth its ASCII
/// code − 48, so digits keep their value and `A` is 17.
pub(crate) fn cnpj(number: &[u8]) -> bool {
    brazil(
        number,
        &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
        &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
        digit,
    )
}

/// CUIT and CUIL, per AFIP: weights 5,4,3,2,7,6,5,4,3,2, check 11 − (Σ mod 11), where 11 is 0
/// and 10 never is issued (AFIP moves such a number to prefix 23 or 33 instead).
pub(crate) fn cuit(number: &[u8]) -> bool {
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    let expected = match weighted(body, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], digit) % 11 {
        0 => b'0',
        1 => return false,
        r => ascii(11 - r),
    };
    body.len() == 10 && check == expected
}

/// Chile's RUT, per the SII: weights 2..7 repeating from the rightmost digit of the number
/// (1 to 8 digits), check 11 − (Σ mod 11), where 11 is `0` and 10 is `K`.
pub(crate) fn rut(number: &[u8]) -> bool {
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    let expected = match 11 - weighted_from_right(body, [2, 3, 4, 5, 6, 7].into_iter().cycle()) % 11
    {
        11 => b'0',
        10 => b'K',
        v => ascii(v),
    };
    (1..=8).contains(&body.len()) && check == expected
}

/// Colombia's NIT, per the DIAN: prime weights 3, 7, 13… from the rightmost digit of the base
/// number (a company's 9 digits or a person's cédula, 6 to 10), r = Σ mod 11, check r when r
/// is 0 or 1, else 11 − r.
pub(crate) fn nit(number: &[u8]) -> bool {
    const WEIGHTS: [u8; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    let expected = match weighted_from_right(body, WEIGHTS.into_iter()) % 11 {
        r @ 0..=1 => ascii(r),
        r => ascii(11 - r),
    };
    (6..=10).contains(&body.len()) && check == expected
}

/// Peru's RUC, per SUNAT: weights 5,4,3,2,7,6,5,4,3,2, check 11 − (Σ mod 11), where 10 is 0
/// and 11 is 1.
pub(crate) fn ruc(number: &[u8]) -> bool {
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    let sum = weighted(body, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], digit);
    body.len() == 10 && check == ascii((11 - sum % 11) % 10)
}

/// Uruguay's CI, per the DNIC: the body left-padded to 7 digits, weights 2,9,8,7,6,3,4,
/// check (10 − Σ mod 10) mod 10.
pub(crate) fn uy_ci(number: &[u8]) -> bool {
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    // Padding on the left adds zeros: the weights line up from the right.
    let sum = weighted_from_right(body, [4, 3, 6, 7, 8, 9, 2].into_iter());
    (6..=7).contains(&body.len()) && check == ascii((10 - sum % 10) % 10)
}

/// Ecuador's cédula, per the Registro Civil: coefficients 2,1,2,1… over the first nine
/// digits, a product over 9 less 9, check (10 − Σ mod 10) mod 10.
pub(crate) fn ec_ci(number: &[u8]) -> bool {
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .zip([2, 1].into_iter().cycle())
        .map(|(&d, c)| match digit(d) * c {
            p if p > 9 => p - 9,
            p => p,
        })
        .sum();
    body.len() == 9 && check == ascii((10 - sum % 10) % 10)
}

/// A character's value in the SAT's RFC table: `0`–`9`, `A`–`N` 10–23, `&` 24, `O`–`Z`
/// 25–36, space 37, `Ñ` 38.
fn rfc_value(b: u8) -> u32 {
    u32::from(match b {
        b'0'..=b'9' => b - b'0',
        b'A'..=b'N' => b - b'A' + 10,
        b'&' => 24,
        b'O'..=b'Z' => b - b'O' + 25,
        N_TILDE => 38,
        _ => 37,
    })
}

/// Mexico's RFC, per the SAT's algorithm for the homoclave's verification digit: the 12
/// characters before it (a company's 11 preceded by a space) weighted 13 down to 2, check
/// 11 − (Σ mod 11), where 11 is `0` and 10 is `A`.
pub(crate) fn rfc(number: &[u8]) -> bool {
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    let pad = 12usize.saturating_sub(body.len());
    let sum: u32 = core::iter::repeat_n(b' ', pad)
        .chain(body.iter().copied())
        .zip((2..=13).rev())
        .map(|(c, w)| rfc_value(c) * w)
        .sum();
    let expected = match (11 - sum % 11) % 11 {
        10 => b'A',
        v => ascii(v),
    };
    pad <= 1 && body.len() + pad == 12 && check == expected
}

/// A character's value in RENAPO's CURP table `0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ`.
fn curp_value(b: u8) -> u32 {
    u32::from(match b {
        b'0'..=b'9' => b - b'0',
        b'A'..=b'N' => b - b'A' + 10,
        N_TILDE => 24,
        b'O'..=b'Z' => b - b'O' + 25,
        _ => 0,
    })
}

/// Mexico's CURP, per RENAPO's Instructivo Normativo: the 17 characters before the check
/// weighted 18 down to 2, check (10 − Σ mod 10) mod 10.
pub(crate) fn curp(number: &[u8]) -> bool {
    let Some((body, check)) = split_check(number) else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .zip((2..=18).rev())
        .map(|(&c, w)| curp_value(c) * w)
        .sum();
    body.len() == 17 && check == ascii((10 - sum % 10) % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Numbers checked by hand against each definition; the published lists are in
    // tests/examples.rs.
    #[test]
    fn worked_examples() {
        assert!(cpf(b"11144477735"));
        assert!(cnpj(b"11222333000181"));
        assert!(cnpj(b"12ABC34501DE35"));
        assert!(cuit(b"20123456786"));
        assert!(rut(b"123456785"));
        // 1: 1·2 = 2, 11 − 2 = 9. 123456: 6·2 + 5·3 + 4·4 + 3·5 + 2·6 + 1·7 = 77, 11 − 0 → 0.
        assert!(rut(b"19"));
        assert!(rut(b"1234560"));
        assert!(nit(b"8001972684"));
        // 123456: 6·3 + 5·7 + 4·13 + 3·17 + 2·19 + 1·23 = 217, remainder 8, 11 − 8 = 3.
        assert!(nit(b"1234563"));
        assert!(nit(b"10203040508"));
        assert!(ruc(b"20131312955"));
        assert!(uy_ci(b"12345672"));
        assert!(ec_ci(b"1710034065"));
        assert!(rfc(b"GODE561231GR8"));
        assert!(curp(b"HEGG560427MVZRRL04"));
    }

    #[test]
    fn wrong_lengths_never_match() {
        for f in [cpf, cnpj, cuit, rut, nit, ruc, uy_ci, ec_ci, rfc, curp] {
            assert!(!f(b""));
            assert!(!f(b"0"));
            assert!(!f(b"000000000000000000000000000000"));
        }
    }
}
