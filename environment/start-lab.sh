#!/bin/sh
# Starts JupyterLab if installed, else the classic Notebook, on 127.0.0.1 in notebooks/, and prints the URL.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=$("$here/find-python.sh")
cd "$here/../notebooks"
port=${PORT:-8888}
root_flag=""
[ "$(id -u)" = 0 ] && root_flag="--allow-root"
if "$python" -c 'import jupyterlab' 2>/dev/null; then
  echo "[lab] Starting JupyterLab on http://127.0.0.1:$port/ (the URL with its token follows)"
  exec "$python" -m jupyter lab --ip=127.0.0.1 --port="$port" --no-browser $root_flag
else
  echo "[lab] JupyterLab is not installed (pip install -r environment/requirements.txt adds it);"
  echo "[lab] starting the classic Notebook on http://127.0.0.1:$port/ (the URL with its token follows)"
  exec "$python" -m notebook --ip=127.0.0.1 --port="$port" --no-browser $root_flag
fi
