//! A CLABE, Mexico's 18-digit interbank account number (SPEI transfers): bank (3), plaza (3),
//! account (11) and a check digit (weights 3, 7, 1 repeating; the digit makes the sum a
//! multiple of ten).

/// The check digit of the first 17 digits.
pub fn check_digit(first17: &[u8; 17]) -> u8 {
    let sum: u32 = first17
        .iter()
        .zip([3, 7, 1].iter().cycle())
        .map(|(d, w)| u32::from(d * w % 10))
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// A CLABE at STP (bank 646, plaza 180) for the account number `account` (its last 11 digits).
pub fn for_account(account: u64) -> String {
    let mut digits = [0u8; 17];
    let prefix = format!("646180{:011}", account % 100_000_000_000);
    for (d, c) in digits.iter_mut().zip(prefix.bytes()) {
        *d = c - b'0';
    }
    format!("{prefix}{}", check_digit(&digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(clabe: &str) -> bool {
        let d: Vec<u8> = clabe.bytes().map(|c| c - b'0').collect();
        let first: [u8; 17] = d[..17].try_into().unwrap();
        d.len() == 18 && check_digit(&first) == d[17]
    }

    #[test]
    fn published_clabes_check() {
        // Banco de México's and Wikipedia's examples.
        assert!(valid("032180000118359719"));
        assert!(valid("002010077777777771"));
        assert!(!valid("032180000118359718"));
    }

    #[test]
    fn generated_clabes_check() {
        for n in [0, 1, 42, 99_999_999_999, 123_456_789_012] {
            let c = for_account(n);
            assert_eq!(c.len(), 18);
            assert!(c.starts_with("646180"));
            assert!(valid(&c), "{c}");
        }
    }
}
