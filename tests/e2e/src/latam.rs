//! The card form Latin American shoppers expect, end to end from the demo page: the payer's
//! identity document (checked as typed, an error on blur) and the installment plans of the
//! card being typed, in the shopper's language and currency; the payment the merchant's
//! server then reads shows both. The document stays off the merchant page (the demo shows no
//! token information).

use anyhow::bail;
use checkout_i18n::Lang;
use thirtyfour::prelude::*;

use crate::sandbox::Sandbox;
use crate::scenarios::{
    check_spy, enter_secure_frame, find, open_demo_where, pay, payment_id, text_shown, type_card,
    wait_for, wait_text, CVC, PAN,
};

/// Text as a person reads it: Intl's no-break spaces as spaces.
fn plain(t: &str) -> String {
    t.replace(['\u{a0}', '\u{202f}'], " ")
}

/// Inside the secure frame: waits for the installment select to offer `wanted` (as read) and
/// picks it by keyboard, as a person would (the select is focused, then arrow keys).
async fn choose_installments(d: &WebDriver, wanted: &str, value: &str) -> anyhow::Result<()> {
    let select = wait_for(20, "the installment select", || async {
        let el = d.find(By::Id("cw-installments")).await.ok()?;
        el.is_displayed().await.ok()?.then_some(el)
    })
    .await?;
    let options = select.find_all(By::Tag("option")).await?;
    let mut texts = Vec::new();
    for o in &options {
        texts.push(plain(&o.text().await?));
    }
    if !texts.iter().any(|t| t == wanted) {
        bail!("the installment select offers {texts:?}, not {wanted:?}");
    }
    let first = select.prop("value").await?.unwrap_or_default();
    if first != "1" {
        bail!("the installment select starts at {first:?}, not a single payment");
    }
    select
        .find(By::Css(format!("option[value='{value}']")))
        .await?
        .click()
        .await?;
    Ok(())
}

/// Types `number` into the document field (clicked first, emptied).
async fn type_document(d: &WebDriver, number: &str) -> anyhow::Result<WebElement> {
    let input = find(d, "#cw-document").await?;
    input.click().await?;
    input.send_keys(Key::Control + "a").await?;
    input.send_keys(Key::Backspace).await?;
    input.send_keys(number).await?;
    Ok(input)
}

/// Pays from the host page, and fails unless the payment the merchant's server reads shows
/// `installments` and the document `(kind, number)`, and the page never held the number.
async fn pay_and_check(
    d: &WebDriver,
    s: &Sandbox,
    installments: u8,
    (kind, number): (&str, &str),
) -> anyhow::Result<()> {
    d.enter_default_frame().await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    let payment = s.payment(&payment_id(d).await?).await?;
    let shown = &payment["payment_method"]["payment_method_detail"]["card"]["installments"];
    if *shown != installments {
        bail!("the payment shows installments {shown}");
    }
    let document = &payment["customer_payer"]["document"];
    if *document != serde_json::json!({"document_type": kind, "document_number": number}) {
        bail!("the payment shows the document {document}");
    }
    page_lacks(d, number).await
}

/// Fails if the merchant page holds `text` anywhere (DOM, messages, console, URL).
pub(crate) async fn page_lacks(d: &WebDriver, text: &str) -> anyhow::Result<()> {
    d.enter_default_frame().await?;
    let seen = d
        .execute(
            "return JSON.stringify({spy: window.__spy, html: document.documentElement.outerHTML, url: location.href})",
            vec![],
        )
        .await?;
    if seen.json().as_str().unwrap_or_default().contains(text) {
        bail!("the merchant page saw {text:?}");
    }
    Ok(())
}

/// Brazil in Portuguese: a CPF with a wrong check digit is refused on blur, the right one is
/// formatted as typed; 3 parcelas sem juros; the payment shows both.
pub async fn brazil(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo_where(d, s, "BR", "pt-BR", true).await?;
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    enter_secure_frame(d).await?;
    let words = Lang::Pt.latam();
    let label = find(d, "label[for=cw-document]").await?.text().await?;
    if label != words.document_number {
        bail!("the document field is labelled {label:?}");
    }
    // CPF or CNPJ: Brazil's form offers both, CPF first.
    let kind = find(d, "#cw-document-type").await?.prop("value").await?;
    if kind.as_deref() != Some("CPF") {
        bail!("the document type starts at {kind:?}");
    }
    type_document(d, "52998224724").await?;
    find(d, "#cw-holder").await?.click().await?;
    let error = text_shown(d, "#cw-document-error").await?;
    let expected = words.document_check_digit;
    if error != expected {
        bail!("a wrong CPF check digit says {error:?}, not {expected:?}");
    }
    let input = type_document(d, "52998224725").await?;
    let shown = input.prop("value").await?.unwrap_or_default();
    if shown != "529.982.247-25" {
        bail!("the CPF is shown as {shown:?}");
    }
    wait_for(10, "the error to go", || async {
        let t = d
            .find(By::Id("cw-document-error"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        t.is_empty().then_some(())
    })
    .await?;
    choose_installments(d, "3x R$ 49,97 sem juros", "3").await?;
    pay_and_check(d, s, 3, ("CPF", "52998224725")).await?;
    page_lacks(d, "529.982.247-25").await?;
    check_spy(d).await
}

/// Mexico in Spanish: an RFC, and 6 meses sin intereses in pesos; the payment shows both.
pub async fn mexico(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo_where(d, s, "MX", "es", true).await?;
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    enter_secure_frame(d).await?;
    let input = type_document(d, "gode561231gr8").await?;
    let shown = input.prop("value").await?.unwrap_or_default();
    if shown != "GODE561231GR8" {
        bail!("the RFC is shown as {shown:?}");
    }
    choose_installments(d, "6 meses sin intereses de $216.50", "6").await?;
    pay_and_check(d, s, 6, ("RFC", "GODE561231GR8")).await?;
    check_spy(d).await
}
