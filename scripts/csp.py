#!/usr/bin/env python3
"""Trunk post-build hook: completes the Content-Security-Policy of index.html with the hash
of every inline script trunk wrote (its wasm loader, and the live-reload script of
`trunk serve`). Their text names this build's hashed files, so the hash is only known once
trunk is done: index.html carries the placeholder 'sha256-TRUNK-INLINE-SCRIPTS', replaced
here. The build fails if the placeholder or the loader is missing, so a policy that would
block the app never ships."""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "'sha256-TRUNK-INLINE-SCRIPTS'"

path = (
    sys.argv[1]
    if len(sys.argv) > 1
    else os.path.join(os.environ["TRUNK_STAGING_DIR"], "index.html")
)
with open(path, encoding="utf-8") as page:
    html = page.read()

# Inline scripts: a <script> without src, and the exact text the browser hashes.
inline = [
    body
    for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    if "src=" not in attributes
]
if PLACEHOLDER not in html:
    sys.exit(f"csp.py: {path} has no {PLACEHOLDER} to fill")
if not inline:
    sys.exit(f"csp.py: {path} has no inline script (trunk's loader is missing)")
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
    for body in inline
)
with open(path, "w", encoding="utf-8") as page:
    page.write(html.replace(PLACEHOLDER, hashes))
print(f"csp.py: {len(inline)} inline script(s) allowed by hash")
