//! Reading and building plain JS objects (API JSON, callback arguments), field by field.
//!
//! Written by hand rather than through serde: a serde data format over `JsValue` costs the wasm
//! a visitor per type, while these few getters are shared by every field. (The host↔frame
//! messages have their own hand-written codec, postcard's bytes, in `checkout-protocol`.)

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

/// `obj[key]` if it is a number.
pub fn get_f64(obj: &JsValue, key: &str) -> Option<f64> {
    get(obj, key).as_f64()
}

/// Whether a value was given (neither `undefined` nor `null`).
pub fn given(v: &JsValue) -> bool {
    !v.is_undefined() && !v.is_null()
}

/// An optional field of API JSON: `Some(None)` when absent or `null`, `Some(Some(x))` when
/// `read` accepts its value, and `None` when it has the wrong type, so that `?` refuses the
/// whole object as a strict parser would.
pub fn optional<T>(
    obj: &JsValue,
    key: &str,
    read: impl FnOnce(&JsValue) -> Option<T>,
) -> Option<Option<T>> {
    let v = get(obj, key);
    if given(&v) {
        read(&v).map(Some)
    } else {
        Some(None)
    }
}

/// A whole number that fits `T` (`12`, not `12.5`, `-1` or `"12"`).
pub fn whole<T: TryFrom<u32>>(v: &JsValue) -> Option<T> {
    let n = v
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))?;
    T::try_from(n as u32).ok()
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
