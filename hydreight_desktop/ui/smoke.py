"""The support and CI check that the whole UI comes up: visit every section, save a picture of each."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from hydreight_desktop.ui.main_window import MainWindow
from hydreight_desktop.ui.widgets.messages import redirect_messages


def run_smoke(window: MainWindow, out_dir: Path | None) -> int:
    """Open each section, wait for its data, grab it to ``<out_dir>/<key>.png``; 0 when all worked."""
    problems: list[str] = []
    redirect_messages(lambda title, text: problems.append(f"{title}: {text}"))
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    window.resize(1280, 800)
    window.show()
    runner = window.ctx.runner
    for key in window.section_keys():
        before = len(problems)
        window.navigate(key)
        if not runner.wait_idle(30_000):
            problems.append(f"{key}: still loading after 30 seconds")
        QCoreApplication.processEvents()
        if key in window.section_errors:
            problems.append(f"{key}: {window.section_errors[key]!r}")
        elif len(problems) > before:
            problems[before:] = [f"{key}: {p}" for p in problems[before:]]
        if out_dir and key in window.pages:
            path = out_dir / f"{key}.png"
            if not window.grab().save(str(path)):
                problems.append(f"{key}: could not save {path}")
        print(f"smoke: {key:<12} {'FAILED' if len(problems) > before else 'ok'}")
    redirect_messages(None)
    if problems:
        print("smoke: these sections failed:", file=sys.stderr)
        for line in problems:
            print(f"  - {line}", file=sys.stderr)
        return 1
    print(
        f"smoke: all {len(window.section_keys())} sections opened"
        + (f"; pictures in {out_dir}" if out_dir else "")
    )
    return 0
