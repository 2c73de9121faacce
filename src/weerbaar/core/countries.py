"""Country names, demonyms and codes to ISO 3166 alpha-2 (lower case, as FtM stores).

followthemoney's country type (via rigour/countrynames) reads most English
names and demonyms. ``EXTRA`` adds wording seen on official lists that it
misses; values it cannot read come back as ``None`` so the caller can warn.
"""

from __future__ import annotations

from functools import lru_cache

from followthemoney import registry

UNKNOWN = {"", "00", "unknown", "n/a", "-", "none", "stateless", "not known"}

EXTRA: dict[str, str] = {
    "democratic people's republic of korea": "kp",
    "dprk": "kp",
    "kosovo": "xk",
    "ussr": "suhh",
    "former yugoslavia": "yucs",
    "palestinian territories": "ps",
    "gaza strip": "ps",
    "occupied palestinian territory": "ps",
    "czechoslovakia": "cshh",
    "belarussian": "by",  # the EU Official Journal's spelling
}


@lru_cache(maxsize=4096)
def country_code(text: str | None, fuzzy: bool = False) -> str | None:
    """ISO alpha-2 code for a country name, demonym or code; None if unreadable.

    Fuzzy matching is opt-in: it reads place names as countries ("Shati"
    becomes Chad), so it is only for fields known to hold a country.
    """
    if text is None:
        return None
    key = " ".join(text.strip().strip(".").split()).lower()
    if key in UNKNOWN:
        return None
    if key in EXTRA:
        return EXTRA[key]
    return registry.country.clean(text, fuzzy=fuzzy)
