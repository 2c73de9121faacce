"""Detection thresholds (documented settings) and the default port list.

Every threshold has a default and a one-line description (``THRESHOLD_HELP``,
shown in the README table and by ``weerbaar maritime scan --help``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from weerbaar.core.errors import InputError, ParseError


def _t(default: Any, doc: str) -> Any:
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Thresholds:
    """What counts as loitering, a gap, a meeting or an impossible jump."""

    slow_knots: float = _t(3.0, "Speed over ground below which a vessel counts as slow (knots).")
    loiter_minutes: float = _t(
        60.0, "Minutes a slow vessel must stay inside an infrastructure buffer to loiter."
    )
    buffer_m: float = _t(
        1000.0, "Buffer around cables and pipelines, in metres (unless the zone sets its own)."
    )
    gap_minutes: float = _t(60.0, "Minutes without a position before an AIS gap is reported.")
    gap_feed_coverage: float = _t(
        0.5,
        "Share of the gap's 5-minute slots in which the feed heard other vessels "
        "(lower: the receiver was down, not the ship).",
    )
    meeting_m: float = _t(500.0, "Distance within which two slow vessels may be meeting (m).")
    meeting_minutes: float = _t(
        30.0, "Minutes two vessels must stay close and slow to count as a meeting."
    )
    meeting_window_s: int = _t(300, "Time slot for the meeting search (seconds).")
    port_radius_m: float = _t(
        5000.0, "Radius around a port in which meetings and loitering are ignored (m)."
    )
    max_knots: float = _t(
        50.0, "Implied speed above which two positions of one MMSI cannot be one ship (knots)."
    )
    jump_m: float = _t(
        10000.0, "Least distance between two positions before an impossible jump is reported (m)."
    )
    max_run_gap_s: int = _t(
        1800, "Longest silence (seconds) inside one loitering or meeting episode."
    )
    crs: str = _t(
        "EPSG:3035",
        "Projection for buffers and distances (ETRS89-LAEA Europe; within ~1% in European seas).",
    )

    def replace(self, **changes: Any) -> Thresholds:
        from dataclasses import replace

        return replace(self, **changes)


THRESHOLD_HELP: dict[str, str] = {f.name: str(f.metadata["doc"]) for f in fields(Thresholds)}


@dataclass(frozen=True)
class Port:
    name: str
    lat: float
    lon: float
    radius_m: float | None = None


#: Main ports and anchorages of the North Sea, Channel and Baltic (approximate centres).
DEFAULT_PORTS: tuple[Port, ...] = tuple(
    Port(n, la, lo)
    for n, la, lo in (
        ("Rotterdam", 51.95, 4.10), ("Rotterdam Botlek", 51.88, 4.33),
        ("IJmuiden", 52.46, 4.58), ("Amsterdam", 52.41, 4.80), ("Den Helder", 52.96, 4.78),
        ("Vlissingen", 51.44, 3.60), ("Antwerp", 51.28, 4.32), ("Zeebrugge", 51.35, 3.19),
        ("Dunkirk", 51.05, 2.35), ("Calais", 50.97, 1.86), ("Le Havre", 49.48, 0.11),
        ("Dover", 51.12, 1.33), ("London Gateway", 51.50, 0.47), ("Felixstowe", 51.95, 1.32),
        ("Harwich", 51.95, 1.28), ("Immingham", 53.63, -0.19), ("Hull", 53.74, -0.28),
        ("Tees", 54.61, -1.16), ("Tyne", 55.01, -1.43), ("Aberdeen", 57.14, -2.07),
        ("Lerwick", 60.15, -1.14), ("Eemshaven", 53.45, 6.83), ("Delfzijl", 53.33, 6.93),
        ("Emden", 53.35, 7.19), ("Wilhelmshaven", 53.58, 8.15), ("Bremerhaven", 53.56, 8.56),
        ("Cuxhaven", 53.87, 8.70), ("Hamburg", 53.54, 9.97), ("Brunsbüttel", 53.89, 9.14),
        ("Kiel", 54.35, 10.15), ("Esbjerg", 55.46, 8.44), ("Skagen", 57.72, 10.59),
        ("Frederikshavn", 57.44, 10.55), ("Aarhus", 56.15, 10.23), ("Copenhagen", 55.70, 12.60),
        ("Malmö", 55.62, 12.99), ("Gothenburg", 57.69, 11.85), ("Oslo", 59.90, 10.74),
        ("Bergen", 60.40, 5.31), ("Stavanger", 58.97, 5.73), ("Kristiansand", 58.14, 8.00),
        ("Mongstad", 60.81, 5.03), ("Kårstø", 59.27, 5.52), ("Rostock", 54.15, 12.10),
        ("Lübeck-Travemünde", 53.96, 10.87), ("Szczecin-Świnoujście", 53.91, 14.27),
        ("Gdańsk", 54.40, 18.67), ("Gdynia", 54.53, 18.56), ("Klaipėda", 55.71, 21.11),
        ("Liepāja", 56.53, 21.00), ("Ventspils", 57.40, 21.54), ("Riga", 57.05, 24.03),
        ("Tallinn", 59.45, 24.77), ("Muuga", 59.50, 25.00), ("Helsinki", 60.15, 24.95),
        ("Kotka", 60.45, 26.95), ("Hamina", 60.54, 27.10), ("St Petersburg", 59.88, 30.20),
        ("Primorsk", 60.34, 28.70), ("Ust-Luga", 59.68, 28.40), ("Vysotsk", 60.62, 28.57),
        ("Kaliningrad-Baltiysk", 54.64, 19.90), ("Stockholm", 59.33, 18.10),
        ("Nynäshamn", 58.90, 17.95), ("Turku", 60.43, 22.22), ("Naantali", 60.46, 22.03),
        ("Visby", 57.64, 18.28), ("Rønne", 55.10, 14.69),
    )
)  # fmt: skip


def read_ports(path: Path) -> list[Port]:
    """Ports from a CSV with ``name,lat,lon`` and an optional ``radius_m`` column."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = {c.strip().lower() for c in reader.fieldnames or []}
        if not {"lat", "lon"} <= cols:
            raise InputError(path, "a port list needs `lat` and `lon` columns (and `name`)")
        out: list[Port] = []
        for n, row in enumerate(reader, start=2):
            low = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
            try:
                radius = float(low["radius_m"]) if low.get("radius_m") else None
                out.append(Port(low.get("name", ""), float(low["lat"]), float(low["lon"]), radius))
            except ValueError:
                raise ParseError(
                    path, "lat, lon and radius_m must be numbers", where=f"line {n}"
                ) from None
        return out
