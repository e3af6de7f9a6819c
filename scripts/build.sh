#!/usr/bin/env bash
# The release build: trunk into dist/, then the service worker generated from what dist/
# holds, then the sizes. PUBLIC_URL is where the app is served ("./" works anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release --offline --public-url "${PUBLIC_URL:-./}"
python3 scripts/make_sw.py dist
scripts/sizes.sh dist
