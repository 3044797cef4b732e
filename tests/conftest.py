"""Shared fixtures: a migrated store per test (copied from one template), a business and its admin."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hydreight_desktop.domain.roles import Role  # noqa: E402
from hydreight_desktop.services import passwords  # noqa: E402
from hydreight_desktop.services.business import BusinessSettings, NewBusiness, create_business  # noqa: E402
from hydreight_desktop.services.context import Actor  # noqa: E402
from hydreight_desktop.store.engine import Store, open_store  # noqa: E402
from hydreight_desktop.store.uow import UnitOfWork  # noqa: E402

# Same argon2 algorithm at its lightest cost: the tests check who may do what, not hash
# strength, and the default cost (~0.1-0.2 s a hash) would dominate the suite's run time.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

ADMIN_EMAIL = "owner@glowclinic.com"
ADMIN_PASSWORD = "correct-horse-42"


@contextmanager
def cheap_password_hashing():
    """For fixtures wider than one test (module-scoped demo stores)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_hasher", CHEAP_HASHER)
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing():
    with cheap_password_hashing():
        yield


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch):
    """A message box nobody expected fails the test at once instead of waiting for a click.

    Tests that expect one redirect messages (``redirect_messages``) or patch ``confirm``.
    """
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **_kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected message box: {' / '.join(texts)}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(unexpected))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: unexpected(self.windowTitle(), self.text()))


@pytest.fixture
def runner(qapp):
    """The app's DB worker, as screens use it; drained and stopped after the test."""
    from hydreight_desktop.ui.tasks import TaskRunner

    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()
    task_runner.shutdown()


@pytest.fixture
def messages():
    """Message boxes land in this list as (title, text) instead of blocking the test;
    confirmations answer yes."""
    from hydreight_desktop.ui.widgets.messages import redirect_messages

    shown: list[tuple[str, str]] = []
    redirect_messages(lambda title, text: shown.append((title, text)))
    yield shown
    redirect_messages(None)


@pytest.fixture(scope="session")
def template_store_path(tmp_path_factory) -> Path:
    """Migrate once per test run; each test gets a copy (migrations are tested on their own)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    store = open_store(path)
    store.close()
    return path


@pytest.fixture
def store(tmp_path, template_store_path) -> Store:
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(template_store_path, path)
    opened = open_store(path)
    yield opened
    opened.close()


@pytest.fixture
def uow(store) -> UnitOfWork:
    return UnitOfWork(store)


@pytest.fixture
def business(uow):
    return create_business(
        uow,
        NewBusiness(
            settings=BusinessSettings(name="Glow Mobile IV", time_zone="America/New_York"),
            admin_name="Olivia Owner",
            admin_email=ADMIN_EMAIL,
            admin_password=ADMIN_PASSWORD,
        ),
    )


@pytest.fixture
def admin(uow, business) -> Actor:
    from hydreight_desktop.services.auth import sign_in

    actor = sign_in(uow, business.id, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert actor.role == Role.ADMIN
    return actor
