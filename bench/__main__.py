"""``python -m bench [--json] [NAME...]``: run the benchmarks under bench/ and print their ratios."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def available() -> list[str]:
    folder = Path(__file__).parent
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules([str(folder)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument(
        "names", nargs="*", help=f"benchmarks to run (default all): {', '.join(available())}"
    )
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(available())}")
    missed = 0
    for name in names:
        result = importlib.import_module(f"bench.bench_{name}").run()
        missed += not result.met
        if args.json:
            print(json.dumps(result.as_dict()), flush=True)
        else:
            verdict = "meets" if result.met else "MISSES"
            print(
                f"{result.name:<16} {result.value:.4f}{result.unit} vs baseline {result.baseline:.4f}{result.unit}"
                f"  ratio {result.ratio:.2f} ({verdict} goal <= {result.goal})",
                flush=True,
            )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
