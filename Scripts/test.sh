#!/usr/bin/env bash
# The README's second command: set up and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# Headless Chromium renders the HTML report in a test; jsonschema validates the JSON report against docs/.
Scripts/bootstrap.sh chromium
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema
swift build --build-tests
swift test --skip-build
