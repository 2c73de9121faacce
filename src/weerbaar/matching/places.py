"""Names of countries (rigour's territory list: each country's name and its strong
alternative names), as one-word Latin tokens.

Two different country names are two places, never spellings of one name
("Government of Estonia" is not "Government of Ethiopia", "Iran" is not "Iraq"),
however few letters they differ by; two names of one country ("Rossiya" and
"Russia") align (see :func:`weerbaar.matching.features.token_similarity`).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache

from rigour._core import territories_jsonl

#: Shorter names are too often other words ("Chad", "Oman" as a given name).
MIN_LENGTH = 4


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """One-word Latin names of countries, each with its code (a name shared by two
    countries is left out)."""
    found: dict[str, set[str]] = {}
    for line in territories_jsonl().splitlines():
        item = json.loads(line)
        if not item.get("is_country"):
            continue  # regions and cities are too often other words ("Victoria")
        code = str(item["code"])
        for name in [item["name"], *item.get("names_strong", [])]:
            word = _ascii(name)
            if len(word) >= MIN_LENGTH and word.isascii() and word.isalpha():
                found.setdefault(word, set()).add(code)
    return {word: next(iter(codes)) for word, codes in found.items() if len(codes) == 1}


def place_of(word: str) -> str | None:
    """The code of a one-word country name, else None."""
    return places().get(word)
