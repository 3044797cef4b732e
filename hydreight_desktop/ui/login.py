"""Sign-in dialog. For the demo clinic it shows the sign-in details and one-click buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.business import BusinessRecord
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.demo_accounts import DEMO_ACCOUNTS, DemoAccount
from hydreight_desktop.store.uow import UnitOfWork
from hydreight_desktop.ui.tasks import TaskRunner
from hydreight_desktop.ui.widgets.messages import error_text


class LoginDialog(QDialog):
    """Accepts with ``self.actor`` set once the service has checked the credentials."""

    def __init__(
        self, uow: UnitOfWork, runner: TaskRunner, business: BusinessRecord, parent=None
    ) -> None:
        super().__init__(parent)
        self.uow, self.runner, self.business = uow, runner, business
        self.actor: Actor | None = None
        self.setWindowTitle(f"Sign in — {business.name}")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        title = QLabel(business.name)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(QLabel("Sign in with your staff email and password."))
        form = QFormLayout()
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@yourclinic.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Email", self.email)
        form.addRow("Password", self.password)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.sign_in_button = QPushButton("Sign in")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        buttons.addWidget(self.sign_in_button)
        layout.addLayout(buttons)
        if business.is_demo:
            layout.addWidget(self._demo_box())
        self.password.returnPressed.connect(self.submit)

    def _demo_box(self) -> QWidget:
        """The demo store's accounts, each with a one-click sign-in button."""
        box = QFrame()
        box.setObjectName("infoBox")
        grid = QGridLayout(box)
        intro = QLabel(
            "<b>This is the demo clinic.</b> Every account's password is "
            f"<b>{DEMO_ACCOUNTS[0].password}</b>."
        )
        intro.setWordWrap(True)
        grid.addWidget(intro, 0, 0, 1, 3)
        for row, account in enumerate(DEMO_ACCOUNTS, start=1):
            grid.addWidget(QLabel(f"<b>{account.label}</b>"), row, 0)
            grid.addWidget(QLabel(account.email), row, 1)
            button = QPushButton("Sign in")
            button.setToolTip(f"Sign in as {account.email}")
            button.clicked.connect(lambda _=False, a=account: self.use_demo(a))
            grid.addWidget(button, row, 2)
        return box

    def use_demo(self, account: DemoAccount) -> None:
        self.email.setText(account.email)
        self.password.setText(account.password)
        self.submit()

    def submit(self) -> None:
        self.error.setText("")
        self.sign_in_button.setEnabled(False)
        self.runner.submit(
            sign_in,
            self.uow,
            self.business.id,
            self.email.text(),
            self.password.text(),
            on_result=self._signed_in,
            on_error=self._refused,
        )

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self.error.setText(error_text(error))
        self.password.selectAll()
        self.password.setFocus()
