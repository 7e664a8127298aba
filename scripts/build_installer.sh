#!/usr/bin/env bash
# Build the one-folder app (dist/tafelronde/) from a clean venv.
#
#   scripts/build_installer.sh [--dist DIR] [--work DIR] [--wheels DIR] [--reuse-venv]
#
# --dist DIR     where the app folder goes (default: dist; the app is DIR/tafelronde)
# --work DIR     the build venv and PyInstaller's work files (default: build)
# --wheels DIR   where the numpy built for the app is kept (default: WORK/wheels)
# --reuse-venv   keep an existing WORK/venv-installer (quicker; for trying things out only)
#
# The venv is made fresh from python3.11 (or $PYTHON) and gets the project itself
# (non-editable, as a user gets it) plus PyInstaller and nothing else, so no second
# Qt binding or test tool can slip into the app. On Linux numpy is then replaced by
# the same version built without OpenBLAS (see below). Prints the build time and the
# folder size at the end. Windows: see installer/tafelronde.iss for the installer.
#
# Linux needs, for the small app: a C and C++ compiler and Python's headers (numpy),
# icupkg and as/ld (the ICU data): sudo apt-get install build-essential python3.11-dev
# icu-devtools binutils. Without them it warns and builds the larger app.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build"
WHEELS=""
REUSE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --work) WORK="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --wheels) WHEELS="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --reuse-venv) REUSE=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "build_installer.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

PYTHON="${PYTHON:-python3.11}"
VENV="$WORK/venv-installer"
WHEELS="${WHEELS:-$WORK/wheels}"
PYINSTALLER_SPEC="pyinstaller>=6.10,<7"
LINUX=0
if [ "$(uname -s)" = "Linux" ]; then LINUX=1; fi
started=$(date +%s)

# Check the Linux tools first, not after minutes of building. Without them the app is
# still built, only larger: with the stock numpy 155 MB instead of 125 (and without icupkg the
# full ICU data, +24 MB).
NUMPY_FROM_SOURCE=$LINUX
if [ "$LINUX" -eq 1 ]; then
  missing=0
  # The trimmed ICU data library (installer/icu_data.py): icupkg, as and ld.
  "$PYTHON" "$ROOT/installer/icu_data.py" tools || missing=1
  for compiler in cc c++; do
    command -v "$compiler" >/dev/null \
      || { echo "missing $compiler (build-essential)" >&2; missing=1; NUMPY_FROM_SOURCE=0; }
  done
  "$PYTHON" -c 'import os, sys, sysconfig
sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    || { echo "missing Python.h for $PYTHON (python3.11-dev)" >&2; missing=1; NUMPY_FROM_SOURCE=0; }
  if [ "$missing" -eq 1 ]; then
    echo "build_installer.sh: WARNING: building the larger app; for the small one first:" >&2
    echo "  sudo apt-get install build-essential python3.11-dev icu-devtools binutils" >&2
  fi
fi

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

# numpy without OpenBLAS (Linux). The wheel from PyPI carries OpenBLAS with kernels for
# every x86 CPU generation and its Fortran runtime (27 MB) plus SIMD variants of its
# loops for newer CPUs (5 MB); the app's only numpy user, matplotlib, multiplies and
# inverts 3x3 matrices for a few hundred points. So: the same numpy version, built
# from its sources with numpy's own fallback routines for BLAS and LAPACK and only
# its baseline SIMD code. Built once per version (a few minutes) into $WHEELS;
# the directory name says the options, change both together.
if [ "$NUMPY_FROM_SOURCE" -eq 1 ]; then
  NUMPY_WHEELS="$WHEELS/numpy-noblas-nodispatch"
  NUMPY_VERSION="$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("numpy"))')"
  TAG="$("$VENV/bin/python" -c 'import sys; print(f"cp{sys.version_info[0]}{sys.version_info[1]}")')"
  NUMPY_WHEEL="$NUMPY_WHEELS/numpy-$NUMPY_VERSION-$TAG-$TAG-linux_$(uname -m).whl"
  if [ ! -f "$NUMPY_WHEEL" ]; then
    echo "building numpy $NUMPY_VERSION without OpenBLAS (a few minutes, once)"
    "$VENV/bin/python" -m pip wheel -q --disable-pip-version-check --no-cache-dir --no-deps \
      --no-binary numpy -w "$NUMPY_WHEELS" "numpy==$NUMPY_VERSION" \
      -Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none -Csetup-args=-Dcpu-dispatch=none
  fi
  "${PIP[@]}" --force-reinstall --no-deps "$NUMPY_WHEEL"
  "$VENV/bin/python" -c 'import numpy, sys
blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]["name"]
sys.exit(f"build_installer.sh: numpy uses {blas}, not its own routines" if blas != "none" else 0)'
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
