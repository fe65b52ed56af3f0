//! The JavaScript API, as the wasm exports it: `mount(target, options, sdkOrigin)` resolving
//! with a checkout's id, and `submit`, `continuePayment` and `unmount` by id. The ES module
//! entry (`sdk/checkout-widget.mjs`) wraps them into `mount(target, options) →
//! Promise<CheckoutHandle>`. Bad options reject with a `TypeError` that names the option;
//! nothing here panics. Plain functions rather than a `#[wasm_bindgen]` class: the class costs
//! its JS glue and finalizer, and the handle's methods are three lines of JS.

use std::cell::{Cell, RefCell};

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement};

use super::checkout::Checkout;
use super::options;
use super::view;
use crate::i18n::Lang;

/// A mounted view's handle, type-erased (dropping it unmounts). `Box<dyn Any>` rather than
/// tachys's `AnyView`, which would compile every view operation into the wasm.
type View = Box<dyn std::any::Any>;

thread_local! {
    static STYLES_ADOPTED: Cell<bool> = const { Cell::new(false) };
    /// Mounted checkouts, by handle id. They live here, not in the JS handle, so a merchant
    /// who drops the handle (and lets the garbage collector free it) keeps the checkout.
    static MOUNTED: RefCell<Vec<(u32, Checkout, View)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Adds the component's CSS (minified by build.rs) to the document once, as a constructed
/// stylesheet (allowed under `style-src 'self'`, unlike a `<style>` element).
fn adopt_styles(document: &web_sys::Document) {
    if STYLES_ADOPTED.with(Cell::get) {
        return;
    }
    let Ok(sheet) = CssStyleSheet::new() else {
        return;
    };
    if sheet
        .replace_sync(include_str!(concat!(env!("OUT_DIR"), "/checkout.css")))
        .is_err()
    {
        return;
    }
    let sheets = Reflect::get(document, &"adoptedStyleSheets".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(list) = sheets.dyn_ref::<js_sys::Array>() {
        list.push(&sheet);
        STYLES_ADOPTED.with(|s| s.set(true));
    }
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(&["checkout-widget: ", message].concat()).into()
}

/// The HTML element `target` names (an element, or a CSS selector for one). A mistake is
/// named by a letter, as options' are (`sdk/diagnose.mjs` words it): `T` neither, `n` a
/// selector no element matches, `x` not a valid selector.
fn resolve_target(target: &JsValue, document: &web_sys::Document) -> Result<HtmlElement, String> {
    let element = match target.as_string() {
        Some(selector) => match document.query_selector(&selector) {
            Ok(Some(el)) => JsValue::from(el),
            Ok(None) => return Err(options::got("`target` n", &selector)),
            Err(_) => return Err(options::got("`target` x", &selector)),
        },
        None => target.clone(),
    };
    element
        .dyn_into::<HtmlElement>()
        .map_err(|_| "`target` T".into())
}

/// A mounted checkout (an id into the mounted list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckoutHandle {
    id: u32,
}

/// Mounted checkout `id`, taken out of the mounted list (with its view) when `remove`. One
/// function for every access keeps the thread-local's code in the wasm once.
fn mounted(id: u32, remove: bool) -> Option<(Checkout, Option<View>)> {
    MOUNTED.with(|m| {
        let mut list = m.borrow_mut();
        let i = list.iter().position(|entry| entry.0 == id)?;
        Some(if remove {
            let (_, checkout, view) = list.remove(i);
            (checkout, Some(view))
        } else {
            (list[i].1, None)
        })
    })
}

impl CheckoutHandle {
    fn checkout(&self) -> Option<Checkout> {
        mounted(self.id, false).map(|(c, _)| c)
    }

    /// What the pay button does; resolves when the attempt ends.
    pub fn submit(&self) -> Promise {
        match self.checkout() {
            Some(c) => c.submit(),
            None => Promise::resolve(&JsValue::UNDEFINED),
        }
    }

    /// After a decline or error (`{status, subStatus?}`): the form comes back with the reason
    /// shown.
    pub fn continue_payment(&self, result: &JsValue) {
        let field = |k: &str| crate::js_object::get_str(result, k);
        if let Some(c) = self.checkout() {
            c.continue_payment(
                &field("status").unwrap_or_default(),
                field("subStatus").as_deref(),
            );
        }
    }

    /// Removes every node, listener and the iframe.
    pub fn unmount(&self) {
        if let Some((checkout, view)) = mounted(self.id, true) {
            checkout.teardown();
            drop(view);
        }
    }
}

/// `mount(target, options, sdkOrigin, language, pack, methods)`: validates the options,
/// renders the checkout into `target`, and resolves with its id; rejects with a `TypeError`
/// naming the bad option. `sdkOrigin`, where the SDK was loaded from, is the default `apiUrl`.
/// `language` is the index in [`Lang::ALL`] of the language the loader picked
/// (`sdk/language.js`, held to `Lang::pick_first` by a test, so the wasm carries no matching
/// rules); `pack` its host pack, fetched alongside the wasm (null for English, or when it could
/// not be had: the checkout then speaks English and says why through `onError`); `methods`, if
/// a promise, the session's methods the loader asked for alongside the wasm (`[status, json]`,
/// or null when that failed), so the list does not wait for the wasm to ask; `frame`, if a
/// function, takes the secure frame the loader started (see `SecureFrame::mount`).
#[wasm_bindgen]
pub fn mount(
    target: JsValue,
    options: JsValue,
    sdk_origin: String,
    language: usize,
    pack: JsValue,
    methods: JsValue,
    frame: JsValue,
) -> Promise {
    let lang = Lang::ALL.get(language).copied().unwrap_or_default();
    if let Some(pack) = pack.as_string() {
        if !lang.host_installed() {
            // A refused pack leaves English in use, and the checkout reports it.
            let _ = lang.install_host(pack);
        }
    }
    // (Only the loader calls this: an object here is its `fetch` promise.)
    let early = Some(methods)
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into);
    match try_mount(
        &target,
        &options,
        &sdk_origin,
        lang,
        early,
        frame.dyn_into().ok(),
    ) {
        Ok(handle) => Promise::resolve(&JsValue::from(handle.id)),
        Err(message) => Promise::reject(&type_error(&message)),
    }
}

/// `submit(id)`: see [`CheckoutHandle::submit`].
#[wasm_bindgen]
pub fn submit(id: u32) -> Promise {
    CheckoutHandle { id }.submit()
}

/// `continuePayment(id, result)`: see [`CheckoutHandle::continue_payment`].
#[wasm_bindgen(js_name = continuePayment)]
pub fn continue_payment(id: u32, result: JsValue) {
    CheckoutHandle { id }.continue_payment(&result)
}

/// `unmount(id)`: see [`CheckoutHandle::unmount`].
#[wasm_bindgen]
pub fn unmount(id: u32) {
    CheckoutHandle { id }.unmount()
}

/// What `mount` does, for Rust callers: the handle, or the message of the `TypeError` (a bad
/// option named, with what is wrong as one letter: see [`super::options`]).
/// `lang` is the language to speak (`Lang::pick_first` of the `language` option and the
/// browser's languages); its pack must have been installed (see [`super::language::load`]),
/// or the checkout speaks English and tells `onError`.
pub fn try_mount(
    target: &JsValue,
    options: &JsValue,
    default_api: &str,
    lang: Lang,
    early_methods: Option<Promise>,
    early_frame: Option<js_sys::Function>,
) -> Result<CheckoutHandle, String> {
    // (Neither this nor the checkout missing below happens on a web page: no words for them.)
    let document = web_sys::window().and_then(|w| w.document()).ok_or("")?;
    let parent = resolve_target(target, &document)?;
    let (opts, callbacks) = options::read(options, default_api, lang)?;
    adopt_styles(&document);
    let slot: std::rc::Rc<Cell<Option<Checkout>>> = std::rc::Rc::default();
    let out = slot.clone();
    let view = leptos::mount::mount_to(parent, move || {
        let c = Checkout::new(opts, callbacks);
        c.set_early(early_methods, early_frame);
        out.set(Some(c));
        c.load();
        view::view(c)
    });
    let checkout = slot.get().ok_or("")?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    MOUNTED.with(|m| m.borrow_mut().push((id, checkout, Box::new(view) as View)));
    Ok(CheckoutHandle { id })
}
