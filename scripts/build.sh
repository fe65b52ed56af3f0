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
# binaryen inlines a function with one caller whatever its size; LTO has already inlined what
# pays, and capping that at 20 instructions (-ocimfs) saves 1.6 KB (frame) and 2.7 KB (host)
# gzip more. (Measured: 5, 10, 30 and 50 save less, and the default least.)
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types)
# Locals coalesced by the learning variant at the end: 50 B more.
passes=(--flatten --rereloop -ocimfs 20 -Oz -Oz --coalesce-locals-learning --converge)
esbuild() { node_modules/.bin/esbuild --log-level=warning --target=es2022 --minify "$@"; }
# terser's compressor after esbuild's minifier, for the first paint's scripts: 140 B gzip less
# in the host's module, 40 in the frame's. (Its `unsafe_arrows` would take 40 more from the
# host's, but an arrow has no `prototype` and cannot be called with `new`.)
squeeze() { node_modules/.bin/terser "$1" --module --ecma 2022 --compress passes=3 --mangle -o "$1"; }

# The standard library is rebuilt with the widget (`-Zbuild-std`, from the rust-src component
# setup.sh installs) so that a panic is a bare trap (`-Cpanic=immediate-abort`): no panic
# messages, source locations or formatting machinery in the wasm, and `{:?}` compiled to
# nothing (`-Zfmt-debug=none`). These flags are unstable; RUSTC_BOOTSTRAP lets the stable
# toolchain take them, here only. About 9 KB gzip per piece. Nothing is lost: a wasm panic
# printed nothing before either (no panic hook), and the widget's code never relies on one.
# Panic locations that remain are made short (`tachys-0.2.19/src/…`, not the registry path).
# The linker is rust-lld behind scripts/wasm-link.mjs, which leaves out the exports of crates
# linked but never called (see there).
# The wasm features are the ones listed above and no more (`mvp` plus those): without
# multi-value returns wasm-bindgen needs no shims for them, 100 B gzip less per piece.
flags=(-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none
  -Ctarget-cpu=mvp -Ctarget-feature=+bulk-memory,+nontrapping-fptoint,+sign-ext,+mutable-globals,+reference-types
  "-Clinker=$PWD/scripts/wasm-link.mjs" "--remap-path-prefix=$PWD/=")
CW_RUST_LLD="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
export CW_RUST_LLD
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  flags+=("--remap-path-prefix=$dir=")
done
# (Encoded: one flag per \x1f-separated field, so paths may hold spaces.)
rustflags=$(IFS=$'\x1f' && echo "${flags[*]}")

# Builds one piece (`frame` or `host`): its glue as target/js/<glue>.js next to a copy of its
# loader, and its wasm as dist/<wasm>, pruned to what the loader uses, optimized and with short
# names (scripts/link-wasm.mjs).
piece() {
  local feature=$1 glue=$2 wasm=$3 loader=$4
  RUSTC_BOOTSTRAP=1 CARGO_ENCODED_RUSTFLAGS="$rustflags" cargo build --release \
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort \
    -p checkout-widget --lib --no-default-features --features "$feature"
  wasm-bindgen --target web --no-typescript --encode-into always --out-dir target/js --out-name "$glue" \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/checkout_widget.wasm"
  mv "target/js/${glue}_bg.wasm" "dist/$wasm"
  sed -i "s/${glue}_bg\.wasm/$wasm/" "target/js/$glue.js"
  cp "$loader" sdk/load-wasm.mjs sdk/language.js target/js/
  node scripts/link-wasm.mjs "dist/$wasm" "target/js/$glue.js" "target/js/$(basename "$loader")" \
    -- "${features[@]}" -- "${passes[@]}"
}

rm -rf dist target/js
mkdir -p dist target/js

# The secure frame (payment origin): its page, its stylesheet, one script, the wasm.
cp frame/latam-handle.js target/js/
piece frame frame_glue frame_bg.wasm frame/frame.js
esbuild --bundle --format=esm --external:./frame-styles.mjs --external:./frame-steps.mjs target/js/frame.js --outfile=dist/frame.js
squeeze dist/frame.js
# The merchant's CSS for the card form, on demand (only a form given `card.styles` fetches it).
esbuild --format=esm frame/frame-styles.mjs --outfile=dist/frame-styles.mjs
# The card form one field at a time, on demand (only a form given `card.steps` fetches it).
esbuild --format=esm frame/frame-steps.mjs --outfile=dist/frame-steps.mjs
# The identity document and installment fields, on demand (only a form whose country has them
# fetches them): the module bundled with the glue of the document engine's own small wasm
# (crates/document-wasm; no Leptos, so wasm-bindgen's glue as it comes, optimized as the
# pieces are).
RUSTC_BOOTSTRAP=1 CARGO_ENCODED_RUSTFLAGS="$rustflags" cargo build --release \
  --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort -p checkout-document-wasm
wasm-bindgen --target web --no-typescript --encode-into always --out-dir target/js --out-name document_glue \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/checkout_document_wasm.wasm"
node_modules/.bin/wasm-opt target/js/document_glue_bg.wasm "${features[@]}" "${passes[@]}" \
  --strip-debug --strip-producers -o dist/document_bg.wasm
cp frame/frame-latam.mjs target/js/
esbuild --bundle --format=esm target/js/frame-latam.mjs --outfile=dist/frame-latam.mjs
esbuild frame/frame.css --outfile=dist/frame.css
cp frame/frame.html dist/

# The host piece (merchant page): the classic-script loader, the ES module (entry and glue in
# one file), the wasm and the hand-written types; the Yuno v1 compatibility layer is a module
# of its own, which the entry imports only when a page calls `initialize` (and its card
# enrollment, `yuno-enrollment.mjs`, only when a page mounts one), and so is what
# happens after the payment (`actions.mjs`: 3-D Secure, PIX, vouchers, the status screen),
# imported once a token is handed over, the integration diagnostics (`diagnose.mjs`),
# imported only to refuse a mount or explain a checkout that could not load, and a method's
# bank list (`issuers.mjs`), imported only when a method other than a card is chosen.
cp sdk/yuno-compat.mjs sdk/yuno-enrollment.mjs sdk/actions.mjs sdk/diagnose.mjs sdk/issuers.mjs target/js/
piece host checkout_glue checkout_bg.wasm sdk/checkout-widget.mjs
esbuild --bundle --format=esm --external:./yuno-compat.mjs --external:./actions.mjs \
  --external:./diagnose.mjs --external:./issuers.mjs target/js/checkout-widget.mjs --outfile=dist/checkout-widget.mjs
squeeze dist/checkout-widget.mjs
esbuild --format=esm sdk/yuno-compat.mjs --outfile=dist/yuno-compat.mjs
esbuild --format=esm sdk/yuno-enrollment.mjs --outfile=dist/yuno-enrollment.mjs
esbuild --format=esm sdk/diagnose.mjs --outfile=dist/diagnose.mjs
esbuild --format=esm sdk/issuers.mjs --outfile=dist/issuers.mjs
esbuild --bundle --format=esm sdk/actions.mjs --outfile=dist/actions.mjs
esbuild sdk/checkout-widget.js --outfile=dist/checkout-widget.js
cp sdk/checkout-widget.d.ts dist/

# The language packs (every language but English, which is built in): one small text file per
# language and piece, fetched by the loaders alongside the wasm, and the action module's words
# as JSON (crates/i18n).
cargo run -q -p checkout-i18n --features all --bin i18n-packs -- dist/i18n

node scripts/sri.mjs
node scripts/compress.mjs
node scripts/size-report.mjs
