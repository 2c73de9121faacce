"""Chinese business words of organisation names read in English."""

from __future__ import annotations

from weerbaar.matching import DEFAULT_THRESHOLD as T
from weerbaar.matching import compare_names
from weerbaar.matching.chinese_words import translate
from weerbaar.matching.names import prepare


def test_business_words_are_written_in_english_and_the_rest_kept() -> None:
    assert translate("沈忠國際海運有限公司") == "沈忠 international shipping co ltd"
    assert translate("BRINC无人机公司") == "BRINC drones company"
    # the longest word wins: 有限公司 is a legal form, not "limited" + "company"
    assert translate("股份有限公司") == "co ltd"
    assert translate("Siemens AG") == "Siemens AG"


def test_a_chinese_firm_meets_its_english_and_pinyin_names() -> None:
    name = prepare("沈忠國際海運有限公司", False)
    assert [t.text for t in name.tokens][:2] == ["shen", "zhong"]
    assert name.legal_forms  # "co ltd"
    assert (
        compare_names("Company", "沈忠國際海運有限公司", "SHEN ZHONG INTERNATIONAL SHIPPING") >= T
    )
    assert compare_names("Company", "Opticoelectron集团", "Opticoelectron Group") >= T
    # the business words alone make no hit
    assert (
        compare_names("Company", "江西新拓实业有限公司", "Hunan Dongfang Industrial Co., Ltd.") < T
    )


def test_pinyin_syllables_are_no_roman_numerals() -> None:
    # 江西 is "jiang xi", not "jiang 11" (as "Fund XI" would be)
    name = prepare("江西新拓实业有限公司", False)
    assert [t.text for t in name.tokens][:2] == ["jiang", "xi"]
    assert not name.numbers
    assert prepare("KKR Asian Fund XI", False).numbers == frozenset({"11"})


def test_people_and_vessels_are_not_translated() -> None:
    assert [t.text for t in prepare("王公司", True).tokens] != ["wang", "company"]
    assert "company" not in [t.text for t in prepare("海运公司", False, craft=True).tokens]
