"""Vectorised decoding of single-sentence AIS position reports (types 1, 2, 3, 18 and 27).

    fast = decode_buffer(buf, default_time, time_of)
    fast.line, fast.mmsi, fast.t, ...       the positions decoded here (line = index of
                                            the line in ``buf``), in line order
    fast.rest                               indexes of the lines left for pyais

Only lines that pyais would decode into a position without any doubt are taken:
exactly one ``!`` in the line, ``!ttVDM,1,1,<seq>,<channel>,<payload>,0*hh`` (or
VDO) with a 28-character payload of type 1/2/3/18 or a 16-character payload of
type 27, payload characters from the AIS armour alphabet, fill bits 0 and a
correct checksum (XOR of the bytes between ``!`` and ``*``). The time comes
from a tag block ``\\c:<10 or 13 digits>*hh\\`` or a leading Unix time of ten
digits (vectorised), or else from ``time_of(prefix bytes)`` (the reader's own
parsing, called once per distinct prefix). Everything else -- multi-fragment
messages, static and other message types, bad checksums, odd layouts, lines
without a time -- is left to the pyais path, which counts it as before.

The values are computed exactly as pyais 3 computes them: latitude and
longitude ``((10 * v + 3) // 6) / 1e6`` (``round(v / 600000, 6)``; type 27:
``(10000 * v + 3) // 6``), speed and course in tenths (type 27: whole knots and
degrees), heading 511 for type 27.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

Arr = np.ndarray[Any, Any]

#: pyais's armour table: ordinals 48..119 -> 6-bit values (everything else 0), and the
#: same values as base64 characters (so that ``base64.b64decode`` packs the bits)
_ARMOR = np.zeros(256, dtype=np.uint8)
_ARMOR_OK = np.zeros(256, dtype=bool)
for _c in range(48, 120):
    _ARMOR[_c] = _c - 48 - 8 if _c - 48 > 40 else _c - 48
    _ARMOR_OK[_c] = _c <= 87 or _c >= 96
_B64 = np.frombuffer(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", dtype=np.uint8
)[_ARMOR]
#: the longest sentence taken (28-character payload, sequence id and channel)
_WINDOW = 48
_COLUMNS = np.arange(_WINDOW)[None, :]
_HEX = np.full(256, -1, dtype=np.int16)
for _i, _ch in enumerate(b"0123456789ABCDEF"):
    _HEX[_ch] = _i
for _i, _ch in enumerate(b"abcdef"):
    _HEX[_ch] = 10 + _i
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[48:58] = True
_UPPER = np.zeros(256, dtype=bool)
_UPPER[65:91] = True
_CHANNEL = np.zeros(256, dtype=bool)
_CHANNEL[[ord("A"), ord("B"), ord("1"), ord("2")]] = True
_SEPARATOR = np.zeros(256, dtype=bool)
_SEPARATOR[[ord(" "), ord(","), ord(";"), ord("\t")]] = True
_HEADER_TAIL = np.frombuffer(b",1,1,", dtype=np.uint8)

#: (start bit, width, signed) of mmsi, speed, lon, lat, course, heading
_LAYOUT_A = ((8, 30, False), (50, 10, False), (61, 28, True), (89, 27, True),
             (116, 12, False), (128, 9, False))  # fmt: skip
_LAYOUT_B = ((8, 30, False), (46, 10, False), (57, 28, True), (85, 27, True),
             (112, 12, False), (124, 9, False))  # fmt: skip
#: type 27: mmsi, lon (1/10 minute), lat, speed (knots), course (degrees)
_LAYOUT_27 = ((8, 30, False), (44, 18, True), (62, 17, True), (79, 6, False), (85, 9, False))

TimeOf = Callable[[bytes], int | None]


@dataclass
class FastResult:
    line: Arr
    mmsi: Arr
    t: Arr
    lat: Arr
    lon: Arr
    sog: Arr
    cog: Arr
    heading: Arr
    rest: Arr
    starts: Arr
    ends: Arr


def _words(chars: Arr) -> Arr:
    """Armoured payload rows (n x 4k uint8) -> the bits as big-endian uint64 words."""
    n, width = chars.shape
    packed = base64.b64decode(_B64[chars].tobytes())
    nbytes = width // 4 * 3
    out = np.zeros((n, -(-nbytes // 8) * 8), dtype=np.uint8)
    out[:, :nbytes] = np.frombuffer(packed, dtype=np.uint8).reshape(n, nbytes)
    return out.view(">u8").astype(np.uint64)


def _field(words: Arr, start: int, width: int, signed: bool) -> Arr:
    """Bits ``start .. start + width`` (bit 0 = the first of the payload) as int64."""
    k0, k1 = start // 64, (start + width - 1) // 64
    if k0 == k1:
        value = words[:, k0] >> np.uint64(64 - start % 64 - width)
    else:
        low = (start + width) % 64
        value = (words[:, k0] << np.uint64(low)) | (words[:, k1] >> np.uint64(64 - low))
    value = (value & np.uint64((1 << width) - 1)).astype(np.int64)
    if signed:
        value -= (value >> (width - 1)) << width
    return value


def _digits(a: Arr, first: Arr, count: int) -> tuple[Arr, Arr]:
    """The ``count``-digit numbers at ``first`` and whether they are all digits."""
    d = sliding_window_view(a, count)[first]
    ok = _DIGIT[d].all(axis=1)
    value = (d - 48).astype(np.float64) @ (10.0 ** np.arange(count - 1, -1, -1))
    return value.astype(np.int64), ok


def decode_buffer(buf: bytes, default_time: int | None, time_of: TimeOf) -> FastResult:
    """Decode the position reports of ``buf`` (whole lines) that need no pyais."""
    size = len(buf) + (not buf.endswith(b"\n"))
    a = np.zeros(size + _WINDOW, dtype=np.uint8)
    a[: len(buf)] = np.frombuffer(buf, dtype=np.uint8)
    a[size - 1] = 10
    core = a[:size]
    nl = np.flatnonzero(core == 10)
    n = len(nl)
    starts = np.empty(n, dtype=np.int64)
    starts[:1] = 0
    starts[1:] = nl[:-1] + 1
    ends = nl - (a[nl - 1] == 13)
    ends = np.maximum(ends, starts)

    bpos = np.flatnonzero(core == 33)
    bline = np.searchsorted(nl, bpos)
    count = np.bincount(bline, minlength=n)
    bang = np.zeros(n, dtype=np.int64)
    bang[bline] = bpos
    idx = np.flatnonzero(count == 1)
    b, s, e = bang[idx], starts[idx], ends[idx]
    length = e - b
    plen = np.where((length >= 46) & (length <= 48), 28, 0)
    plen = np.where((length >= 34) & (length <= 36), 16, plen)
    keep = plen > 0
    idx, b, s, e, plen, length = idx[keep], b[keep], s[keep], e[keep], plen[keep], length[keep]
    m = length - 17 - plen

    sentence = sliding_window_view(a, _WINDOW)[b]  # n x 48, from the "!"
    ok = (
        _UPPER[sentence[:, 1]]
        & _UPPER[sentence[:, 2]]
        & (sentence[:, 3] == 86)  # V
        & (sentence[:, 4] == 68)  # D
        & ((sentence[:, 5] == 77) | (sentence[:, 5] == 79))  # M / O
        & (sentence[:, 6:11] == _HEADER_TAIL).all(axis=1)
    )
    c0, c1, c2 = sentence[:, 11], sentence[:, 12], sentence[:, 13]
    comma0, comma1 = c0 == 44, c1 == 44
    middle = np.where(
        m == 1,
        comma0,
        np.where(
            m == 2,
            (_DIGIT[c0] & comma1) | (comma0 & _CHANNEL[c1]),
            _DIGIT[c0] & comma1 & _CHANNEL[c2],
        ),
    )
    pstart = b + 12 + m
    ok &= middle & (a[pstart - 1] == 44)
    ok &= (a[e - 5] == 44) & (a[e - 4] == 48) & (a[e - 3] == 42)
    hi, lo = _HEX[a[e - 2]], _HEX[a[e - 1]]
    ok &= (hi >= 0) & (lo >= 0)
    # checksum: XOR of the bytes between "!" and "*", eight at a time
    inside = (_COLUMNS > 0) & ((length - 3)[:, None] > _COLUMNS)
    lanes = np.where(inside, sentence, 0).view(np.uint64)
    x = lanes[:, 0].copy()
    for k in range(1, lanes.shape[1]):
        x ^= lanes[:, k]
    x ^= x >> np.uint64(32)
    x ^= x >> np.uint64(16)
    x ^= x >> np.uint64(8)
    ok &= (x & np.uint64(255)).astype(np.int16) == hi * 16 + lo
    del sentence, lanes, inside

    # the time: tag block, leading Unix seconds, default, or the reader's own parsing
    t = np.full(len(idx), -1, dtype=np.int64)
    if default_time is not None:
        t[b == s] = default_time
    for ndig in (10, 13):
        tag = ok & (b - s == ndig + 7) & (a[s] == 92)
        if tag.any():
            ts, tb = s[tag], b[tag]
            value, good = _digits(a, ts + 3, ndig)
            good &= (a[ts + 1] == 99) & (a[ts + 2] == 58) & (a[ts + 3 + ndig] == 42)
            good &= (a[tb - 1] == 92) & (a[tb - 2] != 92) & (a[tb - 3] != 92)
            value = np.where(value > 10**11, value // 1000, value)
            good &= value > 0
            t[np.flatnonzero(tag)[good]] = value[good]
    lead = ok & _DIGIT[a[s]] & ((b - s == 10) | ((b - s == 11) & _SEPARATOR[a[s + 10]]))
    if lead.any():
        value, good = _digits(a, s[lead], 10)
        good &= value > 0
        t[np.flatnonzero(lead)[good]] = value[good]
    other = np.flatnonzero(ok & (t < 0) & (b > s))
    if len(other):
        cache: dict[bytes, int | None] = {}
        for k in other.tolist():
            prefix = buf[s[k] : b[k]]
            if prefix not in cache:
                cache[prefix] = time_of(prefix)
            found = cache[prefix]
            if found is not None:
                t[k] = found
    ok &= t >= 0

    # payloads: de-armour and unpack
    cols: dict[str, Arr] = {
        "mmsi": np.zeros(len(idx), dtype=np.int32),
        "lat": np.zeros(len(idx)),
        "lon": np.zeros(len(idx)),
        "sog": np.zeros(len(idx)),
        "cog": np.zeros(len(idx)),
        "heading": np.zeros(len(idx)),
    }
    for width in (28, 16):
        rows = np.flatnonzero(ok & (plen == width))
        if not len(rows):
            continue
        chars = sliding_window_view(a, width)[pstart[rows]]
        good = _ARMOR_OK[chars].all(axis=1)
        kind = _ARMOR[chars[:, 0]]
        if width == 28:
            good &= (kind == 1) | (kind == 2) | (kind == 3) | (kind == 18)
        else:
            good &= kind == 27
        ok[rows[~good]] = False
        rows, chars, kind = rows[good], chars[good], kind[good]
        words = _words(chars)
        del chars
        if width == 16:
            mmsi, lon, lat, sog, cog = (_field(words, *f) for f in _LAYOUT_27)
            cols["lon"][rows] = ((10_000 * lon + 3) // 6) / 1e6
            cols["lat"][rows] = ((10_000 * lat + 3) // 6) / 1e6
            cols["sog"][rows] = sog
            cols["cog"][rows] = cog
            cols["heading"][rows] = 511
            cols["mmsi"][rows] = mmsi
            continue
        class_b = kind == 18
        for layout, sel in ((_LAYOUT_A, ~class_b), (_LAYOUT_B, class_b)):
            if not sel.any():
                continue
            part = words if sel.all() else words[sel]
            where = rows if sel.all() else rows[sel]
            mmsi, sog, lon, lat, cog, heading = (_field(part, *f) for f in layout)
            cols["mmsi"][where] = mmsi
            cols["sog"][where] = sog / 10.0
            cols["lon"][where] = ((10 * lon + 3) // 6) / 1e6
            cols["lat"][where] = ((10 * lat + 3) // 6) / 1e6
            cols["cog"][where] = cog / 10.0
            cols["heading"][where] = heading
    rest_mask = np.ones(n, dtype=bool)
    rest_mask[idx[ok]] = False
    return FastResult(
        line=idx[ok],
        mmsi=cols["mmsi"][ok],
        t=t[ok],
        lat=cols["lat"][ok],
        lon=cols["lon"][ok],
        sog=cols["sog"][ok].astype(np.float32),
        cog=cols["cog"][ok].astype(np.float32),
        heading=cols["heading"][ok].astype(np.float32),
        rest=np.flatnonzero(rest_mask),
        starts=starts,
        ends=nl,
    )
