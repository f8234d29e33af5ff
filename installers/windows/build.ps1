# Build the Windows installer (not tested in CI): one-folder bundle, then Inno Setup.
# Needs: Python 3.11, VLC 3.0 installed (or $env:VLC_DIR), Inno Setup 6 (iscc on PATH).
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
$ErrorActionPreference = "Stop"
function Check { if ($LASTEXITCODE) { throw "step failed with status $LASTEXITCODE" } }
Set-Location (Join-Path $PSScriptRoot "..\..")
$Build = if ($env:BWV_BUILD_DIR) { $env:BWV_BUILD_DIR } else { "build" }
if (-not (Test-Path .venv)) { python -m venv .venv }
.venv\Scripts\python -m pip install -q -r requirements.lock
Check
.venv\Scripts\python -m pip install -q --no-deps -e .
Check
.venv\Scripts\python -m pip install -q -r installers\requirements-build.txt
Check
$Version = .venv\Scripts\python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
.venv\Scripts\python tools\translations.py build "$Build\translations"
Check
.venv\Scripts\python installers\make_icons.py "$Build\icons"
Check
$env:BWV_BUILD_DIR = (Resolve-Path $Build).Path
.venv\Scripts\pyinstaller --noconfirm --distpath "$Build\dist" --workpath "$Build\pyinstaller" installers\bwv-studio.spec
Check
iscc /DAppVersion=$Version /DBuildDir="$env:BWV_BUILD_DIR" installers\windows\bwv-studio.iss
Check
