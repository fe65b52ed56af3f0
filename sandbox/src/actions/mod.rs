//! What a payment asks of the shopper after it is created, and how the sandbox plays the
//! other side: the card issuer's 3-D Secure, PIX, cash vouchers, SPEI transfers and the banks
//! and wallets that redirect.
//!
//! A payment that needs the shopper is `PENDING` / `WAITING_ADDITIONAL_STEP` with
//! `checkout.sdk_action_required: true`; what to show is in Yuno's payment-object fields
//! (`payment_method.payment_method_detail.{card,bank_transfer,ticket,wallet}`), built here.
//! [`for_browser`] turns them into the one small `action` object the widget reads.

pub mod clabe;
pub mod html;
pub mod pix;
pub mod voucher;

use serde_json::{json, Value};

use crate::clock::rfc3339;
use crate::outcome::{self, Outcome};

/// 3-D Secure test cards (shared/spec/api.md).
const FRICTIONLESS: &str = "4000000000003063";
const CHALLENGE: &str = "4000000000003220";
const CHALLENGE_NEVER_ANSWERS: &str = "4000000000003246";

/// The code the simulated issuer accepts.
pub const CHALLENGE_CODE: &str = "1234";

/// The authentication value the simulated issuer gives an authenticated payment.
pub const CRYPTOGRAM: &str = "AAABBEg0VhI0VniQEjRWAAAAAAA=";

/// The name the sandbox's simulated receivers give (PIX, vouchers, transfers).
pub const RECEIVER: &str = "Sandbox Merchant";

/// What the shopper still has to do for a new payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The issuer's 3-D Secure challenge; `answers` is false for the card whose issuer never
    /// answers.
    Challenge { answers: bool },
    /// Scan or paste a PIX code.
    Pix,
    /// Pay a cash voucher at a store (OXXO).
    Voucher,
    /// Make a bank transfer (SPEI).
    Transfer,
    /// Approve at the bank's or wallet's own page.
    Redirect { wallet: bool },
}

/// How a new payment starts: settled at once, or waiting for the shopper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Final {
        outcome: Outcome,
        /// Authenticated by 3-D Secure without a challenge.
        frictionless: bool,
    },
    Waiting(Step),
}

/// How a payment of method `kind` starts, `number` being the card's digits when there is one.
pub fn start(kind: &str, number: Option<&str>) -> Start {
    match (kind, number) {
        (_, Some(FRICTIONLESS)) => Start::Final {
            outcome: outcome::APPROVED,
            frictionless: true,
        },
        (_, Some(CHALLENGE)) => Start::Waiting(Step::Challenge { answers: true }),
        (_, Some(CHALLENGE_NEVER_ANSWERS)) => Start::Waiting(Step::Challenge { answers: false }),
        (_, Some(n)) => Start::Final {
            outcome: outcome::for_card(n),
            frictionless: false,
        },
        ("PIX", None) => Start::Waiting(Step::Pix),
        ("OXXO", None) => Start::Waiting(Step::Voucher),
        ("SPEI", None) => Start::Waiting(Step::Transfer),
        ("MERCADO_PAGO_WALLET" | "NEQUI", None) => Start::Waiting(Step::Redirect { wallet: true }),
        _ => Start::Waiting(Step::Redirect { wallet: false }),
    }
}

/// What [`detail`] needs to know about the payment.
pub struct Context<'a> {
    pub payment_id: &'a str,
    /// The payment origin as browsers see it.
    pub public_url: &'a str,
    pub amount: f64,
    pub now_ms: i64,
    /// How long a PIX code or voucher stays payable.
    pub ttl_ms: i64,
}

/// A 3-D Secure result as Yuno's `three_d_secure` object carries it.
fn three_d_secure(ctx: &Context, pares_status: Option<&str>, challenge: bool) -> Value {
    let id = ctx.payment_id;
    json!({
        "version": "2.2.0",
        "electronic_commerce_indicator": pares_status.map(|s| if s == "Y" { "05" } else { "07" }),
        "cryptogram": pares_status.filter(|s| *s == "Y").map(|_| CRYPTOGRAM),
        "transaction_id": id,
        "directory_server_transaction_id": format!("ds-{id}"),
        "pares_status": pares_status,
        "has_challenge": challenge,
        "acs_id": "sandbox-acs",
    })
}

/// The `payment_method_detail` of a new payment (Yuno's field names).
pub fn detail(start: Start, ctx: &Context) -> Value {
    let id = ctx.payment_id;
    let base = ctx.public_url;
    let expires = rfc3339(ctx.now_ms + ctx.ttl_ms);
    match start {
        Start::Final {
            frictionless: true, ..
        } => json!({ "card": { "three_d_secure": three_d_secure(ctx, Some("Y"), false) } }),
        Start::Final { .. } => Value::Null,
        Start::Waiting(Step::Challenge { .. }) => json!({ "card": {
            "redirect_url": format!("{base}/sandbox/3ds/{id}"),
            "three_d_secure": three_d_secure(ctx, None, true),
        }}),
        Start::Waiting(Step::Pix) => {
            let code = pix::payload(&pix::Charge {
                key: id,
                amount: Some(ctx.amount),
                merchant_name: RECEIVER,
                merchant_city: "SAO PAULO",
                txid: id,
            });
            json!({ "bank_transfer": {
                "provider_image": format!("{base}/sandbox/pix/{id}/qr.svg"),
                "payment_instruction": code,
                "beneficiary_name": RECEIVER,
                "reference": id.replace('-', ""),
                "expires_at": expires,
                "redirect_url": null,
            }})
        }
        Start::Waiting(Step::Voucher) => json!({ "ticket": {
            "type": "barcode",
            "provider_number": voucher_reference(id),
            "provider_barcode": voucher_reference(id),
            "provider_logo": format!("{base}/sandbox/voucher/{id}/barcode.svg"),
            "date_of_expiration": expires,
            "expires_at": expires,
            "redirect_url": format!("{base}/sandbox/voucher/{id}"),
        }}),
        Start::Waiting(Step::Transfer) => json!({ "bank_transfer": {
            "bank_name": "STP",
            "beneficiary_name": RECEIVER,
            "bank_account": clabe::for_account(number_of(id)),
            "reference": &voucher_reference(id)[..7],
            "expires_at": expires,
            "redirect_url": null,
        }}),
        Start::Waiting(Step::Redirect { wallet }) => {
            let key = if wallet { "wallet" } else { "bank_transfer" };
            json!({ key: { "redirect_url": format!("{base}/sandbox/pay/{id}") } })
        }
    }
}

/// A number taken from the payment id's hex digits (stable for a payment).
fn number_of(id: &str) -> u64 {
    id.bytes()
        .filter(u8::is_ascii_hexdigit)
        .take(15)
        .fold(0u64, |n, b| {
            n * 16 + u64::from((b as char).to_digit(16).unwrap_or(0))
        })
}

/// A 14-digit voucher reference, stable for a payment.
fn voucher_reference(id: &str) -> String {
    format!("{:014}", number_of(id) % 100_000_000_000_000)
}

/// The step a pending payment waits for, read back from its `payment_method_detail` (each
/// page and the merchant's "complete" settle only their own step).
pub fn pending_step(payment: &Value) -> Option<Step> {
    if payment["status"] != "PENDING" {
        return None;
    }
    let d = &payment["payment_method"]["payment_method_detail"];
    if d["card"]["redirect_url"].is_string() {
        // The test card whose issuer never answers (shared/spec/api.md).
        let answers = payment["payment_method"]["card_data"]["lfd"] != "3246";
        return Some(Step::Challenge { answers });
    }
    let (bank, ticket, wallet) = (&d["bank_transfer"], &d["ticket"], &d["wallet"]);
    Some(if bank["payment_instruction"].is_string() {
        Step::Pix
    } else if ticket["provider_number"].is_string() {
        Step::Voucher
    } else if bank["bank_account"].is_string() {
        Step::Transfer
    } else if wallet["redirect_url"].is_string() {
        Step::Redirect { wallet: true }
    } else if bank["redirect_url"].is_string() {
        Step::Redirect { wallet: false }
    } else {
        return None;
    })
}

/// The bank the shopper chose for a bank redirect (PSE's issuer), as the payment names it
/// (`bank_transfer.bank_name` beside the bank's `redirect_url`; SPEI's `bank_name` is the
/// receiving bank's, and its transfer has no page to name it on).
pub fn chosen_bank(payment: &Value) -> Option<&str> {
    let bank = &payment["payment_method"]["payment_method_detail"]["bank_transfer"];
    bank["redirect_url"]
        .is_string()
        .then(|| bank["bank_name"].as_str())
        .flatten()
}

/// The largest amount a PIX code may carry (its field holds 13 characters: `9999999999.99`).
pub const PIX_MAX_AMOUNT: f64 = 9_999_999_999.99;

/// The `action` the browser read gives for a payment body: what the widget shows, without
/// anything the shopper does not need (never card data). `null` once nothing is pending.
pub fn for_browser(payment: &Value) -> Value {
    if payment["checkout"]["sdk_action_required"] != true {
        return Value::Null;
    }
    // The step decides which of Yuno's fields say what to show (one reading of them).
    let Some(step) = pending_step(payment) else {
        return Value::Null;
    };
    let d = &payment["payment_method"]["payment_method_detail"];
    let (bank, ticket, amount) = (&d["bank_transfer"], &d["ticket"], &payment["amount"]);
    match step {
        Step::Challenge { .. } => {
            json!({ "type": "THREE_D_SECURE", "url": d["card"]["redirect_url"] })
        }
        Step::Pix => json!({
            "type": "QR", "image_url": bank["provider_image"], "code": bank["payment_instruction"],
            "expires_at": bank["expires_at"], "amount": amount,
        }),
        Step::Voucher => json!({
            "type": "VOUCHER", "reference": ticket["provider_number"],
            "barcode_url": ticket["provider_logo"], "url": ticket["redirect_url"],
            "expires_at": ticket["expires_at"], "amount": amount,
        }),
        Step::Transfer => json!({
            "type": "BANK_TRANSFER", "clabe": bank["bank_account"], "bank_name": bank["bank_name"],
            "beneficiary_name": bank["beneficiary_name"], "reference": bank["reference"],
            "expires_at": bank["expires_at"], "amount": amount,
        }),
        // Where the bank's page sends the shopper back (Yuno's `success_url`/`error_url`).
        Step::Redirect { wallet } => json!({
            "type": "REDIRECT", "method": payment["payment_method"]["type"],
            "url": d[if wallet { "wallet" } else { "bank_transfer" }]["redirect_url"],
            "return_url": payment["callback_url"],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context<'static> {
        Context {
            payment_id: "0f0e0d0c-0b0a-4908-8706-050403020100",
            public_url: "http://127.0.0.1:9",
            amount: 52.5,
            now_ms: 0,
            ttl_ms: 60_000,
        }
    }

    #[test]
    fn test_cards_start_as_the_spec_says() {
        assert_eq!(
            start("CARD", Some("4000000000003063")),
            Start::Final {
                outcome: outcome::APPROVED,
                frictionless: true
            }
        );
        assert_eq!(
            start("CARD", Some("4000000000003220")),
            Start::Waiting(Step::Challenge { answers: true })
        );
        assert_eq!(
            start("CARD", Some("4000000000003246")),
            Start::Waiting(Step::Challenge { answers: false })
        );
        assert!(matches!(
            start("CARD", Some("4000000000000002")),
            Start::Final {
                outcome: ("DECLINED", "DECLINED"),
                ..
            }
        ));
        assert_eq!(start("PIX", None), Start::Waiting(Step::Pix));
        assert_eq!(
            start("PSE", None),
            Start::Waiting(Step::Redirect { wallet: false })
        );
        assert_eq!(
            start("NEQUI", None),
            Start::Waiting(Step::Redirect { wallet: true })
        );
    }

    fn pending(kind: &str, step: Step) -> Value {
        json!({
            "status": "PENDING",
            "checkout": { "sdk_action_required": true },
            "amount": { "currency": "BRL", "value": 52.5 },
            "payment_method": { "type": kind, "payment_method_detail": detail(Start::Waiting(step), &ctx()) },
        })
    }

    #[test]
    fn the_browser_sees_one_action_per_step() {
        let of = |kind, step| for_browser(&pending(kind, step))["type"].clone();
        assert_eq!(
            of("CARD", Step::Challenge { answers: true }),
            "THREE_D_SECURE"
        );
        assert_eq!(of("PIX", Step::Pix), "QR");
        assert_eq!(of("OXXO", Step::Voucher), "VOUCHER");
        assert_eq!(of("SPEI", Step::Transfer), "BANK_TRANSFER");
        assert_eq!(of("PSE", Step::Redirect { wallet: false }), "REDIRECT");
        assert_eq!(of("NEQUI", Step::Redirect { wallet: true }), "REDIRECT");
        let transfer = for_browser(&pending("SPEI", Step::Transfer));
        assert_eq!(transfer["clabe"].as_str().unwrap().len(), 18);
        let voucher = for_browser(&pending("OXXO", Step::Voucher));
        assert_eq!(voucher["reference"].as_str().unwrap().len(), 14);
    }

    #[test]
    fn the_pending_step_is_read_back_from_the_payment() {
        for (kind, step) in [
            ("CARD", Step::Challenge { answers: true }),
            ("PIX", Step::Pix),
            ("OXXO", Step::Voucher),
            ("SPEI", Step::Transfer),
            ("PSE", Step::Redirect { wallet: false }),
            ("NEQUI", Step::Redirect { wallet: true }),
        ] {
            assert_eq!(pending_step(&pending(kind, step)), Some(step), "{kind}");
        }
        let mut never = pending("CARD", Step::Challenge { answers: false });
        never["payment_method"]["card_data"] = json!({ "lfd": "3246" });
        assert_eq!(
            pending_step(&never),
            Some(Step::Challenge { answers: false })
        );
        never["status"] = json!("DECLINED");
        assert_eq!(pending_step(&never), None);
    }

    #[test]
    fn the_chosen_bank_is_a_redirects_only() {
        let mut pse = pending("PSE", Step::Redirect { wallet: false });
        assert_eq!(chosen_bank(&pse), None);
        pse["payment_method"]["payment_method_detail"]["bank_transfer"]["bank_name"] =
            json!("BANCOLOMBIA");
        assert_eq!(chosen_bank(&pse), Some("BANCOLOMBIA"));
        // SPEI's receiving bank is not the shopper's choice.
        assert_eq!(chosen_bank(&pending("SPEI", Step::Transfer)), None);
    }

    #[test]
    fn a_final_payment_has_no_action() {
        let mut p = pending("PIX", Step::Pix);
        p["status"] = json!("SUCCEEDED");
        assert_eq!(for_browser(&p), Value::Null);
    }
}
