"""Evaluation data loaders and metrics for the name/entity matcher.

The data are the read-only development sets in ``<shared data>/matching/``
(see its ``MANIFEST.md``); nothing here copies them. The shared data folder is
``$WEERBAAR_SHARED_DATA`` or ``../shared/data`` from the repository root, as
for the tests (``tests/conftest.py``) and ``benchmarks/import.py``.

Used by ``benchmarks/matching.py``, the weight-fitting script and the tests.
Metrics are plain Python (no numpy) and treat ``score >= threshold`` as a
predicted match.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

import yaml

from weerbaar.core.countries import country_code
from weerbaar.matching.record import Record

#: Repository root when running from a source checkout (src layout).
ROOT = Path(__file__).resolve().parents[3]

ALIAS_PAIRS = "sanctions_alias_pairs_dev.csv.gz"
NAME_BENCH = "opensanctions_name_bench_cases.csv"
LOGICV2_FROZEN = "opensanctions_name_bench_logicv2_frozen.csv"
ENTITY_CHECKS = "opensanctions_entity_bench_checks.yml"
LIST_NAMES = "sanctions_list_names_dev.csv"
WATCHMAN_PAIRS = "watchman_cross_script_pairs.csv"
TRANSLIT_PAIRS = "wikidata_translit_fullname_pairs_dev.csv.gz"
TRANSLIT_WORD_PAIRS = "wikidata_translit_token_pairs_dev.csv.gz"
NEGATIVES = {
    "global": "yente_screening_negatives_global_dev.csv",
    "us": "yente_screening_negatives_us_dev.csv",
}

#: The four strata of the headline metric (macro F1), in report order.
GROUPS: tuple[str, ...] = (
    "Person/same",
    "Person/cross",
    "Organization/same",
    "Organization/cross",
)


# --------------------------------------------------------------------- location


from weerbaar.core.settings import shared_data_dir  # noqa: E402


def shared_matching_dir() -> Path | None:
    """The ``matching`` evaluation folder, or None when it is absent."""
    path = shared_data_dir() / "matching"
    return path if path.is_dir() else None


def _data_dir(directory: Path | None) -> Path:
    if directory is not None:
        return directory
    found = shared_matching_dir()
    if found is None:
        raise FileNotFoundError(
            f"matching evaluation data not found at {shared_data_dir() / 'matching'} "
            "(set WEERBAAR_SHARED_DATA)"
        )
    return found


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)


# ------------------------------------------------------------------------ pairs


@dataclass(slots=True)
class Pair:
    """Two names and whether they denote the same entity."""

    id: str
    schema: str
    name1: str
    name2: str
    label: bool
    group: str
    cross_script: bool
    related: bool | None
    source: str
    component: str
    #: name bench only: label confidence (STRONG/MEDIUM/WEAK) and mutation class.
    quality: str = ""
    category: str = ""
    #: logic-v2 frozen file only: OpenSanctions' recorded logic-v2 score.
    reference_score: float | None = None


def schema_group(schema: str) -> str:
    """``Person`` or ``Organization`` (companies, vessels, airplanes, legal entities)."""
    return "Person" if schema == "Person" else "Organization"


def group_of(schema: str, cross_script: bool) -> str:
    """The stratum name, e.g. ``Person/cross``."""
    return f"{schema_group(schema)}/{'cross' if cross_script else 'same'}"


_SCRIPT_WORDS = {
    "CJK": "Han",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
}


def _char_script(char: str) -> str | None:
    if not char.isalpha():
        return None
    if char.isascii():
        return "Latin"
    try:
        word = unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return None
    return _SCRIPT_WORDS.get(word, word.title())


def text_script(text: str) -> str | None:
    """The most frequent Unicode script of the letters in ``text`` (None if no letters)."""
    counts = Counter(s for s in map(_char_script, text) if s is not None)
    if not counts:
        return None
    # Ties go to the non-Latin script: "ООО Gazprom" is a Cyrillic-side name.
    return max(counts, key=lambda s: (counts[s], s != "Latin"))


def is_cross_script(name1: str, name2: str) -> bool:
    """True when the two names are written in different main scripts."""
    s1, s2 = text_script(name1), text_script(name2)
    return s1 is not None and s2 is not None and s1 != s2


def load_alias_pairs(variants_only: bool, directory: Path | None = None) -> list[Pair]:
    """The sanctions alias pairs (MANIFEST §5).

    ``variants_only`` drops positives whose ``related`` flag is 0 (pseudonyms,
    translations, renamed vessels, which no string similarity can catch); all
    negatives are kept.
    """
    pairs: list[Pair] = []
    for row in _read_csv(_data_dir(directory) / ALIAS_PAIRS):
        label = row["label"] == "1"
        related = None if row["related"] == "" else row["related"] == "1"
        if variants_only and label and related is False:
            continue
        cross = row["cross_script"] == "1"
        pairs.append(
            Pair(
                id=row["pair_id"],
                schema=row["schema"],
                name1=row["name1"],
                name2=row["name2"],
                label=label,
                group=group_of(row["schema"], cross),
                cross_script=cross,
                related=related,
                source=row["source"],
                component=row["component"],
            )
        )
    return pairs


def translit_half(english: str) -> Literal["fit", "test"]:
    """Which half of the Wikidata full-name pairs an English name belongs to: the
    model is fitted on one (``benchmarks/fit_matcher.py``), measured on the other
    (``benchmarks/matching.py``); every pair of one English name is on one side."""
    digest = hashlib.sha256(("weerbaar-translit-v1" + english).encode("utf-8")).digest()
    return "fit" if digest[0] % 2 == 0 else "test"


def load_translit_pairs(
    half: Literal["fit", "test"],
    per_language: int | None = None,
    directory: Path | None = None,
    words: bool = False,
) -> list[Pair]:
    """Wikidata English person names against their Hebrew and Korean spellings
    (MANIFEST §7), the first ``per_language`` of each language in ``half``; with
    ``words``, single words of names against their spellings in Arabic, Chinese,
    Hebrew, Japanese and Katakana, Korean and Russian (MANIFEST §7).

    Rows whose label is not 0 or 1 (a few names with stray quotes shifted the
    columns upstream) are skipped. ``group`` is the language; ``component`` the
    English name, so that cross-validation keeps one name's pairs together."""
    pairs: list[Pair] = []
    counts: Counter[str] = Counter()
    path = _data_dir(directory) / (TRANSLIT_WORD_PAIRS if words else TRANSLIT_PAIRS)
    for row in _read_csv(path):
        language, english = row["language"], row["name1"]
        if row["label"] not in ("0", "1") or not english.strip() or not row["name2"].strip():
            continue
        if translit_half(english) != half:
            continue
        if per_language is not None and counts[language] >= per_language:
            continue
        counts[language] += 1
        pairs.append(
            Pair(
                id=row["pair_id"],
                schema="Person",
                name1=english,
                name2=row["name2"],
                label=row["label"] == "1",
                group=group_of("Person", True),
                cross_script=True,
                related=None,
                source=language,
                component=f"wd:{english}",
            )
        )
    return pairs


def _bench_pairs(path: Path, prefix: str) -> list[Pair]:
    pairs: list[Pair] = []
    for i, row in enumerate(_read_csv(path)):
        cross = is_cross_script(row["name1"], row["name2"])
        score = row.get("score")
        pairs.append(
            Pair(
                id=row.get("case_id") or f"{prefix}{i:04d}",
                schema=row["schema"],
                name1=row["name1"],
                name2=row["name2"],
                label=row["is_match"].strip().lower() == "true",
                group=group_of(row["schema"], cross),
                cross_script=cross,
                related=None,
                source=row["case_group"],
                component="",
                quality=row.get("quality") or "",
                category=row.get("category") or "",
                reference_score=float(score) if score else None,
            )
        )
    return pairs


def load_name_bench(directory: Path | None = None) -> list[Pair]:
    """OpenSanctions' name benchmark ``cases.csv`` (MANIFEST §1); source = ``case_group``."""
    return _bench_pairs(_data_dir(directory) / NAME_BENCH, "nb")


def load_watchman_pairs(directory: Path | None = None) -> list[Pair]:
    """moov-io/watchman's cross-script smoke pairs (§4): every pair is a match (a
    person's name in another script and its Latin spelling); ``#`` lines are
    comments."""
    path = _data_dir(directory) / WATCHMAN_PAIRS
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.lstrip().startswith("#")]
    pairs: list[Pair] = []
    # the header is only a comment: "# Format: Query,Expected Match,Min Score,Description"
    fields = ["Query", "Expected Match", "Min Score", "Description"]
    for i, row in enumerate(csv.DictReader(lines, fieldnames=fields)):
        query, expected = row["Query"], row["Expected Match"]
        cross = is_cross_script(query, expected)
        pairs.append(
            Pair(
                id=f"wm{i:03d}", schema="Person", name1=query, name2=expected, label=True,
                group=group_of("Person", cross), cross_script=cross, related=None,
                source="watchman", component="", category=row.get("Description") or "",
            )
        )  # fmt: skip
    return pairs


def load_logicv2_frozen(directory: Path | None = None) -> list[Pair]:
    """The 812-row name-bench revision with logic-v2's recorded ``reference_score`` (§2)."""
    return _bench_pairs(_data_dir(directory) / LOGICV2_FROZEN, "lv")


# ---------------------------------------------------------------------- records

_CHECK_FIELDS = {
    "name": "names",
    "firstName": "first_names",
    "middleName": "middle_names",
    "lastName": "last_names",
    "fatherName": "father_names",
}


def _values(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None and str(v).strip()]
    text = str(value)
    return [text] if text.strip() else []


def _check_record(schema: str, props: dict[str, Any], record_id: str) -> Record:
    record = Record(schema=schema, id=record_id)
    for prop, attr in _CHECK_FIELDS.items():
        getattr(record, attr).extend(_values(props.get(prop)))
    return record


def load_entity_checks(directory: Path | None = None) -> list[tuple[Record, Record, bool]]:
    """OpenSanctions' entity-level checks (§3) as (query, candidate, match)."""
    path = _data_dir(directory) / ENTITY_CHECKS
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    checks: list[tuple[Record, Record, bool]] = []
    for i, item in enumerate(data["checks"]):
        schema = str(item["schema"])
        query = _check_record(schema, dict(item.get("query") or {}), f"q{i}")
        candidate = _check_record(schema, dict(item.get("candidate") or {}), f"c{i}")
        checks.append((query, candidate, bool(item["match"])))
    return checks


def load_negatives(kind: Literal["global", "us"], directory: Path | None = None) -> list[Record]:
    """yente's synthetic non-matching person queries (§8) as Person records."""
    records: list[Record] = []
    for i, row in enumerate(_read_csv(_data_dir(directory) / NEGATIVES[kind])):
        country = country_code(row.get("nationality") or None)
        gender = (row.get("gender") or "").strip().lower() or None
        records.append(
            Record(
                schema="Person",
                names=_values(row.get("full_name")),
                first_names=_values(row.get("first_name")),
                middle_names=_values(row.get("middle_name")),
                last_names=_values(row.get("last_name")),
                birth_dates=_values(row.get("date_of_birth")),
                countries=[country] if country else [],
                gender=gender,
                id=f"neg-{kind}-{i}",
            )
        )
    return records


def load_list_names(directory: Path | None = None) -> list[tuple[str, str, str]]:
    """The dev-side screening list (§6) as (entity, schema, name)."""
    return [
        (row["entity"], row["schema"], row["name"])
        for row in _read_csv(_data_dir(directory) / LIST_NAMES)
    ]


# ---------------------------------------------------------------------- metrics


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    tn: int


class ThresholdChoice(NamedTuple):
    threshold: float
    precision: float
    recall: float
    f1: float


class ReliabilityRow(NamedTuple):
    lo: float
    hi: float
    n: int
    #: None for an empty bin.
    mean_score: float | None
    share_true: float | None


def _check(scores: Sequence[float], labels: Sequence[bool]) -> None:
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


def prf(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> PRF:
    """Precision, recall, F1 and the confusion counts at ``score >= threshold``.

    Precision (recall) is 0.0 when nothing is predicted (nothing is positive).
    """
    _check(scores, labels)
    tp = fp = fn = tn = 0
    for score, label in zip(scores, labels, strict=True):
        if score >= threshold:
            if label:
                tp += 1
            else:
                fp += 1
        elif label:
            fn += 1
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PRF(precision, recall, _f1(precision, recall), tp, fp, fn, tn)


def _sweep(
    scores: Sequence[float], labels: Sequence[bool]
) -> Iterator[tuple[float, int, int, int]]:
    """(threshold, tp, fp, positives) for each distinct score, highest first."""
    _check(scores, labels)
    order = sorted(zip(scores, labels, strict=True), key=lambda p: p[0], reverse=True)
    positives = sum(1 for label in labels if label)
    tp = fp = 0
    for i, (score, label) in enumerate(order):
        if label:
            tp += 1
        else:
            fp += 1
        if i + 1 == len(order) or order[i + 1][0] != score:
            yield score, tp, fp, positives


def average_precision(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the precision-recall step curve (as scikit-learn computes it).

    Tied scores form one threshold. 0.0 when there are no positives.
    """
    ap = 0.0
    last_recall = 0.0
    for _, tp, fp, positives in _sweep(scores, labels):
        if positives == 0:
            return 0.0
        recall = tp / positives
        ap += (recall - last_recall) * (tp / (tp + fp))
        last_recall = recall
    return ap


def best_threshold(
    scores: Sequence[float],
    labels: Sequence[bool],
    min_precision: float | None = None,
) -> ThresholdChoice:
    """The threshold (one of the scores) with the highest F1.

    With ``min_precision``, only thresholds reaching that precision count; if none
    does, the one with the highest precision (then recall) is returned, so check
    ``.precision``. Ties in F1 go to the higher threshold.
    """
    best: ThresholdChoice | None = None
    fallback: ThresholdChoice | None = None
    for threshold, tp, fp, positives in _sweep(scores, labels):
        precision = tp / (tp + fp)
        recall = tp / positives if positives else 0.0
        choice = ThresholdChoice(threshold, precision, recall, _f1(precision, recall))
        if fallback is None or (precision, recall) > (fallback.precision, fallback.recall):
            fallback = choice
        if min_precision is not None and precision < min_precision:
            continue
        if best is None or choice.f1 > best.f1:
            best = choice
    if best is not None:
        return best
    if fallback is not None:
        return fallback
    return ThresholdChoice(1.0, 0.0, 0.0, 0.0)


def reliability_table(
    scores: Sequence[float], labels: Sequence[bool], bins: int = 10
) -> list[ReliabilityRow]:
    """Equal-width score bins over [0, 1]: count, mean score and share of true matches.

    Bin ``k`` holds ``lo <= score < hi``; the last bin also holds 1.0. Scores
    outside [0, 1] are clamped into the first or last bin.
    """
    _check(scores, labels)
    if bins < 1:
        raise ValueError("bins must be >= 1")
    counts = [0] * bins
    sums = [0.0] * bins
    trues = [0] * bins
    for score, label in zip(scores, labels, strict=True):
        k = min(max(int(score * bins), 0), bins - 1)
        counts[k] += 1
        sums[k] += score
        trues[k] += 1 if label else 0
    return [
        ReliabilityRow(
            k / bins,
            (k + 1) / bins,
            counts[k],
            sums[k] / counts[k] if counts[k] else None,
            trues[k] / counts[k] if counts[k] else None,
        )
        for k in range(bins)
    ]


def share_at_one(scores: Sequence[float], eps: float = 1e-9) -> float:
    """Share of scores equal to 1.0 (within ``eps``); 0.0 for no scores."""
    if not scores:
        return 0.0
    return sum(1 for s in scores if s >= 1.0 - eps) / len(scores)


def share_at_least(
    scores: Sequence[float], labels: Sequence[bool], label: bool, cut: float
) -> float:
    """Share of the pairs with the given label that score ``>= cut`` (0.0 if none)."""
    _check(scores, labels)
    chosen = [s for s, lab in zip(scores, labels, strict=True) if lab == label]
    return sum(1 for s in chosen if s >= cut) / len(chosen) if chosen else 0.0


def macro_f1(
    scores: Sequence[float],
    labels: Sequence[bool],
    groups: Sequence[str],
    threshold: float,
    strata: Sequence[str] = GROUPS,
) -> float:
    """Mean F1 over ``strata`` (strata without pairs are left out)."""
    _check(scores, labels)
    values: list[float] = []
    for stratum in strata:
        idx = [i for i, g in enumerate(groups) if g == stratum]
        if idx:
            values.append(prf([scores[i] for i in idx], [labels[i] for i in idx], threshold).f1)
    return sum(values) / len(values) if values else 0.0


__all__ = [
    "GROUPS",
    "PRF",
    "Pair",
    "ReliabilityRow",
    "ThresholdChoice",
    "average_precision",
    "best_threshold",
    "group_of",
    "is_cross_script",
    "load_alias_pairs",
    "load_entity_checks",
    "load_list_names",
    "load_logicv2_frozen",
    "load_name_bench",
    "load_negatives",
    "load_watchman_pairs",
    "macro_f1",
    "prf",
    "reliability_table",
    "schema_group",
    "share_at_least",
    "share_at_one",
    "shared_data_dir",
    "shared_matching_dir",
    "text_script",
]
