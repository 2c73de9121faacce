"""What one printed name cell was found to hold, collected while it is read.

``Found`` gathers the aliases, weak aliases, previous names and notes that
the segment splitters and the name reader come across, in the order they
are met; ``parse_name`` turns it into a ``PrintedName`` at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from weerbaar.sources.eu_oj.names.patterns import LABEL
from weerbaar.sources.eu_oj.names.text import tidy, unquote


@dataclass
class Found:
    """The other names and notes of one cell, in the order they were read."""

    aliases: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    previous: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def put(self, kind: str, value: str) -> None:
        """File a value as ``alias``, ``weak``, ``previous`` or ``notes`` (if it has a letter)."""
        value = unquote(tidy(value))
        if value and re.search(r"\w", value):
            getattr(self, {"alias": "aliases"}.get(kind, kind)).append(value)

    def note(self, inner: str) -> None:
        """A note; a name in another script inside it (``in Arabic: ...``) is an alias."""
        m = LABEL.search(inner)
        if m is not None:
            self.put("alias", inner[m.end() :])
            inner = inner[: m.start()]
        self.put("notes", inner)
