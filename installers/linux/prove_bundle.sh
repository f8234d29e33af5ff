#!/usr/bin/env bash
# Prove the Linux package runs on its own: extract the .deb into an empty directory, then,
# with an empty HOME and an environment stripped of Python (env -i: no venv, no PYTHONPATH):
#   1. bwv --version, and bwv-studio --about (libvlc with its plugins, the models' hashes)
#   2. a short bwv redact of a real clip (ingest, detect, export, residual check)
#   3. start bwv-studio under Xvfb and take a screenshot of the main window
#   installers/linux/prove_bundle.sh build/bwv-studio_0.1.0_amd64.deb [CLIP] [OUTDIR]
set -euo pipefail
DEB=$(realpath "$1")
CLIP=$(realpath "${2:-$(dirname "$0")/../../../shared/testdata/videos/intel_face-demographics-walking-and-pause.mp4}")
OUT=$(realpath -m "${3:-build/prove}")
rm -rf "$OUT"
mkdir -p "$OUT/root" "$OUT/home"
dpkg-deb -x "$DEB" "$OUT/root"
APP="$OUT/root/opt/bwv-studio"
run() {  # run a bundled program with nothing of this machine's Python around
  env -i HOME="$OUT/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"
}
echo "== bwv --version"
run "$APP/bwv" --version | tee "$OUT/version.txt"
echo "== bwv-studio --about (libvlc and its plugins, models, from the bundle)"
run "$APP/bwv-studio" --about | tee "$OUT/about.txt"
grep -q "plugins loaded" "$OUT/about.txt" || { echo "libvlc or its plugins missing"; exit 1; }
echo "== first administrator, then sign-in by OS user for this unattended run"
run BWV_NEW_PASSWORD="proof password 1" "$APP/bwv" user init admin
run BWV_USER=admin BWV_PASSWORD="proof password 1" "$APP/bwv" user sign-in-mode os_user
echo "== bwv redact $(basename "$CLIP")"
set +e
run BWV_USER=admin "$APP/bwv" redact "$CLIP" -o "$OUT/redacted.mp4" --preset fast \
  > "$OUT/redact.txt" 2>&1
code=$?
set -e
cat "$OUT/redact.txt"
[ "$code" -le 1 ] || { echo "bwv redact failed with status $code"; exit 1; }  # 1: findings
[ -s "$OUT/redacted.mp4" ] && [ -s "$OUT/redacted.manifest.json" ] || {
  echo "no export written"; exit 1; }
echo "== bwv-studio under Xvfb"
xvfb-run -a -s "-screen 0 1600x900x24" bash -c '
    env -i DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" HOME="$1/home" PATH=/usr/bin:/bin \
      LANG=C.UTF-8 BWV_USER=admin BWV_NO_AUDIO=1 "$0" > "$1/app.log" 2>&1 &
    pid=$!
    sleep 12
    import -window root "$1/main-window.png"
    alive=no; kill -0 $pid 2>/dev/null && alive=yes
    kill $pid 2>/dev/null; wait $pid 2>/dev/null
    echo "app still running after 12 s: $alive" | tee "$1/alive.txt"' "$APP/bwv-studio" "$OUT"
grep -q "yes" "$OUT/alive.txt" || { cat "$OUT/app.log"; exit 1; }
echo "Proof in $OUT: version.txt, about.txt, redact.txt, redacted.mp4, main-window.png, app.log"
