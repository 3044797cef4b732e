"""Icons come from qtawesome (no icon files to keep); a missing name falls back to a blank icon."""

from __future__ import annotations

from PySide6.QtGui import QIcon


def icon(name: str, color: str = "#334155") -> QIcon:
    try:
        import qtawesome

        return qtawesome.icon(name, color=color)
    except Exception:  # noqa: BLE001 - an unknown glyph must never stop a screen from opening
        return QIcon()
