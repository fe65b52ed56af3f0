//! Reading and validating the merchant's `mount()` options. Every mistake becomes a message
//! naming the option, for the `TypeError` the `mount` promise rejects with.
//!
//! What is wrong with the option is one letter in the wasm's message (`` option `card.steps` b
//! ``), which `sdk/diagnose.mjs` words (`must be a boolean`): the JS entry fetches it only after
//! such a mistake, so the first paint carries no sentences for developers (345 B gzip). The
//! letters: `r` is required, `F` is required (a function), `e` must not be empty, `s` must be a
//! string, `b` a boolean, `f` a function, `O` an object, `c` an ISO 3166-1 alpha-2 country, `u`
//! an absolute http(s) URL, `t` a theme, `m` a field mode, `l` a list of method types; `v`:
//! `appearance.variables` may only set `--cw-*` properties, and `V`: each to a string.

use checkout_protocol::{FieldMode, Theme};
use js_sys::{Function, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;
use crate::js_object::{get, given, to_json};

/// The options, validated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub public_api_key: String,
    pub checkout_session: String,
    pub country_code: String,
    /// The language picked from the `language` option and the browser's languages.
    pub language: Lang,
    pub api_url: String,
    pub show_pay_button: bool,
    /// The pay button's label (`payButtonText`), instead of "Pay" and the amount.
    pub pay_button_text: Option<String>,
    pub theme: Theme,
    pub variables: Vec<(String, String)>,
    pub holder_name: FieldMode,
    /// The payer's identity document (`card.document`), hidden unless asked for.
    pub document: FieldMode,
    pub save_card: bool,
    /// The card form one field at a time (`card.steps`).
    pub steps: bool,
    /// Charge the card as credit (`card.creditOnly`, Yuno's `isCreditCardProcessingOnly`).
    pub credit_only: bool,
    /// The `card` option as JSON (empty without one): the secure frame's modules read its CSS
    /// (`card.styles`, checked to be a string here) and its step buttons' labels (`card.steps`
    /// as an object).
    pub card: String,
    /// The method to select first: `(type, vaulted token)`.
    pub initial_method: Option<(String, Option<String>)>,
    /// Only the methods of these types are shown (`paymentMethods`, a JS array: tested with
    /// its own `includes`); none: all.
    pub only_methods: Option<js_sys::Array>,
}

/// The merchant's callbacks.
#[derive(Clone)]
pub struct Callbacks {
    pub on_token: Function,
    pub on_error: Option<Function>,
    pub on_ready: Option<Function>,
    pub on_change: Option<Function>,
    pub on_payment_method_selected: Option<Function>,
    /// The bank lists (`issuerForm`; see `sdk/issuers.mjs`): `(row, false)` shows the list of
    /// the method of `row`, if it has one, under it; `(row, true)` answers the token's
    /// `detail` (`{ issuer_id }`), `null` while no bank is chosen (the list says so), or
    /// `undefined` (no list).
    pub issuers: Option<Function>,
}

/// The property of `obj` that option `path` names (its last part: `appearance.theme` →
/// `theme`), so that messages name the option as the merchant wrote it.
fn option(obj: &JsValue, path: &str) -> JsValue {
    let last = path
        .bytes()
        .rposition(|b| b == b'.')
        .and_then(|dot| path.get(dot + 1..));
    get(obj, last.unwrap_or(path))
}

// The helpers below are kept out of line (`#[inline(never)]`): each is called from many places
// in `fill`, and copies of them there cost the wasm bytes.

/// `why`, then what was given: `…, got "x"`.
#[inline(never)]
pub(super) fn got(why: &str, given: &str) -> String {
    [why, ", got \"", given, "\""].concat()
}

/// "option `path` what": every message names the option as the merchant wrote it.
#[inline(never)]
fn problem(path: &str, what: &str) -> String {
    ["option `", path, "` ", what].concat()
}

/// Option `path` of `obj` as a non-empty string.
#[inline(never)]
fn string(obj: &JsValue, path: &str, required: bool) -> Result<Option<String>, String> {
    let v = option(obj, path);
    if !given(&v) {
        return if required {
            Err(problem(path, "r"))
        } else {
            Ok(None)
        };
    }
    // Blank is judged by the browser's `trim()` (Unicode white space, no table in the wasm).
    let blank = v
        .dyn_ref::<js_sys::JsString>()
        .map(|s| s.trim().length() == 0);
    match (blank, v.as_string()) {
        (Some(false), Some(s)) => Ok(Some(s)),
        (Some(true), _) => Err(problem(path, "e")),
        _ => Err(problem(path, "s")),
    }
}

#[inline(never)]
fn callback(obj: &JsValue, key: &str, required: bool) -> Result<Option<Function>, String> {
    let v = get(obj, key);
    if !given(&v) {
        return if required {
            Err(problem(key, "F"))
        } else {
            Ok(None)
        };
    }
    v.dyn_into::<Function>()
        .map(Some)
        .map_err(|_| problem(key, "f"))
}

/// Whether `url` is an absolute http(s) URL.
#[inline(never)]
fn is_http_url(url: &str) -> bool {
    web_sys::Url::new(url).is_ok_and(|u| matches!(u.protocol().as_str(), "http:" | "https:"))
}

/// Option `path` of `obj` as a boolean, `default` when not given.
#[inline(never)]
fn boolean(obj: &JsValue, path: &str, default: bool) -> Result<bool, String> {
    let v = option(obj, path);
    if !given(&v) {
        return Ok(default);
    }
    v.as_bool().ok_or_else(|| problem(path, "b"))
}

/// Option `path` of `obj` as one of `names` (the first when not given): its index.
#[inline(never)]
fn one_of(obj: &JsValue, path: &str, names: &[&str], expected: &str) -> Result<usize, String> {
    match string(obj, path, false)? {
        None => Ok(0),
        Some(v) => names
            .iter()
            .position(|n| *n == v)
            .ok_or_else(|| got(&problem(path, expected), &v)),
    }
}

/// Option `issuerForm`, the bank list of a method that has one (PSE), before its token: a
/// boolean for the merchant (default true), which the JS entry turns into its function that
/// shows them (`sdk/issuers.mjs`); false, absent (a Rust caller) or that function.
fn issuer_form(options: &JsValue) -> Result<Option<Function>, String> {
    let v = get(options, "issuerForm");
    if !given(&v) || v.as_bool() == Some(false) {
        return Ok(None);
    }
    v.dyn_into()
        .map(Some)
        .map_err(|_| problem("issuerForm", "b"))
}

/// Validates `options`; `default_api_url` fills what is not given. The caller picked the
/// language from the `language` option (checked here to be a string, if given) and the
/// browser's languages.
pub fn read(
    options: &JsValue,
    default_api_url: &str,
    language: Lang,
) -> Result<(Options, Callbacks), String> {
    let mut o = Options {
        language,
        api_url: default_api_url.to_owned(),
        // Asked for only where the merchant says so (`card.document`).
        document: FieldMode::Hidden,
        ..Options::default()
    };
    let callbacks = fill(&mut o, options)?;
    Ok((o, callbacks))
}

/// `read`'s work, into `o`. A mistake returns early with nothing to drop here (the caller
/// drops `o` once): code for the drops at every `?` is what made this function big.
fn fill(o: &mut Options, options: &JsValue) -> Result<Callbacks, String> {
    if !options.is_object() {
        return Err("`options` O".into());
    }
    o.public_api_key = string(options, "publicApiKey", true)?.unwrap_or_default();
    o.checkout_session = string(options, "checkoutSession", true)?.unwrap_or_default();
    o.country_code = string(options, "countryCode", true)?.unwrap_or_default();
    if !checkout_iso::is_country(&o.country_code) {
        return Err(got("option `countryCode` c", &o.country_code));
    }
    string(options, "language", false)?;
    if let Some(api_url) = string(options, "apiUrl", false)? {
        o.api_url = api_url;
    }
    if !is_http_url(&o.api_url) {
        return Err(got("option `apiUrl` u", &o.api_url));
    }
    o.api_url.truncate(o.api_url.trim_end_matches('/').len());
    o.show_pay_button = boolean(options, "showPayButton", true)?;
    o.pay_button_text = string(options, "payButtonText", false)?;

    let appearance = get(options, "appearance");
    if given(&appearance) {
        let themes = ["light", "dark"];
        let theme = one_of(&appearance, "appearance.theme", &themes, "t")?;
        o.theme = if theme == 1 {
            Theme::Dark
        } else {
            Theme::Light
        };
        let vars = get(&appearance, "variables");
        if given(&vars) {
            if !vars.is_object() {
                return Err(problem("appearance.variables", "O"));
            }
            let obj: &Object = vars.unchecked_ref();
            let keys = Object::keys(obj);
            for i in 0..keys.length() {
                let name = keys.get(i).as_string().unwrap_or_default();
                if !name.starts_with("--cw-") {
                    return Err(got("option `appearance.variables` v", &name));
                }
                let Some(value) = get(&vars, &name).as_string() else {
                    return Err(got("option `appearance.variables` V", &name));
                };
                o.variables.push((name, value));
            }
        }
    }

    let card = get(options, "card");
    if given(&card) {
        use FieldMode::{Hidden, Optional, Required};
        let expected = "m";
        // The first name is what an absent option means.
        let names = ["required", "optional", "hidden"];
        let picked = one_of(&card, "card.holderName", &names, expected)?;
        o.holder_name = [Required, Optional, Hidden][picked];
        let names = ["hidden", "required", "optional"];
        let picked = one_of(&card, "card.document", &names, expected)?;
        o.document = [Hidden, Required, Optional][picked];
        o.save_card = boolean(&card, "card.saveCard", false)?;
        // `true`, or the buttons' labels (an object, which the frame's module checks).
        o.steps = get(&card, "steps").is_object() || boolean(&card, "card.steps", false)?;
        o.credit_only = boolean(&card, "card.creditOnly", false)?;
        string(&card, "card.styles", false)?;
        o.card = to_json(&card);
    }

    let only = get(options, "paymentMethods");
    if given(&only) {
        if !js_sys::Array::is_array(&only) {
            return Err(problem("paymentMethods", "l"));
        }
        o.only_methods = Some(only.unchecked_into());
    }

    let initial = get(options, "initialPaymentMethod");
    if given(&initial) {
        let kind = string(&initial, "initialPaymentMethod.type", true)?;
        let vaulted = string(&initial, "initialPaymentMethod.vaultedToken", false)?;
        o.initial_method = kind.map(|k| (k, vaulted));
    }

    let callbacks = Callbacks {
        // (Required: `callback` has refused it when absent.)
        on_token: callback(options, "onToken", true)?
            .unwrap_or_else(|| Function::from(JsValue::NULL)),
        on_error: callback(options, "onError", false)?,
        on_ready: callback(options, "onReady", false)?,
        on_change: callback(options, "onChange", false)?,
        on_payment_method_selected: callback(options, "onPaymentMethodSelected", false)?,
        issuers: issuer_form(options)?,
    };
    Ok(callbacks)
}
