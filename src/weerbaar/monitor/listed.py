"""List entities as re-screening sees them: the current merged ``Entry`` of a few ids.

    current_entries(store, ids) -> {id: Entry | None}

The same reduction as the screening index (``screening.entities.to_entry``):
linked list entries merged under their canonical id, passport and
identification numbers folded into their holder, listing dates from the
sanctions. Only the given entities are read (by id, indexed), so looking up
the hundred entities a list update touched takes milliseconds even on a
store holding every list. ``None``: no list states the entity any more, or
it is not a screening target.
"""

from __future__ import annotations

from collections import defaultdict

from weerbaar.screening.entities import DOCUMENT_SCHEMATA, LISTING_PROPS, Entry, to_entry
from weerbaar.store.links import canonical_of, members_of
from weerbaar.store.rows import EXISTS, TARGET
from weerbaar.store.store import Store, StoredStatement
from weerbaar.store.views import _merge

#: SQLite's limit on ``?`` parameters is far above this; chunks keep statements short.
CHUNK = 2000


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _current(store: Store, ids: list[str], latest: dict[str, int]) -> list[StoredStatement]:
    out: list[StoredStatement] = []
    for chunk in _chunks(ids):
        out += [s for s in store.history(chunk) if latest.get(s.source) == s.last_seq]
    return out


def canonical_ids(store: Store, ids: list[str]) -> dict[str, str]:
    """Each id's canonical id (itself when it is not linked)."""
    return {i: canonical_of(store, i) for i in ids}


def current_entries(store: Store, ids: list[str]) -> dict[str, Entry | None]:
    """The current merged entry for each id (any member id; the entry carries the canonical)."""
    latest = {v.source: v.seq for v in store.latest_versions()}
    canon = canonical_ids(store, ids)
    members = {c: members_of(store, c) for c in set(canon.values())}
    everyone = sorted({m for ms in members.values() for m in ms})
    by_entity: dict[str, list[StoredStatement]] = defaultdict(list)
    for st in _current(store, everyone, latest):
        by_entity[st.entity_id].append(st)
    documents, dates = _side_facts(store, everyone, latest)
    entries: dict[str, Entry | None] = {}
    for cid, ms in members.items():
        statements = [s for m in ms for s in by_entity.get(m, [])]
        target = any(s.prop == EXISTS and s.value == TARGET for s in statements)
        merged = _merge(statements, cid) if target else None
        if merged is None or merged.schema.name in DOCUMENT_SCHEMATA:
            entries[cid] = None
            continue
        docs = [d for m in ms for d in documents.get(m, [])]
        found: dict[str, str] = {}
        for m in ms:
            for source, value in dates.get(m, {}).items():
                if value and (source not in found or value < found[source]):
                    found[source] = value
        entries[cid] = to_entry(merged, docs, found)
    return {i: entries[canon[i]] for i in ids}


def _side_facts(
    store: Store, ids: list[str], latest: dict[str, int]
) -> tuple[dict[str, list[str]], dict[str, dict[str, str]]]:
    """Document numbers by holder and listing dates by entity and list, for ``ids``."""
    if not ids:
        return {}, {}
    wanted = set(ids)
    related: list[str] = []
    for chunk in _chunks(ids):
        related += [r[1] for r in store.referrers(chunk) if latest.get(r[0]) == r[3]]
    grouped: dict[str, list[StoredStatement]] = defaultdict(list)
    for st in _current(store, sorted(set(related)), latest):
        grouped[st.entity_id].append(st)
    documents: dict[str, list[str]] = defaultdict(list)
    dates: dict[str, dict[str, str]] = defaultdict(dict)
    for statements in grouped.values():
        schema = statements[0].schema
        if schema in DOCUMENT_SCHEMATA:
            holders = [s.value for s in statements if s.prop == "holder" and s.value in wanted]
            numbers = [s.value for s in statements if s.prop == "number"]
            for holder in holders:
                documents[holder].extend(numbers)
        elif schema == "Sanction":
            targets = [s.value for s in statements if s.prop == "entity" and s.value in wanted]
            for s in statements:
                if s.prop in LISTING_PROPS and s.value:
                    for t in targets:
                        old = dates[t].get(s.source)
                        if not old or s.value[:10] < old:
                            dates[t][s.source] = s.value[:10]
    return documents, dates
