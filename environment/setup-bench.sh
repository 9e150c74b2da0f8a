#!/bin/sh
# Creates make bench's own Python environment, .venv-bench, with the references DL4J is measured against:
# PyTorch 2.x and Keras 3 on TensorFlow (CPU), pinned with their hashes in bench/requirements.lock. A venv of its
# own because PyPI's PyTorch for Linux brings its CUDA libraries (about 5 GB installed, unused on a CPU): the
# project's .venv, which every student and classroom installs, stays small. Safe to re-run: it installs only when
# the lock file changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
venv="$root/.venv-bench"
lock="$root/bench/requirements.lock"
stamp="$venv/requirements.lock.sha256"
want=$(sha256sum "$lock" | cut -d' ' -f1)

report() {
  "$venv/bin/python" -m pip list --format=freeze 2>/dev/null | grep -iE '^(torch|tensorflow[-_]cpu|keras)==' | tr '\n' ' '
}

if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "[bench] References: .venv-bench is up to date: $(report)"
  exit 0
fi
base=$(command -v python3 || true)
if [ -z "$base" ] || ! "$base" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "[bench] make bench needs Python 3.11 or newer with the venv module (the pinned NumPy, PyTorch and TensorFlow" \
       "need it; Debian: apt-get install python3-venv)." >&2
  exit 1
fi
echo "[bench] References: creating .venv-bench with $("$base" --version 2>&1) and installing $(grep -c '==' "$lock")" \
     "pinned packages from bench/requirements.lock (PyTorch, Keras, TensorFlow; first time ~2 GB download, 7 GB on disk)"
rm -f "$stamp"
[ -x "$venv/bin/python" ] || "$base" -m venv "$venv"
status=0
"$here/pip-install-lock.sh" "$venv/bin/python" "$lock" bench || status=$?
if [ "$status" != 0 ]; then
  echo "[bench] Installing the references failed (pip exit $status; see above). PyPI must be reachable; then run" \
       "make bench again." >&2
  exit 1
fi
echo "$want" > "$stamp"
echo "[bench] References: .venv-bench ready: $(report)"
