"""Bad input: a clear error naming the file and place, exit code 1, the store untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import cli, snapshot
from tests.conftest import FIXTURES

UN = FIXTURES / "un_sc" / "un_consolidated.xml"


@pytest.fixture()
def stocked(home: Path) -> Path:
    assert cli("lists", "import", UN).exit_code == 0
    return home


def _refused(home: Path, *args: str | Path) -> str:
    before = snapshot(home)
    result = cli("lists", "import", *args)
    assert result.exit_code == 1, result.output
    assert snapshot(home) == before
    return str(result.stderr)


def test_truncated_xml(stocked: Path, tmp_path: Path) -> None:
    bad = tmp_path / "un_cut.xml"
    bad.write_bytes(UN.read_bytes()[:1500])
    err = _refused(stocked, bad)
    assert "un_cut.xml" in err and "line" in err and "Fix:" in err


def test_empty_file(stocked: Path, tmp_path: Path) -> None:
    bad = tmp_path / "empty.xml"
    bad.write_bytes(b"")
    err = _refused(stocked, bad)
    assert "empty.xml" in err and "empty" in err


def test_file_of_another_kind(stocked: Path, tmp_path: Path) -> None:
    bad = tmp_path / "picture.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    err = _refused(stocked, bad)
    assert "picture.png" in err and "--format" in err


def test_unknown_xml(stocked: Path, tmp_path: Path) -> None:
    bad = tmp_path / "feed.xml"
    bad.write_text("<?xml version='1.0'?><rss><channel/></rss>")
    err = _refused(stocked, bad)
    assert "<rss>" in err


def test_missing_file(stocked: Path, tmp_path: Path) -> None:
    err = _refused(stocked, tmp_path / "nothere.xml")
    assert "nothere.xml" in err and "no such file" in err


def test_one_bad_file_rejects_the_whole_import(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "un_cut.xml"
    bad.write_bytes(UN.read_bytes()[:1500])
    result = cli("lists", "import", UN, bad)
    assert result.exit_code == 1
    assert snapshot(home)[0] == []  # the good file was not stored either
    assert snapshot(home)[3] == []  # nor archived


def test_valid_xml_with_no_records(stocked: Path, tmp_path: Path) -> None:
    bad = tmp_path / "un_empty.xml"
    bad.write_text(
        '<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-05-01T00:00:00Z">'
        "<INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>"
    )
    err = _refused(stocked, bad)
    assert "no list entries" in err


def test_older_version_after_newer_is_refused(stocked: Path, tmp_path: Path) -> None:
    older = tmp_path / "un_old.xml"
    older.write_text(UN.read_text().replace("2026-03-01T", "2025-01-01T").replace("KIM", "KIMM"))
    err = _refused(stocked, older)
    assert "older than the stored version" in err


def test_forced_wrong_format(stocked: Path, tmp_path: Path) -> None:
    err = _refused(stocked, "--format", "nope", UN)
    assert "no list format 'nope'" in err


def test_truncated_xlsx_is_named_as_damaged(stocked: Path, tmp_path: Path) -> None:
    xlsx = FIXTURES / "gb_hmt" / "ConList.xlsx"
    bad = tmp_path / "ConList.xlsx"
    bad.write_bytes(xlsx.read_bytes()[: xlsx.stat().st_size // 2])
    err = _refused(stocked, bad)
    assert "ConList.xlsx" in err and "truncated" in err


def test_csv_in_the_wrong_encoding(stocked: Path, tmp_path: Path) -> None:
    csv = FIXTURES / "gb_hmt" / "ConList.csv"
    bad = tmp_path / "ConList.csv"
    bad.write_bytes(csv.read_text(encoding="utf-8").encode("utf-16"))
    err = _refused(stocked, bad)
    assert "ConList.csv" in err and "decoded" in err


def test_one_broken_file_in_a_list_folder_rejects_the_whole_set(
    stocked: Path, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "eu_oj"
    shutil.copytree(FIXTURES / "eu_oj", folder)
    amendment = folder / "32026R9901.csv"
    amendment.write_text(amendment.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    err = _refused(stocked, folder)
    assert amendment.name in err and "line 4" in err and "Fix:" in err
