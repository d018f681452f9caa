#!/usr/bin/env bash
# Render the application icon PNGs from the SVG sources into the freedesktop "hicolor"
# layout used by the packages (and embedded as the window icon, see src/ui/icon.rs):
#   assets/icon/hicolor/SIZExSIZE/apps/org.factdesk.Factdesk.png
# 16 and 32 px come from factdesk-small.svg (fewer, pixel-aligned lines); the larger sizes
# from factdesk.svg. Needs rsvg-convert (Debian: librsvg2-bin). The PNGs are committed, so
# run this only after editing an SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
app_id="org.factdesk.Factdesk"
src_dir="assets/icon"
if ! command -v rsvg-convert >/dev/null; then
  echo "rsvg-convert not found: apt-get install librsvg2-bin" >&2
  exit 1
fi
for size in 16 32 48 64 128 256 512; do
  svg="$src_dir/factdesk.svg"
  [ "$size" -le 32 ] && svg="$src_dir/factdesk-small.svg"
  out="$src_dir/hicolor/${size}x${size}/apps/$app_id.png"
  mkdir -p "$(dirname "$out")"
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$out"
  echo "$out"
done
# The scalable icon is the SVG itself.
mkdir -p "$src_dir/hicolor/scalable/apps"
cp "$src_dir/factdesk.svg" "$src_dir/hicolor/scalable/apps/$app_id.svg"
echo "$src_dir/hicolor/scalable/apps/$app_id.svg"
