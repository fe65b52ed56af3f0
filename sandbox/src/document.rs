//! The payer's identity document (`customer_payer.document`, Yuno's shape), checked with the
//! same engine as the secure frame's (`checkout-document`): a type the country uses, and a
//! number that type accepts. Errors name the field and the reason, never the number.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};
use crate::vault::Vault;

/// `{document_type, document_number}` as sent and as stored (the number normalised). Its
/// `Debug` prints the type only: the number is personal data.
#[derive(Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Document {
    pub document_type: String,
    pub document_number: String,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("document_type", &self.document_type)
            .finish_non_exhaustive()
    }
}

/// Document types Yuno takes that the engine has no rules for: taken as given. (`*`: any
/// country.)
const UNCHECKED: [(&str, &str); 6] = [
    ("*", "PAS"),
    ("BR", "RG"),
    ("BR", "CNH"),
    ("AR", "CI"),
    ("AR", "LC"),
    ("AR", "LE"),
];

/// `document` (the field at `field`, e.g. `customer_payer.document`) for a payer of `country`:
/// its normalised form, or a 400 naming the field that is wrong and why. A type the engine
/// knows for the country is checked (check digit included); a passport, one of the other
/// types Yuno takes, or any type of a country the engine has none for is taken as given.
pub fn check(field: &str, country: &str, document: &Document) -> ApiResult<Document> {
    let offered = checkout_document::for_country(country);
    let code = document.document_type.as_str();
    let Some(kind) = checkout_document::from_code(country, code) else {
        let unchecked = UNCHECKED
            .iter()
            .any(|&(c, t)| t == code && (c == "*" || c.eq_ignore_ascii_case(country)));
        let plausible =
            (2..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
        if unchecked || (offered.is_empty() && plausible) {
            return taken_as_given(field, document);
        }
        let codes: Vec<&str> = offered.iter().map(|k| k.code()).collect();
        let why = if codes.is_empty() {
            "must be a document type code such as PAS".to_owned()
        } else {
            format!("must be one of {}, or PAS, for {country}", codes.join(", "))
        };
        return Err(ApiError::invalid(&format!("{field}.document_type"), &why));
    };
    let name = kind.code();
    checkout_document::validate(kind, &document.document_number).map_err(|reason| {
        use checkout_document::Reason::*;
        let why = match reason {
            Empty => "is required".to_owned(),
            Incomplete => format!("is too short for a {name}"),
            TooLong => format!("is too long for a {name}"),
            InvalidCharacter => format!("has a character a {name} cannot have"),
            InvalidFormat => format!("is not laid out as a {name} is"),
            BadCheckDigit => format!("is not a valid {name}: its check digit does not match"),
        };
        ApiError::invalid(&format!("{field}.document_number"), &why)
    })?;
    Ok(Document {
        document_type: name.to_owned(),
        document_number: checkout_document::normalize(kind, &document.document_number),
    })
}

/// A document of a type without rules: its number trimmed, 1 to 30 letters, digits and the
/// usual separators.
fn taken_as_given(field: &str, document: &Document) -> ApiResult<Document> {
    let number = document.document_number.trim();
    let ok = (1..=30).contains(&number.chars().count())
        && number
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '/'));
    if !ok {
        return Err(ApiError::invalid(
            &format!("{field}.document_number"),
            "must be 1 to 30 letters, digits, spaces, dots, dashes or slashes",
        ));
    }
    Ok(Document {
        document_type: document.document_type.clone(),
        document_number: number.to_owned(),
    })
}

/// The token's copy of the document, sealed to the token as its card is (base64 text): it is
/// personal data, kept only until the token is used or expires.
pub fn seal(vault: &Vault, token: &str, document: &Document) -> anyhow::Result<String> {
    let plain = serde_json::to_vec(document)?;
    Ok(B64.encode(vault.seal(token, &plain)?))
}

/// The token's document from [`seal`]'s text; `None` if it cannot be opened (another key, or
/// another token's).
pub fn open(vault: &Vault, token: &str, sealed: &str) -> Option<Document> {
    let bytes = B64.decode(sealed).ok()?;
    serde_json::from_slice(&vault.open(token, &bytes).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tokens_document_is_sealed_to_that_token() {
        let dir = std::env::temp_dir().join(format!("doc-seal-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let vault = Vault::load(None, &dir).unwrap();
        let d = doc("CPF", "52998224725");
        let sealed = seal(&vault, "tok_a", &d).unwrap();
        assert!(!sealed.contains("52998224725"));
        assert_eq!(open(&vault, "tok_a", &sealed), Some(d));
        assert_eq!(open(&vault, "tok_b", &sealed), None, "bound to its token");
        assert_eq!(open(&vault, "tok_a", "not base64"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn doc(kind: &str, number: &str) -> Document {
        Document {
            document_type: kind.into(),
            document_number: number.into(),
        }
    }

    #[test]
    fn a_valid_document_is_normalised_and_a_wrong_one_is_named_without_its_value() {
        let ok = check(
            "customer_payer.document",
            "BR",
            &doc("CPF", "111.444.777-35"),
        )
        .unwrap();
        assert_eq!(ok, doc("CPF", "11144477735"));
        let e = check(
            "customer_payer.document",
            "BR",
            &doc("CPF", "111.444.777-36"),
        )
        .unwrap_err();
        assert_eq!(
            e.field.as_deref(),
            Some("customer_payer.document.document_number")
        );
        let text = serde_json::to_string(&e.messages).unwrap();
        assert!(
            text.contains("check digit") && !text.contains("111"),
            "{text}"
        );
        let e = check("customer_payer.document", "BR", &doc("RUT", "12.345.678-5")).unwrap_err();
        assert_eq!(
            e.field.as_deref(),
            Some("customer_payer.document.document_type")
        );
        assert!(serde_json::to_string(&e.messages)
            .unwrap()
            .contains("CPF, CNPJ"));
        assert!(check("x", "CL", &doc("RUT", "12.345.678-5")).is_ok());
        // Yuno's other types, and countries without rules, are taken as given.
        let passport = check("x", "BR", &doc("PAS", " FX123456 ")).unwrap();
        assert_eq!(passport, doc("PAS", "FX123456"));
        assert!(check("x", "BR", &doc("RG", "12.345.678-9")).is_ok());
        assert!(check("x", "US", &doc("SSN", "123-45-6789")).is_ok());
        let e = check("x", "US", &doc("ssn?", "1")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("x.document_type"));
        let e = check("x", "BR", &doc("PAS", "<script>")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("x.document_number"));
        // Its Debug shows no number.
        assert!(!format!("{passport:?}").contains("FX1"));
    }
}
