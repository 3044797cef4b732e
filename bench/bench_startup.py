"""startup: process start to the main window painted on a demo store, vs a bare PySide6 window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.common import BenchResult, cache_dir, interleaved_medians

ROOT = Path(__file__).resolve().parents[1]


def demo_store() -> Path:
    path = cache_dir() / "startup-demo.sqlite"
    if not path.exists():
        from hydreight_desktop.services.demo import build_demo_clinic

        from hydreight_desktop.store.engine import open_store
        from hydreight_desktop.store.uow import UnitOfWork

        store = open_store(path)
        build_demo_clinic(UnitOfWork(store))
        store.close()
    return path


def _child(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", *args],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def run() -> BenchResult:
    db = str(demo_store())
    value, baseline = interleaved_medians(
        lambda: _child("app", db), lambda: _child("bare"), repeat=5
    )
    return BenchResult("startup", value, baseline, goal=2.0, unit="s")
