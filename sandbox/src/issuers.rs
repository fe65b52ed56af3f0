//! The issuers (banks) a shopper picks from for a method that names one, as Yuno's
//! `GET /v1/issuers` lists them (`{ id, name }`). Only PSE (Colombia) has any here: its token
//! carries the chosen bank as `payment_method.detail.issuer_id`, and the payment made with it
//! shows the bank's name (`payment_method_detail.bank_transfer.bank_name`).

use serde::Serialize;

/// One issuer, in Yuno's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Issuer {
    /// The id the token request carries (`payment_method.detail.issuer_id`).
    pub id: &'static str,
    /// The bank's name, as shown to the shopper.
    pub name: &'static str,
}

/// PSE's banks: ids and names from Yuno's example list, sorted by name so that the list is
/// shown as answered (a test holds the order).
static PSE_CO: &[Issuer] = &[
    Issuer {
        id: "1051",
        name: "BANCO DAVIVIENDA",
    },
    Issuer {
        id: "1001",
        name: "BANCO DE BOGOTÁ",
    },
    Issuer {
        id: "1023",
        name: "BANCO DE OCCIDENTE",
    },
    Issuer {
        id: "1002",
        name: "BANCO POPULAR",
    },
    Issuer {
        id: "1065",
        name: "BANCO SANTANDER COLOMBIA",
    },
    Issuer {
        id: "1007",
        name: "BANCOLOMBIA",
    },
    Issuer {
        id: "1013",
        name: "BBVA COLOMBIA S.A.",
    },
    Issuer {
        id: "1070",
        name: "LULO BANK",
    },
    Issuer {
        id: "1809",
        name: "NU",
    },
    Issuer {
        id: "1019",
        name: "SCOTIABANK COLPATRIA DESARROLLO",
    },
];

/// The issuers of method `kind` in `country`, sorted by name; empty for a method that names
/// none (a card, a wallet, PIX…). PSE's banks are Colombian: PSE enabled elsewhere by a
/// methods file has none.
pub fn for_method(country: &str, kind: &str) -> &'static [Issuer] {
    match (country, kind) {
        ("CO", "PSE") => PSE_CO,
        _ => &[],
    }
}

/// The issuer `id` of method `kind` in `country`, if it is one.
pub fn find(country: &str, kind: &str, id: &str) -> Option<&'static Issuer> {
    for_method(country, kind).iter().find(|i| i.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pse_lists_its_banks_sorted_by_name_with_unique_numeric_ids() {
        let banks = for_method("CO", "PSE");
        assert_eq!(banks.len(), 10);
        assert!(banks.windows(2).all(|w| w[0].name < w[1].name), "{banks:?}");
        let mut ids: Vec<&str> = banks.iter().map(|b| b.id).collect();
        assert!(ids.iter().all(|id| id.bytes().all(|b| b.is_ascii_digit())));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), banks.len(), "ids are unique");
    }

    #[test]
    fn only_pse_in_colombia_has_issuers() {
        for (country, kind) in [
            ("CO", "CARD"),
            ("CO", "NEQUI"),
            ("BR", "PIX"),
            ("BR", "PSE"),
        ] {
            assert!(for_method(country, kind).is_empty(), "{country} {kind}");
        }
    }

    #[test]
    fn finds_a_bank_by_id_within_its_method_only() {
        assert_eq!(
            find("CO", "PSE", "1007").map(|b| b.name),
            Some("BANCOLOMBIA")
        );
        assert_eq!(find("CO", "PSE", "1552"), None);
        assert_eq!(find("CO", "NEQUI", "1007"), None);
    }
}
