//! One event listener for a whole component, attached to its root element and removed when
//! the component's reactive owner is cleaned up (unmount). Both pieces handle their events this
//! way: one handler, dispatching on the event's type and target, costs the wasm less than a
//! tachys `on:` handler per element.

use leptos::prelude::on_cleanup;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event};

/// Calls `handler` for every event of the `kinds` that reaches `el`, until the current owner
/// is cleaned up; then the listener is removed and the handler freed.
///
/// The handler is `Fn`, not `FnMut`: it may be re-entered. Handling one event can dispatch
/// another synchronously to the same listener (moving the focus from an `input` handler fires
/// `focusout` at once), and wasm-bindgen refuses to re-enter an `FnMut` closure: it throws
/// "closure invoked recursively or after being dropped" in the page.
pub fn listen_until_cleanup(
    el: Element,
    kinds: &'static [&'static str],
    handler: impl Fn(Event) + 'static,
) {
    let handler = Closure::<dyn Fn(Event)>::new(handler);
    for kind in kinds {
        let _ = el.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    }
    let attached = send_wrapper::SendWrapper::new((el, handler));
    on_cleanup(move || {
        let (el, handler) = &*attached;
        for kind in kinds {
            let _ = el.remove_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        }
    });
}
