"""Client rules: search keys, how a typed search is understood, date of birth."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from hydreight_desktop.domain.contact import digits_only
from hydreight_desktop.domain.errors import ValidationError

MIN_PHONE_DIGITS = 3
OLDEST_AGE_YEARS = 120


def search_key(text: str | None) -> str:
    """What search compares: case-blind, accents dropped, single spaces ('José  Núñez' -> 'jose nunez')."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@dataclass(frozen=True, slots=True)
class ClientQuery:
    """A search box's text, understood.

    ``kind`` is ``all`` (empty box), ``email`` (contains @), ``phone`` (mostly digits) or
    ``name`` (words, also tried as the start of an email address).
    """

    kind: str
    key: str = ""
    words: tuple[str, ...] = ()
    digits: tuple[str, ...] = ()


def parse_client_query(text: str | None) -> ClientQuery:
    key = search_key(text)
    if not key:
        return ClientQuery("all")
    if "@" in key:
        return ClientQuery("email", key=key.replace(" ", ""))
    digits = digits_only(key)
    letters = sum(ch.isalpha() for ch in key)
    if letters == 0 and len(digits) >= MIN_PHONE_DIGITS:
        # '+1 (555) 123' and '1555123' both mean the US national number 555123...
        options = {digits}
        if digits.startswith("1") and len(digits) > MIN_PHONE_DIGITS:
            options.add(digits[1:])
        return ClientQuery("phone", key=key, digits=tuple(sorted(options)))
    words = tuple(w for w in key.replace(",", " ").split() if w)
    return ClientQuery("name", key=" ".join(words), words=words)


def validate_birth_date(value: date | None, today: date) -> date | None:
    """Optional; never in the future and not absurdly old (a typo like 1826)."""
    if value is None:
        return None
    if value > today:
        raise ValidationError(
            "The date of birth cannot be in the future. Check the year.", field="date_of_birth"
        )
    if today.year - value.year > OLDEST_AGE_YEARS:
        raise ValidationError(
            "That date of birth is more than 120 years ago. Check the year.",
            field="date_of_birth",
        )
    return value
