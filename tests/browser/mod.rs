//! Helpers for the browser tests.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, HtmlInputElement, InputEvent, InputEventInit};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the body; removed by the caller's handle drop or left for the next test.
pub fn container(id: Option<&str>) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    if let Some(id) = id {
        el.set_id(id);
    }
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Polls `check` every 20 ms for up to `ms`; true once it holds.
pub async fn until(ms: i32, mut check: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while waited < ms {
        if check() {
            return true;
        }
        sleep(20).await;
        waited += 20;
    }
    check()
}

/// Does what the browser does on an edit: new value, caret, then an `input` event.
pub fn edit(input: &HtmlInputElement, value: &str, caret: u32, input_type: &str) {
    input.set_value(value);
    input.set_selection_range(caret, caret).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type(input_type);
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

/// Types `text` one character at a time at the end, as a person would.
pub fn type_text(input: &HtmlInputElement, text: &str) {
    for c in text.chars() {
        let mut v = input.value();
        v.push(c);
        let len = v.encode_utf16().count() as u32;
        edit(input, &v, len, "insertText");
    }
}

/// What the browser fires when a field loses the focus: `blur`, then the bubbling `focusout`.
pub fn blur(input: &HtmlInputElement) {
    input
        .dispatch_event(&web_sys::FocusEvent::new("blur").unwrap())
        .unwrap();
    let init = web_sys::FocusEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(
            &web_sys::FocusEvent::new_with_focus_event_init_dict("focusout", &init).unwrap(),
        )
        .unwrap();
}

pub fn input(root: &HtmlElement, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

pub fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Collects what a handler receives.
pub fn collector<T: 'static>() -> (Rc<RefCell<Vec<T>>>, impl Fn(T) + 'static) {
    let seen: Rc<RefCell<Vec<T>>> = Rc::default();
    let sink = seen.clone();
    (seen, move |x| sink.borrow_mut().push(x))
}

/// JSON over HTTP with `fetch` (for driving the sandbox from a test).
pub async fn fetch_json(method: &str, url: &str, body: Option<&str>) -> (u16, JsValue) {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().unwrap();
    headers.set("content-type", "application/json").unwrap();
    init.set_headers(&headers);
    // The demo merchant knows this browser by a cookie; this page is on another origin.
    js_sys::Reflect::set(&init, &"credentials".into(), &"include".into()).unwrap();
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
    }
    let window = web_sys::window().unwrap();
    let resp: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .unwrap()
            .unchecked_into();
    let json = wasm_bindgen_futures::JsFuture::from(resp.json().unwrap())
        .await
        .unwrap_or(JsValue::NULL);
    (resp.status(), json)
}

/// A string property, or `""`.
pub fn get_str(v: &JsValue, key: &str) -> String {
    checkout_widget::js_object::get_str(v, key).unwrap_or_default()
}

/// The sandbox `npm test` starts (compiled in as `CW_TEST_API`). Read with `option_env!` so
/// that the tests needing no sandbox still compile without it.
#[allow(clippy::option_env_unwrap)]
pub fn api() -> &'static str {
    option_env!("CW_TEST_API")
        .expect("CW_TEST_API: run through `npm test`, which starts the sandbox")
}

/// Its demo merchant (`CW_TEST_MERCHANT`).
#[allow(clippy::option_env_unwrap)]
pub fn merchant() -> &'static str {
    option_env!("CW_TEST_MERCHANT")
        .expect("CW_TEST_MERCHANT: run through `npm test`, which starts the sandbox")
}

/// A fresh BR checkout session from the demo merchant for `customer`: (session, public key).
pub async fn new_session(customer: &str) -> (String, String) {
    let body = format!("{{\"country\":\"BR\",\"customer\":\"{customer}\"}}");
    let (status, v) =
        fetch_json("POST", &format!("{}/api/checkout", merchant()), Some(&body)).await;
    assert_eq!(status, 200);
    (
        get_str(&v, "checkout_session"),
        get_str(&v, "public_api_key"),
    )
}

/// Whether the element `selector` finds in `root` is displayed (it has a layout box).
pub fn shown(root: &HtmlElement, selector: &str) -> bool {
    root.query_selector(selector)
        .unwrap()
        .is_some_and(|el| el.get_client_rects().length() > 0)
}
