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
