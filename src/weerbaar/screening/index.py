"""The candidate index: find the few list entities worth scoring for a query.

    CandidateIndex.build(entries)        -> index over every name of every entry
    index.candidates(record, limit=40)   -> [Candidate], best first
    load_index(settings)                 -> the cached index, built when the store changed

Blocking only: the index never decides a match; it keeps the top ``limit``
entries for :func:`weerbaar.matching.compare` to score (see
``weerbaar.screening.screen``). Every name (names, aliases, previous names,
names built from their parts) is prepared with
:func:`weerbaar.matching.names.prepare` and turned into weighted features:

- ``w`` the whole Latin word, ``f`` its transliteration-folded key and ``s``
  its consonant skeleton, so spelling variants of one name find each other;
- ``g`` character 3-grams of the padded Latin word, for typos and words run
  together or split ("Darvishvand" / "DARVISH-VAND");
- ``a`` the sorted letters of a word of five letters or more, for two letters
  swapped ("RAJDA" / "RADJA", which share no 3-gram), as the matcher's
  "letters swapped" similarity reads them.

Features are TF-IDF weighted (by the token's weight, so legal forms and generic
words count little) and each name's vector has unit length: a query name's
score against a list name is their cosine similarity, computed from posting
lists (feature -> names). An entry scores as its best name; identifiers
(passport, IMO, registration numbers...) that equal the query's come first.

The index is kept on disk under ``WEERBAAR_HOME/index/``, named by the
store's newest version of every list and by a digest of the matching code, so
a new import or an upgrade builds a new one; the first use after an import
pays the build, every later process loads it in well under a second.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

import weerbaar.matching as matching_package
from weerbaar.core.errors import NotFoundError
from weerbaar.core.settings import Settings
from weerbaar.matching.compare import CRAFT, compatible, is_person, record_names
from weerbaar.matching.hanja import read_in_korean
from weerbaar.matching.names import (
    Name,
    prepare,
    read_as_loanword,
    read_as_persian,
    read_as_transcription,
)
from weerbaar.matching.record import Record
from weerbaar.screening.entities import Entry

#: Bump when the features or the file layout change: old cache files are then ignored.
INDEX_FORMAT = 11
DEFAULT_LIMIT = 40
#: Relative weight of each feature family (whole word, folded, skeleton, 3-gram,
#: sorted letters).
FAMILY_WEIGHTS = {"w": 1.5, "f": 1.5, "s": 0.7, "g": 1.0, "a": 0.7}
#: Words at least this long also get their sorted letters as a feature.
ANAGRAM_MIN = 5

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int32]

_ID_CLEAN = re.compile(r"[^0-9A-Z]")


def identifier_key(value: str) -> str | None:
    """An identifier as compared: upper-case letters and digits, no ``IMO`` prefix."""
    key = _ID_CLEAN.sub("", value.upper())
    if key.startswith("IMO") and key[3:].isdigit():
        key = key[3:]
    return key if len(key) >= 5 else None


def name_features(name: Name) -> dict[str, float]:
    """Feature -> raw weight (term frequency times token weight) of one prepared name."""
    out: dict[str, float] = defaultdict(float)
    for token in name.tokens:
        w = token.weight
        out["w" + token.text] += w * FAMILY_WEIGHTS["w"]
        out["f" + token.folded] += w * FAMILY_WEIGHTS["f"]
        if token.skeleton:
            out["s" + token.skeleton] += w * FAMILY_WEIGHTS["s"]
        padded = f" {token.text} "
        for i in range(len(padded) - 2):
            out["g" + padded[i : i + 3]] += w * FAMILY_WEIGHTS["g"]
        if len(token.text) >= ANAGRAM_MIN:
            out["a" + "".join(sorted(token.text))] += w * FAMILY_WEIGHTS["a"]
    return out


def query_names(record: Record) -> list[Name]:
    """A query's prepared names, and each person's name in Chinese characters read
    in Korean too (:func:`weerbaar.matching.hanja.read_in_korean`: "金正恩" finds
    "Kim Jong Un", whom its Chinese reading "jin zheng en" would not), and each
    in Hangul of a Korean name's shape read as a foreign name as well
    (:func:`weerbaar.matching.names.read_as_loanword`: "제러미" finds "Jeremy"),
    and each in Chinese characters without the transcription dot read as a
    transcription (:func:`weerbaar.matching.names.read_as_transcription`), and
    each in Arabic letters read as Persian (:func:`weerbaar.matching.names.
    read_as_persian`: "محمد رضا محمدى" finds "Mohammad Reza Mohammadi"); an
    organisation's in Chinese characters is read by sound too ("哈德逊研究所" finds
    "Hudson Institute")."""
    person = is_person(record.schema)
    craft = record.schema in CRAFT
    names = [prepare(n, person, craft) for n in record_names(record)]
    persian = [r for n in names if (r := read_as_persian(n)) is not None]
    if not person:
        # an organisation's name in Chinese characters read by sound too
        sound = [r for n in names if (r := read_as_transcription(n)) is not None]
        return names + persian + sound
    readers = (read_in_korean, read_as_loanword, read_as_transcription)
    return (
        names + persian + [r for n in names for reader in readers if (r := reader(n)) is not None]
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry found for a query: its number, similarity and names (best first)."""

    number: int
    similarity: float
    names: list[str]


class CandidateIndex:
    """Posting lists of name features over every entry, plus identifier lookups.

    Feature ``f``'s postings are ``names[indptr[f]:indptr[f+1]]`` with
    ``weights[...]``; names are numbered in entry order, entry ``e``'s names
    start at ``entry_start[e]``.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.key: str = data["key"]
        self.vocab: dict[str, int] = data["vocab"]
        self.idf: Floats = data["idf"]
        self.indptr: npt.NDArray[np.int64] = data["indptr"]
        self.names: Ints = data["names"]
        self.weights: Floats = data["weights"]
        self.n_names: int = data["n_names"]
        self.name_texts: list[str] = orjson.loads(data["name_texts"])
        self.entry_start: npt.NDArray[np.int64] = data["entry_start"]
        self.has_names: npt.NDArray[np.bool_] = data["has_names"]
        self.identifiers: dict[str, list[int]] = data["identifiers"]
        self.schemata: list[str] = data["schemata"]
        self.entry_schema: Ints = data["entry_schema"]
        self._raw: list[list[Any]] = orjson.loads(data["entries"])
        self._siblings: dict[str, list[list[str]]] = orjson.loads(data["siblings"])
        self._entries: dict[int, Entry] = {}
        self._masks: dict[str, Floats] = {}
        self._names_entry: Ints | None = None
        self._top_idf = float(self.idf.max()) if len(self.idf) else 1.0
        self.data = data

    def __len__(self) -> int:
        return len(self._raw)

    def entry(self, number: int) -> Entry:
        if number not in self._entries:
            self._entries[number] = Entry.from_list(self._raw[number])
        return self._entries[number]

    def siblings(self, number: int) -> list[list[str]]:
        """The entry's names that have one Latin form, in groups of two or more
        ("Сергей ИЛЬИН" and "Sergey ILIN"): the index keeps the first of each group."""
        return self._siblings.get(str(number), [])

    # -- building ------------------------------------------------------------
    @classmethod
    def build(
        cls, entries: list[Entry], key: str = "", progress: Callable[[int], None] | None = None
    ) -> CandidateIndex:
        """Index the names and identifiers of ``entries`` (``progress(1)`` per entry)."""
        from scipy import sparse

        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        entry_start: list[int] = []
        name_texts: list[str] = []
        n_names = 0
        identifiers: dict[str, list[int]] = defaultdict(list)
        siblings: dict[str, list[list[str]]] = {}
        for number, entry in enumerate(entries):
            entry_start.append(n_names)
            features, groups = _entry_features(entry)
            if groups:
                siblings[str(number)] = groups
            for text, feats in features:
                name_texts.append(text)
                for feature, value in feats.items():
                    rows.append(n_names)
                    cols.append(vocab.setdefault(feature, len(vocab)))
                    vals.append(value)
                n_names += 1
            for ident in {identifier_key(v) for v in entry.record.identifiers} - {None}:
                identifiers[str(ident)].append(number)
            if progress is not None:
                progress(1)
        shape = (n_names, len(vocab))
        matrix = sparse.csr_matrix(
            (np.array(vals, np.float32), (np.array(rows), np.array(cols))), shape=shape
        )
        df = np.bincount(np.array(cols, np.int64), minlength=len(vocab)).astype(np.float32)
        idf = np.log((1.0 + shape[0]) / (1.0 + df)).astype(np.float32) + np.float32(1.0)
        by_feature = _unit_rows(sparse.csr_matrix(matrix.multiply(idf[None, :]))).T.tocsr()
        starts = np.array(entry_start, np.int64)
        ends = np.append(starts[1:], n_names)
        schemata = sorted({e.schema for e in entries})
        return cls(
            {
                "format": INDEX_FORMAT,
                "key": key,
                "vocab": vocab,
                "idf": idf,
                "indptr": by_feature.indptr.astype(np.int64),
                "names": by_feature.indices.astype(np.int32),
                "weights": by_feature.data.astype(np.float32),
                "n_names": n_names,
                "name_texts": orjson.dumps(name_texts),
                "entry_start": starts,
                "has_names": ends > starts,
                "identifiers": dict(identifiers),
                "schemata": schemata,
                "entry_schema": np.array([schemata.index(e.schema) for e in entries], np.int32),
                "entries": orjson.dumps([e.to_list() for e in entries]),
                "siblings": orjson.dumps(siblings),
            }
        )

    # -- searching -----------------------------------------------------------
    def candidates(self, record: Record, limit: int = DEFAULT_LIMIT) -> list[Candidate]:
        """Entries worth scoring against ``record``, best first (at most ``limit``).

        Entries sharing an identifier with the query come first (similarity 1.0).
        """
        exact = list(dict.fromkeys(self.identifier_hits(record)))
        per_name: Floats | None = None
        for name in query_names(record):
            scores = self._name_scores(name)
            if scores is not None:
                per_name = scores if per_name is None else np.maximum(per_name, scores)
        if per_name is None:
            return [self._candidate(n, 1.0, None) for n in exact[:limit]]
        # Each entry's best name: the maximum of its names' scores (all >= 0).
        best = np.zeros(len(self.entry_start), np.float32)
        np.maximum.at(best, self._name_entry(), per_name[: self.n_names])
        best *= self.has_names
        best *= self._mask(record.schema)
        want = min(limit + len(exact), len(best))
        top = np.argpartition(-best, want - 1)[:want]
        top = top[np.argsort(-best[top], kind="stable")]
        scores = best[top].tolist()
        ranked = [
            (n, score)
            for n, score in zip(top.tolist(), scores, strict=True)
            if score > 0 and n not in exact
        ]
        found = [self._candidate(n, 1.0, per_name) for n in exact]
        found += [self._candidate(n, score, per_name) for n, score in ranked[:limit]]
        return found[:limit]

    def _name_entry(self) -> Ints:
        """The entry number of every indexed name (built on first use)."""
        if self._names_entry is None:
            starts = self.entry_start
            counts = np.diff(np.append(starts, self.n_names))
            self._names_entry = np.repeat(np.arange(len(starts), dtype=np.int32), counts)
        return self._names_entry

    def _candidate(self, number: int, similarity: float, per_name: Floats | None) -> Candidate:
        """The entry with its names, best-matching first (all of them when not ranked)."""
        start = int(self.entry_start[number])
        end = int(self.entry_start[number + 1]) if number + 1 < len(self) else self.n_names
        texts = self.name_texts[start:end]
        if per_name is not None and len(texts) > 1:
            # best first; equal scores keep their order (a stable sort)
            scores = per_name[start:end].tolist()
            order = sorted(range(len(scores)), key=lambda i: -scores[i])
            texts = [texts[i] for i in order]
        return Candidate(number, similarity, texts)

    def identifier_hits(self, record: Record) -> list[int]:
        keys = {identifier_key(v) for v in record.identifiers} - {None}
        return [n for k in sorted(str(k) for k in keys) for n in self.identifiers.get(k, [])]

    def _mask(self, schema: str) -> Floats:
        """1.0 for entries whose schema could be the query's, else 0.0."""
        if schema not in self._masks:
            ok = np.array([compatible(schema, s) for s in self.schemata], np.float32)
            self._masks[schema] = ok[self.entry_schema] if len(ok) else ok
        return self._masks[schema]

    def _name_scores(self, name: Name) -> Floats | None:
        """The cosine of the query name with every indexed name (plus one spare slot)."""
        feats = name_features(name)
        known = [(self.vocab[f], v) for f, v in feats.items() if f in self.vocab]
        if not known or not len(self.names):
            return None
        unknown = sum((v * self._top_idf) ** 2 for f, v in feats.items() if f not in self.vocab)
        ids = np.array([f for f, _ in known], np.int64)
        q = np.array([v for _, v in known], np.float32) * self.idf[ids]
        q /= np.float32(np.sqrt(float(np.dot(q, q)) + unknown))
        starts, ends = self.indptr[ids], self.indptr[ids + 1]
        lengths = ends - starts
        # the postings of every feature, in feature order
        cum = np.cumsum(lengths)
        take = np.repeat(starts - (cum - lengths), lengths) + np.arange(int(cum[-1]))
        sims = self.weights[take] * np.repeat(q, lengths)
        # one spare slot so an entry without names at the end still has a start
        per_name = np.bincount(self.names[take], weights=sims, minlength=self.n_names + 1)
        return per_name.astype(np.float32)

    # -- persistence ---------------------------------------------------------
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with tmp.open("wb") as fh:
            pickle.dump(self.data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> CandidateIndex:
        with path.open("rb") as fh:
            data = pickle.load(fh)
        if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
            raise TypeError(f"{path} holds no candidate index of format {INDEX_FORMAT}")
        return cls(data)


def _entry_features(
    entry: Entry,
) -> tuple[list[tuple[str, dict[str, float]]], list[list[str]]]:
    """(text, features) of each distinct name of the entry, and the groups of its
    names that share one Latin form (only the first of each group is indexed)."""
    person = is_person(entry.schema)
    craft = entry.schema in CRAFT
    out = []
    by_latin: dict[str, list[str]] = {}
    for text in record_names(entry.record):
        name = prepare(text, person, craft)
        if not name.latin:
            continue
        group = by_latin.setdefault(name.latin, [])
        if not group:
            out.append((text, name_features(name)))
        if text not in group:
            group.append(text)
    return out, [group for group in by_latin.values() if len(group) > 1]


def _unit_rows(matrix: Any) -> Any:
    """The sparse matrix with each row scaled to unit length (empty rows left as they are)."""
    from scipy import sparse

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


# -- the cache ----------------------------------------------------------------


def store_key(store_path: Path) -> str:
    """A key naming the store's newest version of every list (plus the index format)."""
    if not store_path.exists():
        raise _empty_store()
    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT source, MAX(seq), digest FROM version GROUP BY source ORDER BY source"
        ).fetchall()
    except sqlite3.OperationalError:
        rows = []
    finally:
        conn.close()
    if not rows:
        raise _empty_store()
    raw = json.dumps([INDEX_FORMAT, code_digest(), rows])
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code and data that make an index entry's features: the
    matching package (name preparation, word tables, weights) and this module. An
    upgrade that prepares names otherwise builds a new index instead of reading
    a stale one."""
    digest = hashlib.sha256()
    matching = Path(matching_package.__file__).parent
    for path in sorted([*matching.glob("*.py"), *matching.glob("*.json"), Path(__file__)]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _empty_store() -> NotFoundError:
    return NotFoundError(
        "the store holds no lists to screen against",
        hint="import lists first: weerbaar lists import FILE (or weerbaar lists sync)",
    )


def index_dir(settings: Settings) -> Path:
    return settings.home / "index"


def index_path(settings: Settings, key: str) -> Path:
    return index_dir(settings) / f"candidates-{key}.pickle"


def load_index(settings: Settings, *, progress: bool = False) -> CandidateIndex:
    """The index for the store as it is now: loaded from the cache, or built and cached."""
    key = store_key(settings.store_path)
    path = index_path(settings, key)
    if path.exists():
        try:
            return CandidateIndex.load(path)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, AttributeError):
            path.unlink(missing_ok=True)  # damaged or from an older release: build again
    index = build_index(settings, key, progress=progress)
    for old in index_dir(settings).glob("candidates-*.pickle"):
        old.unlink(missing_ok=True)
    index.save(path)
    return index


def build_index(settings: Settings, key: str, *, progress: bool = False) -> CandidateIndex:
    """Read every current list entity from the store and index it (with a progress bar)."""
    from weerbaar.screening.entities import load_entries
    from weerbaar.store.store import Store

    store = Store(settings.store_path)
    try:
        with _Progress(progress) as bar:
            entries = load_entries(store, bar.task("reading list entities", None))
            return CandidateIndex.build(entries, key, bar.task("indexing names", len(entries)))
    finally:
        store.close()


class _Progress:
    """A rich progress bar on standard error, or nothing when ``enabled`` is false."""

    def __init__(self, enabled: bool) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), disable=not enabled, transient=False)

    def task(self, label: str, total: int | None) -> Callable[[int], None]:
        for task in self.bar.tasks:
            self.bar.update(task.id, total=task.completed)
        task_id = self.bar.add_task(label, total=total)
        return lambda n: self.bar.advance(task_id, n)

    def __enter__(self) -> _Progress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        for task in self.bar.tasks:
            self.bar.update(task.id, total=task.completed)
        self.bar.__exit__(None, None, None)
