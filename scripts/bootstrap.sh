#!/usr/bin/env bash
# Installs what building and testing Fabrique needs, and nothing twice: each step first
# checks whether its tool is already there at the right version. Every tool comes from a
# package registry (crates.io, npm, Debian): trunk is configured never to download its own.
# Where a step cannot run here (not root, not Debian), it says what to install by hand and
# goes on; the build or test that needs the tool then fails with the same advice.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
say() { printf '[bootstrap] %s\n' "$*"; }
manual() { printf '[bootstrap] À INSTALLER À LA MAIN / INSTALL BY HAND: %s\n' "$*" >&2; }

# The wasm-bindgen that Cargo.lock holds: the CLI and trunk's pin must be exactly this one.
wasm_bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wasm_bindgen_version" ]; then
  echo "[bootstrap] Cargo.lock names no wasm-bindgen: run 'cargo generate-lockfile' first." >&2
  exit 1
fi
trunk_pin=$(sed -n 's/^wasm_bindgen = "\(.*\)".*/\1/p' Trunk.toml)
if [ "$trunk_pin" != "$wasm_bindgen_version" ]; then
  echo "[bootstrap] Trunk.toml pins wasm-bindgen $trunk_pin but Cargo.lock has $wasm_bindgen_version: make them equal." >&2
  exit 1
fi

# Rust: the wasm target and the lint tools.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# trunk, pinned (0.22 needs a newer rustc than these machines have). About 15 minutes cold.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen CLI and its test runner, at exactly Cargo.lock's version. Not --locked: its
# own lock file pins a crate version the registry no longer serves.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# cargo-fuzz, for the bounded fuzzing pass of `make test`.
CARGO_FUZZ_VERSION=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# cargo-deny, for the licence and duplicate checks of `make test` (deny.toml).
CARGO_DENY_VERSION=0.20.2
if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  say "installing cargo-deny $CARGO_DENY_VERSION"
  cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
fi

# leptosfmt, for the formatting of view! macros that `make test` checks (leptosfmt.toml).
LEPTOSFMT_VERSION=0.1.33
if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
  say "installing leptosfmt $LEPTOSFMT_VERSION (about a minute)"
  cargo install --locked leptosfmt --version "$LEPTOSFMT_VERSION"
fi

# twiggy, for the wasm's largest contributors that `make bench` lists (BENCHMARKS.md).
TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  say "installing twiggy $TWIGGY_VERSION (about a minute)"
  cargo install --locked twiggy --version "$TWIGGY_VERSION"
fi

# Chromium and chromedriver from Debian, for the browser and end-to-end tests; brotli to
# precompress the bundle; nginx and its brotli_static module, to serve it as in production
# (`make serve`, the end-to-end tests, `make bench`).
missing_packages=()
command -v chromium >/dev/null || missing_packages+=(chromium)
command -v chromedriver >/dev/null || missing_packages+=(chromium-driver)
command -v brotli >/dev/null || missing_packages+=(brotli)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing_packages+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
  || missing_packages+=(libnginx-mod-http-brotli-static)
if [ ${#missing_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing_packages[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_packages[@]}" >/dev/null
    # Fabrique runs its own nginx, as the user, on its own ports: the system service that
    # the package may have started (on port 80) is not wanted.
    if [[ " ${missing_packages[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null; then
      systemctl disable --now nginx >/dev/null 2>&1 || true
    fi
  else
    manual "${missing_packages[*]} (Debian: sudo apt-get install ${missing_packages[*]})"
  fi
fi

# Node packages: playwright-core and @playwright/test (never a browser download),
# binaryen's wasm-opt, and Lighthouse with puppeteer-core (for `make bench`; never a browser
# download either), exactly as package-lock.json pins them.
if ! command -v npm >/dev/null; then
  manual "Node.js 20 and npm (Debian: sudo apt-get install nodejs npm)"
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the Node packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# Crates, so that `trunk build --offline` (which passes --offline to cargo) finds them.
cargo fetch --locked --quiet
(cd fuzz && cargo fetch --quiet)
say "ready: trunk $TRUNK_VERSION, wasm-bindgen $wasm_bindgen_version, $(wasm-opt --version 2>/dev/null || echo 'wasm-opt missing')"
