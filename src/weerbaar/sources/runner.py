"""Run one source's parser over one input, producing a finished Context."""

from __future__ import annotations

from datetime import UTC, datetime

from weerbaar.core.errors import ParseError
from weerbaar.sources.base import Context, Input, SourceSpec


def parse_input(inp: Input, spec: SourceSpec) -> Context:
    """Parse a whole input; raise on any malformed part, so imports stay all-or-nothing."""
    ctx = Context(spec, inp)
    inp.format.parse(ctx)
    if not ctx.targets:
        raise ParseError(
            inp.path,
            f"no list entries found in this {inp.format.title}",
            hint="the file may be cut short or be another export; check it or fetch it again",
        )
    if ctx.list_date is None:
        ctx.set_list_date(ctx.list_date_from_name() or datetime.now(UTC).date().isoformat())
    return ctx
