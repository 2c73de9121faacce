"""What changed in a list between two of its versions: entities added, removed, changed.

Statements of a target's own entity and of the entities hanging off it
(its Sanction, Passport, Identification) count as that target's changes;
the latter are reported as ``Sanction:listingDate`` and the like.

    diff(store, source, old, new)          reads both versions whole
    diff_touched(store, source, old, new)  the same answer, reading only the
                                           entities with a statement added or
                                           removed (fast on big lists: re-screening)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from weerbaar.store.rows import EXISTS, TARGET
from weerbaar.store.store import Store, StoredStatement, Version

LINK_PROPS = ("entity", "holder")


@dataclass
class EntityChange:
    id: str
    schema: str
    caption: str
    properties: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "schema": self.schema,
            "caption": self.caption,
            "properties": self.properties,
        }


@dataclass
class Changes:
    source: str
    old: Version | None
    new: Version
    added: list[EntityChange]
    removed: list[EntityChange]
    changed: list[EntityChange]

    def to_dict(self) -> dict[str, Any]:
        def ver(v: Version | None) -> dict[str, Any] | None:
            return None if v is None else {"seq": v.seq, "list_date": v.list_date}

        return {
            "source": self.source,
            "from": ver(self.old),
            "to": ver(self.new),
            "summary": {
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(self.changed),
            },
            "added": [c.to_dict() for c in self.added],
            "removed": [c.to_dict() for c in self.removed],
            "changed": [c.to_dict() for c in self.changed],
        }


Fact = tuple[str, str, str]  # (owner target id, property label, value)


def _state(statements: list[StoredStatement]) -> tuple[dict[str, str], dict[str, str], set[Fact]]:
    """Targets (id to schema), captions, and facts keyed to the owning target."""
    targets: dict[str, str] = {}
    owner: dict[str, str] = {}
    schema_of: dict[str, str] = {}
    captions: dict[str, str] = {}
    for st in statements:
        schema_of[st.entity_id] = st.schema
        if st.prop == EXISTS and st.value == TARGET:
            targets[st.entity_id] = st.schema
        elif st.prop in LINK_PROPS:
            owner[st.entity_id] = st.value
        elif st.prop == "name" and st.entity_id not in captions:
            captions[st.entity_id] = st.value
    facts: set[Fact] = set()
    for st in statements:
        if st.prop == EXISTS or (st.prop in LINK_PROPS and st.entity_id not in targets):
            continue
        if st.entity_id in targets:
            facts.add((st.entity_id, st.prop, st.value))
        elif (tid := owner.get(st.entity_id)) in targets and tid is not None:
            facts.add((tid, f"{schema_of[st.entity_id]}:{st.prop}", st.value))
    return targets, captions, facts


def diff(store: Store, source: str, old: Version | None, new: Version) -> Changes:
    before = store.statements_at(source, old.seq) if old else []
    after = store.statements_at(source, new.seq)
    return _compare(source, old, new, before, after)


def touched_ids(store: Store, source: str, old: int, new: int) -> set[str]:
    """Entity ids with a statement stated in version ``new`` but not ``old``, or the reverse."""
    rows = store.conn.execute(
        "SELECT DISTINCT entity_id FROM statement WHERE source = :source AND ("
        "(last_seq >= :new AND first_seq > :old AND first_seq <= :new) OR "
        "(last_seq >= :old AND last_seq < :new AND first_seq <= :old))",
        {"source": source, "old": old, "new": new},
    )
    return {r[0] for r in rows}


def _at(store: Store, source: str, seq: int, ids: list[str]) -> list[StoredStatement]:
    """The statements ``source`` made in version ``seq`` about ``ids`` (read by entity id)."""
    out: list[StoredStatement] = []
    for start in range(0, len(ids), 500):
        out += [
            s
            for s in store.history(ids[start : start + 500])
            if s.source == source and s.first_seq <= seq <= s.last_seq
        ]
    return out


def diff_touched(store: Store, source: str, old: Version | None, new: Version) -> Changes:
    """What ``diff`` returns, read from the touched entities and their owners only."""
    if old is None:
        return diff(store, source, old, new)
    ids = sorted(touched_ids(store, source, old.seq, new.seq))
    before = _at(store, source, old.seq, ids)
    after = _at(store, source, new.seq, ids)
    owners = sorted({s.value for s in before + after if s.prop in LINK_PROPS} - set(ids))
    before += _at(store, source, old.seq, owners)
    after += _at(store, source, new.seq, owners)
    return _compare(source, old, new, before, after)


def _compare(
    source: str,
    old: Version | None,
    new: Version,
    before: list[StoredStatement],
    after: list[StoredStatement],
) -> Changes:
    old_targets, old_caps, old_facts = _state(before)
    new_targets, new_caps, new_facts = _state(after)
    captions = {**old_caps, **new_caps}

    def change(eid: str, schema: str) -> EntityChange:
        return EntityChange(eid, schema, captions.get(eid, eid))

    added = [change(e, s) for e, s in sorted(new_targets.items()) if e not in old_targets]
    removed = [change(e, s) for e, s in sorted(old_targets.items()) if e not in new_targets]
    props: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(
        lambda: defaultdict(lambda: {"added": [], "removed": []})
    )
    common = old_targets.keys() & new_targets.keys()
    for eid, prop, value in sorted(new_facts - old_facts):
        if eid in common:
            props[eid][prop]["added"].append(value)
    for eid, prop, value in sorted(old_facts - new_facts):
        if eid in common:
            props[eid][prop]["removed"].append(value)
    changed = []
    for eid in sorted(props):
        item = change(eid, new_targets[eid])
        item.properties = {p: dict(v) for p, v in sorted(props[eid].items())}
        changed.append(item)
    return Changes(source, old, new, added, removed, changed)
