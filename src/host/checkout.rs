//! The checkout component on the merchant page: loads the session's methods, lets the shopper
//! choose one (saved cards first), shows the secure frame for a new card, and turns the pay
//! button (or `handle.submit()`) into a one-time token handed to `onToken`.

use checkout_protocol::{Configure, FailureCode, FrameToHost, HostToFrame};
use js_sys::{Function, Promise};
use leptos::either::EitherOf3;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::api::{self, Amount, LoadError, Method};
use super::options::{Callbacks, Options};
use super::secure_frame::{origin_of, SecureFrame};
use crate::i18n::Lang;
use crate::js_object::{object, opt_str};

/// Loading state of the method list.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Failed(LoadError),
    Ready(Vec<Method>),
}

/// What lives only on this thread: the merchant's callbacks and the frame.
struct Js {
    callbacks: Callbacks,
    frame: Option<SecureFrame>,
    /// Resolvers of `submit()` promises waiting for the current attempt to end.
    pending: Vec<Function>,
    ready_sent: bool,
    frame_ready: bool,
}

/// The checkout's state; `Copy`, shared by the view, the frame handler and the JS handle.
#[derive(Clone, Copy)]
pub struct Checkout {
    pub load: RwSignal<Load>,
    pub selected: RwSignal<Option<usize>>,
    pub amount: RwSignal<Option<Amount>>,
    pub busy: RwSignal<bool>,
    /// The status line (a decline's reason, an error); empty when there is none. A `String`,
    /// not an `Option`: each signal type costs the wasm its own copy of the reactive code.
    pub status: RwSignal<String>,
    pub lang: Lang,
    options: StoredValue<Options>,
    js: StoredValue<Js, LocalStorage>,
}

fn call(f: &Option<Function>, arg: &JsValue) {
    if let Some(f) = f {
        let _ = f.call1(&JsValue::NULL, arg);
    }
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
        let lang = Lang::pick(&options.language);
        Self {
            load: RwSignal::new(Load::Loading),
            selected: RwSignal::new(None),
            amount: RwSignal::new(None),
            busy: RwSignal::new(false),
            status: RwSignal::new(String::new()),
            lang,
            options: StoredValue::new(options),
            js: StoredValue::new_local(Js {
                callbacks,
                frame: None,
                pending: Vec::new(),
                ready_sent: false,
                frame_ready: false,
            }),
        }
    }

    /// False once the checkout was unmounted: async work that finishes later must stop.
    fn alive(&self) -> bool {
        !self.load.is_disposed()
    }

    fn callbacks(&self) -> Callbacks {
        self.js.with_value(|j| j.callbacks.clone())
    }

    /// The selected method.
    pub fn method(&self) -> Option<Method> {
        let i = self.selected.get_untracked()?;
        self.load.with_untracked(|l| match l {
            Load::Ready(m) => m.get(i).cloned(),
            _ => None,
        })
    }

    /// Loads amount and methods; on success selects the first method.
    pub fn load(self) {
        self.load.set(Load::Loading);
        let options = self.options.get_value();
        leptos::task::spawn_local(async move {
            let amount = api::amount(&options).await;
            if !self.alive() {
                return;
            }
            self.amount.set(amount);
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
                    self.load.set(Load::Ready(methods));
                    self.select(first.unwrap_or(0));
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
        self.load.set(Load::Failed(e.clone()));
        self.error(&e.code, message, e.retryable);
    }

    fn error(&self, code: &str, message: &str, retryable: bool) {
        let arg = object(&[
            ("code", code.into()),
            ("message", message.into()),
            ("retryable", retryable.into()),
        ]);
        call(&self.callbacks().on_error, &arg);
    }

    /// Selects a method and tells the merchant.
    pub fn select(self, i: usize) {
        if self.selected.get_untracked() == Some(i) && self.method().is_some() {
            return;
        }
        self.selected.set(Some(i));
        self.status.set(String::new());
        if let Some(m) = self.method() {
            call(
                &self.callbacks().on_payment_method_selected,
                &object(&[
                    ("type", m.kind.as_str().into()),
                    ("vaultedToken", opt_str(m.vaulted_token.as_deref())),
                ]),
            );
            if !m.needs_card_form() {
                self.maybe_ready();
            }
        }
    }

    /// `onReady` once: methods shown and, for a new card, the frame interactive.
    fn maybe_ready(&self) {
        let card = self.method().is_some_and(|m| m.needs_card_form());
        let ready = self
            .js
            .with_value(|j| !j.ready_sent && (!card || j.frame_ready));
        if ready {
            self.js.update_value(|j| j.ready_sent = true);
            call(&self.callbacks().on_ready, &JsValue::UNDEFINED);
        }
    }

    /// Mounts the secure frame into `slot` (once).
    pub fn mount_frame(self, slot: &web_sys::Element) {
        if self.js.with_value(|j| j.frame.is_some()) {
            return;
        }
        let o = self.options.get_value();
        let config = Configure {
            language: o.language.clone(),
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
                call(&self.callbacks().on_change, &arg);
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
        let on_token = self.callbacks().on_token;
        leptos::task::spawn_local(async move {
            if let Ok(result) = on_token.call2(&JsValue::NULL, &JsValue::from_str(&token), &info) {
                if let Ok(promise) = result.dyn_into::<Promise>() {
                    let _ = JsFuture::from(promise).await;
                }
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
        let Some(method) = self.method() else {
            self.finish();
            return promise;
        };
        self.busy.set(true);
        self.status.set(String::new());
        if method.needs_card_form() {
            let sent = self.js.with_value(|j| {
                j.frame
                    .as_ref()
                    .is_some_and(|f| f.send(HostToFrame::Submit))
            });
            if !sent {
                self.finish();
            }
            return promise;
        }
        let options = self.options.get_value();
        leptos::task::spawn_local(async move {
            let key = crate::http::new_uuid();
            let token = api::token(&options, &method, &key).await;
            if !self.alive() {
                return;
            }
            match token {
                Ok(token) => {
                    let card = method.card_data.as_ref();
                    let info = object(&[
                        ("type", method.kind.as_str().into()),
                        ("vaultedToken", opt_str(method.vaulted_token.as_deref())),
                        ("brand", opt_str(card.and_then(|c| c.brand.as_deref()))),
                        ("lfd", opt_str(card.and_then(|c| c.lfd.as_deref()))),
                    ]);
                    self.deliver(token, info);
                }
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
        let in_frame = self.method().is_some_and(|m| m.needs_card_form())
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
        let api = self.options.with_value(|o| origin_of(&o.api_url));
        icon.starts_with("https://") || (origin_of(icon).is_some() && origin_of(icon) == api)
    }
}

/// The method list, the card slot, the status line and the pay button.
pub fn view(c: Checkout) -> impl IntoView {
    let s = c.lang.host();
    let group = format!("cw-method-{}", crate::http::new_uuid());
    let slot = NodeRef::<Div>::new();
    let card_selected =
        move || c.selected.get().is_some() && c.method().is_some_and(|m| m.needs_card_form());
    Effect::new(move |_| {
        if let (true, Some(el)) = (card_selected(), slot.get()) {
            c.mount_frame(&el);
        }
    });
    let pay_label = move || match c.amount.get() {
        Some(a) => format!("{} {}", s.pay, format_amount(&a, c.lang.code())),
        None => s.pay.to_owned(),
    };
    let show_pay = c.options.with_value(|o| o.show_pay_button);
    let methods = move || match c.load.get() {
        Load::Loading => EitherOf3::A(view! {
            <div class="cw-skeleton" aria-busy="true">
                <span class="cw-visually-hidden">{s.loading}</span>
                <div class="cw-skeleton-row"></div>
                <div class="cw-skeleton-row"></div>
                <div class="cw-skeleton-row"></div>
            </div>
        }),
        Load::Failed(_) => EitherOf3::B(view! {
            <div class="cw-load-error">
                <p role="alert">{s.load_failed}</p>
                <button type="button" class="cw-retry" on:click=move |_| c.load()>{s.retry}</button>
            </div>
        }),
        Load::Ready(list) => {
            let group = group.clone();
            let rows = list
                .into_iter()
                .enumerate()
                .map(|(i, m)| {
                    let icon = m.icon.clone().filter(|u| c.icon_allowed(u));
                    let detail = match (&m.card_data, &m.description) {
                        (Some(card), _) if m.vaulted_token.is_some() => format!(
                            "{} {:02}/{:02}",
                            s.expires,
                            card.expiration_month.unwrap_or(0),
                            card.expiration_year.unwrap_or(0) % 100
                        ),
                        (_, Some(d)) => d.clone(),
                        _ => String::new(),
                    };
                    let name = match (&m.card_data, &m.vaulted_token) {
                        (Some(card), Some(_)) => format!(
                            "{} •••• {}",
                            card.brand.clone().unwrap_or_default(),
                            card.lfd.clone().unwrap_or_default()
                        ),
                        _ => m.name.clone(),
                    };
                    let card_form = m.needs_card_form();
                    view! {
                        <label class="cw-method" data-type=m.kind.clone()>
                            <input
                                type="radio"
                                name=group.clone()
                                value=i.to_string()
                                prop:checked=move || c.selected.get() == Some(i)
                                on:change=move |_| c.select(i)
                            />
                            {icon.map(|src| view! { <img class="cw-icon" src=src alt="" width="32" height="20" /> })}
                            <span class="cw-method-name">{name}</span>
                            <span class="cw-method-detail">{detail}</span>
                        </label>
                        {card_form.then(|| view! { <div class="cw-card-slot" node_ref=slot hidden=move || !card_selected()></div> })}
                    }
                })
                .collect_view();
            EitherOf3::C(
                view! { <div class="cw-methods" role="radiogroup" aria-label=s.methods_label>{rows}</div> },
            )
        }
    };
    view! {
        <div class="cw-checkout" lang=c.lang.code()>
            {methods}
            <p class="cw-status" role="status" aria-live="polite">{move || c.status.get()}</p>
            {show_pay.then(|| view! {
                <button
                    type="button"
                    class="cw-pay"
                    disabled=move || c.busy.get() || !matches!(c.load.get(), Load::Ready(_))
                    aria-busy=move || if c.busy.get() { "true" } else { "false" }
                    on:click=move |_| {
                        let _ = c.submit();
                    }
                >
                    {pay_label}
                </button>
            })}
        </div>
    }
}
