#!/usr/bin/env bash
# Prints the size of the release build's wasm, JS and page (which holds the style sheet and
# first-screen.js): raw, gzip -9 and brotli.
set -euo pipefail
dist=${1:-dist}
printf '%-28s %10s %10s %10s\n' file raw gzip brotli
for file in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  if command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$file" | wc -c); else br=n/a; fi
  printf '%-28s %10s %10s %10s\n' "$(basename "$file" | sed -E 's/-[0-9a-f]{1,16}\././')" "$raw" "$gz" "$br"
done
