"""Zones: cables and pipelines (buffered lines) and named areas (territorial sea, EEZ).

    zones = load_zones([Path("cable-geo.json")], buffer_m=1000)
    pairs = zones.locate(lon, lat, kind="infrastructure")   # (point index, zone index)

Geometry is projected before buffering: lon/lat (WGS84) to ``crs``
(default ETRS89-LAEA Europe, EPSG:3035, an equal-area projection whose
distances are within about 1% anywhere in the North Sea and Baltic), so a
1000 m buffer is 1000 m on the water. Features far outside the data (``bbox``)
are clipped away first, which also keeps global cable maps out of a
projection meant for Europe. Lookups go through a shapely ``STRtree``.

LineString/MultiLineString features are infrastructure (the feature's
``buffer_m`` property overrides the default buffer); Polygon/MultiPolygon
features are named areas. Names come from ``name``, ``geoname``,
``territory1``, ``Country`` or ``id``. Points (e.g. landing points) are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from weerbaar.core.errors import InputError, ParseError

#: lon/lat box used when the data give none (Europe's seas).
EUROPE = (-30.0, 30.0, 45.0, 75.0)


@cache
def _transformer(crs: str, inverse: bool = False) -> Transformer:
    if inverse:
        return Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def project(lon: Any, lat: Any, crs: str) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    x, y = _transformer(crs).transform(np.asarray(lon), np.asarray(lat))
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def _geom_to(geom: BaseGeometry, crs: str, inverse: bool = False) -> BaseGeometry:
    tr = _transformer(crs, inverse)

    def f(coords: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        x, y = tr.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geom, f)


@dataclass
class Zone:
    name: str
    kind: str  # "infrastructure" or "area"
    #: projected: the buffer (infrastructure) or the polygon (area)
    shape: BaseGeometry
    #: projected: the line itself (infrastructure), for distances
    line: BaseGeometry | None
    buffer_m: float
    source: str
    properties: dict[str, Any] = field(default_factory=dict)

    def to_feature(self, crs: str, tolerance_m: float = 200.0) -> dict[str, Any]:
        """The zone as a WGS84 GeoJSON feature (simplified), for the map."""
        geom = _geom_to(self.shape.simplify(tolerance_m), crs, inverse=True)
        return {
            "type": "Feature",
            "properties": {"name": self.name, "kind": self.kind, "buffer_m": self.buffer_m},
            "geometry": shapely.geometry.mapping(geom),
        }


#: Lines are cut into pieces of at most this length (m) before buffering, so the
#: STRtree holds small boxes rather than one box per cable route.
PIECE_M = 20_000.0


def _pieces(zone: Zone) -> list[BaseGeometry]:
    if zone.line is None:
        return [zone.shape]
    out: list[BaseGeometry] = []
    dense = shapely.segmentize(zone.line, PIECE_M / 4)
    for part in shapely.get_parts(dense):
        coords = shapely.get_coordinates(part)
        for start in range(0, max(len(coords) - 1, 1), 4):
            chunk = coords[start : start + 5]
            if len(chunk) >= 2:
                piece = shapely.linestrings(chunk).buffer(zone.buffer_m, quad_segs=4)
                shapely.prepare(piece)
                out.append(piece)
    return out


class Zones:
    def __init__(self, zones: list[Zone], crs: str) -> None:
        self.zones = zones
        self.crs = crs
        #: kind -> (tree of pieces, zone index of each piece)
        self._trees: dict[str, tuple[shapely.STRtree, np.ndarray[Any, Any]]] = {}
        for kind in ("infrastructure", "area"):
            shapes: list[BaseGeometry] = []
            owner: list[int] = []
            for i, z in enumerate(zones):
                if z.kind == kind:
                    parts = _pieces(z)
                    shapes.extend(parts)
                    owner.extend([i] * len(parts))
            self._trees[kind] = (shapely.STRtree(shapes), np.asarray(owner, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.zones)

    def locate(
        self, x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], kind: str | None = None
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """(point index, zone index) for every projected point inside a zone (of ``kind``)."""
        if not self.zones or len(x) == 0:
            empty = np.array([], dtype=np.int64)
            return empty, empty
        found_p: list[np.ndarray[Any, Any]] = []
        found_z: list[np.ndarray[Any, Any]] = []
        # in blocks: a shapely point is a GEOS object of ~100 bytes, and a day
        # holds millions of slow positions
        for start in range(0, len(x), LOCATE_BLOCK):
            points = shapely.points(
                x[start : start + LOCATE_BLOCK], y[start : start + LOCATE_BLOCK]
            )
            for k, (tree, owner) in self._trees.items():
                if kind in (None, k) and len(owner):
                    pi, si = tree.query(points, predicate="intersects")
                    found_p.append(pi + start)
                    found_z.append(owner[si])
            del points
        if not found_p:
            empty = np.array([], dtype=np.int64)
            return empty, empty
        pi, zi = np.concatenate(found_p), np.concatenate(found_z)
        if len(pi):  # one row per (point, zone), however many pieces matched
            pairs = np.unique(np.column_stack([pi, zi]), axis=0)
            pi, zi = pairs[:, 0], pairs[:, 1]
        return pi.astype(np.int64), zi.astype(np.int64)

    def distance(self, x: float, y: float, zone: int) -> float:
        z = self.zones[zone]
        return float(
            shapely.distance(shapely.Point(x, y), z.line if z.line is not None else z.shape)
        )

    def areas_at(self, lon: float, lat: float) -> list[str]:
        x, y = project([lon], [lat], self.crs)
        _, zi = self.locate(x, y, kind="area")
        return [self.zones[i].name for i in zi]

    def to_geojson(self) -> dict[str, Any]:
        return {"type": "FeatureCollection",
                "features": [z.to_feature(self.crs) for z in self.zones]}  # fmt: skip


#: Points turned into shapely geometries at a time by :meth:`Zones.locate`.
LOCATE_BLOCK = 200_000


def _name(props: dict[str, Any], fallback: str) -> str:
    for key in ("name", "NAME", "geoname", "territory1", "Country", "id"):
        if props.get(key):
            return str(props[key])
    return fallback


def load_zones(
    paths: Iterable[Path],
    *,
    buffer_m: float = 1000.0,
    crs: str = "EPSG:3035",
    bbox: tuple[float, float, float, float] | None = None,
) -> Zones:
    """Zones from GeoJSON files; ``bbox`` (lon/lat: west, south, east, north) clips them."""
    west, south, east, north = bbox or EUROPE
    out: list[Zone] = []
    for path in paths:
        try:
            doc: Any = orjson.loads(path.read_bytes())
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None
        except orjson.JSONDecodeError as exc:
            raise ParseError(path, f"not JSON: {exc.msg}", where=f"line {exc.lineno}") from None
        features = doc.get("features") if isinstance(doc, dict) else None
        if doc.get("type") == "Feature":
            features = [doc]
        if not isinstance(features, list):
            raise ParseError(path, "not a GeoJSON FeatureCollection", where="top level")
        for n, feat in enumerate(features):
            try:
                geom = shapely.geometry.shape(feat["geometry"])
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ParseError(path, f"bad geometry: {exc}", where=f"feature {n}") from None
            props = dict(feat.get("properties") or {})
            gtype = geom.geom_type
            if gtype in ("LineString", "MultiLineString"):
                kind = "infrastructure"
            elif gtype in ("Polygon", "MultiPolygon"):
                kind = "area"
            else:
                continue
            clipped = shapely.clip_by_rect(geom, west, south, east, north)
            if clipped.is_empty:
                continue
            projected = _geom_to(clipped, crs)
            if kind == "infrastructure":
                width = float(props.get("buffer_m") or buffer_m)
                shape = projected.buffer(width, quad_segs=4)
                line: BaseGeometry | None = projected
            else:
                width = 0.0
                shape = projected if projected.is_valid else projected.buffer(0)
                line = None
            shapely.prepare(shape)
            out.append(Zone(_name(props, f"{path.stem} #{n}"), kind, shape, line, width,
                            path.name, props))  # fmt: skip
    return Zones(out, crs)
