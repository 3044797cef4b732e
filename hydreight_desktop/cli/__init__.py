"""Subcommands beside the GUI (``python main.py <command> ...``).

Each module in ``COMMANDS`` has ``add_parser(subparsers)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

COMMAND_MODULES: list[str] = [
    "handouts",
]


def command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"hydreight_desktop.cli.{name}") for name in COMMAND_MODULES]
