//! Payment methods enabled per country: the sandbox's defaults or a JSON file.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;

/// What the API says about one method type.
pub struct MethodInfo {
    /// Wire name (`CARD`, `PIX`…).
    pub kind: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Yuno's category.
    pub category: &'static str,
    /// Short description.
    pub description: &'static str,
}

/// Every method type the sandbox can process.
pub static METHODS: &[MethodInfo] = &[
    MethodInfo {
        kind: "CARD",
        name: "Card",
        category: "CARD",
        description: "Credit or debit card",
    },
    MethodInfo {
        kind: "PIX",
        name: "PIX",
        category: "BANK_TRANSFER",
        description: "Instant payment with a PIX QR code",
    },
    MethodInfo {
        kind: "NU_PAY",
        name: "NuPay",
        category: "WALLET",
        description: "Pay with your Nubank account",
    },
    MethodInfo {
        kind: "OXXO",
        name: "OXXO",
        category: "TICKET",
        description: "Pay in cash at an OXXO store",
    },
    MethodInfo {
        kind: "SPEI",
        name: "SPEI",
        category: "BANK_TRANSFER",
        description: "Bank transfer with SPEI",
    },
    MethodInfo {
        kind: "PSE",
        name: "PSE",
        category: "BANK_TRANSFER",
        description: "Pay from your bank account with PSE",
    },
    MethodInfo {
        kind: "NEQUI",
        name: "Nequi",
        category: "WALLET",
        description: "Pay with Nequi",
    },
    MethodInfo {
        kind: "MERCADO_PAGO_WALLET",
        name: "Mercado Pago",
        category: "WALLET",
        description: "Pay with your Mercado Pago account",
    },
];

/// The method with this wire name.
pub fn method(kind: &str) -> Option<&'static MethodInfo> {
    METHODS.iter().find(|m| m.kind == kind)
}

/// Enabled method types per country code; `"*"` applies to every country not listed.
pub struct MethodTable(BTreeMap<String, Vec<&'static str>>);

impl MethodTable {
    /// The sandbox defaults: `CARD` everywhere plus local methods in BR, MX, CO and AR.
    pub fn defaults() -> Self {
        let table = [
            ("*", &["CARD"][..]),
            ("BR", &["CARD", "PIX", "NU_PAY"]),
            ("MX", &["CARD", "OXXO", "SPEI"]),
            ("CO", &["CARD", "PSE", "NEQUI"]),
            ("AR", &["CARD", "MERCADO_PAGO_WALLET"]),
        ];
        Self(
            table
                .into_iter()
                .map(|(c, m)| (c.to_owned(), m.to_vec()))
                .collect(),
        )
    }

    /// Reads `{"BR": ["CARD", "PIX"], "*": ["CARD"]}`; unknown types are an error.
    pub fn from_file(path: &Path) -> anyhow::Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let raw: BTreeMap<String, Vec<String>> = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a JSON object of arrays", path.display()))?;
        let mut table = BTreeMap::new();
        for (country, kinds) in raw {
            let kinds = kinds
                .iter()
                .map(|k| {
                    method(k)
                        .map(|m| m.kind)
                        .with_context(|| format!("{}: unknown method type {k:?}", path.display()))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            table.insert(country, kinds);
        }
        Ok(Self(table))
    }

    /// The method types enabled in `country`.
    pub fn for_country(&self, country: &str) -> &[&'static str] {
        self.0
            .get(country)
            .or_else(|| self.0.get("*"))
            .map_or(&[], Vec::as_slice)
    }
}
