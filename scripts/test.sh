#!/usr/bin/env bash
# Every check of `make test`, in order, failing on the first that fails: formatting, lints on
# both targets, then the three test layers (native, browser, end-to-end against the release
# build). Each layer's output is kept in target/test-logs/ and its counts summed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
logs=target/test-logs
mkdir -p "$logs"

step() { printf '\n== %s ==\n' "$*"; }

step "format"
cargo fmt --all --check
# The view! macros, which rustfmt leaves alone (leptosfmt.toml); `leptosfmt src && cargo fmt`
# writes both.
leptosfmt --check --quiet src
python3 scripts/widths.py

step "layering (scripts/layers.py: what each part of src/ may import)"
python3 scripts/layers.py

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy, wasm32"
# The app and the core library as the browser runs them; the core's native-only test
# tools (proptest, criterion) and the command line are not built for wasm.
cargo clippy -p fabrique --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
# The home bundle (#20): the same crate with the `home` feature.
cargo clippy -p fabrique --bins --features home --locked --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p fabrique-core --lib --locked --target wasm32-unknown-unknown -- -D warnings

step "dependency policy (cargo deny: licences and bans; advisories need the network)"
cargo deny --offline check licenses bans

step "layer 1: native tests (the domain)"
cargo test --locked 2>&1 | tee "$logs/native.log"

step "layer 2: browser adapters in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown -p fabrique --tests 2>&1 | tee "$logs/wasm.log"

step "bounded fuzzing of the link and reply decoders and the import (cargo-fuzz)"
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable compiler use them for
# this step only. Seeds are the golden links and replies, and the example dossiers.
fuzz_seconds=${FUZZ_SECONDS:-20}
(
  cd fuzz
  export RUSTC_BOOTSTRAP=1
  for target in decode_link decode_reply import_json; do
    mkdir -p "../target/fuzz-corpus/$target"
    cargo fuzz run "$target" -s none "../target/fuzz-corpus/$target" "seeds/$target" -- \
      -max_total_time="$fuzz_seconds" -seed=1 >"../$logs/fuzz-$target.log" 2>&1 \
      || { tail -40 "../$logs/fuzz-$target.log"; exit 1; }
    echo "$target: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "../$logs/fuzz-$target.log" | tail -1)s, no crash"
  done
)

step "release build"
scripts/build.sh

step "layer 3: end-to-end in Chromium (playwright-core)"
npx --no-install playwright test 2>&1 | tee "$logs/e2e.log"

# Sums "N passed" / "N failed" from cargo's and Playwright's closing lines.
count() { # file word
  { grep -Eo "[0-9]+ $2" "$1" || true; } | awk '{ n += $1 } END { print n + 0 }'
}
step "summary"
total_passed=0
total_failed=0
for layer in native wasm e2e; do
  passed=$(count "$logs/$layer.log" passed)
  failed=$(count "$logs/$layer.log" failed)
  printf '%-8s %4d passed, %d failed\n' "$layer" "$passed" "$failed"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
done
echo "total: $total_passed passed, $total_failed failed"
