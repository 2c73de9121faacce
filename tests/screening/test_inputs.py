"""Reading customer files to screen, and writing result files."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from weerbaar.core.errors import ConfigError, EncodingError, InputError
from weerbaar.screening.inputs import (
    FIELDS,
    guess_mapping,
    parse_mapping,
    read_input,
    read_records,
)
from weerbaar.screening.output import RESULT_COLUMNS, ResultWriter


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def error(exc: pytest.ExceptionInfo[InputError], *parts: str) -> str:
    """The message, after checking it names each part and carries a hint."""
    text = str(exc.value)
    for part in parts:
        assert part in text, (part, text)
    assert exc.value.hint, text
    return text


# -- mapping -----------------------------------------------------------------


def test_guess_mapping_english_headers() -> None:
    headers = ["Customer ID", "Full Name", "Date_of_Birth", "Nationality", "Passport No", "Notes"]
    assert guess_mapping(headers) == {
        "id": ["Customer ID"],
        "name": ["Full Name"],
        "birth_date": ["Date_of_Birth"],
        "country": ["Nationality"],
        "identifier": ["Passport No"],
    }


def test_guess_mapping_dutch_headers() -> None:
    headers = ["Klantnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Land"]
    assert guess_mapping(headers) == {
        "id": ["Klantnummer"],
        "first_name": ["Voornaam"],
        "last_name": ["Tussenvoegsel", "Achternaam"],
        "birth_date": ["Geboortedatum"],
        "country": ["Land"],
    }


def test_guess_mapping_several_country_and_identifier_columns() -> None:
    headers = ["naam", "nationaliteit", "JURISDICTION", "KvK", "LEI", "imo_number", "MMSI"]
    mapping = guess_mapping(headers)
    assert mapping["country"] == ["nationaliteit", "JURISDICTION"]
    assert mapping["identifier"] == ["KvK", "LEI"]
    assert mapping["imo"] == ["imo_number"] and mapping["mmsi"] == ["MMSI"]


def test_parse_mapping_collects_columns_per_field() -> None:
    specs = ["name=Client Name", "country=Nat1", "country = Nat2"]
    assert parse_mapping(specs) == {"name": ["Client Name"], "country": ["Nat1", "Nat2"]}


def test_parse_mapping_unknown_field_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError) as exc:
        parse_mapping(["nickname=Alias"])
    assert "nickname" in str(exc.value)
    assert all(f in str(exc.value.hint) for f in FIELDS)


def test_parse_mapping_without_equals_sign() -> None:
    with pytest.raises(ConfigError, match="FIELD=COLUMN"):
        parse_mapping(["Client Name"])


# -- CSV -----------------------------------------------------------------------


def test_csv_comma_reads_records(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "id,name,dob,nationality,passport,notes\n"
        "C1,Vladimir Putin,1952-10-07,Russia,P123,vip\n"
        "C2,Acme Trading LLC,,Iran,,\n",
    )
    rows, mapping = read_records(path)
    assert mapping["name"] == ["name"]
    first, second = rows
    assert first.row == 2 and second.row == 3
    assert first.record.id == "C1"
    assert first.record.names == ["Vladimir Putin"]
    assert first.record.birth_dates == ["1952-10-07"]
    assert first.record.countries == ["ru"]
    assert first.record.identifiers == ["P123"]
    assert first.record.schema == "Person"  # a birth date makes it a person
    assert second.record.schema == "LegalEntity"
    assert second.record.countries == ["ir"]


def test_csv_passthrough_keeps_every_column(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "id,name,notes\nC1,Jan Jansen,call back\n")
    (row,), _ = read_records(path)
    assert row.passthrough == {"id": "C1", "name": "Jan Jansen", "notes": "call back"}


def test_csv_semicolon_with_bom_and_dutch_headers(tmp_path: Path) -> None:
    path = write(
        tmp_path / "klanten.csv",
        "\ufeffKlantnummer;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;Nationaliteit\n"
        "K-001;Jan;van der;Berg;12-03-1970;Nederlandse\n",
    )
    (row,), mapping = read_records(path)
    assert mapping["id"] == ["Klantnummer"]
    record = row.record
    assert record.id == "K-001"
    assert record.names == ["Jan van der Berg"]
    assert record.first_names == ["Jan"] and record.last_names == ["van der Berg"]
    assert record.birth_dates == ["1970-03-12"]
    assert record.countries == ["nl"]
    assert record.schema == "Person"


def test_csv_tab_delimited(tmp_path: Path) -> None:
    path = write(tmp_path / "in.tsv", "name\tcountry\nAcme BV\tNetherlands\n")
    (row,), _ = read_records(path)
    assert row.record.names == ["Acme BV"] and row.record.countries == ["nl"]


def test_csv_windows_1252_from_dutch_excel_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "naam;land\nJosé Müller;Duitsland\n", "cp1252")
    (row,), _ = read_records(path)
    assert row.record.names == ["José Müller"]


def test_csv_utf16_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "name,country\nJan,NL\n", "utf-16")
    with pytest.raises(EncodingError) as exc:
        read_records(path)
    assert "UTF-16" in error(exc, str(path), "line 1", "CSV UTF-8")


def test_csv_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"\x00\x01\x02garbage\x00\xff" * 20)
    with pytest.raises(EncodingError) as exc:
        read_records(path)
    error(exc, str(path), "binary")


def test_csv_row_numbers_count_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "name\nA One\n\nB Two\n")
    rows, _ = read_records(path)
    assert [r.row for r in rows] == [2, 4]


def test_csv_duplicate_headers_stay_apart(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "name,Nat,Nat\nJan,Netherlands,Belgium\n")
    mapping = {"country": ["Nat", "Nat (2)"]}
    (row,), _ = read_records(path, mapping)
    assert row.record.countries == ["nl", "be"]
    assert row.passthrough == {"name": "Jan", "Nat": "Netherlands", "Nat (2)": "Belgium"}


def test_csv_malformed_quote_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", 'name,country\nJan,NL\n"Piet"x,BE\n')
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "line 3")


def test_workbook_named_csv_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "book.xlsx", [["name"], ["Jan"]]).rename(tmp_path / "book.csv")
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), ".xlsx")


# -- overrides -------------------------------------------------------------------


def test_override_names_columns_and_keeps_other_guesses(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "Client Name,Nat1,Nat2,dob\nIvan Petrov,Russia,Ukraine,1960\n",
    )
    mapping = parse_mapping(["name=Client Name", "country=Nat1", "country=Nat2"])
    (row,), used = read_records(path, mapping)
    assert used == {"name": ["Client Name"], "country": ["Nat1", "Nat2"], "birth_date": ["dob"]}
    assert row.record.countries == ["ru", "ua"]
    assert row.record.birth_dates == ["1960"]


def test_override_column_matches_ignoring_case(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Client Name\nIvan Petrov\n")
    _, used = read_records(path, {"name": ["client_name"]})
    assert used == {"name": ["Client Name"]}


def test_override_takes_a_column_away_from_its_guessed_field(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "naam,reference\nAcme,REF1\n")
    _, used = read_records(path, {"identifier": ["reference"]})
    assert used == {"name": ["naam"], "identifier": ["reference"]}


def test_override_of_a_missing_column_lists_the_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "naam,land\nAcme,NL\n")
    with pytest.raises(InputError) as exc:
        read_records(path, parse_mapping(["name=Client Name"]))
    error(exc, str(path), "'Client Name'", "header row", "'naam', 'land'")


# -- records ---------------------------------------------------------------------


def test_schema_column_reads_dutch_and_english_words(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "name,soort\nJan Jansen,persoon\nAcme BV,Bedrijf\nOcean Star,schip\nX,vessel\nY,Company\n",
    )
    rows, _ = read_records(path)
    schemas = [r.record.schema for r in rows]
    assert schemas == ["Person", "Company", "Vessel", "Vessel", "Company"]


def test_unknown_schema_word_warns_and_falls_back(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "name,type\nAcme,alien\n")
    (row,), _ = read_records(path, default_schema="Organization")
    assert row.record.schema == "Organization"
    assert row.warnings == ["unrecognised type 'alien' in column 'type'"]


def test_unknown_default_schema_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "name\nAcme\n")
    with pytest.raises(ConfigError):
        read_records(path, default_schema="Planet")


def test_full_name_and_parts_are_both_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "name,first_name,middle_name,last_name,gender\nPUTIN Vladimir,Vladimir,V.,Putin,M\n",
    )
    (row,), _ = read_records(path)
    assert row.record.names == ["PUTIN Vladimir", "Vladimir V. Putin"]
    assert row.record.middle_names == ["V."]
    assert row.record.gender == "male"


def test_unknown_country_and_date_are_dropped_with_warnings(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "name,country,dob\nJan,Atlantis,someday\n")
    result = read_input(path)
    (row,) = result.rows
    assert row.record.countries == [] and row.record.birth_dates == []
    assert row.warnings == [
        "unreadable date 'someday' in column 'dob'",
        "unrecognised country 'Atlantis' in column 'country'",
    ]
    assert result.warnings[0] == "row 2: unreadable date 'someday' in column 'dob'"


def test_country_cell_with_several_countries(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", 'name,nationality\nJan,"Netherlands; Belgium"\n')
    (row,), _ = read_records(path)
    assert row.record.countries == ["nl", "be"]


def test_identifiers_collect_imo_mmsi_and_numbers(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "vessel name,imo,mmsi,registration number\nOcean Star,IMO 9176187,273 456 789,R-1\n",
    )
    (row,), _ = read_records(path)
    assert row.record.identifiers == ["R-1", "IMO9176187", "273456789"]


def test_rows_without_a_name_are_skipped_and_counted(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "id,name\n1,Jan\n2,\n3,Piet\n")
    result = read_input(path)
    assert [r.row for r in result.rows] == [2, 4]
    assert result.skipped == [3]
    assert "skipped 1 row without a name (row 3)" in result.warnings


# -- errors ----------------------------------------------------------------------


def test_unknown_extension_lists_supported_types(tmp_path: Path) -> None:
    path = write(tmp_path / "in.json", "[]")
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "'.json'", ".csv", ".xlsx", ".parquet")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        read_records(tmp_path / "nope.csv")
    error(exc, "nope.csv", "does not exist")


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "in.csv", content)
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "is empty")


def test_header_without_data_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "name,country\n")
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "no data rows", "row 1")


def test_no_header_row(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Jan Jansen,1970-01-01,NL\nPiet,1980-02-02,BE\n")
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "no header row", "row 1")


def test_no_name_column_says_how_to_map_one(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Client,Nat\nJan,NL\n")
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "row 1", "--column name=COLUMN", "'Client', 'Nat'")


def test_every_row_without_a_name_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "id,name,country\n1,,NL\n2,,BE\n")
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "column 'name'", "no row has a name")


# -- XLSX ------------------------------------------------------------------------


def test_xlsx_reads_first_sheet_with_dates_and_numbers(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "in.xlsx",
        [
            ["Klantnummer", "Naam", "Geboortedatum", "Land"],
            [1001, "Jan Jansen", datetime.date(1970, 3, 12), "NL"],
            [None, None, None, None],
            [1002, "Acme BV", None, "Duitsland"],
        ],
    )
    rows, _ = read_records(path)
    assert [r.row for r in rows] == [2, 4]
    assert rows[0].record.id == "1001"
    assert rows[0].record.birth_dates == ["1970-03-12"]
    assert rows[0].record.countries == ["nl"]
    assert rows[1].record.countries == ["de"]
    assert rows[1].passthrough["Geboortedatum"] == ""


def test_truncated_xlsx_is_a_clear_error(tmp_path: Path) -> None:
    good = xlsx(tmp_path / "good.xlsx", [["name"], ["Jan"]]).read_bytes()
    path = tmp_path / "in.xlsx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "sheet 1", "Excel")


# -- Parquet ---------------------------------------------------------------------


def test_parquet_reads_typed_columns(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    pl.DataFrame(
        {
            "customer_id": [7, 8],
            "full_name": ["Jan Jansen", "Ocean Star"],
            "date_of_birth": [datetime.date(1970, 3, 12), None],
            "imo": [None, "9176187"],
        }
    ).write_parquet(path)
    rows, _ = read_records(path)
    assert [r.row for r in rows] == [2, 3]
    assert rows[0].record.id == "7"
    assert rows[0].record.birth_dates == ["1970-03-12"]
    assert rows[0].record.schema == "Person"
    assert rows[1].record.identifiers == ["IMO9176187"]


def test_corrupt_parquet_is_a_clear_error(tmp_path: Path) -> None:
    good = tmp_path / "good.parquet"
    pl.DataFrame({"name": ["Jan"] * 100}).write_parquet(good)
    path = tmp_path / "in.parquet"
    path.write_bytes(good.read_bytes()[:50])
    with pytest.raises(InputError) as exc:
        read_records(path)
    error(exc, str(path), "Parquet")


# -- output ----------------------------------------------------------------------


def result(**values: str | float | int) -> dict[str, str | float | int]:
    return {"row": 2, "input_name": "Jan", "score": 0.91234, "match": "yes", **values}


def test_writer_csv_has_header_results_and_input_columns(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.csv"
    with ResultWriter(out, ["Klantnummer", "name"]) as writer:
        writer.write(result(lists="eu_fsf;un_sc"), {"Klantnummer": "K1", "name": "Jan"})
    header, line = out.read_text(encoding="utf-8").splitlines()
    columns = header.split(",")
    assert columns[: len(RESULT_COLUMNS)] == list(RESULT_COLUMNS)
    assert columns[len(RESULT_COLUMNS) :] == ["input_Klantnummer", "input_name_2"]
    assert dict(zip(columns, line.split(","), strict=True))["score"] == "0.9123"
    assert line.endswith(",K1,Jan")
    assert list(tmp_path.iterdir()) == [out]


def test_writer_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    with ResultWriter(out) as writer:
        writer.write(result(caption="Jan J."))
        writer.write(result(match="no"))
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["caption"] == "Jan J." and lines[0]["score"] == 0.9123
    assert lines[1]["match"] == "no" and lines[1]["entity_id"] is None


def test_writer_guards_csv_cells_against_formulas(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    with ResultWriter(out) as writer:
        writer.write(result(caption="=HYPERLINK(1)"))
    assert ",'=HYPERLINK(1)," in out.read_text(encoding="utf-8")


def test_writer_error_inside_with_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.csv"
    with pytest.raises(RuntimeError), ResultWriter(out) as writer:
        writer.write(result())
        raise RuntimeError("crash")
    assert list(tmp_path.iterdir()) == []


def test_writer_error_keeps_the_previous_file(tmp_path: Path) -> None:
    out = write(tmp_path / "RESULTS.csv", "old results\n")
    with pytest.raises(RuntimeError), ResultWriter(out):
        raise RuntimeError("crash")
    assert out.read_text() == "old results\n"
    assert list(tmp_path.iterdir()) == [out]


def test_writer_refuses_unknown_output_type(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as exc:
        ResultWriter(tmp_path / "RESULTS.xlsx")
    assert ".csv" in str(exc.value.hint) and ".jsonl" in str(exc.value.hint)
    assert list(tmp_path.iterdir()) == []


def test_writer_refuses_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        ResultWriter(tmp_path / "nope" / "RESULTS.csv")
