#!/usr/bin/env bash
# The release build: trunk into dist/, the territory files built from the official commune
# data (npm package @etalab/decoupage-administratif, pinned in package-lock.json) into
# dist/territoire/, then the service worker generated from what dist/ holds, then the sizes.
# PUBLIC_URL is where the app is served ("./" works anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release --offline --public-url "${PUBLIC_URL:-./}"
package=node_modules/@etalab/decoupage-administratif
if [ ! -f "$package/data/communes.json" ]; then
  echo "build: $package is missing: run 'make bootstrap' (npm ci installs it)" >&2
  exit 1
fi
rm -rf dist/territoire
echo "territory data: $(cargo run -q --offline --locked -p fabrique-cli -- territory "$package" dist/territoire)"
python3 scripts/make_sw.py dist
scripts/sizes.sh dist
