#!/usr/bin/env bash
# Release build of the widget to WebAssembly into dist/, then a size report (gzip -9).
#
# Each piece is compiled with only what it needs, optimized with wasm-opt, and its JavaScript
# (loader + wasm-bindgen glue) bundled and minified by esbuild into the one file the browser
# fetches. wasm-bindgen's raw output stays in target/js/.
set -euo pipefail
cd "$(dirname "$0")/.."

# binaryen from npm; current rustc emits these features. Flattening and re-relooping before
# two -Oz rounds run to a fixed point saves about 1.5 KB gzip per piece over a plain -Oz.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types)
wasm_opt() {
  node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz --converge "${features[@]}" "$1" -o "$1"
}
esbuild() { node_modules/.bin/esbuild --log-level=warning --target=es2022 --minify "$@"; }

# Panic locations keep their source paths in the wasm: make them short (`tachys-0.2.19/src/…`
# rather than the full path under the cargo registry).
remap=("--remap-path-prefix=$PWD/=")
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  remap+=("--remap-path-prefix=$dir=")
done
# (Encoded: one flag per \x1f-separated field, so paths may hold spaces.)
rustflags=$(IFS=$'\x1f' && echo "${remap[*]}")

# Builds one piece (`frame` or `host`) and leaves its glue as target/js/<glue>.js and its
# optimized wasm as dist/<wasm>.
piece() {
  local feature=$1 glue=$2 wasm=$3
  CARGO_ENCODED_RUSTFLAGS="$rustflags" cargo build --release --target wasm32-unknown-unknown \
    -p checkout-widget --lib --no-default-features --features "$feature"
  wasm-bindgen --target web --no-typescript --out-dir target/js --out-name "$glue" \
    target/wasm32-unknown-unknown/release/checkout_widget.wasm
  mv "target/js/${glue}_bg.wasm" "dist/$wasm"
  sed -i "s/${glue}_bg\.wasm/$wasm/" "target/js/$glue.js"
  wasm_opt "dist/$wasm"
  node scripts/minify-wasm-names.mjs "dist/$wasm" "target/js/$glue.js" -- "${features[@]}"
}

rm -rf dist target/js
mkdir -p dist target/js

# The secure frame (payment origin): its page, its stylesheet, one script, the wasm.
piece frame frame_glue frame_bg.wasm
cp frame/frame.js target/js/
esbuild --bundle --format=esm target/js/frame.js --outfile=dist/frame.js
esbuild frame/frame.css --outfile=dist/frame.css
cp frame/frame.html dist/

# The host piece (merchant page): the classic-script loader, the ES module (entry, Yuno
# compatibility and glue in one file), the wasm and the hand-written types.
piece host checkout_glue checkout_bg.wasm
cp sdk/checkout-widget.mjs sdk/yuno-compat.mjs target/js/
esbuild --bundle --format=esm target/js/checkout-widget.mjs --outfile=dist/checkout-widget.mjs
esbuild sdk/checkout-widget.js --outfile=dist/checkout-widget.js
cp sdk/checkout-widget.d.ts dist/

node scripts/sri.mjs
node scripts/size-report.mjs
