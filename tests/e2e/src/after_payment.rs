//! After the payment, end to end, from the demo page, which calls `continuePayment()` with no
//! argument as Yuno's guide does: 3-D Secure (frictionless, challenge, closed), PIX paid while
//! its code is shown, an OXXO voucher, and a PSE redirect to the bank and back.

use anyhow::{bail, Context};
use thirtyfour::prelude::*;

use crate::sandbox::Sandbox;
use crate::scenarios::{
    axe, check_spy, declined_then_form_back, find, install_spy, open, open_demo, open_demo_where,
    pay, payment_id, text_of, type_card, wait_for, wait_text, webhook_for, CVC,
};

const FRICTIONLESS: &str = "4000000000003063";
const CHALLENGE: &str = "4000000000003220";

/// The demo in a country, in English, with the checkout open.
async fn open_demo_in(d: &WebDriver, s: &Sandbox, country: &str) -> anyhow::Result<()> {
    open_demo_where(d, s, country, "en", false).await
}

/// Enters the issuer's page in the widget's 3-D Secure dialog.
async fn enter_challenge(d: &WebDriver) -> anyhow::Result<()> {
    wait_for(20, "the 3-D Secure challenge", || async {
        d.enter_default_frame().await.ok()?;
        let frame = d.find(By::Css("dialog.cw-dialog iframe")).await.ok()?;
        frame.enter_frame().await.ok()?;
        d.find(By::Id("code")).await.ok()
    })
    .await
    .map(|_| ())
}

/// Answers the challenge with `code`, as the shopper types it.
async fn answer_challenge(d: &WebDriver, code: &str) -> anyhow::Result<()> {
    enter_challenge(d).await?;
    let field = d.find(By::Id("code")).await?;
    field.click().await?;
    field.send_keys(code).await?;
    d.find(By::Css("button[value=confirm]"))
        .await?
        .click()
        .await?;
    d.enter_default_frame().await?;
    Ok(())
}

/// The status screen the widget shows for `status`.
async fn status_screen(d: &WebDriver, status: &str) -> anyhow::Result<WebElement> {
    find(d, &format!(".cw-after[data-status={status}]")).await
}

async fn no_dialog(d: &WebDriver) -> anyhow::Result<()> {
    wait_for(20, "the dialog to close", || async {
        d.find_all(By::Css("dialog.cw-dialog"))
            .await
            .ok()?
            .is_empty()
            .then_some(())
    })
    .await
}

/// The shopper's bank pays a pending payment (through the demo merchant's sandbox call).
async fn bank_pays(d: &WebDriver, id: &str) -> anyhow::Result<()> {
    d.execute(
        "return fetch(`/api/payments/${arguments[0]}/complete`, { method: 'POST' }).then((r) => r.status)",
        vec![serde_json::json!(id)],
    )
    .await
    .context("completing the payment")?;
    Ok(())
}

pub async fn frictionless(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    type_card(d, FRICTIONLESS, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    status_screen(d, "SUCCEEDED").await?;
    wait_text(d, "#result", "SUCCEEDED / APPROVED").await?;
    if !d.find_all(By::Css("dialog")).await?.is_empty() {
        bail!("a frictionless authentication showed a dialog");
    }
    webhook_for(d, "SUCCEEDED").await?;
    check_spy(d).await
}

pub async fn challenge(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    type_card(d, CHALLENGE, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    // The dialog is named and the issuer's page in it is accessible.
    enter_challenge(d).await?;
    axe(d, "issuer's page").await?;
    d.enter_default_frame().await?;
    axe(d, "host page with the 3-D Secure dialog").await?;
    // A wrong code: declined, with the reason, and the form comes back.
    answer_challenge(d, "9999").await?;
    no_dialog(d).await?;
    wait_text(d, "#result", "DECLINED / FAILED_AUTHENTICATION").await?;
    declined_then_form_back(d, "could not verify").await?;
    d.enter_default_frame().await?;
    // Another attempt, the right code: approved.
    pay(d).await?;
    answer_challenge(d, "1234").await?;
    no_dialog(d).await?;
    status_screen(d, "SUCCEEDED").await?;
    wait_text(d, "#result", "SUCCEEDED / APPROVED").await?;
    webhook_for(d, "SUCCEEDED").await?;
    check_spy(d).await
}

pub async fn challenge_closed(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    type_card(d, CHALLENGE, "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    enter_challenge(d).await?;
    d.enter_default_frame().await?;
    // Escape closes it (pressed where the focus starts: the dialog's close button). WebKitGTK's
    // driver delivers no Escape key event to the page (a listener sees none), so there the
    // shopper's other way out is used: the close button.
    d.execute(
        "window.__keys = []; addEventListener('keydown', (e) => __keys.push(e.key), true)",
        vec![],
    )
    .await?;
    let close = find(d, "dialog.cw-dialog header button").await?;
    close.send_keys(Key::Escape).await?;
    let delivered = d.execute("return __keys.length > 0", vec![]).await?;
    if delivered.json() != &serde_json::json!(true) {
        close.click().await?;
    }
    no_dialog(d).await?;
    wait_text(d, "#result", "PENDING / CANCELLED_BY_USER").await?;
    let notice = find(d, ".cw-after[role=alert]").await?.text().await?;
    if !notice.contains("closed the verification") {
        bail!("notice: {notice:?}");
    }
    check_spy(d).await
}

pub async fn pix(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo(d, s, "en").await?;
    find(d, ".cw-method[data-type=PIX]").await?.click().await?;
    pay(d).await?;
    let id = payment_id(d).await?;
    let code = wait_text(d, "dialog.cw-dialog code", "000201").await?;
    if !code.contains("br.gov.bcb.pix") {
        bail!("not a BR Code: {code:?}");
    }
    find(d, "dialog.cw-dialog img[src*='qr.svg']").await?;
    let timer = text_of(d, "dialog.cw-dialog [role=timer]").await;
    if !timer.contains(':') {
        bail!("time left: {timer:?}");
    }
    find(d, "dialog.cw-dialog button:not([aria-label])")
        .await?
        .click()
        .await?;
    wait_for(10, "the copy feedback", || async {
        let said = text_of(d, "dialog.cw-dialog p[role=status]").await;
        (!said.is_empty()).then_some(())
    })
    .await?;
    axe(d, "host page with the PIX code").await?;
    // Paid while the code is on screen: the widget sees it without a reload.
    bank_pays(d, &id).await?;
    no_dialog(d).await?;
    status_screen(d, "SUCCEEDED").await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    webhook_for(d, "SUCCEEDED").await?;
    check_spy(d).await
}

pub async fn oxxo(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo_in(d, s, "MX").await?;
    find(d, ".cw-method[data-type=OXXO]").await?.click().await?;
    pay(d).await?;
    let id = payment_id(d).await?;
    let details = wait_text(d, "dialog.cw-dialog dl", "Reference").await?;
    if details.chars().filter(char::is_ascii_digit).count() < 14 {
        bail!("voucher: {details:?}");
    }
    find(d, "dialog.cw-dialog img[src*='barcode.svg']").await?;
    find(
        d,
        "dialog.cw-dialog a[href*='/sandbox/voucher/'][target=_blank]",
    )
    .await?;
    wait_text(d, "#result", "PENDING / WAITING_ADDITIONAL_STEP").await?;
    axe(d, "host page with the voucher").await?;
    find(d, "dialog.cw-dialog header button")
        .await?
        .click()
        .await?;
    no_dialog(d).await?;
    // Paid at the store later: the merchant hears it.
    bank_pays(d, &id).await?;
    webhook_for(d, "SUCCEEDED").await?;
    check_spy(d).await
}

/// Waits for the sandbox's bank page (PSE's redirect) and reads the bank it names.
pub(crate) async fn bank_page(d: &WebDriver) -> anyhow::Result<String> {
    wait_for(20, "the bank's page", || async {
        d.current_url()
            .await
            .ok()?
            .path()
            .starts_with("/sandbox/pay/")
            .then_some(())
    })
    .await?;
    Ok(find(d, "p.bank").await?.text().await?)
}

/// Whether `el` shows, within 10 s.
async fn shows(el: &WebElement, what: &str, shown: bool) -> anyhow::Result<()> {
    wait_for(10, what, || async {
        (el.is_displayed().await.ok()? == shown).then_some(())
    })
    .await
}

/// PSE in Spanish: the shopper picks their bank from the list under the method (Yuno's
/// `issuersFormEnable`, the native `issuerForm`, on by default), which must be chosen before
/// paying, and the bank's page opens at that bank.
pub async fn pse(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo_where(d, s, "CO", "es", false).await?;
    find(d, ".cw-method[data-type=PSE]").await?.click().await?;
    let list = find(d, ".cw-issuer select").await?;
    shows(&list, "the bank list", true).await?;
    let label = find(d, ".cw-issuer label").await?.text().await?;
    if label != "Banco" {
        bail!("the bank list's label: {label:?}");
    }
    axe(d, "host page with the bank list").await?;
    // Paying without a bank makes no token: the list says why and takes the focus.
    let here = d.current_url().await?;
    pay(d).await?;
    wait_text(d, ".cw-issuer [role=alert]", "Elige tu banco").await?;
    if list.attr("aria-invalid").await?.as_deref() != Some("true") {
        bail!("the bank list is not marked invalid");
    }
    if d.active_element().await?.id().await? != list.id().await? {
        bail!("the focus is not on the bank list");
    }
    if d.current_url().await? != here || !text_of(d, "#result").await.is_empty() {
        bail!("a payment was made without a bank");
    }
    // Another method hides the list; PSE again shows it, as it was.
    find(d, ".cw-method[data-type=NEQUI]")
        .await?
        .click()
        .await?;
    shows(&list, "the bank list to hide", false).await?;
    find(d, ".cw-method[data-type=PSE]").await?.click().await?;
    shows(&list, "the bank list again", true).await?;
    list.find(By::Css("option[value='1007']"))
        .await?
        .click()
        .await?;
    if !text_of(d, ".cw-issuer [role=alert]").await.is_empty() {
        bail!("the bank is chosen, but the list still says to choose one");
    }
    pay(d).await?;
    let bank = bank_page(d).await?;
    if bank != "BANCOLOMBIA" {
        bail!("the bank's page names {bank:?}, not the bank the shopper chose");
    }
    axe(d, "bank's page").await?;
    find(d, "button[value=approve]").await?.click().await?;
    wait_for(20, "the return page", || async {
        d.current_url()
            .await
            .ok()?
            .path()
            .ends_with("/return.html")
            .then_some(())
    })
    .await?;
    status_screen(d, "SUCCEEDED").await?;
    wait_text(d, "#result", "SUCCEEDED / APPROVED").await?;
    axe(d, "return page").await
}

/// PSE's bank list on a slow network (it answers 2 s late): paying before it shows makes no
/// token; a method chosen meanwhile keeps it hidden when it comes; then it works as always.
pub async fn bank_list_while_loading(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_after_page(d, s, "country=CO&slowIssuers").await?;
    let here = d.current_url().await?;
    find(d, ".cw-method[data-type=PSE]").await?.click().await?;
    pay(d).await?;
    find(d, ".cw-method[data-type=NEQUI]")
        .await?
        .click()
        .await?;
    let list = find(d, ".cw-issuer select").await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    if list.is_displayed().await? {
        bail!("PSE's bank list came while NEQUI was chosen, and showed");
    }
    if d.current_url().await? != here || !text_of(d, "#result").await.is_empty() {
        bail!("a payment was made before the bank list came");
    }
    find(d, ".cw-method[data-type=PSE]").await?.click().await?;
    shows(&list, "the bank list", true).await?;
    list.find(By::Css("option[value='1809']"))
        .await?
        .click()
        .await?;
    check_spy(d).await?;
    pay(d).await?;
    let bank = bank_page(d).await?;
    if bank != "NU" {
        bail!("the bank's page names {bank:?}, not the bank the shopper chose");
    }
    Ok(())
}

/// A page with the after-the-payment options in its query string (`www/after.html`).
async fn open_after_page(d: &WebDriver, s: &Sandbox, query: &str) -> anyhow::Result<()> {
    open(d, &format!("{}/after.html?{query}", s.merchant)).await?;
    install_spy(d).await?;
    find(d, ".cw-method").await?;
    Ok(())
}

pub async fn challenge_times_out(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_after_page(d, s, "challengeTimeout=3").await?;
    type_card(d, "4000000000003246", "1230", CVC, Some("Ana Souza")).await?;
    pay(d).await?;
    // The issuer's page never answers; the widget gives up after the stated 3 s.
    enter_challenge_page(d).await?;
    d.enter_default_frame().await?;
    no_dialog(d).await?;
    wait_text(d, "#error", "CHALLENGE_TIMEOUT").await?;
    wait_text(d, "#result", "continuePayment: null").await?;
    let notice = find(d, ".cw-after[role=alert]").await?.text().await?;
    if !notice.contains("did not answer in time") {
        bail!("notice: {notice:?}");
    }
    check_spy(d).await
}

/// Enters the issuer's page, whatever it shows.
async fn enter_challenge_page(d: &WebDriver) -> anyhow::Result<()> {
    wait_for(20, "the issuer's page", || async {
        d.enter_default_frame().await.ok()?;
        let frame = d.find(By::Css("dialog.cw-dialog iframe")).await.ok()?;
        frame.enter_frame().await.ok()?;
        d.find(By::Css("main")).await.ok()
    })
    .await
    .map(|_| ())
}

pub async fn redirect_returned(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    // Without the bank list (`issuerForm: false`): PSE pays at once, with no bank.
    open_after_page(d, s, "country=CO&redirect=return&issuerForm=false").await?;
    let here = d.current_url().await?;
    find(d, ".cw-method[data-type=PSE]").await?.click().await?;
    pay(d).await?;
    let said = wait_text(d, "#result", "REDIRECT_URL").await?;
    for part in [
        r#""type":"PSE""#,
        "/sandbox/pay/",
        "success_url",
        "/return.html?checkout_session=",
    ] {
        if !said.contains(part) {
            bail!("continuePayment resolved to {said:?}");
        }
    }
    if !d.find_all(By::Css(".cw-issuer")).await?.is_empty() {
        bail!("a bank list showed with `issuerForm: false`");
    }
    if d.current_url().await? != here {
        bail!("the page navigated although it asked for the redirect object");
    }
    check_spy(d).await
}
