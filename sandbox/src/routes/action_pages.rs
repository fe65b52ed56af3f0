//! The sandbox's stand-ins for the other side of an action, on the payment origin: the card
//! issuer's 3-D Secure challenge (shown by the widget in an iframe), the bank's or wallet's
//! approval page (the shopper is sent there and back), the PIX QR image and the printable
//! cash voucher. Server-rendered, no script, in the language the widget passes (`?lang=`).
//!
//! A page is reached by the payment's id (a random UUID) in its URL, as an issuer's page is
//! reached by a transaction id: whoever holds the link may act on that one pending payment.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use serde_json::Value;

use crate::actions::html::{amount, esc, lang, page, page_of, Policy, CSS};
use crate::actions::{chosen_bank, pending_step, pix, voucher, Step, CHALLENGE_CODE};
use crate::error::{ApiError, ApiResult};
use crate::settle::settle;
use crate::state::AppState;
use crate::store::payments::PaymentRow;

#[derive(Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
}

/// What the shopper's button sent.
#[derive(Deserialize)]
pub struct Answer {
    /// `confirm`, `cancel`, `approve` or `reject`.
    action: String,
    code: Option<String>,
    lang: Option<String>,
}

const IN_FRAME: Policy = Policy {
    ancestors: "*",
    forms_to: "",
};

/// A page answered for a payment that waits for something else.
fn not_this_step() -> ApiError {
    ApiError::bad_request(
        "ACTION_NOT_PENDING",
        "this payment does not wait for this page's answer",
    )
}

async fn pending(state: &AppState, id: &str) -> ApiResult<PaymentRow> {
    state
        .store
        .payment_by_id(id)
        .await?
        .ok_or_else(|| ApiError::not_found("PAYMENT_NOT_FOUND", "no payment with this id"))
}

/// `GET /sandbox/pages.css`
pub async fn stylesheet() -> Response {
    let mut r = CSS.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    r
}

/// `GET /sandbox/3ds/{id}`: the issuer asks for the code (or, for the card whose issuer never
/// answers, keeps "contacting" for ever).
pub async fn challenge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> ApiResult<Response> {
    let p = pending(&state, &id).await?;
    let lang = lang(q.lang.as_deref());
    let w = lang.pages();
    if p.status != "PENDING" {
        return Ok(page(
            lang,
            StatusCode::OK,
            w.issuer_title,
            &format!("<p role=\"status\">{}</p>", esc(w.already_final)),
            IN_FRAME,
        ));
    }
    // The test card 4000 0000 0000 3246's issuer never answers (shared/spec/api.md).
    if p.body["payment_method"]["card_data"]["lfd"] == "3246" {
        let body = format!(
            "<p role=\"status\" aria-busy=\"true\">{}</p>",
            esc(w.contacting)
        );
        return Ok(page(lang, StatusCode::OK, w.issuer_title, &body, IN_FRAME));
    }
    let body = format!(
        "{facts}<form method=\"post\"><input type=\"hidden\" name=\"lang\" value=\"{code}\">\
         <p>{prompt}</p><label for=\"code\">{label}</label>\
         <input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required aria-describedby=\"hint\">\
         <p id=\"hint\" class=\"hint\">{hint}</p>\
         <div class=\"row\"><button name=\"action\" value=\"confirm\">{confirm}</button>\
         <button class=\"secondary\" name=\"action\" value=\"cancel\" formnovalidate>{cancel}</button></div></form>",
        facts = facts(lang, &p.body),
        code = lang.code(),
        prompt = esc(w.issuer_prompt),
        label = esc(w.code_label),
        hint = esc(w.sandbox_hint),
        confirm = esc(w.confirm),
        cancel = esc(w.cancel),
    );
    Ok(page(lang, StatusCode::OK, w.issuer_title, &body, IN_FRAME))
}

/// `POST /sandbox/3ds/{id}`: the code (`1234` authenticates) or the shopper's cancel.
pub async fn answer_challenge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(a): Form<Answer>,
) -> ApiResult<Response> {
    let p = pending(&state, &id).await?;
    // Only a challenge that is waiting, and whose issuer answers, takes an answer.
    if p.status == "PENDING" && pending_step(&p.body) != Some(Step::Challenge { answers: true }) {
        return Err(not_this_step());
    }
    let outcome = match (a.action.as_str(), a.code.as_deref().map(str::trim)) {
        ("cancel", _) => ("CANCELED", "CANCELLED_BY_USER"),
        ("confirm", Some(CHALLENGE_CODE)) => ("SUCCEEDED", "APPROVED"),
        ("confirm", _) => ("DECLINED", "FAILED_AUTHENTICATION"),
        _ => return Err(ApiError::invalid("action", "must be confirm or cancel")),
    };
    settle(&state, p, outcome).await?;
    let lang = lang(a.lang.as_deref());
    let w = lang.pages();
    Ok(page(
        lang,
        StatusCode::OK,
        w.issuer_title,
        &format!("<p role=\"status\">{}</p>", esc(w.done)),
        IN_FRAME,
    ))
}

/// The merchant and the amount, as a definition list.
fn facts(lang: checkout_i18n::Lang, payment: &Value) -> String {
    let w = lang.pages();
    let a = &payment["amount"];
    format!(
        "<dl><dt>{m}</dt><dd>{merchant}</dd><dt>{am}</dt><dd>{amount}</dd></dl>",
        m = esc(w.merchant),
        merchant = esc(crate::actions::RECEIVER),
        am = esc(w.amount),
        amount = esc(&amount(
            a["currency"].as_str().unwrap_or(""),
            a["value"].as_f64().unwrap_or(0.0)
        )),
    )
}

/// `GET /sandbox/pay/{id}`: the bank's or wallet's page asks the shopper to approve.
pub async fn bank(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> ApiResult<Response> {
    let p = pending(&state, &id).await?;
    let lang = lang(q.lang.as_deref());
    let w = lang.pages();
    let to = return_url(&state, &p).await?;
    let origin = to.as_deref().and_then(origin_of).unwrap_or_default();
    let policy = Policy {
        ancestors: "'none'",
        forms_to: &origin,
    };
    // The bank the shopper chose (PSE) heads its page, so they see whose page it stands for.
    let bank = chosen_bank(&p.body).unwrap_or(w.bank_name);
    // Already final: said so, with the way back; else the bank's question.
    let body = if p.status != "PENDING" {
        let back = to.map(|u| {
            format!(
                "<p><a class=\"button\" href=\"{}\">{}</a></p>",
                esc(&u),
                esc(w.back_to_store)
            )
        });
        format!(
            "<p role=\"status\">{}</p>{}",
            esc(w.already_final),
            back.unwrap_or_default()
        )
    } else {
        format!(
            "<p>{prompt}</p>{facts}<form method=\"post\"><input type=\"hidden\" name=\"lang\" value=\"{code}\">\
             <div class=\"row\"><button name=\"action\" value=\"approve\">{approve}</button>\
             <button class=\"secondary\" name=\"action\" value=\"reject\">{reject}</button></div></form>",
            prompt = esc(w.approve_prompt),
            facts = facts(lang, &p.body),
            code = lang.code(),
            approve = esc(w.approve),
            reject = esc(w.reject),
        )
    };
    Ok(page_of(
        bank,
        lang,
        StatusCode::OK,
        w.approve_title,
        &body,
        policy,
    ))
}

/// `POST /sandbox/pay/{id}`: approved or rejected; the shopper goes back to the store.
pub async fn answer_bank(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(a): Form<Answer>,
) -> ApiResult<Response> {
    let p = pending(&state, &id).await?;
    if p.status == "PENDING" && !matches!(pending_step(&p.body), Some(Step::Redirect { .. })) {
        return Err(not_this_step());
    }
    let outcome = match a.action.as_str() {
        "approve" => ("SUCCEEDED", "APPROVED"),
        "reject" => ("DECLINED", "DECLINED"),
        _ => return Err(ApiError::invalid("action", "must be approve or reject")),
    };
    let to = return_url(&state, &p).await?;
    let bank = chosen_bank(&p.body).map(str::to_owned);
    settle(&state, p, outcome).await?;
    if let Some(url) = to {
        return Ok(Redirect::to(&url).into_response());
    }
    let lang = lang(a.lang.as_deref());
    let w = lang.pages();
    let body = format!("<p role=\"status\">{}</p>", esc(w.done));
    Ok(page_of(
        bank.as_deref().unwrap_or(w.bank_name),
        lang,
        StatusCode::OK,
        w.approve_title,
        &body,
        Policy {
            ancestors: "'none'",
            forms_to: "",
        },
    ))
}

/// Where the shopper goes back to: the payment's `callback_url`, else the session's.
async fn return_url(state: &AppState, p: &PaymentRow) -> ApiResult<Option<String>> {
    if let Some(url) = p.body["callback_url"].as_str() {
        return Ok(Some(url.to_owned()));
    }
    let session = state.store.session(&p.session_id).await?;
    Ok(session.and_then(|s| s.callback_url))
}

fn origin_of(url: &str) -> Option<String> {
    let u = reqwest::Url::parse(url).ok()?;
    Some(u.origin().ascii_serialization())
}

fn svg(body: String) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    r
}

/// `GET /sandbox/pix/{id}/qr.svg`: the payment's PIX code as a QR image.
pub async fn pix_qr(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let p = pending(&state, &id).await?;
    let code = p.body["payment_method"]["payment_method_detail"]["bank_transfer"]
        ["payment_instruction"]
        .as_str()
        .ok_or_else(|| ApiError::not_found("PIX_CODE_NOT_FOUND", "this payment has no PIX code"))?;
    Ok(svg(pix::qr_svg(code)?))
}

fn ticket(p: &PaymentRow) -> ApiResult<&Value> {
    let t = &p.body["payment_method"]["payment_method_detail"]["ticket"];
    t["provider_number"]
        .is_string()
        .then_some(t)
        .ok_or_else(|| ApiError::not_found("VOUCHER_NOT_FOUND", "this payment has no voucher"))
}

/// `GET /sandbox/voucher/{id}/barcode.svg`: the voucher's reference as a barcode.
pub async fn voucher_barcode(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let p = pending(&state, &id).await?;
    let reference = ticket(&p)?["provider_number"].as_str().unwrap_or_default();
    Ok(svg(voucher::barcode_svg(reference)?))
}

/// `GET /sandbox/voucher/{id}`: the voucher to print or save (as PDF, from the print dialog).
pub async fn voucher_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> ApiResult<Response> {
    let p = pending(&state, &id).await?;
    let t = ticket(&p)?;
    let lang = lang(q.lang.as_deref());
    let words = lang.actions();
    let reference = t["provider_number"].as_str().unwrap_or_default();
    let body =
        format!(
        "<p>{steps}</p>{facts}<dl><dt>{r}</dt><dd>{reference}</dd><dt>{d}</dt><dd>{due}</dd></dl>\
         <img src=\"/sandbox/voucher/{id}/barcode.svg\" alt=\"{alt}\">",
        steps = esc(words.voucher_steps),
        facts = facts(lang, &p.body),
        r = esc(words.reference),
        reference = esc(reference),
        d = esc(words.due_date),
        due = esc(t["expires_at"].as_str().unwrap_or_default().get(..10).unwrap_or_default()),
        id = esc(&p.id),
        alt = esc(words.barcode_label),
    );
    Ok(page(
        lang,
        StatusCode::OK,
        words.voucher_title,
        &body,
        Policy {
            ancestors: "'none'",
            forms_to: "",
        },
    ))
}
