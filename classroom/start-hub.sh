#!/bin/sh
# Starts JupyterHub for a class (classroom/hub/jupyterhub_config.py) from the project's .venv on 127.0.0.1, after
# classroom/prepare.py made its shared state (and, for a class, classroom/image.py the students' image).
#   CNNBOOK_CLASSROOM_MODE=containers (make classroom): students sign up, the teacher approves them; one container each
#   CNNBOOK_CLASSROOM_MODE=demo (make classroom-demo): any name, one shared password, no isolation (one person only)
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
mode=${CNNBOOK_CLASSROOM_MODE:-containers}
export CNNBOOK_CLASSROOM_MODE=$mode
url="http://127.0.0.1:${CNNBOOK_HUB_PORT:-8000}/"
teacher=${CNNBOOK_TEACHER:-teacher}
if [ "$mode" = demo ]; then
  if [ -z "${CNNBOOK_HUB_PASSWORD:-}" ]; then
    CNNBOOK_HUB_PASSWORD=$("$python" -c 'import secrets; print(secrets.token_urlsafe(9))')
    export CNNBOOK_HUB_PASSWORD
  fi
  echo "[classroom] DEMO (one person's laptop, students not kept apart): JupyterHub on $url : any user name, password $CNNBOOK_HUB_PASSWORD"
else
  if [ "$(id -u)" != 0 ]; then
    echo "[classroom] a class with one container per student needs the hub to run as root (it starts containers and" >&2
    echo "            gives each student's home to their uid): run make classroom as root, or make classroom-demo." >&2
    exit 1
  fi
  secret="$CNNBOOK_HUB_STATE/teacher-password"
  echo "[classroom] JupyterHub on $url : students sign up at ${url}hub/signup, you approve them at ${url}hub/authorize"
  if [ -n "${CNNBOOK_TEACHER_PASSWORD:-}" ]; then
    echo "[classroom] the teacher logs in as '$teacher' with CNNBOOK_TEACHER_PASSWORD (on the hub's first start)"
  else
    [ -s "$secret" ] || (umask 077; "$python" -c 'import secrets; print(secrets.token_urlsafe(12))' > "$secret")
    CNNBOOK_TEACHER_PASSWORD=$(cat "$secret")
    echo "[classroom] the teacher logs in as '$teacher' with the password in $secret, made at the first start (once"
    echo "            changed at ${url}hub/change-password, that file is out of date: delete it)"
  fi
  export CNNBOOK_TEACHER_PASSWORD
fi
echo "[classroom] (the teacher, admin, logs in as '$teacher'; Ctrl+C stops the hub and every server)"
cd "$CNNBOOK_HUB_STATE"
exec "$(dirname "$python")/jupyterhub" -f "$here/hub/jupyterhub_config.py"
