#!/bin/sh
# Installs the benchmark's reference, PyTorch, when missing: Debian's python3-torch as root with apt-get,
# otherwise it asks for a pip install (PyTorch is large; we do not install it behind your back).
set -eu
if /usr/bin/python3 -c 'import torch' 2>/dev/null || python3 -c 'import torch' 2>/dev/null; then
  echo "[bench] PyTorch: already installed"
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "[bench] PyTorch: installing Debian's python3-torch"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-torch
else
  echo "[bench] PyTorch is needed as the reference: pip install --user torch (CPU build), then run make bench again." >&2
  exit 1
fi
