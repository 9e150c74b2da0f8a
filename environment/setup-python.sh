#!/bin/sh
# Creates the project's own Python environment, .venv, with the pinned tools of environment/requirements.lock
# (JupyterLab 4, Notebook 7, nbclient, nbconvert, the test tools), checked against their hashes. Safe to re-run:
# it installs only when the lock file changed. Where PyPI cannot be reached it falls back to Debian's Jupyter
# packages (classic Notebook) and says so. environment/find-python.sh then names the interpreter everything uses.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
venv="$(cd "$here/.." && pwd)/.venv"
lock="$here/requirements.lock"
stamp="$venv/requirements.lock.sha256"
want=$(sha256sum "$lock" | cut -d' ' -f1)

report() {
  "$venv/bin/python" -m pip list --format=freeze 2>/dev/null \
    | grep -iE '^(jupyterlab|notebook|nbclassic|nbclient|nbconvert|jupyter_client|pytest)==' | tr '\n' ' '
}

# JupyterLab's defaults for everyone using this venv: no news or update pop-ups (they ask the internet; a class
# or an offline machine has no use for them), the completer's documentation panel on, and nbgrader's teacher tools
# hidden (students keep Validate and the Assignments list; docs/teaching.md shows a teacher how to enable them)
lab_defaults() {
  mkdir -p "$venv/share/jupyter/lab/settings" "$venv/etc/jupyter/labconfig"
  cp "$here/lab-overrides.json" "$venv/share/jupyter/lab/settings/overrides.json"
  cp "$here/lab-page-config.json" "$venv/etc/jupyter/labconfig/page_config.json"
}

if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  lab_defaults
  echo "[setup] Python: .venv is up to date: $(report)"
  exit 0
fi

base=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
    base=$(command -v "$candidate")
    break
  fi
done
if [ -z "$base" ]; then
  "$here/apt-install.sh" "Python venv support" python3-venv || true
  /usr/bin/python3 -c 'import venv, ensurepip' 2>/dev/null && base=/usr/bin/python3
fi
if [ -z "$base" ]; then
  echo "[setup] Python: no Python 3.9+ with the venv module found. Install one (Debian/Ubuntu: apt-get install" >&2
  echo "        python3-venv), then run make setup again." >&2
  exit 1
fi

echo "[setup] Python: creating .venv with $base ($("$base" --version 2>&1)) and installing" \
     "$(grep -c '==' "$lock") pinned packages from environment/requirements.lock (first time ~150 MB)"
rm -f "$stamp"
[ -x "$venv/bin/python" ] || "$base" -m venv "$venv"
status=0
"$here/pip-install-lock.sh" "$venv/bin/python" "$lock" setup || status=$?
if [ "$status" = 0 ]; then
  echo "$want" > "$stamp"
  lab_defaults
  echo "[setup] Python: .venv ready: $(report)"
  exit 0
fi

echo "[setup] Python: installing from PyPI failed; falling back to Debian's Jupyter packages (classic Notebook 6," >&2
echo "        no JupyterLab). Run make setup again when PyPI can be reached." >&2
rm -rf "$venv"
"$here/apt-install.sh" Jupyter jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient \
  python3-jupyter-kernel-test python3-pytest python3-selenium
