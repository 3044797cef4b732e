"""Fitting text into a box: shrink to fit on one line, then wrap, never overflow.

Names of clinics and providers can be long and links longer; printed material
cannot scroll, so every text on a handout goes through :func:`fit_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hydreight_desktop.documents.fonts import font_for

ELLIPSIS = "…"
LEADING = 1.18  # line height as a multiple of the font size
_ABSOLUTE_MIN_SIZE = 4.0
# Break opportunities: after spaces, and after URL punctuation for long links.
_PIECES = re.compile(r"[^\s/?&=.\-]*[/?&=.\-]+|[^\s]+\s*|\s+")


@dataclass(frozen=True)
class FittedText:
    """Lines to draw at ``size`` (points), ``leading`` apart."""

    lines: tuple[str, ...]
    font: str
    size: float

    @property
    def leading(self) -> float:
        return self.size * LEADING

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)

    def width(self) -> float:
        return max((stringWidth(line, self.font, self.size) for line in self.lines), default=0.0)


def _break_long(piece: str, font: str, size: float, width: float) -> list[str]:
    """Split one unbreakable piece by characters so each part fits ``width``."""
    parts: list[str] = []
    current = ""
    for ch in piece:
        if current and stringWidth(current + ch, font, size) > width:
            parts.append(current)
            current = ch
        else:
            current += ch
    if current:
        parts.append(current)
    return parts


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; URL-like text breaks after ``/``, ``?``, ``&``, ``=``, ``.``, ``-``."""
    pieces = [p for p in _PIECES.findall(" ".join(text.split())) if p]
    lines: list[str] = []
    current = ""
    for piece in pieces:
        candidate = current + piece
        if stringWidth(candidate.rstrip(), font, size) <= width:
            current = candidate
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        if stringWidth(piece.rstrip(), font, size) <= width:
            current = piece.lstrip()
        else:
            broken = _break_long(piece.strip(), font, size, width)
            lines.extend(broken[:-1])
            current = broken[-1] + (" " if piece.endswith(" ") else "")
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def _truncate(line: str, font: str, size: float, width: float) -> str:
    """``line`` shortened with an ellipsis to fit ``width``."""
    text = line.rstrip()
    while text and stringWidth(text + ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def fit_text(
    text: str,
    font: str,
    *,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    truncate: bool = True,
) -> FittedText:
    """The largest rendering of ``text`` inside width × height.

    One line is preferred, shrinking down to ``min_size``; if it still does
    not fit, the text wraps (from the largest size whose lines fit the height).
    At ``min_size`` the last line is cut with an ellipsis when ``truncate``;
    otherwise (links must stay whole) the size keeps shrinking to 4 pt.
    Text Helvetica cannot write switches to a Unicode font (see ``fonts``).
    """
    text = " ".join(text.split())
    font = font_for(font, text)
    size = max_size
    while size >= min_size:
        if stringWidth(text, font, size) <= width and size * LEADING <= height + 0.01:
            return FittedText((text,), font, size)
        size -= 0.5
    size = max_size
    floor = min_size if truncate else _ABSOLUTE_MIN_SIZE
    while size >= floor:
        lines = wrap(text, font, size, width)
        if len(lines) * size * LEADING <= height + 0.01:
            return FittedText(tuple(lines), font, size)
        size -= 0.5
    size = floor
    max_lines = max(1, int((height + 0.01) // (size * LEADING)))
    lines = wrap(text, font, size, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _truncate(lines[-1], font, size, width)
    return FittedText(tuple(lines), font, size)


def draw_fitted(
    canvas: Canvas,
    fitted: FittedText,
    x: float,
    top: float,
    *,
    align: str = "left",
    box_width: float = 0.0,
) -> float:
    """Draw ``fitted`` with its first line's cap height at ``top``; returns the y below it.

    ``x`` is the left edge (``align="left"``) or the box's left edge with
    ``box_width`` for ``"center"``/``"right"``.
    """
    canvas.setFont(fitted.font, fitted.size)
    baseline = top - fitted.size * 0.8
    for line in fitted.lines:
        if align == "center":
            canvas.drawCentredString(x + box_width / 2, baseline, line)
        elif align == "right":
            canvas.drawRightString(x + box_width, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
        baseline -= fitted.leading
    return top - fitted.height
