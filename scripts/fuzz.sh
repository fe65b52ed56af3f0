#!/usr/bin/env bash
# Fuzzes the card and identity-document engines' parsers for a bounded time (default 60 s). Not part of `npm test`.
# Usage: bash scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../crates/card"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
# cargo-fuzz needs nightly flags; the machine's one stable toolchain accepts them this way.
RUSTC_BOOTSTRAP=1 cargo fuzz run parsers -- -max_total_time="${1:-60}" -max_len=64
