#!/usr/bin/env python3
"""After a release build: moves trunk's inline wasm loader out of index.html into a file
of its own, named after its content (`loader-<hash>.js`) — when the build made a home bundle
too, a loader that starts the bundle first-screen.js chose — and drops the inline-script hash
from the page's Content-Security-Policy. The policy is then the same for every build
(`script-src 'self' 'wasm-unsafe-eval'`), so a web server can send it as a header (with
`frame-ancestors 'none'`, which only a header can carry) without being told each release's
hash: see deploy/. The build fails if an inline script is left, or the policy changed
shape, so a policy that would block the app never ships."""
import hashlib
import os
import re
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
path = os.path.join(dist, "index.html")
with open(path, encoding="utf-8") as page:
    html = page.read()

inline = re.findall(r"<script type=\"module\">(.*?)</script>", html, re.S)
if len(inline) != 1:
    sys.exit(f"loader.py: {path} has {len(inline)} inline module scripts, expected trunk's loader alone")
body = inline[0].strip() + "\n"
# The loader's imports name the app's files with the build's prefix ("./" or the
# PUBLIC_URL): the loader file takes the same one. Trunk writes its hash in hexadecimal
# without leading zeros: from 1 to 16 digits.
prefix = re.search(r"from '(.*?)[A-Za-z0-9_-]+-[0-9a-f]{1,16}\.js'", body)
if not prefix:
    sys.exit("loader.py: trunk's loader does not import the app's <name>-<hash>.js")
# The home bundle (#20), when the build made one (scripts/build.sh): the loader starts the
# bundle first-screen.js chose (`<html data-bundle="home">`, or the whole app), and
# first-screen.js preloads that one only, from the names written on its own <script> tag.
home = sorted(n for n in os.listdir(dist) if re.fullmatch(r"fabrique-home-[0-9a-f]{1,16}\.js", n))
if home:
    if len(home) != 1:
        sys.exit(f"loader.py: {dist} has {len(home)} home bundles, expected one")
    app = re.search(r"from '(?:.*?)(fabrique-app-[0-9a-f]{1,16})\.js'", body)
    if not app or f"'{prefix.group(1)}{app.group(1)}_bg.wasm'" not in body:
        sys.exit("loader.py: trunk's loader does not start fabrique-app's js and wasm")
    bundles = {"app": prefix.group(1) + app.group(1), "home": prefix.group(1) + home[0][: -len(".js")]}
    body = (
        "// Written by scripts/loader.py: starts the bundle first-screen.js chose (ARCHITECTURE.md).\n"
        f"const base = document.documentElement.dataset.bundle === 'home' ? '{bundles['home']}' : '{bundles['app']}';\n"
        "const bindings = await import(`${base}.js`);\n"
        "const wasm = await bindings.default({ module_or_path: `${base}_bg.wasm` });\n"
        "window.wasmBindings = bindings;\n"
        'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));\n'
    )
    preloads = re.findall(r'\s*<link rel="(?:modulepreload|preload)" href="[^"]*fabrique-app-[^>]*>', html)
    if len(preloads) != 2:
        sys.exit(f"loader.py: {path} has {len(preloads)} preloads of the app, expected trunk's two")
    for link in preloads:
        html = html.replace(link, "", 1)
    tag = '<script src="first-screen.js">'
    if html.count(tag) != 1:
        sys.exit(f"loader.py: {path} does not load first-screen.js once")
    html = html.replace(
        tag, f'<script src="first-screen.js" data-app="{bundles["app"]}" data-home="{bundles["home"]}">'
    )
name = f"loader-{hashlib.sha256(body.encode('utf-8')).hexdigest()[:16]}.js"
with open(os.path.join(dist, name), "w", encoding="utf-8") as loader:
    loader.write(body)
html = re.sub(
    r"<script type=\"module\">.*?</script>",
    f'<script type="module" src="{prefix.group(1)}{name}"></script>',
    html,
    count=1,
    flags=re.S,
)
# A page without a policy of its own (the benchmark's floor app) has no hash to drop.
if "Content-Security-Policy" in html:
    policy = re.search(r"script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;", html)
    if not policy:
        sys.exit(f"loader.py: {path}'s policy has no inline-script hash to drop")
    html = html.replace(policy.group(0), "script-src 'self' 'wasm-unsafe-eval';")
left = [
    attributes
    for attributes, _ in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    if "src=" not in attributes
]
if left:
    sys.exit(f"loader.py: {len(left)} inline script(s) left in {path}")
with open(path, "w", encoding="utf-8") as page:
    page.write(html)
print(f"loader.py: trunk's loader is {name}; the policy allows no inline script")
