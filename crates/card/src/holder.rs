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

/// Validates a holder name: letters in any script, spaces, `'`, `’`, `-` and `.`, 2–26
/// characters after trimming.
pub fn validate_holder(text: &str) -> Result<(), HolderError> {
    let name = text.trim();
    if name.is_empty() {
        return Err(HolderError::Empty);
    }
    if !name
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '.'))
    {
        return Err(HolderError::InvalidCharacter);
    }
    match name.chars().count() {
        n if n < MIN => Err(HolderError::TooShort),
        n if n > MAX => Err(HolderError::TooLong),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
