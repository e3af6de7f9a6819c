#!/usr/bin/env bash
# `make bench`: builds Fabrique and the Leptos floor (benches/floor, same Leptos, profile
# and trunk settings) in this run, runs the core's criterion benchmark and the native
# figures, then measures both apps in Chromium (scripts/bench.js), prints the table and
# exits non-zero naming any figure that missed its budget. See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

echo "== release build of Fabrique =="
scripts/build.sh >/dev/null
echo "== release build of the floor (a Leptos counter) =="
(cd benches/floor && trunk build --release --offline --public-url ./ --dist ../../$out/floor-dist >/dev/null 2>&1) \
  || { echo "the floor did not build: run 'cd benches/floor && trunk build --release --offline'"; exit 2; }
# Served the same way as Fabrique: its loader in a file, its files precompressed.
python3 scripts/loader.py "$out/floor-dist" >/dev/null
python3 scripts/compress.py "$out/floor-dist" >/dev/null
echo "== evaluation (criterion) =="
cargo bench --locked -q -p fabrique-core --bench evaluation -- --warm-up-time 1 --measurement-time 3 \
  >"$out/criterion.log" 2>&1 || { tail -20 "$out/criterion.log"; exit 2; }
echo "== link lengths =="
cargo run --locked -q --release -p fabrique-core --example figures >"$out/figures.json"
echo "== the wasm's largest contributors (twiggy) =="
# The release wasm optimised as trunk does it (wasm-opt -Oz, the features from the wasm's own
# target_features section), its names kept (-g) for twiggy.
wasm-opt -Oz -g target/wasm-bindgen/release/fabrique-app_bg.wasm -o "$out/fabrique-app.named.wasm"
python3 scripts/contributors.py "$out/fabrique-app.named.wasm" --json "$out/contributors.json" | tee "$out/contributors.md"
echo "== the home bundle's largest contributors (twiggy) =="
wasm-opt -Oz -g target/wasm-bindgen/release/fabrique-home_bg.wasm -o "$out/fabrique-home.named.wasm"
python3 scripts/contributors.py "$out/fabrique-home.named.wasm" --json "$out/contributors-home.json" \
  | tee "$out/contributors-home.md"
echo "== in Chromium: sizes, first render, edits, the list; Lighthouse; throttled visits =="
node scripts/bench.js
