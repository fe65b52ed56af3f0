#!/usr/bin/env bash
# Release build of the widget to WebAssembly into dist/, then a size report (gzip -9).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown -p checkout-widget --lib
mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name checkout_widget \
  target/wasm32-unknown-unknown/release/checkout_widget.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  dist/checkout_widget_bg.wasm -o dist/checkout_widget_bg.wasm
cp frame/frame.html frame/frame.js frame/frame.css dist/
node scripts/size-report.mjs
