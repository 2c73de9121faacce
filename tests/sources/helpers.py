"""Parse list files the way ``weerbaar lists import`` does, without a store."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from weerbaar.sources.base import Context
from weerbaar.sources.detect import plan
from weerbaar.sources.registry import load_registry
from weerbaar.sources.runner import parse_input


def parse_files(*paths: Path, format: str | None = None, source: str | None = None) -> Context:
    """Detect, group and parse the files of exactly one list version."""
    registry = load_registry()
    planned = plan(list(paths), registry, format=format, source=source)
    assert len(planned) == 1, f"expected one list version, got {len(planned)}"
    inp, source_id = planned[0]
    return parse_input(inp, registry.source(source_id))


def target_counts(ctx: Context) -> Counter[str]:
    return Counter(ctx.entities[t].schema.name for t in ctx.targets)


def entity(ctx: Context, entity_id: str) -> dict[str, list[str]]:
    """An emitted entity's properties, for bare asserts."""
    return ctx.entities[entity_id].to_dict()["properties"]  # type: ignore[no-any-return]


def sanctions_of(ctx: Context, entity_id: str) -> list[dict[str, list[str]]]:
    """The properties of every Sanction pointing at an entity."""
    return [
        e.to_dict()["properties"]
        for e in ctx.entities.values()
        if e.schema.name == "Sanction" and entity_id in e.get("entity")
    ]


def sanction_of(ctx: Context, entity_id: str) -> dict[str, list[str]]:
    """The one Sanction pointing at an entity."""
    found = sanctions_of(ctx, entity_id)
    assert len(found) == 1, found
    return found[0]
