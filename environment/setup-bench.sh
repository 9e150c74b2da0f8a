#!/bin/sh
# Installs the benchmark's reference, PyTorch, when missing: Debian's python3-torch as root with apt-get,
# otherwise it asks for a pip install (PyTorch is large; it is not installed behind your back).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "[bench] PyTorch: already installed"
  exit 0
fi
status=0
"$here/apt-install.sh" "Benchmark reference (PyTorch)" python3-torch || status=$?
if [ "$status" = 3 ]; then
  echo "[bench] PyTorch is needed as the reference: install Debian's python3-torch (as root), then make bench again." >&2
  exit 1
fi
exit "$status"
