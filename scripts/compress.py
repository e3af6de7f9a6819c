#!/usr/bin/env python3
"""After a release build: writes each compressible file of the bundle beside itself as
`.br` (brotli at its highest level, the Debian `brotli` tool) and `.gz` (gzip -9), so a
web server sends them as they are (deploy/nginx/fabrique.conf: brotli_static, gzip_static)
and never compresses on the fly. Files too small to gain anything are left alone."""
import gzip
import os
import subprocess
import sys

COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".svg", ".webmanifest", ".json", ".tsv", ".txt")
# Under this size a compressed copy saves less than a packet.
SMALLEST = 512

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
chosen = []
for root, _, names in os.walk(dist):
    for name in names:
        path = os.path.join(root, name)
        if name.endswith(COMPRESSIBLE) and os.path.getsize(path) >= SMALLEST:
            chosen.append(path)
chosen.sort()
for path in chosen:
    with open(path, "rb") as source:
        data = source.read()
    # mtime=0: the same file gives the same .gz at every build.
    with open(path + ".gz", "wb") as target:
        target.write(gzip.compress(data, compresslevel=9, mtime=0))
# One brotli process per few hundred files: the territory holds thousands of small ones.
for start in range(0, len(chosen), 400):
    subprocess.run(["brotli", "--force", "--keep", "--best", "--", *chosen[start:start + 400]], check=True)
before = sum(os.path.getsize(path) for path in chosen)
after = sum(os.path.getsize(path + ".br") for path in chosen)
print(f"compress.py: {len(chosen)} files as .br and .gz ({before} bytes, {after} as brotli)")
