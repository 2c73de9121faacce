"""Forms of one name part in other languages: "Pyotr" is Peter, "Oleksiy" (Ukrainian)
is Aleksey, "Mikalai" (Belarusian) is Nikolay.

A person's name is spelled after the language of the list or the document, not
only transliterated: OFAC writes a Ukrainian "Oleksiy Petrovych", the EU the
Russian "Aleksey Petrovich"; one passport says "Pyotr", another "Peter". Edit
distance sees little alike in such pairs. ``name_groups.txt.gz`` holds groups of
forms of one name part (58,481 groups, 161,565 forms), made by
``scripts/make_name_groups.py`` from rigour 1.8.2's name-part groups
(OpenSanctions, MIT, derived from Wikidata; a general linguistic resource, not
names from any list) in the spelling of
:func:`weerbaar.matching.translit.latinize`. Two words in one group align as one
name part (:func:`weerbaar.matching.features.token_similarity`, "name form").
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("name_groups.txt.gz")
#: Similarity of two forms of one name part (as a nickname's).
NAME_GROUP_SIM = 0.85


@cache
def _groups() -> dict[str, int | tuple[int, ...]]:
    """Form -> its group's number, or numbers when it is in several."""
    table: dict[str, int | tuple[int, ...]] = {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
        number = 0
        for line in fh:
            if line.startswith("#"):
                continue
            for form in line.split():
                seen = table.get(form)
                if seen is None:
                    table[form] = number
                elif isinstance(seen, int):
                    table[form] = (seen, number)
                else:
                    table[form] = (*seen, number)
            number += 1
    return table


def same_group(a: str, b: str) -> bool:
    """Are two romanised name parts forms of one name ("pyotr", "peter")?"""
    table = _groups()
    ga = table.get(a)
    if ga is None:
        return False
    gb = table.get(b)
    if gb is None:
        return False
    if isinstance(ga, int):
        return ga == gb if isinstance(gb, int) else ga in gb
    return gb in ga if isinstance(gb, int) else not set(ga).isdisjoint(gb)
