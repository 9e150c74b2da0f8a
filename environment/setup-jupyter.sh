#!/bin/sh
# Installs Jupyter and the Python test tools when they are missing. Safe to re-run.
#  - as root with apt-get (Debian/Ubuntu, CI): Debian's packages (classic Notebook 6, nbconvert, nbclient, ...)
#  - otherwise: pip install --user -r environment/requirements.txt (JupyterLab for users' machines)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
debian_packages="jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient python3-jupyter-kernel-test python3-pytest"

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=""
  for p in $debian_packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -z "$missing" ]; then
    echo "[setup] Jupyter: Debian packages already installed"
  else
    echo "[setup] Jupyter: installing Debian packages:$missing"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
else
  python=$("$here/find-python.sh")
  if "$python" -c 'import jupyter_client, nbclient, nbconvert, jupyter_kernel_test, pytest' 2>/dev/null; then
    echo "[setup] Jupyter: already installed for $python"
  else
    echo "[setup] Jupyter: pip install --user -r environment/requirements.txt"
    "$python" -m pip install --user -r "$here/requirements.txt"
  fi
fi
