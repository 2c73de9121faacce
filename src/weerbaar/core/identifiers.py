"""Identifier clean-up: IMO and MMSI numbers, and a comparison key for any number."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d+")
_KEY = re.compile(r"[^0-9A-Z]")


def imo_checksum_ok(digits: str) -> bool:
    """A ship IMO number's last digit is the weighted sum of the first six, mod 10."""
    if len(digits) != 7 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(digits[6])


def clean_imo(text: str | None, *, ship: bool = True) -> str | None:
    """``IMO1234567`` from text such as ``IMO 1234567`` or ``1234567``.

    For ships the check digit must hold; company and owner IMO numbers
    (``ship=False``) have no check digit and are only checked for length.
    """
    if not text:
        return None
    for digits in _DIGITS.findall(text):
        if len(digits) == 7 and (not ship or imo_checksum_ok(digits)):
            return f"IMO{digits}"
    return None


def clean_mmsi(text: str | None) -> str | None:
    """A nine-digit MMSI, or None."""
    if not text:
        return None
    digits = "".join(_DIGITS.findall(text))
    return digits if len(digits) == 9 else None


def id_key(text: str) -> str:
    """Upper-case letters and digits only: how identifiers are compared across lists."""
    return _KEY.sub("", text.upper())
