//! The host side: what runs on the merchant page.

pub mod secure_frame;

pub use secure_frame::SecureFrame;
