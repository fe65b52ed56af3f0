//! English.

use super::Strings;

pub static STRINGS: Strings = Strings {
    frame_title: "Secure card payment form",
    card_number: "Card number",
    expiry: "Expiry date",
    expiry_placeholder: "MM / YY",
    cvc: "Security code",
    holder_name: "Name on card",
    optional: "(optional)",
    number_required: "Enter your card number.",
    number_incomplete: "Your card number is incomplete.",
    number_invalid: "Your card number is invalid. Check it for typos.",
    number_unsupported: "This card brand is not accepted.",
    expiry_required: "Enter the expiry date.",
    expiry_incomplete: "The expiry date is incomplete.",
    expiry_invalid: "Enter the expiry date as MM / YY.",
    expiry_expired: "This card has expired.",
    expiry_too_far: "The expiry year is too far in the future.",
    cvc_required: "Enter the security code.",
    cvc_incomplete_3: "The security code has 3 digits.",
    cvc_incomplete_4: "The security code has 4 digits.",
    holder_required: "Enter the name on the card.",
    holder_too_short: "The name is too short.",
    holder_too_long: "The name is too long (26 characters at most).",
    holder_invalid: "Use only letters, spaces, apostrophes, hyphens and dots.",
    network_error: "We could not reach the payment service. Try again.",
    session_expired: "This checkout has expired. Reload the page to start again.",
    card_rejected: "The card details were not accepted. Check them and try again.",
    api_error: "Something went wrong. Try again.",
    processing: "Processing…",
};
