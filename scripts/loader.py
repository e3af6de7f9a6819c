#!/usr/bin/env python3
"""After a release build, assembles the page. Without a home bundle (the benchmark's floor
app), it moves trunk's inline wasm loader out of index.html into a file of its own, named
after its content (`loader-<hash>.js`), and drops the inline-script hash from the page's
Content-Security-Policy. With a home bundle (#20, ARCHITECTURE.md "Two bundles"),
`first-screen.js` is written into the page and starts the bundle it chose (inline, the
choice needs no request of its own before the wasm's), allowed by the hash of its text;
trunk's loader and preloads are dropped, and the style sheet is written into the page too, so
that the static first screen is painted as soon as the page has arrived. The policy is then
the same for every build with the same first-screen.js, so a web server can send it as a
header (with `frame-ancestors 'none'`, which only a header can carry): see deploy/, whose
policies the build checks against the page's. The build fails if another inline script is
left, or the policy changed shape, so a policy that would block the app never ships."""
import base64
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
# The hash of the one inline script a page with a home bundle keeps (first-screen.js).
inline_hash = None
# The home bundle (#20), when the build made one (scripts/build.sh): first-screen.js chooses
# the home or the whole app, then preloads and starts that one only, from the names written
# on its own <script> tag.
home = sorted(n for n in os.listdir(dist) if re.fullmatch(r"fabrique-home-[0-9a-f]{1,16}\.js", n))
if home:
    if len(home) != 1:
        sys.exit(f"loader.py: {dist} has {len(home)} home bundles, expected one")
    app = re.search(r"from '(?:.*?)(fabrique-app-[0-9a-f]{1,16})\.js'", body)
    if not app or f"'{prefix.group(1)}{app.group(1)}_bg.wasm'" not in body:
        sys.exit("loader.py: trunk's loader does not start fabrique-app's js and wasm")
    bundles = {"app": prefix.group(1) + app.group(1), "home": prefix.group(1) + home[0][: -len(".js")]}
    preloads = re.findall(r'\s*<link rel="(?:modulepreload|preload)" href="[^"]*fabrique-app-[^>]*>', html)
    if len(preloads) != 2:
        sys.exit(f"loader.py: {path} has {len(preloads)} preloads of the app, expected trunk's two")
    for link in preloads:
        html = html.replace(link, "", 1)
    # first-screen.js into the page, with the bundles' names on its tag: the browser runs it
    # as the head is read, and the chosen bundle's download starts with the page's first
    # requests instead of after first-screen.js's own. It also starts the bundle: trunk's
    # loader goes.
    tag = '<script src="first-screen.js"></script>'
    if html.count(tag) != 1:
        sys.exit(f"loader.py: {path} does not load first-screen.js once")
    script_path = os.path.join(dist, "first-screen.js")
    with open(script_path, encoding="utf-8") as script:
        first_screen = script.read()
    if re.search(r"</script|<!--", first_screen, re.I):
        sys.exit("loader.py: first-screen.js cannot be written into the page as it is")
    html = html.replace(
        tag, f'<script data-app="{bundles["app"]}" data-home="{bundles["home"]}">{first_screen}</script>'
    )
    os.remove(script_path)
    inline_hash = "'sha256-" + base64.b64encode(hashlib.sha256(first_screen.encode("utf-8")).digest()).decode() + "'"
    html = re.sub(r"\s*<script type=\"module\">.*?</script>", "", html, count=1, flags=re.S)
    # The style sheet into the page: the first paint waits for no request after the page's.
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]*?)(main-[0-9a-f]{1,16}\.css)"[^>]*>', html)
    if len(sheets) != 1 or sheets[0][0] != prefix.group(1):
        sys.exit(f"loader.py: {path} links {len(sheets)} style sheets, expected trunk's main-<hash>.css")
    sheet_path = os.path.join(dist, sheets[0][1])
    with open(sheet_path, encoding="utf-8") as sheet:
        style = sheet.read()
    if re.search(r"</style|<!--", style, re.I):
        sys.exit("loader.py: the style sheet cannot be written into the page as it is")
    html = re.sub(r'<link rel="stylesheet" href="[^"]*main-[0-9a-f]{1,16}\.css"[^>]*>',
                  lambda _: f"<style>{style}</style>", html, count=1)
    os.remove(sheet_path)
else:
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
    allowed = f" {inline_hash}" if inline_hash else ""
    html = html.replace(policy.group(0), f"script-src 'self' 'wasm-unsafe-eval'{allowed};")
    # The servers' policies (deploy/) must say the same, or the header would block the page.
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for header in ("deploy/_headers", "deploy/nginx/fabrique-headers.conf"):
        with open(os.path.join(root, header), encoding="utf-8") as conf:
            if f"{meta}; frame-ancestors 'none'" not in conf.read():
                sys.exit(
                    f"loader.py: {header}'s Content-Security-Policy is not the page's: it must read\n"
                    f"{meta}; frame-ancestors 'none'"
                )
left = [
    body
    for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    if "src=" not in attributes
]
if len(left) != (1 if inline_hash else 0):
    sys.exit(f"loader.py: {len(left)} inline script(s) in {path}, expected {1 if inline_hash else 0}")
with open(path, "w", encoding="utf-8") as page:
    page.write(html)
if inline_hash:
    print("loader.py: first-screen.js and the style sheet are in the page; the policy allows first-screen.js alone, by its hash")
else:
    print(f"loader.py: trunk's loader is {name}; the policy allows no inline script")
