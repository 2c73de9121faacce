"""One printed name cell of the Official Journal into a name, aliases and notes.

The OJ prints variants, notes and other scripts inside a name::

    Najm (a.k.a. Nejm) Hamad AL AHMAD
    Simon AL WAKIL (Simon WAKIL, Simon WAQIL) – سيمون الوكيل, سيمون
    Valentina Ivanovna MATVIYENKO (born TYUTINA)
    Shahid Bagheri Industrial Group (SBIG)
    Ali Barkani (Date of birth: 22.8.1973; place of birth: Morocco)

``parse_name(cell, schema)`` returns a ``PrintedName``: the main name and
its ``aliases`` (a word alternative substituted one at a time, never all
combinations; a whole-name alternative; a version in another script),
``weak`` aliases (nicknames, a one-word name of a person), ``previous``
names (``formerly known as``, a maiden name ``born X``) and ``notes``
(text that names nobody: dates of birth, ``previously listed as``). What is
kept in the name: a legal form in parentheses (``(JSC)``), a place or branch
(``(Hong Kong)``) and an organisation's dash (``Rostekh – Azimuth``).

The text is read in two steps. First the cell is cut at its top level
(outside parentheses) into segments: language labels (``Russian:``), a dash
before another script, ``a.k.a.``, a change of script, two full names
printed one after the other, ``(b)`` enumerations. Then each segment's
parenthesised groups are read for what they hold.

The package: ``patterns`` (regular expressions and constant tables),
``text`` (tidying, parentheses, scripts), ``found`` (what a cell was found
to hold), ``segments`` (cutting a cell into segments), ``reading`` (one name
and its parenthesised groups) and ``cell`` (``parse_name``, ``PrintedName``).
"""

from __future__ import annotations

from weerbaar.sources.eu_oj.names.cell import PrintedName, parse_name
from weerbaar.sources.eu_oj.names.patterns import (
    AKA,
    BRANCH,
    DASH,
    ENUMERATOR,
    KIND_LABEL,
    KIND_OF_LABEL,
    LABEL,
    LEGAL_FORMS,
    NOTE,
    NOTE_TAIL,
    SIMILAR,
    SUBSIDIARIES,
)
from weerbaar.sources.eu_oj.names.text import script

# The public names of the former single module ``names.py``.
__all__ = [
    "AKA",
    "BRANCH",
    "DASH",
    "ENUMERATOR",
    "KIND_LABEL",
    "KIND_OF_LABEL",
    "LABEL",
    "LEGAL_FORMS",
    "NOTE",
    "NOTE_TAIL",
    "SIMILAR",
    "SUBSIDIARIES",
    "PrintedName",
    "parse_name",
    "script",
]
