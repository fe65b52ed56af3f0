//! PIX's "copia e cola" code: a BR Code, the EMV merchant-presented QR payload of Brazil's
//! central bank (Manual do BR Code), and its QR image.
//!
//! The payload is TLV fields (two-digit id, two-digit length, value) ending in a CRC-16/CCITT
//! (`CRC_16_IBM_3740`: poly 0x1021, init 0xFFFF) over everything before it, `6304` included.

use crc::{Crc, CRC_16_IBM_3740};

/// What a PIX charge names.
pub struct Charge<'a> {
    /// The receiver's PIX key (an EVP key is a UUID).
    pub key: &'a str,
    /// The amount in reais, if fixed.
    pub amount: Option<f64>,
    /// At most 25 characters; cut to fit.
    pub merchant_name: &'a str,
    /// At most 15 characters; cut to fit.
    pub merchant_city: &'a str,
    /// The transaction id (letters and digits, at most 25), or `***` for none.
    pub txid: &'a str,
}

/// One TLV field. Values are ASCII here (names are cut on characters, then transliterated).
fn field(id: &str, value: &str) -> String {
    let len = value.len();
    debug_assert!(len < 100, "a BR Code field holds at most 99 bytes");
    [id, &format!("{len:02}"), value].concat()
}

/// `s` in the BR Code's character set (ASCII, no accents), at most `max` characters.
fn ascii(s: &str, max: usize) -> String {
    s.chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' => Some('a'),
            'é' | 'ê' | 'è' => Some('e'),
            'í' | 'ì' => Some('i'),
            'ó' | 'ô' | 'õ' | 'ò' => Some('o'),
            'ú' | 'ü' => Some('u'),
            'ç' => Some('c'),
            'Á' | 'À' | 'Â' | 'Ã' => Some('A'),
            'É' | 'Ê' => Some('E'),
            'Í' => Some('I'),
            'Ó' | 'Ô' | 'Õ' => Some('O'),
            'Ú' => Some('U'),
            'Ç' => Some('C'),
            c if c.is_ascii_graphic() || c == ' ' => Some(c),
            _ => None,
        })
        .take(max)
        .collect()
}

/// The BR Code payload of `charge`.
pub fn payload(charge: &Charge) -> String {
    let account = field("00", "br.gov.bcb.pix") + &field("01", charge.key);
    let mut out = field("00", "01") + &field("26", &account) + &field("52", "0000");
    out += &field("53", "986");
    if let Some(amount) = charge.amount {
        out += &field("54", &format!("{amount:.2}"));
    }
    out += &field("58", "BR");
    out += &field("59", &ascii(charge.merchant_name, 25));
    out += &field("60", &ascii(charge.merchant_city, 15));
    let txid: String = charge
        .txid
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(25)
        .collect();
    let txid = if txid.is_empty() {
        "***".to_owned()
    } else {
        txid
    };
    out += &field("62", &field("05", &txid));
    out += "6304";
    let crc = Crc::<u16>::new(&CRC_16_IBM_3740).checksum(out.as_bytes());
    out + &format!("{crc:04X}")
}

/// The payload as a QR code, an SVG image that scales (a quiet zone included).
pub fn qr_svg(payload: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .dark_color(qrcode::render::svg::Color("#000"))
        .light_color(qrcode::render::svg::Color("#fff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields of a payload, checking every length.
    fn tlv(mut s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        while !s.is_empty() {
            let len: usize = s[2..4].parse().unwrap();
            out.push((s[..2].to_owned(), s[4..4 + len].to_owned()));
            s = &s[4 + len..];
        }
        out
    }

    #[test]
    fn matches_the_central_banks_published_example() {
        // Manual do BR Code (BCB), static example with an EVP key and no amount.
        let code = payload(&Charge {
            key: "123e4567-e12b-12d1-a456-426655440000",
            amount: None,
            merchant_name: "Fulano de Tal",
            merchant_city: "BRASILIA",
            txid: "***",
        });
        assert_eq!(
            code,
            "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-42665544000052040000\
             53039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
        );
    }

    #[test]
    fn carries_the_amount_and_a_valid_checksum() {
        let code = payload(&Charge {
            key: "7d9f0335-8dcc-4054-9bf9-0dbd61d36906",
            amount: Some(52.5),
            merchant_name: "Loja de Demonstração Muito Longa Ltda",
            merchant_city: "São Paulo",
            txid: "3f1c-77aa-90",
        });
        let fields = tlv(&code);
        let get = |id: &str| fields.iter().find(|f| f.0 == id).unwrap().1.clone();
        assert_eq!(get("54"), "52.50");
        assert_eq!(get("59"), "Loja de Demonstracao Muit");
        assert_eq!(get("60"), "Sao Paulo");
        assert_eq!(get("62"), "05103f1c77aa90");
        let crc = Crc::<u16>::new(&CRC_16_IBM_3740).checksum(&code.as_bytes()[..code.len() - 4]);
        assert_eq!(get("63"), format!("{crc:04X}"));
        assert!(qr_svg(&code).unwrap().starts_with("<?xml"));
    }
}
