"""The sign-in screen: wrong details keep it open with the message; right ones sign in."""

from hydreight_desktop.services.auth import SIGN_IN_REFUSED
from hydreight_desktop.ui.login import LoginDialog
from hydreight_desktop.ui.tasks import TaskRunner
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD


def test_wrong_password_shows_the_message_and_right_one_signs_in(qtbot, uow, business):
    runner = TaskRunner()
    dialog = LoginDialog(uow, runner, business)
    qtbot.addWidget(dialog)
    dialog.email.setText(ADMIN_EMAIL)
    dialog.password.setText("nope")
    dialog.submit()
    runner.wait_idle()
    assert dialog.error.text() == SIGN_IN_REFUSED and dialog.actor is None
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.submit()
    runner.wait_idle()
    assert dialog.actor is not None and dialog.actor.email == ADMIN_EMAIL
    runner.shutdown()
