"""Read-side views: one entity with its provenance, and whole-store exports."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson
from followthemoney import model, registry
from followthemoney.dataset import Dataset
from followthemoney.statement import Statement, StatementEntity

from weerbaar.core.errors import NotFoundError
from weerbaar.sources.os_targets.parse import HEADER
from weerbaar.store.links import canonical_of, members_of
from weerbaar.store.rows import EXISTS, TARGET
from weerbaar.store.store import Store, StoredStatement

DATASET = Dataset.make({"name": "weerbaar", "title": "weerbaar merged lists"})
#: (source, version seq) to that version's list date.
SeenCache = dict[tuple[str, int], str]


def _seen(store: Store, source: str, seq: int, cache: SeenCache) -> str:
    key = (source, seq)
    if key not in cache:
        cache[key] = store.version(source, seq).list_date
    return cache[key]


def entity_report(store: Store, entity_id: str) -> dict[str, Any]:
    """Everything known about an entity (any member id), with per-list provenance."""
    canonical = canonical_of(store, entity_id)
    members = members_of(store, canonical)
    history = store.history(members)
    if not history:
        raise NotFoundError(
            f"no entity {entity_id!r} in the store",
            hint="check the id (weerbaar export --format csv lists them)",
        )
    latest = {v.source: v.seq for v in store.latest_versions()}
    dates: dict[tuple[str, int], str] = {}
    merged = _merge([s for s in history if latest.get(s.source) == s.last_seq], canonical)
    related = [r for r in store.referrers(members)]
    rel_ids = sorted({r[1] for r in related})
    rel_history = store.history(rel_ids) if rel_ids else []
    evidence = store.conn.execute(
        "SELECT left_id, right_id, key_type, key_value FROM link_evidence WHERE canonical_id=?",
        (canonical,),
    ).fetchall()

    def stmt_dict(s: StoredStatement) -> dict[str, Any]:
        return {
            "entity_id": s.entity_id,
            "schema": s.schema,
            "prop": s.prop,
            "value": s.value,
            "lang": s.lang,
            "original_value": s.original_value,
            "source": s.source,
            "first_seen": _seen(store, s.source, s.first_seq, dates),
            "last_seen": _seen(store, s.source, s.last_seq, dates),
            "current": latest.get(s.source) == s.last_seq,
        }

    return {
        "id": canonical,
        "schema": merged.schema.name if merged else None,
        "caption": merged.caption if merged else canonical,
        "members": members,
        "properties": merged.to_dict()["properties"] if merged else {},
        "statements": [stmt_dict(s) for s in history if s.prop != EXISTS],
        "related": [stmt_dict(s) for s in rel_history if s.prop != EXISTS],
        "links": [{"left": a, "right": b, "key": k, "value": v} for a, b, k, v in evidence],
    }


def _merge(statements: list[StoredStatement], canonical: str) -> StatementEntity | None:
    if not statements:
        return None
    schemata = {s.schema for s in statements}
    schema = model.get(sorted(schemata)[0])
    for name in schemata:
        schema = model.common_schema(schema, name) if schema else model.get(name)
    assert schema is not None
    entity = StatementEntity(DATASET, {"schema": schema.name, "id": canonical})
    for s in statements:
        if s.prop == EXISTS:
            continue
        entity.add_statement(
            Statement(
                entity_id=s.entity_id,
                prop=s.prop,
                schema=schema.name,
                value=s.value,
                dataset=s.source,
                lang=s.lang,
                original_value=s.original_value,
                canonical_id=canonical,
            )
        )
    return entity


def _current_groups(store: Store) -> tuple[dict[str, list[StoredStatement]], set[str]]:
    """Current statements grouped by canonical id (references to linked entities
    rewritten to their canonical id), and the canonical ids that are targets."""
    canon = dict(store.conn.execute("SELECT entity_id, canonical_id FROM link").fetchall())
    grouped: dict[str, list[StoredStatement]] = defaultdict(list)
    targets: set[str] = set()
    for st in store.current_statements():
        cid = canon.get(st.entity_id, st.entity_id)
        if st.prop == EXISTS and st.value == TARGET:
            targets.add(cid)
        if st.prop in ("entity", "holder") and st.value in canon:
            st = StoredStatement(
                st.source,
                st.entity_id,
                st.schema,
                st.prop,
                canon[st.value],
                st.lang,
                st.original_value,
                st.first_seq,
                st.last_seq,
            )
        grouped[cid].append(st)
    return grouped, targets


def current_entities(store: Store) -> Iterator[tuple[StatementEntity, bool]]:
    """Every current entity, linked targets merged under their canonical id."""
    grouped, targets = _current_groups(store)
    for cid in sorted(grouped):
        entity = _merge(grouped[cid], cid)
        if entity is not None:
            yield entity, cid in targets


def export_ftm(store: Store, out: IO[bytes]) -> int:
    count = 0
    for entity, target in current_entities(store):
        data = entity.to_dict()
        data["target"] = target
        out.write(orjson.dumps(data) + b"\n")
        count += 1
    return count


#: The CSV export's columns: OpenSanctions' ``targets.simple.csv`` header, so
#: that an export re-imports as an ``os_targets`` list.
CSV_COLUMNS = HEADER
IDENT_PROPS = (
    "passportNumber",
    "idNumber",
    "imoNumber",
    "mmsi",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
    "swiftBic",
)
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
#: A target's Sanction ``program`` captions and ``programId`` values.
Programmes = tuple[set[str], set[str]]


def _joined(values: Iterable[str]) -> str:
    return ";".join(sorted(set(values)))


def _values(entity: StatementEntity, *props: str) -> list[str]:
    return [v for p in props for v in entity.get(p, quiet=True)]


def _programmes(groups: dict[str, list[StoredStatement]]) -> dict[str, Programmes]:
    """Target id to the captions and ``programId`` values of its current Sanctions."""
    found: dict[str, Programmes] = defaultdict(lambda: (set(), set()))
    for statements in groups.values():
        if statements[0].schema != "Sanction":
            continue
        refs = {s.value for s in statements if s.prop == "entity"}
        for ref in refs:
            captions, ids = found[ref]
            captions.update(s.value for s in statements if s.prop == "program")
            ids.update(s.value for s in statements if s.prop == "programId")
    return found


def _dates(store: Store, statements: list[StoredStatement], cache: SeenCache) -> list[str]:
    """``first_seen``, ``last_seen`` and ``last_change`` of one entity's current statements."""
    firsts = [_seen(store, s.source, s.first_seq, cache) for s in statements]
    lasts = [_seen(store, s.source, s.last_seq, cache) for s in statements]
    return [min(firsts), max(lasts), max(firsts)]


def csv_row(
    entity: StatementEntity,
    statements: list[StoredStatement],
    programmes: Programmes,
    dates: list[str],
) -> list[str]:
    """One target as a ``targets.simple.csv`` row (cells in ``CSV_COLUMNS`` order)."""
    caption = entity.caption
    captions, program_ids = programmes
    return [
        entity.id or "",
        entity.schema.name,
        caption,
        _joined(n for n in _values(entity, *NAME_PROPS) if n != caption),
        _joined(_values(entity, "birthDate")),
        _joined(entity.get_type_values(registry.country)),
        _joined(_values(entity, "address")),
        _joined(_values(entity, *IDENT_PROPS)),
        _joined(captions),
        _joined(_values(entity, "phone")),
        _joined(_values(entity, "email")),
        _joined(program_ids),
        _joined(s.source for s in statements),
        *dates,
    ]


def export_csv(store: Store, out: IO[str]) -> int:
    """One row per current target in OpenSanctions' ``targets.simple.csv`` layout.

    The columns are ``CSV_COLUMNS`` (the ``os_targets`` source's header), every
    cell quoted and multi-values ``;``-joined and sorted, so the file imports
    again with ``weerbaar lists import`` (as ``os_targets``, ids prefixed).
    ``id`` is the canonical id; ``name`` the caption and ``aliases`` every
    other name, alias, weak alias and previous name; ``sanctions`` and
    ``program_ids`` are the ``program`` and ``programId`` values of the
    Sanctions on the target; ``dataset`` the lists that state it now. The
    dates are list dates (ISO): ``first_seen`` the earliest at which one of
    its current statements first appeared (a delisted and relisted entity
    counts from its relisting), ``last_seen`` its lists' newest, and
    ``last_change`` the newest at which one of its current statements first
    appeared (a value only removed does not move it). Member list ids
    (``referents``) are not in the CSV; the FtM export (``export_ftm``) keeps
    them.
    """
    groups, targets = _current_groups(store)
    programmes = _programmes(groups)
    none: Programmes = (set(), set())
    cache: SeenCache = {}
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for cid in sorted(targets):
        entity = _merge(groups[cid], cid)
        if entity is None:
            continue
        dates = _dates(store, groups[cid], cache)
        writer.writerow(csv_row(entity, groups[cid], programmes.get(cid, none), dates))
        count += 1
    return count


def current_entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """The merged current entity in followthemoney's JSON shape, or None.

    Keys: ``id`` (canonical), ``caption``, ``schema``, ``properties``,
    ``datasets`` (lists that state it now), ``referents`` (member ids),
    ``target``, ``first_seen`` and ``last_seen`` (list dates).
    """
    canonical = canonical_of(store, entity_id)
    members = members_of(store, canonical)
    latest = {v.source: v.seq for v in store.latest_versions()}
    history = store.history(members)
    current = [s for s in history if latest.get(s.source) == s.last_seq]
    merged = _merge(current, canonical)
    if merged is None:
        return None
    dates: dict[tuple[str, int], str] = {}
    first = min(_seen(store, s.source, s.first_seq, dates) for s in current)
    last = max(_seen(store, s.source, s.last_seq, dates) for s in current)
    return {
        "id": canonical,
        "caption": merged.caption,
        "schema": merged.schema.name,
        "properties": merged.to_dict()["properties"],
        "datasets": sorted({s.source for s in current}),
        "referents": [m for m in members if m != canonical],
        "target": any(s.prop == EXISTS and s.value == TARGET for s in current),
        "first_seen": first,
        "last_seen": last,
    }


def all_current_targets(store: Store) -> Iterator[dict[str, Any]]:
    """``current_entity`` for every current target, in one pass over the store."""
    grouped, targets = _current_groups(store)
    dates: dict[tuple[str, int], str] = {}
    for cid in sorted(targets):
        statements = grouped[cid]
        merged = _merge(statements, cid)
        if merged is None:
            continue
        yield {
            "id": cid,
            "caption": merged.caption,
            "schema": merged.schema.name,
            "properties": merged.to_dict()["properties"],
            "datasets": sorted({s.source for s in statements}),
            "referents": sorted({s.entity_id for s in statements} - {cid}),
            "target": True,
            "first_seen": min(_seen(store, s.source, s.first_seq, dates) for s in statements),
            "last_seen": max(_seen(store, s.source, s.last_seq, dates) for s in statements),
        }
