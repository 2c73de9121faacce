"""The thing that is matched: a query or a list entity, reduced to what the scorer reads."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Schemata the scorer knows; anything else is compared as a generic "Thing".
PERSON = "Person"
ORGANIZATION = "Organization"


@dataclass(slots=True)
class Record:
    """A query or a candidate, in plain fields.

    ``names`` are full names in any script and order ("SURNAME, Given" is fine).
    ``first_names``/``last_names`` are structured parts when the source has them;
    they are combined into a full name as well. Dates are ISO prefixes
    (``1970``, ``1970-05``, ``1970-05-01``); countries ISO 3166-1 alpha-2,
    lower case; identifiers free text (passport, IMO, MMSI, registration numbers).
    ``weak_names`` marks the names that are weak aliases.
    """

    schema: str = "LegalEntity"
    names: list[str] = field(default_factory=list)
    first_names: list[str] = field(default_factory=list)
    middle_names: list[str] = field(default_factory=list)
    last_names: list[str] = field(default_factory=list)
    father_names: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: str | None = None
    identifiers: list[str] = field(default_factory=list)
    id: str | None = None
    #: Those of ``names`` that are only weak aliases (followthemoney ``weakAlias``:
    #: nicknames, OFAC weak and UN low-quality a.k.a.s): compared, but such a name
    #: alone never makes a hit (see ``compare.WEAK_ALIAS_CAP``).
    weak_names: list[str] = field(default_factory=list)
