//! What the merchant's callbacks receive: plain JS objects, built field by field (no serde in
//! the wasm). The shapes are those of `sdk/checkout-widget.d.ts`.

use checkout_protocol::{Brand, CardInfo, Field, FieldError};
use wasm_bindgen::JsValue;

use super::api::Method;
use crate::js_object::{object, opt_str};

/// `onPaymentMethodSelected`'s `{type, name, vaultedToken?}` (the name as the API gives it).
pub fn method_selected(m: &Method) -> JsValue {
    object(&[
        ("type", m.kind.as_str().into()),
        ("name", m.name.as_str().into()),
        ("vaultedToken", opt_str(m.vaulted_token.as_deref())),
    ])
}

/// `onChange`'s `{paymentMethodType, complete, brand?, errors, installment}` for the card
/// form; `errors` is a list of `[field, error]` pairs (names, never values).
pub fn change(
    brand: Option<Brand>,
    complete: bool,
    errors: &[(Field, FieldError)],
    installments: u8,
) -> JsValue {
    let list = js_sys::Array::new();
    for (f, e) in errors {
        list.push(&js_sys::Array::of2(&f.as_str().into(), &e.as_str().into()));
    }
    object(&[
        ("paymentMethodType", "CARD".into()),
        ("complete", complete.into()),
        (
            "brand",
            brand.map_or(JsValue::UNDEFINED, |b| b.api_name().into()),
        ),
        ("errors", list.into()),
        ("installment", installments.into()),
    ])
}

/// `onToken`'s `TokenInfo` for a new card: what the frame may tell the host, nothing more.
pub fn card_token_info(card: &CardInfo) -> JsValue {
    object(&[
        ("type", "CARD".into()),
        ("brand", card.brand.api_name().into()),
        ("iin", card.iin.as_str().into()),
        ("lfd", card.lfd.as_str().into()),
        ("expirationMonth", card.expiration_month.into()),
        ("expirationYear", card.expiration_year.into()),
        ("saveCard", card.save.into()),
        ("installment", card.installments.into()),
        ("numberLength", card.number_length.into()),
        ("securityCodeLength", card.security_code_length.into()),
    ])
}

/// `onToken`'s `TokenInfo` for a saved card or an alternative method.
pub fn method_token_info(m: &Method) -> JsValue {
    let card = m.card_data.as_ref();
    object(&[
        ("type", m.kind.as_str().into()),
        ("vaultedToken", opt_str(m.vaulted_token.as_deref())),
        ("brand", opt_str(card.and_then(|c| c.brand.as_deref()))),
        ("lfd", opt_str(card.and_then(|c| c.lfd.as_deref()))),
    ])
}

/// `onError`'s `CheckoutError`: `{code, message, retryable}`.
pub fn error(code: &str, message: &str, retryable: bool) -> JsValue {
    object(&[
        ("code", code.into()),
        ("message", message.into()),
        ("retryable", retryable.into()),
    ])
}
