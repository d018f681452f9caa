#!/usr/bin/env bash
# Run the whole test suite on a Debian/Ubuntu machine: installs what the GUI tests need
# (Mesa's CPU Vulkan driver, so egui_kittest can render without a GPU or display), then
# runs `cargo test`. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo test --locked "$@"
