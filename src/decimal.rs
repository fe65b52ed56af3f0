//! Whole numbers as decimal text, without `core::fmt`: `format!` and `to_string` on a number
//! bring the formatting machinery into the wasm (KBs); the widget needs only this.

/// `n` in decimal digits.
pub fn decimal(mut n: u32) -> String {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[start..].iter().map(|&d| char::from(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn same_as_display() {
        for n in [0, 7, 10, 99, 260, 4_294_967_295] {
            assert_eq!(decimal(n), n.to_string());
        }
    }
}
