#!/usr/bin/env bash
# Make the Python virtual environment some tests use to check factdesk's output against
# the reference implementations its consumers use (scikit-learn's cohen_kappa_score, the
# `krippendorff` package, Hugging Face `datasets` / pyarrow, seqeval for strict IOB2). Prints the interpreter path.
# Idempotent: an existing environment with every package is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${FACTDESK_VENV:-$PWD/target/pyenv}"
pkgs=(scikit-learn krippendorff numpy datasets pyarrow seqeval)
if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >&2
    python3 -m venv "$venv"
  fi
fi
if ! "$venv/bin/python" -c "import sklearn, krippendorff, numpy, datasets, pyarrow, seqeval" >/dev/null 2>&1; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pkgs[@]}" >&2
fi
echo "$venv/bin/python"
