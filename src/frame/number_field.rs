//! The card number input: formats by brand on every edit, keeps the caret after the digit it
//! followed, and shows the brand once the digits decide it.

use checkout_card::{format_number, Brand, Edit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent};

/// The browser's `inputType` as the card engine's edit kind.
fn edit_kind(ev: &web_sys::Event) -> Edit {
    match ev
        .dyn_ref::<InputEvent>()
        .map(InputEvent::input_type)
        .as_deref()
    {
        Some("deleteContentBackward") => Edit::DeleteBackward,
        Some("deleteContentForward") => Edit::DeleteForward,
        _ => Edit::Insert,
    }
}

/// A card number input (`autocomplete="cc-number"`, numeric keyboard) that formats as typed.
/// The wrapper's `data-brand` carries the detected brand's API name, empty until decided.
#[component]
pub fn CardNumberField(
    /// The visible label, already in the shopper's language.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let (brand, set_brand) = signal::<Option<Brand>>(None);
    // What the input showed before the current edit, to recognise a deleted gap.
    let shown = StoredValue::new(String::new());
    let on_input = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let text = input.value();
        let caret = input
            .selection_start()
            .ok()
            .flatten()
            .map_or(text.len(), |c| c as usize);
        let out = shown.with_value(|prev| format_number(prev, &text, caret, edit_kind(&ev)));
        if out.as_str() != text {
            input.set_value(out.as_str());
        }
        let _ = input.set_selection_range(out.caret as u32, out.caret as u32);
        shown.set_value(out.as_str().to_owned());
        let detected = out.detection.brand();
        if brand.get_untracked() != detected {
            set_brand.set(detected);
        }
    };
    view! {
        <div class="cw-field" data-brand=move || brand.get().map_or("", Brand::api_name)>
            <label for="cw-number">{label}</label>
            <input
                id="cw-number"
                name="cardnumber"
                type="text"
                inputmode="numeric"
                autocomplete="cc-number"
                spellcheck="false"
                on:input=on_input
            />
        </div>
    }
}
