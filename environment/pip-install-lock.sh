#!/bin/sh
# Usage: pip-install-lock.sh PYTHON LOCK TAG
# Installs exactly the hash-pinned packages of LOCK into PYTHON's environment (pip --require-hashes --no-deps),
# showing one "[TAG]   Collecting ..." line per package; exits with pip's status.
set -u
status_file=$(mktemp)
{ "$1" -m pip install --disable-pip-version-check --progress-bar off --require-hashes --no-deps -r "$2" 2>&1
  echo $? > "$status_file"; } | grep -E '^(Collecting|ERROR)' | sed "s/^/[$3]   /"
status=$(cat "$status_file"); rm -f "$status_file"
exit "$status"
