#!/usr/bin/env bash
# The release build: trunk into dist/, the territory files built from the official commune
# data (npm package @etalab/decoupage-administratif, pinned in package-lock.json) into
# dist/territoire/, then the loader out of the page, the service worker generated from what
# dist/ holds, the hosts' headers, the precompressed copies, and the sizes.
# PUBLIC_URL is where the app is served ("./" works anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release --offline --public-url "${PUBLIC_URL:-./}"
# The home bundle (#20): the same page built with the `home` feature, of which only the js
# and the wasm are kept, beside the whole app's. first-screen.js chooses one (ARCHITECTURE.md,
# "Two bundles"). Trunk reads the page to build from a file: index.html with the other
# binary, in target/ (rebuilt each time, never committed).
home_dist=target/trunk-home
sed 's/data-bin="fabrique-app"/data-bin="fabrique-home" data-cargo-features="home"/' index.html >home.html.tmp
trap 'rm -f home.html.tmp' EXIT
grep -q 'data-bin="fabrique-home"' home.html.tmp || { echo "build: index.html has no fabrique-app rust link" >&2; exit 1; }
trunk build --release --offline --public-url "${PUBLIC_URL:-./}" --dist "$home_dist" home.html.tmp
cp "$home_dist"/fabrique-home-*.js "$home_dist"/fabrique-home-*_bg.wasm dist/
package=node_modules/@etalab/decoupage-administratif
if [ ! -f "$package/data/communes.json" ]; then
  echo "build: $package is missing: run 'make bootstrap' (npm ci installs it)" >&2
  exit 1
fi
rm -rf dist/territoire
echo "territory data: $(cargo run -q --offline --locked -p fabrique-cli -- territory "$package" dist/territoire)"
# Trunk's inline loader into a file of its own: the page's policy is then the same for every
# build, and a server can send it as a header (deploy/).
python3 scripts/loader.py dist
python3 scripts/make_sw.py dist
# The headers for static hosts that read a _headers file (not precached: written after).
cp deploy/_headers dist/_headers
# Each compressible file also as .br and .gz, for the server to send as they are.
python3 scripts/compress.py dist
scripts/sizes.sh dist
