#!/bin/sh
# Starts JupyterHub for a class (classroom/hub/jupyterhub_config.py) from the project's .venv on 127.0.0.1, after
# classroom/prepare.py made its shared state. Students log in at the printed URL with any name and the password.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=$("$here/../environment/find-python.sh")
if [ ! -x "$(dirname "$python")/jupyterhub" ]; then
  echo "[classroom] JupyterHub is not installed: make setup installs it into .venv from PyPI (not available from" >&2
  echo "            Debian's fallback packages)." >&2
  exit 1
fi
state=${CNNBOOK_HUB_STATE:-$here/../build/classroom}
export CNNBOOK_HUB_STATE=$(cd "$state" && pwd)
if [ -z "${CNNBOOK_HUB_PASSWORD:-}" ]; then
  CNNBOOK_HUB_PASSWORD=$("$python" -c 'import secrets; print(secrets.token_urlsafe(9))')
  export CNNBOOK_HUB_PASSWORD
fi
echo "[classroom] JupyterHub on http://127.0.0.1:${CNNBOOK_HUB_PORT:-8000}/ : any user name, password $CNNBOOK_HUB_PASSWORD"
echo "[classroom] (the teacher, admin, logs in as '${CNNBOOK_TEACHER:-teacher}'; Ctrl+C stops the hub and every server)"
cd "$CNNBOOK_HUB_STATE"
exec "$(dirname "$python")/jupyterhub" -f "$here/hub/jupyterhub_config.py"
