//! The sandbox's own pages (issuer, bank, voucher): one accessible document shape, rendered
//! on the server in the shopper's language, styled by one stylesheet under a strict CSP.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use checkout_i18n::{Lang, PageStrings};

/// The pages' stylesheet (`/sandbox/pages.css`).
pub const CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}\
main{max-width:28rem;margin:0 auto;padding:1.5rem}\
.bank{font-weight:700;color:#0b5394;margin:0}\
h1{font-size:1.35rem;margin:.25rem 0 1rem}\
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#4a5360}dd{margin:0;font-weight:600}\
label{display:block;font-weight:600;margin:.75rem 0 .25rem}\
input{font:inherit;padding:.5rem;border:1px solid #6b7480;border-radius:6px;width:10rem}\
.row{display:flex;gap:.75rem;margin-top:1rem;flex-wrap:wrap}\
button,.button{font:inherit;padding:.55rem 1.1rem;border-radius:6px;border:1px solid #0b5394;background:#0b5394;color:#fff;cursor:pointer;text-decoration:none}\
button.secondary{background:#fff;color:#0b5394}\
button:focus-visible,input:focus-visible,.button:focus-visible{outline:3px solid #f2a900;outline-offset:2px}\
.hint{color:#4a5360;font-size:.9rem}img{max-width:100%;height:auto}\
@media print{.row,.hint{display:none}body{background:#fff}}";

/// A page's language: the `lang` the widget passed, else English.
pub fn lang(tag: Option<&str>) -> Lang {
    tag.map(Lang::pick).unwrap_or_default()
}

/// `text` escaped for HTML text and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Where a page may be shown and where its forms may go.
pub struct Policy<'a> {
    /// `frame-ancestors`: `*` for the challenge (the widget shows it in an iframe on the
    /// merchant's page), `'none'` for pages shown as the whole window.
    pub ancestors: &'a str,
    /// Extra `form-action` sources (the origin a form's redirect ends at).
    pub forms_to: &'a str,
}

/// A whole page: the sandbox bank's name, the heading, then `body` (already escaped HTML).
pub fn page(lang: Lang, status: StatusCode, title: &str, body: &str, policy: Policy) -> Response {
    let words: &PageStrings = lang.pages();
    page_of(words.bank_name, lang, status, title, body, policy)
}

/// [`page`] standing in for the bank named `bank` (the one the shopper chose, e.g. PSE's
/// issuer), whose name then heads the page and its title.
pub fn page_of(
    bank: &str,
    lang: Lang,
    status: StatusCode,
    title: &str,
    body: &str,
    policy: Policy,
) -> Response {
    let dir = if lang.rtl() { "rtl" } else { "ltr" };
    let html = format!(
        "<!doctype html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title} · {bank}</title><link rel=\"stylesheet\" href=\"/sandbox/pages.css\"></head>\
         <body><main><p class=\"bank\">{bank}</p><h1>{title}</h1>{body}</main></body></html>",
        code = lang.code(),
        bank = esc(bank),
        title = esc(title),
    );
    let csp = format!(
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; \
         form-action 'self' {}; frame-ancestors {}",
        policy.forms_to, policy.ancestors
    );
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::HeaderName::from_static("x-content-type-options"),
        HeaderValue::from_static("nosniff"),
    );
    // (Fails closed: a policy that cannot be a header becomes the strictest one.)
    let csp = HeaderValue::from_str(&csp).unwrap_or(HeaderValue::from_static(
        "default-src 'none'; frame-ancestors 'none'",
    ));
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    response
}

/// The amount as the page shows it: the value with two decimals and the ISO currency.
pub fn amount(currency: &str, value: f64) -> String {
    format!("{value:.2} {currency}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">O'k & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O&#39;k &amp; co&lt;/a&gt;"
        );
    }

    #[test]
    fn picks_the_language_the_widget_passed() {
        assert_eq!(lang(Some("pt-BR")), Lang::Pt);
        assert_eq!(lang(Some("<script>")), Lang::En);
        assert_eq!(lang(None), Lang::En);
    }
}
