"""Forms of one name part in other languages (weerbaar.matching.name_groups)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.script_helpers import run_script
from weerbaar.matching import DEFAULT_THRESHOLD as T
from weerbaar.matching import Record, compare, compare_names
from weerbaar.matching.name_groups import TABLE, same_group


@pytest.mark.parametrize(
    ("a", "b"),
    [("pyotr", "peter"), ("oleksiy", "aleksey"), ("mykola", "nikolay"), ("mikalai", "nikolay")],
)
def test_forms_of_one_name(a: str, b: str) -> None:
    assert same_group(a, b) and same_group(b, a)


def test_other_names_are_not_one_name() -> None:
    assert not same_group("michel", "michelle")
    assert not same_group("peter", "paul")
    assert not same_group("pyotr", "qqqq")  # a word in no group
    assert TABLE.with_name("name_groups.LICENSE").is_file()


def test_another_languages_form_of_a_given_name_matches_and_is_explained() -> None:
    query = "BICHKOV, Peter Alexandrovich"
    listed = "BYCHKOV, Pyotr Aleksandrovich"
    assert compare_names("Person", query, listed) >= T
    result = compare(Record("Person", names=[query]), Record("Person", names=[listed]))
    aligned = {(a.query, a.candidate, a.how) for a in result.aligned}
    assert ("peter", "pyotr", "name form") in aligned
    # the same given name does not make two family names one
    assert compare_names("Person", "Peter Alexandrovich BICHKOV", "Pyotr Aleksandrovich IVANOV") < T


def test_the_table_is_what_the_script_makes_of_rigours_groups(shared: Path, tmp_path: Path) -> None:
    """name_groups.txt.gz is scripts/make_name_groups.py's output (it cannot drift);
    the shared folder keeps a gzip copy of the wheel's persons.txt (same SHA-256)."""
    source = shared / "matching" / "resources" / "rigour_1.8.2_person_name_groups.txt.gz"
    out = tmp_path / "name_groups.txt.gz"
    done = run_script("make_name_groups.py", source, out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == TABLE.read_bytes(), "run scripts/make_name_groups.py"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("persons.txt.gz", b"not gzip", "Not a gzipped file"),
        (
            "persons.txt.gz",
            gzip.compress(b"peter, pyotr => Q1\n" * 50, mtime=0)[:40],
            "ended before",
        ),
        ("rigour.whl", b"not a zip", "not a zip file"),
        ("persons.txt", b"", "0 name groups"),
        ("persons.txt", b"peter, pyotr, petr => Q1\n", "1 name groups"),
    ],
    ids=["not-gzip", "truncated-gzip", "not-a-wheel", "empty", "too-few-groups"],
)
def test_the_script_refuses_a_bad_source_and_keeps_the_table(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "name_groups.txt.gz"
    out.write_bytes(b"the table as it was")
    done = run_script("make_name_groups.py", source, out)
    assert done.returncode == 2
    assert str(source) in done.stderr and says in done.stderr, done.stderr
    assert out.read_bytes() == b"the table as it was"
    assert not list(tmp_path.glob("*.partial"))


def test_a_fathers_name_in_two_languages_is_one_patronymic() -> None:
    # Ukrainian Mykolayivna / Russian Nikolaevna: the father is Mykola / Nikolay
    pairs = [
        ("Anastasiya Mykolayivna KAPRANOVA", "Анастасия Николаевна КАПРАНОВА"),
        ("Kateryna Yuriyivna GUBARIEVA", "Екатерина Юрьевна ГУБАРЕВА"),
    ]
    for ukrainian, russian in pairs:
        assert compare_names("Person", ukrainian, russian) >= T, (ukrainian, russian)
    # another father is another patronymic
    assert compare_names("Person", "Sergey Ivanovich PETROV", "Sergey Petrovich PETROV") < T
