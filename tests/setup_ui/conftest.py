"""Fixtures for the back-office screens: an AppContext on a real store with a live DB worker.

A module that works on the demo clinic overrides ``store`` with ``demo_store``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.business import get_business
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.demo import DemoInfo, build_demo_clinic
from hydreight_desktop.store.engine import Store, open_store
from hydreight_desktop.store.uow import UnitOfWork
from hydreight_desktop.ui.context import AppContext
from tests.conftest import cheap_password_hashing


@pytest.fixture
def make_ctx(uow, runner, messages):
    """``make_ctx(actor)`` -> an AppContext for that signed-in user; navigation is recorded."""

    def build(actor: Actor) -> AppContext:
        ctx = AppContext(uow=uow, runner=runner, actor=actor, business=get_business(uow, actor))
        ctx.navigations = []
        ctx.navigate = lambda key, **params: ctx.navigations.append((key, params))
        return ctx

    return build


@pytest.fixture(scope="session")
def demo_template(template_store_path, tmp_path_factory) -> tuple[Path, DemoInfo]:
    """The demo clinic built once per test run (hashing its passwords takes seconds)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(template_store_path, path)
    built = open_store(path)
    with cheap_password_hashing():
        info = build_demo_clinic(UnitOfWork(built))
    built.close()
    return path, info


@pytest.fixture
def demo_store(tmp_path, demo_template) -> Store:
    """A fresh copy of the demo clinic's store for one test. Modules that use the demo say
    ``store = demo_store_fixture`` so the shared ``uow`` fixture opens this copy."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template[0], path)
    opened = open_store(path)
    yield opened
    opened.close()


@pytest.fixture
def demo(demo_template) -> DemoInfo:
    return demo_template[1]


@pytest.fixture
def sign_in_as(uow, demo):
    """``sign_in_as(Role.FRONT_DESK)`` -> that demo user's Actor."""

    def login(role: Role) -> Actor:
        who = demo.login_for(role)
        return sign_in(uow, demo.business_id, who.email, who.password)

    return login
