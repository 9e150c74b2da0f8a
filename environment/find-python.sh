#!/bin/sh
# Prints the Python that has Jupyter's client libraries: Debian's /usr/bin/python3 when it has them
# (a pyenv or conda python3 may come first on PATH without them), else python3 on PATH.
for candidate in /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
  [ -x "$candidate" ] || continue
  if "$candidate" -c 'import jupyter_client, nbclient, nbformat, nbconvert' 2>/dev/null; then
    echo "$candidate"
    exit 0
  fi
done
command -v python3 || echo python3
