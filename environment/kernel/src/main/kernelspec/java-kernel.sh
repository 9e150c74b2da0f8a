#!/bin/sh
# Starts the Java kernel (kernelspec "java"). Jupyter runs this with the connection file as argument.
#
#   IJAVA_JVM_OPTS  JVM options, e.g. IJAVA_JVM_OPTS="-Xmx8g". Replaces the default heap setting.
#                   JJAVA_JVM_OPTS (JJava's name), then JAVA_OPTS, are used when IJAVA_JVM_OPTS is not set.
#   IJAVA_JAVA_HOME the JDK to run (17 or newer, a JDK: the kernel needs jdk.jshell). Without it, the JDK
#                   recorded at installation (file java-home beside this script), then JAVA_HOME, then PATH.
#   GOMP_SPINCOUNT  how long ND4J's OpenMP threads spin waiting for work (default here 1000 unless GOMP_SPINCOUNT or
#                   OMP_WAIT_POLICY is set, see below).
#
# "java-kernel.sh --check" only names the JDK it would use ("JDK 25.0.3 at /usr/lib/jvm/...") or says what is
# wrong with it, and exits (the installer runs it).
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "$IJAVA_JAVA_HOME" ]; then
  java="$IJAVA_JAVA_HOME/bin/java"
elif [ -f "$here/java-home" ] && [ -x "$(cat "$here/java-home")/bin/java" ]; then
  java="$(cat "$here/java-home")/bin/java"
elif [ -n "$JAVA_HOME" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=$(command -v java)
fi

install_hint="Install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless, or Temurin 25), or point
IJAVA_JAVA_HOME at one, then restart the kernel."
if [ -z "$java" ] || [ ! -x "$java" ]; then
  echo "The Java kernel found no Java${java:+ at $java}. $install_hint" >&2
  exit 3
fi

# The JDK's own release file says its version and modules without starting a JVM.
home=$(dirname "$(dirname "$(readlink -f "$java" 2>/dev/null || echo "$java")")")
version=""
if [ -f "$home/release" ]; then
  version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  if ! grep -q '^MODULES=.*jdk\.jshell' "$home/release"; then
    echo "The Java at $home ($version) has no jdk.jshell module: it is a JRE or a trimmed runtime, and the kernel" \
      "runs cells with JShell. $install_hint" >&2
    exit 3
  fi
fi
major=${version%%.*}
[ "$major" = 1 ] && major=$(echo "$version" | cut -d. -f2) # 1.8.0_x is Java 8
case "$major" in ''|*[!0-9]*) major=0 ;; esac
if [ "$major" -gt 0 ] && [ "$major" -lt 17 ]; then
  echo "The Java at $home is version $version; the kernel needs 17 or newer. $install_hint" >&2
  exit 3
fi

# Options each JDK needs so that ND4J's native code loads without a wall of warnings in the server's log:
# JavaCPP calls System::load (restricted since 24: JEP 472) and sun.misc.Unsafe (warned about since 24: JEP 498).
version_opts=""
[ "$major" -ge 17 ] && version_opts="--enable-native-access=ALL-UNNAMED"
[ "$major" -ge 23 ] && version_opts="$version_opts --sun-misc-unsafe-memory-access=allow"
# A JDK newer than the ones tested (25) may have dropped an option; a JVM that refuses it would not start.
# shellcheck disable=SC2086
if [ "$major" -gt 25 ] && ! "$java" $version_opts -version >/dev/null 2>&1; then
  version_opts=""
fi

if [ "$1" = "--check" ]; then
  echo "JDK ${version:-(version unknown)} at $home"
  exit 0
fi

# ND4J's OpenMP threads (libgomp) spin up to 300,000 rounds waiting for work by default: a kernel whose cores are
# also busy with something else (a classmate's kernel, a test run) then trains 6-8x slower instead of 2x. A short
# spin shares the cores fairly at the same speed alone (make bench, "sharing the cores"; bench/NOTES.md).
# (libgomp lets GOMP_SPINCOUNT win over OMP_WAIT_POLICY: a user's policy is left alone.)
if [ -z "${GOMP_SPINCOUNT:-}" ] && [ -z "${OMP_WAIT_POLICY:-}" ]; then
  export GOMP_SPINCOUNT=1000
fi

# The heap may grow to 40 % of the memory, but starts at 64 MB instead of the JVM's 1/64 of it (384 MB on 24 GiB):
# the serial collector fills whatever heap it starts with before collecting its old generation, and every page it
# fills stays resident. Training keeps ~40 MB alive, so the heap settles at ~130 MB: peak RSS over two epochs
# 0.92 GB instead of 1.20, same speed (bench/NOTES.md, "Memory").
default_heap="-XX:MaxRAMPercentage=40 -Xms64m"
# A heap size in the JVM's own variables wins over the default (a -Xmx below 64m would otherwise stop the JVM).
case " ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-} " in
  *-Xm[sx]*|*HeapSize=*|*RAMPercentage=*) default_heap="" ;;
esac
# The serial collector, unless the options name a collector (two would stop the JVM): training creates many
# short-lived Java objects (ND4J's wrappers around native buffers) and G1 answered with a heap growing ~300 MB per
# epoch (peak RSS 1.95 GB after 3 epochs vs 1.39 GB with this, same speed; make bench, bench/NOTES.md). A class's
# kernels choose G1 with a heap cap and periodic GC (classroom/limits.env).
default_gc="-XX:+UseSerialGC"
jvm_opts=${IJAVA_JVM_OPTS:-${JJAVA_JVM_OPTS:-${JAVA_OPTS:-}}}
case " $jvm_opts ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-} " in
  *-XX:+Use*GC*) default_gc="" ;;
esac
# Word splitting of the options is intended: they are a list of flags.
# shellcheck disable=SC2086
exec "$java" $version_opts $default_gc ${jvm_opts:-$default_heap} -Djava.awt.headless=true \
  -jar "$here/java-kernel.jar" "$@"
