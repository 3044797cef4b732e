"""The main window: role-based sidebar, navigation, status bar, work off the UI thread."""

import threading

import pytest
from PySide6.QtCore import QSettings

from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.context import Actor
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.main_window import MainWindow
from hydreight_desktop.ui.sections import SECTIONS


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _window(qtbot, uow, runner, business, actor, settings) -> MainWindow:
    window = MainWindow(AppContext(uow, runner, actor, business), settings)
    qtbot.addWidget(window)
    runner.wait_idle()
    return window


def test_database_work_runs_on_the_worker_thread_and_reports_back(qtbot, runner):
    seen = {}
    runner.submit(
        lambda: threading.current_thread().name, on_result=lambda name: seen.update(name=name)
    )
    assert runner.wait_idle()
    assert seen["name"] != threading.main_thread().name


def test_a_refusal_reaches_the_error_callback_with_its_message(qtbot, runner):
    def refuse():
        raise DomainError("Pick a later time.")

    errors = []
    runner.submit(refuse, on_error=errors.append)
    assert runner.wait_idle()
    assert [str(e) for e in errors] == ["Pick a later time."]


def test_admin_sees_every_section_and_front_desk_only_theirs(
    qtbot, uow, runner, business, admin, settings
):
    window = _window(qtbot, uow, runner, business, admin, settings)
    assert window.section_keys() == [spec.key for spec in SECTIONS]
    hcp = Actor("x", business.id, Role.HCP, "Dr Who", "dr@glowclinic.com")
    hcp_window = _window(qtbot, uow, runner, business, hcp, settings)
    allowed = [spec.key for spec in SECTIONS if hcp.can(spec.permission)]
    assert hcp_window.section_keys() == allowed


def test_status_bar_shows_sync_state_and_clock_with_zone(
    qtbot, uow, runner, business, admin, settings
):
    window = _window(qtbot, uow, runner, business, admin, settings)
    window.refresh_sync_state()
    runner.wait_idle()
    assert window.sync_label.text().startswith("Sync: offline")
    assert "waiting" in window.sync_label.text()
    assert window.clock_label.text().endswith(("EST", "EDT"))


def test_navigate_opens_the_section_and_remembers_it(qtbot, uow, runner, business, admin, settings):
    window = _window(qtbot, uow, runner, business, admin, settings)
    last = window.section_keys()[-1]
    window.navigate(last)
    assert window.current_key() == last
    window.save_state()
    again = _window(qtbot, uow, runner, business, admin, settings)
    assert again.current_key() == last


def test_every_section_opens_without_error(qtbot, uow, runner, business, admin, settings):
    from hydreight_desktop.ui.widgets.messages import redirect_messages

    shown: list[str] = []
    redirect_messages(lambda title, text: shown.append(f"{title}: {text}"))
    try:
        window = _window(qtbot, uow, runner, business, admin, settings)
        for key in window.section_keys():
            window.navigate(key)
            runner.wait_idle()
            assert key not in window.section_errors, window.section_errors[key]
        assert shown == []
    finally:
        redirect_messages(None)


def test_ctrl_digit_opens_the_sections_in_sidebar_order(qtbot, uow, runner, business, admin, settings):
    from PySide6.QtCore import Qt

    window = _window(qtbot, uow, runner, business, admin, settings)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == window.section_keys()[2]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == window.section_keys()[0]
