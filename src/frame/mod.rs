//! The secure card frame: card inputs in a document on the payment origin.

mod number_field;

pub use number_field::CardNumberField;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Mounts the card number field into `target` (the secure frame page calls this).
#[wasm_bindgen(js_name = mountCardNumber)]
pub fn mount_card_number(target: web_sys::HtmlElement, label: String) {
    leptos::mount::mount_to(
        target,
        move || view! { <CardNumberField label=label.clone() /> },
    )
    .forget();
}
