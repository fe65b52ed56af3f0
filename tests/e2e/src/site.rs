//! The merchant-origin site for the tests: the demo (`www/`), the test pages
//! (`tests/e2e/www/`), and the npm app bundled by esbuild, Vite and webpack 5; and the
//! SDK the payment origin serves (a copy of `dist/`). Every document of both (pages, demo,
//! secure frame) loads `e2e-spy.js` first, which records errors for the harness to check.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

/// A temporary directory holding the site, and the SDK in `sdk/`.
pub struct Site(PathBuf);

impl Site {
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// The SDK to serve on the payment origin: `dist/` with the spy in its documents.
    pub fn sdk(&self) -> PathBuf {
        self.0.join("sdk")
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies `from` into `to` (with subfolders), putting `<script src="{spy}">` first in the
/// `<head>` of every HTML document (whose compressed copies, `.html.br` and `.html.gz`, are
/// left out: the page without the spy would be served in their place).
fn copy_dir(from: &Path, to: &Path, spy: &str) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if entry.file_type()?.is_dir() {
            copy_dir(&source, &target, spy)?;
        } else if name.ends_with(".html.br") || name.ends_with(".html.gz") {
            continue;
        } else if source.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&source)?;
            let tag = format!("<head><script src=\"{spy}\"></script>");
            if !html.contains("<head>") {
                bail!("{} has no <head> for the error spy", source.display());
            }
            std::fs::write(target, html.replacen("<head>", &tag, 1))?;
        } else {
            std::fs::copy(&source, &target)?;
        }
    }
    Ok(())
}

pub fn prepare(root: &Path) -> anyhow::Result<Site> {
    let dir = std::env::temp_dir().join(format!("cw-e2e-site-{}", std::process::id()));
    let site = Site(dir.clone());
    copy_dir(&root.join("www"), &dir, "/e2e-spy.js")?;
    copy_dir(&root.join("tests/e2e/www"), &dir, "/e2e-spy.js")?;
    // The secure frame's documents load it from their own folder (the frame CSP allows only
    // same-origin scripts).
    copy_dir(&root.join("dist"), &site.sdk(), "e2e-spy.js").context("dist/ is not built")?;
    for folder in std::fs::read_dir(site.sdk())? {
        let folder = folder?.path();
        if folder.join("frame.html").exists() {
            std::fs::copy(
                root.join("tests/e2e/www/e2e-spy.js"),
                folder.join("e2e-spy.js"),
            )?;
        }
    }
    std::fs::copy(
        root.join("tests/e2e/www/e2e-spy.js"),
        site.sdk().join("e2e-spy.js"),
    )?;
    // Resolve `checkout-widget` as an installed package would: through its package.json.
    let link = root.join("node_modules/checkout-widget");
    if std::fs::symlink_metadata(&link).is_err() {
        std::os::unix::fs::symlink("..", &link).context("linking node_modules/checkout-widget")?;
    }
    // The npm app, bundled by esbuild, Vite and webpack 5 (tests/e2e/npm-app/build.mjs).
    let status = Command::new("node")
        .current_dir(root)
        .arg("tests/e2e/npm-app/build.mjs")
        .arg(&dir)
        .status()
        .context("running the bundlers")?;
    if !status.success() {
        bail!("bundling the npm app failed");
    }
    Ok(site)
}
