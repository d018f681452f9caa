#!/usr/bin/env bash
# Packaging stage (CI runs it from .ci/run; it also works by hand on Debian/Ubuntu):
#   1. validate the desktop entry, the AppStream metainfo and the MIME definition,
#   2. build the .deb with cargo-deb (a release build: ~5 min on 2 cores),
#   3. install it with apt (which pulls in the run-time libraries it depends on),
#   4. run the installed binary on the installed sample project.
# Installs what it needs with apt (root or sudo) and cargo-deb with `cargo install`.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
app_id="org.factdesk.Factdesk"
linux="packaging/linux"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() {
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

echo "== packaging: tools"
missing=()
for p in desktop-file-utils appstream shared-mime-info; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  apt_install "${missing[@]}"
fi

echo "== packaging: validate metadata"
desktop-file-validate "$linux/$app_id.desktop"
# --no-net: do not fetch the screenshot or check URLs (CI has no general network access).
# Fails on errors and warnings; infos are printed only (AppStream 0.16 in Debian 12 reports
# the AppStream 1.0 <developer> tag as an unknown tag, an info).
appstreamcli validate --no-net "$linux/$app_id.metainfo.xml"
# The MIME definition: compile it into a scratch database, then check that a project file
# named *.ron (content magic) and one named *.factdesk.ron (glob) are recognised, and that a
# RON file that is not a project is not.
mime_tmp=$(mktemp -d)
trap 'rm -rf "$mime_tmp"' EXIT
mkdir -p "$mime_tmp/mime/packages" "$mime_tmp/files"
cp /usr/share/mime/packages/freedesktop.org.xml "$linux/$app_id.xml" "$mime_tmp/mime/packages/"
XDG_DATA_DIRS="$mime_tmp" update-mime-database "$mime_tmp/mime"
test -f "$mime_tmp/mime/application/x-factdesk-project.xml"
if command -v gio >/dev/null; then
  cp projects/soleimani-funeral.ron "$mime_tmp/files/sample.ron"
  cp projects/soleimani-funeral.ron "$mime_tmp/files/sample.factdesk.ron"
  printf '(\n  name: "not a factdesk project",\n)\n' >"$mime_tmp/files/other.ron"
  mime_of() {
    XDG_DATA_DIRS="$mime_tmp" XDG_DATA_HOME="$mime_tmp/none" \
      gio info -a standard::content-type "$1" | sed -n 's/.*content-type: //p'
  }
  for f in sample.ron sample.factdesk.ron other.ron; do
    echo "  $f: $(mime_of "$mime_tmp/files/$f")"
  done
  [ "$(mime_of "$mime_tmp/files/sample.ron")" = application/x-factdesk-project ]
  [ "$(mime_of "$mime_tmp/files/sample.factdesk.ron")" = application/x-factdesk-project ]
  [ "$(mime_of "$mime_tmp/files/other.ron")" != application/x-factdesk-project ]
else
  echo "  (gio not installed: MIME detection not exercised)"
fi
echo "metadata OK"

echo "== packaging: cargo-deb"
if ! cargo deb --version >/dev/null 2>&1; then
  cargo install cargo-deb --locked --version '^3.8'
fi
cargo deb --version
build_start=$SECONDS
# cargo-deb prints the path of the .deb it wrote as its last line.
deb=$(cargo deb --locked | tail -n 1)
echo "built $deb in $((SECONDS - build_start)) s"
test -f "$deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb" | awk '{print $NF}'

echo "== packaging: install"
# --reinstall: a re-run with the same version must still replace the installed files.
# --no-install-recommends: the smoke test needs only the Depends (and CI stays fast); users'
# apt also installs the Recommends (Vulkan driver, file-dialog portal).
if ! apt_install --reinstall "$(realpath "$deb")"; then
  $sudo apt-get update -qq
  apt_install --reinstall "$(realpath "$deb")"
fi

echo "== packaging: smoke test of the installed package"
# Call /usr/bin/factdesk explicitly: a `cargo install`ed copy could shadow it on PATH.
/usr/bin/factdesk --version
/usr/bin/factdesk --version | grep -qx "factdesk $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
/usr/bin/factdesk check /usr/share/factdesk/projects/soleimani-funeral.ron
desktop-file-validate "/usr/share/applications/$app_id.desktop"
test -f "/usr/share/metainfo/$app_id.metainfo.xml"
test -f "/usr/share/icons/hicolor/256x256/apps/$app_id.png"
test -f "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
# shared-mime-info's dpkg trigger compiles the installed definition into the system database.
test -f /usr/share/mime/application/x-factdesk-project.xml
echo "packaging stage OK in $((SECONDS - start)) s"
