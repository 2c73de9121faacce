"""Russian words of organisation names in English (weerbaar.matching.russian)."""

from __future__ import annotations

import pytest

from weerbaar.matching import DEFAULT_THRESHOLD as T
from weerbaar.matching import compare, compare_names
from weerbaar.matching.names import prepare
from weerbaar.matching.record import Record
from weerbaar.matching.russian import VOCABULARY, place_adjective, translate, translate_word


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("zavod", "plant"),
        ("zavoda", "plant"),  # a case ending
        ("gosudarstvennaya", "state"),  # the adjective's nn and ending
        ("gosudarstvennyy", "state"),
        ("issledovatelskiy", "research"),
        ("neftekhimicheskaya", "petrochemical"),  # the longer stem wins over "neft"
        ("uralskiy", "uralsk"),  # a place adjective: the place with -sk
        ("chelyabinskogo", "chelyabinsk"),
        ("moskovskiy", "moscow"),
        ("novye", "new"),
        ("remontnyy", "repair"),
        ("pradpryemstva", "enterprise"),  # Belarusian
        ("poletov", "flights"),
        ("polet", "polet"),  # "Полёт" (Polyot) names a firm
        # English, German and names stay as they are
        ("institute", "institute"),
        ("armin", "armin"),
        ("company", "company"),
        ("whisky", "whisky"),
    ],
)
def test_translate_word(word: str, english: str) -> None:
    assert translate_word(word) == english


def test_a_translation_may_be_two_words_and_stems_are_lower_case_latin() -> None:
    assert translate(["priborostroitelnyy", "zavod"]) == ["instrument", "making", "plant"]
    assert all(stem.isascii() and stem.islower() and len(stem) >= 4 for stem, _ in VOCABULARY)


def test_abbreviations_and_function_words() -> None:
    assert translate(["nii", "polyus", "imeni", "stelmakha"]) == [
        *("scientific", "research", "institute", "polyus", "named", "after", "stelmakha")
    ]
    assert translate(["zavod", "im", "kulakova"]) == ["plant", "named", "after", "kulakova"]
    # "po" and "i" are read only in a name with other Russian words: "Fund I" stays
    assert translate(["sluzhba", "po", "monitoringu"]) == ["service", "for", "monitoringu"]
    assert translate(["fund", "i"]) == ["fund", "i"]
    # a stem's n or nn, as romanisations write it
    assert translate(["gosudarstvenoye", "gosudarstvennoye"]) == ["state", "state"]


def test_place_adjective() -> None:
    assert place_adjective("uralsk", "ural") and place_adjective("murom", "muromsk")
    assert not place_adjective("omsk", "om")  # too short a place
    assert not place_adjective("ural", "urals")


_PAIRS = [
    (
        "AO ‘УРАЛЬСКИЙ ЗАВОД ТРАНСПОРТНОГО МАШИНОСТРОЕНИЯ’",
        "JSC Ural Plant of Transport Machine Building",
    ),
    (
        "Акционерное общество ‘Государственная Транспортная Лизинговая Компания’",
        "Joint Stock Company ‘State Transport Leasing Company’",
    ),
    ("Федеральная Служба По Финансовому Мониторингу", "Federal Service for Financial Monitoring"),
    ("Челябинский Кузнечно-Прессовый Завод", "Chelyabinsk Forge and Press Plant"),
    (
        "Акционерное общество “Муромский приборостроительный завод”",
        "JSC Murom Instrument-Making Plant",
    ),
    ("AO Zavod im. A.A. Kulakova", "Акционерное Общество «Завод имени А.А.Кулакова»"),
    ("NII POLYUS IMENI M. F. STELMAKHA", "Scientific Research Institute Polyus"),
    ("Inzhiniring Grupp OOO", "LLC Engineering Group"),
    # English loanwords as Russian spells them ("Трейд")
    ("ООО «Элитан Трейд»", "Limited Liability Company Elitan Trade"),
    # military units, their numbers written as ordinals ("142-й", "142nd")
    ("воинская часть 20924", "Military Unit 20924"),
    (
        "142-й отдельный батальон радиоэлектронной борьбы",
        "142nd Separate Electronic Warfare Battalion",
    ),
    (
        "AO Uralskiy Zavod Transportnogo Mashinostroeniya",
        "Уральский завод транспортного машиностроения",
    ),
    # qualities and places, and Belarusian spellings
    ("ZAO NOVYE FINANSOVYE TEKHNOLOGII", "NEW FINANCIAL TECHNOLOGIES OOO"),
    (
        "OTKRYTOYE AKTSIONERNOYE OBSHCHESTVO BELORUSSKAYA KALIYNAYA KOMPANIYA",
        "OJSC BELARUSIAN POTASH COMPANY",
    ),
    ("Russkiy Imperskiy Legion", "Russian Imperial Legion"),
    ("Голос Европы", "Voice of Europe"),
    ("NPO ‘Pribor’", "НПО ‘Прибор’"),  # NPO is the Russian НПО, not a non-profit
    (
        "Общество с Ограниченной Ответственностью «Траст Лоджистикс Групп»",
        "Trust Logistics Group LLC",
    ),
]


@pytest.mark.parametrize(("russian", "english"), _PAIRS)
def test_a_russian_name_matches_its_english_translation(russian: str, english: str) -> None:
    assert compare_names("Company", russian, english) >= T, (russian, english)
    assert compare_names("Company", english, russian) >= T, (english, russian)


def test_the_translation_does_not_make_other_organisations_alike() -> None:
    assert compare_names("Company", "Уральский завод", "Kazan Plant") < T
    assert compare_names("Organization", "воинская часть 20924", "Military Unit 26165") < T
    assert compare_names("Organization", "1-й батальон", "2nd Battalion") < T
    assert (
        compare_names(
            "Company", "Государственная Транспортная Лизинговая Компания", "State Oil Company"
        )
        < T
    )


def test_only_an_organisations_words_are_translated() -> None:
    # a person's name is a name ("Zavodov"), a ship's every word identifies
    assert [t.text for t in prepare("Ivan Zavod", True).tokens] == ["ivan", "zavod"]
    assert [t.text for t in prepare("ZAVOD", False, craft=True).tokens] == ["zavod"]
    assert [t.text for t in prepare("ZAVOD", False).tokens] == ["plant"]


def test_the_explanation_names_a_place_adjective() -> None:
    result = compare(
        Record("Company", names=["Муромский приборостроительный завод"]),
        Record("Company", names=["Murom Instrument-Making Plant"]),
    )
    assert "place adjective" in [a.how for a in result.aligned]
    assert "Uralsk" in result.describe("en") or "adjective" in result.describe("en")
