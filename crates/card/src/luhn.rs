//! The Luhn (mod 10) check digit algorithm.

/// Whether the ASCII digits pass the Luhn check. Empty input does not.
pub fn is_valid(digits: &[u8]) -> bool {
    !digits.is_empty() && checksum(digits, false).is_multiple_of(10)
}

/// The Luhn sum, doubling every second digit counted from the right; `shifted` starts the
/// doubling on the rightmost digit (as if a check digit were already appended).
fn checksum(digits: &[u8], shifted: bool) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b - b'0');
            if (i % 2 == 1) != shifted {
                if d > 4 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum()
}

/// The digit that, appended to `payload`, makes it pass the Luhn check.
pub fn check_digit(payload: &[u8]) -> u8 {
    b'0' + ((10 - checksum(payload, true) % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers() {
        assert!(is_valid(b"4111111111111111"));
        assert!(is_valid(b"378282246310005"));
        assert!(!is_valid(b"4111111111111112"));
        assert!(!is_valid(b""));
    }

    #[test]
    fn check_digit_completes_a_number() {
        assert_eq!(check_digit(b"411111111111111"), b'1');
        assert_eq!(check_digit(b"37828224631000"), b'5');
    }
}
