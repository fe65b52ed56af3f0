//! checkout-widget: a browser checkout widget in Rust and Leptos, compiled to WebAssembly.
//!
//! Two pieces on two origins: the [`host`] side runs on the merchant page; the [`frame`] is a
//! document served from the payment origin that holds every card input and creates the
//! one-time token. They speak the typed messages of `checkout-protocol` over a
//! `MessageChannel` ([`wire`]). Words come from [`i18n`]; card rules from `checkout-card`.
//! See `ARCHITECTURE.md` for the pieces and the invariants.

// Tests run in a browser or natively, never in a shopper's page: the wasm size rules
// (lints/wasm-size, the wasm lint layer) are not for them.
#![cfg_attr(test, allow(clippy::disallowed_macros, clippy::disallowed_methods))]

pub mod decimal;
#[cfg(any(feature = "frame", feature = "host"))]
pub mod dom_events;
#[cfg(any(feature = "frame", feature = "host"))]
pub mod http;
pub use checkout_i18n as i18n;
pub mod js_object;
#[cfg(any(feature = "frame", feature = "host"))]
pub mod signals;
pub mod wire;

// The stylesheet minifier of build.rs, compiled here for its tests.
#[cfg(test)]
#[path = "../build/minify_css.rs"]
mod minify_css;

#[cfg(feature = "frame")]
pub mod frame;
#[cfg(feature = "host")]
pub mod host;
