"""Booking-link codes, links and website widget snippets.

A business has one booking-link base address (set by the admin) and a short
code; every CSP has their own code. A CSP's link is the business's base with
the CSP's code, so a booking made through it is credited to that CSP. Codes are
read aloud and typed from paper, so they use an alphabet without look-alike
characters (no 0/O, 1/I/L).
"""

from __future__ import annotations

import html
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from hydreight_desktop.domain.errors import ConflictError, ValidationError

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
_MAX_ATTEMPTS = 64
# Placeholders an admin may write in the base address to say where the code goes.
CODE_PLACEHOLDERS = ("<code>", "{code}")

EXAMPLE_BASE_URL = "https://booking.hydreight.com/widget-business/"


def generate_code(
    is_taken: Callable[[str], bool],
    *,
    length: int = CODE_LENGTH,
    choice: Callable[[str], str] = secrets.choice,
) -> str:
    """A fresh random code that ``is_taken`` reports free.

    Retries on collision; with 31**6 (~887 million) codes a clash is rare, so
    running out of attempts means something is wrong, not bad luck.
    """
    for _ in range(_MAX_ATTEMPTS):
        code = "".join(choice(CODE_ALPHABET) for _ in range(length))
        if not is_taken(code):
            return code
    raise ConflictError("A new booking-link code could not be found. Please try again.")


def normalize_code(text: str) -> str:
    """The code as stored, from what a person typed (any case, spaces or dashes)."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch not in " -_\t")
    if not cleaned:
        raise ValidationError("Please enter a booking-link code.", field="code")
    if any(ch not in CODE_ALPHABET for ch in cleaned) or not 4 <= len(cleaned) <= 16:
        raise ValidationError(
            f"“{text.strip()}” is not a booking-link code. Codes are letters and digits "
            "such as 7KQ4MX.",
            field="code",
        )
    return cleaned


def code_from_text(text: str | None) -> str | None:
    """The code in what a booking recorded: a code as typed, or a whole booking link
    (its last path segment or query value). None when nothing code-like is there."""
    value = (text or "").strip()
    if not value:
        return None
    if "://" in value:
        parts = urlsplit(value)
        candidates = [p for p in parts.path.split("/") if p]
        candidates += [v for _, _, v in (q.partition("=") for q in parts.query.split("&")) if v]
        for candidate in reversed(candidates):
            try:
                return normalize_code(candidate)
            except ValidationError:
                continue
        return None
    try:
        return normalize_code(value)
    except ValidationError:
        return None


def validate_base_url(url: str | None) -> str:
    """The booking-link base address, trimmed, or a clear refusal.

    Only http(s) addresses with a host name are accepted: a handout printed
    with anything else cannot be scanned into a booking page.
    """
    text = (url or "").strip()
    if not text:
        raise ValidationError(
            "The business has no booking-link address yet. An admin can set it in "
            f"Business settings (for example {EXAMPLE_BASE_URL}).",
            field="booking_link_base",
        )
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            f"The booking-link address “{text}” must start with https:// or http:// and "
            f"name a web site (for example {EXAMPLE_BASE_URL}).",
            field="booking_link_base",
        )
    if any(ch.isspace() for ch in text):
        raise ValidationError(
            "The booking-link address must not contain spaces.", field="booking_link_base"
        )
    return text


def build_link(base_url: str, code: str) -> str:
    """The full booking link carrying ``code``.

    The code replaces a ``<code>``/``{code}`` placeholder when the base has
    one; otherwise it is appended as the last path segment (or after a
    trailing ``=`` for query-style bases such as ``...?ref=``).
    """
    base = validate_base_url(base_url)
    safe = quote(code, safe="")
    for placeholder in CODE_PLACEHOLDERS:
        if placeholder in base:
            return base.replace(placeholder, safe)
    if base.endswith(("/", "=")):
        return base + safe
    parts = urlsplit(base)
    if parts.query or parts.fragment:
        raise ValidationError(
            "The booking-link address has a “?” part; end it with “=” or put <code> where "
            "the code goes (for example https://example.com/book?ref=<code>).",
            field="booking_link_base",
        )
    return f"{base}/{safe}"


@dataclass(frozen=True)
class WidgetSnippets:
    """The HTML a website owner pastes: an embedded booking frame, or a button."""

    iframe: str
    button: str


WIDGET_BUTTON_COLOR = "#0f766e"


def widget_snippets(link: str, owner_name: str, *, button_color: str = WIDGET_BUTTON_COLOR) -> WidgetSnippets:
    """Snippets for ``link``; ``owner_name`` is the business's or the CSP's name.

    Everything inserted is HTML-escaped (names like ``O'Brien & Sons`` or a
    link with ``&`` stay valid attribute values).
    """
    href = html.escape(link, quote=True)
    title = html.escape(f"Book with {owner_name}", quote=True)
    color = html.escape(button_color, quote=True)
    iframe = (
        f'<iframe src="{href}" title="{title}" width="100%" height="760" '
        'style="border:0;max-width:720px;" loading="lazy" '
        'allow="payment; geolocation"></iframe>'
    )
    button = (
        f'<a href="{href}" target="_blank" rel="noopener" '
        f'style="display:inline-block;padding:12px 28px;background:{color};color:#ffffff;'
        'border-radius:8px;font-family:Helvetica,Arial,sans-serif;font-size:16px;'
        f'font-weight:600;text-decoration:none;">{title}</a>'
    )
    return WidgetSnippets(iframe=iframe, button=button)
