"""Metrics of weerbaar.matching.evaluation on hand-made inputs, and the loaders on real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from weerbaar.matching.evaluation import (
    GROUPS,
    PRF,
    ReliabilityRow,
    ThresholdChoice,
    average_precision,
    best_threshold,
    group_of,
    is_cross_script,
    load_alias_pairs,
    load_entity_checks,
    load_list_names,
    load_logicv2_frozen,
    load_name_bench,
    load_negatives,
    load_watchman_pairs,
    macro_f1,
    prf,
    reliability_table,
    share_at_least,
    share_at_one,
    text_script,
)

T, F = True, False


def test_prf_counts_and_ratios() -> None:
    result = prf([0.9, 0.8, 0.4, 0.2], [T, F, T, F], 0.5)
    assert result == PRF(0.5, 0.5, 0.5, 1, 1, 1, 1)


def test_prf_threshold_is_inclusive_and_empty_is_zero() -> None:
    assert prf([0.7, 0.6], [T, F], 0.7) == PRF(1.0, 1.0, 1.0, 1, 0, 0, 1)
    assert prf([0.1, 0.2], [T, F], 0.5) == PRF(0.0, 0.0, 0.0, 0, 0, 1, 1)
    assert prf([], [], 0.5) == PRF(0.0, 0.0, 0.0, 0, 0, 0, 0)
    with pytest.raises(ValueError):
        prf([0.1], [T, F], 0.5)


def test_average_precision_step_curve() -> None:
    # R 0.5 at P 1.0, then R 1.0 at P 2/3: 0.5 + 0.5 * 2/3
    assert average_precision([0.9, 0.8, 0.7, 0.6], [T, F, T, F]) == pytest.approx(5 / 6)
    assert average_precision([0.9, 0.8, 0.1], [T, T, F]) == 1.0
    # a tie is one threshold: P 1/2 at R 1
    assert average_precision([0.5, 0.5], [T, F]) == 0.5
    assert average_precision([0.5, 0.4], [F, F]) == 0.0


def test_best_threshold() -> None:
    scores = [0.9, 0.8, 0.7, 0.6, 0.3]
    labels = [T, T, F, T, F]
    assert best_threshold(scores, labels) == pytest.approx(ThresholdChoice(0.6, 0.75, 1.0, 6 / 7))
    assert best_threshold(scores, labels, min_precision=0.9) == pytest.approx(
        ThresholdChoice(0.8, 1.0, 2 / 3, 0.8)
    )
    # unreachable precision: the most precise (then most complete) threshold
    assert best_threshold([0.9, 0.8], [F, T], min_precision=0.9) == ThresholdChoice(
        0.8, 0.5, 1.0, pytest.approx(2 / 3)
    )


def test_reliability_table() -> None:
    scores = [0.05, 0.15, 0.95, 1.0]
    labels = [F, F, T, T]
    assert reliability_table(scores, labels, bins=2) == [
        ReliabilityRow(0.0, 0.5, 2, pytest.approx(0.1), 0.0),
        ReliabilityRow(0.5, 1.0, 2, pytest.approx(0.975), 1.0),
    ]
    rows = reliability_table(scores, labels)
    assert len(rows) == 10
    assert [r.n for r in rows] == [1, 1, 0, 0, 0, 0, 0, 0, 0, 2]
    assert rows[5].mean_score is None and rows[5].share_true is None
    assert rows[9].lo == 0.9 and rows[9].hi == 1.0


def test_shares_and_macro_f1() -> None:
    assert share_at_one([1.0, 0.999, 1.0, 0.5]) == 0.5
    assert share_at_one([]) == 0.0
    assert share_at_least([0.95, 0.5, 0.9, 1.0], [F, F, F, T], False, 0.9) == pytest.approx(2 / 3)
    scores = [0.9, 0.1, 0.9, 0.9]
    labels = [T, F, T, F]
    groups = ["Person/same", "Person/same", "Organization/same", "Organization/same"]
    # Person/same F1 1.0, Organization/same P 0.5 R 1 -> 2/3; empty strata left out
    assert macro_f1(scores, labels, groups, 0.5) == pytest.approx((1 + 2 / 3) / 2)


def test_groups_and_scripts() -> None:
    assert group_of("Person", True) == "Person/cross"
    assert group_of("Vessel", False) == "Organization/same"
    assert group_of("Airplane", True) == "Organization/cross"
    assert text_script("Olaf Scholz") == "Latin"
    assert text_script("Владимир Путин") == "Cyrillic"
    assert text_script("贝拉克·奥巴马") == "Han"
    assert text_script("バラク・オバマ") == "Kana"
    assert text_script("1234") is None
    assert is_cross_script("Barack Obama", "Барак Обама")
    assert not is_cross_script("Zoë Müller", "Zoe Mueller")


@pytest.mark.shared
def test_loaders_on_shared_data(shared: Path) -> None:
    directory = shared / "matching"
    if not directory.is_dir():
        pytest.skip(f"no matching data at {directory}")
    all_pairs = load_alias_pairs(variants_only=False, directory=directory)
    variants = load_alias_pairs(variants_only=True, directory=directory)
    assert len(all_pairs) == 36_842
    assert sum(p.label for p in all_pairs) == 19_877
    assert {p.group for p in all_pairs} == set(GROUPS)
    assert sum(not p.label for p in variants) == 16_965
    assert all(p.related for p in variants if p.label)

    bench = load_name_bench(directory)
    assert len(bench) == 826 and sum(p.label for p in bench) == 425
    assert {p.quality for p in bench} == {"STRONG", "MEDIUM", "WEAK"}

    frozen = load_logicv2_frozen(directory)
    scores = [p.reference_score or 0.0 for p in frozen]
    # MANIFEST §2: logic-v2 at 0.7 gives TP 345, FP 108, FN 75, TN 284
    assert prf(scores, [p.label for p in frozen], 0.7)[3:] == (345, 108, 75, 284)

    checks = load_entity_checks(directory)
    assert len(checks) == 228 and sum(m for _, _, m in checks) == 127
    assert any(q.first_names or c.last_names for q, c, _ in checks)

    negatives = load_negatives("us", directory)
    assert len(negatives) == 30_160
    assert all(r.schema == "Person" and r.names for r in negatives)
    assert sum(1 for r in negatives if r.countries) > 0.9 * len(negatives)

    names = load_list_names(directory)
    assert len(names) == 31_946 and len({e for e, _, _ in names}) == 11_104

    # the header is a comment line; the first row is a pair, not a header
    watchman = load_watchman_pairs(directory)
    assert len(watchman) == 22 and all(p.label and p.cross_script for p in watchman)
    assert watchman[0].name2 == "Mohamed Ali"
