#!/bin/sh
# Prints the one Python every step of the project uses: the project's .venv (made by setup-python.sh), or, where
# setup had to fall back to Debian's Jupyter packages, Debian's /usr/bin/python3.
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -x "$root/.venv/bin/python" ]; then
  echo "$root/.venv/bin/python"
elif /usr/bin/python3 -c 'import jupyter_client, nbclient, nbformat, nbconvert' 2>/dev/null; then
  echo /usr/bin/python3
else
  echo "$root/.venv/bin/python"
fi
