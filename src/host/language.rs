//! The host's language packs for Rust callers. (The JS entry fetches the pack itself,
//! alongside the wasm, and hands it to `mount`; see `sdk/language.js`.)

use crate::i18n::{Lang, PackError};

/// Why a language could not be installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The pack did not arrive (network, timeout, or not 2xx).
    Unreachable,
    /// It arrived but does not fit this build's words.
    Refused(PackError),
}

/// Fetches and installs the host's pack for `lang` from the payment origin that serves the SDK
/// (`{api_url}/sdk/i18n/host/{code}.txt`). English is built in; an installed pack is kept.
pub async fn load(api_url: &str, lang: Lang) -> Result<(), LoadError> {
    if lang.host_installed() {
        return Ok(());
    }
    let url = [
        api_url.trim_end_matches('/'),
        "/sdk/i18n/host/",
        lang.code(),
        ".txt",
    ]
    .concat();
    let text = crate::http::get_text(&url)
        .await
        .ok_or(LoadError::Unreachable)?;
    lang.install_host(text).map_err(LoadError::Refused)
}
