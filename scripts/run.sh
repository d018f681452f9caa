#!/usr/bin/env bash
# One command on a fresh Debian/Ubuntu machine: install the run-time libraries that are
# missing (window system, GPU, a file-dialog backend), build factdesk and open the sample
# project. Arguments replace the project to open.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if ! command -v cargo >/dev/null; then
  echo "factdesk needs Rust 1.95 or newer: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
if [ $# -eq 0 ]; then
  set -- projects/soleimani-funeral.ron
fi
exec cargo run --release --locked --quiet -- "$@"
