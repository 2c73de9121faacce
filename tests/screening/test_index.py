"""The candidate index finds listed entities from imperfect queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from weerbaar.core.settings import Settings
from weerbaar.lists import Lists
from weerbaar.matching import Record
from weerbaar.matching.names import prepare
from weerbaar.screening.index import identifier_key, index_dir, load_index, name_features


def found(settings: Settings, record: Record, limit: int = 10) -> list[str]:
    index = load_index(settings)
    return [index.entry(c.number).id for c in index.candidates(record, limit)]


def test_a_misspelled_name_finds_the_person(listed: Settings) -> None:
    assert "unsc-9000001" in found(listed, Record(schema="Person", names=["Kim Chol Ugn"]))


def test_a_reordered_name_finds_the_person(listed: Settings) -> None:
    hits = found(listed, Record(schema="Person", names=["FIKTIVNAYA Petra Ivanovna"]))
    assert hits[0] == "eu-fsf-900011"


def test_a_transliterated_name_finds_the_person(listed: Settings) -> None:
    hits = found(listed, Record(schema="Person", names=["Иван Петрович Фиктивный"]))
    assert "fx-person-ivan" in hits[:3]
    hits = found(listed, Record(schema="Person", names=["Ivan Petrovitch Fiktivnyi"]))
    assert "fx-person-ivan" in hits[:3]


def test_an_identifier_alone_finds_the_entity(listed: Settings) -> None:
    record = Record(schema="Vessel", names=["Unknown Ship"], identifiers=["IMO 9123453"])
    assert found(listed, record)[0] == "eu-oj-imo9123453"


def test_identifiers_are_compared_without_punctuation() -> None:
    assert identifier_key("IMO 9123453") == identifier_key("9123453")
    assert identifier_key("745-120-012") == "745120012"
    assert identifier_key("12") is None


def test_a_person_query_never_returns_vessels(listed: Settings) -> None:
    index = load_index(listed)
    hits = index.candidates(Record(schema="Person", names=["Ocean Fiction"]), 10)
    assert all(index.entry(c.number).schema != "Vessel" for c in hits)


def test_the_index_is_cached_and_rebuilt_after_a_new_list_version(listed: Settings) -> None:
    load_index(listed)
    first = sorted(index_dir(listed).glob("*.pickle"))
    assert len(first) == 1
    load_index(listed)
    assert sorted(index_dir(listed).glob("*.pickle")) == first
    with Lists(listed) as lists:  # the CSV edition of the EU list is a new version
        lists.import_paths([FIXTURES / "eu_fsf" / "eu_fsf.csv"], source="eu_fsf")
    load_index(listed)
    second = sorted(index_dir(listed).glob("*.pickle"))
    assert len(second) == 1
    assert second != first


def test_the_index_is_rebuilt_after_an_upgrade_of_the_matching_code(
    listed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # features depend on how names are prepared: a cached index built by other
    # matching code is stale even when the lists are the same
    from weerbaar.screening import index as index_module

    load_index(listed)
    first = sorted(index_dir(listed).glob("*.pickle"))
    digest = index_module.code_digest()
    assert len(digest) == 16 and digest == index_module.code_digest()
    monkeypatch.setattr(index_module, "code_digest", lambda: "another release")
    load_index(listed)
    second = sorted(index_dir(listed).glob("*.pickle"))
    assert len(second) == 1 and second != first


def test_an_empty_store_is_a_clear_error(home: object) -> None:
    import pytest

    from weerbaar.core.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no lists"):
        load_index(Settings.from_env())


def test_weak_aliases_are_marked_and_survive_the_index_file(listed: Settings) -> None:
    index = load_index(listed)
    kim = next(index.entry(n) for n in range(len(index)) if index.entry(n).id == "unsc-9000001")
    # the cast's low-quality a.k.a. is a weak alias on every list that gives it
    assert "KIM Chol-ung" in kim.record.names
    assert kim.record.weak_names == ["KIM Chol-ung"]
    again = load_index(listed)  # read back from the cache file
    same = next(again.entry(n) for n in range(len(again)) if again.entry(n).id == kim.id)
    assert same.record.weak_names == kim.record.weak_names


def test_two_letters_swapped_still_share_a_feature() -> None:
    # "RAJDA" and "RADJA" share one 3-gram (" ra", common to thousands of names)
    # and no fold, skeleton or whole word: the sorted letters are their key
    query = name_features(prepare("RAJDA", True))
    listed = name_features(prepare("RADJA", True))
    assert set(query) & set(listed) == {"g ra", "a" + "".join(sorted("radja"))}


def test_names_with_one_latin_form_are_kept_as_siblings_in_the_index_file(
    tmp_path: Path,
) -> None:
    # The index keeps one of the names that read alike and records the group, so
    # that a hit is scored on all of them without preparing every alias again.
    from weerbaar.screening.entities import Entry
    from weerbaar.screening.index import CandidateIndex

    record = Record(
        "Person",
        names=["Sergey Vladimirovich ILIN", "Сергей Владимирович ИЛЬИН", "Sergei ILYIN"],
    )
    index = CandidateIndex.build([Entry("x-1", "ILIN", "Person", ["x"], record)])
    path = tmp_path / "index.pickle"
    index.save(path)
    loaded = CandidateIndex.load(path)
    assert loaded.siblings(0) == [["Sergey Vladimirovich ILIN", "Сергей Владимирович ИЛЬИН"]]
    assert loaded.n_names == 2
    assert loaded.siblings(1) == []
