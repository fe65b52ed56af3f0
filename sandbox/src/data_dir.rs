//! The data directory holds the database (with the secret key and the webhook secret) and the
//! card key: owner-only, the directory 0700 and its files 0600, whatever the umask.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use anyhow::Context;

/// The SQLite database's file name in the data directory.
pub const DATABASE: &str = "sandbox.db";

/// Creates `dir` (0700) and the database file (0600) if they are missing, and makes what is
/// there owner-only. SQLite gives its `-wal` and `-shm` files the database file's mode, so
/// creating that file first, owner-only, covers them too.
pub fn prepare(dir: &Path) -> anyhow::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("creating the data dir {}", dir.display()))?;
    std::fs::set_permissions(dir, Permissions::from_mode(0o700))
        .with_context(|| format!("making the data dir {} owner-only", dir.display()))?;
    OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(dir.join(DATABASE))
        .with_context(|| format!("creating the database in {}", dir.display()))?;
    for name in [DATABASE, "sandbox.db-wal", "sandbox.db-shm", "card.key"] {
        let path = dir.join(name);
        if path.exists() {
            std::fs::set_permissions(&path, Permissions::from_mode(0o600))
                .with_context(|| format!("making {} owner-only", path.display()))?;
        }
    }
    Ok(())
}
