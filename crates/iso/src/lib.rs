//! ISO 3166-1 alpha-2 country codes and ISO 4217 currency codes, for validating options and
//! requests. Shared by the widget (wasm) and the sandbox.

/// Every officially assigned ISO 3166-1 alpha-2 code.
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// The index of a two-letter code among all 26 × 26 of them.
const fn index(a: u8, b: u8) -> usize {
    (a - b'A') as usize * 26 + (b - b'A') as usize
}

/// [`COUNTRIES`] as a bit per possible code, built at compile time: 85 bytes in the wasm
/// instead of the 750 of the list and the code to search it.
const ASSIGNED: [u8; 85] = {
    let list = COUNTRIES.as_bytes();
    let mut bits = [0u8; 85];
    let mut i = 0;
    while i + 1 < list.len() {
        let n = index(list[i], list[i + 1]);
        bits[n / 8] |= 1 << (n % 8);
        i += 3;
    }
    bits
};

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
pub fn is_country(code: &str) -> bool {
    match code.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            let n = index(a, b);
            ASSIGNED[n / 8] & (1 << (n % 8)) != 0
        }
        _ => false,
    }
}

/// Whether `code` has the shape of an ISO 4217 currency code (three upper-case letters).
pub fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bit_table_holds_exactly_the_list() {
        let listed: Vec<&str> = COUNTRIES.split(' ').collect();
        assert_eq!(listed.len(), 249);
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(is_country(&code), listed.contains(&code.as_str()), "{code}");
            }
        }
    }

    #[test]
    fn codes() {
        assert!(is_country("BR") && is_country("US") && is_country("ZW"));
        assert!(!is_country("br") && !is_country("XX") && !is_country("BRA") && !is_country(""));
        assert!(is_currency("BRL") && !is_currency("brl") && !is_currency("BR"));
    }
}
