//! `checkout-sandbox`: see `--help`.

use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let config = checkout_sandbox::config::Config::parse();
    if let Err(e) = checkout_sandbox::run(config).await {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
