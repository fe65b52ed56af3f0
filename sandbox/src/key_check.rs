//! One card key per database. Every instance on a shared database must seal and open card
//! data with the same key: the database keeps a value sealed with the key it was first used
//! with, and an instance whose key cannot open it refuses to start, saying so.

use anyhow::anyhow;

use crate::clock::now_ms;
use crate::store::Store;
use crate::vault::Vault;

const OWNER: &str = "key-check";
const PLAIN: &[u8] = b"checkout-sandbox card key";

/// Checks `vault`'s key against the database's (recording it on first use).
pub async fn ensure(store: &Store, vault: &Vault) -> anyhow::Result<()> {
    if store.key_check().await?.is_none() {
        // A database with data sealed before the check existed: the key must open it, of
        // every kind.
        for (owner, sealed) in store.sealed_samples().await? {
            vault.open(&owner, &sealed).map_err(|_| mismatch())?;
        }
        if let Some((token, sealed)) = store.sealed_document_sample().await? {
            crate::document::open(vault, &token, &sealed).ok_or_else(mismatch)?;
        }
        store
            .insert_key_check(&vault.seal(OWNER, PLAIN)?, now_ms())
            .await?;
    }
    // The row as stored: another instance may have recorded its key first.
    let sealed = store
        .key_check()
        .await?
        .ok_or_else(|| anyhow!("the database's key check vanished"))?;
    match vault.open(OWNER, &sealed) {
        Ok(plain) if plain == PLAIN => Ok(()),
        _ => Err(mismatch()),
    }
}

fn mismatch() -> anyhow::Error {
    anyhow!(
        "the card key (--card-key or SANDBOX_CARD_KEY, else <data-dir>/card.key) cannot open the \
         card data this database already holds: every instance on one database needs the same \
         key. Give this instance the key the others use (a new key needs a new database)."
    )
}
