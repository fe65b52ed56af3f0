//! The checkout's state and what it does: loads the session's methods, lets the shopper choose
//! one (saved cards first), shows the secure frame for a new card, and turns the pay button
//! (or `handle.submit()`) into a one-time token handed to `onToken`. The view is `view.rs`;
//! what the merchant's callbacks receive, `payloads.rs`.

use std::rc::Rc;

use checkout_protocol::{Configure, FailureCode, FrameToHost, HostToFrame};
use js_sys::{Function, Promise};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::api::{self, LoadError, Method};
use super::options::{Callbacks, Options};
use super::payloads;
use super::secure_frame::SecureFrame;
use super::view::format_amount;
use crate::i18n::Lang;
use crate::signals::Flag;

/// Where the method list is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Loading,
    Failed,
    Ready,
}

impl Phase {
    /// Its name, as the root's `data-state` shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Loading => "loading",
            Phase::Failed => "failed",
            Phase::Ready => "ready",
        }
    }
}

/// The phase in the one signal type (see [`crate::signals`]).
#[derive(Clone, Copy)]
pub struct PhaseSignal(RwSignal<String>);

impl PhaseSignal {
    fn new(phase: Phase) -> Self {
        Self(RwSignal::new(phase.as_str().to_owned()))
    }

    /// The phase (tracked).
    pub fn get(&self) -> Phase {
        self.0.with(|s| match s.as_str() {
            "failed" => Phase::Failed,
            "ready" => Phase::Ready,
            _ => Phase::Loading,
        })
    }

    fn set(&self, phase: Phase) {
        self.0.set(phase.as_str().to_owned());
    }
}

/// What lives only on this thread, outside the reactive graph: the merchant's callbacks, the
/// selection (the radios show it themselves), the elements the view made, and the frame.
pub(super) struct Js {
    /// Shared with the async work that reads it (no copies).
    pub(super) options: Rc<Options>,
    pub(super) callbacks: Callbacks,
    /// The radio group's name, unique per checkout.
    pub(super) group: String,
    pub(super) selected: Option<usize>,
    /// The card method's slot, once built.
    pub(super) slot: Option<web_sys::Element>,
    /// The method list's element, and the rows rendered into it (`view::render_rows`).
    pub(super) list: Option<web_sys::Element>,
    pub(super) rows: Vec<web_sys::Element>,
    /// The methods, in display order, once loaded.
    pub(super) methods: Vec<Method>,
    pub(super) frame: Option<SecureFrame>,
    /// Resolvers of `submit()` promises waiting for the current attempt to end.
    pub(super) pending: Vec<Function>,
    /// The language asked for whose pack was not at hand, until `onError` is told.
    pub(super) missing_language: Option<Lang>,
    pub(super) ready_sent: bool,
    pub(super) frame_ready: bool,
    /// The methods' answer the JS entry asked for alongside the wasm, until the first load.
    pub(super) early_methods: Option<js_sys::Promise>,
    /// What takes the secure frame the JS entry started beside the wasm, once the session's
    /// methods came (see `SecureFrame::mount`), until the frame is mounted or the methods have
    /// no card.
    pub(super) early_frame: Option<Function>,
}

impl Js {
    /// The bank list of the selected method, `m` (see `Callbacks::issuers`; none for a card):
    /// shown, or asked for the token's `detail` when `paying`. Undefined without one. (Called
    /// within the checkout's state: the function makes the page dispatch nothing at once, or a
    /// page's handler calling the checkout then would meet its lock; `issuers.mjs` moves the
    /// focus in a task of its own.)
    fn issuer(&self, m: &Method, paying: bool) -> JsValue {
        match (
            self.selected.and_then(|i| self.rows.get(2 * i)),
            &self.callbacks.issuers,
        ) {
            (Some(row), Some(f)) if m.kind != "CARD" => f
                .call2(&JsValue::NULL, row, &paying.into())
                .unwrap_or_default(),
            _ => JsValue::UNDEFINED,
        }
    }

    /// Removes the method rows from the list.
    pub(super) fn clear_rows(&mut self) {
        for row in self.rows.drain(..) {
            row.remove();
        }
    }
}

/// The checkout's state; `Copy`, shared by the view, the frame handler and the JS handle.
#[derive(Clone, Copy)]
pub struct Checkout {
    /// Where the method list is; the rows render when it becomes `Ready`.
    pub phase: PhaseSignal,
    /// The pay button's words, with the amount once the session says it.
    pub pay_label: RwSignal<String>,
    /// A token is being created.
    pub busy: Flag,
    /// The status line (a decline's reason, an error); empty when there is none. A `String`,
    /// not an `Option`: each signal type costs the wasm its own copy of the reactive code.
    pub status: RwSignal<String>,
    pub lang: Lang,
    pub(super) js: StoredValue<Js, LocalStorage>,
}

impl Checkout {
    /// State for validated options (inside the mount's reactive owner).
    pub fn new(options: Options, callbacks: Callbacks) -> Self {
        let wanted = options.language;
        // Without its pack, a language falls back to English (built in), never a blank widget.
        let lang = if wanted.host_installed() {
            wanted
        } else {
            Lang::En
        };
        Self {
            phase: PhaseSignal::new(Phase::Loading),
            pay_label: RwSignal::new(
                options
                    .pay_button_text
                    .clone()
                    .unwrap_or_else(|| lang.host().pay.to_owned()),
            ),
            busy: Flag::new(),
            status: RwSignal::new(String::new()),
            lang,
            js: StoredValue::new_local(Js {
                options: Rc::new(options),
                callbacks,
                group: ["cw-method-", &crate::http::new_uuid()].concat(),
                selected: None,
                slot: None,
                list: None,
                rows: Vec::new(),
                methods: Vec::new(),
                frame: None,
                pending: Vec::new(),
                missing_language: (lang != wanted).then_some(wanted),
                ready_sent: false,
                frame_ready: false,
                early_methods: None,
                early_frame: None,
            }),
        }
    }

    /// Hands over what the JS entry started alongside the wasm (before the first load): the
    /// methods' answer, and the secure frame's taker.
    pub(super) fn set_early(self, methods: Option<js_sys::Promise>, frame: Option<Function>) {
        self.js.update_value(|j| {
            j.early_methods = methods;
            j.early_frame = frame;
        });
    }

    /// False once the checkout was unmounted: async work that finishes later must stop.
    fn alive(&self) -> bool {
        !self.phase.0.is_disposed()
    }

    /// Calls the merchant's callback `which` picks, if given, with `arg`.
    fn call_merchant(&self, which: fn(&Callbacks) -> &Option<Function>, arg: &JsValue) {
        if let Some(f) = self.js.with_value(|j| which(&j.callbacks).clone()) {
            let _ = f.call1(&JsValue::NULL, arg);
        }
    }

    fn options(&self) -> Rc<Options> {
        self.js.with_value(|j| Rc::clone(&j.options))
    }

    /// What `f` makes of the selected method, if one is (no copy of the method), and of the
    /// rest (`Js`).
    fn with_selected<R>(&self, f: impl FnOnce(&Method, &Js) -> R) -> Option<R> {
        self.js
            .with_value(|j| j.selected.and_then(|i| j.methods.get(i)).map(|m| f(m, j)))
    }

    /// Whether the selected method is a new card (the secure frame's).
    fn card_selected(&self) -> bool {
        self.with_selected(|m, _| m.needs_card_form()) == Some(true)
    }

    /// Loads amount and methods, side by side; on success selects the first method.
    pub fn load(self) {
        self.phase.set(Phase::Loading);
        let missing = self.js.try_update_value(|j| {
            j.slot = None;
            // The rows are the list's only while it is ready.
            j.clear_rows();
            j.missing_language.take()
        });
        if let Some(lang) = missing.flatten() {
            // (`onError`'s message is the language: `sdk/diagnose.mjs` words it for the
            // developer, so the first paint carries no sentence for it.)
            self.call_on_error("LANGUAGE_PACK_UNAVAILABLE", lang.code(), false);
        }
        let options = self.options();
        // The amount only labels the pay button (unless the merchant's own label does): the
        // methods do not wait for it.
        let session = Rc::clone(&options);
        leptos::task::spawn_local(async move {
            if session.pay_button_text.is_some() {
                return;
            }
            if let Some(amount) = api::amount(&session).await {
                if self.alive() {
                    let s = self.lang.host();
                    let shown = format_amount(&amount, self.lang.code());
                    self.pay_label.set([s.pay, " ", &shown].concat());
                }
            }
        });
        leptos::task::spawn_local(async move {
            let early = self
                .js
                .try_update_value(|j| j.early_methods.take())
                .flatten();
            let methods = api::methods(&options, early).await;
            if !self.alive() {
                return;
            }
            // Only the types (or saved cards) the merchant lists, if it does (in the session's
            // order).
            let methods = methods.map(|mut list| {
                if let Some(only) = &options.only_methods {
                    let listed = |v: &str| only.includes(&v.into(), 0);
                    list.retain(|m| {
                        listed(&m.kind) || m.vaulted_token.as_deref().is_some_and(listed)
                    });
                }
                list
            });
            match methods {
                Ok(methods) if !methods.is_empty() => {
                    let first = options.initial_method.as_ref().and_then(|(kind, vaulted)| {
                        methods.iter().position(|m| {
                            &m.kind == kind && m.vaulted_token.as_ref() == vaulted.as_ref()
                        })
                    });
                    self.show_methods(methods, first.unwrap_or(0));
                }
                Ok(_) => self.fail(LoadError {
                    code: "NO_PAYMENT_METHODS".into(),
                    retryable: false,
                }),
                Err(e) => self.fail(e),
            }
        });
    }

    fn fail(self, e: LoadError) {
        let message = self.lang.host().load_failed;
        self.phase.set(Phase::Failed);
        self.call_on_error(&e.code, message, e.retryable);
    }

    /// Calls the merchant's `onError` with `{code, message, retryable}`.
    fn call_on_error(&self, code: &str, message: &str, retryable: bool) {
        self.call_merchant(|c| &c.on_error, &payloads::error(code, message, retryable));
    }

    /// Shows `methods` (in display order) with number `first` selected.
    pub fn show_methods(self, methods: Vec<Method>, first: usize) {
        // Selected before the rows render, so that it shows checked.
        self.js.update_value(|j| {
            j.methods = methods;
            j.selected = Some(first);
        });
        self.phase.set(Phase::Ready);
        super::view::render_rows(self);
        self.apply_selection();
    }

    /// Selects a method (the shopper chose its radio).
    pub fn select(self, i: usize) {
        if self.js.with_value(|j| j.selected) == Some(i) {
            return;
        }
        self.js.update_value(|j| j.selected = Some(i));
        self.apply_selection();
    }

    /// What selecting a method does: clears the status, tells the merchant, shows the card
    /// slot (with its frame) for a new card and hides it otherwise.
    fn apply_selection(self) {
        self.status.set(String::new());
        let Some((arg, card)) = self.with_selected(|m, j| {
            j.issuer(m, false);
            (payloads::method_selected(m), m.needs_card_form())
        }) else {
            return;
        };
        self.call_merchant(|c| &c.on_payment_method_selected, &arg);
        self.show_slot();
        if !card {
            self.report_ready_once();
        }
    }

    /// The card slot shows (and gets its frame) while the card method is selected.
    fn show_slot(self) {
        let card = self.card_selected();
        if let Some(slot) = self.js.with_value(|j| j.slot.clone()) {
            let _ = slot.toggle_attribute_with_force("hidden", !card);
            if card {
                self.mount_frame(&slot);
            }
        }
    }

    /// The card method's slot was built (a directive on it).
    pub(super) fn slot_built(self, slot: web_sys::Element) {
        self.js.update_value(|j| j.slot = Some(slot));
        self.show_slot();
    }

    /// `onReady` once: methods shown and, for a new card, the frame interactive.
    fn report_ready_once(&self) {
        let card = self.card_selected();
        let ready = self
            .js
            .with_value(|j| !j.ready_sent && (!card || j.frame_ready));
        if ready {
            self.js.update_value(|j| j.ready_sent = true);
            self.call_merchant(|c| &c.on_ready, &JsValue::UNDEFINED);
        }
    }

    /// Mounts the secure frame into `slot` (once).
    pub fn mount_frame(self, slot: &web_sys::Element) {
        let Some(early) = self
            .js
            .try_update_value(|j| j.frame.is_none().then(|| j.early_frame.take()))
            .flatten()
        else {
            return;
        };
        let o = self.options();
        let config = Configure {
            language: self.lang.code().to_owned(),
            checkout_session: o.checkout_session.clone(),
            public_api_key: o.public_api_key.clone(),
            api_url: o.api_url.clone(),
            holder_name: o.holder_name,
            country: o.country_code.clone(),
            document: o.document,
            save_card: o.save_card,
            steps: o.steps,
            credit_only: o.credit_only,
            theme: o.theme,
            variables: o.variables.clone(),
            card: o.card.clone(),
        };
        let title = self.lang.host().frame_title;
        if let Ok(frame) = SecureFrame::mount(slot, &o.api_url, title, early, config, move |m| {
            self.on_frame(m)
        }) {
            self.js.update_value(|j| j.frame = Some(frame));
        }
    }

    fn on_frame(self, msg: FrameToHost) {
        match msg {
            FrameToHost::Ready => {
                self.js.update_value(|j| j.frame_ready = true);
                self.report_ready_once();
            }
            FrameToHost::Changed {
                brand,
                complete,
                errors,
                installments,
            } => {
                let arg = payloads::change(brand, complete, &errors, installments);
                self.call_merchant(|c| &c.on_change, &arg);
            }
            FrameToHost::Tokenized { token, card } => {
                let info = payloads::card_token_info(&card);
                self.deliver(token, info);
            }
            FrameToHost::Failed {
                code,
                retryable,
                message,
            } => {
                // The frame's own words: what the shopper reads is what `onError` says.
                if code != FailureCode::ValidationFailed {
                    self.call_on_error(code.as_str(), message.as_str(), retryable);
                }
                self.finish();
            }
            FrameToHost::SubmitRequested => {
                let _ = self.submit();
            }
            FrameToHost::LanguageUnavailable => {
                self.call_on_error("LANGUAGE_PACK_UNAVAILABLE", self.lang.code(), false)
            }
            FrameToHost::Resized { .. } => {}
        }
    }

    /// Ends the current attempt: the button is free again and `submit()` promises resolve.
    fn finish(&self) {
        if !self.alive() {
            return;
        }
        self.busy.set(false);
        let pending = self
            .js
            .try_update_value(|j| std::mem::take(&mut j.pending))
            .unwrap_or_default();
        for resolve in pending {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }

    /// Hands the token to `onToken`, waiting for the promise it may return.
    fn deliver(self, token: String, info: JsValue) {
        let on_token = self.js.with_value(|j| j.callbacks.on_token.clone());
        leptos::task::spawn_local(async move {
            if let Ok(result) = on_token.call2(&JsValue::NULL, &JsValue::from_str(&token), &info) {
                // A promise (or any thenable) is waited for; anything else at once.
                let _ = JsFuture::from(Promise::resolve(&result)).await;
            }
            self.finish();
        });
    }

    /// What the pay button does: creates the token for the selected method. The promise
    /// resolves when the attempt ends (token handed over, or an error shown).
    pub fn submit(self) -> Promise {
        let mut resolver = None;
        let promise = Promise::new(&mut |resolve, _| resolver = Some(resolve));
        if let Some(r) = resolver {
            self.js.update_value(|j| j.pending.push(r));
        }
        if self.busy.get_untracked() {
            return promise;
        }
        // A new card's token comes from the frame; any other method's from here: its request
        // and what `onToken` is told about it.
        let Some(direct) = self
            .with_selected(|m, j| {
                if m.needs_card_form() {
                    return Some(None);
                }
                // The bank, for a method with a bank list (undefined: none, and none sent).
                let detail = j.issuer(m, true);
                if detail.is_null() {
                    return None; // none chosen yet (the list says so): no token
                }
                let info = payloads::method_token_info(m);
                Some(Some((
                    api::payment_method(m, detail, j.options.credit_only),
                    info,
                )))
            })
            .flatten()
        else {
            self.finish();
            return promise;
        };
        self.busy.set(true);
        self.status.set(String::new());
        let Some((payment_method, info)) = direct else {
            let sent = self.js.with_value(|j| {
                j.frame
                    .as_ref()
                    .is_some_and(|f| f.send(HostToFrame::Submit))
            });
            if !sent {
                self.finish();
            }
            return promise;
        };
        let options = self.options();
        leptos::task::spawn_local(async move {
            let key = crate::http::new_uuid();
            let token = api::token(&options, payment_method, &key).await;
            if !self.alive() {
                return;
            }
            match token {
                Ok(token) => self.deliver(token, info),
                Err(e) => {
                    let s = self.lang.host();
                    // A saved debit card, under credit only: the shopper picks another.
                    let message = if e.code == "UNSUPPORTED_CARD_TYPE" {
                        s.debit_only
                    } else {
                        s.api_error
                    };
                    self.status.set(message.to_owned());
                    self.call_on_error(&e.code, message, e.retryable);
                    self.finish();
                }
            }
        });
        promise
    }

    /// After a decline: the form comes back with the reason shown.
    pub fn continue_payment(self, status: &str, sub_status: Option<&str>) {
        let s = self.lang.host();
        let message = match (status, sub_status.unwrap_or("")) {
            (_, "INSUFFICIENT_FUNDS") => s.insufficient_funds,
            (_, "FRAUD_DECLINED") => s.fraud_declined,
            ("ERROR", _) | (_, "ERROR") => s.payment_error,
            _ => s.declined,
        };
        self.finish();
        // A card's reason shows inside the frame, next to the form; others' on the host.
        let in_frame = self.card_selected()
            && self.js.with_value(|j| {
                j.frame.as_ref().is_some_and(|f| {
                    f.send(HostToFrame::ShowError {
                        field: None,
                        message: message.to_owned(),
                    })
                })
            });
        if !in_frame {
            self.status.set(message.to_owned());
        }
    }

    /// Removes the frame and ends any waiting `submit()`.
    pub fn teardown(&self) {
        let frame = self.js.try_update_value(|j| j.frame.take()).flatten();
        drop(frame);
        self.finish();
    }
}
