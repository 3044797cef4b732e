"""Fonts for printed handouts: Helvetica when it can write the text, else a system Unicode font.

The PDF base fonts only cover Western European letters; names such as
“Nguyễn” or “Łukasz” would print as boxes. For those texts a TrueType font
found on the computer is embedded instead (Arial on Windows, Arial Unicode on
macOS, DejaVu Sans on Linux).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
_UNICODE = {REGULAR: "HD-Unicode", BOLD: "HD-Unicode-Bold"}

# (regular, bold) pairs, most common first.
CANDIDATES: tuple[tuple[str, str], ...] = (
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
     "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
)


@cache
def unicode_fonts_available() -> bool:
    """Register the first Unicode font pair found on this computer (once)."""
    for regular, bold in CANDIDATES:
        if Path(regular).is_file() and Path(bold).is_file():
            try:
                pdfmetrics.registerFont(TTFont(_UNICODE[REGULAR], regular))
                pdfmetrics.registerFont(TTFont(_UNICODE[BOLD], bold))
            except Exception:  # noqa: BLE001 - a damaged font file: try the next one
                continue
            return True
    return False


def needs_unicode(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


def font_for(font: str, text: str) -> str:
    """``font`` itself, or its Unicode stand-in when ``text`` has letters it cannot write."""
    if font in _UNICODE and needs_unicode(text) and unicode_fonts_available():
        return _UNICODE[font]
    return font
