#!/usr/bin/env bash
# `npm run bench`: set-up, the widget's release build, the sandbox's server build and the load
# generator, then the measurements (scripts/bench.mjs), written to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
cargo build -q --profile server -p checkout-sandbox --bins
node scripts/bench.mjs
