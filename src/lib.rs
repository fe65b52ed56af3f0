//! checkout-widget: a browser checkout widget in Rust and Leptos, compiled to WebAssembly.
//!
//! The shopper's card details live only in the secure frame ([`frame`]), a document served
//! from the payment origin; the merchant page gets a one-time token and nothing else. The card
//! rules come from the `checkout-card` crate, shared with the sandbox's token endpoint.
//! See `ARCHITECTURE.md` for the pieces and the invariants.

pub mod frame;
