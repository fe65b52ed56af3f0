//! JSON over `fetch` with a timeout: the one place the widget makes HTTP requests.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Response};

use crate::js_object::object;

/// How long one attempt may take.
pub const TIMEOUT_MS: u32 = 15_000;

/// One request: `(status, parsed JSON body or null)`, or `Err` on a network failure or timeout.
/// The request's options and headers are plain objects, as `fetch` takes them (fewer browser
/// bindings in the wasm than `RequestInit` and `Headers`). `started`: this very request's
/// `fetch` promise, if JavaScript already made it.
pub async fn request(
    method: &str,
    url: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
    started: Option<js_sys::Promise>,
) -> Result<(u16, JsValue), JsValue> {
    let fetching = match started {
        Some(p) => p,
        None => fetch(method, url, body, headers)?,
    };
    let response: Response = JsFuture::from(fetching).await?.unchecked_into(); // what `fetch` resolves with
    let json = match response.json() {
        Ok(p) => JsFuture::from(p).await.unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    };
    Ok((response.status(), json))
}

/// `fetch(url, …)` with a timeout of [`TIMEOUT_MS`].
fn fetch(
    method: &str,
    url: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> Result<js_sys::Promise, JsValue> {
    let mut pairs: Vec<(&str, JsValue)> = Vec::with_capacity(headers.len() + 1);
    for (k, v) in headers {
        pairs.push((k, (*v).into()));
    }
    if body.is_some() {
        pairs.push(("content-type", "application/json".into()));
    }
    let init = object(&[
        ("method", method.into()),
        ("headers", object(&pairs)),
        ("body", body.map_or(JsValue::UNDEFINED, JsValue::from_str)),
        ("signal", AbortSignal::timeout_with_u32(TIMEOUT_MS).into()),
    ]);
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    Ok(window.fetch_with_str_and_init(url, init.unchecked_ref()))
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

#[wasm_bindgen(inline_js = "export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  return [...b].map((x, i) => ([4, 6, 8, 10].includes(i) ? '-' : '') + (x | 256).toString(16).slice(1)).join('');
}")]
extern "C" {
    /// A random UUID v4 from the browser's CSPRNG (`crypto.randomUUID` needs a secure context;
    /// `getRandomValues` does not). In JS: the same in Rust cost each piece ~0.2 KB gzip.
    #[wasm_bindgen(js_name = uuid)]
    pub fn new_uuid() -> String;
}

/// The body of `url` as text, if it answers 2xx within [`TIMEOUT_MS`].
pub async fn get_text(url: &str) -> Option<String> {
    let init = object(&[("signal", AbortSignal::timeout_with_u32(TIMEOUT_MS).into())]);
    let window = web_sys::window()?;
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(url, init.unchecked_ref()))
            .await
            .ok()?
            .unchecked_into();
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
