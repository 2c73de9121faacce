"""The vectorised NMEA fast path gives exactly what pyais gives, line for line."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from pyais.encode import encode_dict

from weerbaar.maritime import ais, synth
from weerbaar.maritime.ais import ReadStats, read_nmea, read_nmea_lines
from weerbaar.maritime.fastnmea import decode_buffer

Msg = dict[str, str | int | float | bytes | bool]


def _tagged(sentence: str, t: int) -> str:
    tag = f"c:{t}"
    cs = 0
    for ch in tag.encode():
        cs ^= ch
    return f"\\{tag}*{cs:02X}\\{sentence}"


def _mixed_lines(rng: np.random.Generator) -> list[bytes]:
    """Type 1 (synth writer, worldwide incl. west/south), 18, 27, 2/3, statics, invalid
    values, odd prefixes, bad checksums and garbage, shuffled."""
    n = 3000
    t0 = synth.START
    positions = pl.DataFrame({
        "mmsi": rng.integers(100_000_000, 999_999_999, n),
        "t": t0 + rng.integers(0, 86_400, n),
        "lat": rng.uniform(-90, 90, n), "lon": rng.uniform(-180, 180, n),
        "sog": np.round(rng.uniform(0, 102.2, n), 1), "cog": np.round(rng.uniform(0, 359.9, n), 1),
        "heading": rng.integers(0, 360, n).astype(float),
    }).select(pl.col(k).cast(v) for k, v in ais.POSITION_SCHEMA.items())  # fmt: skip
    # "not available" and out-of-range values
    positions = positions.with_columns(
        lat=pl.when(pl.int_range(n) % 50 == 0).then(91.0).otherwise("lat"),
        lon=pl.when(pl.int_range(n) % 70 == 0).then(181.0).otherwise("lon"),
        heading=pl.when(pl.int_range(n) % 9 == 0).then(None).otherwise("heading"),
        sog=pl.when(pl.int_range(n) % 11 == 0).then(None).otherwise("sog"),
        cog=pl.when(pl.int_range(n) % 13 == 0).then(None).otherwise("cog"),
        mmsi=pl.when(pl.int_range(n) % 97 == 0).then(12345).otherwise("mmsi"),
    )
    lines = encode_positions_lines(positions)
    for k in range(300):
        t = int(t0 + rng.integers(0, 86_400))
        lat, lon = float(rng.uniform(-90, 90)), float(rng.uniform(-180, 180))
        if k % 25 == 0:
            lat, lon = 91.0, 181.0
        mmsi = int(rng.integers(200_000_000, 800_000_000))
        msg18: Msg = {"type": 18, "mmsi": mmsi, "lat": lat, "lon": lon,
                 "speed": round(float(rng.uniform(0, 30)), 1),
                 "course": round(float(rng.uniform(0, 360)), 1),
                 "heading": 511 if k % 3 == 0 else int(rng.integers(0, 360))}  # fmt: skip
        lines.append(_tagged(encode_dict(msg18, talker_id="AI")[0], t).encode())
        speed, course = int(rng.integers(0, 64)), int(rng.integers(0, 512))
        msg27: Msg = {"type": 27, "mmsi": mmsi, "lat": round(lat, 1), "lon": round(lon, 1),
                      "speed": speed, "course": course}  # fmt: skip
        lines.append(f"{t} {encode_dict(msg27, talker_id='AI')[0]}".encode())
        msg: Msg = {"type": 2 + k % 2, "mmsi": mmsi, "lat": lat, "lon": lon, "speed": 12.3,
               "course": 45.6, "heading": 45}  # fmt: skip
        sentence = encode_dict(msg, talker_id="AI", radio_channel="B")[0]
        if k % 4 == 0:
            lines.append(f"2026-01-01T{k % 24:02d}:00:{k % 60:02d}Z {sentence}".encode())
        elif k % 4 == 1:
            lines.append(f"\\s:2573345,c:{t * 1000}*00\\{sentence}".encode())
        elif k % 4 == 2:
            lines.append(f"{t}.5;{sentence}\r".encode())
        else:
            lines.append(sentence.encode())  # no time at all: untimed
    static: Msg = {"type": 5, "mmsi": 244_000_001, "imo": 9_000_560, "callsign": "PABC",
              "shipname": "TEST", "ship_type": 70}  # fmt: skip
    for k, part in enumerate(encode_dict(static, talker_id="AI", seq_id=3)):
        lines.append(_tagged(part, t0 + k).encode())
    good = lines[0].decode()
    bad_sum = good[:-2] + ("00" if good[-2:] != "00" else "11")
    base = encode_dict({"type": 4, "mmsi": 2_442_000}, talker_id="AB")[0]
    lines += [bad_sum.encode(), b"", b"   ", b"garbage", b"!AIVDM,1,1,,A,,0*26",
              _tagged(base, t0).encode(), good.lower().encode(), b"$GPGGA,1,2,3*00",
              b"!AIVDM,1,1,,A,13`dU2PP1JP4Tv0NqRP2iB>0000,0*00"]  # fmt: skip
    # shuffled, the two type 5 fragments kept together and in order
    multi = [ln for ln in lines if b"VDO,2," in ln]
    single = [ln for ln in lines if b"VDO,2," not in ln]
    return [single[i] for i in rng.permutation(len(single))] + multi


def encode_positions_lines(positions: pl.DataFrame) -> list[bytes]:
    return synth.encode_positions(positions).tobytes().splitlines()


def _pyais_only(lines: list[bytes], default_time: int | None = None) -> ais.AisData:
    return ais._collect([ais._decode_chunk((lines, default_time))], ReadStats())


def _same(new: ais.AisData, ref: ais.AisData) -> None:
    assert_frame_equal(new.positions, ref.positions, check_exact=True)
    assert_frame_equal(new.statics, ref.statics, check_exact=True)
    assert {k: v for k, v in new.stats.to_dict().items() if k != "files"} == {
        k: v for k, v in ref.stats.to_dict().items() if k != "files"
    }


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[bytes]]:
    lines = _mixed_lines(np.random.default_rng(5))
    path = tmp_path_factory.mktemp("fast") / "mixed.nmea"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path, lines


def test_fast_path_equals_pyais(mixed: tuple[Path, list[bytes]]) -> None:
    path, lines = mixed
    ref = _pyais_only(lines)
    _same(read_nmea(path, workers=1), ref)
    # the comparison covers what it should
    pos = ref.positions
    assert (pos["lat"] < 0).any() and (pos["lon"] < 0).any()
    assert pos["heading"].null_count() and pos["sog"].null_count() and pos["cog"].null_count()
    assert ref.stats.invalid > 50 and ref.stats.bad_checksum >= 1 and ref.stats.untimed >= 70
    assert ref.statics.height == 1
    # and most lines took the fast path
    fast = decode_buffer(path.read_bytes(), None, ais._time_of(None))
    assert len(fast.line) > 3000


def test_fast_path_classes_and_invalid_values() -> None:
    msgs: list[Msg] = [
        {"type": 18, "mmsi": 244_000_018, "lat": -33.856784, "lon": -151.215297, "speed": 7.4,
         "course": 211.3, "heading": 511},
        {"type": 1, "mmsi": 244_000_001, "lat": 91, "lon": 181, "speed": 102.3,
         "course": 360, "heading": 511},
        {"type": 3, "mmsi": 244_000_003, "lat": -0.000001, "lon": -0.5, "speed": 0,
         "course": 0, "heading": 0},
        {"type": 27, "mmsi": 244_000_027, "lat": -12.3, "lon": -45.6, "speed": 63, "course": 511},
    ]  # fmt: skip
    lines = [_tagged(encode_dict(m, talker_id="AI")[0], synth.START).encode() for m in msgs]
    buf = b"\n".join(lines)
    fast = decode_buffer(buf, None, ais._time_of(None))
    assert fast.line.tolist() == [0, 1, 2, 3] and not len(fast.rest)
    new = read_nmea_lines(lines)
    _same(new, _pyais_only(lines))
    rows = new.positions.rows(named=True)
    assert new.stats.invalid == 1  # lat 91 / lon 181
    assert rows[0]["lat"] == pytest.approx(-33.856784, abs=1e-6)
    assert rows[0]["lon"] == pytest.approx(-151.215297, abs=1e-6)
    assert rows[0]["heading"] is None and rows[0]["sog"] == pytest.approx(7.4)
    assert rows[1]["lat"] == pytest.approx(-0.000002, abs=1e-6) and rows[1]["heading"] == 0
    assert rows[2]["lat"] == pytest.approx(-12.3) and rows[2]["cog"] is None


def test_default_time_and_byte_ranges(mixed: tuple[Path, list[bytes]]) -> None:
    path, lines = mixed
    _same(read_nmea_lines(lines, default_time=synth.START), _pyais_only(lines, synth.START))
    ranges = list(ais._ranges(path, 20_000))
    assert len(ranges) > 5 and ranges[-1][2] == path.stat().st_size
    data = ais.AisData.concat([ais._collect([ais._decode_range(r)], ReadStats())
                               for r in ranges])  # fmt: skip
    _same(data, _pyais_only(lines))


def test_scenario_file_both_ways(scenario_files: Path) -> None:
    path = scenario_files / "day.nmea"
    _same(read_nmea(path, workers=1), _pyais_only(path.read_bytes().splitlines()))
