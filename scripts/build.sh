#!/usr/bin/env bash
# Release build of the widget to WebAssembly into dist/, then a size report (gzip -9).
set -euo pipefail
cd "$(dirname "$0")/.."

# binaryen from npm; current rustc emits these features.
wasm_opt() {
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types "$1" -o "$1"
}

# The secure frame: compiled with only what it needs (no host code).
cargo build --release --target wasm32-unknown-unknown -p checkout-widget --lib --no-default-features --features frame
mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name frame_glue \
  target/wasm32-unknown-unknown/release/checkout_widget.wasm
mv dist/frame_glue_bg.wasm dist/frame_bg.wasm
sed -i 's/frame_glue_bg\.wasm/frame_bg.wasm/' dist/frame_glue.js
wasm_opt dist/frame_bg.wasm
cp frame/frame.html frame/frame.js frame/frame.css dist/

# The host piece (merchant page): no card engine beyond what brand names need, no frame code.
cargo build --release --target wasm32-unknown-unknown -p checkout-widget --lib --no-default-features --features host
wasm-bindgen --target web --no-typescript --out-dir dist --out-name checkout_glue \
  target/wasm32-unknown-unknown/release/checkout_widget.wasm
mv dist/checkout_glue_bg.wasm dist/checkout_bg.wasm
sed -i 's/checkout_glue_bg\.wasm/checkout_bg.wasm/' dist/checkout_glue.js
wasm_opt dist/checkout_bg.wasm
cp sdk/checkout-widget.js sdk/checkout-widget.mjs sdk/yuno-compat.mjs sdk/checkout-widget.d.ts dist/
node scripts/sri.mjs
node scripts/size-report.mjs
