"""Printed handouts: CSP flyers, business-card sheets and the front-desk table tent.

Input is plain dataclasses (no store), output is PDF bytes. Everything is drawn
as vectors (QR modules as rectangles, the logo badge as a circle with
initials) so it prints crisply at any size. All text goes through
``text_fit`` so long names and links never run outside their box.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import wraps

from reportlab import rl_config
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from hydreight_desktop.documents.fonts import BOLD, REGULAR
from hydreight_desktop.documents.qr import QrMatrix, draw_qr, qr_matrix
from hydreight_desktop.documents.text_fit import draw_fitted, fit_text
from hydreight_desktop.domain.money import format_money

ACCENT = HexColor("#0f766e")
INK = HexColor("#1f2937")
MUTED = HexColor("#6b7280")
RULE = HexColor("#d1d5db")


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"

    @property
    def size(self) -> tuple[float, float]:
        return letter if self is Paper.LETTER else A4

    @property
    def label(self) -> str:
        return "US Letter" if self is Paper.LETTER else "A4"


class Layout(StrEnum):
    FLYER = "flyer"
    CARDS = "cards"
    TENT = "tent"

    @property
    def label(self) -> str:
        return {"flyer": "Flyer (one page per provider)", "cards": "Business cards (10 per page)",
                "tent": "Table tent (business code)"}[self.value]

    @property
    def needs_csps(self) -> bool:
        return self is not Layout.TENT


@dataclass(frozen=True)
class PriceLine:
    """One service as printed: its name and price in cents."""

    name: str
    price_cents: int


@dataclass(frozen=True)
class BusinessHandout:
    """What a handout says about the business."""

    name: str
    link: str
    code: str
    currency: str = "USD"
    locale: str = "en_US"
    logo_path: str | None = None
    phone: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class CspHandout:
    """What a handout says about one CSP (``link`` carries the CSP's own code)."""

    name: str
    link: str
    code: str
    title: str | None = None
    services: tuple[PriceLine, ...] = field(default_factory=tuple)


class HandoutCancelled(Exception):
    """The person making a batch pressed Cancel; no PDF was produced."""


Progress = Callable[[int, int], bool | None]
"""Called with (done, total) after each CSP; returning False cancels the batch."""


def initials(name: str) -> str:
    """Up to two initials for the logo badge ("Glow Mobile IV" -> "GM")."""
    words = [w for w in name.split() if w[:1].isalnum()]
    letters = "".join(w[0] for w in words[:2]).upper()
    return letters or "?"


# ---------------------------------------------------------------------- drawing bits


def _draw_logo(c: Canvas, business: BusinessHandout, x: float, y: float, size: float) -> None:
    """The business's logo image, or a vector badge with its initials."""
    if business.logo_path:
        c.drawImage(business.logo_path, x, y, size, size, preserveAspectRatio=True,
                    anchor="c", mask="auto")
        return
    c.saveState()
    c.setFillColor(ACCENT)
    c.circle(x + size / 2, y + size / 2, size / 2, stroke=0, fill=1)
    c.setFillColor(white)
    text = initials(business.name)
    fitted = fit_text(text, BOLD, width=size * 0.7, height=size * 0.6,
                      max_size=size * 0.42, min_size=6)
    c.setFont(fitted.font, fitted.size)
    c.drawCentredString(x + size / 2, y + size / 2 - fitted.size * 0.36, text)
    c.restoreState()


def _text(c: Canvas, text: str, font: str, x: float, top: float, width: float, height: float,
          max_size: float, min_size: float, *, color=INK, align: str = "left",
          truncate: bool = True) -> float:
    """Fit and draw ``text`` in the box whose top-left is (x, top); returns y below the text."""
    fitted = fit_text(text, font, width=width, height=height, max_size=max_size,
                      min_size=min_size, truncate=truncate)
    c.setFillColor(color)
    return draw_fitted(c, fitted, x, top, align=align, box_width=width)


def _binary_streams(make: Callable[..., bytes]) -> Callable[..., bytes]:
    """Compressed page streams without the ASCII-85 layer reportlab adds by default: the
    PDF is smaller and much faster to write (that encoder is pure Python)."""

    @wraps(make)
    def wrapper(*args, **kwargs) -> bytes:
        previous = rl_config.useA85
        rl_config.useA85 = 0
        try:
            return make(*args, **kwargs)
        finally:
            rl_config.useA85 = previous

    return wrapper


def _start(paper: Paper, title: str, author: str) -> tuple[Canvas, io.BytesIO]:
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=paper.size, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Hydreight Desktop")
    return c, buffer


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise HandoutCancelled("Making the handouts was cancelled.")


# ---------------------------------------------------------------------- flyer


def _draw_flyer(c: Canvas, paper: Paper, business: BusinessHandout, csp: CspHandout,
                matrix: QrMatrix, include_services: bool) -> None:
    width, height = paper.size
    margin = 0.6 * inch
    inner = width - 2 * margin
    top = height - margin

    # Header: logo and business name, then a rule.
    logo = 0.85 * inch
    _draw_logo(c, business, margin, top - logo, logo)
    name = fit_text(business.name, BOLD, width=inner - logo - 14, height=logo, max_size=28,
                    min_size=12)
    c.setFillColor(INK)
    draw_fitted(c, name, margin + logo + 14, top - (logo - name.height) / 2)
    y = top - logo - 12
    c.setStrokeColor(ACCENT)
    c.setLineWidth(2)
    c.line(margin, y, width - margin, y)
    y -= 26

    # Who the client books with.
    y = _text(c, "Book your visit with", REGULAR, margin, y, inner, 22, 16, 10,
              color=MUTED, align="center")
    y = _text(c, csp.name, BOLD, margin, y - 6, inner, 84, 38, 16, align="center")
    if csp.title:
        y = _text(c, csp.title, REGULAR, margin, y - 2, inner, 18, 14, 8, color=MUTED,
                  align="center")

    # Bottom-up: footer, services, then the link block sits under the QR.
    bottom = margin
    contact = " · ".join(p for p in (business.phone, business.website) if p)
    if contact:
        _text(c, contact, REGULAR, margin, bottom + 12, inner, 14, 10, 7, color=MUTED,
              align="center")
        bottom += 22
    services = csp.services if include_services else ()
    link_block = 104.0
    if services:  # the code keeps at least 3 inches; services get what is left
        room = y - 18 - link_block - bottom - 3.0 * inch
        bottom = _draw_services(c, business, services, margin, bottom, inner,
                                max_height=min(2.9 * inch, room))
    available = y - 18 - (bottom + link_block)
    qr_size = max(1.6 * inch, min(4.8 * inch, available))
    qr_top = y - 18
    draw_qr(c, matrix, (width - qr_size) / 2, qr_top - qr_size, qr_size)
    y = qr_top - qr_size - 10

    y = _text(c, "Scan with your phone's camera to book", BOLD, margin, y, inner, 24, 18, 10,
              color=ACCENT, align="center")
    y = _text(c, csp.link, REGULAR, margin, y - 4, inner, 40, 13, 7, align="center",
              truncate=False)
    _text(c, f"or enter code {csp.code} on the booking page", REGULAR, margin, y - 4, inner, 16,
          11, 7, color=MUTED, align="center")


def _draw_services(c: Canvas, business: BusinessHandout, services: Sequence[PriceLine],
                   x: float, bottom: float, width: float, *, max_height: float) -> float:
    """Services and prices in one or two columns above ``bottom``; returns the block's top."""
    row, heading, spacing = 17.0, 26.0, 8.0
    columns = 1 if len(services) <= 6 else 2
    capacity_rows = max(1, int((max_height - heading - spacing) // row))
    shown = list(services[: capacity_rows * columns])
    hidden = len(services) - len(shown)
    if hidden:  # the last row says "and N more"
        shown = shown[: (capacity_rows - 1) * columns]
        hidden = len(services) - len(shown)
    rows = -(-len(shown) // columns) + (1 if hidden else 0)
    block = heading + rows * row
    top = bottom + block
    _text(c, "Services", BOLD, x, top, width, 18, 13, 9, color=ACCENT)
    gap = 24.0
    col_width = (width - gap * (columns - 1)) / columns
    per_column = -(-len(shown) // columns) if shown else 0
    for index, line in enumerate(shown):
        col, r = divmod(index, per_column)
        left = x + col * (col_width + gap)
        y = top - 26 - r * row
        price = format_money(line.price_cents, business.currency, business.locale)
        price_fit = fit_text(price, BOLD, width=col_width * 0.4, height=row, max_size=11,
                             min_size=7)
        price_width = price_fit.width()
        c.setFillColor(INK)
        draw_fitted(c, price_fit, left, y, align="right", box_width=col_width)
        name_width = col_width - price_width - 10
        _text(c, line.name, REGULAR, left, y, name_width, row - 2, 11, 7)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(left, y - row + 4, left + col_width, y - row + 4)
    if hidden:
        y = top - 26 - per_column * row
        _text(c, f"and {hidden} more on the booking page", REGULAR, x, y, width, row - 2, 10, 7,
              color=MUTED)
    return top + spacing


# ---------------------------------------------------------------------- cards


@dataclass(frozen=True)
class CardGrid:
    """Where cards sit on a sheet: size, columns × rows and the lower-left of the grid."""

    card_width: float
    card_height: float
    columns: int
    rows: int
    left: float
    bottom: float

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, index: int, page_height: float) -> tuple[float, float]:
        """Lower-left corner of card ``index`` (row by row from the top)."""
        r, col = divmod(index, self.columns)
        x = self.left + col * self.card_width
        y = self.bottom + (self.rows - 1 - r) * self.card_height
        return x, y


def card_grid(paper: Paper) -> CardGrid:
    """10 cards per sheet: 3.5 × 2 in on Letter, 85 × 55 mm on A4, centred, butted."""
    page_w, page_h = paper.size
    if paper is Paper.LETTER:
        w, h = 3.5 * inch, 2 * inch
    else:
        w, h = 85 * mm, 55 * mm
    columns, rows = 2, 5
    return CardGrid(w, h, columns, rows, (page_w - columns * w) / 2, (page_h - rows * h) / 2)


def _draw_crop_marks(c: Canvas, paper: Paper, grid: CardGrid) -> None:
    """Short marks in the margins on every cut line (none cross a card)."""
    page_w, page_h = paper.size
    gap, length = 4.0, 14.0
    right = grid.left + grid.columns * grid.card_width
    top = grid.bottom + grid.rows * grid.card_height
    c.saveState()
    c.setStrokeColor(INK)
    c.setLineWidth(0.4)
    for col in range(grid.columns + 1):
        x = grid.left + col * grid.card_width
        c.line(x, top + gap, x, min(top + gap + length, page_h - 4))
        c.line(x, grid.bottom - gap, x, max(grid.bottom - gap - length, 4))
    for row in range(grid.rows + 1):
        y = grid.bottom + row * grid.card_height
        c.line(grid.left - gap, y, max(grid.left - gap - length, 4), y)
        c.line(right + gap, y, min(right + gap + length, page_w - 4), y)
    c.restoreState()


CARD_SAFE = 0.12 * inch  # printing stays this far inside the cut lines


def _draw_card(c: Canvas, business: BusinessHandout, csp: CspHandout, matrix: QrMatrix,
               x: float, y: float, w: float, h: float) -> None:
    pad = CARD_SAFE
    qr_size = h - 2 * pad
    draw_qr(c, matrix, x + pad, y + pad, qr_size, quiet_zone=3)
    left = x + pad + qr_size + 8
    width = x + w - pad - left
    top = y + h - pad
    cursor = _text(c, business.name, BOLD, left, top, width, 20, 9, 5.5, color=ACCENT)
    cursor = _text(c, csp.name, BOLD, left, cursor - 5, width, 30, 13, 7)
    if csp.title:
        cursor = _text(c, csp.title, REGULAR, left, cursor - 1, width, 10, 8, 5, color=MUTED)
    bottom = y + pad
    link = fit_text(csp.link, REGULAR, width=width, height=22, max_size=7, min_size=5,
                    truncate=False)
    c.setFillColor(INK)
    draw_fitted(c, link, left, bottom + link.height)
    code_top = bottom + link.height + 14
    _text(c, f"Code {csp.code}", BOLD, left, code_top, width, 11, 8, 5, color=INK)
    _text(c, "Scan to book", BOLD, left, code_top + 12, width, 11, 9, 5, color=ACCENT)


# ---------------------------------------------------------------------- tent


def _draw_tent_face(c: Canvas, business: BusinessHandout, matrix: QrMatrix,
                    width: float, height: float) -> None:
    """One face of the tent in the box (0, 0, width, height), upright, text centred
    vertically beside the code."""
    margin = 0.45 * inch
    qr_size = min(height - 2 * margin, width * 0.5)
    draw_qr(c, matrix, margin, (height - qr_size) / 2, qr_size)
    left = margin + qr_size + 0.3 * inch
    text_w = width - margin - left
    logo = 0.6 * inch
    lines = [  # (fitted text, space above, colour)
        (fit_text(business.name, BOLD, width=text_w, height=56, max_size=24, min_size=10), 10, INK),
        (fit_text("Scan to book your next visit", BOLD, width=text_w, height=44, max_size=20,
                  min_size=10), 12, ACCENT),
        (fit_text("or visit", REGULAR, width=text_w, height=14, max_size=11, min_size=8), 10,
         MUTED),
        (fit_text(business.link, REGULAR, width=text_w, height=48, max_size=12, min_size=6,
                  truncate=False), 2, INK),
        (fit_text(f"Booking code  {business.code}", BOLD, width=text_w, height=22, max_size=16,
                  min_size=9), 12, INK),
    ]
    block = logo + sum(f.height + gap for f, gap, _ in lines)
    top = (height + block) / 2
    _draw_logo(c, business, left, top - logo, logo)
    y = top - logo
    for fitted, gap, color in lines:
        c.setFillColor(color)
        y = draw_fitted(c, fitted, left, y - gap)


def _draw_tent(c: Canvas, paper: Paper, business: BusinessHandout, matrix: QrMatrix) -> None:
    """Fold across the middle: the lower half reads upright, the upper half is turned
    half a circle so it reads upright from the other side of the desk."""
    page_w, page_h = paper.size
    half = page_h / 2
    _draw_tent_face(c, business, matrix, page_w, half)
    c.saveState()
    c.translate(page_w, page_h)
    c.rotate(180)
    _draw_tent_face(c, business, matrix, page_w, half)
    c.restoreState()
    c.saveState()
    c.setStrokeColor(RULE)
    c.setDash(4, 4)
    c.setLineWidth(0.6)
    c.line(0, half, page_w, half)
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 7)
    c.drawString(8, half + 3, "fold")
    c.restoreState()


# ---------------------------------------------------------------------- public API


@_binary_streams
def flyers_pdf(business: BusinessHandout, csps: Sequence[CspHandout], paper: Paper, *,
               include_services: bool = False, progress: Progress | None = None) -> bytes:
    """One flyer page per CSP, in order."""
    c, buffer = _start(paper, f"{business.name} booking flyers", business.name)
    for done, csp in enumerate(csps, start=1):
        _draw_flyer(c, paper, business, csp, qr_matrix(csp.link), include_services)
        c.showPage()
        _report(progress, done, len(csps))
    c.save()
    return buffer.getvalue()


@_binary_streams
def cards_pdf(business: BusinessHandout, csps: Sequence[CspHandout], paper: Paper, *,
              copies: int | None = None, progress: Progress | None = None) -> bytes:
    """Business cards, ``copies`` per CSP (default: a full sheet each), cut marks on every sheet."""
    grid = card_grid(paper)
    copies = copies or grid.per_page
    c, buffer = _start(paper, f"{business.name} business cards", business.name)
    slot = 0
    for done, csp in enumerate(csps, start=1):
        matrix = qr_matrix(csp.link)
        for _ in range(copies):
            if slot == 0:
                _draw_crop_marks(c, paper, grid)
            x, y = grid.origin(slot, paper.size[1])
            _draw_card(c, business, csp, matrix, x, y, grid.card_width, grid.card_height)
            slot += 1
            if slot == grid.per_page:
                c.showPage()
                slot = 0
        _report(progress, done, len(csps))
    if slot:
        c.showPage()
    c.save()
    return buffer.getvalue()


@_binary_streams
def tent_pdf(business: BusinessHandout, paper: Paper, *,
             progress: Progress | None = None) -> bytes:
    """The front-desk table tent with the business's link and code."""
    c, buffer = _start(paper, f"{business.name} table tent", business.name)
    _draw_tent(c, paper, business, qr_matrix(business.link))
    c.showPage()
    _report(progress, 1, 1)
    c.save()
    return buffer.getvalue()


def handouts_pdf(layout: Layout, business: BusinessHandout, csps: Sequence[CspHandout],
                 paper: Paper, *, include_services: bool = False,
                 progress: Progress | None = None) -> bytes:
    """Any layout for any selection of CSPs, as one PDF (the tent ignores ``csps``)."""
    if layout is Layout.FLYER:
        return flyers_pdf(business, csps, paper, include_services=include_services,
                          progress=progress)
    if layout is Layout.CARDS:
        return cards_pdf(business, csps, paper, progress=progress)
    return tent_pdf(business, paper, progress=progress)
