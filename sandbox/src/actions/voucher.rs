//! A cash voucher's barcode: the reference as Code 128 (character set C, two digits a
//! symbol), the symbology store scanners read, drawn as an SVG image.

use barcoders::generators::svg::SVG;
use barcoders::sym::code128::Code128;

/// The barcode of a reference of digits (an even count fits set C exactly).
pub fn barcode_svg(reference: &str) -> anyhow::Result<String> {
    anyhow::ensure!(
        !reference.is_empty()
            && reference.len().is_multiple_of(2)
            && reference.bytes().all(|b| b.is_ascii_digit()),
        "a voucher reference is an even number of digits"
    );
    let code =
        Code128::new(format!("Ć{reference}")).map_err(|e| anyhow::anyhow!("code 128: {e}"))?;
    SVG::new(80)
        .xdim(2)
        .xmlns("http://www.w3.org/2000/svg".to_owned())
        .generate(code.encode())
        .map_err(|e| anyhow::anyhow!("svg: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_reference_and_refuses_what_set_c_cannot_hold() {
        let svg = barcode_svg("01234567890123").unwrap();
        assert!(svg.contains("<svg") && svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        // Start C, 7 symbols, check symbol, stop: 10 symbols of 11 modules and a 13-module stop.
        let bars = Code128::new("Ć01234567890123").unwrap().encode();
        assert_eq!(bars.len(), 9 * 11 + 13);
        assert!(barcode_svg("123").is_err());
        assert!(barcode_svg("12a4").is_err());
    }
}
