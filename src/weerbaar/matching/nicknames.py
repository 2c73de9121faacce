"""English given names and their usual short forms ("Ted" for Theodore, "Ben" for
Benjamin), from the hand-curated ``nicknames`` package (carltonnorthern/nicknames,
Apache-2.0): a name and its nickname align as one name part (see
:func:`weerbaar.matching.features.token_similarity`)."""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer

#: Similarity of a given name and one of its nicknames.
NICKNAME_SIM = 0.85


@lru_cache(maxsize=1)
def _pairs() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for name, nicks in NickNamer.default_lookup().items():
        for nick in nicks:
            if name != nick:
                pairs.add((name, nick))
                pairs.add((nick, name))
    return frozenset(pairs)


def is_nickname(a: str, b: str) -> bool:
    """Is one of two lower-case name parts a nickname of the other?"""
    return (a, b) in _pairs()
