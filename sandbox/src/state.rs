//! What every handler shares.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::config::Config;
use crate::installments::Plans;
use crate::limits::Limits;
use crate::methods::MethodTable;
use crate::store::Store;
use crate::vault::Vault;

/// Shared application state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Card encryption.
    pub vault: Vault,
    /// Settings.
    pub config: Arc<Config>,
    /// The payment origin as browsers see it (no trailing slash).
    pub public_url: Arc<str>,
    /// Methods enabled per country.
    pub methods: Arc<MethodTable>,
    /// Installment plans.
    pub plans: Arc<Plans>,
    /// Wakes the webhook worker when an event is queued.
    pub outbox_wakeup: Arc<Notify>,
    /// Abuse limits and their counters.
    pub limits: Arc<Limits>,
}
