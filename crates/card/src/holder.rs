//! The card holder's name as printed on the card.

/// Why a holder name is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum HolderError {
    /// Nothing but white space.
    Empty,
    /// Fewer than 2 characters.
    TooShort,
    /// More than 26 characters, the most a card embosses.
    TooLong,
    /// A digit or symbol that no printed name has.
    InvalidCharacter,
}

const MIN: usize = 2;
const MAX: usize = 26;

/// `text` without white space (Unicode's, as `str::trim`) at either end. One plain function
/// that the engine and the frame share: `str::trim`'s generic searcher came into the frame's
/// wasm twice, 0.7 KB.
pub fn trim(text: &str) -> &str {
    let start = text
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| i);
    let end = text
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(start, |(i, c)| i + c.len_utf8());
    &text[start..end.max(start)]
}

/// Validates a holder name: letters in any script, spaces, `'`, `’`, `-` and `.`, 2–26
/// characters after trimming.
pub fn validate_holder(text: &str) -> Result<(), HolderError> {
    let name = trim(text);
    if name.is_empty() {
        return Err(HolderError::Empty);
    }
    // Counted in the same pass (`chars().count()` brings its own vectorised loop: 0.4 KB of
    // the frame's wasm).
    let mut count = 0;
    for c in name.chars() {
        if !(c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '.')) {
            return Err(HolderError::InvalidCharacter);
        }
        count += 1;
    }
    match count {
        n if n < MIN => Err(HolderError::TooShort),
        n if n > MAX => Err(HolderError::TooLong),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_str_trim_does() {
        for text in [
            "",
            " ",
            "  a b  ",
            "\u{a0}José\u{2003}",
            "\t\nx",
            "x",
            "李 ",
            " \u{3000}",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(validate_holder("José Müller"), Ok(()));
        assert_eq!(validate_holder("  O'Brien-Smith Jr. "), Ok(()));
        assert_eq!(validate_holder("李小龍"), Ok(()));
        assert_eq!(validate_holder("   "), Err(HolderError::Empty));
        assert_eq!(validate_holder("J"), Err(HolderError::TooShort));
        assert_eq!(
            validate_holder("ABCDEFGHIJKLMNOPQRSTUVWXYZA"),
            Err(HolderError::TooLong)
        );
        assert_eq!(validate_holder("R2D2"), Err(HolderError::InvalidCharacter));
        assert_eq!(validate_holder("a<b>"), Err(HolderError::InvalidCharacter));
    }
}
