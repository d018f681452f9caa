#!/usr/bin/env bash
# Run the whole test suite on a Debian/Ubuntu machine: installs what the GUI tests need
# (Mesa's CPU Vulkan driver, so egui_kittest can render without a GPU or display), then
# runs `cargo test`. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# wgpu probes Wayland/X11 when it starts; give it a runtime folder so it does not complain.
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
  XDG_RUNTIME_DIR=$(mktemp -d)
  export XDG_RUNTIME_DIR
fi
# Reference implementations (scikit-learn, krippendorff, datasets) that some tests compare
# factdesk's output with.
FACTDESK_TEST_PYTHON=$(bash scripts/python-env.sh)
export FACTDESK_TEST_PYTHON
cargo test --locked "$@"
