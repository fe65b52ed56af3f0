//! Browser tests of the widget crate (`wasm-pack test` in Chromium, Firefox and WebKit).
#![cfg(target_arch = "wasm32")]

use checkout_widget::frame::CardNumberField;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Does what the browser does on an edit: new value, caret, then an `input` event.
fn edit(input: &HtmlInputElement, value: &str, caret: u32, input_type: &str) {
    input.set_value(value);
    input.set_selection_range(caret, caret).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type(input_type);
    let ev = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

fn number_input(root: &HtmlElement) -> HtmlInputElement {
    root.query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn brand(root: &HtmlElement) -> String {
    root.query_selector(".cw-field")
        .unwrap()
        .unwrap()
        .get_attribute("data-brand")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn pasted_number_is_formatted_and_its_brand_shown() {
    let root = container();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        || view! { <CardNumberField label="Card number" /> },
    );
    let input = number_input(&root);
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("cc-number")
    );
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(brand(&root), "");

    edit(&input, "4111-1111 1111 1111", 19, "insertFromPaste");
    leptos::task::tick().await;
    assert_eq!(input.value(), "4111 1111 1111 1111");
    assert_eq!(input.selection_start().unwrap(), Some(19));
    assert_eq!(brand(&root), "VISA");

    edit(&input, "378282246310005", 15, "insertFromPaste");
    leptos::task::tick().await;
    assert_eq!(input.value(), "3782 822463 10005");
    assert_eq!(brand(&root), "AMEX");
}

#[wasm_bindgen_test]
async fn typing_and_backspace_over_a_gap_keep_the_caret_in_place() {
    let root = container();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        || view! { <CardNumberField label="Card number" /> },
    );
    let input = number_input(&root);
    edit(&input, "41111", 5, "insertText");
    leptos::task::tick().await;
    assert_eq!(input.value(), "4111 1");
    assert_eq!(input.selection_start().unwrap(), Some(6));

    edit(&input, "4111 11111", 10, "insertText");
    leptos::task::tick().await;
    assert_eq!(input.value(), "4111 1111 1");
    // Backspace at "4111 1111 |1": the browser removes only the gap; the digit before it goes.
    edit(&input, "4111 11111", 9, "deleteContentBackward");
    leptos::task::tick().await;
    assert_eq!(input.value(), "4111 1111");
    assert_eq!(input.selection_start().unwrap(), Some(8));

    // Extra digits past the brand's maximum are refused.
    edit(&input, "41111111111111111111111", 23, "insertFromPaste");
    leptos::task::tick().await;
    assert_eq!(input.value(), "4111 1111 1111 1111 111");
}
