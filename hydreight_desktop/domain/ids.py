"""Primary keys: UUIDv7 made in Python, so rows sort by creation time and devices never clash."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    """A fresh UUIDv7 as 36-character text."""
    return str(uuid6.uuid7())
