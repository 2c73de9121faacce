"""The matcher's reviewer texts (weerbaar.matching.texts) cover all it can report."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from weerbaar.matching import Record, compare, features
from weerbaar.matching.compare import EVIDENCE
from weerbaar.matching.model import COLUMNS
from weerbaar.matching.texts import (
    BOUND_TEXTS,
    EVIDENCE_TEXTS,
    FEATURE_TEXTS,
    HOW_TEXTS,
    YES_NO_FEATURES,
    describe,
    feature_text,
)


def _literals(source: str, pattern: str) -> set[str]:
    return {
        m
        for group in re.findall(pattern, source)
        for m in (group if isinstance(group, tuple) else (group,))
        if m
    }


def test_every_feature_and_evidence_has_both_texts() -> None:
    assert set(FEATURE_TEXTS) == set(features.FEATURE_NAMES)
    assert set(EVIDENCE_TEXTS) == set(EVIDENCE)
    assert set(FEATURE_TEXTS) >= YES_NO_FEATURES
    for table in (FEATURE_TEXTS, EVIDENCE_TEXTS, HOW_TEXTS, BOUND_TEXTS):
        for key, (en, nl) in table.items():
            assert en and nl and en != nl, key  # an untranslated copy fails
    for column in COLUMNS:  # interactions read as "a with b"
        assert feature_text(column, "nl") != column


def test_every_way_of_aligning_and_every_bound_has_a_text() -> None:
    # read off the source, so that a new "how" or ceiling without a text fails here
    source = inspect.getsource(features)
    hows = _literals(
        source,
        r'how = [^"\n]*"([^"]+)"(?: if [^"\n]* else "([^"]+)")?'
        r'|sim, how = [^"\n]+, "([^"]+)"|return [A-Z_0-9.]+, "([^"]+)"'
        r'|\(PLACE_SIM, "([^"]+)"\)|sim, how, same_fold = \(',
    )
    assert {"same", "spelling", "transliteration", "joined", "same country"} <= hows
    assert hows <= set(HOW_TEXTS), hows - set(HOW_TEXTS)
    compare_module = importlib.import_module("weerbaar.matching.compare")
    cap = "".join(
        inspect.getsource(f)
        for f in (compare_module._cap, compare_module._floor, compare_module._bounded)
    )
    bounds = _literals(cap, r'"([a-z]+(?:_[a-z]+)+)"')
    assert {"generic_only", "one_word_spelled", "same_words_floor", "same_core_floor"} <= bounds
    assert bounds <= set(BOUND_TEXTS), bounds - set(BOUND_TEXTS)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_describe_names_the_verdict_the_words_and_the_evidence(language: str) -> None:
    result = compare(
        Record(schema="Person", names=["Jesse Sean Thomas"], birth_dates=["1980-02-03"]),
        Record(schema="Person", names=["Jesse Chen"], birth_dates=["1980"]),
    )
    text = describe(result, language)  # type: ignore[arg-type]
    assert result.describe(language) == text  # type: ignore[arg-type]
    assert "jesse = jesse" in text and "sean ~ chen" in text and "thomas" in text
    if language == "nl":
        assert "een treffer" in text and "andere transliteratie" in text
        assert "Zonder tegenhanger in de zoeknaam: thomas" in text
        assert "hetzelfde geboortejaar" in text and "0," in text  # a decimal comma
    else:
        assert "a match" in text and "another transliteration" in text
        assert "No counterpart in the searched name: thomas" in text
        assert "the same year of birth" in text


def test_describe_shows_a_ceiling_and_a_miss() -> None:
    result = compare(
        Record(schema="Person", names=["Sara Jones"]), Record(schema="Person", names=["SARA"])
    )
    assert not result.match
    text = result.describe("nl")
    assert "geen treffer" in text
    assert "begrensd: een persoon die maar op één naamwoord overeenkomt" in text
    assert result.query_left == ["jones"] and result.candidate_left == []
