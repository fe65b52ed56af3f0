#!/usr/bin/env bash
# `npm test`: set-up, then every test layer. Each layer is reported on its own; the run fails
# if any layer fails.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

export CHROMEDRIVER=/usr/bin/chromedriver
export GECKODRIVER
GECKODRIVER=$(command -v geckodriver)
export SAFARIDRIVER=/usr/bin/WebKitWebDriver
export WASM_BINDGEN_TEST_TIMEOUT=60

passed=0
failed=0
report=()
layer() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    report+=("ok     $name ($((SECONDS - start)) s)")
  else
    failed=$((failed + 1))
    report+=("FAILED $name ($((SECONDS - start)) s)")
  fi
}

layer "format (cargo fmt --check)" cargo fmt --all -- --check
layer "lint (cargo clippy -D warnings)" cargo clippy --workspace --all-targets -q -- -D warnings
layer "native unit, property and sandbox integration tests (cargo test)" cargo test --workspace
layer "wasm-pack test: Chromium" wasm-pack test --headless --chrome
layer "wasm-pack test: Firefox" wasm-pack test --headless --firefox
layer "wasm-pack test: WebKit" env PATH="$PWD/target/bin:$PATH" xvfb-run -a wasm-pack test --headless --safari
layer "release build and size report" bash scripts/build.sh

echo
echo "=== summary"
printf '%s\n' "${report[@]}"
echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
