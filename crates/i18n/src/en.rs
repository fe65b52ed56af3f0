//! English.

use super::{FrameStrings, HostStrings};

const NETWORK_ERROR: &str = "We could not reach the payment service. Try again.";
const SESSION_EXPIRED: &str = "This checkout has expired. Reload the page to start again.";
const API_ERROR: &str = "Something went wrong. Try again.";

pub static FRAME: FrameStrings = FrameStrings {
    title: "Secure card form",
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
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    api_error: API_ERROR,
    processing: "Processing…",
};

pub static HOST: HostStrings = HostStrings {
    frame_title: "Secure card payment form",
    network_error: NETWORK_ERROR,
    session_expired: SESSION_EXPIRED,
    card_rejected: "The card details were not accepted. Check them and try again.",
    api_error: API_ERROR,
    loading: "Loading payment methods…",
    load_failed: "We could not load the payment methods.",
    retry: "Try again",
    methods_label: "Payment method",
    pay: "Pay",
    expires: "Expires",
    declined: "Your payment was declined. Try another card or payment method.",
    insufficient_funds: "The card has insufficient funds. Try another card.",
    fraud_declined: "Your bank declined this payment. Try another card.",
    payment_error: "The payment could not be processed. Try again.",
};
