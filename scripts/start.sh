#!/usr/bin/env bash
# `npm start`: set-up, release build of the widget, then the sandbox on both origins.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
# The demo merchant receives its webhooks on loopback, which the sandbox refuses by default.
exec cargo run -q -p checkout-sandbox -- --allow-private-callbacks "$@"
