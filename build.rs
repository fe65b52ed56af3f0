//! Minifies the host's stylesheet, which the wasm carries as a string (`OUT_DIR/checkout.css`).

// A build script runs on the build machine: the wasm size rules (lints/wasm-size) are not for it.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

#[path = "build/minify_css.rs"]
mod minify_css;

fn main() {
    let source = "src/host/checkout.css";
    println!("cargo::rerun-if-changed={source}");
    println!("cargo::rerun-if-changed=build/minify_css.rs");
    let css = std::fs::read_to_string(source).expect("src/host/checkout.css");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("checkout.css"), minify_css::minify_css(&css))
        .expect("write the minified stylesheet");
}
