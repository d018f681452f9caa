#!/usr/bin/env bash
# Install the Debian packages factdesk needs at run time and for its tests, if missing.
set -euo pipefail
pkgs=(
  # GUI run time (loaded with dlopen, so cargo cannot see them)
  libx11-6 libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon0 libxkbcommon-x11-0
  libwayland-client0 libwayland-egl1 libegl1 libgl1-mesa-dri libvulkan1
  # CPU Vulkan (lavapipe): the headless GUI snapshot tests, and machines without a GPU
  mesa-vulkan-drivers
  # file dialogs when no desktop portal runs (rfd falls back to zenity)
  zenity
  # the export tests read output back with Python's standard library
  python3
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
