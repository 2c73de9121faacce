"""The fast scoring paths give exactly what the documented, slower ones give.

The pair scorer reads precomputed per-name tuples and a flattened model instead of
the features' ``compute`` functions and the shapes' calls; a screener scores a query
against many candidates with :class:`QueryScorer` and explains only its hits. These
tests pin each shortcut to its reference, float for float.
"""

from __future__ import annotations

import pytest

from weerbaar.matching import Record, compare
from weerbaar.matching.compare import QueryScorer
from weerbaar.matching.features import FEATURES, align, is_acronym, measure, measure_fast
from weerbaar.matching.model import expand, load_models
from weerbaar.matching.names import KIND_LEGAL, KIND_PARTICLE, prepare
from weerbaar.matching.translit import latinize

PAIRS = [
    ("Person", "Vladimir Putin", "ПУТИН, Владимир Владимирович"),
    ("Person", "Sergey Viktorovich Ivanov", "Sergei Borisovich IVANOV"),
    ("Person", "Salman bin Muhammad", "Muhammad bin Salman"),
    ("Person", "Mohammed Al-Rahman", "محمد الرحمن"),
    ("Person", "Mohammadi Reza", "محمد رضا"),
    ("Person", "Xi Jinping", "习近平"),
    ("Person", "Li Yi", "明宗 怡君 李"),
    ("Person", "Kim Jong Un", "김정은"),
    ("Person", "N. N.", "Nursultan Nazarbayev"),
    ("Person", "Jin Ping Xi", "Xi Jinping"),
    ("Organization", "Goodwill Trading LLC", "Good Will Trading Company"),
    ("Organization", "PLA", "People's Liberation Army"),
    ("Organization", "KKR Asian Fund II", "KKR Asian Fund III"),
    ("Organization", "General Trading Company", "Global Trading Company"),
    ("Organization", "OOO Itelma", "Obshchestvo s Ogranichennoi Otvetstvennostyu ITELMA"),
    ("Company", "", "Acme"),
]


@pytest.mark.parametrize(("schema", "a", "b"), PAIRS)
def test_fast_features_equal_the_documented_ones(schema: str, a: str, b: str) -> None:
    person = schema == "Person"
    for q, c in [
        (prepare(a, person), prepare(b, person)),
        (prepare(b, person), prepare(a, person)),
    ]:
        al = align(q, c)
        reference = [f.compute(q, c, al) for f in FEATURES]
        values, _ = measure(q, c)
        fast, _ = measure_fast(q, c)
        assert values == reference
        assert fast == reference


@pytest.mark.parametrize(("schema", "a", "b"), PAIRS)
def test_flat_model_equals_the_sum_of_its_shapes(schema: str, a: str, b: str) -> None:
    model = load_models().for_kind(schema == "Person")
    values, _ = measure(prepare(a, schema == "Person"), prepare(b, schema == "Person"))
    shapes = zip(model.shapes, expand(values), strict=True)
    terms = [s(v) if s is not None else 0.0 for s, v in shapes]
    assert model.logit(values) == model.bias + sum(terms)


def test_acronym_from_precomputed_initials() -> None:
    def slow(short: str, long: str) -> bool:
        s, lo = prepare(short, False), prepare(long, False)
        if len(s.tokens) != 1 or len(lo.tokens) < 2 or not 2 <= len(s.tokens[0].text) <= 8:
            return False
        word = s.tokens[0].text
        every = "".join(t.text[0] for t in lo.tokens)
        core = "".join(t.text[0] for t in lo.tokens if t.kind not in (KIND_PARTICLE, KIND_LEGAL))
        return word in (every, core) or (
            len(word) >= 3 and (every.startswith(word) or core.startswith(word))
        )

    for short, long in [("PLA", "People's Liberation Army"), ("ABC", "Alpha Beta"), ("X", "Y Z")]:
        expected = slow(short, long) or slow(long, short)
        assert is_acronym(prepare(short, False), prepare(long, False)) == expected


def test_query_scorer_equals_compare() -> None:
    query = Record(schema="Person", names=["Vladimir Putin"], birth_dates=["1952-10-07"])
    candidates = [
        Record(schema="Person", names=["PUTIN, Vladimir Vladimirovich"], birth_dates=["1952"]),
        Record(schema="LegalEntity", names=["Putin Trading LLC", "Vladimir Putin"]),
        Record(schema="Organization", names=["Vladimir Putin"]),
        Record(schema="Person", names=["", " "]),
        Record(schema="Person", first_names=["Vladimir"], last_names=["Putin"]),
    ]
    scorer = QueryScorer(query)
    for candidate in candidates:
        assert scorer.score(candidate) == compare(query, candidate).score


def test_latinize_word_by_word_equals_whole_text() -> None:
    from weerbaar.matching.translit import _latinize

    for text in [
        "Владимир Владимирович ПУТИН",
        "محمد رضا شاه",
        "מקדונלד ַג׳יימס,",
        "ООО «Газпром» Gazprom Müller",
        "Ёлкин Ілля",
    ]:
        assert latinize(text) == _latinize(text)
