//! What the sandbox's simulated processor answers for a card: the test-card table.

/// A payment's status and sub-status.
pub type Outcome = (&'static str, &'static str);

/// Succeeded and approved.
pub const APPROVED: Outcome = ("SUCCEEDED", "APPROVED");
/// Alternative methods wait for the shopper to finish elsewhere.
pub const PENDING: Outcome = ("PENDING", "WAITING_ADDITIONAL_STEP");

/// Numbers with a scripted result; every other valid number is approved.
const SCRIPTED: &[(&str, Outcome)] = &[
    ("4000000000000002", ("DECLINED", "DECLINED")),
    ("4000000000009995", ("DECLINED", "INSUFFICIENT_FUNDS")),
    ("4100000000000019", ("DECLINED", "FRAUD_DECLINED")),
    ("4000000000000119", ("ERROR", "ERROR")),
];

/// The outcome of charging the card `number` (digits only).
pub fn for_card(number: &str) -> Outcome {
    SCRIPTED
        .iter()
        .find(|(n, _)| *n == number)
        .map_or(APPROVED, |(_, o)| *o)
}

/// What an issuer made a card: Yuno's `card_data.type` is what it is charged as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Funding {
    Credit,
    Debit,
    /// A combo card (Brazil's *cartão múltiplo*): credit or debit, as the charge asks.
    Both,
}

/// Issuer ranges (8-digit IINs, as a BIN table keys them) with a scripted funding; every
/// other card is credit. Keyed by IIN, so a saved card's is known from what the payment-methods
/// list shows of it, without opening its number.
const FUNDED: &[(&str, Funding)] = &[
    ("40000566", Funding::Debit),
    ("52008282", Funding::Debit),
    ("55000000", Funding::Both),
];

/// The funding of the card whose number (or IIN) is `digits`.
pub fn funding(digits: &str) -> Funding {
    FUNDED
        .iter()
        .find(|(iin, _)| digits.starts_with(iin))
        .map_or(Funding::Credit, |(_, f)| *f)
}

/// What a card of `funding` is charged as (`CREDIT` or `DEBIT`) when the token asks for
/// `asked` (`payment_method.card.type`; Yuno's SDK asks for `CREDIT` under
/// `isCreditCardProcessingOnly`) and `installments` payments, or `None` if it cannot be.
/// Unasked, a combo card is charged as debit, as processors in its markets do (that default is
/// why Yuno has the option), but in installments, which only credit has.
pub fn charged_as(
    funding: Funding,
    asked: Option<&str>,
    installments: u32,
) -> Option<&'static str> {
    match (funding, asked) {
        (Funding::Both, None) if installments > 1 => Some("CREDIT"),
        (Funding::Credit, None | Some("CREDIT")) | (Funding::Both, Some("CREDIT")) => {
            Some("CREDIT")
        }
        (Funding::Debit, None | Some("DEBIT")) | (Funding::Both, None | Some("DEBIT")) => {
            Some("DEBIT")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_combo_card_is_debit_unless_asked_for_credit() {
        let combo = funding("5500000000000004");
        assert_eq!(combo, Funding::Both);
        assert_eq!(charged_as(combo, None, 1), Some("DEBIT"));
        assert_eq!(charged_as(combo, Some("CREDIT"), 1), Some("CREDIT"));
        assert_eq!(charged_as(combo, Some("DEBIT"), 1), Some("DEBIT"));
        // Installments are credit's.
        assert_eq!(charged_as(combo, None, 3), Some("CREDIT"));
        assert_eq!(charged_as(Funding::Debit, None, 3), Some("DEBIT"));
        // By IIN too: a saved card's is all the sandbox shows of it.
        assert_eq!(funding("55000000"), Funding::Both);
    }

    #[test]
    fn a_card_is_charged_only_as_what_it_is() {
        let credit = funding("4111111111111111");
        assert_eq!(credit, Funding::Credit);
        assert_eq!(charged_as(credit, None, 1), Some("CREDIT"));
        assert_eq!(charged_as(credit, Some("DEBIT"), 1), None);
        for debit in ["4000056655665556", "5200828282828210"] {
            assert_eq!(funding(debit), Funding::Debit);
            assert_eq!(charged_as(Funding::Debit, None, 1), Some("DEBIT"));
            assert_eq!(charged_as(Funding::Debit, Some("CREDIT"), 1), None);
        }
    }
}
