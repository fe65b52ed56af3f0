//! The data directory holds the database (with the secret key and the webhook secret) and the
//! card key: owner-only, the directory 0700 and its files 0600, whatever the umask.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use anyhow::{bail, Context};

/// The SQLite database's file name in the data directory.
pub const DATABASE: &str = "sandbox.db";

/// The files the sandbox keeps in its data directory.
const FILES: [&str; 4] = [DATABASE, "sandbox.db-wal", "sandbox.db-shm", "card.key"];

/// Prepares `dir` for the sandbox's data: created 0700 if missing; an existing one is made
/// owner-only when it is the sandbox's (empty, or holding its database), and otherwise left
/// as it is with a warning (`--data-dir .` must not lock the user out of their own folder).
/// The database file (when `sqlite_file`) and the card key are created or made 0600 through
/// the open file, never following a link; SQLite gives its `-wal` and `-shm` files the
/// database file's mode, so they are owner-only too.
pub fn prepare(dir: &Path, sqlite_file: bool) -> anyhow::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .with_context(|| format!("creating the data dir {}", dir.display()))?;
        }
        Ok(meta) if meta.file_type().is_symlink() => {
            bail!(
                "the data dir {} is a symbolic link; give its target",
                dir.display()
            )
        }
        Ok(meta) if !meta.is_dir() => bail!("the data dir {} is not a directory", dir.display()),
        Ok(meta) => {
            let ours = dir.join(DATABASE).exists()
                || std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
            let open = meta.mode() & 0o077 != 0;
            if open && ours {
                std::fs::set_permissions(dir, Permissions::from_mode(0o700))
                    .with_context(|| format!("making the data dir {} owner-only", dir.display()))?;
            } else if open {
                tracing::warn!(
                    "the data dir {} can be read by others: it will hold secret keys",
                    dir.display()
                );
            }
        }
    }
    for name in FILES {
        let create = sqlite_file && name == DATABASE;
        let path = dir.join(name);
        if !create && std::fs::symlink_metadata(&path).is_err() {
            continue;
        }
        let file = OpenOptions::new()
            .create(create)
            .append(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .with_context(|| format!("opening {} (it may not be a link)", path.display()))?;
        file.set_permissions(Permissions::from_mode(0o600))
            .with_context(|| format!("making {} owner-only", path.display()))?;
    }
    Ok(())
}
