"""Rows every 'new person' form shares: the email typed twice with the clinic's own warning,
and a new password typed twice.

An email is the identity of a client or staff account and can never be changed, so a new
one is typed twice and must match; an existing one is shown read-only with the reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from hydreight_desktop.domain.contact import (
    EMAIL_DOUBLE_CHECK_WARNING,
    EMAIL_IMMUTABLE_REASON,
    format_phone,
    parse_email,
    parse_phone,
)
from hydreight_desktop.services.passwords import MIN_PASSWORD_LENGTH, check_password_strength
from hydreight_desktop.ui.widgets.forms import Form, rule
from hydreight_desktop.ui.widgets.header import InfoNote

MISMATCH = "The two email addresses are not the same. Type it again carefully."


class NewEmailFields:
    """'Email' and 'Email again' rows plus the double-check warning, added to ``form``."""

    def __init__(self, form: Form, placeholder: str = "name@example.com") -> None:
        self.warning = InfoNote(EMAIL_DOUBLE_CHECK_WARNING, kind="warning")
        self.email = QLineEdit()
        self.email.setPlaceholderText(placeholder)
        self.again = QLineEdit()
        self.again.setPlaceholderText("Type the email address again")
        self.again.setToolTip(EMAIL_DOUBLE_CHECK_WARNING)
        form.add_widget(self.warning)
        form.add_row(
            "Email", self.email, "email", checks=[rule(lambda: parse_email(self.email.text()))]
        )
        form.add_row("Email again", self.again, "email_again", checks=[self._same])
        self.email.textChanged.connect(lambda _t: form.revalidate())

    def _same(self) -> str | None:
        first, second = self.email.text().strip(), self.again.text().strip()
        return None if first.casefold() == second.casefold() else MISMATCH

    def value(self) -> str:
        return self.email.text().strip()


def add_fixed_email(form: Form, address: str) -> QLineEdit:
    """The email of an existing account: read-only, saying why."""
    field = QLineEdit(address)
    field.setReadOnly(True)
    field.setToolTip(EMAIL_IMMUTABLE_REASON)
    field.setStyleSheet("QLineEdit { background: #f1f5f9; color: #334155; }")
    form.add_row("Email", field, "email", caption=EMAIL_IMMUTABLE_REASON)
    return field


class NewPasswordFields:
    """'Password' and 'Password again' rows (hidden text, at least the minimum length)."""

    def __init__(self, form: Form, label: str = "Password") -> None:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"At least {MIN_PASSWORD_LENGTH} characters")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.add_row(
            label,
            self.password,
            "password",
            checks=[rule(lambda: check_password_strength(self.password.text()))],
            caption="Give it to the person privately; they sign in with their email and this password.",
        )
        form.add_row(f"{label} again", self.again, "password_again", checks=[self._same])
        self.password.textChanged.connect(lambda _t: form.revalidate())

    def _same(self) -> str | None:
        if self.password.text() == self.again.text():
            return None
        return "The two passwords are not the same."

    def value(self) -> str:
        return self.password.text()


def business_region(ctx) -> str:
    """The country phone numbers are read in: the business locale's region (en_US -> US)."""
    locale = ctx.business.locale
    return locale.split("_")[-1].upper() if "_" in locale else "US"


def phone_field(ctx, form: Form, value: str | None = None, key: str = "phone") -> QLineEdit:
    """An optional phone row, checked the way the service checks it, shown the local way."""
    region = business_region(ctx)
    edit = QLineEdit(format_phone(value, region) if value else "")
    edit.setPlaceholderText("(555) 123-4567")
    form.add_row("Phone", edit, key, checks=[rule(lambda: parse_phone(edit.text(), region))])
    return edit
