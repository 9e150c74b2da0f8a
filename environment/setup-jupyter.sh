#!/bin/sh
# Installs Jupyter and the Python test tools when they are missing. Safe to re-run.
#  - as root with apt-get (Debian/Ubuntu, CI): Debian's packages (classic Notebook 6, nbconvert, nbclient, ...)
#  - otherwise: pip install --user -r environment/requirements.txt (JupyterLab for users' machines)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
status=0
"$here/apt-install.sh" Jupyter jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient \
  python3-jupyter-kernel-test python3-pytest || status=$?
[ "$status" = 3 ] || exit "$status"

python=$("$here/find-python.sh")
if "$python" -c 'import jupyter_client, nbclient, nbconvert, jupyter_kernel_test, pytest' 2>/dev/null; then
  echo "[setup] Jupyter: already installed for $python"
else
  echo "[setup] Jupyter: pip install --user -r environment/requirements.txt"
  "$python" -m pip install --user -r "$here/requirements.txt"
fi
