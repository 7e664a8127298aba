#!/usr/bin/env bash
# Build the one-folder app (dist/tafelronde/) from a clean venv.
#
#   scripts/build_installer.sh [--dist DIR] [--work DIR] [--reuse-venv]
#
# --dist DIR     where the app folder goes (default: dist; the app is DIR/tafelronde)
# --work DIR     the build venv and PyInstaller's work files (default: build)
# --reuse-venv   keep an existing DIR/venv-installer (quicker; for trying things out only)
#
# The venv is made fresh from python3.11 (or $PYTHON) and gets the project itself
# (non-editable, as a user gets it) plus PyInstaller and nothing else, so no second
# Qt binding or test tool can slip into the app. Prints the build time and the
# folder size at the end. Windows: see installer/tafelronde.iss for the installer.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build"
REUSE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --work) WORK="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --reuse-venv) REUSE=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build_installer.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

PYTHON="${PYTHON:-python3.11}"
VENV="$WORK/venv-installer"
PYINSTALLER_SPEC="pyinstaller>=6.10,<7"
started=$(date +%s)

if [ "$REUSE" -eq 0 ] || [ ! -x "$VENV/bin/python" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
# Not editable: the app is built from the installed package, as a user would get it.
"${PIP[@]}" "$ROOT" "$PYINSTALLER_SPEC"
if [ "$REUSE" -eq 1 ]; then
  "${PIP[@]}" --force-reinstall --no-deps "$ROOT"  # the same version number, newer code
fi

# Refuse a venv with another Qt binding in it: the app would carry both.
"$VENV/bin/python" - <<'EOF'
import importlib.util, sys
others = [m for m in ("PyQt5", "PyQt6", "PySide2") if importlib.util.find_spec(m)]
if others:
    sys.exit(f"build_installer.sh: another Qt binding in the build venv: {others}")
EOF

# Run from an empty folder, so PyInstaller imports desktop_app from the venv and
# not from the source checkout.
mkdir -p "$WORK/pyinstaller"
cd "$WORK/pyinstaller"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK/pyinstaller/work" "$ROOT/build_installer.spec"

finished=$(date +%s)
size=$(du -sm "$DIST/tafelronde" | cut -f1)
echo "built: $DIST/tafelronde ($size MB) in $((finished - started)) s"
