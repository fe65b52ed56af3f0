//! The built SDK (`--sdk-dir`, served at `/sdk/`): the secure frame's page under its strict CSP,
//! the scripts, the wasm and the language packs, each with its exact MIME type, `nosniff`, and a
//! cache lifetime by path: a year and immutable under `/sdk/v<version>/` (a version's files
//! never change), a minute elsewhere (the unversioned paths follow each build). A file's
//! brotli or gzip copy (`<file>.br`, `<file>.gz`, written by the build) is served to a browser
//! that accepts it: a third of the bytes, which is most of a cold mount on a mobile network.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;

/// The SDK assets. The cross-origin headers let pages that isolate themselves (COEP
/// `require-corp`) embed the frame and load the scripts.
pub fn router(state: &AppState) -> Router {
    // `base-uri` and `form-action`: the frame's form never submits anywhere, and nothing in
    // the frame may change where its relative URLs point.
    let csp = format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' {}; style-src 'self'; \
         img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *; {}",
        state.public_url,
        crate::csp_reports::DIRECTIVE
    );
    Router::new()
        .fallback_service(
            ServeDir::new(&state.config.sdk_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::from_fn(type_and_cache))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&csp).unwrap_or(HeaderValue::from_static("default-src 'none'")),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-embedder-policy"),
            HeaderValue::from_static("require-corp"),
        ))
        // The SDK's module, wasm and packs are fetched cross-origin by merchant pages.
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET]),
        )
}

/// Sets the MIME type (a table: the guesser serves `.d.ts` as MPEG video) and the cache
/// lifetime of a found asset.
async fn type_and_cache(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    if !res.status().is_success() {
        return res;
    }
    let headers = res.headers_mut();
    if let Some(mime) = mime_type(&path) {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    }
    let cache = if is_versioned(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=60"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // What is sent depends on Accept-Encoding: a shared cache must keep the variants apart.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    res
}

/// The MIME type of what the SDK serves, by name.
pub fn mime_type(path: &str) -> Option<&'static str> {
    const TYPES: &[(&str, &str)] = &[
        (".d.ts", "application/typescript; charset=utf-8"),
        (".mjs", "text/javascript; charset=utf-8"),
        (".js", "text/javascript; charset=utf-8"),
        (".wasm", "application/wasm"),
        (".css", "text/css; charset=utf-8"),
        (".html", "text/html; charset=utf-8"),
        (".txt", "text/plain; charset=utf-8"),
        (".json", "application/json"),
        (".svg", "image/svg+xml"),
    ];
    TYPES
        .iter()
        .find(|(suffix, _)| path.ends_with(suffix))
        .map(|(_, mime)| *mime)
}

/// Whether `path` (below `/sdk`) is under a version folder, `/v1.2.3/…`.
pub fn is_versioned(path: &str) -> bool {
    let mut segments = path.trim_start_matches('/').split('/').peekable();
    segments.next_if_eq(&"sdk");
    let version = segments.next().unwrap_or("");
    let numbers: Vec<&str> = version.strip_prefix('v').unwrap_or("").split('.').collect();
    let is_version = numbers.len() == 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    is_version && segments.next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versioned_paths_are_recognised() {
        for (path, versioned) in [
            ("/v0.1.0/checkout-widget.mjs", true),
            ("/sdk/v0.1.0/i18n/host/de.txt", true),
            ("/v0.1.0/", true),
            ("/v0.1/checkout-widget.mjs", false),
            ("/vx.1.0/checkout-widget.mjs", false),
            ("/checkout-widget.mjs", false),
            ("/v0.1.0", false),
            ("/sdk/frame.html", false),
        ] {
            assert_eq!(is_versioned(path), versioned, "{path}");
        }
    }

    #[test]
    fn every_sdk_file_has_its_type() {
        assert_eq!(
            mime_type("/checkout-widget.d.ts"),
            Some("application/typescript; charset=utf-8")
        );
        assert_eq!(
            mime_type("/i18n/host/de.txt"),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(mime_type("/checkout_bg.wasm"), Some("application/wasm"));
        assert_eq!(
            mime_type("/frame.js"),
            Some("text/javascript; charset=utf-8")
        );
        assert_eq!(mime_type("/unknown.bin"), None);
    }
}
