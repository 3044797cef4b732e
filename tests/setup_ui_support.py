"""Fixtures for the back-office screens: an AppContext on a real store with a live DB worker."""

from __future__ import annotations

import pytest

from hydreight_desktop.services.business import get_business
from hydreight_desktop.services.context import Actor
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()
    task_runner.shutdown()


@pytest.fixture
def make_ctx(uow, runner):
    """``make_ctx(actor)`` -> an AppContext for that signed-in user; navigation is recorded."""

    def build(actor: Actor) -> AppContext:
        ctx = AppContext(uow=uow, runner=runner, actor=actor, business=get_business(uow, actor))
        ctx.navigations = []
        ctx.navigate = lambda key, **params: ctx.navigations.append((key, params))
        return ctx

    return build


def settle(ctx: AppContext) -> None:
    """Let every queued service call report back (the screens never wait themselves)."""
    assert ctx.runner.wait_idle(), "a service call did not finish"
