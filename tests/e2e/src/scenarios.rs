//! The scenarios, each run in every engine. Every scenario on the card path also checks that
//! the host page never saw the card (a spy on the page records DOM, messages, console and URL)
//! and that the page had no CSP violation.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use serde_json::Value;
use thirtyfour::prelude::*;

use crate::after_payment;
use crate::latam;
use crate::sandbox::Sandbox;
use crate::yuno;

type Run = for<'a> fn(
    &'a WebDriver,
    &'a Sandbox,
) -> Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send + 'a>>;

pub struct Scenario {
    pub name: &'static str,
    pub run: Run,
}

pub static ALL: &[Scenario] = &[
    Scenario {
        name: CSP_CANARY,
        run: |d, s| Box::pin(csp_canary(d, s)),
    },
    Scenario {
        name: "card-happy-path",
        run: |d, s| Box::pin(card_happy_path(d, s)),
    },
    Scenario {
        name: "decline-then-retry",
        run: |d, s| Box::pin(decline_then_retry(d, s)),
    },
    Scenario {
        name: "3ds-frictionless",
        run: |d, s| Box::pin(after_payment::frictionless(d, s)),
    },
    Scenario {
        name: "3ds-challenge-wrong-then-right",
        run: |d, s| Box::pin(after_payment::challenge(d, s)),
    },
    Scenario {
        name: "3ds-challenge-closed",
        run: |d, s| Box::pin(after_payment::challenge_closed(d, s)),
    },
    Scenario {
        name: "3ds-challenge-times-out",
        run: |d, s| Box::pin(after_payment::challenge_times_out(d, s)),
    },
    Scenario {
        name: "redirect-object-returned",
        run: |d, s| Box::pin(after_payment::redirect_returned(d, s)),
    },
    Scenario {
        name: "pix-paid-while-shown",
        run: |d, s| Box::pin(after_payment::pix(d, s)),
    },
    Scenario {
        name: "oxxo-voucher",
        run: |d, s| Box::pin(after_payment::oxxo(d, s)),
    },
    Scenario {
        name: "pse-redirect-and-return",
        run: |d, s| Box::pin(after_payment::pse(d, s)),
    },
    Scenario {
        name: "bank-list-while-loading",
        run: |d, s| Box::pin(after_payment::bank_list_while_loading(d, s)),
    },
    Scenario {
        name: "npm-esbuild-page",
        run: |d, s| Box::pin(npm_page(d, s, "npm.html")),
    },
    Scenario {
        name: "npm-vite-page",
        run: |d, s| Box::pin(npm_page(d, s, "npm-vite.html")),
    },
    Scenario {
        name: "npm-webpack-page",
        run: |d, s| Box::pin(npm_page(d, s, "npm-webpack.html")),
    },
    Scenario {
        name: "card-styles",
        run: |d, s| Box::pin(card_styles(d, s)),
    },
    Scenario {
        name: "card-step-labels",
        run: |d, s| Box::pin(card_step_labels(d, s)),
    },
    Scenario {
        name: "integration-mistakes",
        run: |d, s| Box::pin(integration_mistakes(d, s)),
    },
    Scenario {
        name: "yuno-v1-page",
        run: |d, s| Box::pin(yuno_page(d, s)),
    },
    Scenario {
        name: "yuno-lite-page",
        run: |d, s| Box::pin(yuno_lite_page(d, s)),
    },
    Scenario {
        name: "yuno-modal-page",
        run: |d, s| Box::pin(yuno_modal_page(d, s)),
    },
    Scenario {
        name: "yuno-modal-mounted-twice",
        run: |d, s| Box::pin(yuno::modal_mounted_twice(d, s)),
    },
    Scenario {
        name: "yuno-enrollment-page",
        run: |d, s| Box::pin(yuno::enrollment_page(d, s)),
    },
    Scenario {
        name: "yuno-options-page",
        run: |d, s| Box::pin(yuno::options_page(d, s)),
    },
    Scenario {
        name: "yuno-step-card-form",
        run: |d, s| Box::pin(yuno::step_card_form(d, s)),
    },
    Scenario {
        name: "yuno-pse-bank-list",
        run: |d, s| Box::pin(yuno::pse_bank_list(d, s)),
    },
    Scenario {
        name: "credit-only-saved-debit-card",
        run: |d, s| Box::pin(credit_only_saved_debit_card(d, s)),
    },
    Scenario {
        name: "yuno-credit-only",
        run: |d, s| Box::pin(yuno::credit_only(d, s)),
    },
    Scenario {
        name: "yuno-unsupported-features",
        run: |d, s| Box::pin(yuno::unsupported_features(d, s)),
    },
    Scenario {
        name: "spanish-and-portuguese",
        run: |d, s| Box::pin(languages(d, s)),
    },
    Scenario {
        name: "every-language",
        run: |d, s| Box::pin(every_language(d, s)),
    },
    Scenario {
        name: "keyboard-only",
        run: |d, s| Box::pin(keyboard_only(d, s)),
    },
    Scenario {
        name: "brazil-cpf-and-installments",
        run: |d, s| Box::pin(latam::brazil(d, s)),
    },
    Scenario {
        name: "mexico-rfc-and-msi",
        run: |d, s| Box::pin(latam::mexico(d, s)),
    },
    Scenario {
        name: "saved-card",
        run: |d, s| Box::pin(saved_card(d, s)),
    },
    Scenario {
        name: "autofill-like-entry",
        run: |d, s| Box::pin(autofill(d, s)),
    },
    Scenario {
        name: "two-widgets-one-page",
        run: |d, s| Box::pin(two_widgets(d, s)),
    },
    Scenario {
        name: "frame-started-at-mount",
        run: |d, s| Box::pin(frame_started_at_mount(d, s)),
    },
    Scenario {
        name: "hostile-third-origin-frame",
        run: |d, s| Box::pin(hostile(d, s)),
    },
    Scenario {
        name: "accessibility-axe",
        run: |d, s| Box::pin(accessibility(d, s)),
    },
];

/// The scenario that breaks the CSP on purpose: it proves violations reach the sandbox, so
/// "no report" after every other scenario means no violation.
pub const CSP_CANARY: &str = "csp-violations-are-reported";

/// A valid card that no page shows, so finding it on the host page means a leak.
pub(crate) const PAN: &str = "4242424242424242";
pub(crate) const CVC: &str = "739";

/// Polls `f` until it yields `Some`, for at most `secs`.
pub(crate) async fn wait_for<T, F, Fut>(secs: u64, what: &str, mut f: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = f().await {
            return Ok(v);
        }
        if Instant::now() > deadline {
            bail!("waited {secs} s for {what}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub(crate) async fn find(d: &WebDriver, css: &str) -> anyhow::Result<WebElement> {
    let css = css.to_owned();
    wait_for(15, &css.clone(), || {
        let css = css.clone();
        async move { d.find(By::Css(&css)).await.ok() }
    })
    .await
}

pub(crate) async fn text_of(d: &WebDriver, css: &str) -> String {
    match d.find(By::Css(css)).await {
        Ok(e) => e.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Waits for `css` to show some text, and gives it.
pub(crate) async fn text_shown(d: &WebDriver, css: &str) -> anyhow::Result<String> {
    wait_for(10, &format!("text in {css}"), || async {
        let t = text_of(d, css).await;
        (!t.is_empty()).then_some(t)
    })
    .await
}

/// The demo in `country` and `language` (and asking for the payer's document if `document`),
/// with the checkout open.
pub(crate) async fn open_demo_where(
    d: &WebDriver,
    s: &Sandbox,
    country: &str,
    language: &str,
    document: bool,
) -> anyhow::Result<()> {
    open(d, &format!("{}/", s.merchant)).await?;
    install_spy(d).await?;
    for (select, value) in [("country", country), ("language", language)] {
        let field = find(d, &format!("select[name={select}]")).await?;
        field.click().await?;
        field
            .find(By::Css(format!("option[value='{value}']")))
            .await?
            .click()
            .await?;
    }
    if document {
        find(d, "input[name=document]").await?.click().await?;
    }
    find(d, "#buy button").await?.click().await?;
    find(d, ".cw-method").await?;
    Ok(())
}

pub(crate) async fn wait_text(d: &WebDriver, css: &str, needle: &str) -> anyhow::Result<String> {
    wait_for(20, &format!("{css} to contain {needle:?}"), || async {
        let t = text_of(d, css).await;
        t.contains(needle).then_some(t)
    })
    .await
}

/// Installs the spy: every message event, console line, CSP violation and DOM mutation the
/// host page sees is recorded.
pub(crate) async fn install_spy(d: &WebDriver) -> anyhow::Result<()> {
    d.execute(
        r#"
        if (window.__spy) return;
        const spy = window.__spy = { messages: [], console: [], csp: [], texts: [] };
        addEventListener("message", (e) => { try { spy.messages.push(JSON.stringify(e.data)); } catch { spy.messages.push(String(e.data)); } }, true);
        document.addEventListener("securitypolicyviolation", (e) => spy.csp.push(e.violatedDirective + " " + e.blockedURI));
        for (const k of ["log", "info", "warn", "error", "debug"]) {
          const orig = console[k].bind(console);
          console[k] = (...a) => { spy.console.push(a.map(String).join(" ")); orig(...a); };
        }
        new MutationObserver(() => spy.texts.push(document.documentElement.outerHTML)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        "#,
        vec![],
    )
    .await?;
    Ok(())
}

/// What the spy saw, plus the page as it is now; fails if the card shows up anywhere, or if
/// the page had a CSP violation.
pub(crate) async fn check_spy(d: &WebDriver) -> anyhow::Result<()> {
    d.enter_default_frame().await?;
    let seen = d
        .execute("return JSON.stringify({spy: window.__spy, html: document.documentElement.outerHTML, url: location.href})", vec![])
        .await?;
    let text = seen.json().as_str().unwrap_or_default().to_owned();
    let data: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if data["spy"].is_null() {
        bail!("the spy was not installed");
    }
    for needle in [PAN, "4242 4242 4242 4242", "42424242"] {
        if text.contains(needle) {
            bail!("the host page saw the card number ({needle})");
        }
    }
    let isolated_cvc = text.match_indices(CVC).any(|(i, _)| {
        let b = text.as_bytes();
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + CVC.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    });
    if isolated_cvc {
        bail!("the host page saw the CVC");
    }
    let csp = data["spy"]["csp"].as_array().map(Vec::len).unwrap_or(0);
    if csp > 0 {
        bail!("CSP violations on the host page: {}", data["spy"]["csp"]);
    }
    // And the quality check of every scenario: axe-core on the page and in each secure frame.
    axe(d, "host page").await?;
    let frames = d.find_all(By::Css("iframe.cw-frame")).await?.len();
    for i in 0..frames {
        d.find_all(By::Css("iframe.cw-frame")).await?[i]
            .clone()
            .enter_frame()
            .await?;
        axe(d, "secure frame").await?;
        d.enter_default_frame().await?;
    }
    Ok(())
}

/// The errors the spy (`e2e-spy.js`) recorded in the current page and each of its frames.
async fn document_errors(d: &WebDriver) -> anyhow::Result<Vec<String>> {
    async fn read(d: &WebDriver, which: &str, out: &mut Vec<String>) {
        let Ok(seen) = d
            .execute("return JSON.stringify(window.__errors || [])", vec![])
            .await
        else {
            return;
        };
        let list: Vec<String> =
            serde_json::from_str(seen.json().as_str().unwrap_or("[]")).unwrap_or_default();
        out.extend(list.into_iter().map(|e| format!("{which}: {e}")));
    }
    let mut errors = Vec::new();
    d.enter_default_frame().await?;
    read(d, "host page", &mut errors).await;
    let frames = d.find_all(By::Css("iframe")).await?.len();
    for i in 0..frames {
        let Some(frame) = d.find_all(By::Css("iframe")).await?.get(i).cloned() else {
            break;
        };
        if frame.enter_frame().await.is_ok() {
            read(d, &format!("frame {i}"), &mut errors).await;
        }
        d.enter_default_frame().await?;
    }
    Ok(errors)
}

/// Fails if any document of the current page (host page, secure frames, other frames) had an
/// uncaught exception, an unhandled rejection or a console.error.
pub async fn no_errors(d: &WebDriver) -> anyhow::Result<()> {
    let errors = document_errors(d).await?;
    if !errors.is_empty() {
        bail!("errors in the page: {errors:#?}");
    }
    Ok(())
}

/// Opens `url` and waits until that page has loaded (some drivers return earlier). The page
/// being left must have had no error.
pub(crate) async fn open(d: &WebDriver, url: &str) -> anyhow::Result<()> {
    no_errors(d).await?;
    d.goto(url).await?;
    wait_for(15, url, || async {
        let here = d.current_url().await.ok()?;
        let state = d.execute("return document.readyState", vec![]).await.ok()?;
        (here.as_str() == url && state.json() == "complete").then_some(())
    })
    .await
}

/// Enters the secure frame once it is there (retrying while the page still renders).
pub(crate) async fn enter_secure_frame(d: &WebDriver) -> anyhow::Result<()> {
    wait_for(15, "the secure frame", || async {
        d.enter_default_frame().await.ok()?;
        let frame = d.find(By::Css("iframe.cw-frame")).await.ok()?;
        frame.enter_frame().await.ok()
    })
    .await
    .context("entering the secure frame")
}

/// Clicks into each card field inside the secure frame and types, as a person would.
pub(crate) async fn type_card(
    d: &WebDriver,
    number: &str,
    expiry: &str,
    cvc: &str,
    name: Option<&str>,
) -> anyhow::Result<()> {
    enter_secure_frame(d).await?;
    let mut fields = vec![
        ("cw-number", number),
        ("cw-expiry", expiry),
        ("cw-cvc", cvc),
    ];
    if let Some(n) = name {
        fields.push(("cw-holder", n));
    }
    for (id, value) in fields {
        let input = wait_for(15, id, || async move { d.find(By::Id(id)).await.ok() }).await?;
        input.click().await?;
        input.send_keys(value).await?;
    }
    let shown = d
        .find(By::Id("cw-number"))
        .await?
        .prop("value")
        .await?
        .unwrap_or_default();
    d.enter_default_frame().await?;
    if shown.chars().filter(char::is_ascii_digit).count() != number.len() {
        bail!("the number field shows {shown:?}");
    }
    Ok(())
}

pub(crate) async fn open_demo(d: &WebDriver, s: &Sandbox, language: &str) -> anyhow::Result<()> {
    open_demo_as(d, s, language, None, false).await
}

/// The demo, with a language, a shopper e-mail and "save card" set as a person would.
pub(crate) async fn open_demo_as(
    d: &WebDriver,
    s: &Sandbox,
    language: &str,
    shopper: Option<&str>,
    save: bool,
) -> anyhow::Result<()> {
    open(d, &format!("{}/", s.merchant)).await?;
    install_spy(d).await?;
    if !language.is_empty() {
        let select = find(d, "select[name=language]").await?;
        select.click().await?;
        select
            .find(By::Css(format!("option[value='{language}']")))
            .await?
            .click()
            .await?;
    }
    if let Some(email) = shopper {
        let field = find(d, "input[name=customer]").await?;
        field.clear().await?;
        field.send_keys(email).await?;
    }
    if save {
        find(d, "input[name=save]").await?.click().await?;
    }
    find(d, "#buy button").await?.click().await?;
    find(d, ".cw-method").await?;
    Ok(())
}

pub(crate) async fn pay(d: &WebDriver) -> anyhow::Result<()> {
    let button = find(d, ".cw-pay").await?;
    wait_for(10, "the pay button to be enabled", || async {
        button.is_enabled().await.ok().filter(|e| *e)
    })
    .await?;
    button.click().await?;
    Ok(())
}

/// The payment id the demo shows (`Payment <id>: …`).
pub(crate) async fn payment_id(d: &WebDriver) -> anyhow::Result<String> {
    let result = wait_text(d, "#result", "Payment ").await?;
    let id = result
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .trim_end_matches(':');
    if id.len() != 36 {
        bail!("no payment id in {result:?}");
    }
    Ok(id.to_owned())
}

pub(crate) async fn webhook_for(d: &WebDriver, status: &str) -> anyhow::Result<()> {
    let id = payment_id(d).await?;
    wait_for(20, "the signed webhook", || {
        let id = id.clone();
        async move {
            let log = text_of(d, "#webhooks").await;
            log.lines()
                .any(|l| l.contains(&id) && l.contains(status) && l.contains("signature ok"))
                .then_some(())
        }
    })
    .await
}

async fn card_happy_path(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    webhook_for(d, "SUCCEEDED").await?;
    check_spy(d).await
}

/// The status screen of a decline, saying `why`; its "Try again" brings the form back, whose
/// reason (inside the secure frame, which is left entered) is answered.
pub(crate) async fn declined_then_form_back(d: &WebDriver, why: &str) -> anyhow::Result<String> {
    let screen = find(d, ".cw-after[data-status=DECLINED]").await?;
    if !screen.text().await?.contains(why) {
        bail!("declined screen: {:?}", screen.text().await?);
    }
    screen.find(By::Tag("button")).await?.click().await?;
    enter_secure_frame(d).await?;
    wait_for(10, "the decline reason in the form", || async {
        let t = d
            .find(By::Css(".cw-form-error"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (!t.is_empty()).then_some(t)
    })
    .await
}

async fn decline_then_retry(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    type_card(d, "4000000000000002", "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    wait_text(d, "#result", "DECLINED").await?;
    // The status screen says why (the demo asks for it), and "Try again" brings the form
    // back with the reason, inside the frame.
    let reason = declined_then_form_back(d, "declined").await?;
    if !reason.contains("declined") {
        bail!("reason shown: {reason:?}");
    }
    let number = d.find(By::Id("cw-number")).await?;
    number.click().await?;
    // Clear it as a person would, then type the good card.
    for _ in 0..19 {
        number.send_keys(Key::Backspace).await?;
    }
    number.send_keys(PAN).await?;
    d.enter_default_frame().await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    check_spy(d).await
}

/// The npm app as one bundler built it (`page`): it mounts, pays, and throws nothing.
async fn npm_page(d: &WebDriver, s: &Sandbox, page: &str) -> anyhow::Result<()> {
    open(d, &format!("{}/{page}", s.merchant)).await?;
    install_spy(d).await?;
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    check_spy(d).await
}

/// The console warnings of the document the driver is in (the secure frame's), once one says
/// `needle`: the frame's on-demand modules are fetched as it renders.
async fn warned_in_frame(d: &WebDriver, needle: &str) -> anyhow::Result<String> {
    wait_for(
        15,
        &format!("a console warning saying {needle:?}"),
        || async {
            let v = d
                .execute("return (window.__warnings || []).join('\\n')", vec![])
                .await
                .ok()?;
            let text = v.json().as_str().unwrap_or_default().to_owned();
            text.contains(needle).then_some(text)
        },
    )
    .await
}

/// `card.steps` with the merchant's labels, in Spanish: a card step's button says the label it
/// was given; one that is not a string of at most 40 characters with a letter or a digit and
/// nothing invisible, or is for a step the form does not have, is dropped (the button keeps the
/// form's words) and named in one console warning in the frame.
async fn card_step_labels(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/steps.html", s.merchant)).await?;
    install_spy(d).await?;
    wait_text(d, "#result", "ready").await?;
    enter_secure_frame(d).await?;
    let says = |want: [&'static str; 2]| async move {
        wait_for(
            10,
            &format!("the step's buttons to say {want:?}"),
            || async {
                let back = d.find(By::Css(".cw-steps button:first-child")).await.ok()?;
                let next = d.find(By::Css(".cw-steps button:last-child")).await.ok()?;
                let shown = [back.text().await.ok()?, next.text().await.ok()?];
                // (Back is hidden on the first step: its text reads empty there.)
                (shown[1] == want[1] && (want[0].is_empty() || shown[0] == want[0])).then_some(())
            },
        )
        .await
    };
    says(["", "Continuar"]).await?;
    let number = find(d, "#cw-number").await?;
    number.click().await?;
    number.send_keys(PAN).await?;
    says(["Atrás", "Al código"]).await?;
    let expiry = find(d, "#cw-expiry").await?;
    expiry.send_keys("1230").await?;
    says(["Atrás", "Siguiente"]).await?;
    let warned = warned_in_frame(d, "card.steps.").await?;
    for named in [
        "card.steps.expiry.back",
        "card.steps.cvc.next",
        "card.steps.holderName.next",
        "card.steps.pin",
    ] {
        if !warned.contains(named) {
            bail!("the warning does not name {named}: {warned}");
        }
    }
    if warned.contains("card.steps.number") || warned.matches("card.steps.").count() != 4 {
        bail!("the warning names more than the four dropped labels: {warned}");
    }
    d.enter_default_frame().await?;
    check_spy(d).await
}

/// `card.styles`: what restyles the card form is applied inside the secure frame; what would
/// hide or move a field, or load a resource, is dropped (no request, no CSP report) and named
/// in one console warning in the frame.
async fn card_styles(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/styles.html", s.merchant)).await?;
    install_spy(d).await?;
    wait_text(d, "#result", "ready").await?;
    enter_secure_frame(d).await?;
    // The module that applies them is fetched on demand: wait for its warning.
    let warned = warned_in_frame(d, "card.styles: dropped").await?;
    let style = d
        .execute(
            r#"const n = getComputedStyle(document.getElementById("cw-number"));
               const cvc = getComputedStyle(document.getElementById("cw-cvc"));
               const label = getComputedStyle(document.querySelector("label[for=cw-number]"));
               return JSON.stringify({ color: n.color, radius: n.borderTopLeftRadius,
                 image: n.backgroundImage, visibility: n.visibility, opacity: n.opacity,
                 cvc: cvc.display, margin: label.marginLeft });"#,
            vec![],
        )
        .await?;
    d.enter_default_frame().await?;
    let style: Value = serde_json::from_str(style.json().as_str().unwrap_or("{}"))?;
    let expected = serde_json::json!({
        "color": "rgb(1, 2, 3)", "radius": "9px", "image": "none", "visibility": "visible",
        "opacity": "1", "cvc": "block", "margin": "0px",
    });
    if style != expected {
        bail!("the card form's computed style: {style} (expected {expected})");
    }
    for named in [
        "display",
        "background-image",
        "@media",
        "margin-left",
        "opacity",
        "@import",
    ] {
        if !warned.contains(named) {
            bail!("the warning does not name {named}: {warned}");
        }
    }
    check_spy(d).await
}

/// A bundled app makes each integration mistake (npm-app/mistakes.js): `mount` refuses what
/// cannot work with a TypeError naming the option and saying why; for the rest, the shopper's message stays and
/// the developer gets the cause and the fix in `onError`'s `detail` and in the console.
async fn integration_mistakes(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/npm-mistakes.html", s.merchant)).await?;
    wait_text(d, "#result", "done").await?;
    let results: Value = serde_json::from_str(&read_js(d, "#result", "el.dataset.json").await?)?;
    let refused = |case: &str, words: &[&str]| -> anyhow::Result<()> {
        let said = results[case]["refused"].as_str().unwrap_or_default();
        let clean = results[case]["framesLeft"] == 0;
        if !said.starts_with("TypeError") || !words.iter().all(|w| said.contains(w)) || !clean {
            bail!(
                "{case}: mount should refuse with a TypeError saying {words:?}, leaving no frame; got {:#}",
                results[case]
            );
        }
        Ok(())
    };
    refused("bundledWithoutApiUrl", &["`apiUrl` is required", "bundled"])?;
    refused("apiUrlIsThePage", &["`apiUrl`", "this page's own origin"])?;
    // The wasm names the option; its words come with the diagnostics module.
    refused(
        "countryAsAName",
        &["option `countryCode` must be an ISO 3166-1 alpha-2 code such as \"BR\", got \"Brazil\""],
    )?;
    refused(
        "themeMisspelt",
        &["option `appearance.theme` must be \"light\" or \"dark\", got \"night\""],
    )?;
    refused(
        "stepsAsAWord",
        &["option `card.steps` must be a boolean, or an object of its buttons' labels"],
    )?;
    refused(
        "issuerFormAsAWord",
        &["option `issuerForm` must be a boolean"],
    )?;
    refused(
        "creditOnlyAsAWord",
        &["option `card.creditOnly` must be a boolean"],
    )?;
    refused("noSession", &["option `checkoutSession` is required"])?;
    refused("noOnToken", &["option `onToken` is required (a function)"])?;
    refused(
        "blankPayButton",
        &["option `payButtonText` must not be empty"],
    )?;
    refused(
        "numberPayButton",
        &["option `payButtonText` must be a string"],
    )?;
    refused(
        "onReadyNotAFunction",
        &["option `onReady` must be a function"],
    )?;
    refused(
        "variablesNotAnObject",
        &["option `appearance.variables` must be an object"],
    )?;
    refused(
        "apiUrlNotHttp",
        &["option `apiUrl` must be an absolute http(s) URL, got \"ftp://payments.example\""],
    )?;
    refused(
        "holderNameMaybe",
        &["option `card.holderName` must be \"required\", \"optional\" or \"hidden\""],
    )?;
    refused(
        "methodsAsAString",
        &["option `paymentMethods` must be a list of method types such as [\"CARD\", \"PIX\"]"],
    )?;
    refused(
        "variableNotAString",
        &["option `appearance.variables` must set each `--cw-*` property to a string, and sets \"--cw-radius\" to something else"],
    )?;
    refused(
        "variableNotOurs",
        &["option `appearance.variables` may only set `--cw-*` properties, got \"color\""],
    )?;
    refused(
        "targetNowhere",
        &["`target` is \"#checkout-that-is-not-there\", and no element on the page matches it"],
    )?;
    refused(
        "targetNotASelector",
        &["`target` is \"#checkout[[\", which is not a valid CSS selector"],
    )?;
    refused(
        "targetANumber",
        &["`target` must be an HTML element or a CSS selector"],
    )?;
    // A language pack the network lost: the checkout speaks English, and `onError` says which.
    let pack = &results["packUnreachable"];
    if pack["code"] != "LANGUAGE_PACK_UNAVAILABLE"
        || pack["message"]
            != "a language pack for \"sv\" could not be loaded; the checkout (or its card form) is shown in English"
        || pack["warned"] != true
    {
        bail!("packUnreachable: expected LANGUAGE_PACK_UNAVAILABLE naming \"sv\", also in the console; got {pack:#}");
    }
    let told = |case: &str, code: &str, words: &[&str]| -> anyhow::Result<()> {
        let r = &results[case];
        let detail = r["detail"].as_str().unwrap_or_default();
        let ok = r["code"] == code
            && r["message"] == "We could not load the payment methods."
            && r["warned"] == true
            && words.iter().all(|w| detail.contains(w));
        if !ok {
            bail!("{case}: expected {code} with a detail saying {words:?}, also in the console; got {r:#}");
        }
        Ok(())
    };
    told("wrongKey", "UNAUTHORIZED", &["`publicApiKey`", "(401)"])?;
    told(
        "unknownSession",
        "CHECKOUT_SESSION_NOT_FOUND",
        &["does not exist", "`checkoutSession`"],
    )?;
    told(
        "apiUrlEndsInV1",
        "NETWORK_ERROR",
        &["ends in /v1", &format!("pass \"{}\"", s.api)],
    )?;
    told(
        "apiUrlNotTheApi",
        "NETWORK_ERROR",
        &["`apiUrl`", "not the payment API"],
    )?;
    told(
        "unreachable",
        "NETWORK_ERROR",
        &["unreachable at http://127.0.0.1:9"],
    )?;
    no_errors(d).await
}

async fn yuno_page(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno.html", s.merchant)).await?;
    install_spy(d).await?;
    // `card.onChange`, as Yuno's guide logs it: with the number's error once it shows, then
    // without.
    enter_secure_frame(d).await?;
    let number = find(d, "#cw-number").await?;
    number.click().await?;
    number.send_keys("4242").await?;
    find(d, "#cw-expiry").await?.click().await?;
    d.enter_default_frame().await?;
    wait_for(10, "card.onChange with the number's error", || async {
        let said = read_js(d, "#result", "el.dataset.cardChange").await.ok()?;
        (said == "true false").then_some(())
    })
    .await?;
    enter_secure_frame(d).await?;
    let number = find(d, "#cw-number").await?;
    number.click().await?;
    number.send_keys(Key::End).await?;
    number.send_keys(&PAN[4..]).await?;
    for (id, text) in [
        ("#cw-expiry", "1230"),
        ("#cw-cvc", CVC),
        ("#cw-holder", "Ana Souza"),
    ] {
        let field = find(d, id).await?;
        field.click().await?;
        field.send_keys(text).await?;
    }
    d.enter_default_frame().await?;
    wait_for(10, "card.onChange without an error", || async {
        let said = read_js(d, "#result", "el.dataset.cardChange").await.ok()?;
        (said == "false false").then_some(())
    })
    .await?;
    // `cardSaveEnable`: the form asks; the shopper ticks. `documentEnable`: a CPF.
    enter_secure_frame(d).await?;
    find(d, "#cw-save").await?.click().await?;
    let cpf = find(d, "#cw-document").await?;
    cpf.click().await?;
    cpf.send_keys("52998224725").await?;
    d.enter_default_frame().await?;
    find(d, "#pay").await?.click().await?;
    // `continuePayment()` with no argument: the result reaches `yunoPaymentResult`, and
    // Yuno's status screen shows (its `showPaymentStatus` defaults to true).
    wait_text(d, "#result", "result: SUCCEEDED").await?;
    find(d, ".cw-after[data-status=SUCCEEDED]").await?;
    let card = read_js(d, "#result", "el.dataset.card").await?;
    if card != "CARD 4242" {
        bail!("tokenWithInformation as the page read it: {card:?}");
    }
    let lengths = read_js(d, "#result", "el.dataset.lengths").await?;
    if lengths != "16/3" {
        bail!("tokenWithInformation.card_data's number and code lengths: {lengths:?}");
    }
    let vault = read_js(d, "#result", "el.dataset.vault").await?;
    if vault != "true" {
        bail!("tokenWithInformation.vault_on_success after the shopper ticked it: {vault:?}");
    }
    // The document went with the token to the payment, never through the page.
    let payment = read_js(d, "#result", "el.dataset.payment").await?;
    let document = s.payment(&payment).await?["customer_payer"]["document"].clone();
    if document["document_number"] != "52998224725" || document["document_type"] != "CPF" {
        bail!("the payment's document is {document}");
    }
    latam::page_lacks(d, "52998224725").await?;
    // `yunoPaymentMethodSelected` gets Yuno's `{ type, name }`.
    let selected = read_js(d, "#result", "el.dataset.selected").await?;
    if !selected.starts_with("CARD ") || selected.len() < 6 || selected.contains("undefined") {
        bail!("yunoPaymentMethodSelected got {selected:?}");
    }
    check_spy(d).await
}

/// A page written like Yuno's Lite demo: waits for `sdk-payments-ready`, mounts the card
/// with `mountCheckoutLite`, is paid with the form's own button, and hears the result.
async fn yuno_lite_page(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-lite.html", s.merchant)).await?;
    install_spy(d).await?;
    // Lite shows the one method it was mounted with, as Yuno's does.
    wait_for(15, "Lite's one method", || async {
        let rows = d.find_all(By::Css(".cw-method")).await.ok()?;
        (rows.len() == 1).then_some(())
    })
    .await?;
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    wait_text(d, "#result", "paymentResult SUCCEEDED").await?;
    find(d, ".cw-after[data-status=SUCCEEDED]").await?;
    check_spy(d).await
}

/// A page written like Yuno's guide in its default render mode, `modal`: the checkout shows in
/// a real modal dialog named in the shopper's language, is paid with its own button there, and
/// reports the result; closing the dialog ends the checkout.
async fn yuno_modal_page(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-modal.html", s.merchant)).await?;
    install_spy(d).await?;
    let dialog = find(d, "dialog.cw-yuno-modal[open] .cw-method").await?;
    let modal = read_js(d, "dialog.cw-yuno-modal", "el.matches(':modal')").await?;
    if modal != "true" {
        bail!("the checkout's dialog is not modal");
    }
    // Named in the checkout's language once its words are in.
    dialog_named(d, "Pagamento").await?;
    drop(dialog);
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    // The page behind is inert: the form's own pay button, in the dialog.
    let button = find(d, "dialog.cw-yuno-modal .cw-pay").await?;
    button.click().await?;
    wait_text(d, "#result", "result: SUCCEEDED").await?;
    find(d, "dialog.cw-yuno-modal .cw-after[data-status=SUCCEEDED]").await?;
    check_spy(d).await?;
    // Closing it (its button) ends the checkout: no dialog is left.
    close_dialog(d).await
}

/// Closes the Yuno layer's dialog with its close button, and waits until none is left.
pub(crate) async fn close_dialog(d: &WebDriver) -> anyhow::Result<()> {
    find(d, "dialog.cw-yuno-modal header button")
        .await?
        .click()
        .await?;
    wait_for(10, "the dialog to go", || async {
        d.find(By::Css("dialog.cw-yuno-modal"))
            .await
            .is_err()
            .then_some(())
    })
    .await
}

/// Waits until the Yuno layer's dialog is named `name` (its accessible name, from its heading).
pub(crate) async fn dialog_named(d: &WebDriver, name: &str) -> anyhow::Result<()> {
    wait_for(10, &format!("the dialog named {name:?}"), || async {
        let shown = read_js(
            d,
            "dialog.cw-yuno-modal",
            "document.getElementById(el.getAttribute('aria-labelledby')).textContent",
        )
        .await
        .ok()?;
        (shown == name).then_some(())
    })
    .await
}

async fn languages(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    for (language, label, pay_word) in [
        ("es", "Número de tarjeta", "Pagar"),
        ("pt-BR", "Número do cartão", "Pagar"),
    ] {
        open_demo(d, s, language).await?;
        wait_text(d, ".cw-pay", pay_word).await?;
        enter_secure_frame(d).await?;
        let shown = text_shown(d, "label[for=cw-number]").await?;
        d.enter_default_frame().await?;
        if shown != label {
            bail!("{language}: label {shown:?}, expected {label:?}");
        }
        check_spy(d).await?;
    }
    Ok(())
}

/// The page's `expression` (a JS expression over `el`, the element `css` finds) as a string.
pub(crate) async fn read_js(d: &WebDriver, css: &str, expression: &str) -> anyhow::Result<String> {
    let script = format!("const el = document.querySelector({css:?}); return String({expression})");
    let v = d.execute(&script, vec![]).await?;
    Ok(v.json().as_str().unwrap_or_default().to_owned())
}

/// Each of the 20 languages, mounted by a page as a merchant would: the host's words,
/// `lang` and `dir`, the amount as that language writes it, the frame's words and direction
/// with card digits left to right; axe on both pieces in the right-to-left languages.
async fn every_language(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    use checkout_i18n::Lang;
    for &lang in Lang::ALL {
        let code = lang.code();
        let (frame_words, host_words) = lang.tables();
        open(d, &format!("{}/languages.html?language={code}", s.merchant)).await?;
        if lang.rtl() {
            install_spy(d).await?;
        }
        let ready = wait_for(20, "ready", || async {
            let t = text_of(d, "#ready").await;
            (!t.is_empty()).then_some(t)
        })
        .await?;
        if ready != "ready" {
            bail!("{code}: {ready}");
        }
        let dir = if lang.rtl() { "rtl" } else { "ltr" };
        let root = ".cw-checkout";
        let (lang_attr, dir_attr) = (
            read_js(d, root, "el.lang").await?,
            read_js(d, root, "el.dir").await?,
        );
        if lang_attr != code || dir_attr != dir {
            bail!("{code}: the checkout says lang={lang_attr:?} dir={dir_attr:?}");
        }
        // The amount (BRL 149.90) as this browser's Intl writes it in this language.
        let amount = read_js(
            d,
            root,
            &format!("new Intl.NumberFormat({code:?}, {{ style: 'currency', currency: 'BRL' }}).format(149.9)"),
        )
        .await?;
        let written = match code {
            "de" | "es" | "fr" | "it" | "nl" | "pl" | "pt" | "ru" | "sv" | "tr" | "vi" | "id" => {
                "149,90"
            }
            "ar" => "",
            _ => "149.90",
        };
        // (WebDriver's text turns the no-break spaces Intl writes into spaces, and engines
        // differ in whether they keep its invisible direction marks.)
        let plain = |t: &str| {
            t.replace(['\u{a0}', '\u{202f}'], " ")
                .replace(['\u{200e}', '\u{200f}', '\u{61c}'], "")
                .trim()
                .to_owned()
        };
        let pay = plain(&format!("{} {amount}", host_words.pay));
        let shown = wait_for(20, "the pay button's amount", || async {
            let t = plain(&text_of(d, ".cw-pay").await);
            (t == pay).then_some(t)
        })
        .await
        .with_context(|| format!("{code}: expected the pay button to say {pay:?}"))?;
        if !shown.contains(written) {
            bail!("{code}: the pay button says {shown:?}, without {written:?}");
        }
        let label = read_js(d, ".cw-methods", "el.getAttribute('aria-label')").await?;
        if label != host_words.methods_label {
            bail!("{code}: the method list is labelled {label:?}");
        }
        enter_secure_frame(d).await?;
        let number_label = wait_for(10, "the card form", || async {
            let t = text_of(d, "label[for=cw-number]").await;
            (!t.is_empty()).then_some(t)
        })
        .await?;
        let frame_dir = read_js(d, "html", "el.dir").await?;
        let title = read_js(d, "html", "document.title").await?;
        let digits = read_js(d, "#cw-number", "getComputedStyle(el).direction").await?;
        d.enter_default_frame().await?;
        if number_label != frame_words.card_number || title != frame_words.title {
            bail!("{code}: the frame shows {number_label:?} titled {title:?}");
        }
        if frame_dir != dir || digits != "ltr" {
            bail!("{code}: the frame is {frame_dir:?} with card digits {digits:?}");
        }
        if lang.rtl() {
            check_spy(d).await?;
        }
    }
    Ok(())
}

async fn saved_card(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    // Unique per run and engine: the sandbox is shared by the engines.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |t| t.as_nanos());
    let shopper = format!("saved-{nanos}@example.com");
    // The merchant offers saving; the shopper leaves "Save this card" unticked: not saved.
    open_demo_as(d, s, "en", Some(&shopper), true).await?;
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    open_demo_as(d, s, "en", Some(&shopper), true).await?;
    let first = text_of(d, ".cw-method .cw-method-name").await;
    if first.contains("4242") {
        bail!("the card was saved although the shopper did not tick the box: {first:?}");
    }
    // Ticked this time: saved.
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    enter_secure_frame(d).await?;
    let save = find(d, "#cw-save").await?;
    if save.prop("checked").await?.as_deref() != Some("false") {
        bail!("\"Save this card\" must start unticked");
    }
    save.click().await?;
    d.enter_default_frame().await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    // A new session for the same customer lists the card first, selected: no card form.
    open_demo_as(d, s, "en", Some(&shopper), false).await?;
    let first = text_of(d, ".cw-method .cw-method-name").await;
    if first != "VISA •••• 4242" {
        bail!("first method is {first:?}");
    }
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    check_spy(d).await
}

/// `card.creditOnly` and a returning shopper whose saved card is debit only: the checkout
/// offers it first, and paying with it makes no token; the shopper is told why under the pay
/// button, and `onError` gets `UNSUPPORTED_CARD_TYPE`.
async fn credit_only_saved_debit_card(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/credit-saved.html", s.merchant)).await?;
    install_spy(d).await?;
    type_card(d, "4000056655665556", "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    wait_text(d, "#result", "second checkout").await?;
    let saved = read_js(d, "#result", "el.dataset.saved").await?;
    let first = text_of(d, ".cw-method .cw-method-name").await;
    if saved != "SUCCEEDED" || first != "VISA •••• 5556" {
        bail!("the debit card was not saved and offered first ({saved:?}, {first:?})");
    }
    pay(d).await?;
    wait_text(d, ".cw-status", "This is a debit card. Use a credit card.").await?;
    let said = read_js(
        d,
        "#result",
        "(el.dataset.error ?? '') + '/' + (el.dataset.token ?? '')",
    )
    .await?;
    if said != "UNSUPPORTED_CARD_TYPE/" {
        bail!("onError and onToken: {said:?}");
    }
    check_spy(d).await
}

async fn autofill(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    enter_secure_frame(d).await?;
    wait_for(15, "the card form", || async {
        d.find(By::Id("cw-number")).await.ok()
    })
    .await?;
    // What autofill does: every cc-* field set at once, each with an input event.
    d.execute(
        r#"
        const fill = { "cc-number": "4242424242424242", "cc-exp": "12/2030", "cc-csc": "739", "cc-name": "Ana Souza" };
        for (const [kind, value] of Object.entries(fill)) {
          const input = document.querySelector(`[autocomplete="${kind}"]`);
          input.value = value;
          input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" }));
        }
        "#,
        vec![],
    )
    .await?;
    let number = d
        .find(By::Id("cw-number"))
        .await?
        .prop("value")
        .await?
        .unwrap_or_default();
    let expiry = d
        .find(By::Id("cw-expiry"))
        .await?
        .prop("value")
        .await?
        .unwrap_or_default();
    d.enter_default_frame().await?;
    if number != "4242 4242 4242 4242" || expiry != "12 / 30" {
        bail!("autofilled values shown as {number:?} and {expiry:?}");
    }
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    check_spy(d).await
}

/// The secure frame starts loading once the session's methods come, beside the host's wasm
/// (early-frame.js). Where it can (`moveBefore`), the page holds the host's wasm until the
/// frame has said hello: the checkout still becomes ready, with that same frame in the card
/// slot (its page asked for once); a checkout whose methods have no card leaves no frame, and
/// one with PIX first keeps it hidden until the card is chosen, and removes it on unmount.
async fn frame_started_at_mount(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/early-frame.html", s.merchant)).await?;
    install_spy(d).await?;
    wait_text(d, "#result", "done").await?;
    let r: Value = serde_json::from_str(&read_js(d, "#result", "el.dataset.json").await?)?;
    let ok = r["helloBeforeWasm"].as_bool().unwrap_or(false) == r["moveBefore"]
        && r["lateFramePages"] == 1
        && r["lateFrameInSlot"] == true
        && r["lateFrames"] == 1
        && r["pixFrames"] == 0
        && r["laterWaiting"] == u8::from(r["moveBefore"] == true)
        && r["laterAfterUnmount"] == 0;
    if !ok {
        bail!("one frame, in the card slot, and none without a card; got {r:#}");
    }
    check_spy(d).await
}

async fn two_widgets(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/two.html", s.merchant)).await?;
    install_spy(d).await?;
    wait_for(15, "two secure frames", || async {
        (d.find_all(By::Css("iframe.cw-frame")).await.ok()?.len() == 2).then_some(())
    })
    .await?;
    // Pay in B only (scrolled into view, as a person would).
    d.execute("document.querySelector('#b').scrollIntoView()", vec![])
        .await?;
    let frames = d.find_all(By::Css("#b iframe.cw-frame")).await?;
    frames
        .first()
        .context("no frame in B")?
        .clone()
        .enter_frame()
        .await?;
    for (id, value) in [
        ("cw-number", PAN),
        ("cw-expiry", "1230"),
        ("cw-cvc", CVC),
        ("cw-holder", "Ana Souza"),
    ] {
        let input = wait_for(15, id, || async move { d.find(By::Id(id)).await.ok() }).await?;
        input.click().await?;
        input.send_keys(value).await?;
    }
    d.enter_default_frame().await?;
    d.find(By::Css("#b .cw-pay")).await?.click().await?;
    wait_text(d, "#result-b", "SUCCEEDED").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let a = text_of(d, "#result-a").await;
    if !a.is_empty() {
        bail!("widget A reacted: {a:?}");
    }
    check_spy(d).await
}

async fn hostile(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/hostile.html", s.merchant)).await?;
    install_spy(d).await?;
    wait_for(15, "the hostile frame to load", || async {
        d.enter_default_frame().await.ok()?;
        let frame = d.find(By::Css("iframe[title=hostile]")).await.ok()?;
        frame.clone().enter_frame().await.ok()?;
        let title = d.execute("return document.title", vec![]).await.ok()?;
        let done = title.json() == "hostile done";
        d.enter_default_frame().await.ok()?;
        done.then_some(())
    })
    .await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (result, errors) = (text_of(d, "#result").await, text_of(d, "#errors").await);
    if !result.is_empty() || !errors.is_empty() {
        bail!("the page reacted to forged messages: {result:?} {errors:?}");
    }
    // The secure frame kept its own configuration (English, holder name shown).
    enter_secure_frame(d).await?;
    let label = d
        .find(By::Css("label[for=cw-number]"))
        .await?
        .text()
        .await?;
    let holder = d.find(By::Id("cw-holder")).await.is_ok();
    d.enter_default_frame().await?;
    if label != "Card number" || !holder {
        bail!("the secure frame was reconfigured: {label:?}, holder field {holder}");
    }
    // And it still works for the real host.
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    wait_text(d, "#result", "TOKEN").await?;
    check_spy(d).await
}

/// Runs axe-core in the current document; fails on serious or critical violations.
pub(crate) async fn axe(d: &WebDriver, where_: &str) -> anyhow::Result<()> {
    let source =
        std::fs::read_to_string(crate::workspace_root().join("node_modules/axe-core/axe.min.js"))
            .context("node_modules/axe-core is missing")?;
    d.execute(&format!("{source}\nreturn true;"), vec![])
        .await
        .context("injecting axe-core")?;
    let ret = d
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ["violations"] }).then(
              (r) => done(JSON.stringify(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id + ": " + v.nodes.map((n) => n.target).join(", ")))),
              (e) => done(JSON.stringify(["axe failed: " + e])));"#,
            vec![],
        )
        .await?;
    let found: Vec<String> =
        serde_json::from_str(ret.json().as_str().unwrap_or("[]")).unwrap_or_default();
    if !found.is_empty() {
        bail!("axe on the {where_}: {found:?}");
    }
    Ok(())
}

async fn accessibility(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    enter_secure_frame(d).await?;
    wait_for(15, "the card form", || async {
        d.find(By::Id("cw-number")).await.ok()
    })
    .await?;
    // With errors showing, so their wiring is checked too.
    d.find(By::Id("cw-number")).await?.click().await?;
    d.find(By::Id("cw-number")).await?.send_keys("4242").await?;
    d.find(By::Id("cw-expiry")).await?.click().await?;
    axe(d, "secure frame").await?;
    d.enter_default_frame().await?;
    axe(d, "host page").await
}

/// The id (or type) of the focused element in the current document.
async fn focused(d: &WebDriver) -> String {
    d.execute(
        "const e = document.activeElement; return e ? (e.id || e.className || e.tagName) : ''",
        vec![],
    )
    .await
    .ok()
    .and_then(|r| r.json().as_str().map(str::to_owned))
    .unwrap_or_default()
}

/// Presses keys on the keyboard: they go to whatever has the focus, in whichever frame.
pub(crate) async fn press<K: Into<TypingData>>(
    d: &WebDriver,
    key: impl Fn() -> K,
) -> anyhow::Result<()> {
    d.action_chain().send_keys(key()).perform().await?;
    Ok(())
}

async fn keyboard_only(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/", s.merchant)).await?;
    install_spy(d).await?;
    // Start in the e-mail field; Enter submits the shop's form (Buy).
    find(d, "input[name=customer]")
        .await?
        .click()
        .await
        .context("click e-mail")?;
    press(d, || Key::Enter).await.context("keyboard step 1")?;
    find(d, ".cw-method").await?;
    // Tab past "save card" and Buy to the method list.
    let mut steps = 0;
    while !d
        .execute("return document.activeElement.type === 'radio'", vec![])
        .await?
        .json()
        .as_bool()
        .unwrap_or(false)
    {
        press(d, || Key::Tab).await.context("keyboard step 2")?;
        steps += 1;
        if steps > 6 {
            bail!("Tab never reached the methods (at {:?})", focused(d).await);
        }
    }
    // Arrows move the selection; back to the card.
    press(d, || Key::Down).await.context("keyboard step 3")?;
    wait_for(5, "PIX to be selected", || async {
        d.execute(
            "return document.querySelector('[data-type=PIX] input').checked",
            vec![],
        )
        .await
        .ok()?
        .json()
        .as_bool()?
        .then_some(())
    })
    .await?;
    press(d, || Key::Up).await.context("keyboard step 4")?;
    // The card form is back (the host sized the frame) — checked from the page, because
    // switching the driver into a frame may move the focus in some engines.
    wait_for(10, "the card form", || async {
        let frame = d.find(By::Css("iframe.cw-frame")).await.ok()?;
        let visible = frame.is_displayed().await.ok()?;
        let height = frame.css_value("height").await.ok()?;
        (visible && height.trim_end_matches("px").parse::<f64>().ok()? > 100.0).then_some(())
    })
    .await?;
    // Tab from the card radio into the secure frame's first field.
    press(d, || Key::Tab).await.context("keyboard step 5")?;
    // From the page, the focus is now in the frame (then the driver may look inside).
    wait_for(10, "focus to enter the secure frame", || async {
        (focused(d).await == "cw-frame").then_some(())
    })
    .await?;
    // Keys into the fields the focus moved to. (Key actions from the page do not reach a
    // cross-origin frame in every driver, so the driver addresses each field; WebKit's driver
    // also wants a click before it types into a cross-origin frame.)
    enter_secure_frame(d).await?;
    for (id, keys) in [
        ("cw-number", PAN),
        ("cw-expiry", "1230"),
        ("cw-cvc", CVC),
        ("cw-holder", "Ana Souza"),
    ] {
        let input = wait_for(10, id, || async move { d.find(By::Id(id)).await.ok() }).await?;
        if input.send_keys(keys).await.is_err() {
            input.click().await?;
            input.send_keys(keys).await?;
        }
    }
    d.find(By::Id("cw-holder"))
        .await?
        .send_keys(Key::Enter)
        .await
        .context("Enter to pay")?;
    d.enter_default_frame().await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    check_spy(d).await
}

async fn csp_canary(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    let before = s.csp_reports().await.len();
    open(d, &format!("{}/csp-canary.html", s.merchant)).await?;
    let title = d.title().await?;
    if title == "inline ran" {
        bail!("the inline script ran: the page has no CSP");
    }
    wait_for(10, "the violation report", || async {
        (s.csp_reports().await.len() > before).then_some(())
    })
    .await
}

/// The speed budgets of shared/spec/widget.md, measured in this engine: mount() → ready
/// (the median of `warm` mounts after a first, cold one) ≤ 150 ms, and one keystroke in the card
/// number field (formatting, brand, checks, DOM update) ≤ 50 µs: the best of 21 rounds of 128
/// keystrokes, less what the same typing costs in a bare input (the script's and the
/// browser's own part). Also gives the warm mounts' times.
pub async fn budgets(
    d: &WebDriver,
    s: &Sandbox,
    warm: usize,
) -> anyhow::Result<(String, Vec<f64>)> {
    let runs = warm_mounts(d, s, warm).await?;
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];

    enter_secure_frame(d).await?;
    wait_for(15, "the card form", || async {
        d.find(By::Id("cw-number")).await.ok()
    })
    .await?;
    let per_key = d
        .execute(
            r#"
            const field = document.getElementById("cw-number");
            // The same typing into a bare input with no listener: what the browser and this
            // script cost by themselves, taken off the field's time.
            const bare = document.createElement("input");
            bare.inputMode = "numeric";
            document.body.append(bare);
            const digits = "4242424242424242";
            // performance.now() steps in 100 µs here: each round types the number 8 times
            // (128 keystrokes), so a round's time resolves a keystroke to better than 1 µs.
            const round = (input) => {
              let spent = 0;
              for (let fill = 0; fill < 8; fill++) {
                input.value = "";
                input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }));
                const started = performance.now();
                for (let i = 1; i <= digits.length; i++) {
                  input.value = input.value + digits[i - 1];
                  input.setSelectionRange(input.value.length, input.value.length);
                  input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
                }
                spent += performance.now() - started;
              }
              return spent * 1000 / (8 * digits.length);
            };
            // Rounds alternate between the two inputs; the best round of each counts. On a
            // shared machine the same round varies 2.5× with the neighbours' load (measured
            // here: a bare input 4.7–11.7 µs); the fastest round is the code's own cost, the
            // others add someone else's (or a garbage collection).
            const ours = [], theirs = [];
            for (let r = 0; r < 21; r++) {
              ours.push(round(field));
              theirs.push(round(bare));
            }
            bare.remove();
            return [Math.min(...ours), Math.min(...theirs)];
            "#,
            vec![],
        )
        .await?
        .json()
        .clone();
    let (with_form, bare) = (
        per_key[0].as_f64().unwrap_or(f64::MAX),
        per_key[1].as_f64().unwrap_or(0.0),
    );
    let per_key = with_form - bare;
    d.enter_default_frame().await?;
    let report = format!(
        "mount→ready median {median:.0} ms (budget 150); keystroke {per_key:.1} µs (budget 50; best round: {with_form:.1} typed into the field less {bare:.1} into a bare input)"
    );
    if median > 150.0 || per_key > 50.0 {
        bail!("over budget: {report}");
    }
    Ok((report, runs))
}

/// `count` warm mounts → ready, in ms: in one page, after a first (cold) mount that is not
/// counted, each with a session of its own; the last stays mounted.
pub async fn warm_mounts(d: &WebDriver, s: &Sandbox, count: usize) -> anyhow::Result<Vec<f64>> {
    open(d, &format!("{}/perf.html?runs={}", s.merchant, count + 1)).await?;
    wait_for(120, "the mount timings", || async {
        let el = d.find(By::Id("result")).await.ok()?;
        serde_json::from_str(&el.attr("data-runs").await.ok()??).ok()
    })
    .await
}

/// Makes this (Chromium) browser's network a mobile one: 150 ms round trip, 1.6 Mbit/s down
/// and 750 kbit/s up (Lighthouse's "slow 4G"), for every request of the page and its frames.
pub async fn mobile_network(d: &WebDriver) -> anyhow::Result<()> {
    let cdp = d.cdp();
    cdp.send_raw("Network.enable", serde_json::json!({}))
        .await?;
    cdp.send_raw(
        "Network.emulateNetworkConditions",
        serde_json::json!({
            "offline": false,
            "latency": 150,
            "downloadThroughput": 200_000,
            "uploadThroughput": 93_750,
        }),
    )
    .await?;
    Ok(())
}

/// When a resource was requested and when it had arrived, in ms since its page started.
pub type Fetched = Option<(f64, f64)>;

/// What one cold mount measured.
pub struct ColdMount {
    /// mount() → ready, in ms.
    pub ms: f64,
    /// The host's `[pack, wasm]` and the frame's `[pack, script]` fetches.
    pub fetches: [[Fetched; 2]; 2],
    /// Every fetch of the host page and the secure frame that overlapped the mount (the
    /// frame's page itself as `frame.html`): its short name, when it was requested and when
    /// it had arrived, in ms since mount() was called.
    pub steps: Vec<(String, f64, f64)>,
}

/// Every fetch of this document as `[name, requested, arrived]` in ms since the browser's
/// clock origin (the frame's own page included), comparable across documents.
const FETCHES: &str = r#"const at = (t) => performance.timeOrigin + t;
    const nav = performance.getEntriesByType("navigation")[0];
    return [
      ...(nav ? [[location.pathname, at(nav.fetchStart), at(nav.responseEnd)]] : []),
      ...performance.getEntriesByType("resource").map((e) => [e.name, at(e.startTime), at(e.responseEnd)]),
    ];"#;

/// How long a freshly started browser is left to finish its own start-up before a cold mount
/// is measured in it (mounts started 0, 0.3, 1 and 3 s after launch: ~190, ~170, ~100,
/// ~103 ms, over raw CDP without a driver; `npm run bench` gives both figures).
const BROWSER_START_UP: Duration = Duration::from_millis(1500);

/// A cold mount → ready (a fresh browser: nothing cached, the wasm and, but for English, the
/// language pack fetched) in `language`: its milliseconds, the host's `[pack, wasm]` and the
/// frame's `[pack, script]` fetches (the pack `None` in English; the frame's wasm is preloaded
/// by its page, so its script is what asks for the pack), and the waterfall of both documents.
/// `settled`: the browser is first left to finish starting; else the mount begins as soon as
/// the browser is up.
pub async fn cold_mount(
    d: &WebDriver,
    s: &Sandbox,
    language: &str,
    settled: bool,
) -> anyhow::Result<ColdMount> {
    // A shopper's browser is seldom one launched a moment ago: for its first second a fresh
    // Chromium is busy starting itself (on these 2 cores it took a mount started at once from
    // ~105 to ~190 ms). Cold means nothing cached.
    if settled {
        tokio::time::sleep(BROWSER_START_UP).await;
    }
    open(
        d,
        &format!("{}/perf.html?runs=1&language={language}", s.merchant),
    )
    .await?;
    let ms = wait_for(60, "the cold mount", || async {
        let el = d.find(By::Id("result")).await.ok()?;
        el.attr("data-first").await.ok()??.parse().ok()
    })
    .await?;
    let el = d.find(By::Id("result")).await?;
    let host = serde_json::from_str(&el.attr("data-requests").await?.unwrap_or_default())?;
    let started: f64 = el.attr("data-started").await?.unwrap_or_default().parse()?;
    let fetches = |json: serde_json::Value| -> Vec<(String, f64, f64)> {
        serde_json::from_value(json).unwrap_or_default()
    };
    let mut all = fetches(d.execute(FETCHES, vec![]).await?.json().clone());
    enter_secure_frame(d).await?;
    let frame = d
        .execute(
            r#"const timing = (part) => {
              const e = performance.getEntriesByType("resource").find((e) => e.name.includes(part));
              return e ? [e.startTime, e.responseEnd] : null;
            };
            return [timing("/i18n/frame/"), timing("frame.js")];"#,
            vec![],
        )
        .await?
        .json()
        .clone();
    all.extend(fetches(d.execute(FETCHES, vec![]).await?.json().clone()));
    d.enter_default_frame().await?;
    let steps = all
        .into_iter()
        .filter(|(_, _, arrived)| *arrived > started)
        .map(|(url, requested, arrived)| {
            let path = url.split(['?', '#']).next().unwrap_or("");
            let mut segments = path.rsplit('/');
            let last = segments.next().unwrap_or(path);
            // A session's own read is named by its id, which differs every run.
            let name = if last.len() == 36 && last.matches('-').count() == 4 {
                [segments.next().unwrap_or(""), "/{id}"].concat()
            } else {
                last.to_owned()
            };
            (name, requested - started, arrived - started)
        })
        .collect();
    Ok(ColdMount {
        ms,
        fetches: [host, serde_json::from_value(frame)?],
        steps,
    })
}
