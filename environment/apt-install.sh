#!/bin/sh
# Usage: apt-install.sh "what for" package...
# Installs those Debian packages that are missing, when running as root with apt-get. Safe to re-run.
# Exits 0 when they are all installed, 3 when apt-get cannot be used here (not root, or not Debian).
set -eu
what=$1
shift
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  exit 3
fi
missing=""
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -z "$missing" ]; then
  echo "[setup] $what: Debian packages already installed"
  exit 0
fi
echo "[setup] $what: installing Debian packages:$missing"
apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
