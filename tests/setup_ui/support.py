"""Helpers for the back-office screen tests."""

from __future__ import annotations

from hydreight_desktop.ui.context import AppContext


def settle(ctx: AppContext) -> None:
    """Let every queued service call report back (the screens never wait themselves)."""
    assert ctx.runner.wait_idle(), "a service call did not finish"
