//! The payer's identity document (`customer_payer.document`, Yuno's shape), checked with the
//! same engine as the secure frame's (`checkout-document`): a type the country uses, and a
//! number that type accepts. Errors name the field and the reason, never the number.

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};

/// `{document_type, document_number}` as sent and as stored (the number normalised).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Document {
    pub document_type: String,
    pub document_number: String,
}

/// `document` (the field at `field`, e.g. `customer_payer.document`) for a payer of `country`:
/// its normalised form, or a 400 naming the field that is wrong and why.
pub fn check(field: &str, country: &str, document: &Document) -> ApiResult<Document> {
    let kind = checkout_document::from_code(country, &document.document_type).ok_or_else(|| {
        let offered: Vec<&str> = checkout_document::for_country(country)
            .iter()
            .map(|k| k.code())
            .collect();
        let why = if offered.is_empty() {
            format!("is not taken for {country}: it has no document types")
        } else {
            format!("must be one of {} for {country}", offered.join(", "))
        };
        ApiError::invalid(&format!("{field}.document_type"), &why)
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
