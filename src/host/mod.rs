//! The host side: what runs on the merchant page. `mount` (the JS API) renders the checkout
//! component, which embeds the secure frame for a new card.

pub mod api;
pub mod checkout;
pub mod component;
pub mod js_api;
pub mod language;
pub mod options;
pub mod payloads;
pub mod secure_frame;
pub mod view;

pub use component::CheckoutWidget;
pub use secure_frame::SecureFrame;
