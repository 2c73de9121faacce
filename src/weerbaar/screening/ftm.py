"""Query entities in followthemoney's shape (yente's ``EntityExample``) to matching Records.

    record_from_properties("Person", {"name": ["Ali Khan"], "birthDate": ["1970"]})

Properties are checked against the followthemoney schema: an unknown schema
or a property the schema does not have is an ``InputError`` naming it, so a
client's typo ("birthdate") is reported instead of silently ignored. Dates
are read with ``weerbaar.core.dates`` (``1970``, ``1970-05-01``,
``5 May 1970``), countries with ``weerbaar.core.countries`` (codes, names,
demonyms).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from weerbaar.core.countries import country_code
from weerbaar.core.dates import parse_dates
from weerbaar.core.errors import InputError
from weerbaar.matching.record import Record
from weerbaar.screening.entities import COUNTRY_PROPS, IDENTIFIER_PROPS, NAME_PROPS

#: Largest number of values read per property (a query, not a bulk load).
MAX_VALUES = 50
MAX_LENGTH = 1000
DATE_PROPS = ("birthDate", "incorporationDate", "buildDate")


def _strings(where: str, prop: str, value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if len(values) > MAX_VALUES:
        raise InputError(
            where, f"{prop} has {len(values)} values", hint=f"send at most {MAX_VALUES}"
        )
    out: list[str] = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, str | int | float):
            raise InputError(
                where,
                f"{prop} values must be strings, got {type(v).__name__}",
                hint='send e.g. {"name": ["John Doe"]}',
            )
        text = str(v).strip()
        if len(text) > MAX_LENGTH:
            raise InputError(where, f"a {prop} value is longer than {MAX_LENGTH} characters")
        if text:
            out.append(text)
    return out


def record_from_properties(
    schema: str, properties: Mapping[str, Any], record_id: str | None = None, where: str = "query"
) -> Record:
    """The Record for an example entity; raises InputError on unknown schema or property."""
    from followthemoney import model

    fschema = model.get(schema)
    if fschema is None:
        raise InputError(
            where,
            f"unknown schema {schema!r}",
            hint="use a followthemoney schema such as Person, Company, Organization, "
            "LegalEntity or Vessel",
        )
    if not fschema.matchable:
        raise InputError(
            where,
            f"{schema} entities cannot be matched",
            hint="use Person, Company, Organization, LegalEntity, Vessel or Airplane",
        )
    values: dict[str, list[str]] = {}
    for prop, value in properties.items():
        if fschema.get(prop) is None:
            raise InputError(
                where,
                f"{schema} has no property {prop!r}",
                hint="see https://followthemoney.tech/explorer/schemata/" + schema,
            )
        values[prop] = _strings(where, prop, value)

    def get(*props: str) -> list[str]:
        return [v for p in props for v in values.get(p, [])]

    dates = [d for text in get(*DATE_PROPS) for d in parse_dates(text).values]
    countries = [c for c in (country_code(t) for t in get(*COUNTRY_PROPS)) if c]
    gender = next((g.lower() for g in get("gender") if g.lower() in ("male", "female")), None)
    record = Record(
        schema=fschema.name,
        names=get(*NAME_PROPS),
        first_names=get("firstName"),
        middle_names=get("middleName", "secondName"),
        last_names=get("lastName"),
        father_names=get("fatherName"),
        birth_dates=dates,
        countries=countries,
        gender=gender,
        identifiers=get(*IDENTIFIER_PROPS),
        id=record_id,
    )
    if not (record.names or record.first_names or record.last_names or record.identifiers):
        raise InputError(
            where,
            "the query has no name and no identifier",
            hint='give at least "name" (or firstName/lastName) or an identifier property',
        )
    return record
