#!/bin/sh
# Prints JavaCPP's name for this machine's platform (which native jars Maven fetches for ND4J).
os=$(uname -s); arch=$(uname -m)
case "$os" in
  Linux) os=linux ;;
  Darwin) os=macosx ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
esac
case "$arch" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=arm64 ;;
esac
echo "$os-$arch"
