#!/bin/sh
# Prints the path of a Python with PyTorch for `make test-capture`, setting one up when needed:
# $TORCH_PYTHON when set; else the virtual environment $1 (default .venv-capture) once it has
# torch; else that environment is created and CPU-only torch installed into it from PyTorch's
# CPU wheel index; when that index cannot be reached, an existing /tmp/fmt-torch/bin/python with
# torch is used instead, and stderr says so. Exits 1 when no Python with torch can be had.
set -u
venv=${1:-.venv-capture}
has_torch() { [ -x "$1" ] && "$1" -c "import torch" >/dev/null 2>&1; }
if [ -n "${TORCH_PYTHON:-}" ]; then
  echo "$TORCH_PYTHON"
  exit 0
fi
if has_torch "$venv/bin/python"; then
  echo "$venv/bin/python"
  exit 0
fi
echo "test-capture: installing CPU-only torch into $venv (about 200 MB)" >&2
if python3 -m venv "$venv" >&2 &&
  "$venv/bin/pip" install --timeout 20 --retries 1 --index-url https://download.pytorch.org/whl/cpu torch >&2 &&
  has_torch "$venv/bin/python"; then
  echo "$venv/bin/python"
  exit 0
fi
if has_torch /tmp/fmt-torch/bin/python; then
  echo "test-capture: PyTorch's CPU wheel index could not be reached; using the torch in /tmp/fmt-torch instead" >&2
  echo /tmp/fmt-torch/bin/python
  exit 0
fi
echo "test-capture: no Python with torch: set TORCH_PYTHON, or give pip access to https://download.pytorch.org/whl/cpu" >&2
exit 1
