"""QR codes as vector drawings for reportlab.

The matrix comes from the ``qrcode`` package; the drawing is ours: each run of
dark modules in a row becomes one rectangle of a single filled path, so a code
is a handful of PDF operators, crisp at any print size and small on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE_MODULES = 4  # the standard's minimum light margin around the code

_LEVELS = {"M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q}


@dataclass(frozen=True)
class QrMatrix:
    """Dark/light modules of one QR symbol, without its quiet zone."""

    data: str
    rows: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.rows)

    def runs(self) -> list[tuple[int, int, int]]:
        """(row, first column, length) of every horizontal run of dark modules."""
        found: list[tuple[int, int, int]] = []
        for r, row in enumerate(self.rows):
            start = -1
            for c, dark in enumerate(row):
                if dark and start < 0:
                    start = c
                elif not dark and start >= 0:
                    found.append((r, start, c - start))
                    start = -1
            if start >= 0:
                found.append((r, start, len(row) - start))
        return found


def qr_matrix(data: str, *, level: str = "M") -> QrMatrix:
    """The QR matrix for ``data`` at error-correction ``level`` ("M" or "Q")."""
    if level not in _LEVELS:
        raise ValueError(f"unsupported QR error-correction level {level!r}")
    code = qrcode.QRCode(error_correction=_LEVELS[level], border=0)
    code.add_data(data)
    code.make(fit=True)
    rows = tuple(tuple(bool(m) for m in row) for row in code.get_matrix())
    return QrMatrix(data=data, rows=rows)


def draw_qr(
    canvas: Canvas,
    matrix: QrMatrix,
    x: float,
    y: float,
    size: float,
    *,
    quiet_zone: int = QUIET_ZONE_MODULES,
    color: Color = black,
) -> None:
    """Draw ``matrix`` so that code plus quiet zone fills the square (x, y, size).

    (x, y) is the lower-left corner in points. The quiet zone is painted white
    so the code scans even when placed over a tinted background.
    """
    modules = matrix.size + 2 * quiet_zone
    unit = size / modules
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(color)
    # One path in module units (origin at the code's top-left corner, y running down):
    # integer coordinates keep the stream compact and cheap to write.
    left = x + quiet_zone * unit
    top = y + size - quiet_zone * unit
    ops = [f"{unit:.5f} 0 0 {-unit:.5f} {left:.3f} {top:.3f} cm"]
    ops.extend(f"{col} {row} {length} 1 re" for row, col, length in matrix.runs())
    ops.append("f")
    canvas.addLiteral("\n".join(ops))
    canvas.restoreState()
