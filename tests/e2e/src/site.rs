//! The merchant-origin site for the tests: the demo (`www/`), the test pages
//! (`tests/e2e/www/`), and the npm app bundled by esbuild next to a copy of the wasm.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

/// A temporary directory holding the site.
pub struct Site(PathBuf);

impl Site {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

pub fn prepare(root: &Path) -> anyhow::Result<Site> {
    let dir = std::env::temp_dir().join(format!("cw-e2e-site-{}", std::process::id()));
    let site = Site(dir.clone());
    copy_dir(&root.join("www"), &dir)?;
    copy_dir(&root.join("tests/e2e/www"), &dir)?;
    let npm = dir.join("npm");
    std::fs::create_dir_all(&npm)?;
    // Resolve `checkout-widget` as an installed package would: through its package.json.
    let link = root.join("node_modules/checkout-widget");
    if std::fs::symlink_metadata(&link).is_err() {
        std::os::unix::fs::symlink("..", &link).context("linking node_modules/checkout-widget")?;
    }
    let status = Command::new(root.join("node_modules/.bin/esbuild"))
        .current_dir(root)
        .arg("tests/e2e/npm-app/app.js")
        .args(["--bundle", "--format=esm", "--log-level=warning"])
        .arg(format!("--outfile={}", npm.join("app.js").display()))
        .status()
        .context("running esbuild")?;
    if !status.success() {
        bail!("esbuild failed");
    }
    // The bundle finds the wasm next to itself, as any bundler's output would.
    std::fs::copy(
        root.join("dist/checkout_bg.wasm"),
        npm.join("checkout_bg.wasm"),
    )
    .context("dist/ is not built")?;
    Ok(site)
}
