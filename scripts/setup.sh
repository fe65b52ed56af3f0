#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine, and skips what is already there.
# Called by `npm start` and `npm test`; safe to run any number of times.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# Browsers and drivers, from Debian's packages (nothing downloads a browser at run time).
missing=()
for want in chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver \
  firefox-esr:/usr/bin/firefox-esr webkit2gtk-driver:/usr/bin/WebKitWebDriver \
  libwebkit2gtk-4.1-0:/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser xvfb:/usr/bin/xvfb-run; do
  [ -x "${want#*:}" ] || missing+=("${want%%:*}")
done
# PostgreSQL's server, for the sandbox's PostgreSQL tests (a throwaway cluster: scripts/postgres.sh).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# Rust pieces.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
# The release build rebuilds the standard library for size (scripts/build.sh): it needs its source.
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi
# The CLI must match the wasm-bindgen pinned in Cargo.toml exactly.
wb=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
  say "installing wasm-bindgen-cli $wb"
  cargo install wasm-bindgen-cli --version "$wb" --force
fi
have wasm-pack || { say "installing wasm-pack"; cargo install wasm-pack; }
have geckodriver || { say "installing geckodriver"; cargo install geckodriver; }

# wasm-pack finds WebKit's driver under Safari's name.
mkdir -p target/bin
ln -sf /usr/bin/WebKitWebDriver target/bin/safaridriver

# npm packages (binaryen's wasm-opt), exactly as locked.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
