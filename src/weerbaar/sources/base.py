"""What a parser sees: the source's metadata, the sniffed input files, and a Context.

A parser walks its files and calls ``ctx.make(...)``, ``entity.add(...)``
and ``ctx.emit(entity)``. It never touches the store: the importer turns the
emitted entities into statements afterwards, all or nothing.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

from followthemoney.dataset import Dataset
from followthemoney.statement import StatementEntity

from weerbaar.core.countries import country_code
from weerbaar.core.dates import parse_dates
from weerbaar.core.errors import EncodingError, ParseError

Entity = StatementEntity

#: Schemata counted as list targets (Sanction, Address, Identification are not).
TARGET_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane")

HEAD_BYTES = 65536
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


@dataclass(frozen=True)
class SourceSpec:
    """A list source's metadata, read from its ``source.yml``."""

    id: str
    title: str
    publisher: str
    authority: str
    country: str
    prefix: str
    url: str | None = None
    resources: tuple[dict[str, str], ...] = ()
    description: str = ""
    licence: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceSpec:
        known = {
            k: data[k]
            for k in (
                "id",
                "title",
                "publisher",
                "authority",
                "country",
                "prefix",
                "url",
                "description",
                "licence",
            )
            if k in data
        }
        resources = tuple(dict(r) for r in data.get("resources", []) or [])
        extra = {k: v for k, v in data.items() if k not in known and k != "resources"}
        return cls(resources=resources, extra=extra, **known)


class Sniff:
    """The first bytes of one input file, with cheap views used by format detection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = path.stat().st_size
        with path.open("rb") as fh:
            self.head = fh.read(HEAD_BYTES)

    @cached_property
    def kind(self) -> str:
        """One of empty, zip, xml, json, text, binary."""
        head = self.head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not head:
            return "empty"
        if head.startswith(b"PK\x03\x04"):
            return "zip"
        if head.startswith(b"<"):
            return "xml"
        if head[:1] in (b"{", b"["):
            return "json"
        if b"\x00" in self.head[:4096]:
            return "binary"
        return "text"

    @cached_property
    def text(self) -> str:
        """The head decoded leniently (for detection only, never for parsing)."""
        data = self.head
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start > len(data) - 4:  # a character cut by the head limit
                return data[: exc.start].decode("utf-8")
            return data.decode("cp1252", errors="replace")

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()[:20]

    @cached_property
    def xml_root(self) -> str | None:
        """The root element's tag, ``{namespace}local`` (or None)."""
        match = re.search(rb"<([A-Za-z_][\w.:-]*)[\s>/]", _strip_prolog(self.head))
        if match is None:
            return None
        tag = match.group(1).decode("ascii", "replace")
        prefix, _, local = tag.rpartition(":")
        ns = re.search(
            rb"xmlns" + (b":" + prefix.encode() if prefix else b"") + rb'\s*=\s*"([^"]*)"',
            self.head,
        )
        return f"{{{ns.group(1).decode()}}}{local}" if ns else local

    @cached_property
    def zip_names(self) -> list[str]:
        if self.kind != "zip":
            return []
        try:
            with zipfile.ZipFile(self.path) as zf:
                return zf.namelist()
        except (zipfile.BadZipFile, OSError):
            return []

    def zip_read(self, name: str, limit: int = HEAD_BYTES) -> bytes:
        try:
            with zipfile.ZipFile(self.path) as zf, zf.open(name) as fh:
                return fh.read(limit)
        except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error):
            return b""


def _strip_prolog(head: bytes) -> bytes:
    """Drop the XML declaration, comments and doctype before the root element."""
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    while True:
        m = re.match(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", head, re.S)
        if not m:
            return head
        head = head[m.end() :]


Detector = Callable[[Sniff], bool]
Parser = Callable[["Context"], None]


@dataclass(frozen=True)
class Format:
    """One file format a source reads.

    ``role`` is ``main`` for the file that carries the list, or ``part`` for a
    companion file (OFAC's ``add.csv``) that is attached to a main file of
    ``part_of`` given in the same import. ``many`` marks a format of which a
    list version has several files (the EU Official Journal transcriptions:
    one file per regulation, one per amending act): every file of it given
    in one import joins the same input, in path order.
    """

    name: str
    source: str
    title: str
    detect: Detector
    parse: Parser
    role: str = "main"
    part_of: str | None = None
    #: Pick the source id from the file when one format serves two lists
    #: (OFAC's SDN and consolidated lists share their formats).
    choose_source: Callable[[Sniff], str] | None = None
    #: ``--source`` may name a new source for this format (any FtM dataset);
    #: it is created from the format's default source with that id and prefix.
    open_source: bool = False
    many: bool = False

    def source_for(self, sniff: Sniff) -> str:
        return self.choose_source(sniff) if self.choose_source else self.source

    def __repr__(self) -> str:
        return f"<Format {self.name}>"


@dataclass
class Input:
    """A main input file and its companion files (keyed by the part format's name).

    Files of a ``many`` format are in ``sets`` (by format name, main format
    included, in path order); ``path`` is then the first of the main format's.
    """

    path: Path
    format: Format
    parts: dict[str, Path] = field(default_factory=dict)
    sets: dict[str, list[Path]] = field(default_factory=dict)

    @property
    def paths(self) -> list[Path]:
        more = [p for files in self.sets.values() for p in files if p != self.path]
        return [self.path, *self.parts.values(), *more]


class Context:
    """Collects what a parser emits for one list version."""

    def __init__(self, spec: SourceSpec, input: Input) -> None:
        self.spec = spec
        self.input = input
        self.dataset = Dataset.make({"name": spec.id, "title": spec.title})
        self.entities: dict[str, Entity] = {}
        self.targets: set[str] = set()
        self.list_date: str | None = None
        self.warnings: Counter[str] = Counter()

    # -- files -----------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.input.path

    def part(self, name: str) -> Path | None:
        """The companion file of the given part format, if one was given."""
        return self.input.parts.get(name)

    def files(self, name: str) -> list[Path]:
        """Every file of a ``many`` format given in this import, in path order."""
        return list(self.input.sets.get(name, []))

    def read_text(self, path: Path, encodings: tuple[str, ...] = ("utf-8",)) -> str:
        """Decode a whole file; on failure, name the byte, line and encodings tried."""
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        error: UnicodeDecodeError | None = None
        for enc in encodings:
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                error = exc
        assert error is not None
        line = data.count(b"\n", 0, error.start) + 1
        raise EncodingError(
            path,
            f"byte 0x{data[error.start]:02x} at offset {error.start} cannot be decoded as "
            f"{' or '.join(encodings)}",
            where=f"line {line}",
            hint=f"save the file as {encodings[0].upper()} (it looks like another encoding "
            "or a damaged download) and import it again",
        )

    def fail(
        self,
        message: str,
        *,
        where: str | None = None,
        hint: str | None = None,
        path: Path | None = None,
    ) -> NoReturn:
        raise ParseError(path or self.path, message, where=where, hint=hint)

    def warn(self, message: str) -> None:
        """Note something odd but survivable; the import report counts these."""
        self.warnings[message] += 1

    # -- entities --------------------------------------------------------
    def set_list_date(self, value: str | None) -> None:
        if value:
            self.list_date = value[:10]

    def list_date_from_name(self) -> str | None:
        m = _DATE_IN_NAME.search(self.path.name)
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None

    def make_id(self, *parts: object) -> str:
        """A stable entity id: the source's prefix and the list's own key."""
        clean = [str(p).strip() for p in parts if p is not None and str(p).strip()]
        if not clean:
            self.fail("an entity has no key to build an id from")
        slug = "-".join(re.sub(r"[^\w.]+", "-", c).strip("-").lower() for c in clean)
        if len(slug) > 60:
            slug = hashlib.sha1(slug.encode()).hexdigest()
        return f"{self.spec.prefix}-{slug}"

    def make(self, schema: str, id: str | None = None) -> Entity:
        entity = StatementEntity(self.dataset, {"schema": schema})
        entity.id = id
        return entity

    def emit(self, entity: Entity, *, target: bool = False) -> None:
        if entity.id is None:
            self.fail(f"a {entity.schema.name} entity was emitted without an id")
        previous = self.entities.get(entity.id)
        if previous is not None and previous is not entity:
            previous.merge(entity)
        else:
            self.entities[entity.id] = entity
        if target:
            self.targets.add(entity.id)

    def make_sanction(self, entity: Entity, key: object = None) -> Entity:
        """A Sanction linked to ``entity``, pre-filled with this source's authority."""
        suffix = "-".join(str(p) for p in ("sanction", key) if p is not None)
        sanction = self.make("Sanction", f"{entity.id}-{suffix}")
        sanction.add("entity", entity.id)
        sanction.add("authority", self.spec.authority)
        sanction.add("country", self.spec.country)
        if self.spec.url:
            sanction.add("sourceUrl", self.spec.url)
        return sanction

    # -- value helpers shared by parsers ----------------------------------
    def add_country(
        self, entity: Entity, prop: str, text: str | None, *, fuzzy: bool = False
    ) -> None:
        """Add a country by name, demonym or code; warn when it cannot be read."""
        if text is None or not text.strip():
            return
        code = country_code(text, fuzzy)
        if code is None:
            if text.strip().lower() not in {"00", "unknown", "stateless"}:
                self.warn(f"unrecognised country {text.strip()!r}")
            return
        entity.add(prop, code, original_value=text.strip())

    def add_dates(
        self,
        entity: Entity,
        prop: str,
        text: str | None,
        *,
        month_first: bool = False,
        original: str | None = None,
    ) -> None:
        """Add every date in free wording; warn on the parts that cannot be read.

        ``original`` is the wording as listed, when ``text`` is a cleaned copy.
        """
        parsed = parse_dates(text, month_first=month_first)
        for value in parsed.values:
            entity.add(prop, value, original_value=(original or text or "").strip())
        for bad in parsed.unparsed:
            self.warn(f"unreadable date {bad!r} in {prop}")

    def iter_targets(self) -> Iterator[Entity]:
        for eid in sorted(self.targets):
            yield self.entities[eid]
