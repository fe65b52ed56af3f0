//! Typed messages over a `MessagePort`: each side sends the protocol's bytes (an `Envelope`
//! numbered from 0, as a `Uint8Array`) and drops anything that is not bytes, does not parse, has
//! another protocol version, or is not the next number.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use checkout_protocol::{decode, encode, encode_handshake, HandshakeStep, Wire};
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, MessagePort};

/// The bytes of a message, or `None` when `data` is not a `Uint8Array`.
pub fn bytes_of(data: &JsValue) -> Option<Vec<u8>> {
    data.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}

/// The `hello` or `connect` handshake message.
pub fn handshake(step: HandshakeStep) -> JsValue {
    Uint8Array::from(&encode_handshake(step)[..]).into()
}

/// Whether `data` is this protocol version's handshake `step`.
pub fn is_handshake(data: &JsValue, step: HandshakeStep) -> bool {
    bytes_of(data).is_some_and(|b| checkout_protocol::is_handshake(&b, step))
}

/// A window `message` listener kept until the handshake it waits for is done.
pub type ListenerSlot = Rc<RefCell<Option<Closure<dyn FnMut(MessageEvent)>>>>;

/// Listens for `message` events on the window, keeping the listener in `slot`.
pub fn listen_on_window(
    slot: &ListenerSlot,
    handler: impl FnMut(MessageEvent) + 'static,
) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let closure = Closure::<dyn FnMut(MessageEvent)>::new(handler);
    window.add_event_listener_with_callback("message", closure.as_ref().unchecked_ref())?;
    *slot.borrow_mut() = Some(closure);
    Ok(())
}

/// Stops the listener in `slot`, if it still runs.
pub fn stop_listening(slot: &ListenerSlot) {
    if let (Some(w), Some(l)) = (web_sys::window(), slot.borrow_mut().take()) {
        let _ = w.remove_event_listener_with_callback("message", l.as_ref().unchecked_ref());
    }
}

/// One side of the channel: sends `Out`, delivers each valid `In` to the handler.
pub struct Channel<Out> {
    port: MessagePort,
    next_out: Cell<u32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _out: std::marker::PhantomData<Out>,
}

impl<Out: Wire> Channel<Out> {
    /// Takes over `port`: from now on its messages go through the checks, then to `handler`.
    pub fn open<In: Wire + 'static>(port: MessagePort, handler: impl Fn(In) + 'static) -> Rc<Self> {
        let next_in = Cell::new(0u32);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let msg = bytes_of(&ev.data()).and_then(|b| decode::<In>(&b, next_in.get()));
            if let Some(msg) = msg {
                next_in.set(next_in.get() + 1);
                handler(msg);
            }
        });
        port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Rc::new(Self {
            port,
            next_out: Cell::new(0),
            _on_message: on_message,
            _out: std::marker::PhantomData,
        })
    }

    /// Sends one message.
    pub fn send(&self, msg: Out) {
        let seq = self.next_out.get();
        self.next_out.set(seq + 1);
        let bytes = Uint8Array::from(&encode(seq, &msg)[..]);
        let _ = self.port.post_message(&bytes);
    }
}

impl<Out> Drop for Channel<Out> {
    fn drop(&mut self) {
        self.port.set_onmessage(None);
        self.port.close();
    }
}
