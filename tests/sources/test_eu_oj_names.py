"""``weerbaar.sources.eu_oj.names``: one printed OJ name cell into names and notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files
from weerbaar.sources.eu_oj.names import PrintedName, parse_name

REAL = "sanctions/eu/eu_oj"


def test_word_alternative_is_substituted_once() -> None:
    assert parse_name("Najm (a.k.a. Nejm) Hamad AL AHMAD") == PrintedName(
        "Najm Hamad AL AHMAD", aliases=("Nejm Hamad AL AHMAD",)
    )


def test_two_words_with_alternatives_give_one_alias_each_not_all_combinations() -> None:
    got = parse_name("Fahd (a.k.a. Fahid, Fahed) Jasim (a.k.a. Jasem, Jassim) AL-FURAYJ")
    assert got.name == "Fahd Jasim AL-FURAYJ"
    assert got.aliases == (
        "Fahid Jasim AL-FURAYJ",
        "Fahed Jasim AL-FURAYJ",
        "Fahd Jasem AL-FURAYJ",
        "Fahd Jassim AL-FURAYJ",
    )


def test_alternative_without_label_and_middle_word() -> None:
    assert parse_name("Alexander (Alexandr) Valerievich BYKOV").aliases == (
        "Alexandr Valerievich BYKOV",
    )
    got = parse_name("Imad Mohammad (a.k.a. Mohamed, Muhammad) Deeb KHAMIS")
    assert got.name == "Imad Mohammad Deeb KHAMIS"
    assert got.aliases == ("Imad Mohamed Deeb KHAMIS", "Imad Muhammad Deeb KHAMIS")


def test_title_stays_and_nickname_is_a_weak_alias() -> None:
    got = parse_name("Captain Aboubacar Chérif (alias Toumba) DIAKITÉ")
    assert got == PrintedName("Captain Aboubacar Chérif DIAKITÉ", weak=("Toumba",))
    got = parse_name("Dr. Nazeera (a.k.a. Nazira) Farah SARKEES")
    assert got.aliases == ("Dr. Nazira Farah SARKEES",)


def test_whole_name_alternatives_and_other_script_after_a_dash() -> None:
    got = parse_name("Simon AL WAKIL (Simon WAKIL, Simon AL WAQIL) – سيمون الوكيل, سيمون")
    assert got.name == "Simon AL WAKIL"
    assert got.aliases == ("Simon WAKIL", "Simon AL WAQIL", "سيمون الوكيل")
    assert got.weak == ("سيمون",)  # a one-word name of a person: the given name alone
    got = parse_name("Yasar Hussein IBRAHIM (Yassar Hussein IBRAHIM, Yassar IBRAHIM) -")
    assert got == PrintedName(
        "Yasar Hussein IBRAHIM", aliases=("Yassar Hussein IBRAHIM", "Yassar IBRAHIM")
    )


def test_trailing_name_in_another_script() -> None:
    got = parse_name("Andrey Ivanovich TESTOV (a.k.a. Andrei Ivanovych TESTOV) Андрей ТЕСТОВ")
    assert got.name == "Andrey Ivanovich TESTOV"
    assert got.aliases == ("Andrei Ivanovych TESTOV", "Андрей ТЕСТОВ")
    got = parse_name("Petr Petrovich PRIMEROV Russian: Пётр Петрович ПРИМЕРОВ")
    assert got.aliases == ("Пётр Петрович ПРИМЕРОВ",)


def test_maiden_name_is_a_previous_name() -> None:
    got = parse_name("Валентина Ивановна МАТВИЕНКО (born ТЮТИНА)")
    assert got == PrintedName(
        "Валентина Ивановна МАТВИЕНКО", previous=("Валентина Ивановна ТЮТИНА",)
    )
    got = parse_name("Катерина Володимирівна Гогiашвiлi - born ФІЛІППОВА")
    assert got.previous == ("Катерина Володимирівна ФІЛІППОВА",)


def test_organisation_abbreviation_is_an_alias() -> None:
    assert parse_name("Shahid Bagheri Industrial Group (SBIG)", "LegalEntity") == PrintedName(
        "Shahid Bagheri Industrial Group", aliases=("SBIG",)
    )
    got = parse_name("Акционерное Общество «Завод «Пример» (АО «Завод «Пример»)", "Company")
    assert got == PrintedName(
        "Акционерное Общество «Завод «Пример»", aliases=("АО «Завод «Пример»",)
    )


@pytest.mark.parametrize(
    "cell",
    [
        "Joint Stock Commercial Bank “Example Reserve Bank” (JSC)",
        "VTB Bank (PJSC) Shangai Branch",
        "Rostekh – Azimuth",
        "AGAT - SYSTEM",
        "Chinaoil (Hong Kong) Corporation Limited",
        "CJSC Example-Bank (Belarus)",
    ],
)
def test_organisation_legal_form_place_and_dash_stay_in_the_name(cell: str) -> None:
    assert parse_name(cell, "LegalEntity") == PrintedName(cell)


@pytest.mark.parametrize(
    ("cell", "name", "note"),
    [
        ('"Bekasam Kalad (Date of birth: 26.8.1973', "Bekasam Kalad", "Date of birth: 26.8.1973"),
        ("Qari Rahmat (previously listed as)", "Qari Rahmat", "previously listed as"),
        ("Hajji ‘Abd Al-Nasir (formerly listed as)", "Hajji ‘Abd Al-Nasir", "formerly listed as"),
        ("Ri'ad Hasan Hijazi (as previously listed)", "Ri'ad Hasan Hijazi", "as previously listed"),
        ("Larzg Ben Ila (born 11.8.1960 in Libya)", "Larzg Ben Ila", "born 11.8.1960 in Libya"),
        ("Abu Example (nom de guerre)", "Abu Example", "nom de guerre"),
    ],
)
def test_notes_are_no_names(cell: str, name: str, note: str) -> None:
    assert parse_name(cell) == PrintedName(name, notes=(note,))


def test_formerly_known_as_and_subsidiaries() -> None:
    cell = "Yeganeh Example Part (formerly known as Yasa Part) and the following subsidiaries:"
    assert parse_name(cell, "LegalEntity") == PrintedName(
        "Yeganeh Example Part",
        previous=("Yasa Part",),
        notes=("and the following subsidiaries",),
    )
    assert parse_name("STORMBRINGER (ex KRITI VIGOR)", "Vessel").previous == ("KRITI VIGOR",)


def test_two_full_names_printed_one_after_the_other() -> None:
    got = parse_name("Yuriy Mikhailovich TESTYUK Yuriy Mikhailovich TESTIUK (Юрий ТЕСТЮК)")
    assert got.name == "Yuriy Mikhailovich TESTYUK"
    assert set(got.aliases) == {"Yuriy Mikhailovich TESTIUK", "Юрий ТЕСТЮК"}


def test_unbalanced_parentheses_and_label_alone() -> None:
    got = parse_name("Игорь Всеволодович ПРИМЕРОВ) (a.k.a. Igor PRIMEROV, Ihor PRYMEROV")
    assert got == PrintedName(
        "Игорь Всеволодович ПРИМЕРОВ", aliases=("Igor PRIMEROV", "Ihor PRYMEROV")
    )
    assert parse_name("Korean:") == PrintedName("", notes=("Korean:",))


def test_enumerated_names_of_an_organisation() -> None:
    got = parse_name(
        "Groupe Exemple Tunisien, (b), Groupe Islamiste Exemple, (c) GIE", "LegalEntity"
    )
    assert got == PrintedName(
        "Groupe Exemple Tunisien", aliases=("Groupe Islamiste Exemple", "GIE")
    )


def test_fixture_entities_get_clean_names() -> None:
    ctx = parse_files(FIXTURES / "eu_oj")
    pak = entity(ctx, "eu-oj-32017r1509-xiii.a-78")
    assert pak["name"] == ["PAK Fictional Ho"]  # printed "PAK Fictional (a.k.a. Fiktional) Ho"
    assert sorted(pak["alias"]) == sorted(
        [
            "PAK Fiktional Ho",
            "Pak Fictional HO",
            "Pak Fiktsional HO",
            "박 픽셔널 호",
            "Fictional Pak",
        ]
    )
    assert pak["notes"] == ["alias as printed: Fictional Pak (Date of birth: 30.12.1960)"]
    assert entity(ctx, "eu-oj-32014r0833-iv-902")["alias"] == ["FPJ"]


# -- the real transcriptions -------------------------------------------------------
def test_real_names_hold_no_packed_variants_or_notes(shared: Path) -> None:
    ctx = parse_files(shared / REAL)
    names = [
        (prop, value)
        for entity in ctx.iter_targets()
        for prop in ("name", "alias", "previousName")
        for value in entity.get(prop, quiet=True)
    ]
    assert len(names) > 15_000
    packed = [v for _, v in names if re.search(r"\(a\.k\.a\.|\ba\.k\.a\.", v)]
    unbalanced = [v for _, v in names if v.count("(") != v.count(")")]
    notes = [v for _, v in names if re.search(r"date of birth|previously listed", v, re.I)]
    assert packed == [] and unbalanced == [] and notes == []


def test_real_entry_keeps_the_printed_cell(shared: Path) -> None:
    ctx = parse_files(shared / REAL)
    simon = next(e for e in ctx.iter_targets() if e.first("name") == "Simon AL WAKIL")
    assert "Simon WAQIL" in simon.get("alias")
    assert "سيمون الوكيل" in simon.get("alias")
    originals = {s.original_value for s in simon.statements if s.prop == "alias"}
    assert any(o and o.startswith("Simon AL WAKIL (Simon WAKIL") for o in originals)
