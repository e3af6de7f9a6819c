#!/usr/bin/env python3
"""Checks the app's layering by reading its `use` lines and paths (run by `make test`).

The rules, from ARCHITECTURE.md:
- no component imports the root component (`crate::app`): shared state is in `context`;
- no browser adapter imports the words (`crate::i18n`), the components, or the context:
  adapters return typed values and errors, the screens put them into words;
- `context` and `i18n` import no component;
- the router and the workflows (`crates/app-core`) and the domain (`crates/core`) depend on
  nothing of the web (no leptos, web-sys, js-sys, wasm-bindgen, gloo): the compiler then
  keeps them from importing a component.
Exits non-zero, naming each file and rule broken.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

# A crate path as it appears in code: `crate::app::…`, or `crate::{app, …}` in a use line.
def imported_modules(text):
    code = "\n".join(line.split("//", 1)[0] for line in text.splitlines())
    modules = set(re.findall(r"\bcrate::([a-z0-9_]+)", code))
    for group in re.findall(r"\bcrate::\{([^}]*)\}", code, flags=re.S):
        modules.update(re.findall(r"(?:^|,)\s*([a-z0-9_]+)", group))
    return modules

RULES = [
    # (files, forbidden modules, why)
    ("components/**/*.rs", {"app"}, "a component imports the root component"),
    ("browser/**/*.rs", {"i18n", "components", "context", "app"},
     "a browser adapter imports the words or the screens"),
    ("context.rs", {"components", "app"}, "the shared state imports a screen"),
    ("i18n.rs", {"components", "app", "context"}, "the words import a screen"),
]

WEB_CRATES = ("leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo")


def main():
    problems = []
    for pattern, forbidden, why in RULES:
        for path in sorted(SRC.glob(pattern)):
            found = imported_modules(path.read_text(encoding="utf-8")) & forbidden
            for module in sorted(found):
                problems.append(f"{path.relative_to(ROOT)}: crate::{module} ({why})")
    for crate in ("crates/core", "crates/app-core"):
        manifest = (ROOT / crate / "Cargo.toml").read_text(encoding="utf-8")
        dependencies = manifest.split("[dependencies]", 1)[-1].split("\n[", 1)[0]
        for web in WEB_CRATES:
            if re.search(rf"^{re.escape(web)}\b", dependencies, flags=re.M):
                problems.append(f"{crate}/Cargo.toml: depends on {web} (must not know the web)")
    if (SRC / "route.rs").exists():
        problems.append("src/route.rs: the router belongs in crates/app-core, below the components")
    for problem in problems:
        print(f"layering: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"layering: {sum(1 for _ in SRC.rglob('*.rs'))} files, rules hold")


if __name__ == "__main__":
    main()
