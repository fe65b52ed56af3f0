//! UTF-8 decoded by hand (feature `small-utf8`, the host's). `core::str::from_utf8` was the
//! host's largest function from outside its own code (616 B of wasm, most of it a
//! word-at-a-time fast path that messages of a few dozen bytes never use), and the host has no
//! other use for it; this loop is a fraction of that. The tests hold it to
//! `core::str::from_utf8`: every sequence of up to three bytes, and any bytes by proptest.

/// The text `bytes` spell, or `None` where `core::str::from_utf8` would refuse them: a byte
/// that cannot start a character, a missing or wrong continuation byte, an overlong form, a
/// surrogate, or a code point past U+10FFFF.
pub fn text(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes.iter();
    while let Some(&lead) = rest.next() {
        // How many continuation bytes follow, and the least code point that needs them.
        let (more, least) = match lead {
            0..=0x7f => (0, 0),
            0xc2..=0xdf => (1, 0x80),
            0xe0..=0xef => (2, 0x800),
            0xf0..=0xf4 => (3, 0x1_0000),
            _ => return None,
        };
        // The lead's own bits: the bit under its length marker is 0, so this mask keeps only them.
        let mut code = u32::from(lead) & (0x7f >> more);
        for _ in 0..more {
            let next = *rest.next()?;
            if next & 0xc0 != 0x80 {
                return None;
            }
            code = code << 6 | u32::from(next & 0x3f);
        }
        if code < least {
            return None;
        }
        // Refuses surrogates and anything past U+10FFFF.
        out.push(char::from_u32(code)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::text;
    use proptest::prelude::*;

    fn agrees(bytes: &[u8]) {
        let expected = core::str::from_utf8(bytes).ok().map(str::to_owned);
        assert_eq!(text(bytes), expected, "{bytes:02x?}");
    }

    #[test]
    fn every_sequence_of_up_to_two_bytes() {
        agrees(&[]);
        for a in 0..=255u8 {
            agrees(&[a]);
            for b in 0..=255u8 {
                agrees(&[a, b]);
            }
        }
    }

    #[test]
    fn every_sequence_of_three_bytes() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for c in 0..=255u8 {
                    agrees(&[a, b, c]);
                }
            }
        }
    }

    #[test]
    fn four_byte_edges() {
        // The first and last code point of the four-byte range, one past it, an overlong
        // form, and a cut one.
        for bytes in [
            &[0xf0, 0x90, 0x80, 0x80][..],
            &[0xf4, 0x8f, 0xbf, 0xbf],
            &[0xf4, 0x90, 0x80, 0x80],
            &[0xf0, 0x8f, 0xbf, 0xbf],
            &[0xf0, 0x9f, 0x98],
            &[0xf5, 0x80, 0x80, 0x80],
        ] {
            agrees(bytes);
        }
    }

    proptest! {
        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..24)) {
            agrees(&bytes);
        }

        #[test]
        fn any_text_and_one_byte_changed(s in "\\PC{0,12}", at in any::<prop::sample::Index>(), byte in any::<u8>()) {
            let mut bytes = s.into_bytes();
            agrees(&bytes);
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = byte;
                agrees(&bytes);
            }
        }

        #[test]
        fn four_byte_sequences(lead in 0xf0..=0xf4u8, rest in proptest::collection::vec(any::<u8>(), 3)) {
            agrees(&[lead, rest[0], rest[1], rest[2]]);
            agrees(&[lead, 0x80 | rest[0] & 0x3f, 0x80 | rest[1] & 0x3f, 0x80 | rest[2] & 0x3f]);
        }
    }
}
