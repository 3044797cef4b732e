"""Services screen: admins add and change services; everyone else only looks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.catalog import list_services
from hydreight_desktop.ui.sections.catalog import ServicesSection
from tests.setup_ui.support import settle


@pytest.fixture
def store(demo_store):
    """These tests work on the demo clinic."""
    return demo_store


def _section(qtbot, ctx) -> ServicesSection:
    section = ServicesSection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    return section


def test_creating_a_service_through_the_dialog_saves_it(qtbot, uow, admin, make_ctx):
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    assert section.panel.visible_rows() == 0
    assert "New service" in section.panel.empty_label.text()

    dialog = section.new_service()
    dialog.name.setText("Immunity IV")
    dialog.category.setEditText("IV Therapy")
    dialog.price.set_cents(18900)
    dialog.duration.setValue(45)
    dialog.needs_mse.setChecked(True)
    assert dialog.save_button.isEnabled()
    dialog.submit()
    settle(ctx)

    assert dialog.result() == dialog.DialogCode.Accepted
    saved = list_services(uow, admin)
    assert [(s.name, s.price_cents, s.duration_minutes, s.needs_mse) for s in saved] == [
        ("Immunity IV", 18900, 45, True)
    ]
    assert section.list.current().name == "Immunity IV"  # shown and selected in the list


def test_a_refused_save_shows_the_services_message_and_keeps_the_dialog_open(
    qtbot, uow, demo, sign_in_as, make_ctx
):
    admin = sign_in_as(Role.ADMIN)
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    dialog = section.new_service()
    dialog.name.setText("energy iv")  # the demo already sells "Energy IV"
    dialog.category.setEditText("IV Therapy")
    dialog.price.set_cents(10000)
    dialog.submit()
    settle(ctx)

    assert dialog.isVisible()
    assert "There is already a service called “energy iv”" in dialog.banner.text.text()
    assert "already a service" in dialog.form.problems()["name"]  # under the field it names
    assert len([s for s in list_services(uow, admin) if s.name.lower() == "energy iv"]) == 1


def test_a_service_missing_its_category_cannot_be_saved(qtbot, admin, make_ctx):
    ctx = make_ctx(admin)
    dialog = _section(qtbot, ctx).new_service()
    dialog.name.setText("Immunity IV")
    assert not dialog.save_button.isEnabled()
    assert dialog.form.problems() == {"category": "Please enter the category."}


def test_retiring_a_service_hides_it_from_the_offered_list(qtbot, uow, demo, sign_in_as, make_ctx):
    admin = sign_in_as(Role.ADMIN)
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    before = section.panel.visible_rows()
    section.panel.select_source_row(0)
    retired = section.list.current()
    section.toggle_active()
    settle(ctx)
    assert section.panel.visible_rows() == before - 1
    assert retired.id not in {s.id for s in list_services(uow, admin)}
    section.show_retired.setChecked(True)
    settle(ctx)
    row = section.list.model.row_of(retired.id)
    assert row >= 0
    assert section.list.model.index(row, 7).data() == "Retired"


def test_front_desk_sees_services_read_only(qtbot, demo, sign_in_as, make_ctx):
    ctx = make_ctx(sign_in_as(Role.FRONT_DESK))
    section = _section(qtbot, ctx)
    assert section.panel.visible_rows() > 0
    assert section.panel.new_button is None
    assert section.new_service() is None
    dialog = section.open_service(section.list.model.record(0))
    assert not dialog.save_button.isVisible()
    assert dialog.name.isReadOnly()
    assert "Only a Business Admin" in dialog.intro.text()


def test_ctrl_s_saves_the_service_dialog(qtbot, uow, admin, make_ctx):
    ctx = make_ctx(admin)
    dialog = _section(qtbot, ctx).new_service()
    qtbot.waitActive(dialog)
    dialog.name.setText("Vitamin C push")
    dialog.category.setEditText("Injections")
    dialog.price.set_cents(6500)
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(ctx)
    assert [s.name for s in list_services(uow, admin)] == ["Vitamin C push"]
