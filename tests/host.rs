//! The checkout component and `mount()` in the browser, against the sandbox `npm test` starts
//! (`CW_TEST_API`, `CW_TEST_MERCHANT`): option validation, methods and their order, text-only
//! server strings, selection, load errors and retry, alternative-method tokens, unmount.
#![cfg(target_arch = "wasm32")]
// Test code, not shipped: the wasm size rules (lints/wasm-size) are not for it.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

mod browser;

use std::cell::RefCell;
use std::rc::Rc;

use browser::*;
use checkout_widget::host::api::Method;
use checkout_widget::host::checkout::Checkout;
use checkout_widget::host::js_api::{mount, try_mount, CheckoutHandle};
use checkout_widget::host::view;
use checkout_widget::host::{language, options};
use checkout_widget::i18n::Lang;
use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn set(o: &JsValue, k: &str, v: &JsValue) {
    Reflect::set(o, &k.into(), v).unwrap();
}

/// A JS callback that records its first argument.
fn recorder() -> (Rc<RefCell<Vec<JsValue>>>, Function) {
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let sink = seen.clone();
    let f = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |a: JsValue, b: JsValue| {
        sink.borrow_mut().push(a);
        if !b.is_undefined() {
            sink.borrow_mut().push(b);
        }
    });
    let func: Function = f.as_ref().clone().into();
    f.forget();
    (seen, func)
}

fn options(session: &str, key: &str, on_token: &Function) -> JsValue {
    let o: JsValue = Object::new().into();
    set(&o, "publicApiKey", &key.into());
    set(&o, "checkoutSession", &session.into());
    set(&o, "countryCode", &"BR".into());
    set(&o, "language", &"en".into());
    set(&o, "apiUrl", &api().into());
    set(&o, "onToken", on_token);
    o
}

/// The browser API's JSON at `url` with the public `key`: a POST of `body`, else a GET.
async fn browser_api(url: &str, key: &str, body: Option<&str>) -> JsValue {
    let init = web_sys::RequestInit::new();
    let headers = web_sys::Headers::new().unwrap();
    headers.set("public-api-key", key).unwrap();
    if let Some(body) = body {
        init.set_method("POST");
        headers.set("content-type", "application/json").unwrap();
        init.set_body(&body.into());
    }
    init.set_headers(&headers);
    let resp: web_sys::Response = JsFuture::from(
        web_sys::window()
            .unwrap()
            .fetch_with_str_and_init(url, &init),
    )
    .await
    .unwrap()
    .into();
    JsFuture::from(resp.json().unwrap()).await.unwrap()
}

/// Whether `root` shows `n` method rows within 10 s.
async fn rows_shown(root: &web_sys::HtmlElement, n: u32) -> bool {
    until(10_000, || {
        root.query_selector_all(".cw-method").unwrap().length() == n
    })
    .await
}

async fn mount_ok(target: &JsValue, opts: &JsValue) -> CheckoutHandle {
    // As the loader does: the language option's pick.
    let lang = Lang::pick_first([get_str(opts, "language").as_str()]);
    try_mount(target, opts, api(), lang, None, None).expect("mount succeeds")
}

async fn rejection(target: JsValue, opts: JsValue) -> String {
    let err = JsFuture::from(mount(
        target,
        opts,
        api().into(),
        0,
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ))
    .await
    .expect_err("mount rejects");
    assert!(err.is_instance_of::<js_sys::TypeError>(), "a TypeError");
    Reflect::get(&err, &"message".into())
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn bad_options_reject_with_a_type_error_naming_the_option() {
    let root = container(Some("host-options"));
    let (_, on_token) = recorder();
    let target = JsValue::from_str("#host-options");
    let base = || options("s", "pk", &on_token);

    let o = base();
    Reflect::delete_property(o.unchecked_ref::<Object>(), &"checkoutSession".into()).unwrap();
    assert!(rejection(target.clone(), o)
        .await
        .contains("option `checkoutSession` r"));
    let o = base();
    set(&o, "onToken", &"not a function".into());
    assert!(rejection(target.clone(), o)
        .await
        .contains("option `onToken` f"));
    let o = base();
    set(&o, "countryCode", &"XX".into());
    assert!(rejection(target.clone(), o).await.contains("`countryCode`"));
    let o = base();
    set(&o, "apiUrl", &"not a url".into());
    assert!(rejection(target.clone(), o).await.contains("`apiUrl`"));
    let o = base();
    let appearance: JsValue = Object::new().into();
    set(&appearance, "theme", &"purple".into());
    set(&o, "appearance", &appearance);
    assert!(rejection(target.clone(), o)
        .await
        .contains("`appearance.theme`"));
    let o = base();
    let card: JsValue = Object::new().into();
    set(&card, "document", &"always".into());
    set(&o, "card", &card);
    assert!(rejection(target.clone(), o)
        .await
        .contains("option `card.document` m, got \"always\""));
    let o = base();
    set(&o, "issuerForm", &"yes".into());
    assert!(rejection(target.clone(), o)
        .await
        .contains("option `issuerForm` b"));
    let o = base();
    set(&o, "payButtonText", &"  ".into());
    assert!(rejection(target.clone(), o)
        .await
        .contains("option `payButtonText` e"));
    assert!(rejection("#nowhere".into(), base())
        .await
        .contains("`target` n, got \"#nowhere\""));
    assert!(rejection(target.clone(), JsValue::from(3))
        .await
        .contains("`options` O"));
    assert_eq!(root.child_element_count(), 0, "nothing was rendered");
    root.remove();
}

#[wasm_bindgen_test]
async fn methods_render_saved_cards_first_and_the_card_frame_becomes_ready() {
    // A returning shopper: pay once with "save card", then a new session lists the card.
    let shopper = format!("host-{}@example.com", js_sys::Math::random());
    let (first, key) = new_session(&shopper).await;
    let token_body = "{\"payment_method\":{\"type\":\"CARD\",\"card\":{\"number\":\"5555555555554444\",\"expiration_month\":12,\"expiration_year\":2030,\"security_code\":\"123\"}},\"save\":true}";
    let url = format!("{}/v1/checkout/sessions/{first}/token", api());
    let tok = browser_api(&url, &key, Some(token_body)).await;
    let pay = format!(
        "{{\"checkout_session\":\"{first}\",\"token\":\"{}\",\"vault_on_success\":true}}",
        get_str(&tok, "token")
    );
    let (_, payment) =
        fetch_json("POST", &format!("{}/api/payments", merchant()), Some(&pay)).await;
    assert_eq!(get_str(&payment, "status"), "SUCCEEDED");

    let (session, key) = new_session(&shopper).await;
    let root = container(None);
    let (_, on_token) = recorder();
    let (ready, on_ready) = recorder();
    let opts = options(&session, &key, &on_token);
    set(&opts, "onReady", &on_ready);
    let handle = mount_ok(&root.clone().into(), &opts).await;
    assert!(rows_shown(&root, 4).await);
    let names: Vec<String> = (0..4)
        .map(|i| {
            root.query_selector_all(".cw-method-name")
                .unwrap()
                .get(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["MASTERCARD •••• 4444", "Card", "PIX", "NuPay"]);
    // The amount is loaded alongside the methods; it labels the button when it arrives.
    assert!(
        until(3000, || text_of(&root, ".cw-pay").starts_with("Pay R$")).await,
        "amount on the button: {}",
        text_of(&root, ".cw-pay")
    );
    // The saved card is selected first: no card form.
    assert!(root.query_selector("iframe").unwrap().is_none());
    assert!(
        until(3000, || ready.borrow().len() == 1).await,
        "onReady once the methods show"
    );
    // Choosing "Card" mounts the secure frame, titled, on the payment origin.
    let card_radio: web_sys::HtmlInputElement = root
        .query_selector_all("input[type=radio]")
        .unwrap()
        .get(1)
        .unwrap()
        .unchecked_into();
    card_radio.click();
    assert!(
        until(5000, || root
            .query_selector("iframe.cw-frame")
            .unwrap()
            .is_some())
        .await
    );
    let iframe: web_sys::HtmlIFrameElement = root
        .query_selector("iframe")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(iframe.title(), "Secure card payment form");
    assert!(iframe
        .src()
        .starts_with(&format!("{}/sdk/frame.html#origin=", api())));
    // The frame sizes itself once its form is up. (Unmounting while its wasm still compiles
    // hung WebKitGTK's page for good here.)
    assert!(
        until(10_000, || iframe
            .get_attribute("style")
            .is_some_and(|s| s.contains("height")))
        .await,
        "the frame reports its height"
    );
    handle.unmount();
    assert_eq!(root.child_element_count(), 0);

    // `paymentMethods` naming the saved card (Yuno's Lite with a `vaultedToken`): that row only.
    let url = format!("{}/v1/checkout/sessions/{session}/payment-methods", api());
    let list = browser_api(&url, &key, None).await;
    let saved = js_sys::Array::from(&list)
        .iter()
        .map(|m| get_str(&m, "vaulted_token"))
        .find(|v| !v.is_empty())
        .expect("the saved card is listed");
    let only = js_sys::Array::of1(&saved.as_str().into());
    set(&opts, "paymentMethods", &only);
    let handle = mount_ok(&root.clone().into(), &opts).await;
    assert!(rows_shown(&root, 1).await, "the saved card's row only");
    assert_eq!(text_of(&root, ".cw-method-name"), "MASTERCARD •••• 4444");
    handle.unmount();
    root.remove();
}

#[wasm_bindgen_test]
fn the_payer_document_is_asked_for_only_when_the_merchant_says_so() {
    let (_, on_token) = recorder();
    let read = |card: Option<&str>| {
        let o = options("s", "pk", &on_token);
        if let Some(mode) = card {
            let c: JsValue = Object::new().into();
            set(&c, "document", &mode.into());
            set(&o, "card", &c);
        }
        let (opts, _) = options::read(&o, api(), Lang::En).unwrap();
        (opts.document, opts.holder_name)
    };
    use checkout_protocol::FieldMode::{Hidden, Optional, Required};
    assert_eq!(read(None), (Hidden, Required));
    assert_eq!(read(Some("optional")), (Optional, Required));
    assert_eq!(read(Some("required")), (Required, Required));
    assert_eq!(read(Some("hidden")), (Hidden, Required));
}

/// `card.steps`: the card form one field at a time, only when asked for, by `true` or by the
/// buttons' labels (an object, which reaches the frame in the `card` option's JSON); anything
/// else is refused by name.
#[wasm_bindgen_test]
fn the_card_form_is_shown_one_field_at_a_time_only_when_asked() {
    let (_, on_token) = recorder();
    let read = |steps: Option<JsValue>| {
        let o = options("s", "pk", &on_token);
        if let Some(steps) = steps {
            let c: JsValue = Object::new().into();
            set(&c, "steps", &steps);
            set(&o, "card", &c);
        }
        options::read(&o, api(), Lang::En).map(|(opts, _)| (opts.steps, opts.card))
    };
    assert_eq!(read(None), Ok((false, String::new())));
    assert_eq!(
        read(Some(true.into())),
        Ok((true, r#"{"steps":true}"#.into()))
    );
    assert_eq!(
        read(Some(false.into())),
        Ok((false, r#"{"steps":false}"#.into()))
    );
    let labels = js_sys::JSON::parse(r#"{"cvc":{"next":"Pay"}}"#).unwrap();
    assert_eq!(
        read(Some(labels)),
        Ok((true, r#"{"steps":{"cvc":{"next":"Pay"}}}"#.into()))
    );
    assert_eq!(
        read(Some("step".into())),
        Err("option `card.steps` b".to_owned())
    );
}

#[wasm_bindgen_test]
async fn server_strings_are_text_never_html() {
    let root = container(None);
    let (_, on_token) = recorder();
    let (opts, callbacks) = options::read(&options("s", "pk", &on_token), api(), Lang::En).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let c = Checkout::new(opts, callbacks);
        c.show_methods(
            vec![Method {
                name: "<img src=x onerror=alert(1)>PIX".into(),
                kind: "PIX".into(),
                icon: Some("javascript:alert(1)".into()),
                description: Some("<b>bold</b>".into()),
                preferred: true,
                vaulted_token: None,
                last_successfully_used: None,
                card_data: None,
            }],
            0,
        );
        view::view(c)
    });
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, ".cw-method-name"),
        "<img src=x onerror=alert(1)>PIX"
    );
    assert_eq!(text_of(&root, ".cw-method-detail"), "<b>bold</b>");
    assert!(
        root.query_selector("img[src=x], b").unwrap().is_none(),
        "no markup from the server"
    );
    assert!(
        root.query_selector("img.cw-icon[src]").unwrap().is_none(),
        "a non-https icon is not used"
    );
    let icon = root.query_selector("img.cw-icon").unwrap().unwrap();
    let shown = web_sys::window()
        .unwrap()
        .get_computed_style(&icon)
        .unwrap()
        .unwrap()
        .get_property_value("display")
        .unwrap();
    assert_eq!(shown, "none", "an icon without a source takes no room");
    drop(handle);
    root.remove();
}

/// The secure frame the loader started early is the one the card slot gets: the wasm
/// hands the loader's taker the slot and the frame's URL and uses the iframe it gets back
/// (here one the taker makes, marked), titled, instead of making another. A checkout whose
/// methods have no card calls it once with nothing, to drop the frame.
#[wasm_bindgen_test]
async fn the_frame_the_loader_started_is_the_one_the_card_slot_gets() {
    let calls = js_sys::Array::new();
    let taker = || -> Function {
        Function::new_with_args(
            "calls",
            "return (slot, url) => {
               calls.push([slot?.className ?? null, url ?? null]);
               if (!slot) return;
               const f = Object.assign(document.createElement('iframe'), { src: url });
               f.dataset.early = '';
               return slot.appendChild(f);
             }",
        )
        .call1(&JsValue::NULL, &calls)
        .unwrap()
        .unchecked_into()
    };
    let (session, key) = new_session("early-frame@example.com").await;
    let (ready, on_ready) = recorder();
    let opts = options(&session, &key, &recorder().1);
    set(&opts, "onReady", &on_ready);
    // Mounted as the JS entry does, with a taker.
    let mount = |opts: &JsValue| {
        let root = container(None);
        let taken = Some(taker());
        let handle = try_mount(&root.clone().into(), opts, api(), Lang::En, None, taken).unwrap();
        (root, handle)
    };
    let (root, handle) = mount(&opts);
    assert!(
        until(10_000, || ready.borrow().len() == 1).await,
        "ready with the frame taken"
    );
    let frames = root.query_selector_all("iframe").unwrap();
    assert_eq!(frames.length(), 1);
    let frame: web_sys::Element = frames.get(0).unwrap().unchecked_into();
    assert!(
        frame.has_attribute("data-early"),
        "the taker's frame is the one shown"
    );
    assert_eq!(
        frame.get_attribute("title").as_deref(),
        Some("Secure card payment form")
    );
    assert_eq!(frame.parent_element().unwrap().class_name(), "cw-card-slot");
    let origin =
        js_sys::encode_uri_component(&web_sys::window().unwrap().location().origin().unwrap());
    let url = [
        api(),
        "/sdk/frame.html#origin=",
        &String::from(origin),
        "&lang=en",
    ]
    .concat();
    let call = |i: u32| js_sys::Array::from(&calls.get(i));
    assert_eq!(calls.length(), 1);
    assert_eq!(call(0).get(0).as_string().as_deref(), Some("cw-card-slot"));
    assert_eq!(call(0).get(1).as_string(), Some(url));
    handle.unmount();
    root.remove();

    // Only PIX: the taker is told to drop its frame, once, and the wasm makes none.
    set(&opts, "paymentMethods", &js_sys::Array::of1(&"PIX".into()));
    let (root, handle) = mount(&opts);
    assert!(rows_shown(&root, 1).await);
    assert_eq!(calls.length(), 2);
    assert!(
        call(1).get(0).is_null() && call(1).get(1).is_null(),
        "dropped"
    );
    assert!(root.query_selector("iframe").unwrap().is_none());
    handle.unmount();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_methods_asked_for_alongside_the_wasm_are_used_and_a_failed_ask_is_made_again() {
    let (session, key) = new_session("early@example.com").await;
    let opts = options(&session, &key, &recorder().1);
    let lang = Lang::En;
    // What the loader hands over: its `fetch` promise.
    let early = |script: &str| -> Promise {
        Function::new_no_args(script)
            .call0(&JsValue::NULL)
            .unwrap()
            .unchecked_into()
    };
    // Its answer is what shows: the API's own list names PIX "PIX".
    let root = container(None);
    let answer = early(
        r#"return Promise.resolve(new Response('[{"type": "PIX", "name": "PIX (asked early)"}]'))"#,
    );
    let handle = try_mount(&root.clone().into(), &opts, api(), lang, Some(answer), None).unwrap();
    assert!(
        until(5000, || text_of(&root, ".cw-method-name")
            == "PIX (asked early)")
        .await
    );
    handle.unmount();
    root.remove();
    // It failed, or met a 5xx: the wasm asks the API itself.
    for failed in [
        "return Promise.reject(new TypeError('Failed to fetch'))",
        "return Promise.resolve(new Response('{}', { status: 503 }))",
    ] {
        let root = container(None);
        let handle = try_mount(
            &root.clone().into(),
            &opts,
            api(),
            lang,
            Some(early(failed)),
            None,
        )
        .unwrap();
        assert!(rows_shown(&root, 3).await, "{failed}");
        handle.unmount();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn only_the_method_types_the_merchant_lists_are_shown() {
    let (session, key) = new_session("only@example.com").await;
    let (errors, on_error) = recorder();
    let opts = options(&session, &key, &recorder().1);
    set(&opts, "onError", &on_error);
    set(&opts, "paymentMethods", &js_sys::Array::of1(&"PIX".into()));
    let root = container(None);
    let handle = mount_ok(&root.clone().into(), &opts).await;
    assert!(until(10_000, || text_of(&root, ".cw-method-name") == "PIX").await);
    assert_eq!(root.query_selector_all(".cw-method").unwrap().length(), 1);
    handle.unmount();
    root.remove();
    // None of the session's: the merchant hears why.
    set(&opts, "paymentMethods", &js_sys::Array::of1(&"NOPE".into()));
    let root = container(None);
    let handle = mount_ok(&root.clone().into(), &opts).await;
    assert!(
        until(10_000, || errors
            .borrow()
            .iter()
            .any(|e| get_str(e, "code") == "NO_PAYMENT_METHODS"))
        .await
    );
    handle.unmount();
    root.remove();
    // Not a list: refused by name.
    set(&opts, "paymentMethods", &"PIX".into());
    assert!(rejection(container(None).into(), opts)
        .await
        .contains("`paymentMethods`"));
}

#[wasm_bindgen_test]
async fn selecting_an_alternative_method_creates_its_token_without_a_form() {
    let (session, key) = new_session("apm@example.com").await;
    let root = container(None);
    let (tokens, on_token) = recorder();
    let (selected, on_selected) = recorder();
    let opts = options(&session, &key, &on_token);
    set(&opts, "onPaymentMethodSelected", &on_selected);
    let handle = mount_ok(&root.clone().into(), &opts).await;
    assert!(rows_shown(&root, 3).await);
    let pix: web_sys::HtmlInputElement = root
        .query_selector("[data-type=PIX] input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    pix.click();
    // Its type and its name as the API gives it.
    assert!(
        until(2000, || selected
            .borrow()
            .iter()
            .any(
                |s| get_str(s, "type") == "PIX" && get_str(s, "name") == "PIX"
            ))
        .await
    );
    JsFuture::from(handle.submit()).await.unwrap();
    assert_eq!(tokens.borrow().len(), 2, "onToken(token, info)");
    let token = tokens.borrow()[0].as_string().unwrap();
    assert_eq!(get_str(&tokens.borrow()[1], "type"), "PIX");
    let pay = format!("{{\"checkout_session\":\"{session}\",\"token\":\"{token}\"}}");
    let (_, payment) =
        fetch_json("POST", &format!("{}/api/payments", merchant()), Some(&pay)).await;
    assert_eq!(get_str(&payment, "status"), "PENDING");
    handle.unmount();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_failed_load_shows_a_translated_error_with_retry_and_calls_on_error() {
    let root = container(None);
    let (_, on_token) = recorder();
    let (errors, on_error) = recorder();
    let opts = options("s", "pk", &on_token);
    set(&opts, "apiUrl", &"http://127.0.0.1:9".into());
    set(&opts, "language", &"es".into());
    set(&opts, "onError", &on_error);
    language::load(api(), Lang::Es)
        .await
        .expect("the sandbox serves the es pack");
    let handle = mount_ok(&root.clone().into(), &opts).await;
    assert!(shown(&root, ".cw-skeleton"), "a skeleton while loading");
    assert!(!shown(&root, ".cw-load-error"));
    assert!(until(15_000, || !errors.borrow().is_empty()).await);
    assert_eq!(get_str(&errors.borrow()[0], "code"), "NETWORK_ERROR");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "[role=alert]"),
        "No pudimos cargar los medios de pago."
    );
    assert!(shown(&root, ".cw-load-error") && !shown(&root, ".cw-skeleton"));
    let retry: web_sys::HtmlElement = root
        .query_selector(".cw-retry")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Reintentar");
    retry.click();
    leptos::task::tick().await;
    assert!(shown(&root, ".cw-skeleton"), "retry loads again");
    assert!(!shown(&root, ".cw-load-error"));
    handle.unmount();
    assert_eq!(root.child_element_count(), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_component_is_usable_from_a_rust_leptos_app() {
    use checkout_widget::host::component::{options as widget_options, CheckoutWidget};
    let (session, key) = new_session("rust-app@example.com").await;
    let root = container(None);
    let ready = RwSignal::new(false);
    let opts = widget_options(&key, &session, "BR", api());
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <CheckoutWidget options=opts.clone() on_token=move |_: (String, JsValue)| {} on_ready=move |_| ready.set(true) /> }
    });
    assert!(until(10_000, || ready.get_untracked()).await, "on_ready");
    assert_eq!(root.query_selector_all(".cw-method").unwrap().length(), 3);
    assert!(root.query_selector("iframe.cw-frame").unwrap().is_some());
    drop(handle);
    assert!(
        root.query_selector("iframe").unwrap().is_none(),
        "unmounting removes the frame"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn unmount_while_loading_leaves_nothing_behind() {
    // Count the window listeners and timers the widget adds, around mount and unmount.
    let window = web_sys::window().unwrap();
    js_sys::eval(
        r#"if (!window.__counts) {
          window.__counts = { message: 0 };
          const add = window.addEventListener, remove = window.removeEventListener;
          window.addEventListener = function (t, f, o) { if (t === "message") window.__counts.message++; return add.call(this, t, f, o); };
          window.removeEventListener = function (t, f, o) { if (t === "message") window.__counts.message--; return remove.call(this, t, f, o); };
        }"#,
    )
    .unwrap();
    let listeners = || {
        Reflect::get(
            &Reflect::get(&window, &"__counts".into()).unwrap(),
            &"message".into(),
        )
        .unwrap()
        .as_f64()
        .unwrap()
    };
    let before = listeners();
    let (session, key) = new_session("unmount@example.com").await;
    let root = container(None);
    let (_, on_token) = recorder();
    let handle = mount_ok(&root.clone().into(), &options(&session, &key, &on_token)).await;
    assert!(
        until(10_000, || root
            .query_selector("iframe.cw-frame")
            .unwrap()
            .is_some())
        .await
    );
    assert!(
        listeners() > before,
        "the frame handshake listens on the window"
    );
    handle.unmount();
    assert_eq!(root.child_element_count(), 0, "no node left");
    assert!(web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .query_selector("iframe.cw-frame")
        .unwrap()
        .is_none());
    assert_eq!(listeners(), before, "no window listener left");

    // Unmounted in the middle of loading (an API that never answers in time): the late
    // answer must not touch the disposed component.
    let root = container(None);
    let opts = options("s", "pk", &on_token);
    set(&opts, "apiUrl", &"http://127.0.0.1:9".into());
    let handle = mount_ok(&root.clone().into(), &opts).await;
    handle.unmount();
    sleep(2500).await;
    assert_eq!(root.child_element_count(), 0);
    root.remove();
}

/// The API's method list is read strictly: a field of the wrong type refuses the method (and
/// the list loads as `INVALID_RESPONSE`), while absent or `null` optional fields are fine.
#[wasm_bindgen_test]
fn methods_with_a_field_of_the_wrong_type_are_refused() {
    let read = |json: &str| Method::read(&js_sys::JSON::parse(json).unwrap());
    let saved = read(
        r#"{"name": "Visa", "type": "CARD", "vaulted_token": "vt", "icon": null,
            "card_data": {"brand": "VISA", "lfd": "4242", "expiration_month": 12,
                          "expiration_year": 2030}}"#,
    )
    .expect("a well-formed saved card");
    let card = saved.card_data.expect("its card data");
    assert_eq!(
        (
            card.expiration_month,
            card.expiration_year,
            saved.icon,
            saved.preferred
        ),
        (Some(12), Some(2030), None, false)
    );
    for bad in [
        r#"{"type": "CARD"}"#,
        r#"{"name": "Card", "type": 1}"#,
        r#"{"name": "Card", "type": "CARD", "icon": 5}"#,
        r#"{"name": "Card", "type": "CARD", "preferred": "yes"}"#,
        r#"{"name": "Card", "type": "CARD", "card_data": "4242"}"#,
        r#"{"name": "Card", "type": "CARD", "card_data": {"expiration_month": 300}}"#,
        r#"{"name": "Card", "type": "CARD", "card_data": {"expiration_year": 20.5}}"#,
        r#"{"name": "Card", "type": "CARD", "card_data": {"lfd": 4242}}"#,
    ] {
        assert_eq!(read(bad), None, "{bad}");
    }
}

#[wasm_bindgen(module = "/sdk/language.js")]
extern "C" {
    /// How the loader names a language to `mount`: its index in `Lang::ALL`.
    #[wasm_bindgen(js_name = languageIndex)]
    fn js_language_index(code: &str) -> i32;
    /// The loader's pick, which chooses the pack it fetches alongside the wasm.
    #[wasm_bindgen(js_name = pickLanguage)]
    fn js_pick_language(tags: js_sys::Array) -> String;
}

#[wasm_bindgen_test]
fn the_loader_picks_the_language_the_wasm_picks() {
    let mut tags: Vec<Vec<&str>> = vec![
        vec!["pt-BR"],
        vec!["zh-Hant-HK"],
        vec!["zh-Hans-HK"],
        vec!["ZH_tw"],
        vec!["zh"],
        vec!["tl-PH"],
        vec!["iw"],
        vec!["in-ID"],
        vec!["xx", "ja", "de-AT", "fr"],
        vec!["", "-", "e"],
        vec![],
        vec!["filipino", "en-GB"],
    ];
    for lang in Lang::ALL {
        tags.push(vec![lang.code()]);
    }
    for (i, lang) in Lang::ALL.iter().enumerate() {
        assert_eq!(
            js_language_index(lang.code()),
            i as i32,
            "{lang:?} has its index"
        );
    }
    for list in tags {
        let array = js_sys::Array::new();
        for t in &list {
            array.push(&JsValue::from_str(t));
        }
        // What a page may pass as `language`: not a string is skipped by both.
        array.push(&JsValue::from_f64(7.0));
        let rust = Lang::pick_first(list.iter().copied());
        assert_eq!(js_pick_language(array), rust.code(), "{list:?}");
    }
}

/// Mounts a checkout on a fresh session in `language` and waits for the pay button's amount.
async fn mount_in(language: &str, on_error: &Function) -> (web_sys::HtmlElement, CheckoutHandle) {
    let root = container(None);
    let (_, on_token) = recorder();
    let (session, key) = new_session(&format!("{language}@example.com")).await;
    let opts = options(&session, &key, &on_token);
    set(&opts, "language", &language.into());
    set(&opts, "onError", on_error);
    let handle = mount_ok(&root.clone().into(), &opts).await;
    assert!(until(5000, || shown(&root, ".cw-methods label")).await);
    (root, handle)
}

#[wasm_bindgen_test]
async fn a_language_shows_its_words_direction_and_amount() {
    let (errors, on_error) = recorder();
    // (language, direction, the amount's digits as that locale writes BRL 149.90)
    // (Two here; the e2e `every-language` scenario mounts all 20 in the three engines.)
    for (lang, dir, digits) in [(Lang::Ar, "rtl", ""), (Lang::De, "ltr", "149,90")] {
        // The pay button: the word, then the amount as `Intl` writes it in that language.
        let format = js_sys::Intl::NumberFormat::new(
            &js_sys::Array::of1(&lang.code().into()),
            &js_sys::JSON::parse(r#"{"style":"currency","currency":"BRL"}"#)
                .unwrap()
                .into(),
        );
        let amount = format
            .format()
            .call1(&JsValue::NULL, &149.9.into())
            .unwrap();
        language::load(api(), lang)
            .await
            .expect("the sandbox serves the pack");
        assert_ne!(lang.host().pay, "Pay");
        let pay = [lang.host().pay, " ", &amount.as_string().unwrap()].concat();
        assert!(pay.contains(digits));
        let (root, handle) = mount_in(lang.code(), &on_error).await;
        let checkout = root.query_selector(".cw-checkout").unwrap().unwrap();
        assert_eq!(checkout.get_attribute("lang").as_deref(), Some(lang.code()));
        assert_eq!(checkout.get_attribute("dir").as_deref(), Some(dir));
        assert!(
            until(5000, || text_of(&root, ".cw-pay") == pay).await,
            "{lang:?}: {:?}, expected {pay:?}",
            text_of(&root, ".cw-pay")
        );
        let label = root.query_selector(".cw-methods").unwrap().unwrap();
        assert_eq!(
            label.get_attribute("aria-label").as_deref(),
            Some(lang.host().methods_label)
        );
        handle.unmount();
        root.remove();
    }
    assert!(
        errors.borrow().is_empty(),
        "no error: every pack was at hand"
    );
}

#[wasm_bindgen_test]
async fn the_merchants_pay_button_text_is_the_label_without_the_amount() {
    let (_, on_token) = recorder();
    let mut mounted = Vec::new();
    for text in [Some("Complete order"), None] {
        let (session, key) = new_session("label@example.com").await;
        let root = container(None);
        let opts = options(&session, &key, &on_token);
        if let Some(text) = text {
            set(&opts, "payButtonText", &text.into());
        }
        mounted.push((root.clone(), mount_ok(&root.into(), &opts).await));
    }
    // The checkout without it gets the amount: by then the other has read its own.
    let (with_text, without) = (&mounted[0].0, &mounted[1].0);
    assert!(
        until(5000, || text_of(without, ".cw-pay").starts_with("Pay R$")).await,
        "{}",
        text_of(without, ".cw-pay")
    );
    assert_eq!(text_of(with_text, ".cw-pay"), "Complete order");
    for (root, handle) in mounted {
        handle.unmount();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_language_whose_pack_is_missing_falls_back_to_english_and_says_why() {
    let (errors, on_error) = recorder();
    // Swedish's pack is never loaded in these tests.
    let (root, handle) = mount_in("sv-SE", &on_error).await;
    let checkout = root.query_selector(".cw-checkout").unwrap().unwrap();
    assert_eq!(checkout.get_attribute("lang").as_deref(), Some("en"));
    assert!(until(5000, || text_of(&root, ".cw-pay").starts_with("Pay R$")).await);
    assert!(until(2000, || !errors.borrow().is_empty()).await);
    assert_eq!(
        get_str(&errors.borrow()[0], "code"),
        "LANGUAGE_PACK_UNAVAILABLE"
    );
    assert_eq!(get_str(&errors.borrow()[0], "message"), "sv");
    handle.unmount();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_pack_that_does_not_fit_this_build_is_refused() {
    use checkout_widget::i18n::{HostStrings, PackError};
    // Written for other keys (no fingerprint of this build's), or short of strings.
    assert_eq!(
        Lang::Vi.install_host("Thanh toán\n".into()),
        Err(PackError::OtherKeys)
    );
    let short = [HostStrings::FINGERPRINT, "\nThanh toán\n"].concat();
    assert_eq!(Lang::Vi.install_host(short), Err(PackError::WrongCount(1)));
    assert!(!Lang::Vi.host_installed());
}

/// Idempotency keys (and the radio group's name) are UUID v4s from the browser's CSPRNG: the
/// version and variant bits set, lower-case hex, never the same twice.
#[wasm_bindgen_test]
fn new_uuids_are_random_version_4_uuids() {
    let ids: Vec<String> = (0..64).map(|_| checkout_widget::http::new_uuid()).collect();
    for id in &ids {
        let parts: Vec<&str> = id.split('-').collect();
        let lengths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        assert_eq!(lengths, [8, 4, 4, 4, 12], "{id}");
        assert!(
            id.bytes()
                .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
            "{id}"
        );
        assert!(parts[2].starts_with('4'), "version 4: {id}");
        assert!(
            matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'),
            "variant: {id}"
        );
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

/// `card.creditOnly` reaches a saved card's token request as Yuno's `card.type: "CREDIT"`
/// (the API then charges a combo card as credit and refuses a debit card); without it, the
/// request carries no `card`. A method other than a card carries only its `detail`.
#[wasm_bindgen_test]
fn a_saved_cards_token_asks_for_credit_only_under_credit_only() {
    let method = |kind: &str, vaulted: Option<&str>| Method {
        name: kind.into(),
        kind: kind.into(),
        icon: None,
        description: None,
        preferred: false,
        vaulted_token: vaulted.map(Into::into),
        last_successfully_used: None,
        card_data: None,
    };
    let json = |v: JsValue| String::from(js_sys::JSON::stringify(&v).unwrap());
    let saved = method("CARD", Some("v-1"));
    assert_eq!(
        json(checkout_widget::host::api::payment_method(
            &saved,
            JsValue::UNDEFINED,
            true
        )),
        r#"{"type":"CARD","vaulted_token":"v-1","card":{"type":"CREDIT"}}"#
    );
    assert_eq!(
        json(checkout_widget::host::api::payment_method(
            &saved,
            JsValue::UNDEFINED,
            false
        )),
        r#"{"type":"CARD","vaulted_token":"v-1"}"#
    );
    let pse = method("PSE", None);
    let detail = js_sys::JSON::parse(r#"{"issuer_id":"1007"}"#).unwrap();
    assert_eq!(
        json(checkout_widget::host::api::payment_method(
            &pse, detail, true
        )),
        r#"{"type":"PSE","detail":{"issuer_id":"1007"}}"#
    );
}
