"""Foreign names spelled in Korean letters and in katakana (weerbaar.matching.loanwords)."""

from __future__ import annotations

import pytest

from weerbaar.matching import DEFAULT_THRESHOLD as T
from weerbaar.matching import compare_names
from weerbaar.matching.loanwords import hangul_loanword, kana_key, kana_spelling, loan_key
from weerbaar.matching.names import prepare, read_as_loanword
from weerbaar.matching.record import Record
from weerbaar.screening.index import query_names


@pytest.mark.parametrize(
    ("name", "foreign"),
    [
        ("김정은", False),  # family name 김 + given name
        ("김 정은", False),
        ("정은 김", False),
        ("김 정 은", False),
        ("남궁 민수", False),  # a family name of two syllables
        ("아름 예은 최", False),  # first, middle and last name of a customer file
        ("량수니오", False),  # North Korean 량 (Ryang)
        ("정은", False),  # two syllables alone: may be a given name
        ("볼프강 아벤트로트", True),  # the loanword vowel ㅡ (프, 트)
        ("윌리엄 사로얀", True),  # no word is a family name
        ("조 앤더슨", True),  # 조 may be a family name, 앤더슨 is no given name
        ("발레리 강", True),
        ("윌리엄", True),  # three syllables, no family name first
    ],
)
def test_korean_and_foreign_names_in_hangul(name: str, foreign: bool) -> None:
    assert hangul_loanword(name) is foreign


def test_loan_key_keeps_what_the_loanword_orthography_keeps() -> None:
    # b, v, w, p, f are ㅂ/ㅍ; g, k ㄱ/ㅋ; the epenthetic vowel is gone
    assert loan_key("wolfgang") == loan_key("bolpgang") == "PVLPKVN"
    assert loan_key("abendroth") == loan_key("abentrot") == "VPVNTLVT"
    # Korean ends a word with a vowel where English does not write one
    assert loan_key("jake") == loan_key("jeik")
    # an r before a consonant or at the end is not written (어니, Ernie)
    assert loan_key("ernie") == loan_key("oni")
    assert loan_key("banks") == loan_key("baengks")
    assert loan_key("putin") != loan_key("putilin")


def test_a_foreign_name_in_hangul_is_words_not_syllables() -> None:
    name = prepare("볼프강 아벤트로트", True)
    assert name.transcribed and name.groups is None
    assert [t.text for t in name.tokens] == ["bolpgang", "abentrot"]
    korean = prepare("김정은", True)
    assert not korean.transcribed
    assert [t.text for t in korean.tokens] == ["kim", "jong", "un"]


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("볼프강 아벤트로트", "Wolfgang Abendroth"),
        ("블라디미르 푸틴", "Vladimir Putin"),
        ("빌리 제닝스", "Billy Jennings"),
        ("어니 뱅크스", "Ernie Banks"),
        ("브루스 랭글리", "Bruce Langley"),
        ("김정은", "Kim Jong Un"),  # a Korean name is still read as one
    ],
)
def test_a_foreign_name_in_hangul_matches_its_latin_spelling(hangul: str, latin: str) -> None:
    assert compare_names("Person", hangul, latin) >= T, (hangul, latin)
    assert compare_names("Person", latin, hangul) >= T, (latin, hangul)


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("블라디미르 푸틴", "Vladislav Putilin"),
        ("볼프강 아벤트로트", "Wolfgang Amadeus Mozart"),
        ("빌리 제닝스", "Billy Graham"),
    ],
)
def test_a_foreign_name_in_hangul_does_not_match_another(hangul: str, latin: str) -> None:
    assert compare_names("Person", hangul, latin) < T, (hangul, latin)


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [("제러미", "Jeremy"), ("하디", "Hardy"), ("불럭", "Bullock"), ("허친슨", "Hutchinson")],
)
def test_a_short_foreign_name_of_a_korean_shape_is_also_read_as_a_loanword(
    hangul: str, latin: str
) -> None:
    # 제러미 starts with the family name 제 and 하디 has two syllables: either may be
    # a Korean name, so each is read both ways
    assert not prepare(hangul, True).transcribed
    loan = read_as_loanword(prepare(hangul, True))
    assert loan is not None and loan.transcribed
    assert compare_names("Person", hangul, latin) >= T, (hangul, latin)
    assert compare_names("Person", latin, hangul) >= T, (latin, hangul)


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [("한대", "Hardy"), ("제민", "Jeremy"), ("김정은", "Jeremy")],
)
def test_the_loanword_reading_needs_every_sound_to_agree(hangul: str, latin: str) -> None:
    assert compare_names("Person", hangul, latin) < T, (hangul, latin)


def test_only_a_person_in_hangul_has_a_loanword_reading() -> None:
    assert read_as_loanword(prepare("Jeremy", True)) is None
    assert read_as_loanword(prepare("제러미", False)) is None
    assert read_as_loanword(prepare("블라디미르 푸틴", True)) is None  # already one


# --------------------------------------------------------------------------- Japanese


def test_kana_spelling_adds_the_vowels_katakana_adds() -> None:
    # l is r, a consonant with no vowel gets u (o after t and d), n stands alone
    assert kana_spelling("merkel") == kana_spelling("merukeru") == "merukeru"
    assert kana_spelling("merkur") != kana_spelling("merkel")
    assert kana_spelling("smith") == kana_spelling("sumisu")
    assert kana_spelling("ford") == kana_spelling("fordo") == "forudo"  # フォード: ー read r
    # ti is チ (chi): Putin is プーチン
    assert kana_spelling("putin") == kana_spelling("puchin")
    # m before p is ン
    assert kana_spelling("trump").endswith("npu")


def test_kana_key_keeps_consonant_classes_only() -> None:
    assert kana_key("strauss") == kana_key("shutorausu") == "SVTVLVSV"
    assert kana_key("wil") == kana_key("wiru") == "PVLV"
    # an r after a vowel and before none is the long-vowel mark: Baker is ベーカー
    assert kana_key("baker") == kana_key("bekar")
    assert kana_key("lebedev") != kana_key("raburofu")


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("ウラジーミル・プーチン", "Vladimir Putin"),
        ("ドナルド・トランプ", "Donald Trump"),
        ("アンゲラ・メルケル", "Angela Merkel"),
        ("セルゲイ・ラブロフ", "Sergey Lavrov"),
        ("オサマ・ビン・ラディン", "Osama bin Laden"),
        ("アリー・ハーメネイー", "Ali Khamenei"),
        ("ヤマダ タロウ", "Yamada Taro"),  # a Japanese name's reading, as banks keep it
    ],
)
def test_a_name_in_katakana_matches_its_latin_spelling(kana: str, latin: str) -> None:
    assert compare_names("Person", kana, latin) >= T, (kana, latin)
    assert compare_names("Person", latin, kana) >= T, (latin, kana)


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("ウラジーミル・プーチン", "Vladislav Putilin"),
        ("ドナルド・トランプ", "Donald Tusk"),
        ("セルゲイ・ラブロフ", "Sergey Lebedev"),  # consonant classes alike, letters not
        ("キム・ジョンウン", "Kim Jong Nam"),
        ("ヤマダ タロウ", "Yamamoto Taro"),
    ],
)
def test_a_name_in_katakana_does_not_match_another(kana: str, latin: str) -> None:
    assert compare_names("Person", kana, latin) < T, (kana, latin)


def test_the_index_looks_a_short_hangul_name_up_by_both_readings() -> None:
    names = query_names(Record("Person", names=["제러미"]))
    assert [n.transcribed for n in names] == [False, True]
    assert [t.text for t in names[1].tokens] == [prepare("제러미 스미스", True).tokens[0].text]
    assert len(query_names(Record("Company", names=["제러미"]))) == 1
