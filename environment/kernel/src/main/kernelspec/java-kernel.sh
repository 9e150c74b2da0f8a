#!/bin/sh
# Starts the Java kernel (kernelspec "java"). Jupyter runs this with the connection file as argument.
#
#   IJAVA_JVM_OPTS  JVM options, e.g. IJAVA_JVM_OPTS="-Xmx8g". Replaces the default heap setting.
#                   JAVA_OPTS is used when IJAVA_JVM_OPTS is not set.
#   IJAVA_JAVA_HOME the JDK to run (17 or newer, a JDK: the kernel needs jdk.jshell). Without it, the JDK
#                   recorded at installation (file java-home beside this script), then JAVA_HOME, then PATH.
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "$IJAVA_JAVA_HOME" ]; then
  java="$IJAVA_JAVA_HOME/bin/java"
elif [ -f "$here/java-home" ] && [ -x "$(cat "$here/java-home")/bin/java" ]; then
  java="$(cat "$here/java-home")/bin/java"
elif [ -n "$JAVA_HOME" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi
default_heap="-XX:MaxRAMPercentage=40"
# Word splitting of the options is intended: they are a list of flags.
# shellcheck disable=SC2086
exec "$java" ${IJAVA_JVM_OPTS:-${JAVA_OPTS:-$default_heap}} -Djava.awt.headless=true \
  -jar "$here/java-kernel.jar" "$@"
