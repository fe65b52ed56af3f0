//! From typed text to significant characters: separators, case, and a fixed buffer, so
//! validation never allocates.

use crate::kind::{DocumentType, N_TILDE};

/// Room for the longest document (a CURP's 18 characters).
pub(crate) const CAP: usize = 18;

/// Whether `c` only separates groups: what people type or paste between them (dots, dashes,
/// slashes, commas, spaces, and the dashes and spaces word processors substitute). Listed
/// rather than `char::is_whitespace`, whose Unicode table costs wasm.
pub(crate) fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '.' | ',' | '-' | '/' | '\u{a0}' | '\u{2010}'..='\u{2015}' | '\u{2212}'
    )
}

/// The significant character `c` stands for, upper case, `Ñ` as its Latin-1 byte; `None`
/// for anything that can be part of no document.
pub(crate) fn significant(c: char) -> Option<u8> {
    match c {
        '0'..='9' | 'A'..='Z' | '&' => Some(c as u8),
        'a'..='z' => Some(c.to_ascii_uppercase() as u8),
        'Ñ' | 'ñ' => Some(N_TILDE),
        _ => None,
    }
}

/// Up to [`CAP`] significant characters, in order.
#[derive(Clone, Copy)]
pub(crate) struct Chars {
    buf: [u8; CAP],
    len: u8,
}

impl Chars {
    pub(crate) const fn new() -> Self {
        Self {
            buf: [0; CAP],
            len: 0,
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..usize::from(self.len)).unwrap_or(&[])
    }

    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Appends unless full; returns whether it did.
    pub(crate) fn push(&mut self, b: u8) -> bool {
        match self.buf.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = b;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    /// The characters as text (`Ñ` back to its `char`).
    pub(crate) fn to_text(self) -> String {
        let mut s = String::with_capacity(self.len() + 1);
        s.extend(self.as_bytes().iter().map(|&b| char::from(b)));
        s
    }
}

/// The most characters `kind` takes after those in `chars`: an RFC whose fourth character is
/// a digit is a company's, one shorter than a person's.
fn limit(kind: DocumentType, chars: &Chars) -> usize {
    match (kind, chars.as_bytes().get(3)) {
        (DocumentType::MxRfc, Some(b)) if b.is_ascii_digit() => kind.min_len(),
        _ => kind.max_len(),
    }
}

/// The characters of `text` that `kind` allows, in order, up to its longest number (later
/// ones refused), and how many of those kept lie before `caret` (UTF-16 units).
pub(crate) fn extract(kind: DocumentType, text: &str, caret: usize) -> (Chars, usize) {
    let charset = kind.charset();
    let mut chars = Chars::new();
    let mut before = 0;
    let mut pos = 0;
    for c in text.chars() {
        if let Some(b) = significant(c).filter(|&b| charset.accepts(b)) {
            if chars.len() < limit(kind, &chars) && chars.push(b) && pos < caret {
                before += 1;
            }
        }
        pos += c.len_utf16();
    }
    (chars, before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_allowed_characters_upper_cased() {
        let (chars, before) = extract(DocumentType::MxRfc, "mu-ñ 110218 lj6", 4);
        assert_eq!(chars.to_text(), "MUÑ110218LJ6");
        assert_eq!(before, 3);
        let (chars, _) = extract(DocumentType::BrCpf, "a1b2", 0);
        assert_eq!(chars.as_bytes(), b"12");
    }

    #[test]
    fn refuses_past_the_longest_number() {
        let (chars, before) = extract(DocumentType::PeDni, "123456789", 9);
        assert_eq!((chars.as_bytes(), before), (&b"12345678"[..], 8));
        // A company's RFC (digit fourth) stops at 12.
        let (chars, _) = extract(DocumentType::MxRfc, "ABC0102035X9Z", 0);
        assert_eq!(chars.len(), 12);
        let (chars, _) = extract(DocumentType::MxRfc, "ABCD0102035X9Z", 0);
        assert_eq!(chars.len(), 13);
    }

    #[test]
    fn caret_counts_utf16_units() {
        // "😀" is two UTF-16 units: a caret of 3 sits after "1😀".
        let (_, before) = extract(DocumentType::PeDni, "1😀2", 3);
        assert_eq!(before, 1);
        let (_, before) = extract(DocumentType::PeDni, "1😀2", 4);
        assert_eq!(before, 2);
    }
}
