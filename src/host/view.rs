//! The checkout's view: skeleton, load error with retry, the method rows, the status line and
//! the pay button, and the one listener that turns the shopper's clicks into [`Checkout`]
//! actions. Written for size (ARCHITECTURE.md): one view shape, directives, one listener.

use checkout_protocol::Theme;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::api::{Amount, Method};
use super::checkout::{Checkout, Phase};
use super::secure_frame::origin_of;
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

/// Whether a method's icon may be shown: from https, or from the API's origin `api`.
fn icon_allowed(icon: &str, api: Option<&str>) -> bool {
    icon.starts_with("https://") || origin_of(icon).is_some_and(|o| Some(o.as_str()) == api)
}

/// `<tag class=class>` in `document`.
fn element(document: &web_sys::Document, tag: &str, class: &str) -> Option<web_sys::Element> {
    let el = document.create_element(tag).ok()?;
    el.set_class_name(class);
    Some(el)
}

/// Renders the method rows into the list: a radio each (server strings as text), and after
/// each the slot a card method's secure frame goes into (empty and hidden but for the card
/// method's). Built with the DOM's calls rather than the view macro, once per list: the rows
/// never change while shown, and tachys's keyed list cost the host ~1 KB gzip.
pub(super) fn render_rows(c: Checkout) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let s = c.lang.host();
    let mut slots = Vec::new();
    c.js.update_value(|j| {
        let Some(list) = j.list.clone() else {
            return;
        };
        // Once per list: rows already there go first.
        j.clear_rows();
        let api = origin_of(&j.options.api_url);
        for (i, m) in j.methods.iter().enumerate() {
            let (name, detail) = row_text(m, s.expires);
            let (Some(label), Some(input), Some(img), Some(name_el), Some(detail_el), Some(slot)) = (
                element(&document, "label", "cw-method"),
                element(&document, "input", ""),
                element(&document, "img", "cw-icon"),
                element(&document, "span", "cw-method-name"),
                element(&document, "span", "cw-method-detail"),
                element(&document, "div", "cw-card-slot"),
            ) else {
                return;
            };
            let _ = label.set_attribute("data-type", &m.kind);
            for (k, v) in [("type", "radio"), ("name", &j.group), ("value", &decimal(i as u32))] {
                let _ = input.set_attribute(k, v);
            }
            if j.selected == Some(i) {
                let _ = input.set_attribute("checked", "");
            }
            for (k, v) in [("alt", ""), ("width", "32"), ("height", "20")] {
                let _ = img.set_attribute(k, v);
            }
            // Icons only from https or the API's origin; CSS hides an icon without a source.
            if let Some(src) = m.icon.as_deref().filter(|u| icon_allowed(u, api.as_deref())) {
                let _ = img.set_attribute("src", src);
            }
            let _ = name_el.append_child(&document.create_text_node(&name));
            let _ = detail_el.append_child(&document.create_text_node(&detail));
            for child in [&input, &img, &name_el, &detail_el] {
                let _ = label.append_child(child);
            }
            let _ = slot.set_attribute("hidden", "");
            let _ = list.append_child(&label);
            let _ = list.append_child(&slot);
            if m.needs_card_form() {
                slots.push(slot.clone());
            }
            j.rows.push(label);
            j.rows.push(slot);
        }
        // Without a card method, the frame the JS entry started early is not needed.
        if let Some(take) = j.early_frame.take_if(|_| slots.is_empty()) {
            let _ = take.call0(&JsValue::NULL);
        }
    });
    if let Some(slot) = slots.pop() {
        c.slot_built(slot);
    }
}

/// Keeps the method list's element, for [`render_rows`] (a directive); renders the rows now
/// if the methods came first.
fn methods_list(list: web_sys::Element, c: Checkout) {
    c.js.update_value(|j| j.list = Some(list));
    if untrack(|| c.phase.get()) == Phase::Ready {
        render_rows(c);
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
            <div class="cw-methods" role="radiogroup" aria-label=s.methods_label use:methods_list=c></div>
            <p class="cw-status" role="status" aria-live="polite">{move || c.status.get()}</p>
            // Without the pay button (`showPayButton: false`) the page calls `submit()`.
            <button type="button" class="cw-pay" hidden=hide_pay aria-disabled=off aria-busy=busy>
                {move || c.pay_label.get()}
            </button>
        </div>
    }
}
