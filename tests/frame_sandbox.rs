//! The secure frame against the real sandbox, across origins: the test page is the host
//! origin, the sandbox the payment origin. `npm test` starts the sandbox and sets
//! `CW_TEST_API` and `CW_TEST_MERCHANT` when it compiles these tests.
#![cfg(target_arch = "wasm32")]
// Test code, not shipped: the wasm size rules (lints/wasm-size) are not for it.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

mod browser;

use std::cell::RefCell;
use std::rc::Rc;

use browser::*;
use checkout_protocol::{Configure, FailureCode, FieldMode, FrameToHost, HostToFrame, Theme};
use checkout_widget::frame::connect;
use checkout_widget::host::SecureFrame;
use checkout_widget::wire::Channel;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::MessageChannel;

wasm_bindgen_test_configure!(run_in_browser);

fn config(session: &str, key: &str) -> Configure {
    Configure {
        language: "en".into(),
        checkout_session: session.into(),
        public_api_key: key.into(),
        api_url: api().into(),
        holder_name: FieldMode::Optional,
        country: String::new(),
        document: FieldMode::Hidden,
        save_card: false,
        steps: false,
        credit_only: false,
        theme: Theme::Light,
        variables: vec![],
        card: String::new(),
    }
}

/// The tokens the frame reported, with their card facts, in order.
fn tokens(seen: &RefCell<Vec<FrameToHost>>) -> Vec<(String, checkout_protocol::CardInfo)> {
    seen.borrow()
        .iter()
        .filter_map(|m| match m {
            FrameToHost::Tokenized { token, card } => Some((token.clone(), card.clone())),
            _ => None,
        })
        .collect()
}

/// What the frame says of a submit its form refused (the fields say why).
fn refused() -> FrameToHost {
    FrameToHost::Failed {
        code: FailureCode::ValidationFailed,
        retryable: true,
        message: Default::default(),
    }
}

#[wasm_bindgen_test]
async fn cross_origin_frame_handshakes_configures_and_sizes_itself() {
    let (session, key) = new_session("frame@example.com").await;
    let parent = container(None);
    let (seen, sink) = collector::<FrameToHost>();
    let frame = SecureFrame::mount(
        &parent,
        api(),
        "Secure card payment form",
        None,
        config(&session, &key),
        sink,
    )
    .unwrap();
    assert_eq!(frame.iframe().title(), "Secure card payment form");
    assert!(
        until(10_000, || seen.borrow().contains(&FrameToHost::Ready)).await,
        "the frame answered: {:?}",
        seen.borrow()
    );
    assert!(
        until(5_000, || seen
            .borrow()
            .iter()
            .any(|m| matches!(m, FrameToHost::Resized { .. })))
        .await
    );
    let height = seen
        .borrow()
        .iter()
        .rev()
        .find_map(|m| match m {
            FrameToHost::Resized { height } => Some(*height),
            _ => None,
        })
        .unwrap();
    assert!(height > 100, "the form has a height: {height}");
    let style = frame.iframe().style().get_property_value("height").unwrap();
    assert_eq!(style, format!("{height}px"), "the host sized the iframe");

    // Submitting the empty form: the frame refuses and says why, without any card data.
    assert!(frame.send(HostToFrame::Submit));
    let failed = refused();
    assert!(
        until(5_000, || seen.borrow().contains(&failed)).await,
        "{:?}",
        seen.borrow()
    );
    drop(frame);
    assert!(
        parent.query_selector("iframe").unwrap().is_none(),
        "dropping the handle removes the iframe"
    );
}

#[wasm_bindgen_test]
async fn a_frame_told_to_expect_another_origin_never_talks_to_this_page() {
    let (session, key) = new_session("frame@example.com").await;
    let parent = container(None);
    let (seen, sink) = collector::<FrameToHost>();
    let frame =
        SecureFrame::mount(&parent, api(), "t", None, config(&session, &key), sink).unwrap();
    // Point the frame at a different expected host origin: its hello goes there, not here.
    let src = format!(
        "{}/sdk/frame.html#origin={}",
        api(),
        js_sys::encode_uri_component("http://evil.example")
    );
    frame.iframe().set_src(&src);
    sleep(1500).await;
    assert!(seen.borrow().is_empty(), "{:?}", seen.borrow());
}

#[wasm_bindgen_test]
async fn frame_creates_one_token_per_submit_that_pays() {
    let (session, key) = new_session("frame@example.com").await;
    let root = container(Some("root"));
    let pair = MessageChannel::new().unwrap();
    let _frame = connect(pair.port1(), api().into());
    let seen: Rc<RefCell<Vec<FrameToHost>>> = Rc::default();
    let sink = seen.clone();
    let host = Channel::<HostToFrame>::open(pair.port2(), move |m: FrameToHost| {
        sink.borrow_mut().push(m)
    });
    host.send(HostToFrame::Configure(config(&session, &key)));
    assert!(until(3000, || seen.borrow().contains(&FrameToHost::Ready)).await);

    type_text(&input(&root, "cw-number"), "4111111111111111");
    type_text(&input(&root, "cw-expiry"), "1230");
    type_text(&input(&root, "cw-cvc"), "123");
    // A double click: two submits, one token.
    host.send(HostToFrame::Submit);
    host.send(HostToFrame::Submit);
    assert!(
        until(10_000, || !tokens(&seen).is_empty()).await,
        "{:?}",
        seen.borrow()
    );
    sleep(300).await;
    let made = tokens(&seen);
    assert_eq!(made.len(), 1, "{:?}", seen.borrow());
    let (token, card) = &made[0];
    assert_eq!(
        (
            card.iin.as_str(),
            card.lfd.as_str(),
            card.expiration_month,
            card.expiration_year
        ),
        ("41111111", "1111", 12, 2030)
    );

    // The merchant server pays with it.
    let body = format!("{{\"checkout_session\":\"{session}\",\"token\":\"{token}\"}}");
    let (status, payment) =
        fetch_json("POST", &format!("{}/api/payments", merchant()), Some(&body)).await;
    assert_eq!(
        (status, get_str(&payment, "status").as_str()),
        (200, "SUCCEEDED")
    );
    drop(host);
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_session_is_a_translated_form_error() {
    let (session, key) = new_session("frame@example.com").await;
    let _ = session;
    let root = container(Some("root"));
    let pair = MessageChannel::new().unwrap();
    let _frame = connect(pair.port1(), api().into());
    let (seen, sink) = collector::<FrameToHost>();
    let host = Channel::<HostToFrame>::open(pair.port2(), sink);
    let mut cfg = config(&session, &key);
    cfg.checkout_session = "00000000-0000-4000-8000-000000000000".into();
    host.send(HostToFrame::Configure(cfg));
    assert!(until(3000, || seen.borrow().contains(&FrameToHost::Ready)).await);
    type_text(&input(&root, "cw-number"), "5555555555554444");
    type_text(&input(&root, "cw-expiry"), "1230");
    type_text(&input(&root, "cw-cvc"), "123");
    host.send(HostToFrame::Submit);
    let failed = FrameToHost::Failed {
        code: FailureCode::SessionExpired,
        retryable: false,
        // What the form shows is what the host passes to `onError`.
        message: checkout_protocol::Notice::new(
            "This checkout has expired. Reload the page to start again.",
        )
        .unwrap(),
    };
    assert!(
        until(10_000, || seen.borrow().contains(&failed)).await,
        "{:?}",
        seen.borrow()
    );
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, ".cw-form-error"),
        "This checkout has expired. Reload the page to start again."
    );
    drop(host);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_session_closed_by_declines_says_to_wait_and_onerror_gets_the_same_words() {
    let (session, key) = new_session("frame@example.com").await;
    let root = container(Some("root"));
    let pair = MessageChannel::new().unwrap();
    let _frame = connect(pair.port1(), api().into());
    let (seen, sink) = collector::<FrameToHost>();
    let host = Channel::<HostToFrame>::open(pair.port2(), sink);
    host.send(HostToFrame::Configure(config(&session, &key)));
    assert!(until(3000, || seen.borrow().contains(&FrameToHost::Ready)).await);
    type_text(&input(&root, "cw-number"), "4000000000000002");
    type_text(&input(&root, "cw-expiry"), "1230");
    type_text(&input(&root, "cw-cvc"), "123");
    let token_count = |seen: &Rc<RefCell<Vec<FrameToHost>>>| {
        seen.borrow()
            .iter()
            .filter(|m| matches!(m, FrameToHost::Tokenized { .. }))
            .count()
    };
    // Five declined payments: the sandbox's card-testing limit.
    for n in 1..=5 {
        host.send(HostToFrame::Submit);
        assert!(until(10_000, || token_count(&seen) == n).await, "token {n}");
        let token = seen
            .borrow()
            .iter()
            .rev()
            .find_map(|m| match m {
                FrameToHost::Tokenized { token, .. } => Some(token.clone()),
                _ => None,
            })
            .unwrap();
        let body = format!("{{\"checkout_session\":\"{session}\",\"token\":\"{token}\"}}");
        let (_, payment) =
            fetch_json("POST", &format!("{}/api/payments", merchant()), Some(&body)).await;
        assert_eq!(get_str(&payment, "status"), "DECLINED");
    }
    host.send(HostToFrame::Submit);
    let words = "Too many attempts. Wait a few minutes, then try again.";
    let failed = FrameToHost::Failed {
        code: FailureCode::TooManyAttempts,
        retryable: false,
        message: checkout_protocol::Notice::new(words).unwrap(),
    };
    assert!(
        until(10_000, || seen.borrow().contains(&failed)).await,
        "{:?}",
        seen.borrow()
    );
    leptos::task::tick().await;
    assert_eq!(text_of(&root, ".cw-form-error"), words);
    drop(host);
    root.remove();
}

#[wasm_bindgen(module = "/frame/latam-handle.js")]
extern "C" {
    /// The frame loader's handle on the fields (`frame.js` passes it the URL of
    /// `frame-latam.mjs` beside it).
    #[wasm_bindgen(js_name = latamHandle)]
    fn latam_handle(url: &str) -> js_sys::Function;
}

/// The frame's loader hook, as `frame.js` builds it, fetching the real module from the
/// sandbox's SDK folder (this page is not the payment origin).
fn latam_loader() -> js_sys::Function {
    latam_handle(&format!("{}/sdk/frame-latam.mjs", api()))
}

/// The `<select>` with `id` in `root`.
fn select(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlSelectElement {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_brazilian_form_asks_for_the_cpf_and_offers_installments_that_the_token_carries() {
    checkout_widget::frame::latam::set_loader(Some(latam_loader()));
    let (session, key) = new_session("latam@example.com").await;
    let root = container(Some("root"));
    let pair = MessageChannel::new().unwrap();
    let _frame = connect(pair.port1(), api().into());
    let (seen, sink) = collector::<FrameToHost>();
    let host = Channel::<HostToFrame>::open(pair.port2(), sink);
    host.send(HostToFrame::Configure(Configure {
        country: "BR".into(),
        document: FieldMode::Required,
        ..config(&session, &key)
    }));
    assert!(until(3000, || seen.borrow().contains(&FrameToHost::Ready)).await);
    assert!(
        until(10_000, || root
            .query_selector("#cw-document")
            .unwrap()
            .is_some())
        .await,
        "the document field came"
    );
    assert_eq!(select(&root, "cw-document-type").value(), "CPF");
    assert_eq!(text_of(&root, "label[for=cw-document]"), "Document number");

    // A card, and a CPF with a wrong check digit: not complete; the error shows on blur.
    type_text(&input(&root, "cw-number"), "4111111111111111");
    type_text(&input(&root, "cw-expiry"), "1230");
    type_text(&input(&root, "cw-cvc"), "123");
    let document = input(&root, "cw-document");
    type_text(&document, "52998224724");
    assert_eq!(document.value(), "529.982.247-24");
    assert_eq!(text_of(&root, "#cw-document-error"), "");
    blur(&document);
    assert_eq!(
        text_of(&root, "#cw-document-error"),
        "Your document number is invalid. Check it for typos."
    );
    assert_eq!(
        document.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let complete = |seen: &RefCell<Vec<FrameToHost>>| {
        seen.borrow().iter().rev().find_map(|m| match m {
            FrameToHost::Changed {
                complete,
                installments,
                ..
            } => Some((*complete, *installments)),
            _ => None,
        })
    };
    assert!(until(2000, || complete(&seen) == Some((false, 1))).await);
    // Submitted as it is: refused in the frame, the field focused, no token. (A form wrong in
    // both the card and the document shows both errors at once: see below.)
    host.send(HostToFrame::Submit);
    assert!(
        until(3000, || seen.borrow().contains(&refused())).await,
        "{:?}",
        seen.borrow()
    );
    assert_eq!(active_id(), "cw-document");

    // Wrong in both: the card's error and the document's show on the same submit, the card's
    // field focused.
    // (The focus leaves the document first, and its error is cleared by a right CPF, so that
    // only the submit can show the next one.)
    let cvc = input(&root, "cw-cvc");
    cvc.focus().unwrap();
    document.set_value("");
    type_text(&document, "52998224725");
    assert_eq!(text_of(&root, "#cw-document-error"), "");
    document.set_value("");
    type_text(&document, "529");
    assert_eq!(text_of(&root, "#cw-document-error"), "");
    cvc.set_value("");
    type_text(&cvc, "1");
    host.send(HostToFrame::Submit);
    assert!(
        until(3000, || !text_of(&root, "#cw-cvc-error").is_empty()).await,
        "the card's error shows"
    );
    assert_eq!(
        text_of(&root, "#cw-document-error"),
        "Your document number is incomplete."
    );
    assert_eq!(active_id(), "cw-cvc");
    cvc.set_value("");
    type_text(&cvc, "123");

    // The right CPF: complete; the error goes as it is fixed.
    document.set_value("");
    type_text(&document, "52998224725");
    assert_eq!(text_of(&root, "#cw-document-error"), "");
    assert!(until(2000, || complete(&seen) == Some((true, 1))).await);

    // The IIN's plans: a single payment first, 3 interest-free in reais.
    let plans = select(&root, "cw-installments");
    assert!(
        until(5000, || plans.length() > 1).await,
        "the installment plans came"
    );
    assert_eq!(plans.value(), "1");
    let three = plans.query_selector("option[value='3']").unwrap().unwrap();
    // (How Intl writes reais in English varies by engine: R$49.97, R$ 49.97.)
    let words = three.text_content().unwrap();
    assert!(
        words.starts_with("3x R$") && words.ends_with("49.97 interest-free"),
        "{words:?}"
    );
    // As the browser does when the shopper picks an option: the value, then `input`.
    plans.set_value("3");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    plans
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    assert!(until(2000, || complete(&seen) == Some((true, 3))).await);

    host.send(HostToFrame::Submit);
    assert!(
        until(10_000, || !tokens(&seen).is_empty()).await,
        "{:?}",
        seen.borrow()
    );
    let (token, card) = tokens(&seen).remove(0);
    assert_eq!(card.installments, 3);

    // The payment the merchant's server creates with the token shows both.
    let body = format!("{{\"checkout_session\":\"{session}\",\"token\":\"{token}\"}}");
    let (status, payment) =
        fetch_json("POST", &format!("{}/api/payments", merchant()), Some(&body)).await;
    assert_eq!(status, 200, "{payment:?}");
    let detail = checkout_widget::js_object::get(&payment, "payment_method");
    let detail = checkout_widget::js_object::get(&detail, "payment_method_detail");
    let card = checkout_widget::js_object::get(&detail, "card");
    assert_eq!(
        checkout_widget::js_object::get_f64(&card, "installments"),
        Some(3.0)
    );
    let payer = checkout_widget::js_object::get(&payment, "customer_payer");
    let payer_document = checkout_widget::js_object::get(&payer, "document");
    assert_eq!(get_str(&payer_document, "document_number"), "52998224725");
    checkout_widget::frame::latam::set_loader(None);
    drop(host);
    root.remove();
}
