"""startup: process start to the main window painted on a demo store, vs a bare PySide6 window.

The window paints before the store is opened (the store opens on the DB worker), so this is
the time until the clinic sees the app. ``bench_startup_ready`` measures until the signed-in
overview has its data.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BenchResult, cache_dir

ROOT = Path(__file__).resolve().parents[1]


def demo_store() -> Path:
    """A demo clinic store, built once and reused by later runs."""
    path = cache_dir() / "startup-demo.sqlite"
    if not path.exists():
        from hydreight_desktop.services.demo import build_demo_clinic
        from hydreight_desktop.store.engine import open_store
        from hydreight_desktop.store.uow import UnitOfWork

        store = open_store(path)
        build_demo_clinic(UnitOfWork(store))
        store.close()
    return path


def probe(*args: str) -> float:
    """Seconds from starting the child process to its reported first paint."""
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    painted = next(line for line in out.splitlines() if line.startswith("painted-at "))
    return float(painted.split()[1]) - started


def paired_medians(measured: list[str], baseline: list[str], repeat: int) -> tuple[float, float]:
    """Median start-to-paint times of two probes run alternately (noise hits both alike)."""
    probe(*measured), probe(*baseline)
    a, b = [], []
    for _ in range(repeat):
        a.append(probe(*measured))
        b.append(probe(*baseline))
    return statistics.median(a), statistics.median(b)


def run() -> BenchResult:
    value, baseline = paired_medians(["app", str(demo_store())], ["bare"], repeat=7)
    return BenchResult("startup", value, baseline, goal=2.0, unit="s")
