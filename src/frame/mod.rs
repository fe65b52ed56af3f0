//! The secure card frame: a document on the payment origin holding every card input. It
//! talks to the host only over the `MessageChannel` port the pinned host origin handed it, and
//! to the API only to create the token.

pub mod check;
mod form;
pub mod handshake;
pub mod latam;
pub mod tokenize;

pub use form::{today, CardForm, FormEvent, FormState, INPUT_IDS};

use std::cell::RefCell;
use std::rc::Rc;

use checkout_protocol::{
    CardInfo, Configure, FailureCode, Field, FieldError, FrameToHost, HostToFrame, Iin, LastFour,
    Notice, Theme,
};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, MessagePort};

use crate::http::new_uuid;
use crate::i18n::Lang;
use crate::wire::{listen_on_window, stop_listening, Channel, ListenerSlot};
use check::brand_of;
use latam::{lookup_iin, Extras};
use tokenize::{tokenize, Card, Failure};

/// The frame's connection to its host.
pub type HostChannel = Rc<Channel<FrameToHost>>;

thread_local! {
    /// The loader's `(card) => …` that, for a `card` option (JSON) with `styles`, fetches
    /// `frame-styles.mjs` and applies the merchant's CSS with it: only a form configured with
    /// `card.styles` fetches that module.
    static STYLES: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The loader's `(next, back, card) => …` that fetches `frame-steps.mjs` and shows the
    /// form one field at a time, its buttons saying those words or the labels of the `card`
    /// option's `steps`: only a form configured with `steps` fetches that module.
    static STEPS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Starts the frame (its page's loader calls this): installs the language pack the loader
/// fetched for `language` (English when there is none, or it does not fit), waits for the
/// host's port, and renders nothing until then, so a page that frames it from another origin
/// gets no form. `styles` is given the merchant's `card` option (JSON) of any form that has one,
/// and applies its CSS (`frame-styles.mjs`), when it has some;
/// `latam` loads the document and installment fields ([`latam`]), when its country has them;
/// `steps` shows the form one field at a time (`frame-steps.mjs`), when it is asked to.
#[wasm_bindgen(js_name = startFrame)]
pub fn start_frame(
    language: String,
    pack: Option<String>,
    styles: Option<js_sys::Function>,
    latam: Option<js_sys::Function>,
    steps: Option<js_sys::Function>,
) {
    STYLES.with(|s| *s.borrow_mut() = styles);
    STEPS.with(|s| *s.borrow_mut() = steps);
    latam::set_loader(latam);
    if let (Some(lang), Some(pack)) = (Lang::from_code(&language), pack) {
        let _ = lang.install_frame(pack);
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(own_origin) = window.location().origin() else {
        return;
    };
    let Some(origin) = window
        .location()
        .hash()
        .ok()
        .as_deref()
        .and_then(handshake::expected_origin)
    else {
        return;
    };
    let Some(parent) = window
        .parent()
        .ok()
        .flatten()
        .filter(|p| JsValue::from(p) != JsValue::from(&window))
    else {
        return;
    };
    let hello_to = origin.clone();
    let parent_js = JsValue::from(&parent);
    let slot: ListenerSlot = Rc::default();
    let own = slot.clone();
    let listening = listen_on_window(&slot, move |ev: MessageEvent| {
        let Some(port) = handshake::accept_connect(&ev, &origin, &parent_js) else {
            return;
        };
        // One handshake only: stop listening on the window.
        stop_listening(&own);
        connect(port, own_origin.clone());
    });
    if listening.is_err() {
        return;
    }
    handshake::announce(&parent, &hello_to);
}

/// The form, the settings it was rendered with, and its Latin American fields.
type Configured = (FormState, Rc<Configure>, Extras);

/// Serves the host over `port`: the first `Configure` renders the form; later ones are
/// ignored (the frame is configured once). A `Configure` whose API is not at `api_origin` (the
/// payment origin the frame was served from) gets no form: the card would go to that API,
/// and only the CSP would stand in the way.
pub fn connect(port: MessagePort, api_origin: String) -> HostChannel {
    let app: Rc<RefCell<Option<Configured>>> = Rc::default();
    let channel_slot: Rc<RefCell<Option<HostChannel>>> = Rc::default();
    let slot = channel_slot.clone();
    let channel = Channel::open(port, move |msg: HostToFrame| {
        let Some(channel) = slot.borrow().clone() else {
            return;
        };
        let configured = app.borrow().clone();
        match (msg, configured) {
            (HostToFrame::Configure(config), None) => {
                // Compared as the browser reads them (case, default ports).
                let api = web_sys::Url::new(&config.api_url).map(|u| u.origin());
                if api.ok().as_ref() != Some(&api_origin) {
                    let why = "The card form refused an API URL on another origin than its own.";
                    channel.send(FrameToHost::Failed {
                        code: FailureCode::ApiError,
                        retryable: false,
                        message: Notice::new(why).unwrap_or_default(),
                    });
                    return;
                }
                let (state, extras) = render(&config, channel.clone());
                channel.send(FrameToHost::Ready);
                // Shown in English for want of its words: the host tells the merchant.
                if state.lang.code() != config.language {
                    channel.send(FrameToHost::LanguageUnavailable);
                }
                *app.borrow_mut() = Some((state, Rc::new(config), extras));
            }
            (HostToFrame::Submit, Some((state, config, extras))) => {
                submit(state, channel, config, extras)
            }
            (HostToFrame::Focus { field }, Some((state, ..))) => state.focus(field),
            (HostToFrame::Clear, Some((state, _, extras))) => {
                state.clear();
                extras.clear();
            }
            (HostToFrame::ShowError { field, message }, Some((state, ..))) => {
                state.show_error(field, &message)
            }
            _ => {}
        }
    });
    *channel_slot.borrow_mut() = Some(channel.clone());
    channel
}

/// Applies the theme and the merchant's CSS custom properties through the CSSOM (the frame's
/// CSP allows no inline styles). Only `--cw-*` names are taken.
fn apply_appearance(config: &Configure) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let theme = if config.theme == Theme::Dark {
        "dark"
    } else {
        "light"
    };
    let _ = root.set_attribute("data-theme", theme);
    // One field at a time from the first paint (frame.css); frame-steps.mjs adds the buttons.
    if config.steps {
        let _ = root.set_attribute("data-steps", "");
    }
    if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
        for (name, value) in &config.variables {
            let ok_name = name
                .strip_prefix("--cw-")
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
            if ok_name && !value.contains([';', '{', '}']) {
                let _ = el.style().set_property(name, value);
            }
        }
    }
}

/// The document's language, direction and title.
fn apply_language(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(lang.frame().title);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" });
    }
}

/// Renders the form for `config`, and asks for its Latin American fields where its country has
/// them; the form's changes and Enter go to the host.
fn render(config: &Configure, channel: HostChannel) -> (FormState, Extras) {
    apply_appearance(config);
    if !config.card.is_empty() {
        STYLES.with(|s| {
            if let Some(apply) = s.borrow().as_ref() {
                let _ = apply.call1(&JsValue::NULL, &config.card.as_str().into());
            }
        });
    }
    // Without its pack, English (built in): never a form without words.
    // (The host sends the code of the language it picked.)
    let lang = Lang::from_code(&config.language)
        .filter(|l| l.frame_installed())
        .unwrap_or_default();
    apply_language(lang);
    let host = channel.clone();
    // The Latin American fields add themselves to the form once it is in the document; the
    // reporter reads them through this slot.
    let extras: Rc<RefCell<Extras>> = Rc::default();
    let changed = change_reporter(channel.clone(), extras.clone());
    let save = config.save_card;
    let state = FormState::new(
        lang,
        config.holder_name,
        save,
        move |state, event| match event {
            FormEvent::Changed => changed(state),
            FormEvent::SubmitRequested => host.send(FrameToHost::SubmitRequested),
        },
    );
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("root"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        leptos::mount::mount_to(root, move || view! { <CardForm state=state /> }).forget();
    }
    if config.steps {
        STEPS.with(|s| {
            if let Some(start) = s.borrow().as_ref() {
                let words = lang.frame();
                let card = JsValue::from_str(&config.card);
                let _ = start.call3(
                    &JsValue::NULL,
                    &words.next.into(),
                    &words.back.into(),
                    &card,
                );
            }
        });
    }
    let started = Extras::start(config);
    *extras.borrow_mut() = started.clone();
    report_height(channel);
    (state, started)
}

/// What the host was last told: brand, completeness, shown errors, installments.
type Summary = (
    Option<checkout_protocol::Brand>,
    bool,
    Vec<(Field, FieldError)>,
    u8,
);

/// Reports changes once per task, in a microtask: a keystroke, a paste or an autofill that
/// fires several `input` events costs one summary (and at most one `Changed`), after the
/// handlers have run, not one per event. The card's IIN goes to the Latin American fields
/// (installment plans) at the same time.
fn change_reporter(channel: HostChannel, extras: Rc<RefCell<Extras>>) -> impl Fn(FormState) {
    let pending: Rc<std::cell::Cell<Option<FormState>>> = Rc::default();
    let queued = pending.clone();
    let last = RefCell::new(None);
    let report = Closure::<dyn FnMut()>::new(move || {
        if let Some(state) = queued.take() {
            let [number, ..] = state.snapshot();
            let digits: String = number.chars().filter(char::is_ascii_digit).collect();
            let extras = extras.borrow().state(lookup_iin(&digits));
            report_change(state, extras, &channel, &last);
        }
    });
    move |state| {
        if pending.replace(Some(state)).is_none() {
            if let Some(window) = web_sys::window() {
                window.queue_microtask(report.as_ref().unchecked_ref());
            }
        }
    }
}

/// Sends `Changed` when the brand, completeness, shown errors or installments differ from what
/// the host was last told; `extras` is the Latin American fields' completeness and
/// installments ([`Extras::state`]).
pub fn report_change(
    state: FormState,
    extras: (bool, u8),
    channel: &HostChannel,
    last: &RefCell<Option<Summary>>,
) {
    let (brand, complete, errors) = state.summary();
    let now = (brand, complete && extras.0, errors, extras.1);
    if last.borrow().as_ref() != Some(&now) {
        let (brand, complete, errors, installments) = now.clone();
        channel.send(FrameToHost::Changed {
            brand,
            complete,
            errors,
            installments,
        });
        *last.borrow_mut() = Some(now);
    }
}

/// Sends `Resized` with the body's height whenever it changes, so the host sizes the iframe
/// and there is never an inner scrollbar.
pub fn report_height(channel: HostChannel) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let last = std::cell::Cell::new(0u32);
    let measured = body.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        if height != last.get() {
            last.set(height);
            channel.send(FrameToHost::Resized { height });
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // The observer lives as long as the frame document.
        std::mem::forget(observer);
    }
    on_resize.forget();
}

/// Validates, then creates the token; tells the host either way. A submit while one is under
/// way is ignored, so a double click creates one token.
pub fn submit(state: FormState, channel: HostChannel, config: Rc<Configure>, extras: Extras) {
    if state.busy() {
        return;
    }
    state.form_error.set(String::new());
    if !state.check_all() {
        // The Latin American fields show their errors too (the card's field has the focus).
        extras.show_errors();
        channel.send(FrameToHost::Failed {
            code: FailureCode::ValidationFailed,
            retryable: true,
            message: Notice::default(),
        });
        return;
    }
    let [number, expiry, cvc, holder] = state.snapshot();
    let Ok(exp) = checkout_card::parse_expiry(&expiry, today()) else {
        return;
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let brand = brand_of(&digits);
    let iin_len = if digits.len() >= 16 { 8 } else { 6 };
    let info = brand.zip(digits.get(..iin_len).and_then(Iin::new)).zip(
        digits
            .get(digits.len().saturating_sub(4)..)
            .and_then(LastFour::new),
    );
    let Some(((brand, iin), lfd)) = info else {
        return;
    };
    let card = Card {
        number: digits,
        expiration_month: exp.month,
        expiration_year: exp.year,
        security_code: cvc,
        holder_name: Some(checkout_card::trim(&holder).to_owned()).filter(|h| !h.is_empty()),
    };
    let save = state.save_chosen();
    let mut info = CardInfo {
        brand,
        iin,
        lfd,
        expiration_month: exp.month,
        expiration_year: exp.year,
        save,
        installments: 1,
        // (At most 19 and 4: the card engine refuses more.) A number shorter than 16 digits
        // shows 6 and 4 of them already (its IIN, its last four): its length would leave few
        // to guess, so it is not told (0).
        number_length: if card.number.len() >= 16 {
            card.number.len() as u8
        } else {
            0
        },
        security_code_length: card.security_code.len() as u8,
    };
    state.set_busy(true);
    extras.set_busy(true);
    let s = state.lang.frame();
    leptos::task::spawn_local(async move {
        // The Latin American fields first: they may still be loading, or refuse.
        let tokenized = match extras.submit().await {
            Ok(chosen) => {
                info.installments = latam::installments(&chosen);
                state.notice.set(s.processing.to_owned());
                tokenize(&config, &card, save, &chosen, &new_uuid()).await
            }
            Err(code) => Err(Failure {
                code,
                retryable: true,
                field: None,
            }),
        };
        match tokenized {
            Ok(token) => channel.send(FrameToHost::Tokenized { token, card: info }),
            Err(failure) => {
                let message = match (&failure.field, failure.code) {
                    (Some((field, code)), _) => api_field_message(*field, code, brand, state.lang),
                    // The fields say it (they took the focus).
                    (None, FailureCode::ValidationFailed) => "",
                    (None, FailureCode::NetworkError) => s.network_error,
                    (None, FailureCode::SessionExpired) => s.session_expired,
                    (None, FailureCode::TooManyAttempts) => s.too_many_attempts,
                    _ => s.api_error,
                };
                state.show_error(failure.field.as_ref().map(|(f, _)| *f), message);
                channel.send(FrameToHost::Failed {
                    code: failure.code,
                    retryable: failure.retryable,
                    // The frame's tables pass the check; were one not to, onError says nothing.
                    message: Notice::new(message).unwrap_or_default(),
                });
            }
        }
        state.set_busy(false);
        extras.set_busy(false);
    });
}

/// The words for an API error about a field.
fn api_field_message(
    field: Field,
    code: &str,
    brand: checkout_card::Brand,
    lang: Lang,
) -> &'static str {
    let s = lang.frame();
    match (field, code) {
        (Field::Number, "UNSUPPORTED_CARD_BRAND") => s.number_unsupported,
        (Field::Number, "UNSUPPORTED_CARD_TYPE") => s.number_debit_only,
        (Field::Number, _) => s.number_invalid,
        (Field::Expiry, _) => s.expiry_expired,
        (Field::Cvc, _) if brand.rules().cvc_len == 4 => s.cvc_incomplete_4,
        (Field::Cvc, _) => s.cvc_incomplete_3,
        (Field::HolderName, _) => s.holder_invalid,
    }
}
