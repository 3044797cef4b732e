"""First start on an empty store: create the business and its first admin, or open the demo clinic."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hydreight_desktop.domain.contact import EMAIL_DOUBLE_CHECK_WARNING
from hydreight_desktop.domain.errors import ValidationError
from hydreight_desktop.services.business import (
    CURRENCIES,
    BusinessRecord,
    BusinessSettings,
    NewBusiness,
    create_business,
)
from hydreight_desktop.store.uow import UnitOfWork
from hydreight_desktop.ui.tasks import TaskRunner
from hydreight_desktop.ui.widgets.messages import error_text
from hydreight_desktop.ui.widgets.zone_combo import ZoneCombo


def _check_same_email(email: str, again: str) -> None:
    if email.strip().casefold() != again.strip().casefold():
        raise ValidationError(
            "The two email addresses differ. " + EMAIL_DOUBLE_CHECK_WARNING, field="email_again"
        )


def _create(uow: UnitOfWork, form: NewBusiness, email_again: str) -> BusinessRecord:
    _check_same_email(form.admin_email, email_again)
    return create_business(uow, form)


class FirstRunDialog(QDialog):
    """Accepts with ``choice`` = "created" (``business`` set) or "demo"."""

    def __init__(self, uow: UnitOfWork, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.uow, self.runner = uow, runner
        self.choice: str | None = None
        self.business: BusinessRecord | None = None
        self.setWindowTitle("Welcome to Hydreight Desktop")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel("Set up your clinic")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(QLabel("There is no business on this computer yet."))
        demo = QPushButton("Just looking? Open the demo clinic")
        demo.clicked.connect(self._choose_demo)
        layout.addWidget(demo)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Glow Mobile IV")
        self.zone = ZoneCombo()
        self.zone.set_zone("America/New_York")
        self.currency = QComboBox()
        self.currency.addItems(CURRENCIES)
        self.admin_name = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("you@yourclinic.com")
        self.email_again = QLineEdit()
        self.email_again.setPlaceholderText("type the email again")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("at least 8 characters")
        form.addRow("Business name", self.name)
        form.addRow("Time zone", self.zone)
        form.addRow("Currency", self.currency)
        form.addRow("Your name", self.admin_name)
        form.addRow("Your email", self.email)
        form.addRow("Email again", self.email_again)
        form.addRow("Password", self.password)
        layout.addLayout(form)
        warning = QLabel(EMAIL_DOUBLE_CHECK_WARNING)
        warning.setObjectName("warningBox")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        self.error = QLabel("")
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.create_button = QPushButton("Create business")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        row.addWidget(self.create_button)
        layout.addLayout(row)

    def _choose_demo(self) -> None:
        self.choice = "demo"
        self.accept()

    def submit(self) -> None:
        self.error.setText("")
        self.create_button.setEnabled(False)
        form = NewBusiness(
            settings=BusinessSettings(
                name=self.name.text(),
                time_zone=self.zone.zone_name(),
                currency=self.currency.currentText(),
            ),
            admin_name=self.admin_name.text(),
            admin_email=self.email.text(),
            admin_password=self.password.text(),
        )
        self.runner.submit(
            _create,
            self.uow,
            form,
            self.email_again.text(),
            on_result=self._created,
            on_error=self._refused,
        )

    def _created(self, business: BusinessRecord) -> None:
        self.choice = "created"
        self.business = business
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.error.setText(error_text(error))
