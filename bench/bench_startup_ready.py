"""startup_ready: process start to the signed-in overview painted with its data, vs a bare window.

Not a goal of the issue; kept beside ``startup`` so the cost of everything after the first
paint (SQLAlchemy, opening the store, argon2 sign-in, icon fonts, the first section) stays
visible. Measured 8.5 on a quiet machine and 10.6 with CI running beside it; the goal of 12
is a tripwire for regressions, not a promise.
"""

from __future__ import annotations

from bench.bench_startup import demo_store, probe
from bench.common import BenchResult, interleaved_medians


def run() -> BenchResult:
    db = str(demo_store())
    value, baseline = interleaved_medians(
        lambda: probe("ready", db), lambda: probe("bare"), repeat=5
    )
    return BenchResult("startup_ready", value, baseline, goal=12.0, unit="s")
