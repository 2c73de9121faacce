"""Screen names and customer files against every list: find candidates, then score them.

    Screener.open(settings).match_record(record)  -> [Hit], best first
    screen(input_path, output_path, ...)          -> ScreenSummary (results file written)

A ``Screener`` holds the candidate index (``weerbaar.screening.index``). For
each query it takes the index's top candidates and scores each with
:func:`weerbaar.matching.compare`; candidates scoring at least
``min(REPORT_FLOOR, threshold)`` are reported as hits, and a hit with a score
at or above the threshold (default :data:`weerbaar.matching.DEFAULT_THRESHOLD`)
is a match. Hits below the threshold are near misses for a reviewer to see.

``screen`` reads the customer file with :func:`read_input`, screens its rows
on every CPU core (forked worker processes share the parent's index), and
writes one result row per hit, in input order, with :class:`ResultWriter`.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rapidfuzz.fuzz import ratio, token_set_ratio

from weerbaar.core.settings import Settings
from weerbaar.matching import DEFAULT_THRESHOLD, Comparison, Record, compare
from weerbaar.matching.compare import QueryScorer, is_person, record_names
from weerbaar.matching.names import prepare
from weerbaar.matching.texts import Language
from weerbaar.screening.index import DEFAULT_LIMIT, Candidate, CandidateIndex, load_index

#: Hits scoring below this (or below the threshold, if lower) are not reported.
REPORT_FLOOR = 0.5
#: Only a candidate's best names (by index similarity) are scored: the rest rarely win.
NAMES_PER_CANDIDATE = 3
#: The index's best candidates are always scored; the others only when they look alike.
ALWAYS_SCORED = 8
#: The quick spelling similarity (0-1) a further candidate needs to be scored.
MIN_SIMILARITY = 0.6
#: Rows a worker screens per task; big enough to keep inter-process traffic small.
CHUNK = 64
#: Below this many rows, screening stays in one process (forking costs more).
PARALLEL_MIN_ROWS = 200


@dataclass(slots=True)
class Hit:
    """One list entity found for a query, with its score and why."""

    entity_id: str
    caption: str
    schema: str
    lists: list[str]
    list_dates: str
    score: float
    match: bool
    matched_name: str
    explanation: str
    #: the full comparison behind the score (aligned words, feature effects)
    comparison: Comparison | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "caption": self.caption,
            "schema": self.schema,
            "lists": self.lists,
            "list_dates": self.list_dates,
            "score": round(self.score, 4),
            "match": self.match,
            "matched_name": self.matched_name,
            "explanation": self.explanation,
        }


class Screener:
    """Candidate index plus scorer: the one object every front end calls."""

    def __init__(
        self,
        index: CandidateIndex,
        candidates: int = DEFAULT_LIMIT,
        names: int = NAMES_PER_CANDIDATE,
        min_similarity: float = MIN_SIMILARITY,
    ) -> None:
        self.index = index
        self.candidates = candidates
        self.names = names
        self.min_similarity = min_similarity
        self._evidence: dict[int, Record] = {}
        self._siblings: dict[int, dict[str, list[str]]] = {}

    @classmethod
    def open(cls, settings: Settings | None = None, *, progress: bool = False) -> Screener:
        """The screener for the store in ``settings`` (building its index if the lists changed)."""
        return cls(load_index(settings or Settings.from_env(), progress=progress))

    def match_record(
        self, record: Record, limit: int = 10, threshold: float | None = None
    ) -> list[Hit]:
        """The best ``limit`` hits for ``record``, highest score first."""
        limit_score = DEFAULT_THRESHOLD if threshold is None else threshold
        floor = min(REPORT_FLOOR, limit_score)
        scorer = QueryScorer(record)
        hits: list[Hit] = []
        for found in self._worth_scoring(record):
            number = found.number
            names = self._with_siblings(number, found.names[: self.names])
            # The score alone first (the query's names prepared once, no explanation);
            # only a reported hit is compared in full, for its explanation.
            if scorer.score(self._evidence_record(number), names) < floor:
                continue
            entry = self.index.entry(number)
            candidate = replace(
                entry.record,
                names=names,
                first_names=[],
                middle_names=[],
                last_names=[],
                father_names=[],
            )
            result = compare(record, candidate, limit_score)
            hits.append(
                Hit(
                    entity_id=entry.id,
                    caption=entry.caption,
                    schema=entry.schema,
                    lists=entry.lists,
                    list_dates=entry.list_dates_text(),
                    score=result.score,
                    match=result.match,
                    matched_name=result.candidate_name,
                    explanation=result.explain(),
                    comparison=result,
                )
            )
        hits.sort(key=_rank)
        return hits[:limit]

    def _with_siblings(self, number: int, names: list[str]) -> list[str]:
        """``names`` plus the entry's names the index folded into one of them (the
        same Latin form: "Сергей ИЛЬИН" and "Sergey ILIN", "BAYNAH, Yasin Ali" and
        "Yasin Ali BAYNAH"): the matcher may score them differently (across
        scripts, in another word order), and a hit scores as ``compare()`` would."""
        groups = self._siblings.get(number)
        if groups is None:
            groups = self._siblings[number] = {
                text: group for group in self.index.siblings(number) for text in group
            }
        if not groups:
            return names
        out = list(names)
        for name in names:
            out.extend(t for t in groups.get(name, ()) if t not in out)
        return out

    def _evidence_record(self, number: int) -> Record:
        """The entry as the scorer reads its other evidence: no name parts (screening
        compares the entry's best full names only)."""
        found = self._evidence.get(number)
        if found is None:
            found = self._evidence[number] = replace(
                self.index.entry(number).record,
                names=[],
                first_names=[],
                middle_names=[],
                last_names=[],
                father_names=[],
            )
        return found

    def _worth_scoring(self, record: Record) -> list[Candidate]:
        """The index's candidates minus those sharing almost no letters with the query.

        The first ``ALWAYS_SCORED`` are always kept; the rest only when a quick
        spelling comparison (rapidfuzz token-set ratio of the Latin forms) of
        their best name reaches ``self.min_similarity``. This keeps the costly
        scorer for candidates that could plausibly be the same name.
        """
        found = self.index.candidates(record, self.candidates)
        if len(found) <= ALWAYS_SCORED:
            return found
        person = is_person(record.schema)
        queries = [prepare(n, person).latin for n in record_names(record)]
        keep = found[:ALWAYS_SCORED]
        for cand in found[ALWAYS_SCORED:]:
            if cand.similarity >= 1.0:
                keep.append(cand)
                continue
            c_person = person or is_person(self.index.entry(cand.number).schema)
            latin = prepare(cand.names[0], c_person).latin
            quick = max(token_set_ratio(q, latin) for q in queries) / 100.0 if queries else 0.0
            if quick >= self.min_similarity:
                keep.append(cand)
        return keep


@dataclass
class ScreenSummary:
    """What one screening run did."""

    input: Path
    output: Path
    rows: int
    skipped: int
    hits: int
    matches: int
    rows_with_match: int
    seconds: float
    workers: int
    warnings: list[str] = field(default_factory=list)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "input": str(self.input),
            "output": str(self.output),
            "rows": self.rows,
            "skipped": self.skipped,
            "hits": self.hits,
            "matches": self.matches,
            "rows_with_match": self.rows_with_match,
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows_per_second, 1),
            "workers": self.workers,
            "warnings": self.warnings,
        }


# -- worker processes --------------------------------------------------------------

#: The screener a forked worker inherits from its parent (set just before forking),
#: the threshold, and the language of plain explanations (None: the technical line).
_WORKER: tuple[Screener, float | None, Language | None] | None = None


def _screen_chunk(records: Sequence[Record]) -> list[list[Hit]]:
    assert _WORKER is not None, "worker started without a screener"
    screener, threshold, language = _WORKER
    # comparisons stay in the worker: only what the results file needs is sent back
    return [
        [_sent_back(h, language) for h in screener.match_record(r, screener.candidates, threshold)]
        for r in records
    ]


def _sent_back(hit: Hit, language: Language | None) -> Hit:
    """The hit without its comparison; its explanation in plain ``language`` if given."""
    if language is not None and hit.comparison is not None:
        return replace(hit, comparison=None, explanation=hit.comparison.describe(language))
    return replace(hit, comparison=None)


def _chunks(records: Sequence[Record], size: int) -> Iterator[Sequence[Record]]:
    for start in range(0, len(records), size):
        yield records[start : start + size]


Runner = Callable[[Sequence[Record]], Iterator[list[Hit]]]


@contextmanager
def workers_for(
    screener: Screener,
    threshold: float | None,
    workers: int,
    rows: int,
    language: Language | None = None,
) -> Iterator[Runner]:
    """A function screening records in order: in this process, or on a forked pool.

    The pool is forked here, before any progress bar starts its thread.
    """
    global _WORKER
    _WORKER = (screener, threshold, language)
    if workers == 1 or rows < PARALLEL_MIN_ROWS:
        yield lambda records: (hits for c in _chunks(records, CHUNK) for hits in _screen_chunk(c))
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield lambda records: (
            hits for r in pool.imap(_screen_chunk, _chunks(records, CHUNK)) for hits in r
        )


def screen_records(
    screener: Screener,
    records: Sequence[Record],
    *,
    threshold: float | None = None,
    workers: int | None = None,
) -> list[list[Hit]]:
    """Hits for each record, in order, on ``workers`` processes (default: every core)."""
    count = max(1, workers or os.cpu_count() or 1)
    with workers_for(screener, threshold, count, len(records)) as run:
        return list(run(records))


def _result_row(row: int, input_id: str, input_name: str, hit: Hit) -> dict[str, Any]:
    return {
        "row": row,
        "input_id": input_id,
        "input_name": input_name,
        "score": hit.score,
        "match": hit.match,
        "entity_id": hit.entity_id,
        "caption": hit.caption,
        "schema": hit.schema,
        "lists": "; ".join(hit.lists),
        "list_dates": hit.list_dates,
        "matched_name": hit.matched_name,
        "explanation": hit.explanation,
    }


def screen(
    input_path: Path,
    output_path: Path,
    *,
    settings: Settings | None = None,
    mapping: dict[str, list[str]] | None = None,
    threshold: float | None = None,
    workers: int | None = None,
    progress: bool = True,
    default_schema: str = "LegalEntity",
    screener: Screener | None = None,
    language: Language | None = None,
) -> ScreenSummary:
    """Screen every row of a customer file and write its hits to ``output_path``
    (``language``: explanations as plain sentences in English or Dutch, instead of
    the technical line)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from weerbaar.screening.inputs import read_input
    from weerbaar.screening.output import ResultWriter

    start = time.perf_counter()
    data = read_input(input_path, mapping, default_schema)
    screener = screener or Screener.open(settings, progress=progress)
    records = [r.record for r in data.rows]
    workers = max(1, workers or os.cpu_count() or 1)
    hits = matches = matched_rows = 0
    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    bar = Progress(*columns, console=Console(stderr=True), disable=not progress)
    with (
        ResultWriter(output_path, data.headers) as out,
        workers_for(screener, threshold, workers, len(records), language) as run,
        bar,
    ):
        task = bar.add_task("screening", total=len(records))
        for row, found in zip(data.rows, run(records), strict=True):
            name = "; ".join(_names(row.record))
            for hit in found:
                out.write(_result_row(row.row, row.record.id or "", name, hit), row.passthrough)
            hits += len(found)
            matches += sum(h.match for h in found)
            matched_rows += any(h.match for h in found)
            bar.advance(task)
    return ScreenSummary(
        input=input_path,
        output=output_path,
        rows=len(records),
        skipped=len(data.skipped),
        hits=hits,
        matches=matches,
        rows_with_match=matched_rows,
        seconds=time.perf_counter() - start,
        workers=workers,
        warnings=data.warnings,
    )


def _names(record: Record) -> list[str]:
    return record_names(record)


def _rank(hit: Hit) -> tuple[float, float]:
    """Best score first; between equal scores (one person on the EU, UK and UN
    lists; names at the score's ceiling), the name spelled closest to the query's
    first: what a reviewer would look at first."""
    c = hit.comparison
    spelled = ratio(c.query_name.casefold(), c.candidate_name.casefold()) if c else 0.0
    return (-hit.score, -spelled)
