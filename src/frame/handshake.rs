//! The frame's half of the handshake: learn which host origin to expect, announce itself to
//! the parent at exactly that origin, and accept a port only from there.

use checkout_protocol::HandshakeStep;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, MessagePort, Window};

use crate::wire::{handshake, is_handshake};

/// Whether `s` is a bare `http(s)` origin: scheme, host and optional port, nothing after.
pub fn is_origin(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(['/', '?', '#', '@', ' ']))
}

/// The host origin from the frame URL's fragment, `#origin=<percent-encoded origin>`.
pub fn expected_origin(hash: &str) -> Option<String> {
    let encoded = hash
        .strip_prefix('#')?
        .split('&')
        .find_map(|kv| kv.strip_prefix("origin="))?;
    let origin = js_sys::decode_uri_component(encoded).ok()?.as_string()?;
    is_origin(&origin).then_some(origin)
}

/// Says hello to the parent; only a parent at `origin` receives it.
pub fn announce(parent: &Window, origin: &str) {
    let _ = parent.post_message(&handshake(HandshakeStep::Hello), origin);
}

/// The port of a `connect` message, if it comes from the pinned origin and from the parent
/// window itself; anything else is dropped.
pub fn accept_connect(
    ev: &MessageEvent,
    expected_origin: &str,
    parent: &JsValue,
) -> Option<MessagePort> {
    if ev.origin() != expected_origin {
        return None;
    }
    let from_parent = ev.source().is_some_and(|s| JsValue::from(s) == *parent);
    if !from_parent || !is_handshake(&ev.data(), HandshakeStep::Connect) {
        return None;
    }
    ev.ports().get(0).dyn_into::<MessagePort>().ok()
}

#[cfg(test)]
mod tests {
    use super::is_origin;

    #[test]
    fn origins() {
        assert!(is_origin("http://127.0.0.1:8788"));
        assert!(is_origin("https://shop.example"));
        assert!(!is_origin("https://shop.example/"));
        assert!(!is_origin("https://shop.example/path"));
        assert!(!is_origin("javascript:alert(1)"));
        assert!(!is_origin("https://"));
        assert!(!is_origin("*"));
    }
}
