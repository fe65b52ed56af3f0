//! The checkout component on the merchant page: loads the session's methods, lets the shopper
//! choose one (saved cards first), shows the secure frame for a new card, and turns the pay
//! button (or `handle.submit()`) into a one-time token handed to `onToken`.

use std::rc::Rc;

use checkout_protocol::{Configure, FailureCode, FrameToHost, HostToFrame};
use js_sys::{Function, Promise};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::api::{self, Amount, LoadError, Method};
use super::options::{Callbacks, Options};
use super::secure_frame::{origin_of, SecureFrame};
use crate::decimal::decimal;
use crate::dom_events::listen_until_cleanup;
use crate::i18n::Lang;
use crate::js_object::{object, opt_str};

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

/// Reactive state, each kept in an `RwSignal<String>`: every signal type costs the wasm its
/// own copy of the reactive code (about 1 KB gzip), so the host has only this one. These two
/// wrap it for a phase and a flag.
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

/// A yes/no state in an `RwSignal<String>` (see [`PhaseSignal`]).
#[derive(Clone, Copy)]
pub struct Flag(RwSignal<String>);

impl Flag {
    fn new() -> Self {
        Self(RwSignal::new(String::new()))
    }

    /// Whether it is on (tracked).
    pub fn get(&self) -> bool {
        self.0.with(|s| !s.is_empty())
    }

    /// Whether it is on (untracked).
    pub fn get_untracked(&self) -> bool {
        self.0.with_untracked(|s| !s.is_empty())
    }

    fn set(&self, on: bool) {
        self.0.set(if on { "on" } else { "" }.to_owned());
    }
}

/// What lives only on this thread, outside the reactive graph: the merchant's callbacks, the
/// selection (the radios show it themselves), the elements the view made, and the frame.
struct Js {
    /// Shared with the async work that reads it (no copies).
    options: Rc<Options>,
    callbacks: Callbacks,
    /// The radio group's name, unique per checkout.
    group: String,
    selected: Option<usize>,
    /// The card method's slot, once built.
    slot: Option<web_sys::Element>,
    /// The methods, in display order, once loaded.
    methods: Vec<Method>,
    frame: Option<SecureFrame>,
    /// Resolvers of `submit()` promises waiting for the current attempt to end.
    pending: Vec<Function>,
    /// The language asked for whose pack was not at hand, until `onError` is told.
    missing_language: Option<Lang>,
    ready_sent: bool,
    frame_ready: bool,
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
    js: StoredValue<Js, LocalStorage>,
}

/// The amount in the shopper's language and the session's currency.
pub fn format_amount(amount: &Amount, lang: &str) -> String {
    let opts = object(&[
        ("style", "currency".into()),
        ("currency", amount.currency.as_str().into()),
    ]);
    let fmt =
        js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&lang.into()), &opts.unchecked_into());
    fmt.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(amount.value))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
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
            pay_label: RwSignal::new(lang.host().pay.to_owned()),
            busy: Flag::new(),
            status: RwSignal::new(String::new()),
            lang,
            js: StoredValue::new_local(Js {
                options: Rc::new(options),
                callbacks,
                group: ["cw-method-", &crate::http::new_uuid()].concat(),
                selected: None,
                slot: None,
                methods: Vec::new(),
                frame: None,
                pending: Vec::new(),
                missing_language: (lang != wanted).then_some(wanted),
                ready_sent: false,
                frame_ready: false,
            }),
        }
    }

    /// False once the checkout was unmounted: async work that finishes later must stop.
    fn alive(&self) -> bool {
        !self.phase.0.is_disposed()
    }

    /// Calls the merchant's callback `which` picks, if given, with `arg`.
    fn call(&self, which: fn(&Callbacks) -> &Option<Function>, arg: &JsValue) {
        if let Some(f) = self.js.with_value(|j| which(&j.callbacks).clone()) {
            let _ = f.call1(&JsValue::NULL, arg);
        }
    }

    fn options(&self) -> Rc<Options> {
        self.js.with_value(|j| Rc::clone(&j.options))
    }

    /// What `f` makes of the selected method, if one is (no copy of the method).
    fn with_selected<R>(&self, f: impl FnOnce(&Method) -> R) -> Option<R> {
        self.js
            .with_value(|j| j.selected.and_then(|i| j.methods.get(i)).map(f))
    }

    /// Whether the selected method is a new card (the secure frame's).
    fn card_selected(&self) -> bool {
        self.with_selected(Method::needs_card_form) == Some(true)
    }

    /// Loads amount and methods, side by side; on success selects the first method.
    pub fn load(self) {
        self.phase.set(Phase::Loading);
        let missing = self.js.try_update_value(|j| {
            j.slot = None;
            j.missing_language.take()
        });
        if let Some(lang) = missing.flatten() {
            let message = [
                "the language pack for \"",
                lang.code(),
                "\" could not be loaded; the checkout is shown in English",
            ];
            self.error("LANGUAGE_PACK_UNAVAILABLE", &message.concat(), false);
        }
        let options = self.options();
        // The amount only labels the pay button: the methods do not wait for it.
        let session = Rc::clone(&options);
        leptos::task::spawn_local(async move {
            if let Some(amount) = api::amount(&session).await {
                if self.alive() {
                    let s = self.lang.host();
                    let shown = format_amount(&amount, self.lang.code());
                    self.pay_label.set([s.pay, " ", &shown].concat());
                }
            }
        });
        leptos::task::spawn_local(async move {
            let methods = api::methods(&options).await;
            if !self.alive() {
                return;
            }
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
        self.error(&e.code, message, e.retryable);
    }

    fn error(&self, code: &str, message: &str, retryable: bool) {
        let arg = object(&[
            ("code", code.into()),
            ("message", message.into()),
            ("retryable", retryable.into()),
        ]);
        self.call(|c| &c.on_error, &arg);
    }

    /// Shows `methods` (in display order) with number `first` selected.
    pub fn show_methods(self, methods: Vec<Method>, first: usize) {
        // Selected before the rows render, so that it shows checked.
        self.js.update_value(|j| {
            j.methods = methods;
            j.selected = Some(first);
        });
        self.phase.set(Phase::Ready);
        self.selected();
    }

    /// Selects a method (the shopper chose its radio).
    pub fn select(self, i: usize) {
        if self.js.with_value(|j| j.selected) == Some(i) {
            return;
        }
        self.js.update_value(|j| j.selected = Some(i));
        self.selected();
    }

    /// What selecting a method does: clears the status, tells the merchant, shows the card
    /// slot (with its frame) for a new card and hides it otherwise.
    fn selected(self) {
        self.status.set(String::new());
        let Some((arg, card)) = self.with_selected(|m| {
            let arg = object(&[
                ("type", m.kind.as_str().into()),
                ("vaultedToken", opt_str(m.vaulted_token.as_deref())),
            ]);
            (arg, m.needs_card_form())
        }) else {
            return;
        };
        self.call(|c| &c.on_payment_method_selected, &arg);
        self.show_slot();
        if !card {
            self.maybe_ready();
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
    fn slot_built(self, slot: web_sys::Element) {
        self.js.update_value(|j| j.slot = Some(slot));
        self.show_slot();
    }

    /// `onReady` once: methods shown and, for a new card, the frame interactive.
    fn maybe_ready(&self) {
        let card = self.card_selected();
        let ready = self
            .js
            .with_value(|j| !j.ready_sent && (!card || j.frame_ready));
        if ready {
            self.js.update_value(|j| j.ready_sent = true);
            self.call(|c| &c.on_ready, &JsValue::UNDEFINED);
        }
    }

    /// Mounts the secure frame into `slot` (once).
    pub fn mount_frame(self, slot: &web_sys::Element) {
        if self.js.with_value(|j| j.frame.is_some()) {
            return;
        }
        let o = self.options();
        let config = Configure {
            language: self.lang.code().to_owned(),
            checkout_session: o.checkout_session.clone(),
            public_api_key: o.public_api_key.clone(),
            api_url: o.api_url.clone(),
            holder_name: o.holder_name,
            save_card: o.save_card,
            theme: o.theme,
            variables: o.variables.clone(),
        };
        let title = self.lang.host().frame_title;
        if let Ok(frame) =
            SecureFrame::mount(slot, &o.api_url, title, config, move |m| self.on_frame(m))
        {
            self.js.update_value(|j| j.frame = Some(frame));
        }
    }

    fn on_frame(self, msg: FrameToHost) {
        match msg {
            FrameToHost::Ready => {
                self.js.update_value(|j| j.frame_ready = true);
                self.maybe_ready();
            }
            FrameToHost::Changed {
                brand,
                complete,
                errors,
            } => {
                let arg = object(&[
                    ("paymentMethodType", "CARD".into()),
                    ("complete", complete.into()),
                    (
                        "brand",
                        brand.map_or(JsValue::UNDEFINED, |b| b.api_name().into()),
                    ),
                    (
                        "errors",
                        errors
                            .iter()
                            .map(|(f, e)| {
                                js_sys::Array::of2(&f.as_str().into(), &e.as_str().into())
                            })
                            .collect::<js_sys::Array>()
                            .into(),
                    ),
                ]);
                self.call(|c| &c.on_change, &arg);
            }
            FrameToHost::Tokenized { token, card } => {
                let info = object(&[
                    ("type", "CARD".into()),
                    ("brand", card.brand.api_name().into()),
                    ("iin", card.iin.as_str().into()),
                    ("lfd", card.lfd.as_str().into()),
                    ("expirationMonth", card.expiration_month.into()),
                    ("expirationYear", card.expiration_year.into()),
                ]);
                self.deliver(token, info);
            }
            FrameToHost::Failed { code, retryable } => {
                if code != FailureCode::ValidationFailed {
                    let message = match code {
                        FailureCode::NetworkError => self.lang.host().network_error,
                        FailureCode::SessionExpired => self.lang.host().session_expired,
                        FailureCode::CardRejected => self.lang.host().card_rejected,
                        _ => self.lang.host().api_error,
                    };
                    self.error(code.as_str(), message, retryable);
                }
                self.finish();
            }
            FrameToHost::SubmitRequested => {
                let _ = self.submit();
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
        let Some(direct) = self.with_selected(|m| {
            (!m.needs_card_form()).then(|| {
                let card = m.card_data.as_ref();
                let info = object(&[
                    ("type", m.kind.as_str().into()),
                    ("vaultedToken", opt_str(m.vaulted_token.as_deref())),
                    ("brand", opt_str(card.and_then(|c| c.brand.as_deref()))),
                    ("lfd", opt_str(card.and_then(|c| c.lfd.as_deref()))),
                ]);
                (api::payment_method(m), info)
            })
        }) else {
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
                    let message = self.lang.host().api_error;
                    self.status.set(message.to_owned());
                    self.error(&e.code, message, e.retryable);
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

    fn icon_allowed(&self, icon: &str) -> bool {
        let api = self.js.with_value(|j| origin_of(&j.options.api_url));
        icon.starts_with("https://") || (origin_of(icon).is_some() && origin_of(icon) == api)
    }
}

/// Appends `n`'s last two digits (an expiry month or year: `07`, `30`).
fn push_two_digits(out: &mut String, n: u16) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// What a method's row says: its name (a saved card's brand and last four) and its detail (a
/// saved card's expiry, or the server's description).
fn row_text(m: &Method, expires: &str) -> (String, String) {
    match (&m.card_data, &m.vaulted_token) {
        (Some(card), Some(_)) => {
            let mut detail = [expires, " "].concat();
            push_two_digits(&mut detail, card.expiration_month.unwrap_or(0).into());
            detail.push('/');
            push_two_digits(&mut detail, card.expiration_year.unwrap_or(0));
            let name = [
                card.brand.as_deref().unwrap_or(""),
                " •••• ",
                card.lfd.as_deref().unwrap_or(""),
            ]
            .concat();
            (name, detail)
        }
        _ => (m.name.clone(), m.description.clone().unwrap_or_default()),
    }
}

/// The method rows: a radio each (server strings as text), and after the card method the slot
/// its secure frame goes into.
fn rows(c: Checkout) -> Vec<impl IntoView> {
    if c.phase.get() != Phase::Ready {
        return Vec::new();
    }
    let s = c.lang.host();
    c.js.with_value(|j| {
        // A loop rather than an iterator chain: the adapters cost the wasm more.
        let mut rows = Vec::with_capacity(j.methods.len());
        for (i, m) in j.methods.iter().enumerate() {
            let (name, detail) = row_text(m, s.expires);
            let icon = m.icon.clone().filter(|u| c.icon_allowed(u));
            let card_form = m.needs_card_form();
            rows.push(view! {
                <label class="cw-method" data-type=m.kind.clone()>
                    <input type="radio" name=j.group.clone() value=decimal(i as u32) checked=j.selected == Some(i) />
                    <img class="cw-icon" alt="" width="32" height="20" use:icon_source=icon />
                    <span class="cw-method-name">{name}</span>
                    <span class="cw-method-detail">{detail}</span>
                </label>
                <div class="cw-card-slot" hidden=true use:card_slot=(c, card_form)></div>
            });
        }
        rows
    })
}

/// Hands the card method's slot to the checkout as it is built. (Every row has a slot, empty
/// and hidden but for the card method's: one view shape for every row keeps the wasm small.)
fn card_slot(slot: web_sys::Element, (c, card): (Checkout, bool)) {
    if card {
        c.slot_built(slot);
    }
}

/// Gives a method's icon its source, if it has an allowed one (CSS hides an icon without).
fn icon_source(img: web_sys::Element, src: Option<String>) {
    if let Some(src) = src {
        let _ = img.set_attribute("src", &src);
    }
}

/// The checkout's root as it is built (a directive): its `--cw-*` variables, and its one
/// event listener (removed with it): a radio's `change` selects its method; `click` on the
/// retry button loads again, on the pay button pays.
fn listen(root: web_sys::Element, c: Checkout) {
    // The merchant's `--cw-*` variables go on the root through the CSSOM (`style-src 'self'`
    // allows no inline style attribute).
    // (The root is the view's `<div>`: no need to check it is an HTML element.)
    // Its direction here rather than as a view attribute: a few bytes, not a tachys attribute.
    let _ = root.set_attribute("dir", if c.lang.rtl() { "rtl" } else { "ltr" });
    let style = root.unchecked_ref::<web_sys::HtmlElement>().style();
    c.js.with_value(|j| {
        for (name, value) in &j.options.variables {
            let _ = style.set_property(name, value);
        }
    });
    listen_until_cleanup(root, &EVENTS, move |ev: web_sys::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let class = target.class_name();
        match ev.type_().as_str() {
            "change" => {
                let value = target.unchecked_ref::<web_sys::HtmlInputElement>().value();
                if let Ok(i) = value.parse() {
                    c.select(i);
                }
            }
            "click" if class == "cw-retry" => c.load(),
            "click" if class == "cw-pay" => {
                let _ = c.submit();
            }
            _ => {}
        }
    });
}

const EVENTS: [&str; 2] = ["change", "click"];

/// The checkout: skeleton, load error with retry, the method list, the status line and the pay
/// button. Which of the first three shows is the root's `data-state` (CSS), so the view has one
/// shape; the method rows are rendered when the list arrives.
pub fn view(c: Checkout) -> impl IntoView {
    let s = c.lang.host();
    let (hide_pay, dark) = c.js.with_value(|j| {
        let o = &j.options;
        (
            !o.show_pay_button,
            o.theme == checkout_protocol::Theme::Dark,
        )
    });
    let theme = if dark { "dark" } else { "light" };
    let state = move || c.phase.get().as_str().to_owned();
    // The alert's words arrive with the failure, so that assistive technology announces them.
    let failed = move || {
        let failed = c.phase.get() == Phase::Failed;
        if failed { s.load_failed } else { "" }.to_owned()
    };
    let off = move || {
        let off = c.busy.get() || c.phase.get() != Phase::Ready;
        if off { "true" } else { "false" }.to_owned()
    };
    let busy = move || if c.busy.get() { "true" } else { "false" }.to_owned();
    view! {
        <div class="cw-checkout" lang=c.lang.code() data-theme=theme data-state=state use:listen=c>
            <div class="cw-skeleton" aria-busy="true">
                <span class="cw-visually-hidden">{s.loading}</span>
            </div>
            <div class="cw-load-error">
                <p role="alert">{failed}</p>
                <button type="button" class="cw-retry">{s.retry}</button>
            </div>
            <div class="cw-methods" role="radiogroup" aria-label=s.methods_label>{move || rows(c)}</div>
            <p class="cw-status" role="status" aria-live="polite">{move || c.status.get()}</p>
            // Without the pay button (`showPayButton: false`) the page calls `submit()`.
            <button type="button" class="cw-pay" hidden=hide_pay aria-disabled=off aria-busy=busy>
                {move || c.pay_label.get()}
            </button>
        </div>
    }
}
