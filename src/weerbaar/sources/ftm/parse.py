"""FollowTheMoney JSON lines: one entity object per line.

Each line is ``{"id": ..., "schema": ..., "properties": {prop: [values]}}``,
as OpenSanctions writes ``entities.ftm.json`` (with ``caption``,
``datasets``, ``referents``, ``target``, ``first_seen``, ``last_seen`` and
``last_change`` besides). Ids are kept as given: they are already
namespaced by their publisher. The file is read line by line, so a large
export is never held as text.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
from followthemoney import model
from followthemoney.schema import Schema

from weerbaar.core.errors import EncodingError
from weerbaar.sources.base import TARGET_SCHEMATA, Context, Format, Sniff

HINT = "the file is cut short or damaged; fetch it again from its publisher"
_OBJECT_START = re.compile(r'^\s*\{\s*"(id|schema|caption)"\s*:')


def detect(sniff: Sniff) -> bool:
    if sniff.kind != "json":
        return False
    text = sniff.text.lstrip("\ufeff \t\r\n")
    first, newline, _ = text.partition("\n")
    try:
        data = orjson.loads(first)
    except orjson.JSONDecodeError:
        if newline:  # the whole first line was read and is not JSON
            return False
        # The first entity is longer than the sniffed head: judge by its opening.
        return (
            bool(_OBJECT_START.match(first))
            and '"schema"' in first
            and ('"properties"' in first or '"id"' in first)
        )
    return isinstance(data, dict) and "schema" in data and ("properties" in data or "id" in data)


def is_target(schema: Schema, record: dict[str, Any]) -> bool:
    """The record's own ``target`` flag; without one, whether the schema is a list target."""
    flag = record.get("target")
    if isinstance(flag, bool):
        return flag
    return any(schema.is_a(name) for name in TARGET_SCHEMATA)


def _decode_error(ctx: Context, raw: bytes, number: int) -> None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            ctx.path,
            f"byte 0x{raw[exc.start]:02x} cannot be decoded as utf-8",
            where=f"line {number}",
            hint="FollowTheMoney files are UTF-8; fetch the file again",
        ) from exc


def parse(ctx: Context) -> None:
    last_dates: list[str] = []
    with ctx.path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                record = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                _decode_error(ctx, raw, number)
                ctx.fail(f"not valid JSON: {exc}", where=f"line {number}", hint=HINT)
            parse_record(ctx, record, number)
            for key in ("last_change", "last_seen"):
                if isinstance(value := record.get(key), str) and value[:4].isdigit():
                    last_dates.append(value[:10])
    ctx.set_list_date(max(last_dates) if last_dates else ctx.list_date_from_name())


def parse_record(ctx: Context, record: Any, number: int) -> None:
    where = f"line {number}"
    if not isinstance(record, dict):
        ctx.fail("a line is not a JSON object", where=where, hint=HINT)
    schema_name = record.get("schema")
    schema = model.get(schema_name) if isinstance(schema_name, str) else None
    if schema is None:
        ctx.fail(
            f"unknown followthemoney schema {schema_name!r}",
            where=where,
            hint="the file may come from a newer followthemoney version, or not be "
            "followthemoney data",
        )
    entity_id = record.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        ctx.fail(f"a {schema.name} entity has no id", where=where, hint=HINT)
    properties = record.get("properties") or {}
    if not isinstance(properties, dict):
        ctx.fail("'properties' is not a JSON object", where=where, hint=HINT)
    entity = ctx.make(schema.name, entity_id.strip())
    for prop, values in properties.items():
        if schema.get(prop) is None:
            ctx.warn(f"unknown property {schema.name}:{prop} (skipped)")
            continue
        if not isinstance(values, list):
            values = [values]
        entity.add(prop, [str(v) for v in values if isinstance(v, str | int | float)])
    ctx.emit(entity, target=is_target(schema, record))


FORMATS = [
    Format(
        name="ftm_jsonl",
        source="ftm",
        title="FollowTheMoney entities (JSON lines)",
        detect=detect,
        parse=parse,
        open_source=True,
    )
]
