//! The Luhn (mod 10) check digit algorithm.

/// Whether the ASCII digits pass the Luhn check. Empty input does not.
pub fn is_valid(digits: &[u8]) -> bool {
    !digits.is_empty() && checksum(digits) % 10 == 0
}

/// The Luhn sum of the digits, doubling every second digit from the right.
fn checksum(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum()
}

/// The digit that, appended to `payload`, makes it pass the Luhn check.
pub fn check_digit(payload: &[u8]) -> u8 {
    // Appending a 0 shifts the doubling positions exactly as the real check digit would.
    let mut sum = 0u32;
    for (i, &b) in payload.iter().rev().enumerate() {
        let d = u32::from(b - b'0');
        sum += if i % 2 == 0 {
            let x = d * 2;
            if x > 9 {
                x - 9
            } else {
                x
            }
        } else {
            d
        };
    }
    b'0' + ((10 - sum % 10) % 10) as u8
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
