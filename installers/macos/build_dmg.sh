#!/usr/bin/env bash
# Wrap "BWV Studio.app" (made by the spec's BUNDLE step) in a compressed disk image with a
# link to /Applications.   build_dmg.sh BUILD_DIR VERSION      (macOS only; not tested in CI)
set -euo pipefail
BUILD=$1
VERSION=$2
STAGE="$BUILD/dmg"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$BUILD/dist/BWV Studio.app" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
# Ad-hoc signature so Gatekeeper shows "unidentified developer" rather than "damaged";
# a force signs with its own Developer ID and notarises before distribution.
codesign --force --deep --sign - "$STAGE/BWV Studio.app"
hdiutil create -volname "BWV Studio $VERSION" -srcfolder "$STAGE" -ov -format UDZO \
  "$BUILD/BWV-Studio-$VERSION.dmg"
echo "$BUILD/BWV-Studio-$VERSION.dmg"
