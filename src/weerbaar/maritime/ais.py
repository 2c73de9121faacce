"""AIS input: NMEA sentences, DMA and NOAA CSV, Digitraffic JSON -> one columnar ``AisData``.

    read_ais(path)              the format is recognised from the content
    read_nmea_lines(lines)      decode sentences (live feeds pass ``default_time``)

``AisData.positions`` has ``mmsi, t (epoch seconds UTC), lat, lon, sog, cog,
heading``; ``AisData.statics`` has ``mmsi, t, imo, name, callsign, ship_type``
(from NMEA types 5/19/24 or the CSV/JSON columns). Unavailable values (speed
102.3, course 360, heading 511) become null. Invalid positions (latitude beyond
±90, e.g. 91 = "not available", longitude beyond ±180, MMSI not nine digits)
are dropped and counted in ``AisData.stats``; so are sentences with a bad
checksum and those pyais cannot decode. Malformed files (a CSV without the
needed columns, a value that is not a number or a date) raise ``ParseError``
naming the file and the line.

NMEA lines may carry their time as an NMEA 4.10 tag block (``\\c:1700000000*hh\\``)
or as a leading timestamp (Unix seconds or ISO 8601) before the sentence;
lines without a time are counted as ``untimed`` unless a ``default_time`` is
given. Big NMEA files are decoded by several processes (``workers``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import polars as pl

from weerbaar.core.errors import InputError, ParseError
from weerbaar.core.identifiers import clean_imo

POSITION_SCHEMA: dict[str, Any] = {
    "mmsi": pl.Int32,
    "t": pl.Int64,
    "lat": pl.Float64,
    "lon": pl.Float64,
    "sog": pl.Float32,
    "cog": pl.Float32,
    "heading": pl.Float32,
}
STATIC_SCHEMA: dict[str, Any] = {
    "mmsi": pl.Int32,
    "t": pl.Int64,
    "imo": pl.Utf8,
    "name": pl.Utf8,
    "callsign": pl.Utf8,
    "ship_type": pl.Int32,
}
#: NMEA bytes per decoding task (about 500,000 lines; multi-process decoding).
CHUNK_BYTES = 32 << 20


@dataclass
class ReadStats:
    """What was read, and what was dropped and why."""

    lines: int = 0
    positions: int = 0
    statics: int = 0
    invalid: int = 0
    bad_checksum: int = 0
    undecodable: int = 0
    untimed: int = 0
    other: int = 0
    files: list[str] = field(default_factory=list)

    def add(self, other: ReadStats) -> None:
        for f in fields(self):
            if f.name == "files":
                self.files.extend(other.files)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class AisData:
    positions: pl.DataFrame
    statics: pl.DataFrame
    stats: ReadStats = field(default_factory=ReadStats)

    @classmethod
    def empty(cls) -> AisData:
        return cls(pl.DataFrame(schema=POSITION_SCHEMA), pl.DataFrame(schema=STATIC_SCHEMA))

    @classmethod
    def concat(cls, parts: Iterable[AisData]) -> AisData:
        parts = list(parts)
        if not parts:
            return cls.empty()
        stats = ReadStats()
        for p in parts:
            stats.add(p.stats)
        return cls(
            pl.concat([p.positions for p in parts], rechunk=True),
            pl.concat([p.statics for p in parts], rechunk=True),
            stats,
        )


# -- validation ----------------------------------------------------------------------


def finish(positions: pl.DataFrame, statics: pl.DataFrame, stats: ReadStats) -> AisData:
    """Cast to the schemas, null the "not available" values, drop and count invalid rows."""
    positions = positions.select(
        pl.col(k).cast(v, strict=False) if k in positions.columns else pl.lit(None, v).alias(k)
        for k, v in POSITION_SCHEMA.items()
    )
    ok = (
        pl.col("lat").is_between(-90.0, 90.0)
        & pl.col("lon").is_between(-180.0, 180.0)
        & pl.col("mmsi").is_between(100_000_000, 999_999_999)
        & pl.col("t").is_not_null()
    ).fill_null(False)
    before = positions.height
    positions = positions.filter(ok).with_columns(
        sog=pl.when(pl.col("sog") < 102.2).then(pl.col("sog")),
        cog=pl.when(pl.col("cog") < 360.0).then(pl.col("cog")),
        heading=pl.when(pl.col("heading") < 360.0).then(pl.col("heading")),
    )
    stats.invalid += before - positions.height
    stats.positions += positions.height
    statics = statics.select(
        pl.col(k).cast(v, strict=False) if k in statics.columns else pl.lit(None, v).alias(k)
        for k, v in STATIC_SCHEMA.items()
    ).filter(
        pl.col("mmsi").is_between(100_000_000, 999_999_999).fill_null(False)
        & pl.col("t").is_not_null()
        & (pl.col("imo").is_not_null() | pl.col("name").is_not_null())
    )
    statics = statics.with_columns(
        imo=pl.col("imo").map_elements(lambda v: clean_imo(v), return_dtype=pl.Utf8),
        name=pl.col("name").str.strip_chars(" @").replace("", None),
        callsign=pl.col("callsign").str.strip_chars(" @").replace("", None),
    )
    stats.statics += statics.height
    return AisData(positions, statics, stats)


# -- NMEA ------------------------------------------------------------------------------


def _prefix_time(prefix: bytes) -> int | None:
    text = prefix.strip(b" ,;\t").decode("ascii", "replace")
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        pass
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return int(stamp.timestamp())


def _tag_time(tag: bytes) -> int | None:
    for part in tag.split(b"*", 1)[0].split(b","):
        if part.startswith(b"c:"):
            try:
                value = int(part[2:])
            except ValueError:
                return None
            return value // 1000 if value > 10**11 else value
    return None


def _decode_chunk(args: tuple[list[bytes], int | None]) -> dict[str, Any]:
    """Decode NMEA lines; returns numpy columns and counts (runs in worker processes)."""
    from pyais import NMEAMessage
    from pyais.exceptions import AISBaseException

    lines, default_time = args
    pline: list[int] = []
    pm: list[int] = []
    pt: list[int] = []
    plat: list[float] = []
    plon: list[float] = []
    psog: list[float] = []
    pcog: list[float] = []
    phead: list[float] = []
    statics: list[tuple[int, int, Any, Any, Any, Any]] = []
    counts = {"lines": 0, "bad_checksum": 0, "undecodable": 0, "untimed": 0, "other": 0}
    frags: dict[tuple[Any, Any, int], list[Any]] = {}
    for number, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        counts["lines"] += 1
        t = default_time
        if line[0] == 92:  # "\" tag block
            end = line.find(b"\\", 1)
            if end < 0:
                counts["undecodable"] += 1
                continue
            t = _tag_time(line[1:end]) or t
            line = line[end + 1 :]
        elif line[0] != 33:  # "!": a leading timestamp, or not AIS at all
            idx = line.find(b"!")
            if idx < 0 or line[idx + 3 : idx + 6] not in (b"VDM", b"VDO"):
                counts["other"] += 1
                continue
            t = _prefix_time(line[:idx]) or t
            line = line[idx:]
        if line[3:6] not in (b"VDM", b"VDO"):
            counts["other"] += 1
            continue
        try:
            sentence = NMEAMessage(line)
        except AISBaseException:
            counts["undecodable"] += 1
            continue
        if not sentence.is_valid:
            counts["bad_checksum"] += 1
            continue
        if sentence.frag_cnt > 1:
            key = (sentence.seq_id, sentence.channel, sentence.frag_cnt)
            parts = frags.setdefault(key, [])
            if sentence.frag_num == 1:
                parts.clear()
            parts.append(sentence)
            if len(parts) < sentence.frag_cnt:
                continue
            del frags[key]
            try:
                sentence = NMEAMessage.assemble_from_iterable(parts)
            except AISBaseException:
                counts["undecodable"] += 1
                continue
        if t is None:
            counts["untimed"] += 1
            continue
        try:
            msg: Any = sentence.decode()
        except (AISBaseException, ValueError, IndexError, KeyError):
            counts["undecodable"] += 1
            continue
        kind = msg.msg_type
        if kind in (1, 2, 3, 18, 19, 27):
            pline.append(number)
            pm.append(msg.mmsi)
            pt.append(t)
            plat.append(msg.lat)
            plon.append(msg.lon)
            psog.append(msg.speed if msg.speed is not None else np.nan)
            pcog.append(msg.course if msg.course is not None else np.nan)
            head = getattr(msg, "heading", None)
            phead.append(511 if head is None else head)
            if kind == 19:
                statics.append((msg.mmsi, t, None, msg.shipname, None, msg.ship_type))
        elif kind == 5:
            imo = str(msg.imo) if msg.imo else None
            statics.append((msg.mmsi, t, imo, msg.shipname, msg.callsign, msg.ship_type))
        elif kind == 24:
            if getattr(msg, "partno", 0) == 0:
                statics.append((msg.mmsi, t, None, msg.shipname, None, None))
            else:
                statics.append((msg.mmsi, t, None, None, msg.callsign, msg.ship_type))
        else:
            counts["other"] += 1
    counts["undecodable"] += sum(len(v) for v in frags.values())
    return {
        "line": np.asarray(pline, dtype=np.int64),
        "mmsi": np.asarray(pm, dtype=np.int32),
        "t": np.asarray(pt, dtype=np.int64),
        "lat": np.asarray(plat, dtype=np.float64),
        "lon": np.asarray(plon, dtype=np.float64),
        "sog": np.asarray(psog, dtype=np.float32),
        "cog": np.asarray(pcog, dtype=np.float32),
        "heading": np.asarray(phead, dtype=np.float32),
        "statics": statics,
        "counts": counts,
    }


def _collect(results: Iterable[dict[str, Any]], stats: ReadStats) -> AisData:
    cols: dict[str, list[np.ndarray[Any, Any]]] = {k: [] for k in POSITION_SCHEMA}
    statics: list[tuple[Any, ...]] = []
    for r in results:
        for k in POSITION_SCHEMA:
            cols[k].append(r[k])
        statics.extend(r["statics"])
        for k, v in r["counts"].items():
            setattr(stats, k, getattr(stats, k) + v)
    columns: dict[str, np.ndarray[Any, Any]] = {}
    for k in POSITION_SCHEMA:  # one column at a time, its chunks freed as it is joined
        parts = cols.pop(k)
        columns[k] = np.concatenate(parts) if parts else np.array([], dtype=np.float64)
        del parts
    positions = pl.DataFrame(columns)
    del columns
    static_df = pl.DataFrame(
        statics, schema=list(STATIC_SCHEMA), orient="row", infer_schema_length=None
    ) if statics else pl.DataFrame(schema=STATIC_SCHEMA)  # fmt: skip
    return finish(positions, static_df, stats)


def _time_of(default_time: int | None) -> Callable[[bytes], int | None]:
    """The time of a line from what precedes its ``!`` (as ``_decode_chunk`` reads it);
    None when the line must go through ``_decode_chunk`` (no time, or an odd layout)."""

    def time_of(prefix: bytes) -> int | None:
        text = prefix.lstrip()
        if not text:
            return default_time
        if text[0] == 92:  # "\" tag block: must end right before the sentence
            if text.find(b"\\", 1) != len(text) - 1:
                return None
            return _tag_time(text[1:-1]) or default_time
        return _prefix_time(text) or default_time

    return time_of


def _decode_bytes(buf: bytes, default_time: int | None = None) -> dict[str, Any]:
    """Decode whole NMEA lines: single-sentence position reports vectorised
    (``fastnmea``), every other line through pyais (``_decode_chunk``), in line order."""
    from weerbaar.maritime.fastnmea import decode_buffer

    fast = decode_buffer(buf, default_time, _time_of(default_time))
    rest = fast.rest
    bounds = zip(fast.starts[rest].tolist(), fast.ends[rest].tolist(), strict=True)
    slow = _decode_chunk(([buf[i:j] for i, j in bounds], default_time))
    slow["counts"]["lines"] += len(fast.line)
    if not len(slow["line"]):
        out = {k: getattr(fast, k) for k in POSITION_SCHEMA}
    else:
        lines = np.concatenate([fast.line, rest[slow["line"]]])
        order = np.argsort(lines, kind="stable")
        out = {k: np.concatenate([getattr(fast, k), slow[k]])[order] for k in POSITION_SCHEMA}
    out["statics"] = slow["statics"]
    out["counts"] = slow["counts"]
    return out


def _decode_range(args: tuple[str, int, int]) -> dict[str, Any]:
    """Decode bytes ``start .. end`` of a file (whole lines; runs in worker processes)."""
    name, start, end = args
    with open(name, "rb") as fh:
        fh.seek(start)
        buf = fh.read(end - start)
    return _decode_bytes(buf)


def read_nmea_lines(lines: list[bytes], *, default_time: int | None = None) -> AisData:
    """Decode NMEA lines in this process (live feeds, small files)."""
    stats = ReadStats()
    buf = b"\n".join(line.rstrip(b"\r\n") for line in lines)
    return _collect([_decode_bytes(buf, default_time)], stats)


def _ranges(path: Path, size: int) -> Iterator[tuple[str, int, int]]:
    """Byte ranges of about ``size`` ending on a line end, never splitting a
    multi-sentence message (a range never starts with fragment 2+)."""
    total = path.stat().st_size
    with path.open("rb") as fh:
        start = 0
        while start < total:
            end = start + size
            if end >= total:
                yield str(path), start, total
                return
            fh.seek(end)
            fh.readline()  # the rest of the line that ``end`` falls in
            while True:
                pos = fh.tell()
                line = fh.readline()
                if not line or not _continues(line):
                    break
            end = pos if line else total
            yield str(path), start, end
            start = end


def _continues(line: bytes) -> bool:
    """True when ``line`` is fragment 2+ of a multi-sentence message."""
    idx = line.find(b"!")
    if idx < 0:
        return False
    parts = line[idx : idx + 20].split(b",", 3)
    return len(parts) > 2 and parts[2] not in (b"1", b"")


def read_nmea(path: Path, *, workers: int | None = None) -> AisData:
    """Decode an NMEA file, in ``workers`` processes when it is big (default: CPU count)."""
    stats = ReadStats(files=[str(path)])
    workers = workers or os.cpu_count() or 1
    size = path.stat().st_size
    if workers <= 1 or size < 8 << 20:
        data = _collect((_decode_range(r) for r in _ranges(path, CHUNK_BYTES)), stats)
    else:
        import multiprocessing as mp

        ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ctx.Pool(workers) as pool:
            data = _collect(pool.imap(_decode_range, _ranges(path, CHUNK_BYTES)), stats)
            pool.close()
            pool.join()
    if data.stats.lines and not data.positions.height and not data.statics.height:
        raise ParseError(
            path,
            f"no AIS message could be decoded from {data.stats.lines} lines "
            f"({data.stats.bad_checksum} bad checksums, {data.stats.undecodable} undecodable, "
            f"{data.stats.untimed} without a time)",
            where="line 1",
            hint="give NMEA !AIVDM sentences, each with a tag block time (\\c:...\\) "
            "or a leading timestamp",
        )
    return data


# -- CSV (DMA, NOAA MarineCadastre, generic) ----------------------------------------------

_ALIASES = {
    "mmsi": ("mmsi",),
    "t": ("timestamp", "basedatetime", "time", "datetime", "t", "timestamp_utc"),
    "lat": ("latitude", "lat"),
    "lon": ("longitude", "lon", "long"),
    "sog": ("sog", "speed"),
    "cog": ("cog", "course"),
    "heading": ("heading", "true_heading"),
    "imo": ("imo", "imo_number"),
    "name": ("name", "vesselname", "vessel_name", "shipname"),
    "callsign": ("callsign", "call_sign"),
    "ship_type": ("vesseltype", "ship_type_code", "shiptype"),
}
_TIME_FORMATS = ("%d/%m/%Y %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S")


def _norm(column: str) -> str:
    return column.strip().lstrip("#").strip().lower().replace(" ", "_")


def _parse_time(col: pl.Expr) -> pl.Expr:
    text = col.str.strip_chars().str.replace(r"(Z|[+-]00:?00)$", "").str.replace(r"\.\d+$", "")
    epoch = text.cast(pl.Float64, strict=False).cast(pl.Int64)
    parsed = [
        text.str.strptime(pl.Datetime("us"), fmt, strict=False).dt.epoch("s")
        for fmt in _TIME_FORMATS
    ]
    return pl.coalesce([epoch, *parsed])


def _first_bad(path: Path, df: pl.DataFrame, raw: str, parsed: str, what: str) -> None:
    bad = df.with_row_index("_row").filter(
        pl.col(raw).is_not_null() & (pl.col(raw).str.strip_chars() != "") & pl.col(parsed).is_null()
    )
    if bad.height:
        row = bad.row(0, named=True)
        raise ParseError(
            path,
            f"{what} {row[raw]!r} cannot be read",
            where=f"line {row['_row'] + 2}",
            hint="dates as dd/mm/yyyy HH:MM:SS (DMA), yyyy-mm-ddTHH:MM:SS (NOAA) or Unix "
            "seconds; coordinates and speeds as numbers with a decimal point",
        )


def read_csv(path: Path) -> AisData:
    """DMA (``# Timestamp,...``), NOAA MarineCadastre (``MMSI,BaseDateTime,...``) or a
    generic CSV with mmsi, time, lat and lon columns."""
    with path.open("rb") as fh:
        head = fh.readline().decode("utf-8-sig", "replace")
    sep = ";" if head.count(";") > head.count(",") else ","
    try:
        df = pl.read_csv(path, separator=sep, infer_schema=False, encoding="utf8-lossy")
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as exc:
        raise ParseError(path, f"not a readable CSV file: {exc}".splitlines()[0]) from None
    names = {_norm(c): c for c in df.columns}
    picked: dict[str, str] = {}
    for key, aliases in _ALIASES.items():
        for alias in aliases:
            if alias in names:
                picked[key] = names[alias]
                break
    missing = [k for k in ("mmsi", "t", "lat", "lon") if k not in picked]
    if missing:
        raise InputError(
            path,
            f"no {', '.join(missing)} column (found: {', '.join(df.columns[:12])})",
            where="line 1",
            hint="use a DMA or NOAA MarineCadastre AIS CSV, or name the columns "
            "mmsi, timestamp, lat, lon",
        )
    src = df.select(pl.col(v).alias(k) for k, v in picked.items())
    num = {k: pl.col(k).str.strip_chars().cast(pl.Float64, strict=False) for k in
           ("mmsi", "lat", "lon", "sog", "cog", "heading") if k in picked}  # fmt: skip
    parsed = src.with_columns(
        *(e.alias(f"_{k}") for k, e in num.items()), _t=_parse_time(pl.col("t"))
    )
    _first_bad(path, parsed, "t", "_t", "the time")
    for k in ("lat", "lon", "sog", "cog"):
        if k in picked:
            _first_bad(path, parsed, k, f"_{k}", f"the {k}")
    stats = ReadStats(lines=df.height, files=[str(path)])
    positions = parsed.select(*(pl.col(f"_{k}").alias(k) for k in num), pl.col("_t").alias("t"))
    static_cols = [k for k in ("imo", "name", "callsign", "ship_type") if k in picked]
    statics = pl.DataFrame(schema=STATIC_SCHEMA)
    if static_cols:
        unknown = ("unknown", "undefined", "0", "")
        statics = (
            parsed.select(
                pl.col("_mmsi").alias("mmsi"),
                pl.col("_t").alias("t"),
                *(
                    pl.when(~pl.col(k).str.strip_chars().str.to_lowercase().is_in(unknown))
                    .then(pl.col(k).str.strip_chars())
                    .alias(k)
                    for k in static_cols
                ),
            )
            .filter(pl.any_horizontal(pl.col(k).is_not_null() for k in static_cols))
            .unique(subset=["mmsi", *static_cols], keep="first", maintain_order=True)
        )
    return finish(positions, statics, stats)


# -- JSON (Digitraffic snapshots and GeoJSON) -------------------------------------------


def _iso_seconds(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return int(value / 1000) if value > 10**11 else int(value)
    return _prefix_time(str(value).encode())


def _is_json(line: bytes) -> bool:
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False


def read_json(path: Path) -> AisData:
    """A Digitraffic-style snapshot ``{timestamp, vessels: [...]}``, a Digitraffic GeoJSON
    ``FeatureCollection`` of points, a list of position records or JSON lines."""
    raw = path.read_bytes()
    try:
        doc: Any = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        lines = raw.splitlines()
        if len(lines) > 1 and _is_json(lines[0]):
            doc = []
            for n, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    doc.append(orjson.loads(line))
                except orjson.JSONDecodeError as inner:
                    raise ParseError(path, f"not JSON: {inner.msg}", where=f"line {n}") from None
        else:
            raise ParseError(
                path, f"not JSON: {exc.msg}", where=f"line {exc.lineno}, column {exc.colno}"
            ) from None
    base: int | None = None
    records: list[Any]
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        base = _iso_seconds(doc.get("dataUpdatedTime"))
        records = []
        for n, feat in enumerate(doc.get("features") or []):
            geom = (feat or {}).get("geometry") or {}
            coords = geom.get("coordinates") or [None, None]
            if geom.get("type") != "Point" or len(coords) < 2:
                raise ParseError(path, "a feature is not a Point", where=f"feature {n}")
            props = dict(feat.get("properties") or {})
            props.setdefault("mmsi", feat.get("mmsi"))
            props["lon"], props["lat"] = coords[0], coords[1]
            props["_time"] = props.get("timestampExternal")
            records.append(props)
    elif isinstance(doc, dict) and isinstance(doc.get("vessels"), list):
        base = _iso_seconds(doc.get("timestamp"))
        records = doc["vessels"]
    elif isinstance(doc, list):
        records = doc
    else:
        raise ParseError(
            path,
            "not a known AIS JSON layout",
            where="top level",
            hint="give a Digitraffic snapshot {timestamp, vessels:[...]} or a GeoJSON "
            "FeatureCollection of points",
        )
    cols: dict[str, list[Any]] = {k: [] for k in POSITION_SCHEMA}
    statics: list[tuple[Any, ...]] = []
    for n, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise ParseError(path, "a record is not an object", where=f"record {n}")
        t = _iso_seconds(rec.get("_time") or rec.get("timestampExternal") or rec.get("time"))
        if (
            t is None
            and isinstance(rec.get("timestamp"), str | int)
            and not (isinstance(rec.get("timestamp"), int) and rec["timestamp"] < 61)
        ):
            t = _iso_seconds(rec.get("timestamp"))
        t = t if t is not None else base
        lat = rec.get("lat", rec.get("latitude"))
        lon = rec.get("lon", rec.get("longitude"))
        if lat is not None or lon is not None:
            if not all(isinstance(v, int | float) for v in (lat, lon)):
                raise ParseError(path, f"lat/lon {lat!r}, {lon!r} are not numbers",
                                 where=f"record {n}")  # fmt: skip
            cols["mmsi"].append(rec.get("mmsi"))
            cols["t"].append(t)
            cols["lat"].append(lat)
            cols["lon"].append(lon)
            cols["sog"].append(rec.get("sog"))
            cols["cog"].append(rec.get("cog"))
            cols["heading"].append(rec.get("heading"))
        imo = rec.get("imo")
        name = rec.get("name")
        if imo or name:
            call = rec.get("callSign") or rec.get("callsign")
            kind = rec.get("shipType", rec.get("ship_type"))
            statics.append((rec.get("mmsi"), t, str(imo) if imo else None, name, call, kind))
    positions = pl.DataFrame(
        cols, schema={k: pl.Float64 if k != "t" else pl.Int64 for k in cols}, strict=False
    )
    static_df = (
        pl.DataFrame(statics, schema=list(STATIC_SCHEMA), orient="row", infer_schema_length=None)
        if statics
        else pl.DataFrame(schema=STATIC_SCHEMA)
    )
    stats = ReadStats(lines=len(records), files=[str(path)])
    stats.untimed = positions["t"].null_count()
    positions = positions.filter(pl.col("t").is_not_null())
    return finish(positions, static_df.filter(pl.col("t").is_not_null()), stats)


# -- any file -----------------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """``nmea``, ``json`` or ``csv`` from the first bytes of ``path``."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    text = head.lstrip(b"\xef\xbb\xbf \r\n\t")
    if not text:
        raise InputError(path, "the file is empty")
    if text[:1] in (b"{", b"["):
        return "json"
    if b"VDM," in head or b"VDO," in head:
        return "nmea"
    return "csv"


def read_ais(path: Path, *, workers: int | None = None) -> AisData:
    """Any supported AIS file, the format recognised from its content."""
    kind = detect_format(path)
    if kind == "nmea":
        return read_nmea(path, workers=workers)
    if kind == "json":
        return read_json(path)
    return read_csv(path)


def read_many(paths: Iterable[Path], *, workers: int | None = None) -> AisData:
    return AisData.concat(read_ais(p, workers=workers) for p in paths)
