"""Shared pieces of the benchmarks: the result record and a robust timer."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BenchResult:
    """One measurement and its same-run baseline; ``ratio`` is what the goal bounds."""

    name: str
    value: float
    baseline: float
    goal: float
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool:
        return self.ratio <= self.goal

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "value": round(self.value, 6),
            "baseline": round(self.baseline, 6),
            "ratio": round(self.ratio, 3),
            "goal": self.goal,
            "unit": self.unit,
        }


def median_time(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs after ``warmup`` unmeasured ones."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def interleaved_medians(
    measured: Callable[[], object], baseline: Callable[[], object], repeat: int = 7
) -> tuple[float, float]:
    """Median times of two callables run alternately, so machine noise hits both alike."""
    measured()
    baseline()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for fn, samples in ((measured, a), (baseline, b)):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def cache_dir() -> Path:
    """Where generated benchmark stores are kept between runs."""
    folder = Path(tempfile.gettempdir()) / "hydreight-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
