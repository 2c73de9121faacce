"""Korean names in Chinese characters, read in Korean (weerbaar.matching.hanja)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.script_helpers import run_script
from weerbaar.matching import DEFAULT_THRESHOLD as T
from weerbaar.matching import compare, compare_names
from weerbaar.matching.compare import QueryScorer, name_pairs
from weerbaar.matching.hanja import TABLE, korean_reading, read_in_korean
from weerbaar.matching.names import prepare
from weerbaar.matching.record import Record
from weerbaar.screening.index import query_names


def test_the_table_reads_names_as_koreans_do() -> None:
    # 金 is 김 in a name (the family name), not 금 (gold); a simplified character
    # takes its traditional form's reading (龙 is 龍, 룡)
    assert korean_reading("金正恩") == "김정은"
    assert korean_reading("崔 龙海") == "최 룡해"
    assert korean_reading("朴槿惠") == "박근혜"
    assert korean_reading("金") is None  # one syllable is no name
    assert korean_reading("金正恩abc") is None  # other letters among them
    assert korean_reading("金正恩金正恩") is None  # longer than a Korean name
    assert TABLE.with_suffix(".LICENSE").is_file()


def test_only_a_korean_shape_is_read() -> None:
    korean = read_in_korean(prepare("金正恩", True))
    assert korean is not None
    assert korean.original == "金正恩 (김정은)"
    assert [t.text for t in korean.tokens] == ["kim", "jong", "un"]
    # no Korean family name at either end: a Chinese or Japanese name
    assert read_in_korean(prepare("美雲 曾", True)) is None
    assert read_in_korean(prepare("充 阿部", True)) is None
    # not a person's name, or a foreign name spelled in characters
    assert read_in_korean(prepare("金正恩", False)) is None
    assert read_in_korean(prepare("贝拉克·奥巴马", True)) is None


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("金正恩", "Kim Jong Un"),
        ("崔龙海", "Choe Ryong Hae"),
        ("朴槿惠", "Park Geun-hye"),
        ("李炳哲", "Ri Pyong Chol"),
        ("金正恩", "김정은"),
    ],
)
def test_a_korean_name_in_characters_matches_its_romanisation(han: str, latin: str) -> None:
    assert compare_names("Person", han, latin) >= T, (han, latin)
    assert compare_names("Person", latin, han) >= T, (latin, han)


def test_the_korean_reading_does_not_make_other_names_alike() -> None:
    assert compare_names("Person", "金正恩", "Kim Jong Nam") < T
    assert compare_names("Person", "金正恩", "Kim Yong Chol") < T
    # a Chinese name keeps its Chinese reading
    assert compare_names("Person", "习近平", "Xi Jinping") >= T
    assert len(name_pairs(prepare("习近平", True), prepare("Xi Jinping", True))) == 1


def test_the_explanation_and_the_fast_score_agree() -> None:
    query = Record("Person", names=["金正恩"])
    listed = Record("Person", names=["KIM, Jong Un"])
    result = compare(query, listed)
    assert result.match
    assert result.query_name == "金正恩 (김정은)"
    assert QueryScorer(query).score(listed) == pytest.approx(result.score)


def test_the_index_looks_a_korean_name_in_characters_up_by_both_readings() -> None:
    names = query_names(Record("Person", names=["金正恩"]))
    assert [n.original for n in names] == ["金正恩", "金正恩 (김정은)", "金正恩"]
    # the third is the reading as a transcription (a foreign name by sound)
    assert [n.transcribed for n in names] == [False, False, True]
    # a firm's name has no Korean reading, only the one by sound
    firm = query_names(Record("Company", names=["金正恩"]))
    assert [(n.original, n.transcribed) for n in firm] == [("金正恩", False), ("金正恩", True)]


UNIHAN = Path("/usr/share/unicode")


def test_the_table_is_what_the_script_makes_of_unihan(tmp_path: Path) -> None:
    """hanja.txt is scripts/make_hanja_table.py's output (it cannot drift)."""
    if not any(UNIHAN.glob("Unihan_Readings.txt*")):
        reason = "Debian's unicode-data is not installed (apt-get install unicode-data)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must check the hanja table: {reason}")
        pytest.skip(reason)
    out = tmp_path / "hanja.txt"
    done = run_script("make_hanja_table.py", UNIHAN, out)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == TABLE.read_text(encoding="utf-8")
