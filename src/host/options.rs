//! Reading and validating the merchant's `mount()` options. Every mistake becomes a message
//! naming the option, for the `TypeError` the `mount` promise rejects with.

use checkout_protocol::{HolderNameMode, Theme};
use js_sys::{Function, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::js_object::{get, given};

/// The options, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub public_api_key: String,
    pub checkout_session: String,
    pub country_code: String,
    pub language: String,
    pub api_url: String,
    pub show_pay_button: bool,
    pub theme: Theme,
    pub variables: Vec<(String, String)>,
    pub holder_name: HolderNameMode,
    pub save_card: bool,
    /// The method to select first: `(type, vaulted token)`.
    pub initial_method: Option<(String, Option<String>)>,
}

/// The merchant's callbacks.
#[derive(Clone)]
pub struct Callbacks {
    pub on_token: Function,
    pub on_error: Option<Function>,
    pub on_ready: Option<Function>,
    pub on_change: Option<Function>,
    pub on_payment_method_selected: Option<Function>,
}

/// The property of `obj` that option `path` names (its last part: `appearance.theme` →
/// `theme`), so that messages name the option as the merchant wrote it.
fn option(obj: &JsValue, path: &str) -> JsValue {
    get(obj, path.rsplit('.').next().unwrap_or(path))
}

/// `why`, then what was given: `…, got "x"`.
fn got(why: &str, given: &str) -> String {
    [why, ", got \"", given, "\""].concat()
}

/// Option `path` of `obj` as a non-empty string.
fn string(obj: &JsValue, path: &str, required: bool) -> Result<Option<String>, String> {
    let v = option(obj, path);
    if !given(&v) {
        return if required {
            Err(["option `", path, "` is required"].concat())
        } else {
            Ok(None)
        };
    }
    match v.as_string() {
        Some(s) if !s.trim().is_empty() => Ok(Some(s)),
        Some(_) => Err(["option `", path, "` must not be empty"].concat()),
        None => Err(["option `", path, "` must be a string"].concat()),
    }
}

fn callback(obj: &JsValue, key: &str, required: bool) -> Result<Option<Function>, String> {
    let v = get(obj, key);
    if !given(&v) {
        return if required {
            Err(["option `", key, "` is required (a function)"].concat())
        } else {
            Ok(None)
        };
    }
    v.dyn_into::<Function>()
        .map(Some)
        .map_err(|_| ["option `", key, "` must be a function"].concat())
}

/// Whether `url` is an absolute http(s) URL.
fn is_http_url(url: &str) -> bool {
    web_sys::Url::new(url).is_ok_and(|u| matches!(u.protocol().as_str(), "http:" | "https:"))
}

/// Validates `options`; `default_api_url` and `default_language` fill what is not given.
pub fn read(
    options: &JsValue,
    default_api_url: &str,
    default_language: &str,
) -> Result<(Options, Callbacks), String> {
    if !options.is_object() {
        return Err("options must be an object".into());
    }
    let public_api_key = string(options, "publicApiKey", true)?.unwrap_or_default();
    let checkout_session = string(options, "checkoutSession", true)?.unwrap_or_default();
    let country_code = string(options, "countryCode", true)?.unwrap_or_default();
    if !checkout_iso::is_country(&country_code) {
        return Err(got(
            "option `countryCode` must be an ISO 3166-1 alpha-2 code such as \"BR\"",
            &country_code,
        ));
    }
    let language =
        string(options, "language", false)?.unwrap_or_else(|| default_language.to_owned());
    let api_url = string(options, "apiUrl", false)?.unwrap_or_else(|| default_api_url.to_owned());
    if !is_http_url(&api_url) {
        return Err(got(
            "option `apiUrl` must be an absolute http(s) URL",
            &api_url,
        ));
    }
    let show_pay_button = match get(options, "showPayButton") {
        v if !given(&v) => true,
        v => v
            .as_bool()
            .ok_or("option `showPayButton` must be a boolean")?,
    };

    let appearance = get(options, "appearance");
    let (theme, variables) = if given(&appearance) {
        let theme = match string(&appearance, "appearance.theme", false)? {
            None => Theme::Light,
            Some(t) if t == "light" => Theme::Light,
            Some(t) if t == "dark" => Theme::Dark,
            Some(t) => {
                return Err(got(
                    "option `appearance.theme` must be \"light\" or \"dark\"",
                    &t,
                ))
            }
        };
        let vars = get(&appearance, "variables");
        let mut variables = Vec::new();
        if given(&vars) {
            let obj: &Object = vars
                .dyn_ref()
                .ok_or("option `appearance.variables` must be an object")?;
            for key in Object::keys(obj).iter() {
                let name = key.as_string().unwrap_or_default();
                let value = get(&vars, &name).as_string().ok_or_else(|| {
                    ["option `appearance.variables.", &name, "` must be a string"].concat()
                })?;
                if !name.starts_with("--cw-") {
                    return Err(got(
                        "option `appearance.variables` may only set `--cw-*` properties",
                        &name,
                    ));
                }
                variables.push((name, value));
            }
        }
        (theme, variables)
    } else {
        (Theme::Light, Vec::new())
    };

    let card = get(options, "card");
    let (holder_name, save_card) = if given(&card) {
        let holder = match string(&card, "card.holderName", false)? {
            None => HolderNameMode::Required,
            Some(h) if h == "required" => HolderNameMode::Required,
            Some(h) if h == "optional" => HolderNameMode::Optional,
            Some(h) if h == "hidden" => HolderNameMode::Hidden,
            Some(h) => {
                return Err(got(
                    "option `card.holderName` must be \"required\", \"optional\" or \"hidden\"",
                    &h,
                ))
            }
        };
        let save = match get(&card, "saveCard") {
            v if !given(&v) => false,
            v => v
                .as_bool()
                .ok_or("option `card.saveCard` must be a boolean")?,
        };
        (holder, save)
    } else {
        (HolderNameMode::Required, false)
    };

    let initial = get(options, "initialPaymentMethod");
    let initial_method = if given(&initial) {
        let kind = string(&initial, "initialPaymentMethod.type", true)?;
        let vaulted = string(&initial, "initialPaymentMethod.vaultedToken", false)?;
        kind.map(|k| (k, vaulted))
    } else {
        None
    };

    let callbacks = Callbacks {
        on_token: callback(options, "onToken", true)?.unwrap_or_else(|| Function::new_no_args("")),
        on_error: callback(options, "onError", false)?,
        on_ready: callback(options, "onReady", false)?,
        on_change: callback(options, "onChange", false)?,
        on_payment_method_selected: callback(options, "onPaymentMethodSelected", false)?,
    };
    let options = Options {
        public_api_key,
        checkout_session,
        country_code,
        language,
        api_url: api_url.trim_end_matches('/').to_owned(),
        show_pay_button,
        theme,
        variables,
        holder_name,
        save_card,
        initial_method,
    };
    Ok((options, callbacks))
}
