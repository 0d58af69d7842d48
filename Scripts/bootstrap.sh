#!/usr/bin/env bash
# Installs what Earshot needs on a fresh Debian/Ubuntu machine: libcsv (the CSV parser), SQLite's headers (GRDB)
# and Snowball's libstemmer (theme detection).
# Safe to run again: it installs only what is missing.
set -euo pipefail
need=()
dpkg -s libcsv-dev >/dev/null 2>&1 || need+=(libcsv-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
dpkg -s libstemmer-dev >/dev/null 2>&1 || need+=(libstemmer-dev)
for extra in "$@"; do dpkg -s "$extra" >/dev/null 2>&1 || need+=("$extra"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "bootstrap: swift is not on PATH (Swift 6.2 or later is needed)" >&2; exit 1; }
