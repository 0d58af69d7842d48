#!/usr/bin/env bash
# The README's first command: set up, build earshot in release mode, run it on the bundled sample exports in
# Fixtures/sample, and print the paths of the weekly report it wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
swift build -c release --product earshot >&2
workspace="${EARSHOT_SAMPLE_WORKSPACE:-${TMPDIR:-/tmp}/earshot-sample}"
rm -rf "$workspace"
.build/release/earshot init "$workspace" >&2
.build/release/earshot run --workspace "$workspace" --inbox Fixtures/sample
