"""The vessel register: every vessel on the loaded lists, plus imported watch lists.

    load_register(store)        Vessel entities of the newest version of every list
    read_watchlist(path)        a CSV with ``imo`` and/or ``mmsi`` columns (``mmsi_*``
                                columns too, e.g. GUR's ``mmsi_current, mmsi_legacy``),
                                or JSON (``{vessels: [...]}`` or a list of records)
    Register.add(vessels)       vessels with the same IMO number become one

A vessel keeps its IMO, MMSIs, call signs, names and earlier names, flags and
earlier flags, owners/operators/managers (named where the lists link them,
by ``owner``/``operator`` properties, ``Ownership`` entities or "Vessel owner:"
notes), the lists it is on with their listing dates, and for watch lists the
other columns of its row (``details``).
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from weerbaar.core.errors import InputError, ParseError
from weerbaar.core.identifiers import clean_imo, clean_mmsi

if TYPE_CHECKING:
    from weerbaar.store.store import Store

_NOTE_OWNER = re.compile(r"^(?:Vessel )?(owner|manager|operator)[^:]*:\s*(.+)$", re.I)
_KNOWN = ("name", "vessel_name", "vesselname", "former_names", "previous_names", "previousname",
          "callsign", "call_sign", "flag", "owner", "manager", "operator")  # fmt: skip
_SPLIT_NAMES = re.compile(r"\s*(?:/|;|\|)\s*")
_SPLIT_IDS = re.compile(r"[;,/|]")


@dataclass
class Vessel:
    """One vessel as the lists (or a watch list) describe it."""

    key: str
    kind: str  # "designated" (on a loaded list) or "watched" (an imported watch list)
    imo: str | None = None
    mmsi: list[str] = field(default_factory=list)
    call_signs: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    previous_names: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    past_flags: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    #: list -> the listing date it gives ("" when unknown)
    list_dates: dict[str, str] = field(default_factory=dict)
    entity_ids: list[str] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.names[0] if self.names else (self.imo or self.key)

    def merge(self, other: Vessel) -> None:
        if self.kind != "designated" and other.kind == "designated":
            self.kind = "designated"
        self.imo = self.imo or other.imo
        for attr in ("mmsi", "call_signs", "names", "previous_names", "flags", "past_flags",
                     "owners", "lists", "entity_ids"):  # fmt: skip
            mine: list[str] = getattr(self, attr)
            mine.extend(v for v in getattr(other, attr) if v not in mine)
        for k, v in other.list_dates.items():
            if not self.list_dates.get(k) or (v and v < self.list_dates[k]):
                self.list_dates[k] = v
        for k, v in other.details.items():
            self.details.setdefault(k, v)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "name": self.name,
            "imo": self.imo,
            "mmsi": self.mmsi,
            "call_signs": self.call_signs,
            "names": self.names,
            "previous_names": self.previous_names,
            "flags": self.flags,
            "past_flags": self.past_flags,
            "owners": self.owners,
            "lists": self.lists,
            "list_dates": self.list_dates,
            "entity_ids": self.entity_ids,
            "details": self.details,
        }


class Register:
    """Vessels, looked up by MMSI and IMO; vessels sharing an IMO are merged."""

    def __init__(self, vessels: Iterable[Vessel] = ()) -> None:
        self.vessels: list[Vessel] = []
        self._by_imo: dict[str, Vessel] = {}
        self.add(vessels)

    def add(self, vessels: Iterable[Vessel]) -> None:
        for v in vessels:
            found = self._by_imo.get(v.imo) if v.imo else None
            if found is not None:
                found.merge(v)
                continue
            self.vessels.append(v)
            if v.imo:
                self._by_imo[v.imo] = v

    def by_mmsi(self) -> dict[int, list[Vessel]]:
        out: dict[int, list[Vessel]] = defaultdict(list)
        for v in self.vessels:
            for m in v.mmsi:
                out[int(m)].append(v)
        return dict(out)

    def by_imo(self) -> dict[str, Vessel]:
        return dict(self._by_imo)

    def __len__(self) -> int:
        return len(self.vessels)


# -- the loaded lists ---------------------------------------------------------------------


def load_register(store: Store) -> Register:
    """Every Vessel entity in the newest version of each list, linked by the store's
    links and by IMO number."""
    conn = store.conn
    canon = dict(conn.execute("SELECT entity_id, canonical_id FROM link").fetchall())
    props: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    source_of: dict[str, str] = {}
    list_date: dict[str, str] = {}
    sanctions: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    ownerships: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    versions = store.latest_versions()
    window = "source = ? AND first_seq <= ? AND last_seq >= ?"
    for ver in versions:
        args = (ver.source, ver.seq, ver.seq)
        for eid, prop, value in conn.execute(
            f"SELECT entity_id, prop, value FROM statement WHERE {window} AND schema='Vessel'",
            args,
        ):
            props[eid][prop].append(value)
            source_of[eid] = ver.source
            list_date[ver.source] = ver.list_date
        for schema, bucket in (("Sanction", sanctions), ("Ownership", ownerships)):
            for eid, prop, value in conn.execute(
                f"SELECT entity_id, prop, value FROM statement WHERE {window} AND schema=?",
                (*args, schema),
            ):
                bucket[eid][prop].append(value)
    if not props:
        return Register()
    listed: dict[str, str] = {}
    for sanction in sanctions.values():
        dates = sorted(d for p in ("listingDate", "startDate") for d in sanction.get(p, []))
        for eid in sanction.get("entity", []):
            if eid in props and dates and (eid not in listed or dates[0] < listed[eid]):
                listed[eid] = dates[0]
    owner_ids: dict[str, list[str]] = defaultdict(list)
    for eid, p in props.items():
        owner_ids[eid].extend(p.get("owner", []) + p.get("operator", []))
    for own in ownerships.values():
        for asset in own.get("asset", []):
            if asset in props:
                owner_ids[asset].extend(own.get("owner", []))
    wanted = sorted({o for ids in owner_ids.values() for o in ids})
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ",".join("?" * len(part))
        for eid, value in conn.execute(
            f"SELECT entity_id, value FROM statement WHERE prop='name' AND entity_id IN ({marks})",
            part,
        ):
            names.setdefault(eid, value)
    groups: dict[str, Vessel] = {}
    for eid in sorted(props):
        p = props[eid]
        cid = canon.get(eid, eid)
        source = source_of[eid]
        owners = [names.get(o, o) for o in owner_ids.get(eid, [])]
        for note in p.get("notes", []):
            if m := _NOTE_OWNER.match(note.strip()):
                owners.append(m.group(2).strip())
        imos = [i for v in p.get("imoNumber", []) if (i := clean_imo(v))]
        vessel = Vessel(
            key=cid,
            kind="designated",
            imo=imos[0] if imos else None,
            mmsi=_unique(mm for v in p.get("mmsi", []) if (mm := clean_mmsi(v))),
            call_signs=_unique(p.get("callSign", [])),
            names=_unique(p.get("name", []) + p.get("alias", [])),
            previous_names=_unique(p.get("previousName", [])),
            flags=_unique(f.upper() for f in p.get("flag", [])),
            past_flags=_unique(f.upper() for f in p.get("pastFlags", [])),
            owners=_unique(owners),
            lists=[source],
            list_dates={source: listed.get(eid, "") or list_date.get(source, "")},
            entity_ids=[eid],
        )
        if cid in groups:
            groups[cid].merge(vessel)
        else:
            groups[cid] = vessel
    return Register(groups[k] for k in sorted(groups))


def _unique(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in out:
            out.append(v)
    return out


# -- watch lists --------------------------------------------------------------------------


def read_watchlist(path: Path, *, name: str | None = None) -> list[Vessel]:
    """Vessels of a watch list file: CSV (``imo``/``mmsi`` columns) or JSON records."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    label = name or path.stem
    if raw.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] in (b"{", b"["):
        return _watch_json(path, raw, label)
    return _watch_csv(path, raw, label)


def _record_vessel(rec: dict[str, str], label: str, where: str) -> Vessel | None:
    low = {k.strip().lower(): (v or "").strip() for k, v in rec.items() if k}
    imo = next((i for k, v in low.items() if k.startswith("imo") and (i := clean_imo(v))), None)
    # a cell may hold several MMSIs ("a; b", or a JSON list joined by _text)
    mmsis = _unique(m for k, v in low.items() if k.startswith("mmsi")
                    for part in _SPLIT_IDS.split(v) if (m := clean_mmsi(part)))  # fmt: skip
    if imo is None and not mmsis:
        return None
    used = {k for k in low if k.startswith(("imo", "mmsi"))}
    names = [low[k] for k in ("name", "vessel_name", "vesselname") if low.get(k)]
    former = [n for k in ("former_names", "previous_names", "previousname") if low.get(k)
              for n in _SPLIT_NAMES.split(low[k]) if n]  # fmt: skip
    calls = [low[k] for k in ("callsign", "call_sign") if low.get(k)]
    flags = [low[k] for k in ("flag",) if low.get(k)]
    owners = [low[k] for k in ("owner", "manager", "operator") if low.get(k)]
    date = next((low[k] for k in ("listing_date", "designation_date", "date") if low.get(k)), "")
    used |= set(_KNOWN)
    return Vessel(
        key=imo or f"mmsi:{mmsis[0]}",
        kind="watched",
        imo=imo,
        mmsi=mmsis,
        call_signs=_unique(calls),
        names=_unique(names),
        previous_names=_unique(former),
        flags=_unique(flags),
        owners=_unique(owners),
        lists=[label],
        list_dates={label: date},
        entity_ids=[f"{label}:{where}"],
        details={k: v for k, v in low.items() if k not in used and v},
    )


def _watch_csv(path: Path, raw: bytes, label: str) -> list[Vessel]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte {exc.start})") from None
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ("\t" if "\t" in first else ",")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sep)
    cols = [c.strip().lower() for c in reader.fieldnames or []]
    if not any(c.startswith(("imo", "mmsi")) for c in cols):
        raise InputError(
            path,
            f"a watch list needs an `imo` or `mmsi` column (found: {', '.join(cols[:10])})",
            where="line 1",
        )
    out: list[Vessel] = []
    try:
        for row in reader:
            if None in row:
                raise ParseError(path, "more values than columns", where=f"line {reader.line_num}")
            vessel = _record_vessel(row, label, f"line {reader.line_num}")
            if vessel is not None:
                out.append(vessel)
    except csv.Error as exc:
        raise ParseError(path, str(exc), where=f"line {reader.line_num}") from None
    return out


def _watch_json(path: Path, raw: bytes, label: str) -> list[Vessel]:
    try:
        doc: Any = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ParseError(path, f"not JSON: {exc.msg}", where=f"line {exc.lineno}") from None
    records = doc.get("vessels") if isinstance(doc, dict) else doc
    if not isinstance(records, list):
        raise ParseError(path, "expected a list of vessels or {vessels: [...]}", where="top level")
    out: list[Vessel] = []
    for n, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise ParseError(path, "a vessel record is not an object", where=f"record {n}")
        flat: dict[str, str] = {}
        for k, v in rec.items():
            if isinstance(v, dict):
                flat.update({ik: _text(iv) for ik, iv in v.items()})
            else:
                flat[k] = _text(v)
        vessel = _record_vessel(flat, label, f"record {n}")
        if vessel is not None:
            out.append(vessel)
    return out


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return "" if value is None else str(value)
