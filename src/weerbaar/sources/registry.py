"""Find list sources: every folder here with a ``source.yml``, plus entry points.

An outside package registers a module exposing ``SOURCE`` (a dict like a
``source.yml``) and ``FORMATS`` under the ``weerbaar.sources`` entry point
group; built-ins come through the folder scan, into the same registry.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

import yaml

from weerbaar.core.errors import ConfigError, NotFoundError
from weerbaar.sources.base import Format, SourceSpec

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Registry:
    sources: dict[str, SourceSpec]
    formats: dict[str, Format]

    def source(self, source_id: str) -> SourceSpec:
        try:
            return self.sources[source_id]
        except KeyError:
            known = ", ".join(sorted(self.sources))
            raise NotFoundError(
                f"no list source {source_id!r}", hint=f"use one of: {known}"
            ) from None

    def add_open_source(self, source_id: str, template: str) -> SourceSpec:
        """A user-named source for an open format, modelled on its default source."""
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,40}", source_id):
            raise ConfigError(
                f"{source_id!r} is not a usable source id",
                hint="use lower-case letters, digits and _ (e.g. os_ua_war)",
            )
        base = self.source(template)
        spec = replace(
            base,
            id=source_id,
            prefix=source_id.replace("_", "-"),
            title=f"{base.title}: {source_id}",
            resources=(),
        )
        self.sources[source_id] = spec
        return spec

    def format(self, name: str) -> Format:
        try:
            return self.formats[name]
        except KeyError:
            known = ", ".join(sorted(self.formats))
            raise NotFoundError(f"no list format {name!r}", hint=f"use one of: {known}") from None


def _register(
    module: ModuleType,
    spec_data: dict[str, object] | None,
    sources: dict[str, SourceSpec],
    formats: dict[str, Format],
) -> None:
    data = spec_data if spec_data is not None else getattr(module, "SOURCE", None)
    if isinstance(data, dict):
        spec = SourceSpec.from_dict(data)
        sources[spec.id] = spec
    for fmt in getattr(module, "FORMATS", []):
        formats[fmt.name] = fmt
    for extra in getattr(module, "EXTRA_SOURCES", []):
        spec = SourceSpec.from_dict(extra)
        sources[spec.id] = spec


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    sources: dict[str, SourceSpec] = {}
    formats: dict[str, Format] = {}
    for yml in sorted(HERE.glob("*/source.yml")):
        data = yaml.safe_load(yml.read_text(encoding="utf-8"))
        module = importlib.import_module(f"weerbaar.sources.{yml.parent.name}.parse")
        _register(module, data, sources, formats)
    for ep in entry_points(group="weerbaar.sources"):
        _register(ep.load(), None, sources, formats)
    return Registry(sources=sources, formats=formats)
