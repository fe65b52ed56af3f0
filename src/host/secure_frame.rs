//! The host's handle on the secure frame: creates the iframe on the payment origin, answers
//! its hello with a fresh `MessageChannel` port, then talks typed messages over that port only.
//! It sizes the iframe from the frame's reports, so there is never an inner scrollbar.

use std::cell::RefCell;
use std::rc::Rc;

use checkout_protocol::{Configure, FrameToHost, HandshakeStep, HostToFrame};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlIFrameElement, MessageChannel, MessageEvent};

use crate::decimal::decimal;
use crate::js_object::get_str;
use crate::wire::{
    handshake, is_handshake, listen_on_window, stop_listening, Channel, ListenerSlot,
};

/// The origin (`scheme://host:port`) of a URL, if it has one. (Read as a plain property, as
/// is the page's: one binding fewer per `origin` getter in the wasm and its glue.)
pub fn origin_of(url: &str) -> Option<String> {
    web_sys::Url::new(url)
        .ok()
        .and_then(|u| get_str(&u, "origin"))
        .filter(|o| o != "null")
}

// The iframe, made in JS: what the JS entry started early if it takes it, else a new one.
// (One import in place of the DOM calls that make it: smaller.) Its attributes are the ones
// `early` in sdk/checkout-widget.mjs gives the frame it starts: change both together.
#[wasm_bindgen(inline_js = "export function frame(parent, src, title, early) {
  const f = early?.(parent, src) || parent.appendChild(Object.assign(document.createElement('iframe'), { src, allow: 'payment', scrolling: 'no' }));
  return Object.assign(f, { title, className: 'cw-frame' });
}")]
extern "C" {
    fn frame(
        parent: &Element,
        src: &str,
        title: &str,
        early: Option<js_sys::Function>,
    ) -> HtmlIFrameElement;
}

/// A mounted secure frame. Dropping it removes the iframe and closes the channel.
pub struct SecureFrame {
    iframe: HtmlIFrameElement,
    channel: Rc<RefCell<Option<Rc<Channel<HostToFrame>>>>>,
    listener: ListenerSlot,
}

impl SecureFrame {
    /// Puts the frame in `parent`, loading `{api_url}/sdk/frame.html`, and sends `config` once
    /// the channel is open. Every valid message from the frame goes to `on_message`.
    ///
    /// `early`, from the JS entry, may hold that same frame already loading: it started when
    /// the session's methods came, beside the host's wasm, hidden at the end of the target.
    /// Called with `parent` and the frame's URL, it moves that iframe into `parent` without
    /// reloading it (`moveBefore`) and returns it, then gives its hello again if the hello came
    /// before this listened; or it returns nothing (another URL, a browser without
    /// `moveBefore`), and the frame is made here.
    pub fn mount(
        parent: &Element,
        api_url: &str,
        title: &str,
        early: Option<js_sys::Function>,
        config: Configure,
        on_message: impl Fn(FrameToHost) + 'static,
    ) -> Result<SecureFrame, JsValue> {
        // (The error says nothing: no caller shows it, and none of these happens once the
        // options are read.)
        let none = || JsValue::NULL;
        let window = web_sys::window().ok_or_else(none)?;
        let payment_origin = origin_of(api_url).ok_or_else(none)?;
        let host_origin = get_str(&window.location(), "origin").ok_or_else(none)?;
        // Card inputs on the page's own origin would be the page's to read: no frame. (The JS
        // entry refuses such an `apiUrl` by name; this also holds for spellings it lets by.)
        if payment_origin == host_origin {
            return Err(none());
        }
        let src = [
            api_url.trim_end_matches('/'),
            "/sdk/frame.html#origin=",
            &String::from(js_sys::encode_uri_component(&host_origin)),
            // The frame's loader fetches this language's pack alongside its wasm.
            "&lang=",
            &config.language,
        ]
        .concat();
        let iframe = frame(parent, &src, title, early);

        let channel: Rc<RefCell<Option<Rc<Channel<HostToFrame>>>>> = Rc::default();
        let listener: ListenerSlot = Rc::default();
        let on_message = Rc::new(on_message);
        let (frame, slot, own_listener) = (iframe.clone(), channel.clone(), listener.clone());
        let config = RefCell::new(Some(config));
        listen_on_window(&listener, move |ev: MessageEvent| {
            // Only this iframe's window, on the payment origin, saying hello in our version.
            let from_frame = ev
                .source()
                .zip(frame.content_window())
                .is_some_and(|(s, w)| JsValue::from(s) == JsValue::from(w));
            if !from_frame
                || ev.origin() != payment_origin
                || !is_handshake(&ev.data(), HandshakeStep::Hello)
            {
                return;
            }
            let Some(config) = config.borrow_mut().take() else {
                return;
            };
            let Ok(pair) = MessageChannel::new() else {
                return;
            };
            let resize_target = frame.clone();
            let deliver = on_message.clone();
            let ch = Channel::open(pair.port1(), move |msg: FrameToHost| {
                if let FrameToHost::Resized { height } = msg {
                    let _ = resize_target
                        .style()
                        .set_property("height", &[&decimal(height), "px"].concat());
                }
                deliver(msg);
            });
            let transfer = js_sys::Array::of1(&pair.port2());
            if let Some(w) = frame.content_window() {
                let _ = w.post_message_with_transfer(
                    &handshake(HandshakeStep::Connect),
                    &payment_origin,
                    &transfer,
                );
            }
            ch.send(HostToFrame::Configure(config));
            *slot.borrow_mut() = Some(ch);
            // One handshake per frame: stop listening on the window.
            stop_listening(&own_listener);
        })?;
        Ok(SecureFrame {
            iframe,
            channel,
            listener,
        })
    }

    /// Sends a message, if the channel is open (it is once the frame said hello).
    pub fn send(&self, msg: HostToFrame) -> bool {
        match self.channel.borrow().as_ref() {
            Some(ch) => {
                ch.send(msg);
                true
            }
            None => false,
        }
    }

    /// The iframe element.
    pub fn iframe(&self) -> &HtmlIFrameElement {
        &self.iframe
    }
}

impl Drop for SecureFrame {
    fn drop(&mut self) {
        stop_listening(&self.listener);
        self.channel.borrow_mut().take();
        self.iframe.remove();
    }
}
