//! The checkout as a Leptos component, for Rust CSR apps: the same component `mount()` renders,
//! with Rust callbacks.

use checkout_protocol::{FieldMode, Theme};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::checkout::Checkout;
use super::options::{Callbacks, Options};
use super::view;

/// What the pay button's token comes with (the JS `TokenInfo`, as a plain JS object).
pub type TokenInfo = JsValue;

fn js_fn2(f: impl Fn(JsValue, JsValue) + 'static) -> js_sys::Function {
    Closure::<dyn Fn(JsValue, JsValue)>::new(f)
        .into_js_value()
        .unchecked_into()
}

/// Options for [`CheckoutWidget`] with the defaults of the JS API, in English: set `language`
/// to another [`Lang`](crate::i18n::Lang) after installing its pack
/// ([`super::language::load`]).
pub fn options(
    public_api_key: &str,
    checkout_session: &str,
    country_code: &str,
    api_url: &str,
) -> Options {
    Options {
        public_api_key: public_api_key.to_owned(),
        checkout_session: checkout_session.to_owned(),
        country_code: country_code.to_owned(),
        language: crate::i18n::Lang::En,
        api_url: api_url.trim_end_matches('/').to_owned(),
        show_pay_button: true,
        pay_button_text: None,
        theme: Theme::Light,
        variables: Vec::new(),
        holder_name: FieldMode::Required,
        document: FieldMode::Hidden,
        save_card: false,
        steps: false,
        credit_only: false,
        card: String::new(),
        initial_method: None,
        only_methods: None,
    }
}

/// The checkout: methods, secure card frame and pay button. `on_token` gets the one-time token
/// and its [`TokenInfo`]; `on_error` gets the JS `CheckoutError` object.
///
/// ```ignore
/// view! {
///     <CheckoutWidget
///         options=checkout_widget::host::component::options(&key, &session, "BR", &api)
///         on_token=move |(token, _info)| create_payment(token)
///     />
/// }
/// ```
#[component]
pub fn CheckoutWidget(
    /// The validated options (see [`options`]).
    options: Options,
    /// Receives `(token, info)`.
    #[prop(into)]
    on_token: Callback<(String, TokenInfo)>,
    /// Receives errors the shopper was shown.
    #[prop(optional, into)]
    on_error: Option<Callback<JsValue>>,
    /// Called once the methods show and, for a new card, the frame is interactive.
    #[prop(optional, into)]
    on_ready: Option<Callback<()>>,
) -> impl IntoView {
    let callbacks = Callbacks {
        on_token: js_fn2(move |token, info| {
            on_token.run((token.as_string().unwrap_or_default(), info))
        }),
        on_error: on_error.map(|f| js_fn2(move |e, _| f.run(e))),
        on_ready: on_ready.map(|f| js_fn2(move |_, _| f.run(()))),
        on_change: None,
        on_payment_method_selected: None,
        // (The bank lists are the JS entry's: here PSE's token carries no bank.)
        issuers: None,
    };
    let c = Checkout::new(options, callbacks);
    c.load();
    on_cleanup(move || c.teardown());
    view::view(c)
}
