#!/bin/sh
# Installs JJava 1.0a8 (environment/jjava.lock, hash-pinned) where it shadows nothing: its files under build/jjava,
# its kernelspec as "jjava" in build/jjava/jupyter/kernels/jjava. make test runs the series on it and compares the
# kernels with it (JUPYTER_PATH=build/jjava/jupyter, kernel "jjava"). Safe to re-run: it installs only when the lock
# changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=$("$here/find-python.sh")
prefix="$root/build/jjava"
lock="$here/jjava.lock"
stamp="$prefix/jjava.lock.sha256"
spec="$prefix/jupyter/kernels/jjava"
want=$(sha256sum "$lock" | cut -d' ' -f1)
if [ -f "$spec/kernel.json" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "[setup] JJava: build/jjava is up to date ($(grep -o 'jjava==[^ ]*' "$lock"))"
  exit 0
fi
echo "[setup] JJava: installing $(grep -o 'jjava==[^ ]*' "$lock") into build/jjava (for the tests; it shadows no kernel)"
rm -rf "$prefix"
"$python" -m pip install --disable-pip-version-check -q --no-deps --require-hashes --prefix "$prefix" -r "$lock"
mkdir -p "$(dirname "$spec")"
cp -r "$prefix/share/jupyter/kernels/java" "$spec"
"$python" - "$spec/kernel.json" <<'PY'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
spec["display_name"] = "Java (JJava 1.0a8)"
json.dump(spec, open(path, "w"), indent=1)
PY
echo "$want" > "$stamp"
echo "[setup] JJava: kernelspec 'jjava' in build/jjava/jupyter (JUPYTER_PATH=build/jjava/jupyter)"
