#!/usr/bin/env python3
"""No line of Rust source over 120 characters (run by `make test`). rustfmt and leptosfmt
wrap code; long texts are split with a string continuation (a backslash at the end of the
line, the next line's indentation is not part of the text)."""
import pathlib
import subprocess
import sys

LIMIT = 120
ROOT = pathlib.Path(__file__).resolve().parent.parent

files = subprocess.run(
    ["git", "ls-files", "*.rs"], cwd=ROOT, capture_output=True, text=True, check=True
).stdout.split()
long_lines = [
    f"{name}:{number}: {len(line)} characters"
    for name in files
    if (ROOT / name).exists()
    for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").split("\n"), 1)
    if len(line) > LIMIT
]
for line in long_lines:
    print(f"width: {line} (at most {LIMIT})", file=sys.stderr)
if long_lines:
    sys.exit(1)
print(f"width: {len(files)} files, no line over {LIMIT} characters")
