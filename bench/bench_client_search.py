"""client_search: a search over 100,000 clients until the list model's rows are ready.

Measured: the Clients screen's own table model (``ClientTableModel``) asked to search, on the
real task runner: every matching id in display order (so the list knows its length) comes back
from the DB worker, then the first page of rows, until the model says that page is loaded.
Baseline, same run: one bare hand-written SQL query on a plain sqlite3 connection returning
just that first page from the same indexes. Searches: a common last-name prefix, a word that is
both a first name and a last-name prefix, and an email prefix.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.common import BenchResult, cache_dir, interleaved_medians

CLIENTS = 100_000
PAGE = 200  # the model's page size (ui/sections/clients_model.PAGE_SIZE)
SEARCHES = ("smi", "john", "maria.g")
STORE_NAME = f"clients-{CLIENTS // 1000}k-v2.sqlite"
ADMIN_EMAIL = "owner@benchclinic.com"
ADMIN_PASSWORD = "bench-clinic-2026"

BARE_SQL = """
SELECT id, first_name, last_name, email, phone, date_of_birth FROM clients
WHERE rowid IN (
    SELECT rowid FROM clients WHERE business_id = :b AND first_name_key >= :q AND first_name_key < :q || char(65535)
    UNION ALL
    SELECT rowid FROM clients WHERE business_id = :b AND last_name_key >= :q AND last_name_key < :q || char(65535)
    UNION ALL
    SELECT rowid FROM clients WHERE business_id = :b AND email_key >= :q AND email_key < :q || char(65535)
)
ORDER BY last_name_key, first_name_key, id
LIMIT :page
"""


def client_store() -> Path:
    """A store with 100,000 generated clients, built once (into a temp name, then renamed)."""
    path = cache_dir() / STORE_NAME
    if path.exists():
        return path
    from hydreight_desktop.services.business import BusinessSettings, NewBusiness, create_business
    from hydreight_desktop.services.demo import generate_clients
    from hydreight_desktop.store.engine import open_store
    from hydreight_desktop.store.uow import UnitOfWork

    partial = path.with_suffix(".partial")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    store = open_store(partial)
    uow = UnitOfWork(store)
    business = create_business(
        uow,
        NewBusiness(BusinessSettings(name="Bench Clinic"), "Bench Owner", ADMIN_EMAIL, ADMIN_PASSWORD),
    )
    generate_clients(uow, business.id, CLIENTS, seed=100)
    store.close()
    partial.rename(path)
    return path


def run() -> BenchResult:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from hydreight_desktop.services.auth import sign_in
    from hydreight_desktop.services.business import first_business
    from hydreight_desktop.store.engine import open_store
    from hydreight_desktop.store.uow import UnitOfWork
    from hydreight_desktop.ui.context import AppContext
    from hydreight_desktop.ui.sections.clients_model import PAGE_SIZE, ClientTableModel
    from hydreight_desktop.ui.tasks import TaskRunner

    assert PAGE_SIZE == PAGE
    app = QApplication.instance() or QApplication([])
    path = client_store()
    store = open_store(path)
    uow = UnitOfWork(store)
    business = first_business(uow)
    actor = sign_in(uow, business.id, ADMIN_EMAIL, ADMIN_PASSWORD)
    runner = TaskRunner()
    model = ClientTableModel(AppContext(uow, runner, actor, business), str)
    bare = sqlite3.connect(path)

    def through_model() -> list[list[str]]:
        pages = []
        for text in SEARCHES:
            loop = QEventLoop()
            model.pageLoaded.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)  # never hang a benchmark run
            model.search(text)
            loop.exec()
            model.pageLoaded.disconnect(loop.quit)
            pages.append([row.id for row in model.pages[0].values()] if 0 in model.pages else [])
        return pages

    def bare_sql() -> list[list[str]]:
        return [
            [row[0] for row in bare.execute(BARE_SQL, {"b": business.id, "q": q, "page": PAGE})]
            for q in SEARCHES
        ]

    if through_model() != bare_sql():
        raise AssertionError("the list model and the bare query disagree on the first page")
    value, baseline = interleaved_medians(through_model, bare_sql, repeat=31)
    bare.close()
    runner.shutdown()
    store.close()
    del app
    return BenchResult("client_search", value, baseline, goal=3.0, unit="s")


if __name__ == "__main__":
    result = run()
    print(result.as_dict())
