//! The checkout's view: skeleton, load error with retry, the method rows, the status line and
//! the pay button, and the one listener that turns the shopper's clicks into [`Checkout`]
//! actions. Written for size (ARCHITECTURE.md): one view shape, directives, one listener.

use checkout_protocol::Theme;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::api::{Amount, Method};
use super::checkout::{Checkout, Phase};
use crate::decimal::decimal;
use crate::dom_events::listen_until_cleanup;
use crate::js_object::object;
use crate::signals::aria_bool;

/// The amount in the shopper's language and the session's currency.
pub fn format_amount(amount: &Amount, lang: &str) -> String {
    let opts = object(&[
        ("style", "currency".into()),
        ("currency", amount.currency.as_str().into()),
    ]);
    let fmt =
        js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&lang.into()), &opts.unchecked_into());
    fmt.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(amount.value))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Appends `n`'s last two digits (an expiry month or year: `07`, `30`).
fn push_two_digits(out: &mut String, n: u16) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// What a method's row says: its name (a saved card's brand and last four) and its detail (a
/// saved card's expiry, or the server's description).
fn row_text(m: &Method, expires: &str) -> (String, String) {
    match (&m.card_data, &m.vaulted_token) {
        (Some(card), Some(_)) => {
            let mut detail = [expires, " "].concat();
            push_two_digits(&mut detail, card.expiration_month.unwrap_or(0).into());
            detail.push('/');
            push_two_digits(&mut detail, card.expiration_year.unwrap_or(0));
            let name = [
                card.brand.as_deref().unwrap_or(""),
                " •••• ",
                card.lfd.as_deref().unwrap_or(""),
            ]
            .concat();
            (name, detail)
        }
        _ => (m.name.clone(), m.description.clone().unwrap_or_default()),
    }
}

/// The method rows: a radio each (server strings as text), and after the card method the slot
/// its secure frame goes into.
fn rows(c: Checkout) -> Vec<impl IntoView> {
    if c.phase.get() != Phase::Ready {
        return Vec::new();
    }
    let s = c.lang.host();
    c.js.with_value(|j| {
        // A loop rather than an iterator chain: the adapters cost the wasm more.
        let mut rows = Vec::with_capacity(j.methods.len());
        for (i, m) in j.methods.iter().enumerate() {
            let (name, detail) = row_text(m, s.expires);
            let icon = m.icon.clone().filter(|u| c.icon_allowed(u));
            let card_form = m.needs_card_form();
            rows.push(view! {
                <label class="cw-method" data-type=m.kind.clone()>
                    <input type="radio" name=j.group.clone() value=decimal(i as u32) checked=j.selected == Some(i) />
                    <img class="cw-icon" alt="" width="32" height="20" use:icon_source=icon />
                    <span class="cw-method-name">{name}</span>
                    <span class="cw-method-detail">{detail}</span>
                </label>
                <div class="cw-card-slot" hidden=true use:card_slot=(c, card_form)></div>
            });
        }
        rows
    })
}

/// Hands the card method's slot to the checkout as it is built. (Every row has a slot, empty
/// and hidden but for the card method's: one view shape for every row keeps the wasm small.)
fn card_slot(slot: web_sys::Element, (c, card): (Checkout, bool)) {
    if card {
        c.slot_built(slot);
    }
}

/// Gives a method's icon its source, if it has an allowed one (CSS hides an icon without).
fn icon_source(img: web_sys::Element, src: Option<String>) {
    if let Some(src) = src {
        let _ = img.set_attribute("src", &src);
    }
}

/// The checkout's root as it is built (a directive): its `--cw-*` variables, and its one
/// event listener (removed with it): a radio's `change` selects its method; `click` on the
/// retry button loads again, on the pay button pays.
fn listen(root: web_sys::Element, c: Checkout) {
    // The merchant's `--cw-*` variables go on the root through the CSSOM (`style-src 'self'`
    // allows no inline style attribute).
    // (The root is the view's `<div>`: no need to check it is an HTML element.)
    // Its direction here rather than as a view attribute: a few bytes, not a tachys attribute.
    let _ = root.set_attribute("dir", if c.lang.rtl() { "rtl" } else { "ltr" });
    let style = root.unchecked_ref::<web_sys::HtmlElement>().style();
    c.js.with_value(|j| {
        for (name, value) in &j.options.variables {
            let _ = style.set_property(name, value);
        }
    });
    listen_until_cleanup(root, &EVENTS, move |ev: web_sys::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let class = target.class_name();
        match ev.type_().as_str() {
            "change" => {
                let value = target.unchecked_ref::<web_sys::HtmlInputElement>().value();
                if let Ok(i) = value.parse() {
                    c.select(i);
                }
            }
            "click" if class == "cw-retry" => c.load(),
            "click" if class == "cw-pay" => {
                let _ = c.submit();
            }
            _ => {}
        }
    });
}

const EVENTS: [&str; 2] = ["change", "click"];

/// The checkout: skeleton, load error with retry, the method list, the status line and the pay
/// button. Which of the first three shows is the root's `data-state` (CSS), so the view has one
/// shape; the method rows are rendered when the list arrives.
pub fn view(c: Checkout) -> impl IntoView {
    let s = c.lang.host();
    let (hide_pay, dark) = c.js.with_value(|j| {
        let o = &j.options;
        (!o.show_pay_button, o.theme == Theme::Dark)
    });
    let theme = if dark { "dark" } else { "light" };
    let state = move || c.phase.get().as_str().to_owned();
    // The alert's words arrive with the failure, so that assistive technology announces them.
    let failed = move || {
        let failed = c.phase.get() == Phase::Failed;
        if failed { s.load_failed } else { "" }.to_owned()
    };
    let off = move || aria_bool(c.busy.get() || c.phase.get() != Phase::Ready);
    let busy = move || aria_bool(c.busy.get());
    view! {
        <div class="cw-checkout" lang=c.lang.code() data-theme=theme data-state=state use:listen=c>
            <div class="cw-skeleton" aria-busy="true">
                <span class="cw-visually-hidden">{s.loading}</span>
            </div>
            <div class="cw-load-error">
                <p role="alert">{failed}</p>
                <button type="button" class="cw-retry">{s.retry}</button>
            </div>
            <div class="cw-methods" role="radiogroup" aria-label=s.methods_label>{move || rows(c)}</div>
            <p class="cw-status" role="status" aria-live="polite">{move || c.status.get()}</p>
            // Without the pay button (`showPayButton: false`) the page calls `submit()`.
            <button type="button" class="cw-pay" hidden=hide_pay aria-disabled=off aria-busy=busy>
                {move || c.pay_label.get()}
            </button>
        </div>
    }
}
