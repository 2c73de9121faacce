"""Turn parsed entities into compact statement rows (what the store keeps)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from followthemoney.statement import StatementEntity

#: The pseudo-property recording that an entity exists, and whether it is a list target.
EXISTS = "id"
TARGET = "target"
OTHER = "entity"


class Row(NamedTuple):
    key: str
    entity_id: str
    schema: str
    prop: str
    value: str
    lang: str | None
    original_value: str | None


def statement_key(
    source: str, entity_id: str, schema: str, prop: str, value: str, lang: str | None
) -> str:
    raw = "\x1f".join((source, entity_id, schema, prop, value, lang or ""))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def entity_rows(source: str, entity: StatementEntity, target: bool) -> Iterator[Row]:
    assert entity.id is not None
    schema = entity.schema.name
    flag = TARGET if target else OTHER
    yield Row(
        statement_key(source, entity.id, schema, EXISTS, flag, None),
        entity.id,
        schema,
        EXISTS,
        flag,
        None,
        None,
    )
    for stmt in entity.statements:
        if stmt.prop == EXISTS:
            continue
        yield Row(
            statement_key(source, entity.id, schema, stmt.prop, stmt.value, stmt.lang),
            entity.id,
            schema,
            stmt.prop,
            stmt.value,
            stmt.lang,
            stmt.original_value,
        )


def rows_for(
    source: str, entities: Iterable[StatementEntity], targets: set[str]
) -> tuple[list[Row], Counter[str]]:
    """All rows of one list version, deduplicated, and its target counts per schema."""
    seen: dict[str, Row] = {}
    counts: Counter[str] = Counter()
    for entity in entities:
        target = entity.id in targets
        if target:
            counts[entity.schema.name] += 1
        for row in entity_rows(source, entity, target):
            seen.setdefault(row.key, row)
    return list(seen.values()), counts
