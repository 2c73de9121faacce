"""Each AIS reader on the committed fixtures (real layouts), and malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.maritime.conftest import FIXTURES
from weerbaar.core.errors import InputError, ParseError
from weerbaar.maritime.ais import read_ais, read_nmea_lines
from weerbaar.maritime.register import read_watchlist


@pytest.mark.parametrize("name", ["sample.nmea", "dma.csv", "noaa.csv"])
def test_track_formats_agree(name: str) -> None:
    data = read_ais(FIXTURES / name, workers=1)
    assert data.positions.height == 90
    assert data.positions["mmsi"].n_unique() == 3
    assert set(data.statics["imo"].drop_nulls()) >= {"IMO9000560"}
    first = data.positions.sort(["mmsi", "t"]).row(0, named=True)
    assert first["mmsi"] == 244000010
    assert first["lat"] == pytest.approx(54.0, abs=1e-4)
    assert first["lon"] == pytest.approx(1.0, abs=1e-4)
    assert first["sog"] == pytest.approx(9.0, abs=0.11)


def test_nmea_counts_bad_sentences_without_failing() -> None:
    data = read_ais(FIXTURES / "sample.nmea", workers=1)
    assert data.stats.bad_checksum == 1
    assert data.stats.undecodable == 1
    assert data.stats.other == 1
    # the two-sentence type 5 messages were reassembled
    assert data.statics.filter(data.statics["name"] == "WATCHED SEVEN").height == 1


def test_nmea_times_and_invalid_positions() -> None:
    from pyais.encode import encode_dict

    good = encode_dict({"type": 1, "mmsi": 244000001, "lat": 53.0, "lon": 4.0}, talker_id="AI")[0]
    no_pos = encode_dict({"type": 1, "mmsi": 244000002, "lat": 91, "lon": 181}, talker_id="AI")[0]
    short = encode_dict({"type": 1, "mmsi": 12345, "lat": 53.0, "lon": 4.0}, talker_id="AI")[0]
    lines = [
        f"2026-01-01T00:00:00Z {good}".encode(),
        f"1767225660,{good}".encode(),
        f"1767225660 {no_pos}".encode(),
        f"1767225660 {short}".encode(),
        good.encode(),  # no time at all
    ]
    data = read_nmea_lines(lines)
    assert data.positions["t"].to_list() == [1767225600, 1767225660]
    assert data.stats.invalid == 2
    assert data.stats.untimed == 1


def test_digitraffic_snapshot_and_geojson() -> None:
    snap = read_ais(FIXTURES / "snapshot.json")
    assert snap.positions.height == 3
    assert snap.positions["t"].unique().to_list() == [1767227400]
    geo = read_ais(FIXTURES / "locations.geojson")
    assert geo.positions.height == 12
    assert geo.positions["t"].min() == 1767225600


def test_snapshot_heading_511_is_null(tmp_path: Path) -> None:
    path = tmp_path / "snap.json"
    path.write_text(
        '{"timestamp": "2025-12-11T20:44:50+00:00", "vessels": [{"mmsi": 230000001, '
        '"name": "A", "lon": 24.0, "lat": 60.0, "sog": 1.0, "cog": 2.0, "heading": 511}, '
        '{"mmsi": 230000002, "name": "B", "lon": 181, "lat": 91, "sog": 0, "cog": 0}]}'
    )
    data = read_ais(path)
    assert data.positions["heading"].to_list() == [None]
    assert data.stats.invalid == 1


def test_malformed_csv_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "MMSI,BaseDateTime,LAT,LON,SOG\n"
        "244000010,2026-01-01T00:00:00,54.0,1.0,9\n"
        "244000010,yesterday,54.0,1.0,9\n"
    )
    with pytest.raises(ParseError) as err:
        read_ais(path)
    assert "bad.csv (line 3)" in str(err.value) and "yesterday" in str(err.value)
    path.write_text("MMSI,BaseDateTime,LAT,LON\n244000010,2026-01-01T00:00:00,north,1.0\n")
    with pytest.raises(ParseError, match=r"bad.csv \(line 2\)"):
        read_ais(path)
    path.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="no mmsi, t, lat, lon column"):
        read_ais(path)


def test_malformed_json_and_nmea(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"vessels": [\n{"mmsi": 1,,}]}')
    with pytest.raises(ParseError, match=r"bad.json \(line 2"):
        read_ais(path)
    path = tmp_path / "bad.nmea"
    path.write_text("!AIVDM,1,1,,A,garbage,0*00\n!AIVDM,1,1,,A,more,0*00\n")
    with pytest.raises(ParseError, match=r"bad.nmea \(line 1\).*2 bad checksums"):
        read_ais(path)


def test_watchlists(tmp_path: Path) -> None:
    vessels = read_watchlist(FIXTURES / "watchlist.csv")
    assert [(v.imo, v.mmsi, v.details) for v in vessels] == [
        ("IMO9000560", ["620100007"], {"reason": "synthetic watch list"})
    ]
    path = tmp_path / "gur.csv"
    path.write_bytes(
        "\ufeffgur_id;name;imo;mmsi_current;mmsi_legacy;former_names\n"
        "1;TEST;9408683;352005626;273111111;A / B\n".encode()
    )
    (v,) = read_watchlist(path)
    assert v.mmsi == ["352005626", "273111111"] and v.previous_names == ["A", "B"]
    path.write_text("name,flag\nX,PA\n")
    with pytest.raises(InputError, match="needs an `imo` or `mmsi` column"):
        read_watchlist(path)


def test_watchlist_with_several_mmsis_in_one_field(tmp_path: Path) -> None:
    """OpenSanctions-style JSON gives ``mmsi`` as a list; a CSV cell may hold "a; b"."""
    path = tmp_path / "uk.json"
    path.write_text(
        '[{"imo": "9562233", "mmsi": ["620233000", "273111111"], "names": ["X"]},'
        ' {"imo": "8628597", "mmsi": ["341985000"]}]'
    )
    first, second = read_watchlist(path)
    assert first.mmsi == ["620233000", "273111111"] and second.mmsi == ["341985000"]
    path = tmp_path / "several.csv"
    path.write_text('imo,mmsi\n9408683,"352005626; 273111111"\n')
    (v,) = read_watchlist(path)
    assert v.mmsi == ["352005626", "273111111"]
