#!/bin/sh
# Installs what the browser tests need when missing: Debian's Chromium and its chromedriver (as root
# with apt-get; no browser download). Elsewhere the browser tests skip themselves and say what is missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
status=0
"$here/apt-install.sh" "Browser tests" chromium chromium-driver || status=$?
if [ "$status" = 3 ]; then
  echo "[setup] Browser tests: run if chromium and chromedriver are installed (else they are skipped)"
elif [ "$status" != 0 ]; then
  exit "$status"
fi
