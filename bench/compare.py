#!/usr/bin/env python3
"""The tool a user would reach for instead of claimdiff: load a ledger with
PyYAML's C loader (libyaml) and group its claims by topic.

    python3 bench/compare.py ledger.yaml [--loader CSafeLoader|CLoader]

It prints a one-line summary on stderr and nothing on stdout. The internal
benchmark (go run ./internal/bench) times it beside claimdiff on the same
generated ledger; see BENCHMARKS.md.
"""

import argparse
import sys
from collections import defaultdict

import yaml


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger")
    ap.add_argument("--loader", default="CSafeLoader", choices=["CSafeLoader", "CLoader"],
                    help="the libyaml loader: CSafeLoader (default, what untrusted input calls for) or CLoader")
    args = ap.parse_args()

    loader = getattr(yaml, args.loader, None)
    if loader is None:
        sys.exit("compare.py: this PyYAML was built without libyaml; the C loaders are missing")
    with open(args.ledger, "rb") as f:
        doc = yaml.load(f, Loader=loader)

    claims = doc.get("claims") or []
    by_topic = defaultdict(list)
    for c in claims:
        by_topic[c["topic"]].append(c)
    print(f"{len(claims)} claims in {len(by_topic)} topics", file=sys.stderr)


if __name__ == "__main__":
    main()
