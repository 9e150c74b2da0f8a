#!/bin/sh
# Starts JupyterLab 4 from the project's .venv on 127.0.0.1 in notebooks/, with a token, and prints its URL.
# (Where setup fell back to Debian's packages, the classic Notebook 6 instead.)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=$("$here/find-python.sh")
cd "$here/../notebooks"
port=${PORT:-8888}
root_flag=""
[ "$(id -u)" = 0 ] && root_flag="--allow-root"
if "$python" -c 'import jupyterlab' 2>/dev/null; then
  echo "[lab] Starting JupyterLab $("$python" -m jupyter lab --version) on http://127.0.0.1:$port/ (the URL with its token follows)"
  exec "$python" -m jupyter lab --ip=127.0.0.1 --port="$port" --no-browser $root_flag
else
  echo "[lab] JupyterLab is not installed (setup fell back to Debian's packages; make setup again where PyPI is reachable);"
  echo "[lab] starting the classic Notebook on http://127.0.0.1:$port/ (the URL with its token follows)"
  exec "$python" -m notebook --ip=127.0.0.1 --port="$port" --no-browser $root_flag
fi
