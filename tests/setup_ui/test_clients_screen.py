"""Clients screen: a table over ids that loads rows page by page, searches as you type in SQL."""

from __future__ import annotations

import csv

import pytest

from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.clients import get_client, search_client_ids
from hydreight_desktop.services.demo import generate_clients
from hydreight_desktop.ui.sections.clients import ClientsSection
from hydreight_desktop.ui.sections.clients_model import LOADING, PAGE_SIZE
from tests.setup_ui.support import settle

GENERATED = 1000


@pytest.fixture
def store(demo_store):
    """These tests work on the demo clinic."""
    return demo_store


@pytest.fixture
def admin_ctx(uow, demo, sign_in_as, make_ctx):
    generate_clients(uow, demo.business_id, GENERATED)
    return make_ctx(sign_in_as(Role.ADMIN))


def _section(qtbot, ctx) -> ClientsSection:
    section = ClientsSection(ctx)
    section.resize(1000, 600)
    qtbot.addWidget(section)
    section.show()
    settle(ctx)
    return section


def test_the_client_list_loads_pages_only_when_they_are_shown(qtbot, demo, admin_ctx):
    section = _section(qtbot, admin_ctx)
    model = section.model
    total = len(demo.client_ids) + GENERATED
    assert model.rowCount() == total
    assert section.panel.count_label.text() == f"{total:,} clients"
    assert set(model.pages) == {0}  # only the rows on screen were fetched

    far = 4 * PAGE_SIZE + 10
    assert model.index(far, 0).data() == LOADING
    settle(admin_ctx)
    assert set(model.pages) == {0, 4}
    row = model.row_record(far)
    assert model.index(far, 0).data() == f"{row.last_name}, {row.first_name}"


def test_searching_narrows_the_rows_as_you_type(qtbot, uow, demo, admin_ctx):
    section = _section(qtbot, admin_ctx)
    client = get_client(uow, admin_ctx.actor, demo.client_ids[0])
    section.panel.search.setText(client.email[:-1])  # typed, not yet finished
    qtbot.waitUntil(lambda: section.model.rowCount() == 1 and section.model.is_row_loaded(0))
    settle(admin_ctx)
    assert section.model.index(0, 1).data() == client.email
    assert section.panel.count_label.text().startswith("1 of ")

    section.panel.search.setText("no such client anywhere")
    qtbot.waitUntil(lambda: section.model.rowCount() == 0)
    assert "No clients match" in section.panel.empty_label.text()


def test_answers_to_an_older_search_are_dropped(qtbot, uow, demo, admin_ctx):
    section = _section(qtbot, admin_ctx)
    client = get_client(uow, admin_ctx.actor, demo.client_ids[0])
    counts = []
    section.model.idsLoaded.connect(counts.append)
    section.model.search("a")  # the worker answers this one first...
    section.model.search(client.email)  # ...but the user has typed on since
    settle(admin_ctx)
    assert counts == [1]
    assert section.model.ids == [client.id]


def test_export_writes_every_matching_client_not_just_the_loaded_pages(
    qtbot, tmp_path, uow, admin_ctx
):
    section = _section(qtbot, admin_ctx)
    expected = search_client_ids(uow, admin_ctx.actor, "")
    path = tmp_path / "clients.csv"
    section.panel.export_to(path)
    settle(admin_ctx)
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Name", "Email", "Phone", "Date of birth"]
    assert len(rows) == len(expected) + 1


def test_a_new_client_needs_the_email_typed_twice(qtbot, uow, admin_ctx):
    section = _section(qtbot, admin_ctx)
    dialog = section.new_client()
    dialog.person.first.setText("Rosa")
    dialog.person.last.setText("Diaz")
    dialog.email.email.setText("rosa.diaz@example.com")
    dialog.email.again.setText("rosa.dias@example.com")
    assert "double-check" in dialog.email.warning.text.text()
    assert not dialog.save_button.isEnabled()
    assert "not the same" in dialog.form.problems()["email_again"]
    dialog.email.again.setText("Rosa.Diaz@example.com")
    dialog.submit()
    settle(admin_ctx)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert search_client_ids(uow, admin_ctx.actor, "rosa.diaz@example.com")


def test_navigate_to_opens_the_clients_record_with_its_email_read_only(qtbot, demo, admin_ctx):
    section = _section(qtbot, admin_ctx)
    section.navigate_to(client_id=demo.client_ids[2])
    settle(admin_ctx)
    dialog = section.dialog
    assert dialog.isVisible() and dialog.record.id == demo.client_ids[2]
    email = dialog.form.widget("email")
    assert email.isReadOnly() and "never be changed" in email.toolTip()


def test_an_address_added_in_the_record_is_saved_and_listed(qtbot, uow, demo, admin_ctx):
    section = _section(qtbot, admin_ctx)
    section.navigate_to(client_id=demo.client_ids[3])
    settle(admin_ctx)
    record = section.dialog
    before = len(record.record.addresses)
    address = record.edit_address(None)
    fields = address.fields
    fields.line1.setText("77 Palm Ave")
    fields.city.setText("Miami Beach")
    fields.state.setText("fl")
    fields.zip.setText("33139")
    address.submit()
    settle(admin_ctx)
    assert len(get_client(uow, admin_ctx.actor, demo.client_ids[3]).addresses) == before + 1
    assert record.addresses.rowCount() == before + 1


def test_allergies_changed_in_the_record_are_saved(qtbot, uow, demo, admin_ctx):
    section = _section(qtbot, admin_ctx)
    section.navigate_to(client_id=demo.client_ids[4])
    settle(admin_ctx)
    dialog = section.dialog
    dialog.person.allergies.setPlainText("Latex; sulfa drugs")
    dialog.submit()
    settle(admin_ctx)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert get_client(uow, admin_ctx.actor, demo.client_ids[4]).allergies == "Latex; sulfa drugs"


def test_an_hcp_reads_client_records_without_changing_them(qtbot, demo, sign_in_as, make_ctx):
    ctx = make_ctx(sign_in_as(Role.HCP))
    section = _section(qtbot, ctx)
    assert section.panel.new_button is None
    section.navigate_to(client_id=demo.client_ids[0])
    settle(ctx)
    dialog = section.dialog
    assert dialog.person.first.isReadOnly() and dialog.save_button.isHidden()
    assert dialog.edit_address(None) is None
