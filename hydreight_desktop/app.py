"""Entry point: the GUI by default, subcommands beside it."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from hydreight_desktop.cli import command_modules

log = logging.getLogger("hydreight_desktop")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hydreight-desktop",
        description="Hydreight Desktop: bookings, sessions and back office for mobile IV clinics.",
    )
    parser.add_argument(
        "--db", type=Path, help="the store file (default: in your user data folder)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the demo clinic (created when the store is empty)"
    )
    parser.add_argument(
        "--demo-scale", type=int, metavar="N", help="add N generated clients (for benchmarks)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="visit every section as the demo admin and exit (0 = all opened)",
    )
    parser.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help="with --smoke: save one PNG per section here",
    )
    parser.add_argument("--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", title="subcommands", metavar="COMMAND")
    for module in command_modules():
        known = set(sub.choices)
        module.add_parser(sub)
        for name in set(sub.choices) - known:
            sub.choices[name].set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)
    if args.command:
        return args.run(args)
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hydreight_desktop.ui.launcher import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
