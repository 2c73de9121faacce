"""Behaviour of the scorer on hand-made cases (no shared data needed)."""

from __future__ import annotations

import json

import pytest

from weerbaar.matching import DEFAULT_THRESHOLD, Record, compare, compare_names
from weerbaar.matching.features import FEATURE_NAMES, FEATURES
from weerbaar.matching.model import COLUMNS, WEIGHTS_FILE, load_models
from weerbaar.matching.names import KIND_GENERIC, KIND_LEGAL, KIND_PATRONYMIC, fold, prepare

T = DEFAULT_THRESHOLD


def test_threshold_and_scores_are_probabilities() -> None:
    assert 0.3 < T < 0.95
    for a, b in [("Olaf Scholz", "Olaf Scholz"), ("Olaf Scholz", "Angela Merkel"), ("X", "")]:
        s = compare_names("Person", a, b)
        assert 0.0 <= s < 1.0


@pytest.mark.parametrize(
    ("schema", "query", "listed"),
    [
        ("Person", "Vladimir Putin", "ПУТИН, Владимир Владимирович"),
        ("Person", "PUTIN, Vladimir", "Vladimir Vladimirovich PUTIN"),
        ("Person", "Yuri Gotsanyuk", "Jury GOTSANYUK"),
        ("Person", "Mohammed Al-Rahman", "محمد الرحمن"),
        ("Person", "Xi Jinping", "习近平"),
        ("Person", "Kim Jong Un", "김정은"),
        ("Person", "AlisherUsmanov", "Alisher Usmanov"),
        ("Person", "Ig0r Sech1n", "Igor Sechin"),
        ("Organization", "OOO Itelma", "Obshchestvo s Ogranichennoi Otvetstvennostyu ITELMA"),
        ("Organization", "Bajer S.R.L.", "BAJER SOCIEDAD DE RESPONSABILIDAD LIMITADA"),
        ("Company", "1st International Bank", "First International Bank"),
        ("Organization", "PLA", "People's Liberation Army"),
    ],
)
def test_variants_match(schema: str, query: str, listed: str) -> None:
    assert compare_names(schema, query, listed) >= T, (query, listed)


@pytest.mark.parametrize(
    ("schema", "query", "listed"),
    [
        ("Person", "Olaf Scholz", "Angela Merkel"),
        ("Organization", "GAZPROM TRANSGAZ SARATOV", "GAZPROM TRANSGAZ SURGUT"),
        ("Organization", "Trading Corp", "Acme Trading Corp"),
        ("Organization", "General Trading Company LLC", "Global Trading Company LLC"),
        ("Vessel", "Snow Storm 1", "Snow Storm 12"),
        ("Person", "Ali Hassan Khalil", "Ali Hussein Mansour"),
    ],
)
def test_different_names_do_not_match(schema: str, query: str, listed: str) -> None:
    assert compare_names(schema, query, listed) < T, (query, listed)


def test_generic_words_and_legal_forms_weigh_little() -> None:
    name = prepare("Acme Trading Company LLC", False)
    kinds = {t.text: t.kind for t in name.tokens}
    assert kinds["trading"] == KIND_GENERIC
    assert kinds["llc"] == KIND_LEGAL
    assert [t.text for t in name.core] == ["acme"]
    # "LLC" alone, or one generic word, is never a hit.
    assert compare_names("Company", "LLC", "Acme LLC") < 0.2
    assert compare_names("Company", "Trading", "Acme Trading") < 0.2


def test_person_name_parsing() -> None:
    name = prepare("PUTIN, Vladimir Vladimirovich", True)
    assert [t.text for t in name.tokens] == ["vladimir", "vladimirovich", "putin"]
    assert name.tokens[1].kind == KIND_PATRONYMIC
    assert [t.text for t in prepare("Dr. Ayman al-Zawahiri", True).tokens] == [
        "ayman",
        "al",
        "zawahiri",
    ]


def test_fold_merges_romanisations() -> None:
    assert fold("yuri") == fold("jury")
    assert fold("mushkarov") == fold("mushkarou")
    assert fold("andriy") == fold("andrii")
    assert fold("mikhailovich") == fold("mikhaylovich")
    assert fold("smith") != fold("smyth") or fold("smith") == fold("smyth")  # total function


def test_birth_date_moves_the_score_both_ways() -> None:
    base = Record("Person", names=["Ali Hassan Khalil"])
    listed = Record("Person", names=["Ali Hasan Khalil"], birth_dates=["1965-03-01"])
    plain = compare(base, listed).score
    same = compare(
        Record("Person", names=["Ali Hassan Khalil"], birth_dates=["1965-03-01"]), listed
    )
    year = compare(Record("Person", names=["Ali Hassan Khalil"], birth_dates=["1965"]), listed)
    other = compare(
        Record("Person", names=["Ali Hassan Khalil"], birth_dates=["1980-01-01"]), listed
    )
    assert same.score > year.score > plain > other.score
    assert not other.match
    assert [e.feature for e in same.evidence] == ["birth_date_day"]
    assert same.evidence[0].effect > 0 > other.evidence[0].effect


def test_identifier_and_country_and_gender_evidence() -> None:
    listed = Record("Vessel", names=["OCEAN STAR"], identifiers=["IMO 9123453"])
    hit = compare(Record("Vessel", names=["OCEAN STAR 2"], identifiers=["9123453"]), listed)
    assert "identifier_match" in [e.feature for e in hit.evidence]
    assert hit.score > compare(Record("Vessel", names=["OCEAN STAR 2"]), listed).score
    p = Record("Person", names=["Maria Petrova"], gender="female", countries=["ru"])
    q = Record("Person", names=["Maria Petrova"], gender="male", countries=["ua"])
    kinds = [e.feature for e in compare(q, p).evidence]
    assert kinds == ["country_conflict", "gender_conflict"]


def test_structured_names_swapped_are_not_a_match() -> None:
    q = Record("Person", first_names=["Friedrich"], last_names=["Hans"])
    c = Record("Person", first_names=["Hans"], last_names=["Friedrich"])
    same = Record("Person", first_names=["Friedrich"], last_names=["Hans"])
    assert not compare(q, c).match
    assert compare(q, same).match


def test_person_never_matches_a_vessel() -> None:
    r = compare(Record("Person", names=["Ocean Star"]), Record("Vessel", names=["Ocean Star"]))
    assert r.score == 0.0 and not r.match


def test_explanation_is_structured_and_readable() -> None:
    r = compare(
        Record("Person", names=["Vladimir Putin"], birth_dates=["1952-10-07"]),
        Record("Person", names=["ПУТИН, Владимир Владимирович"], birth_dates=["1952-10-07"]),
    )
    d = r.as_dict()
    json.dumps(d)  # serialisable
    assert d["match"] is True
    assert {(a["query"], a["candidate"]) for a in d["aligned"]} == {
        ("vladimir", "vladimir"),
        ("putin", "putin"),
    }
    assert all(f["doc"] for f in d["name_features"])
    assert d["evidence"][0]["feature"] == "birth_date_day"
    assert "vladimir" in r.explain() and "birth_date_day" in r.explain()


def test_every_feature_is_documented_and_modelled() -> None:
    assert len(set(FEATURE_NAMES)) == len(FEATURES)
    assert all(f.doc for f in FEATURES)
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    for kind in ("person", "organization"):
        assert set(data[kind]["shapes"]) <= set(COLUMNS)
    models = load_models()
    assert models.threshold == T


def test_one_shared_word_is_not_a_person_hit() -> None:
    r = compare(Record("Person", names=["Sara Jones"]), Record("Person", names=["SARA"]))
    assert not r.match
    assert "one_word_only" in [c.feature for c in r.contributions]


def test_committed_weights_match_a_fresh_fit(shared: object) -> None:
    """weights.json is what benchmarks/fit_matcher.py produces (it cannot drift)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "fit_matcher.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
