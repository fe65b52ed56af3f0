//! Pages written from Yuno's docs for what the first Yuno scenarios (in `scenarios.rs`) leave
//! out: card enrollment (`mountEnrollmentLite`, from Yuno's enrollment demo: the form in a modal
//! dialog on a customer session, a declined card refused with the form back for another, an
//! approved one saved, the customer's next checkout offering it), more of `startCheckout`'s
//! options, credit only (`card.isCreditCardProcessingOnly`), the modal mounted twice, and the
//! features this SDK does not offer.

use anyhow::{bail, Context};
use thirtyfour::prelude::*;

use crate::after_payment::bank_page;
use crate::sandbox::Sandbox;
use crate::scenarios::{
    check_spy, close_dialog, dialog_named, find, install_spy, open, open_demo_as, pay, read_js,
    text_of, type_card, wait_for, wait_text, CVC, PAN,
};

/// A card the sandbox's verification declines (its test-card table).
const DECLINED: &str = "4000000000000002";

pub async fn enrollment_page(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    // Unique per run and engine: the sandbox is shared by the engines.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |t| t.as_nanos());
    let shopper = format!("enrolled-{nanos}@example.com");
    open(
        d,
        &format!("{}/yuno-enrollment.html?customer={shopper}", s.merchant),
    )
    .await?;
    install_spy(d).await?;
    // Yuno's modal: a real modal dialog, named for what it does, with its own button.
    find(d, "dialog.cw-yuno-modal[open] .cw-method").await?;
    if read_js(d, "dialog.cw-yuno-modal", "el.matches(':modal')").await? != "true" {
        bail!("the enrollment's dialog is not modal");
    }
    dialog_named(d, "Save a card").await?;
    if d.find(By::Css("dialog .cw-pay")).await.is_ok()
        && read_js(d, "dialog .cw-pay", "el.hidden").await? != "true"
    {
        bail!("the enrollment shows the checkout's pay button");
    }

    // Declined at verification: the page hears DECLINED, the form comes back, empty, with why.
    type_card(d, DECLINED, "1230", CVC, Some("Ana Souza")).await?;
    find(d, "dialog .cw-yuno-enroll").await?.click().await?;
    wait_text(d, "#result", "status DECLINED").await?;
    wait_text(d, "dialog .cw-yuno-note[role=alert]", "could not be saved").await?;

    // Approved: saved, the page hears ENROLLED with the vaulted token, the dialog says so.
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    find(d, "dialog .cw-yuno-enroll").await?.click().await?;
    wait_text(d, "#result", "status ENROLLED").await?;
    let vaulted = read_js(d, "#result", "el.dataset.vaultedToken").await?;
    if vaulted.len() != 36 {
        bail!("yunoEnrollmentStatus's vaultedToken is {vaulted:?}");
    }
    wait_text(
        d,
        "dialog .cw-yuno-note[role=status]",
        "Your card has been saved.",
    )
    .await?;
    if d.find(By::Css("dialog iframe.cw-frame")).await.is_ok() {
        bail!("the card form stays after the card was saved");
    }
    check_spy(d).await?;
    // Closing the dialog after saving is not a cancellation.
    close_dialog(d).await?;
    if text_of(d, "#result").await != "status ENROLLED" {
        bail!(
            "closing after saving told the page {:?}",
            text_of(d, "#result").await
        );
    }

    // The customer's next checkout offers the saved card first, and it pays.
    open_demo_as(d, s, "en", Some(&shopper), false).await?;
    let first = text_of(d, ".cw-method .cw-method-name").await;
    if first != "VISA •••• 4242" {
        bail!("the customer's next checkout offers {first:?} first");
    }
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    check_spy(d).await
}

/// Yuno's Lite checkout for PSE, with `issuersFormEnable` as its guide passes it: the SDK's
/// form lists the banks (in Spanish), the shopper picks one and pays with the form's own
/// button, and `continuePayment()` takes them to that bank's page. With it false, no list
/// shows and the bank's page names no bank.
pub async fn pse_bank_list(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-pse.html", s.merchant)).await?;
    install_spy(d).await?;
    let list = find(d, ".cw-issuer select").await?;
    let first = list.find(By::Css("option")).await?.text().await?;
    if first != "Elige tu banco" {
        bail!("the bank list's first entry: {first:?}");
    }
    list.find(By::Css("option[value='1051']"))
        .await?
        .click()
        .await?;
    check_spy(d).await?;
    find(d, ".cw-pay").await?.click().await?;
    let bank = bank_page(d).await?;
    if bank != "BANCO DAVIVIENDA" {
        bail!("the bank's page names {bank:?}, not the bank the shopper chose");
    }
    // `issuersFormEnable: false`: no list, and the token carries no bank.
    open(
        d,
        &format!("{}/yuno-pse.html?issuersFormEnable=false", s.merchant),
    )
    .await?;
    install_spy(d).await?;
    find(d, ".cw-method[data-type=PSE]").await?;
    check_spy(d).await?;
    find(d, ".cw-pay").await?.click().await?;
    let bank = bank_page(d).await?;
    // (The sandbox's own bank, in the page's Spanish.)
    if bank != "Banco de pruebas" {
        bail!("with issuersFormEnable false, the bank's page names {bank:?}");
    }
    Ok(())
}

/// A page asks for Yuno features this SDK does not offer, and for an enrollment without its
/// customer session: each call rejects, naming the feature (or the option), and nothing is
/// mounted. Yuno's options for what this SDK lacks (`card.fonts`,
/// `texts.customerForm`, `texts.paymentOtp`) start the checkout, each named in a warning.
pub async fn unsupported_features(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-mistakes.html", s.merchant)).await?;
    wait_text(d, "#result", "done").await?;
    let said: serde_json::Value =
        serde_json::from_str(&read_js(d, "#result", "el.dataset.json").await?)?;
    for (call, words) in [
        (
            "secureFields",
            "`secureFields` (secure fields) is not offered",
        ),
        ("startSeamlessCheckout", "(seamless mode) is not offered"),
        (
            "mountExternalButtons",
            "(external wallet buttons) is not offered",
        ),
        ("mountFraud", "(fraud SDKs) is not offered"),
        ("clickToPay", "(Click to Pay) is not offered"),
        (
            "enrollmentWithoutSession",
            "TypeError: checkout-widget: `mountEnrollmentLite` needs option `customerSession`",
        ),
        (
            "enrollmentOnACheckoutSession",
            "TypeError: checkout-widget: option `customerSession` is not a customer session",
        ),
        (
            "stepperType",
            "TypeError: checkout-widget: option `card.type` must be \"extends\" or \"step\"",
        ),
        (
            "issuersAsAWord",
            "TypeError: checkout-widget: option `issuersFormEnable` must be a boolean",
        ),
        (
            "stepperLabelNotText",
            "TypeError: checkout-widget: option `card.texts.cardStepper.cvvStep.nextButton` must be a non-empty string of at most 40 characters",
        ),
        (
            "cardOnChangeNotAFunction",
            "TypeError: checkout-widget: option `card.onChange` must be a function",
        ),
        (
            "creditOnlyAsAWord",
            "TypeError: checkout-widget: option `card.isCreditCardProcessingOnly` must be a boolean",
        ),
        ("notOffered", "resolved"),
    ] {
        let got = said[call].as_str().unwrap_or_default();
        if !got.contains(words) {
            bail!("{call}: expected a rejection saying {words:?}; got {got:?}");
        }
    }
    // Each option for what this SDK lacks is named once, with what the shopper gets.
    let warnings: Vec<String> = serde_json::from_value(said["warnings"].clone())?;
    for words in [
        "`card.fonts` (fonts loaded into the card form) is not offered",
        "`texts.customerForm` (the customer data form) is not offered",
        "`texts.paymentOtp` (the one-time password form) is not offered",
    ] {
        if warnings.iter().filter(|w| w.contains(words)).count() != 1 {
            bail!("expected one console warning saying {words:?}; got {warnings:?}");
        }
    }
    if d.find(By::Css(".cw-checkout, dialog")).await.is_ok() {
        bail!("a refused call mounted something");
    }
    Ok(())
}

/// A page with `card.hideCardholderName`, `automaticallyUnmount` and the SDK's pay button
/// labelled by `card.texts.cardForm.paymentSubmitButton`: the card form has no name field, the
/// button says the page's words (no amount), the payment goes through, and the checkout is
/// gone once the result is in.
pub async fn options_page(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-options.html", s.merchant)).await?;
    install_spy(d).await?;
    type_card(d, PAN, "1230", CVC, None).await?;
    crate::scenarios::enter_secure_frame(d).await?;
    let holder = d.find(By::Id("cw-holder")).await;
    let shown = match &holder {
        Ok(h) => h.is_displayed().await?,
        Err(_) => false,
    };
    d.enter_default_frame().await?;
    if shown {
        bail!("hideCardholderName: the name field shows");
    }
    let pay = find(d, "#form-element .cw-pay").await?;
    // The page's words, with no amount added.
    let label = pay.text().await?;
    if label != "Complete order" {
        bail!("paymentSubmitButton: the pay button says {label:?}");
    }
    pay.click().await?;
    wait_text(d, "#result", "result: SUCCEEDED").await?;
    wait_for(10, "the checkout to unmount itself", || async {
        d.find(By::Css("#form-element .cw-checkout"))
            .await
            .is_err()
            .then_some(())
    })
    .await?;
    check_spy(d).await
}

/// The modal checkout mounted twice in a row: one dialog and one checkout are left, and it pays.
pub async fn modal_mounted_twice(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-modal-twice.html", s.merchant)).await?;
    install_spy(d).await?;
    find(d, "dialog.cw-yuno-modal[open] .cw-method").await?;
    // Give a stray second mount the time to show up.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let dialogs = d.find_all(By::Css("dialog.cw-yuno-modal")).await?.len();
    let checkouts = d.find_all(By::Css(".cw-checkout")).await?.len();
    let frames = d.find_all(By::Css("iframe.cw-frame")).await?.len();
    if (dialogs, checkouts, frames) != (1, 1, 1) {
        bail!("{dialogs} dialogs, {checkouts} checkouts and {frames} card frames after two mounts");
    }
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    find(d, "dialog.cw-yuno-modal .cw-pay")
        .await?
        .click()
        .await?;
    wait_text(d, "#result", "result: SUCCEEDED").await?;
    check_spy(d).await
}

/// A card the sandbox charges only as debit, and one that is both credit and debit (its
/// test-card table).
const DEBIT: &str = "4000056655665556";
const COMBO: &str = "5500000000000004";

/// `card.isCreditCardProcessingOnly` on a page written from Yuno's full checkout guide, in
/// Portuguese: a debit card gets no token, and the form says why under the number and marks
/// it; a card that is both credit and debit is charged as credit, as the token Yuno's page is
/// given and the payment both say. Without the option, the same card is charged as debit.
pub async fn credit_only(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-credit.html", s.merchant)).await?;
    install_spy(d).await?;
    type_card(d, DEBIT, "1230", CVC, Some("Ana Souza")).await?;
    click(d, "#pay").await?;
    crate::scenarios::enter_secure_frame(d).await?;
    wait_text(
        d,
        "#cw-number-error",
        "Este é um cartão de débito. Use um cartão de crédito.",
    )
    .await?;
    let number = d.find(By::Id("cw-number")).await?;
    if number.attr("aria-invalid").await?.as_deref() != Some("true") {
        bail!("the number of a debit card is not marked invalid");
    }
    number.click().await?;
    for _ in 0..19 {
        number.send_keys(Key::Backspace).await?;
    }
    number.send_keys(COMBO).await?;
    d.enter_default_frame().await?;
    let token = read_js(d, "#result", "el.dataset.token ?? 'none'").await?;
    if token != "none" {
        bail!("a debit card made a token under credit only ({token:?})");
    }
    click(d, "#pay").await?;
    wait_text(d, "#result", "result: SUCCEEDED").await?;
    let charged = read_js(d, "#result", "el.dataset.token + ' ' + el.dataset.charged").await?;
    if charged != "CREDIT CREDIT" {
        bail!("a combo card under credit only: the token and the payment say {charged:?}");
    }
    check_spy(d).await?;

    open(
        d,
        &format!(
            "{}/yuno-credit.html?isCreditCardProcessingOnly=false",
            s.merchant
        ),
    )
    .await?;
    install_spy(d).await?;
    type_card(d, COMBO, "1230", CVC, Some("Ana Souza")).await?;
    click(d, "#pay").await?;
    wait_text(d, "#result", "result: SUCCEEDED").await?;
    let charged = read_js(d, "#result", "el.dataset.token + '/' + el.dataset.charged").await?;
    if charged != "/DEBIT" {
        bail!("a combo card without credit only: the token and the payment say {charged:?}");
    }
    check_spy(d).await
}

/// The ids of the card form's controls a shopper can see (in a field wider than the 1 px a
/// field out of sight keeps, so that it stays focusable), in the secure frame.
async fn controls_shown(d: &WebDriver) -> anyhow::Result<Vec<String>> {
    let shown = d
        .execute(
            r#"return [...document.querySelectorAll(".cw-field input, .cw-field select")]
                 .filter((c) => c.closest(".cw-field").getBoundingClientRect().width > 1).map((c) => c.id);"#,
            vec![],
        )
        .await?
        .json()
        .clone();
    Ok(serde_json::from_value(shown)?)
}

/// Waits until the one control shown is `id`.
async fn step_is(d: &WebDriver, id: &str) -> anyhow::Result<()> {
    let shown = wait_for(10, id, || async move {
        (controls_shown(d).await.ok()? == [id]).then_some(())
    })
    .await;
    match shown {
        Ok(()) => Ok(()),
        Err(e) => bail!("{e:#}: the card form shows {:?}", controls_shown(d).await?),
    }
}

/// Clicks the element `css` names, saying which when it cannot.
async fn click(d: &WebDriver, css: &str) -> anyhow::Result<()> {
    let el = find(d, css).await?;
    el.click().await.with_context(|| format!("clicking {css}"))
}

/// Types `text` into the element `css` names, saying which when it cannot.
async fn keys(d: &WebDriver, css: &str, text: impl Into<TypingData>) -> anyhow::Result<()> {
    let el = find(d, css).await?;
    el.send_keys(text)
        .await
        .with_context(|| format!("typing into {css}"))
}

/// A page with Yuno's `card.type: "step"` and `documentEnable`, in Brazil: the card form shows
/// one field at a time, and it passes axe-core. Back is not offered on the first step; Tab
/// shows the field it reaches; paying with the number empty brings the number back, with its
/// error; Next on it stays and says why; the form moves on by itself as each field is filled;
/// Back goes back; Enter goes on, but not from an incomplete field; the document's steps (its
/// type, then its number) come after the card's, and Next refuses an empty document; the
/// payment goes through.
pub async fn step_card_form(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open(d, &format!("{}/yuno-step.html", s.merchant)).await?;
    install_spy(d).await?;
    crate::scenarios::enter_secure_frame(d).await?;
    find(d, ".cw-form .cw-steps").await?;
    step_is(d, "cw-number").await?;
    crate::scenarios::axe(d, "card form one field at a time").await?;
    // (Every element found again where it is used: WebKit's driver holds a found element
    // stale once the focus has moved within the frame.)
    let back = ".cw-steps button:first-child";
    let next = ".cw-steps button:last-child";
    // Each card step's buttons say the page's labels (Yuno's `cardStepper`); the document's,
    // the form's own words.
    let says = |back_label: &'static str, next_label: &'static str| async move {
        let shown = (
            find(d, back).await?.text().await?,
            find(d, next).await?.text().await?,
        );
        if shown != (back_label.to_owned(), next_label.to_owned()) {
            bail!("the step's buttons say {shown:?}, not {back_label:?} and {next_label:?}");
        }
        anyhow::Ok(())
    };
    let label = find(d, next).await?.text().await?;
    if find(d, back).await?.is_displayed().await? || label != "Continue" {
        bail!("the first step offers Back, or its Next says {label:?}");
    }
    let number_error = || async {
        let error = d.find(By::Id("cw-number-error")).await.ok()?;
        (error.text().await.ok()? == "Enter your card number.").then_some(())
    };
    click(d, "#cw-number").await?;
    keys(d, "#cw-number", Key::Tab).await?;
    step_is(d, "cw-expiry").await?;
    d.enter_default_frame().await?;
    click(d, "#form-element .cw-pay").await?;
    crate::scenarios::enter_secure_frame(d).await?;
    step_is(d, "cw-number").await?;
    wait_for(10, "the number's error, at payment", number_error).await?;
    click(d, next).await?;
    // (Time for a wrong move to show before the step is read.)
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    step_is(d, "cw-number").await?;
    wait_for(10, "the number's error, at Next", number_error).await?;
    keys(d, "#cw-number", PAN).await?;
    step_is(d, "cw-expiry").await?;
    says("Back to the number", "Continue").await?;
    click(d, back).await?;
    step_is(d, "cw-number").await?;
    keys(d, "#cw-number", Key::Enter).await?;
    step_is(d, "cw-expiry").await?;
    keys(d, "#cw-expiry", "12").await?;
    keys(d, "#cw-expiry", Key::Enter).await?;
    wait_for(10, "the expiry's error, at Enter", || async {
        let input = d.find(By::Id("cw-expiry")).await.ok()?;
        (input.attr("aria-invalid").await.ok()?? == "true").then_some(())
    })
    .await?;
    step_is(d, "cw-expiry").await?;
    for (id, text, then) in [
        ("#cw-expiry", "30", "cw-cvc"),
        ("#cw-cvc", CVC, "cw-holder"),
    ] {
        keys(d, id, text).await?;
        step_is(d, then).await?;
    }
    keys(d, "#cw-holder", "Ana Souza").await?;
    says("Back to the code", "Done with the card").await?;
    click(d, next).await?;
    step_is(d, "cw-document-type").await?;
    says("Back", "Next").await?;
    click(d, next).await?;
    step_is(d, "cw-document").await?;
    click(d, next).await?;
    wait_for(10, "the document's error", || async {
        let error = d.find(By::Id("cw-document-error")).await.ok()?;
        (!error.text().await.ok()?.is_empty()).then_some(())
    })
    .await?;
    step_is(d, "cw-document").await?;
    // A CPF with its check digits right.
    keys(d, "#cw-document", "52998224725").await?;
    d.enter_default_frame().await?;
    click(d, "#form-element .cw-pay").await?;
    wait_text(d, "#result", "result: SUCCEEDED").await?;
    check_spy(d).await
}
