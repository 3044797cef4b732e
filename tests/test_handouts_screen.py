"""The Handouts & links screen: choosing providers, preview, saving, printing, new codes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from hydreight_desktop.documents.handouts import Layout, Paper
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.business import get_business
from hydreight_desktop.services.handouts import HandoutRequest, make_handouts_pdf
from hydreight_desktop.services.link_codes import business_link, csp_link
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.printing import make_printer, paint_pdf
from hydreight_desktop.ui.sections import handouts as screen
from tests.handouts_support import actor_as, add_csp
from tests.pdf_scan import decode_qr_codes, render_pages


@pytest.fixture
def team(uow, admin):
    return (
        add_csp(uow, admin, "Jane Rivera", "jane@glowclinic.com"),
        add_csp(uow, admin, "Sam Lee", "sam@glowclinic.com", live=False),
    )


def open_screen(qtbot, uow, runner, actor, tmp_path, messages=None):
    ctx = AppContext(
        uow,
        runner,
        actor,
        get_business(uow, actor),
        status_message=(messages.append if messages is not None else lambda text: None),
    )
    widget = screen.HandoutsSection(
        ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    runner.wait_idle()
    return widget


def settle(qtbot, runner):
    qtbot.wait(300)  # the preview waits for ticking and choosing to pause
    runner.wait_idle()


def test_providers_are_listed_with_whether_they_are_live(qtbot, uow, admin, runner, team, tmp_path):
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    texts = [widget.providers.item(i).text() for i in range(widget.providers.count())]
    assert texts == ["Jane Rivera, RN", "Sam Lee, RN  (not live)"]
    assert widget.count.text() == "0 of 2 providers selected"
    assert not widget.save_button.isEnabled()


def test_ticking_a_provider_previews_their_flyer(qtbot, uow, admin, runner, team, tmp_path):
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.providers.item(0).setCheckState(Qt.CheckState.Checked)
    settle(qtbot, runner)
    assert widget.preview_stack.currentWidget() is widget.preview
    assert widget._document.pageCount() == 1
    assert widget.pages.text() == "1 page, US Letter"
    assert widget.save_button.isEnabled()


def test_the_table_tent_previews_without_choosing_providers(
    qtbot, uow, admin, runner, team, tmp_path
):
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.layout_choice.setCurrentIndex(list(Layout).index(Layout.TENT))
    settle(qtbot, runner)
    assert widget.preview_stack.currentWidget() is widget.preview
    assert widget.print_button.isEnabled()
    assert not widget.services.isEnabled()


def test_ticking_a_provider_not_live_shows_a_warning(qtbot, uow, admin, runner, team, tmp_path):
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.providers.item(1).setCheckState(Qt.CheckState.Checked)
    assert not widget.not_live.isHidden()
    assert "Sam Lee" in widget.not_live.text()


def test_searching_narrows_the_list_and_select_all_ticks_only_what_is_shown(
    qtbot, uow, admin, runner, team, tmp_path
):
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.search.setText("sam")
    widget._check_all(True)
    assert widget.selected_csp_ids() == [team[1]]


def test_saving_writes_the_pdf_off_the_ui_thread(qtbot, uow, admin, runner, team, tmp_path):
    messages: list[str] = []
    widget = open_screen(qtbot, uow, runner, admin, tmp_path, messages)
    widget._check_all(True)
    widget.layout_choice.setCurrentIndex(list(Layout).index(Layout.CARDS))
    widget.paper_choice.setCurrentIndex(list(Paper).index(Paper.A4))
    out = tmp_path / "cards.pdf"
    widget.save_to(str(out), confirm_not_live=True)
    runner.wait_idle()
    assert messages[-1] == f"Saved handouts for 2 providers to {out}"
    pages = render_pages(out.read_bytes())
    jane, sam = team
    assert decode_qr_codes(pages[0]) == [csp_link(uow, admin, jane).link] * 10
    assert decode_qr_codes(pages[1]) == [csp_link(uow, admin, sam).link] * 10


def test_saving_for_a_provider_not_live_asks_first(
    qtbot, uow, admin, runner, team, tmp_path, monkeypatch
):
    asked: list[str] = []
    monkeypatch.setattr(
        screen, "confirm", lambda parent, title, text, yes: asked.append(text) or False
    )
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.providers.item(1).setCheckState(Qt.CheckState.Checked)
    out = tmp_path / "flyer.pdf"
    widget.save_to(str(out))
    runner.wait_idle()
    assert asked and "Sam Lee is not live" in asked[0]
    assert not out.exists()  # the answer was no


def test_the_printer_gets_every_page_with_scannable_codes(qtbot, uow, admin, tmp_path):
    pdf = make_handouts_pdf(uow, admin, HandoutRequest(Layout.TENT, Paper.A4))
    printer = make_printer(Paper.A4, "tent")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_pdf(printer, pdf) == 1
    (page,) = render_pages(out.read_bytes())
    link = business_link(uow, admin).link
    assert decode_qr_codes(page) == [link, link]


def test_links_tab_shows_the_current_providers_link_and_copies_it(
    qtbot, uow, admin, runner, team, tmp_path
):
    messages: list[str] = []
    widget = open_screen(qtbot, uow, runner, admin, tmp_path, messages)
    widget.navigate_to(csp_id=team[0], tab="links")
    record = csp_link(uow, admin, team[0])
    assert widget.tabs.currentIndex() == 1
    assert widget.csp_panel.code.text() == record.code
    assert widget.csp_panel.link.text() == record.link
    widget.csp_panel.copy_link.click()
    assert QGuiApplication.clipboard().text() == record.link
    widget.csp_panel.kind.setCurrentIndex(1)
    widget.csp_panel.copy_snippet.click()
    assert QGuiApplication.clipboard().text() == record.snippets.button
    assert messages[-1] == "Widget HTML copied to the clipboard."


def test_an_admin_issues_a_new_code_after_confirming(
    qtbot, uow, admin, runner, team, tmp_path, monkeypatch
):
    monkeypatch.setattr(screen, "confirm", lambda *args, **kwargs: True)
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.navigate_to(csp_id=team[0], tab="links")
    old = widget.csp_panel.code.text()
    widget.csp_panel.regenerate.click()
    runner.wait_idle()
    runner.wait_idle()  # the list reloads after the new code
    new = csp_link(uow, admin, team[0]).code
    assert new != old and widget.csp_panel.code.text() == new
    assert widget.csp_panel.history.rowCount() == 2


def test_the_front_desk_sees_no_new_code_button(qtbot, uow, admin, runner, team, tmp_path):
    widget = open_screen(qtbot, uow, runner, actor_as(admin, Role.FRONT_DESK), tmp_path)
    assert widget.business_panel.regenerate.isHidden()
    assert widget.csp_panel.regenerate.isHidden()


def test_the_not_live_warning_goes_away_for_the_table_tent(
    qtbot, uow, admin, runner, team, tmp_path
):
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.providers.item(1).setCheckState(Qt.CheckState.Checked)
    widget.layout_choice.setCurrentIndex(list(Layout).index(Layout.TENT))
    assert widget.not_live.isHidden()


def test_an_unusable_booking_link_address_is_explained_in_the_preview(
    qtbot, uow, admin, runner, team, tmp_path
):
    from hydreight_desktop.store.models import Business

    with uow.write(admin, "test.set_base") as s:
        s.get(Business, admin.business_id).booking_link_base = "ftp://glow.com/"
    widget = open_screen(qtbot, uow, runner, admin, tmp_path)
    widget.layout_choice.setCurrentIndex(list(Layout).index(Layout.TENT))
    settle(qtbot, runner)
    assert widget.preview_stack.currentWidget() is widget.placeholder
    assert "must start with https://" in widget.placeholder.text()
    assert not widget.business_panel.problem.isHidden()
    assert not widget.business_panel.copy_link.isEnabled()
