//! The secure frame in the browser (`wasm-pack test`, Chromium, Firefox and WebKit): typing and
//! caret, errors and their ARIA wiring, the message codec, the handshake's origin check, and the
//! height report.
#![cfg(target_arch = "wasm32")]
// Test code, not shipped: the wasm size rules (lints/wasm-size) are not for it.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

mod browser;

use browser::*;
use checkout_protocol::{
    encode, Configure, Field, FieldError, FieldMode, FrameToHost, HandshakeStep, HostToFrame,
    Theme, VERSION,
};
use checkout_widget::frame::{connect, handshake::accept_connect, CardForm, FormEvent, FormState};
use checkout_widget::i18n::Lang;
use checkout_widget::wire::{handshake, Channel};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{MessageChannel, MessageEvent, MessageEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_form(
    lang: Lang,
    mode: FieldMode,
) -> (
    web_sys::HtmlElement,
    FormState,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    mount_form_telling(lang, mode, |_, _| {})
}

/// The form, with a listener of its own.
fn mount_form_telling(
    lang: Lang,
    mode: FieldMode,
    listener: impl Fn(FormState, FormEvent) + 'static,
) -> (
    web_sys::HtmlElement,
    FormState,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let root = container(None);
    if !lang.frame_installed() {
        lang.install_frame(lang.tables().0.to_pack()).unwrap();
    }
    let state = FormState::new(lang, mode, false, listener);
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <CardForm state=state /> });
    (root, state, handle)
}

#[wasm_bindgen_test]
async fn number_is_formatted_as_typed_with_a_stable_caret() {
    let (root, _state, _h) = mount_form(Lang::En, FieldMode::Required);
    let number = input(&root, "cw-number");
    assert_eq!(
        number.get_attribute("autocomplete").as_deref(),
        Some("cc-number")
    );
    assert_eq!(
        number.get_attribute("inputmode").as_deref(),
        Some("numeric")
    );

    edit(&number, "4111-1111 1111 1111", 19, "insertFromPaste");
    leptos::task::tick().await;
    assert_eq!(number.value(), "4111 1111 1111 1111");
    assert_eq!(number.selection_start().unwrap(), Some(19));
    assert_eq!(
        root.query_selector("form")
            .unwrap()
            .unwrap()
            .get_attribute("data-brand")
            .as_deref(),
        Some("VISA")
    );

    edit(&number, "41111", 5, "insertText");
    assert_eq!(
        (number.value().as_str(), number.selection_start().unwrap()),
        ("4111 1", Some(6))
    );
    edit(&number, "4111 1111 1", 11, "insertText");
    // Backspace at "4111 1111 |1": the browser removes only the gap; the digit before it goes.
    edit(&number, "4111 11111", 9, "deleteContentBackward");
    assert_eq!(
        (number.value().as_str(), number.selection_start().unwrap()),
        ("4111 1111", Some(8))
    );
    // Digits past the brand's maximum are refused.
    edit(&number, "37828224631000599", 17, "insertFromPaste");
    leptos::task::tick().await;
    assert_eq!(number.value(), "3782 822463 10005");
    assert_eq!(
        root.query_selector("form")
            .unwrap()
            .unwrap()
            .get_attribute("data-brand")
            .as_deref(),
        Some("AMEX")
    );
}

#[wasm_bindgen_test]
async fn expiry_cvc_and_focus_moving_on() {
    let (root, _state, _h) = mount_form(Lang::En, FieldMode::Required);
    let number = input(&root, "cw-number");
    let expiry = input(&root, "cw-expiry");
    let cvc = input(&root, "cw-cvc");
    number.focus().unwrap();
    type_text(&number, "4111111111111111");
    assert_eq!(
        active_id(),
        "cw-expiry",
        "a complete number moves the focus on"
    );
    type_text(&expiry, "1");
    assert_eq!(expiry.value(), "1");
    type_text(&expiry, "2");
    assert_eq!(expiry.value(), "12 / ");
    type_text(&expiry, "30");
    assert_eq!(expiry.value(), "12 / 30");
    assert_eq!(active_id(), "cw-cvc");
    type_text(&cvc, "12a34");
    assert_eq!(cvc.value(), "123", "digits only, the brand's length");
    assert_eq!(active_id(), "cw-holder");
    // Autofill sets a whole value at once.
    edit(&expiry, "3/2031", 6, "insertReplacementText");
    assert_eq!(expiry.value(), "03 / 31");
}

#[wasm_bindgen_test]
async fn the_owner_hears_of_changes_and_enter_and_busy_fields_are_read_only() {
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = events.clone();
    let (root, state, _h) = mount_form_telling(Lang::En, FieldMode::Required, move |_, e| {
        seen.borrow_mut().push(e)
    });
    let number = input(&root, "cw-number");
    type_text(&number, "4111");
    assert_eq!(events.borrow().last(), Some(&FormEvent::Changed));
    assert!(!events.borrow().contains(&FormEvent::SubmitRequested));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let enter =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    number.dispatch_event(&enter).unwrap();
    assert_eq!(events.borrow().last(), Some(&FormEvent::SubmitRequested));
    assert!(
        enter.default_prevented(),
        "Enter does not submit the frame's own form"
    );

    state.set_busy(true);
    assert!(number.read_only() && input(&root, "cw-holder").read_only());
    state.set_busy(false);
    assert!(!number.read_only());
    state.clear();
    assert_eq!(number.value(), "");
    assert_eq!(state.summary(), (None, false, vec![]));

    // Unmounting removes the form's listener: the detached input tells no one.
    drop(_h);
    let heard = events.borrow().len();
    type_text(&number, "4");
    assert_eq!(events.borrow().len(), heard);
}

#[wasm_bindgen_test]
async fn errors_show_on_blur_and_on_submit_with_aria_wiring() {
    let (root, state, _h) = mount_form(Lang::En, FieldMode::Required);
    let number = input(&root, "cw-number");
    type_text(&number, "41111111");
    assert_eq!(
        number.get_attribute("aria-invalid").as_deref(),
        Some("false"),
        "no error while typing"
    );
    blur(&number);
    leptos::task::tick().await;
    assert_eq!(
        number.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        number.get_attribute("aria-describedby").as_deref(),
        Some("cw-number-error")
    );
    assert_eq!(
        text_of(&root, "#cw-number-error"),
        "Your card number is incomplete."
    );
    assert_eq!(
        text_of(&root, "[aria-live=polite]"),
        "Your card number is incomplete."
    );
    assert_eq!(
        root.query_selector_all("[aria-live]").unwrap().length(),
        1,
        "one live region"
    );

    // Submit shows every error and focuses the first.
    assert!(!state.check_all());
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "#cw-expiry-error"), "Enter the expiry date.");
    assert_eq!(text_of(&root, "#cw-cvc-error"), "Enter the security code.");
    assert_eq!(
        text_of(&root, "#cw-holder-error"),
        "Enter the name on the card."
    );
    assert_eq!(active_id(), "cw-number");

    // Fixing a field clears its error as soon as it is right.
    type_text(&number, "11111111");
    leptos::task::tick().await;
    assert_eq!(
        number.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    // Still described by its error line, which now says nothing.
    assert_eq!(
        number.get_attribute("aria-describedby").as_deref(),
        Some("cw-number-error")
    );
    assert_eq!(text_of(&root, "#cw-number-error"), "");
    // Every input has a label.
    for id in ["cw-number", "cw-expiry", "cw-cvc", "cw-holder"] {
        assert!(
            root.query_selector(&format!("label[for={id}]"))
                .unwrap()
                .is_some(),
            "{id} has a label"
        );
    }
}

#[wasm_bindgen_test]
async fn labels_and_errors_follow_the_language_and_holder_mode() {
    let (root, state, _h) = mount_form(Lang::Pt, FieldMode::Hidden);
    assert_eq!(text_of(&root, "label[for=cw-number]"), "Número do cartão");
    assert!(
        root.query_selector("#cw-holder").unwrap().is_none(),
        "hidden holder name"
    );
    assert!(!state.check_all());
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "#cw-number-error"),
        "Informe o número do cartão."
    );
    drop(_h);
    let (root, _state, _h) = mount_form(Lang::Es, FieldMode::Optional);
    assert_eq!(
        text_of(&root, "label[for=cw-holder]"),
        "Nombre en la tarjeta (opcional)"
    );
}

#[wasm_bindgen_test]
async fn saving_the_card_is_offered_unticked_and_left_to_the_shopper() {
    // The frame's own stylesheet, as its page links it: whether the checkbox shows is its doing.
    let doc = web_sys::window().unwrap().document().unwrap();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../frame/frame.css")));
    doc.body().unwrap().append_child(&style).unwrap();
    let root = container(None);
    let state = FormState::new(Lang::En, FieldMode::Required, true, |_, _| {});
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <CardForm state=state /> });
    let save = input(&root, "cw-save");
    assert_eq!(save.type_(), "checkbox");
    assert_eq!(
        text_of(&root, "label.cw-save"),
        "Save this card for future payments"
    );
    assert!(
        !save.checked() && !state.save_chosen(),
        "never ticked for the shopper"
    );
    save.click();
    assert!(state.save_chosen());
    let shown = |root: &web_sys::HtmlElement| {
        let label: web_sys::HtmlElement = root
            .query_selector("label.cw-save")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        label.offset_parent().is_some()
    };
    assert!(shown(&root), "offered: the shopper sees it");
    drop(handle);
    // Not offered: no checkbox shown, and nothing saved even were it ticked.
    let (root, state, _h) = mount_form(Lang::En, FieldMode::Required);
    assert!(!shown(&root), "not offered: not shown");
    style.remove();
    input(&root, "cw-save").click();
    assert!(!state.save_chosen());
}

/// Bytes as the wire carries them.
fn bytes(b: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(b).into()
}

fn envelope<M: checkout_protocol::Wire>(seq: u32, msg: M) -> JsValue {
    bytes(&encode(seq, &msg))
}

#[wasm_bindgen_test]
async fn channel_delivers_in_order_and_drops_the_rest() {
    let pair = MessageChannel::new().unwrap();
    let (seen, sink) = collector::<HostToFrame>();
    let _frame_side = Channel::<FrameToHost>::open(pair.port1(), sink);
    let raw = pair.port2();
    raw.post_message(&envelope(0, HostToFrame::Submit)).unwrap();
    let mut other_version = encode(1, &HostToFrame::Clear);
    other_version[0] = (VERSION + 1) as u8;
    raw.post_message(&bytes(&other_version)).unwrap();
    raw.post_message(&envelope(5, HostToFrame::Clear)).unwrap();
    raw.post_message(&JsValue::from_str(
        "{\"v\":1,\"seq\":1,\"msg\":{\"type\":\"clear\"}}",
    ))
    .unwrap();
    // The right message as a plain object: not the wire format, dropped.
    raw.post_message(&js_sys::JSON::parse(r#"{"v":2,"seq":1,"msg":"clear"}"#).unwrap())
        .unwrap();
    // Trailing bytes after a valid message.
    let mut longer = encode(1, &HostToFrame::Clear);
    longer.push(0);
    raw.post_message(&bytes(&longer)).unwrap();
    raw.post_message(&envelope(1, HostToFrame::Focus { field: Field::Cvc }))
        .unwrap();
    assert!(until(2000, || seen.borrow().len() == 2).await);
    sleep(50).await;
    assert_eq!(
        *seen.borrow(),
        vec![
            HostToFrame::Submit,
            HostToFrame::Focus { field: Field::Cvc }
        ]
    );

    // And the other way: what one side sends, the other decodes.
    let (got, sink) = collector::<FrameToHost>();
    let host_side = Channel::<HostToFrame>::open(pair.port2(), sink);
    let frame_side = Channel::<FrameToHost>::open(pair.port1(), |_: HostToFrame| {});
    frame_side.send(FrameToHost::Resized { height: 321 });
    frame_side.send(FrameToHost::Ready);
    assert!(until(2000, || got.borrow().len() == 2).await);
    assert_eq!(
        *got.borrow(),
        vec![FrameToHost::Resized { height: 321 }, FrameToHost::Ready]
    );
    drop(host_side);
}

#[wasm_bindgen_test]
fn handshake_accepts_a_port_only_from_the_pinned_origin_and_the_parent() {
    let window = web_sys::window().unwrap();
    let parent = JsValue::from(&window);
    let connect_from = |origin: &str, source: &web_sys::Window, step: HandshakeStep| {
        let pair = MessageChannel::new().unwrap();
        let init = MessageEventInit::new();
        init.set_data(&handshake(step));
        init.set_origin(origin);
        init.set_source(Some(source));
        init.set_ports(&js_sys::Array::of1(&pair.port2()));
        MessageEvent::new_with_event_init_dict("message", &init).unwrap()
    };
    let pinned = "https://shop.example";
    assert!(accept_connect(
        &connect_from(pinned, &window, HandshakeStep::Connect),
        pinned,
        &parent
    )
    .is_some());
    assert!(accept_connect(
        &connect_from("https://evil.example", &window, HandshakeStep::Connect),
        pinned,
        &parent
    )
    .is_none());
    assert!(accept_connect(
        &connect_from("https://shop.example:444", &window, HandshakeStep::Connect),
        pinned,
        &parent
    )
    .is_none());
    assert!(accept_connect(
        &connect_from(pinned, &window, HandshakeStep::Hello),
        pinned,
        &parent
    )
    .is_none());
    let other = JsValue::from_str("not the parent");
    assert!(accept_connect(
        &connect_from(pinned, &window, HandshakeStep::Connect),
        pinned,
        &other
    )
    .is_none());
}

fn configure(language: &str) -> Configure {
    Configure {
        language: language.into(),
        checkout_session: "s".into(),
        public_api_key: "pk".into(),
        api_url: "http://127.0.0.1:9".into(),
        holder_name: FieldMode::Required,
        country: String::new(),
        document: FieldMode::Hidden,
        save_card: false,
        steps: false,
        credit_only: false,
        theme: Theme::Dark,
        variables: vec![
            ("--cw-color-accent".into(), "rgb(1, 2, 3)".into()),
            ("color".into(), "red".into()),
        ],
        card: String::new(),
    }
}

/// What the frame sent, in order.
type Seen = std::rc::Rc<std::cell::RefCell<Vec<FrameToHost>>>;

/// A frame app in this page (rendering into `#root`), connected to a host channel whose
/// messages from the frame are collected.
fn connected_frame() -> (
    web_sys::HtmlElement,
    checkout_widget::frame::HostChannel,
    Seen,
    std::rc::Rc<Channel<HostToFrame>>,
) {
    let root = container(Some("root"));
    let pair = MessageChannel::new().unwrap();
    let frame = connect(pair.port1(), "http://127.0.0.1:9".into());
    let (got, sink) = collector::<FrameToHost>();
    let host = Channel::<HostToFrame>::open(pair.port2(), sink);
    (root, frame, got, host)
}

#[wasm_bindgen_test]
async fn frame_renders_on_configure_then_reports_height_changes_and_validation() {
    let (root, _frame, got, host) = connected_frame();
    // Nothing is rendered before Configure.
    sleep(50).await;
    assert!(root.query_selector("form").unwrap().is_none());
    // The host sends the code of the language it picked; the loader installed its pack.
    Lang::Es
        .install_frame(Lang::Es.tables().0.to_pack())
        .unwrap();
    host.send(HostToFrame::Configure(configure("es")));
    assert!(
        until(3000, || got
            .borrow()
            .iter()
            .any(|m| matches!(m, FrameToHost::Resized { .. })))
        .await
    );
    assert_eq!(got.borrow()[0], FrameToHost::Ready);
    assert_eq!(text_of(&root, "label[for=cw-number]"), "Número de tarjeta");
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(html.get_attribute("lang").as_deref(), Some("es"));
    assert_eq!(html.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "Formulario seguro de tarjeta"
    );
    let style = html.unchecked_ref::<web_sys::HtmlElement>().style();
    assert_eq!(
        style
            .get_property_value("--cw-color-accent")
            .unwrap()
            .trim(),
        "rgb(1, 2, 3)"
    );
    assert_eq!(
        style.get_property_value("color").unwrap(),
        "",
        "only --cw-* variables are taken"
    );
    let first_height = got
        .borrow()
        .iter()
        .rev()
        .find_map(|m| match m {
            FrameToHost::Resized { height } => Some(*height),
            _ => None,
        })
        .unwrap();
    assert!(first_height > 0);

    // Submit on an empty form: errors appear (the frame grows) and the host is told.
    host.send(HostToFrame::Submit);
    let failed = FrameToHost::Failed {
        code: checkout_protocol::FailureCode::ValidationFailed,
        retryable: true,
        message: Default::default(),
    };
    assert!(until(3000, || got.borrow().contains(&failed)).await);
    assert!(
        until(3000, || got.borrow().iter().any(
            |m| matches!(m, FrameToHost::Resized { height } if *height > first_height)
        ))
        .await,
        "{:?}",
        got.borrow()
    );
    assert!(got.borrow().iter().any(|m| matches!(m, FrameToHost::Changed { complete: false, errors, .. } if errors.contains(&(Field::Number, FieldError::Required)))));
    drop(host);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_language_without_its_frame_pack_shows_english_and_tells_the_host() {
    let (root, _frame, got, host) = connected_frame();
    // Vietnamese's frame pack is never installed in these tests.
    host.send(HostToFrame::Configure(configure("vi")));
    assert!(until(3000, || got.borrow().len() >= 2).await);
    assert_eq!(
        got.borrow()[..2],
        [FrameToHost::Ready, FrameToHost::LanguageUnavailable]
    );
    assert_eq!(text_of(&root, "label[for=cw-number]"), "Card number");
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_frame_configured_with_an_api_on_another_origin_shows_no_form() {
    let root = container(Some("root"));
    let pair = MessageChannel::new().unwrap();
    // Served from the payment origin https://pay.example; the host names another API.
    let _frame = connect(pair.port1(), "https://pay.example".into());
    let (got, sink) = collector::<FrameToHost>();
    let host = Channel::<HostToFrame>::open(pair.port2(), sink);
    let mut config = configure("en");
    config.api_url = "https://pay.example.evil.test".into();
    host.send(HostToFrame::Configure(config));
    assert!(
        until(3000, || got.borrow().iter().any(|m| matches!(
            m,
            FrameToHost::Failed {
                code: checkout_protocol::FailureCode::ApiError,
                retryable: false,
                ..
            }
        )))
        .await,
        "{:?}",
        got.borrow()
    );
    assert!(root.query_selector("form").unwrap().is_none());
    assert!(!got.borrow().contains(&FrameToHost::Ready));
    // Its own origin, however written (case, default port, a path), is taken.
    let pair = MessageChannel::new().unwrap();
    let _frame = connect(pair.port1(), "https://pay.example".into());
    let (got, sink) = collector::<FrameToHost>();
    let host = Channel::<HostToFrame>::open(pair.port2(), sink);
    let mut config = configure("en");
    config.api_url = "HTTPS://Pay.Example:443/api".into();
    host.send(HostToFrame::Configure(config));
    assert!(until(3000, || got.borrow().contains(&FrameToHost::Ready)).await);
    root.remove();
}

/// Next, in a form shown one field at a time (`frame-steps.mjs`), asks the form with a
/// cancelable `cw-check` event whether the field is right: cancelled, with the reason shown and
/// said, while it is not (empty included); let through once it is.
#[wasm_bindgen_test]
async fn next_one_field_at_a_time_checks_the_field_first() {
    let (root, state, _h) = mount_form(Lang::En, FieldMode::Required);
    let number = input(&root, "cw-number");
    let check = |el: &web_sys::HtmlInputElement| {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        let ev = web_sys::Event::new_with_event_init_dict("cw-check", &init).unwrap();
        el.dispatch_event(&ev).unwrap()
    };
    assert!(!check(&number), "an empty number is not let through");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "#cw-number-error"),
        "Enter your card number."
    );
    assert_eq!(state.notice.get_untracked(), "Enter your card number.");
    type_text(&number, "4111111111111112");
    assert!(
        !check(&number),
        "a number failing its check digit is not let through"
    );
    number.set_value("");
    type_text(&number, "4111111111111111");
    assert!(check(&number), "a right number is let through");
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "#cw-number-error"), "");
}
