//! The payment origin's HTTP surface: the API (browser and merchant endpoints), icons and the
//! SDK assets.

mod action_pages;
mod customer_sessions;
mod customers;
mod icons;
mod installments;
mod issuers;
mod payment_methods;
pub(crate) mod payments;
mod sdk_assets;
mod session_payment;
mod sessions;
pub(crate) mod tokens;

use axum::http::{header, HeaderName, Method, Request};
use axum::routing::{get, post};
use axum::Router;
use tower_http::cors::{Any, CorsLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::error::ApiError;
use crate::state::AppState;

/// Everything served on the payment origin.
pub fn payment_origin(state: AppState, csp_reports: crate::csp_reports::CspReports) -> Router {
    // Browser endpoints answer CORS for any origin: they need only the public key.
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("public-api-key"),
            HeaderName::from_static("x-idempotency-key"),
        ])
        .max_age(std::time::Duration::from_secs(600));
    let browser = Router::new()
        .route("/v1/checkout/sessions/{id}", get(sessions::show_to_browser))
        .route(
            "/v1/checkout/sessions/{id}/payment-methods",
            get(payment_methods::list),
        )
        .route("/v1/checkout/sessions/{id}/token", post(tokens::create))
        .route(
            "/v1/checkout/sessions/{id}/installments",
            get(installments::list),
        )
        .route(
            "/v1/checkout/sessions/{id}/payment",
            get(session_payment::show),
        )
        .route("/v1/issuers", get(issuers::list))
        .route(
            "/v1/checkout/customers/sessions/{id}/payment-methods",
            get(customer_sessions::list_to_browser),
        )
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            per_address_limit,
        ))
        .route("/icons/{name}", get(icons::icon))
        .layer(cors);
    let merchant = Router::new()
        .route(
            "/v1/customers",
            post(customers::create).get(customers::find),
        )
        .route("/v1/customers/{id}", get(customers::show))
        .route("/v1/customers/sessions", post(customer_sessions::create))
        .route(
            "/v1/customers/sessions/{id}/payment-methods",
            post(customer_sessions::register),
        )
        .route("/v1/checkout/sessions", post(sessions::create))
        .route("/v1/payments", post(payments::create))
        .route("/v1/payments/{id}", get(payments::show))
        .route("/v1/payments/{id}/complete", post(payments::complete))
        .route(
            "/v1/payments/{id}/webhook-deliveries",
            get(payments::deliveries),
        );
    // The sandbox's own pages: the issuer, the bank, PIX and vouchers (no CORS: documents).
    let pages = Router::new()
        .route("/sandbox/pages.css", get(action_pages::stylesheet))
        .route(
            "/sandbox/3ds/{id}",
            get(action_pages::challenge).post(action_pages::answer_challenge),
        )
        .route(
            "/sandbox/pay/{id}",
            get(action_pages::bank).post(action_pages::answer_bank),
        )
        .route("/sandbox/pix/{id}/qr.svg", get(action_pages::pix_qr))
        .route("/sandbox/voucher/{id}", get(action_pages::voucher_page))
        .route(
            "/sandbox/voucher/{id}/barcode.svg",
            get(action_pages::voucher_barcode),
        );
    Router::new()
        .merge(browser)
        .merge(pages)
        .merge(merchant)
        .nest_service("/sdk", sdk_assets::router(&state))
        .merge(crate::csp_reports::routes(csp_reports))
        .fallback(|| async { ApiError::not_found("NOT_FOUND", "no such endpoint") })
        .layer(axum::middleware::from_fn(no_nul_in_url))
        .layer(axum::extract::DefaultBodyLimit::max(
            crate::extract::MAX_BODY,
        ))
        .layer(request_log())
        .with_state(state)
}

/// The per-address limit of the browser API: counted on the TCP peer's address (a proxy in
/// front of the sandbox makes all its clients one address; raise the limit there).
async fn per_address_limit(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    request: Request<axum::body::Body>,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let address = peer.ip().to_string();
    match state
        .limits
        .count(crate::limits::Kind::RequestsPerAddress, &address)
        .await
    {
        Ok(()) => next.run(request).await,
        Err(e) => e.into_response(),
    }
}

/// Refuses a URL with an encoded NUL (`%00`) in its path or query: no id or parameter holds
/// one, and PostgreSQL's text could not store it.
async fn no_nul_in_url(
    request: Request<axum::body::Body>,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let uri = request.uri();
    let has_nul = |part: &str| part.as_bytes().windows(3).any(|w| w == b"%00");
    if has_nul(uri.path()) || uri.query().is_some_and(has_nul) {
        return ApiError::bad_request(
            "INVALID_REQUEST",
            "the URL must not contain NUL characters (%00)",
        )
        .into_response();
    }
    next.run(request).await
}

/// One log line per request: method, path and status. Never bodies, headers or query strings.
pub fn request_log<B>() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    impl Fn(&Request<B>) -> tracing::Span + Clone,
    tower_http::trace::DefaultOnRequest,
    DefaultOnResponse,
> {
    TraceLayer::new_for_http()
        .make_span_with(|req: &Request<B>| {
            tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
        })
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}
