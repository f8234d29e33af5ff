#!/usr/bin/env bash
# Package the PyInstaller folder as a .deb: /opt/bwv-studio, /usr/bin/bwv, bwv-studio and bwv-verify,
# the .desktop file, hicolor icons and AppStream metadata.   build_deb.sh BUILD_DIR VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=$1
VERSION=$2
PKG="$BUILD/deb/bwv-studio_${VERSION}_amd64"
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/metainfo"
cp -a "$BUILD/dist/bwv-studio" "$PKG/opt/bwv-studio"
ln -s /opt/bwv-studio/bwv "$PKG/usr/bin/bwv"
ln -s /opt/bwv-studio/bwv-studio "$PKG/usr/bin/bwv-studio"
ln -s /opt/bwv-studio/bwv-verify "$PKG/usr/bin/bwv-verify"
cp resources/linux/bwv-studio.desktop "$PKG/usr/share/applications/"
# the release line comes from the one version source (pyproject.toml)
sed "s#<release version=\"[^\"]*\" date=\"[^\"]*\"/>#<release version=\"$VERSION\" date=\"$(date -u +%Y-%m-%d)\"/>#" \
  resources/linux/uk.police.bwvstudio.metainfo.xml > "$PKG/usr/share/metainfo/uk.police.bwvstudio.metainfo.xml"
mkdir -p "$PKG/usr/share/doc/bwv-studio"
{ echo "BWV Studio $VERSION: GPL-3.0-or-later. Bundled components keep their own licences"
  echo "(Qt/PySide6 LGPL-3.0, libvlc LGPL-2.1+, FFmpeg LGPL, models: see MODELS.md)."
  echo; cat LICENSE; } > "$PKG/usr/share/doc/bwv-studio/copyright"
cp app/core/detection/models/MODELS.md "$PKG/usr/share/doc/bwv-studio/" 2>/dev/null || true
for size in 16 24 32 48 64 128 256 512; do
  dir="$PKG/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  cp "$BUILD/icons/bwv-studio-$size.png" "$dir/bwv-studio.png"
done
mkdir -p "$PKG/usr/share/icons/hicolor/scalable/apps"
cp resources/icons/bwv-studio.svg "$PKG/usr/share/icons/hicolor/scalable/apps/"
SIZE_KB=$(du -sk "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: bwv-studio
Version: $VERSION
Section: video
Priority: optional
Architecture: amd64
Maintainer: BWV Studio developers <bwv-studio@invalid>
Installed-Size: $SIZE_KB
Depends: libc6 (>= 2.36), libegl1, libgl1, libfontconfig1, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, libwayland-cursor0
Description: Offline redaction and disclosure of police body-worn video
 Plays body-worn video, detects and tracks faces with bundled models, and writes
 redacted copies with an evidence manifest and a tamper-evident audit trail.
 Everything (Python, Qt, libvlc, the models) is inside /opt/bwv-studio.
CONTROL
dpkg-deb --root-owner-group -Zzstd -z9 --build "$PKG" "$BUILD/bwv-studio_${VERSION}_amd64.deb" >/dev/null
echo "$BUILD/bwv-studio_${VERSION}_amd64.deb"
