//! The card form Latin American shoppers expect, end to end from the demo page: the payer's
//! identity document (checked as typed, an error on blur) and the installment plans of the
//! card being typed, in the shopper's language and currency; the payment the merchant's
//! server then reads shows both. The document stays off the merchant page (the demo shows no
//! token information).

use anyhow::bail;
use checkout_i18n::Lang;
use serde_json::Value;
use thirtyfour::prelude::*;

use crate::sandbox::Sandbox;
use crate::scenarios::{
    check_spy, enter_secure_frame, find, install_spy, open, pay, payment_id, type_card, wait_for,
    wait_text, CVC, PAN,
};

/// The demo in `country` and `language`, asking for the payer's document, the checkout open.
async fn open_demo_asking_document(
    d: &WebDriver,
    s: &Sandbox,
    country: &str,
    language: &str,
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
    find(d, "input[name=document]").await?.click().await?;
    find(d, "#buy button").await?.click().await?;
    find(d, ".cw-method").await?;
    Ok(())
}

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

/// What the payment the merchant's server reads says of the installments and the document.
async fn paid_with(s: &Sandbox, id: &str) -> anyhow::Result<(Value, Value)> {
    let payment = s.payment(id).await?;
    let installments =
        payment["payment_method"]["payment_method_detail"]["card"]["installments"].clone();
    let document = payment["customer_payer"]["document"].clone();
    Ok((installments, document))
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
    open_demo_asking_document(d, s, "BR", "pt-BR").await?;
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
    let error = wait_for(10, "the document's error", || async {
        let t = d
            .find(By::Id("cw-document-error"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (!t.is_empty()).then_some(t)
    })
    .await?;
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
    d.enter_default_frame().await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    let id = payment_id(d).await?;
    let (installments, document) = paid_with(s, &id).await?;
    if installments != 3 {
        bail!("the payment shows installments {installments}");
    }
    if document != serde_json::json!({"document_type": "CPF", "document_number": "52998224725"}) {
        bail!("the payment shows the document {document}");
    }
    page_lacks(d, "52998224725").await?;
    page_lacks(d, "529.982.247-25").await?;
    check_spy(d).await
}

/// Mexico in Spanish: an RFC, and 6 meses sin intereses in pesos; the payment shows both.
pub async fn mexico(d: &WebDriver, s: &Sandbox) -> anyhow::Result<()> {
    open_demo_asking_document(d, s, "MX", "es").await?;
    type_card(d, PAN, "1230", CVC, Some("Ana Souza")).await?;
    enter_secure_frame(d).await?;
    let input = type_document(d, "gode561231gr8").await?;
    let shown = input.prop("value").await?.unwrap_or_default();
    if shown != "GODE561231GR8" {
        bail!("the RFC is shown as {shown:?}");
    }
    choose_installments(d, "6 meses sin intereses de $216.50", "6").await?;
    d.enter_default_frame().await?;
    pay(d).await?;
    wait_text(d, "#result", "SUCCEEDED").await?;
    let id = payment_id(d).await?;
    let (installments, document) = paid_with(s, &id).await?;
    if installments != 6 {
        bail!("the payment shows installments {installments}");
    }
    if document != serde_json::json!({"document_type": "RFC", "document_number": "GODE561231GR8"}) {
        bail!("the payment shows the document {document}");
    }
    page_lacks(d, "GODE561231GR8").await?;
    check_spy(d).await
}
