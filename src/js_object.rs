//! Reading and building plain JS objects (API JSON, callback arguments), field by field.
//!
//! Written by hand rather than through serde: a serde data format over `JsValue` costs the wasm
//! a visitor per type, while these few getters are shared by every field. The wire protocol
//! between host and frame is serde (postcard), in `checkout-protocol`.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// `obj[key]`, or `undefined`.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` if it is a string.
pub fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

/// `obj[key]` if it is a boolean.
pub fn get_bool(obj: &JsValue, key: &str) -> Option<bool> {
    get(obj, key).as_bool()
}

/// `obj[key]` if it is a number.
pub fn get_f64(obj: &JsValue, key: &str) -> Option<f64> {
    get(obj, key).as_f64()
}

/// Whether a value was given (neither `undefined` nor `null`).
pub fn given(v: &JsValue) -> bool {
    !v.is_undefined() && !v.is_null()
}

/// A plain object with these properties.
pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// `Some(s)` as a JS string, `None` as `undefined`.
pub fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::UNDEFINED, JsValue::from_str)
}

/// `JSON.stringify(value)` (the browser's, so escaping is exact).
pub fn to_json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .unwrap_or_default()
}
