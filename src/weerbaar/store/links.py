"""Link the same person, company or vessel across lists by explicit keys.

Keys, strongest first (each documented in docs/decisions/0003-cross-list-links.md):

- ``unsc``: the UN reference number (``KPi.033``) on a target's Sanction; the
  UN list states it, and the EU, UK and others quote it.
- ``imo``: a ship's IMO number (Vessel ``imoNumber``).
- ``lei``, ``inn``, ``ogrn``, ``swift``, ``imo-company``: globally unique
  company numbers.
- ``passport``, ``idnumber``, ``tax``, ``registration``: identical numbers
  (letters and digits only, at least 6 long) that also share a name token,
  since such numbers are only unique within their issuing country.
- ``name-dob``: a person's full birth date (year, month and day) and a name of
  two or more words that is the same word for word, in any order, after
  transliteration to ASCII ("BAZILEVSKY, Andrey Alexandrovich" born 1972-11-26
  on one list, "Andrey Alexandrovich BAZILEVSKY" born 26.11.1972 on another).

A key seen on two entities of the same list is ambiguous in that list and
is not used. Two entities of one list are never merged (a link that would
do so is refused and reported as a conflict), and only compatible schemata
join (a Person never joins a Vessel).
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from followthemoney import model
from followthemoney.exc import InvalidData
from normality import normalize

from weerbaar.core.identifiers import id_key
from weerbaar.store.rows import EXISTS, TARGET
from weerbaar.store.store import Store

STRONG = {
    "leiCode": "lei",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "swiftBic": "swift",
}
NAMED = {
    "passportNumber": "passport",
    "idNumber": "idnumber",
    "taxNumber": "tax",
    "registrationNumber": "registration",
}
KEY_ORDER = [
    "unsc",
    "imo",
    "lei",
    "inn",
    "ogrn",
    "swift",
    "imo-company",
    "passport",
    "idnumber",
    "tax",
    "registration",
    "name-dob",
]
#: Name properties that give a person's full name (for the ``name-dob`` key).
FULL_NAME_PROPS = ("name", "alias")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNSC = re.compile(r"^[A-Z]{2}[IE]\.\d{3}$")
NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "firstName", "lastName")
#: Source precedence for the canonical id of a linked group (then alphabetical).
PRECEDENCE = ["un_sc", "eu_fsf", "eu_oj", "us_ofac_sdn", "gb_fcdo", "gb_hmt", "us_ofac_cons"]


@dataclass
class Member:
    entity_id: str
    source: str
    schema: str
    names: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Evidence:
    left: str
    right: str
    key_type: str
    key_value: str


def _tokens(text: str) -> set[str]:
    norm = normalize(text, ascii=True) or ""
    return {t for t in norm.split() if len(t) >= 3}


def _compatible(a: str, b: str) -> bool:
    try:
        model.common_schema(a, b)
    except InvalidData:
        return False
    return True


class Linker:
    """Union-find over list targets, refusing merges within one source."""

    def __init__(self, members: dict[str, Member]) -> None:
        self.members = members
        self.parent = {eid: eid for eid in members}
        self.sources = {eid: {m.source} for eid, m in members.items()}
        self.schema = {eid: m.schema for eid, m in members.items()}
        self.evidence: list[Evidence] = []
        self.conflicts: list[Evidence] = []

    def find(self, eid: str) -> str:
        while self.parent[eid] != eid:
            self.parent[eid] = self.parent[self.parent[eid]]
            eid = self.parent[eid]
        return eid

    def union(self, a: str, b: str, key_type: str, key_value: str) -> None:
        ra, rb = self.find(a), self.find(b)
        ev = Evidence(a, b, key_type, key_value)
        if ra == rb:
            self.evidence.append(ev)
            return
        if self.sources[ra] & self.sources[rb] or not _compatible(self.schema[ra], self.schema[rb]):
            self.conflicts.append(ev)
            return
        self.parent[rb] = ra
        self.sources[ra] |= self.sources.pop(rb)
        self.schema[ra] = model.common_schema(self.schema[ra], self.schema[rb]).name
        self.evidence.append(ev)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for eid in self.members:
            out[self.find(eid)].append(eid)
        return {root: ids for root, ids in out.items() if len(ids) > 1}


def canonical_id(ids: list[str], members: dict[str, Member]) -> str:
    def rank(eid: str) -> tuple[int, str]:
        src = members[eid].source
        return (PRECEDENCE.index(src) if src in PRECEDENCE else len(PRECEDENCE), eid)

    return min(ids, key=rank)


def collect(store: Store) -> tuple[dict[str, Member], dict[str, dict[str, set[str]]]]:
    """Current targets, and per key type the entity ids holding each key value."""
    members: dict[str, Member] = {}
    sanction_of: dict[str, str] = {}
    unsc_of: dict[str, list[str]] = defaultdict(list)
    raw: list[tuple[str, str, str, str, str]] = []
    props = (EXISTS, "entity", "unscId", "imoNumber", "birthDate", *STRONG, *NAMED, *NAME_PROPS)
    for st in store.current_statements(props=props):
        if st.prop == EXISTS:
            if st.value == TARGET:
                members[st.entity_id] = Member(st.entity_id, st.source, st.schema)
        elif st.schema == "Sanction":
            if st.prop == "entity":
                sanction_of[st.entity_id] = st.value
            elif st.prop == "unscId":
                unsc_of[st.entity_id].append(st.value)
        else:
            raw.append((st.entity_id, st.source, st.schema, st.prop, st.value))
    keys: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for sanction_id, values in unsc_of.items():
        target = sanction_of.get(sanction_id)
        for value in values:
            ref = value.strip().upper()
            if target in members and UNSC.match(ref):
                keys["unsc"][ref].add(target)
    full_names: dict[str, set[str]] = defaultdict(set)
    births: dict[str, set[str]] = defaultdict(set)
    for eid, _source, schema, prop, value in raw:
        member = members.get(eid)
        if member is None:
            continue
        if prop in NAME_PROPS:
            member.names |= _tokens(value)
            if prop in FULL_NAME_PROPS and schema == "Person":
                words = (normalize(value, ascii=True) or "").split()
                if len(words) >= 2:
                    full_names[eid].add(" ".join(sorted(words)))
            continue
        if prop == "birthDate":
            if schema == "Person" and FULL_DATE.match(value):
                births[eid].add(value)
            continue
        kv = id_key(value)
        if prop == "imoNumber":
            keys["imo" if schema == "Vessel" else "imo-company"][kv].add(eid)
        elif len(kv) >= 6:
            keys[STRONG.get(prop) or NAMED[prop]][kv].add(eid)
    for eid, dates in births.items():
        for date in dates:
            for name in full_names.get(eid, ()):
                keys["name-dob"][f"{date} {name}"].add(eid)
    return members, keys


def compute_links(store: Store) -> Linker:
    members, keys = collect(store)
    linker = Linker(members)
    for key_type in KEY_ORDER:
        for value, ids in sorted(keys.get(key_type, {}).items()):
            by_source: dict[str, list[str]] = defaultdict(list)
            for eid in ids:
                by_source[members[eid].source].append(eid)
            usable = sorted(v[0] for v in by_source.values() if len(v) == 1)
            for i, left in enumerate(usable):
                for right in usable[i + 1 :]:
                    if key_type in NAMED.values() and not (
                        members[left].names & members[right].names
                    ):
                        continue
                    linker.union(left, right, key_type, value)
    return linker


def write_links(store: Store, conn: sqlite3.Connection) -> Linker:
    """Recompute every link from the newest versions; called inside the import transaction."""
    linker = compute_links(store)
    conn.execute("DELETE FROM link")
    conn.execute("DELETE FROM link_evidence")
    groups = linker.groups()
    canon: dict[str, str] = {}
    for ids in groups.values():
        cid = canonical_id(ids, linker.members)
        for eid in ids:
            canon[eid] = cid
    conn.executemany(
        "INSERT INTO link VALUES (?,?,?)",
        [(eid, cid, linker.members[eid].source) for eid, cid in canon.items()],
    )
    conn.executemany(
        "INSERT INTO link_evidence VALUES (?,?,?,?,?)",
        [
            (canon[e.left], e.left, e.right, e.key_type, e.key_value)
            for e in linker.evidence
            if e.left in canon
        ],
    )
    return linker


def canonical_of(store: Store, entity_id: str) -> str:
    row = store.conn.execute(
        "SELECT canonical_id FROM link WHERE entity_id = ?", (entity_id,)
    ).fetchone()
    return str(row[0]) if row else entity_id


def members_of(store: Store, canonical: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT entity_id FROM link WHERE canonical_id = ? ORDER BY entity_id", (canonical,)
    ).fetchall()
    return [r[0] for r in rows] or [canonical]


def link_summary(store: Store) -> dict[str, object]:
    """How many groups join how many list entries, by source pair and key type."""
    groups = store.conn.execute(
        "SELECT canonical_id, GROUP_CONCAT(source, '+') FROM (SELECT canonical_id, source"
        " FROM link ORDER BY source) GROUP BY canonical_id"
    ).fetchall()
    by_sources: dict[str, int] = defaultdict(int)
    for _cid, sources in groups:
        by_sources[sources] += 1
    keys = store.conn.execute(
        "SELECT key_type, COUNT(*) FROM link_evidence GROUP BY key_type ORDER BY 2 DESC"
    ).fetchall()
    members = store.conn.execute("SELECT COUNT(*) FROM link").fetchone()[0]
    return {
        "groups": len(groups),
        "linked_entities": members,
        "by_sources": dict(sorted(by_sources.items(), key=lambda kv: -kv[1])),
        "by_key": {k: n for k, n in keys},
    }
