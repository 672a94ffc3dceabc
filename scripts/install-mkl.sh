#!/usr/bin/env bash
# Installs the runtime libraries of Intel oneMKL 2024.2 (the version statically linked into
# PyTorch 2.15's pip build) into GRADSCOPE_MKL_DIR (default /usr/local/lib/gradscope-mkl), where
# GradScope loads them at run time (Sources/Autograd/Kernels/MKLLibrary.swift). The libraries come
# from the `mkl` wheel on PyPI, checked against a pinned sha256. Only the GNU OpenMP threading layer
# (PyTorch's; it runs on the system's libgomp, see setup.sh), the LP64 interface, the core and its
# per-CPU kernels are kept. Does nothing when they are present.
set -euo pipefail
target="${GRADSCOPE_MKL_DIR:-/usr/local/lib/gradscope-mkl}"
wheel="mkl-2024.2.0-py2.py3-none-manylinux1_x86_64.whl"
sha256="8b4b731a5652258d84e10dd9c28d68d391e5a81a97a482348f602649837611da"
libraries=(core gnu_thread intel_lp64 def mc3 avx2 avx512 vml_def vml_mc3 vml_avx2 vml_avx512 vml_cmpt)
missing=0
for l in "${libraries[@]}"; do
  [ -s "$target/libmkl_$l.so.2" ] || missing=1
done
[ "$missing" -eq 0 ] && exit 0
if [ "$(uname -m)" != "x86_64" ]; then
  echo "setup: oneMKL is x86-64 only; GradScope will use OpenBLAS and Swift's math instead"
  exit 0
fi
echo "setup: installing oneMKL 2024.2's runtime libraries into $target"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! python3 -m pip --version >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-pip >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$work" mkl==2024.2.0 >/dev/null
echo "$sha256  $work/$wheel" | sha256sum --check --quiet
names=""
for l in "${libraries[@]}"; do names="$names mkl-2024.2.0.data/data/lib/libmkl_$l.so.2"; done
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], sys.argv[3:])' \
  "$work/$wheel" "$work/x" $names
$SUDO mkdir -p "$target"
$SUDO install -m 0644 "$work"/x/mkl-2024.2.0.data/data/lib/libmkl_*.so.2 "$target/"
