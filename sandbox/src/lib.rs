//! The sandbox: a real server for the payment API the widget talks to (Yuno's v1 paths and
//! field names), with a database, tokens, payments and signed webhooks, plus the demo merchant.
//!
//! Two listeners, because the widget lives across two origins: the payment origin
//! ([`routes`]) and the merchant origin ([`merchant`]).

pub mod actions;
pub mod callback_url;
pub mod card_rules;
pub mod clock;
pub mod config;
pub mod csp_reports;
pub mod data_dir;
pub mod document;
pub mod error;
pub mod extract;
pub mod holder;
pub mod installments;
pub mod issuers;
pub mod key_check;
pub mod limits;
pub mod merchant;
pub mod methods;
pub mod outcome;
pub mod routes;
pub mod settle;
pub mod state;
pub mod store;
pub mod vault;
pub mod webhooks;

use std::sync::Arc;

use anyhow::Context;
use axum::serve::ListenerExt;
use tokio::net::TcpListener;

use crate::config::Config;
use crate::methods::MethodTable;
use crate::state::AppState;
use crate::store::accounts::KeyOverrides;
use crate::store::{Backend, Store};
use crate::vault::Vault;

/// Starts both origins and the webhook worker, prints where they listen and the development
/// keys, and serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> anyhow::Result<()> {
    data_dir::prepare(&config.data_dir, config.database_url.is_none())?;
    let db_url = config.database_url.clone().unwrap_or_else(|| {
        format!(
            "sqlite://{}/{}",
            config.data_dir.display(),
            data_dir::DATABASE
        )
    });
    let store = Store::connect(&db_url).await?;
    let vault = Vault::load(config.card_key.as_deref(), &config.data_dir)?;
    key_check::ensure(&store, &vault).await?;
    let account = store
        .ensure_dev_account(&KeyOverrides {
            public_api_key: config.public_api_key.as_deref(),
            private_secret_key: config.private_secret_key.as_deref(),
            webhook_secret: config.webhook_secret.as_deref(),
            webhook_url: config.webhook_url.as_deref(),
        })
        .await?;
    let methods = match &config.methods_file {
        Some(path) => MethodTable::from_file(path)?,
        None => MethodTable::defaults(),
    };
    let plans = match &config.installments_file {
        Some(path) => installments::Plans::from_file(path)?,
        None => installments::Plans::defaults(),
    };

    let payment_listener = TcpListener::bind(config.payment_addr)
        .await
        .with_context(|| format!("listening on {} (payment origin)", config.payment_addr))?;
    let merchant_listener = TcpListener::bind(config.merchant_addr)
        .await
        .with_context(|| format!("listening on {} (merchant origin)", config.merchant_addr))?;
    let payment_url = config.public_url.clone().unwrap_or_else(|| {
        format!(
            "http://{}",
            payment_listener
                .local_addr()
                .map(|a| a.to_string())
                .unwrap_or_default()
        )
    });
    let payment_url = payment_url.trim_end_matches('/').to_owned();
    let merchant_url = format!("http://{}", merchant_listener.local_addr()?);

    let state = AppState {
        store: store.clone(),
        vault,
        config: Arc::new(config.clone()),
        public_url: payment_url.as_str().into(),
        methods: Arc::new(methods),
        plans: Arc::new(plans),
        outbox_wakeup: Arc::default(),
        // Several instances share a PostgreSQL database: they count toward the limits together.
        limits: Arc::new(match store.backend() {
            Backend::Postgres => limits::Limits::new(&config).shared(store.clone()),
            Backend::Sqlite => limits::Limits::new(&config),
        }),
    };
    tokio::spawn(webhooks::run(state.clone()));
    tokio::spawn(store.clone().checkpoints());

    let csp_reports = csp_reports::CspReports::new(&account.private_secret_key);
    let payment_app = routes::payment_origin(state, csp_reports);
    let merchant_app = merchant::merchant_origin(
        &payment_url,
        &merchant_url,
        account.clone(),
        &config.www_dir,
        config.merchant_frame_src.as_deref(),
        config.demo_trusted_origins.as_deref(),
    );

    println!("checkout-sandbox is ready");
    println!("  payment origin:     {payment_url}");
    println!("  merchant origin:    {merchant_url}   <- open this for the demo");
    println!("  account_id:         {}", account.id);
    println!("  public-api-key:     {}", account.public_api_key);
    println!("  private-secret-key: {}", account.private_secret_key);
    println!("  webhook secret:     {}", account.webhook_secret);
    // Never the password a PostgreSQL URL may carry.
    println!("  database:           {}", store::redacted(&db_url));
    if config.no_rate_limits {
        println!("  rate limits:        off (--no-rate-limits)");
    }

    // TCP_NODELAY: a file is answered in two writes (headers, then the body), and with Nagle's
    // algorithm the second waits for the client's delayed ACK, 40 ms on Linux: measured on a
    // 1 KB language pack, which arrived 40 ms after the 100 KB wasm it was requested with.
    let nodelay = |tcp: &mut tokio::net::TcpStream| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!("TCP_NODELAY not set: {e}");
        }
    };
    // The client's address feeds the per-address limit of the browser endpoints.
    let payment = axum::serve(
        payment_listener.tap_io(nodelay),
        payment_app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal());
    let merchant = axum::serve(merchant_listener.tap_io(nodelay), merchant_app)
        .with_graceful_shutdown(shutdown_signal());
    let (a, b) = tokio::join!(payment, merchant);
    a.context("payment origin")?;
    b.context("merchant origin")?;
    store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
