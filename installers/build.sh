#!/usr/bin/env bash
# Build the one-folder bundle (no Python needed to run it) and the platform package:
#   Linux: build/dist/bwv-studio/ and build/bwv-studio_VERSION_amd64.deb
#   macOS: build/dist/BWV Studio.app and build/BWV-Studio-VERSION.dmg
# Needs the development set-up (tools/dev setup) and, for libvlc, VLC installed (Linux: the
# libvlc5 + vlc-plugin-* packages tools/dev installs; macOS: VLC.app, or VLC_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
BUILD="${BWV_BUILD_DIR:-$ROOT/build}"
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

tools/dev setup
"$PY" -m pip install -q -r installers/requirements-build.txt
say "Translations and icons"
"$PY" tools/translations.py build "$BUILD/translations"
"$PY" installers/make_icons.py "$BUILD/icons"
say "PyInstaller (one folder)"
BWV_BUILD_DIR="$BUILD" BWV_VERSION="$VERSION" "$ROOT/.venv/bin/pyinstaller" --noconfirm \
  --distpath "$BUILD/dist" --workpath "$BUILD/pyinstaller" installers/bwv-studio.spec
case "$(uname -s)" in
  Linux) installers/linux/build_deb.sh "$BUILD" "$VERSION" ;;
  Darwin) installers/macos/build_dmg.sh "$BUILD" "$VERSION" ;;
esac
