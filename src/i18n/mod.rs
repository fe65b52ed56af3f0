//! The widget's words, one file per language (`en.rs`, `es.rs`, `pt.rs`), each with a table
//! for the secure frame and one for the host component, so each piece carries only its own
//! words. Pure data: no DOM, tested natively. Adding a language is adding a file and a line in
//! [`Lang::pick`].

mod en;
mod es;
mod pt;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
    Pt,
}

impl Lang {
    /// The table for a BCP 47 tag: by primary subtag (`pt-BR` → `pt`), else English.
    pub fn pick(tag: &str) -> Lang {
        let primary = tag.as_bytes().split(|b| *b == b'-' || *b == b'_').next();
        [Lang::Es, Lang::Pt]
            .into_iter()
            .find(|l| primary.is_some_and(|p| p.eq_ignore_ascii_case(l.code().as_bytes())))
            .unwrap_or(Lang::En)
    }

    /// The secure frame's words in this language.
    pub fn frame(self) -> &'static FrameStrings {
        match self {
            Lang::En => &en::FRAME,
            Lang::Es => &es::FRAME,
            Lang::Pt => &pt::FRAME,
        }
    }

    /// The host component's words in this language.
    pub fn host(self) -> &'static HostStrings {
        match self {
            Lang::En => &en::HOST,
            Lang::Es => &es::HOST,
            Lang::Pt => &pt::HOST,
        }
    }

    /// The BCP 47 code, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }
}

/// The secure frame's words: the card form, its errors, and tokenization.
#[derive(Debug)]
pub struct FrameStrings {
    pub card_number: &'static str,
    pub expiry: &'static str,
    pub expiry_placeholder: &'static str,
    pub cvc: &'static str,
    pub holder_name: &'static str,
    /// Appended to an optional field's label.
    pub optional: &'static str,
    pub number_required: &'static str,
    pub number_incomplete: &'static str,
    pub number_invalid: &'static str,
    pub number_unsupported: &'static str,
    pub expiry_required: &'static str,
    pub expiry_incomplete: &'static str,
    pub expiry_invalid: &'static str,
    pub expiry_expired: &'static str,
    pub expiry_too_far: &'static str,
    pub cvc_required: &'static str,
    pub cvc_incomplete_3: &'static str,
    pub cvc_incomplete_4: &'static str,
    pub holder_required: &'static str,
    pub holder_too_short: &'static str,
    pub holder_too_long: &'static str,
    pub holder_invalid: &'static str,
    pub network_error: &'static str,
    pub session_expired: &'static str,
    pub api_error: &'static str,
    /// Announced when tokenization starts.
    pub processing: &'static str,
}

/// The host component's words: method list, pay button, payment results.
#[derive(Debug)]
pub struct HostStrings {
    /// The iframe's title (read by screen readers).
    pub frame_title: &'static str,
    pub network_error: &'static str,
    pub session_expired: &'static str,
    pub card_rejected: &'static str,
    pub api_error: &'static str,
    /// Host: while the session and its methods load.
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    /// The accessible name of the method list.
    pub methods_label: &'static str,
    /// The pay button, before the amount.
    pub pay: &'static str,
    /// Before a saved card's expiry.
    pub expires: &'static str,
    pub declined: &'static str,
    pub insufficient_funds: &'static str,
    pub fraud_declined: &'static str,
    pub payment_error: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_by_primary_subtag_and_falls_back_to_english() {
        assert_eq!(Lang::pick("pt-BR"), Lang::Pt);
        assert_eq!(Lang::pick("PT"), Lang::Pt);
        assert_eq!(Lang::pick("es_MX"), Lang::Es);
        assert_eq!(Lang::pick("en-GB"), Lang::En);
        assert_eq!(Lang::pick("fr"), Lang::En);
        assert_eq!(Lang::pick(""), Lang::En);
    }

    #[test]
    fn every_table_is_complete_and_translated() {
        // Debug prints every field; compare the tables field by field through it.
        let lines = |l: Lang| -> Vec<String> {
            format!("{:#?}{:#?}", l.frame(), l.host())
                .lines()
                .filter(|x| x.contains(": \""))
                .map(str::to_owned)
                .collect()
        };
        let en = lines(Lang::En);
        assert!(en.len() >= 38);
        for lang in [Lang::Es, Lang::Pt] {
            let other = lines(lang);
            assert_eq!(other.len(), en.len());
            assert!(
                other.iter().all(|l| !l.ends_with(": \"\",")),
                "{lang:?} has an empty string"
            );
            let same = en.iter().zip(&other).filter(|(a, b)| a == b).count();
            // A few words are the same in both languages (e.g. "CVC"); most are not.
            assert!(same <= 3, "{lang:?} repeats {same} English strings");
        }
    }
}
