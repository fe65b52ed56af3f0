//! Settings, from flags or environment variables; defaults suit a developer's machine.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// The sandbox payment API and the demo merchant.
#[derive(Parser, Debug, Clone)]
#[command(name = "checkout-sandbox", version, about)]
pub struct Config {
    /// Where the database and the card-encryption key live.
    #[arg(long, env = "SANDBOX_DATA_DIR", default_value = ".data/sandbox")]
    pub data_dir: PathBuf,

    /// Database URL; default `sqlite://<data-dir>/sandbox.db`.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// Listen address of the payment origin (API, secure frame, SDK assets).
    #[arg(long, env = "SANDBOX_PAYMENT_ADDR", default_value = "127.0.0.1:8787")]
    pub payment_addr: SocketAddr,

    /// Listen address of the merchant origin (demo page and demo merchant backend).
    #[arg(long, env = "SANDBOX_MERCHANT_ADDR", default_value = "127.0.0.1:8788")]
    pub merchant_addr: SocketAddr,

    /// The payment origin's URL as browsers reach it; default `http://<payment-addr>`.
    #[arg(long, env = "SANDBOX_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Public API key of the development account (kept from the first start if not given).
    #[arg(long, env = "SANDBOX_PUBLIC_API_KEY")]
    pub public_api_key: Option<String>,

    /// Secret key of the development account (kept from the first start if not given).
    #[arg(long, env = "SANDBOX_PRIVATE_SECRET_KEY")]
    pub private_secret_key: Option<String>,

    /// Secret that signs webhooks (kept from the first start if not given).
    #[arg(long, env = "SANDBOX_WEBHOOK_SECRET")]
    pub webhook_secret: Option<String>,

    /// Account-wide webhook URL, used when a session has no `callback_url`.
    #[arg(long, env = "SANDBOX_WEBHOOK_URL")]
    pub webhook_url: Option<String>,

    /// Card-encryption key, 32 bytes in Base64; default: generated once into the data dir.
    #[arg(long, env = "SANDBOX_CARD_KEY", hide_env_values = true)]
    pub card_key: Option<String>,

    /// Multiplies Yuno's webhook retry schedule (5 min, 50 min, 6 h, 24 h, 48 h, 96 h).
    #[arg(long, env = "SANDBOX_WEBHOOK_BACKOFF_SCALE", default_value_t = 0.01)]
    pub webhook_backoff_scale: f64,

    /// How long one webhook delivery may take, in milliseconds.
    #[arg(long, env = "SANDBOX_WEBHOOK_TIMEOUT_MS", default_value_t = 5000)]
    pub webhook_timeout_ms: u64,

    /// Lifetime of a one-time token, in seconds.
    #[arg(long, env = "SANDBOX_TOKEN_TTL_SECS", default_value_t = 30 * 60)]
    pub token_ttl_secs: u64,

    /// Lifetime of a checkout session, in seconds.
    #[arg(long, env = "SANDBOX_SESSION_TTL_SECS", default_value_t = 5 * 60 * 60)]
    pub session_ttl_secs: u64,

    /// How long a PIX code or cash voucher stays payable, in seconds; then the payment expires.
    #[arg(long, env = "SANDBOX_ACTION_TTL_SECS", default_value_t = 30 * 60)]
    pub action_ttl_secs: u64,

    /// JSON file mapping country codes (or `"*"`) to enabled payment method types.
    #[arg(long, env = "SANDBOX_METHODS_FILE")]
    pub methods_file: Option<PathBuf>,

    /// JSON file of installment plans (an array in Yuno's plan shape, each with an `id`),
    /// instead of the sandbox's default plan per country.
    #[arg(long, env = "SANDBOX_INSTALLMENTS_FILE")]
    pub installments_file: Option<PathBuf>,

    /// The demo merchant's page and scripts.
    #[arg(long, env = "SANDBOX_WWW_DIR", default_value = "www")]
    pub www_dir: PathBuf,

    /// Extra `frame-src` sources for the demo page's CSP (the payment origin is always there),
    /// e.g. a third-party frame a test embeds.
    #[arg(long, env = "SANDBOX_MERCHANT_FRAME_SRC")]
    pub merchant_frame_src: Option<String>,

    /// Built SDK assets served on the payment origin under `/sdk/`.
    #[arg(long, env = "SANDBOX_SDK_DIR", default_value = "dist")]
    pub sdk_dir: PathBuf,

    /// Turns every rate limit off (for load tests). Limits are on unless this is given.
    #[arg(long, env = "SANDBOX_NO_RATE_LIMITS")]
    pub no_rate_limits: bool,

    /// Card-token requests one checkout session may make in 10 minutes.
    #[arg(long, env = "SANDBOX_LIMIT_TOKENS_PER_SESSION", default_value_t = 20)]
    pub limit_tokens_per_session: u32,

    /// Token requests one public key may make in a minute.
    #[arg(long, env = "SANDBOX_LIMIT_TOKENS_PER_KEY", default_value_t = 1200)]
    pub limit_tokens_per_key: u32,

    /// Declined payments after which a checkout session takes no new card token.
    #[arg(long, env = "SANDBOX_LIMIT_DECLINES_PER_SESSION", default_value_t = 5)]
    pub limit_declines_per_session: u32,

    /// Browser API requests (session, methods, token, payment status) one client address may
    /// make in a minute.
    #[arg(
        long,
        env = "SANDBOX_LIMIT_REQUESTS_PER_ADDRESS",
        default_value_t = 600
    )]
    pub limit_requests_per_address: u32,

    /// Lets callback URLs (webhooks, returns from a bank's page) point at loopback and private
    /// addresses: for the demo and tests on one machine. Off, such URLs are refused (SSRF).
    #[arg(long, env = "SANDBOX_ALLOW_PRIVATE_CALLBACKS")]
    pub allow_private_callbacks: bool,

    /// Origins besides its own whose pages may use the demo merchant's API (comma-separated;
    /// `http://127.0.0.1:*` for any port): the browser tests' pages. None by default.
    #[arg(long, env = "SANDBOX_DEMO_TRUSTED_ORIGINS")]
    pub demo_trusted_origins: Option<String>,
}
