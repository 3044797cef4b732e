"""Work around PySide6 6.12's lost reference to ``None`` on Python 3.11.

PySide6 6.12 returns ``None`` from every void Qt method (``setText``, ``addItem``...) without
taking a reference, as if ``None`` were immortal (true only from Python 3.12). On 3.11 each
such call drops ``None``'s reference count by one; after a few thousand calls (the status-bar
clock alone makes 3,600 an hour) the interpreter aborts with "Fatal Python error:
none_dealloc". Reproduce: ``for _ in range(20_000): QLabel().setText("x")``.

The fix does what Python 3.12 does: it gives ``None`` a reference count no program can use up.
"""

from __future__ import annotations

import ctypes
import sys

# About 10**12 extra references: even a thousand void calls a second would need 35 years.
_EXTRA_REFERENCES = 1 << 40


def keep_none_alive() -> None:
    """Raise ``None``'s reference count far out of reach (a no-op on Python 3.12+)."""
    if sys.version_info >= (3, 12):
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _EXTRA_REFERENCES:
        count.value += _EXTRA_REFERENCES
