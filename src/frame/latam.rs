//! The card form's Latin American fields: the payer's identity document and the installment
//! select. They are drawn by an on-demand module (`frame/frame-latam.mjs`, which runs the
//! document engine, `checkout-document`, compiled to a wasm of its own) that the frame's loader
//! fetches only for a session whose country has them, so a card form elsewhere never loads
//! them. The form reaches the module through [`Extras`]: the card's IIN as it is typed,
//! whether the fields are complete, the installments chosen, and at submit what goes into the
//! token request. The document stays in the frame: it goes to the token endpoint only, and the
//! host learns the number of installments, never the document.

use std::cell::RefCell;

use checkout_protocol::{Configure, FailureCode, FieldMode};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::js_object::{get, get_f64, given, object};

/// The countries whose card form has these fields: those with identity documents
/// (`checkout_document::for_country`, which a test holds it to) and those with installment
/// plans by default (the sandbox's `Plans::defaults`).
pub const COUNTRIES: [&str; 8] = ["AR", "BR", "CL", "CO", "EC", "MX", "PE", "UY"];

thread_local! {
    /// The loader's `(settings) => handle` (`frame.js`): it starts fetching the
    /// module and answers for the fields at once, until they are in.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the loader's hook (`startFrame`'s fourth argument).
pub fn set_loader(loader: Option<js_sys::Function>) {
    LOADER.with(|l| *l.borrow_mut() = loader);
}

/// The fields' handle (`undefined` for a country without them): `state(iin)`, `show()`,
/// `busy(on)`, `clear()`, `submit()`.
#[derive(Clone, Default)]
pub struct Extras(JsValue);

/// What the token request gets from the fields: `{ payer?, installment? }` in Yuno's shapes
/// (`customer_payer: { document }`, `payment_method.card.installment: { id, value }`), or
/// `undefined`.
pub type Chosen = JsValue;

impl Extras {
    /// Asks the loader for the fields when `config`'s country has them. They add themselves to
    /// the form, and tell it of their changes with `input` events it hears as its own fields'.
    pub fn start(config: &Configure) -> Extras {
        let country = config.country.to_ascii_uppercase();
        let loader = LOADER.with(|l| l.borrow().clone());
        let Some(loader) = loader.filter(|_| COUNTRIES.contains(&country.as_str())) else {
            return Extras(JsValue::UNDEFINED);
        };
        let mode = match config.document {
            FieldMode::Required => "required",
            FieldMode::Optional => "optional",
            FieldMode::Hidden => "hidden",
        };
        let settings = object(&[
            ("country", country.as_str().into()),
            ("document", mode.into()),
            ("apiUrl", config.api_url.as_str().into()),
            ("session", config.checkout_session.as_str().into()),
            ("key", config.public_api_key.as_str().into()),
        ]);
        Extras(
            loader
                .call1(&JsValue::NULL, &settings)
                .unwrap_or(JsValue::UNDEFINED),
        )
    }

    /// Calls the handle's method `name` (`undefined` without the fields).
    fn call(&self, name: &str, arg: &JsValue) -> JsValue {
        get(&self.0, name)
            .dyn_into::<js_sys::Function>()
            .ok()
            .and_then(|f| f.call1(&self.0, arg).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// Tells the fields the card's first digits (`iin`, see [`lookup_iin`]: the installment
    /// plans are asked for them) and reads whether they are complete (a required document
    /// valid) and the number of installments chosen (1: a single payment).
    pub fn state(&self, iin: &str) -> (bool, u8) {
        // The handle answers `installments × 2 + complete`; without one, a complete single
        // payment.
        let n = self
            .call("state", &iin.into())
            .as_f64()
            .map_or(3, |n| n as u32);
        (n & 1 == 1, (n >> 1) as u8)
    }

    /// Shows what is wrong in the fields, leaving the focus where it is (a submit the card's
    /// fields refused).
    pub fn show_errors(&self) {
        self.call("show", &JsValue::UNDEFINED);
    }

    /// Makes the fields read-only while a token is being created (or editable again).
    pub fn set_busy(&self, busy: bool) {
        self.call("busy", &busy.into());
    }

    /// Empties the fields.
    pub fn clear(&self) {
        self.call("clear", &JsValue::UNDEFINED);
    }

    /// At submit: checks the fields (they show what is wrong and take the focus) and gives
    /// what the token request carries, after waiting for them if they are still loading.
    /// Fields that could not load fail the submit only where the document is required.
    pub async fn submit(&self) -> Result<Chosen, FailureCode> {
        let pending = self.call("submit", &JsValue::UNDEFINED);
        let Ok(pending) = pending.dyn_into::<js_sys::Promise>() else {
            return Ok(JsValue::UNDEFINED);
        };
        match JsFuture::from(pending).await {
            Ok(chosen) if given(&chosen) => Ok(chosen),
            Ok(_) => Err(FailureCode::ValidationFailed),
            Err(_) => Err(FailureCode::NetworkError),
        }
    }
}

/// The number of installments in what [`Extras::submit`] gave (1: a single payment).
pub fn installments(chosen: &Chosen) -> u8 {
    get_f64(&get(chosen, "installment"), "value").map_or(1, |n| n as u8)
}

/// The IIN the installment plans are asked for while the number is typed: the IIN a token of
/// the number so far would carry (8 digits once 16 are typed, else 6, as the API's rule), so
/// the plan shown is the plan the token is held to; empty while fewer than 6 are typed.
pub fn lookup_iin(digits: &str) -> &str {
    let len = if digits.len() >= 16 { 8 } else { 6 };
    digits.get(..len).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_are_asked_for_the_iin_the_token_carries() {
        assert_eq!(lookup_iin("4111111111111111"), "41111111");
        assert_eq!(lookup_iin("411111111111111"), "411111");
        assert_eq!(lookup_iin("4111111"), "411111");
        assert_eq!(lookup_iin("378282246310005"), "378282");
        assert_eq!(lookup_iin("41111"), "");
    }

    #[test]
    fn every_country_with_documents_has_the_fields() {
        let letters = b'A'..=b'Z';
        for a in letters.clone() {
            for b in letters.clone() {
                let code = String::from_utf8(vec![a, b]).unwrap();
                if !checkout_document::for_country(&code).is_empty() {
                    assert!(COUNTRIES.contains(&code.as_str()), "{code}");
                }
            }
        }
    }
}
