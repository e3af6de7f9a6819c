#!/usr/bin/env python3
"""The largest contributors to the app's wasm, for `make bench` and BENCHMARKS.md.

Reads `twiggy top` (installed by the bootstrap) on a wasm optimised as the release is
(`wasm-opt -Oz`) but with its names kept (`-g`), and groups every item by what it belongs
to: the crate of a function (`tachys::…`), the trait's crate for a generic item
(`<T as tachys::view::any_view::IntoAny>::…` is tachys' code), the serde derives of our own
crates apart from the rest of them, and the data segments (texts and tables) together.

    scripts/contributors.py FILE.wasm [--top N] [--json OUT.json]

Prints a Markdown table (bytes of code and data, share of the whole without the name
section) and, with --json, writes every group's size.
"""
import argparse
import csv
import io
import json
import re
import subprocess
import sys

CRATE = re.compile(r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::")
# `<X as path::Trait>::…`: generic code belongs to the trait's crate when X is a type
# parameter or a reference to one; otherwise to X's own crate.
AS_TRAIT = re.compile(r"^<(&(?:mut )?)?([^<>]*?(?:<.*?>)?) as ([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::")
SERDE_DERIVE = re.compile(r"^(fabrique[a-z_]*)::.*impl serde_core::(?:ser::Serialize|de::Deserialize)")


def group_of(name: str) -> str | None:
    """The group an item of `twiggy top` belongs to, or None for what is not shipped."""
    if name.startswith('"function names"') or name.startswith("custom section"):
        return None
    if name.startswith("data segment"):
        return "data segments (texts, tables)"
    if name.startswith(("export ", "import ", "table[", "elem[")):
        return "imports, exports, the function table"
    serde = SERDE_DERIVE.match(name)
    if serde:
        return f"{serde.group(1)} (serde derives)"
    trait = AS_TRAIT.match(name)
    if trait:
        subject = trait.group(2)
        own = CRATE.match(subject)
        if own and not re.fullmatch(r"[A-Z]", subject):
            return own.group(1)
        return trait.group(3)
    crate = CRATE.match(name.lstrip("<&").removeprefix("mut ").removeprefix("dyn "))
    if crate:
        return crate.group(1)
    return "other (wasm-bindgen shims, unnamed)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wasm")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()
    try:
        listing = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", args.wasm],
                                 check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:
        print("contributors: twiggy is missing: run 'make bootstrap'", file=sys.stderr)
        return 2
    groups: dict[str, int] = {}
    for row in csv.DictReader(io.StringIO(listing)):
        group = group_of(row["Name"])
        if group is not None:
            groups[group] = groups.get(group, 0) + int(row["ShallowSize"])
    total = sum(groups.values())
    ranked = sorted(groups.items(), key=lambda item: -item[1])
    print("| contributor | bytes (after wasm-opt -Oz) | share |")
    print("|---|---:|---:|")
    for group, size in ranked[: args.top]:
        print(f"| {group} | {size:,} | {100 * size / total:.1f} % |")
    rest = sum(size for _, size in ranked[args.top:])
    print(f"| the {len(ranked) - args.top} others | {rest:,} | {100 * rest / total:.1f} % |")
    print(f"| **total** (without the name section) | **{total:,}** | 100 % |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"total": total, "groups": dict(ranked)}, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
