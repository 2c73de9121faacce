"""List entities reduced to what screening needs: a matching Record plus display facts.

    load_entries(store) -> list[Entry]   every current list target, merged across lists

An ``Entry`` is one merged entity (its canonical id): the ``Record`` the
matcher compares (names, aliases, previous names, birth dates, countries,
gender, identifiers) and what a reviewer is shown (caption, lists, the date
each list first listed it). Passport and identification numbers held in
separate entities are folded into their holder's identifiers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from weerbaar.matching.record import Record

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

    from weerbaar.store.store import Store

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction", "flag")
IDENTIFIER_PROPS = (
    "idNumber",
    "passportNumber",
    "imoNumber",
    "mmsi",
    "registrationNumber",
    "innCode",
    "ogrnCode",
    "taxNumber",
    "vatCode",
    "swiftBic",
    "leiCode",
    "callSign",
)
#: Schemata whose entities carry a ``number`` for a ``holder`` (folded into the holder).
DOCUMENT_SCHEMATA = ("Passport", "Identification")
#: Sanction properties giving the date an entity was put on a list.
LISTING_PROPS = ("listingDate", "startDate")


@dataclass(slots=True)
class Entry:
    """One merged list entity: what is compared and what is shown."""

    id: str
    caption: str
    schema: str
    lists: list[str]
    record: Record
    #: list id -> the earliest date that list gives for the listing ("" when unknown)
    list_dates: dict[str, str] = field(default_factory=dict)

    def to_list(self) -> list[Any]:
        """Plain lists and strings, for the index file (read back by ``from_list``)."""
        r = self.record
        return [
            self.id, self.caption, self.schema, self.lists, self.list_dates, r.names,
            r.first_names, r.middle_names, r.last_names, r.father_names, r.birth_dates,
            r.countries, r.gender, r.identifiers, r.weak_names,
        ]  # fmt: skip

    @classmethod
    def from_list(cls, data: list[Any]) -> Entry:
        eid, caption, schema, lists, dates, names, first, middle, last, father = data[:10]
        births, countries, gender, identifiers, weak = data[10:]
        record = Record(
            schema, names, first, middle, last, father, births, countries, gender, identifiers, eid,
            weak,
        )  # fmt: skip
        return cls(eid, caption, schema, lists, record, dates)

    def list_dates_text(self) -> str:
        return "; ".join(f"{k} {v}" for k, v in sorted(self.list_dates.items()) if v)


def _values(entity: StatementEntity, props: Iterable[str]) -> list[str]:
    """Distinct values of the properties, in property order and sorted within one
    (statements come in no fixed order: the index is the same on every build)."""
    out: list[str] = []
    for prop in props:
        for value in sorted(entity.get(prop, quiet=True)):
            if value not in out:
                out.append(value)
    return out


def _gender(entity: StatementEntity) -> str | None:
    values = entity.get("gender", quiet=True)
    return values[0] if values else None


def _weak_names(entity: StatementEntity) -> list[str]:
    """Weak aliases that are not also a name, alias or previous name."""
    weak = _values(entity, ("weakAlias",))
    if not weak:
        return []
    strong = set(_values(entity, [p for p in NAME_PROPS if p != "weakAlias"]))
    return [w for w in weak if w not in strong]


def to_entry(entity: StatementEntity, documents: list[str], dates: dict[str, str]) -> Entry | None:
    """The Entry for a merged target entity; None when it has no name."""
    names = _values(entity, NAME_PROPS)
    first = _values(entity, ("firstName",))
    last = _values(entity, ("lastName",))
    if not names and not (first or last):
        return None
    record = Record(
        schema=entity.schema.name,
        names=names,
        first_names=first,
        middle_names=_values(entity, ("middleName", "secondName")),
        last_names=last,
        father_names=_values(entity, ("fatherName",)),
        birth_dates=_values(entity, ("birthDate", "incorporationDate", "buildDate")),
        countries=[c.lower() for c in _values(entity, COUNTRY_PROPS) if len(c) == 2],
        gender=_gender(entity),
        identifiers=_values(entity, IDENTIFIER_PROPS) + sorted(documents),
        id=entity.id,
        weak_names=_weak_names(entity),
    )
    lists = sorted(entity.datasets)
    return Entry(
        id=entity.id or "",
        caption=entity.caption,
        schema=entity.schema.name,
        lists=lists,
        record=record,
        list_dates={ds: dates.get(ds, "") for ds in lists},
    )


def _earliest(dates: dict[str, str], source: str, values: Iterable[str]) -> None:
    for value in values:
        if value and (source not in dates or not dates[source] or value < dates[source]):
            dates[source] = value[:10]


def load_entries(store: Store, progress: Callable[[int], None] | None = None) -> list[Entry]:
    """Every current list target with a name, merged under its canonical id."""
    from weerbaar.store.views import current_entities

    documents: dict[str, list[str]] = defaultdict(list)
    dates: dict[str, dict[str, str]] = defaultdict(dict)
    targets: list[StatementEntity] = []
    for entity, target in current_entities(store):
        if progress is not None:
            progress(1)
        _side_facts(entity, documents, dates)
        if target and entity.schema.name not in DOCUMENT_SCHEMATA:
            targets.append(entity)
    targets.sort(key=lambda e: e.id or "")
    entries = (to_entry(e, documents.get(e.id or "", []), dates[e.id or ""]) for e in targets)
    return [e for e in entries if e is not None]


def _side_facts(
    entity: StatementEntity, documents: dict[str, list[str]], dates: dict[str, dict[str, str]]
) -> None:
    """Collect document numbers (by holder) and listing dates (by entity and list)."""
    schema = entity.schema.name
    if schema in DOCUMENT_SCHEMATA:
        for holder in entity.get("holder", quiet=True):
            documents[holder].extend(entity.get("number", quiet=True))
    elif schema == "Sanction":
        for stmt in _statements(entity, LISTING_PROPS):
            for target in entity.get("entity", quiet=True):
                _earliest(dates[target], stmt[0], [stmt[1]])


def _statements(entity: StatementEntity, props: Iterable[str]) -> list[tuple[str, str]]:
    """(list id, value) of the entity's statements for the given properties."""
    out: list[tuple[str, str]] = []
    for prop in props:
        stmts: Any = entity.get_statements(prop)
        out.extend((s.dataset, s.value) for s in stmts)
    return out
