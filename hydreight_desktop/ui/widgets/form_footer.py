"""The foot of a clinical form: the refusal line, "Back to client" and the primary save button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton


def add_form_footer(
    layout: QBoxLayout, save_text: str, on_save: Callable[[], None], on_back: Callable[[], None]
) -> tuple[QLabel, QPushButton]:
    """Append the error line and the action row to ``layout``; return (error label, save)."""
    error = QLabel("")
    error.setObjectName("errorLabel")
    error.setWordWrap(True)
    layout.addWidget(error)
    actions = QHBoxLayout()
    back = QPushButton("Back to client")
    back.clicked.connect(on_back)
    save = QPushButton(save_text)
    save.setObjectName("primary")
    save.clicked.connect(on_save)
    actions.addWidget(back)
    actions.addStretch(1)
    actions.addWidget(save)
    layout.addLayout(actions)
    layout.addStretch(1)
    return error, save
