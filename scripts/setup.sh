#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build GradScope: the Graphviz and OpenBLAS
# development packages (and graphviz's `dot`, whose install step writes the plugin config), and
# the runtime libraries of Intel oneMKL 2024.2, the math library inside PyTorch 2.15's pip build,
# which GradScope loads at run time to compute sin, exp, ... and matrix products bit for bit as
# PyTorch does (scripts/install-mkl.sh).
set -euo pipefail
packages=(libgraphviz-dev libopenblas-dev libsleef-dev libgomp1 graphviz pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Graphviz loads its renderers through a plugin config written by `dot -c`; without it every
# format fails. Write it if it is missing or empty.
config=$(ls /usr/lib/*/graphviz/config6* 2>/dev/null | head -n 1 || true)
if [ -z "$config" ] || [ ! -s "$config" ]; then
  echo "setup: writing the Graphviz plugin config (dot -c)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO dot -c
fi
# oneMKL's runtime libraries (skipped when they are already installed).
"$(dirname "$0")/install-mkl.sh"
