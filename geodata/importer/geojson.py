"""GeoJSON: strict RFC 7946 (UTF-8, numeric coordinates, closed polygon rings), checked before
GDAL reads it.
"""
from __future__ import annotations

import json
from pathlib import Path

from .gdal import _gdal_read
from .results import RawLayer, _Refused
from .text import _decode, _show

GEOMETRY_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
                  "MultiPolygon": 3}


def _read_geojson(path: Path) -> list[RawLayer]:
    text = _decode(path.read_bytes(), "GeoJSON must be UTF-8")
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        if not text.rstrip().endswith(("}", "]")):
            raise _Refused(f"the file ends before the JSON is complete (cut off?): {exc.msg} "
                           f"(line {exc.lineno}, column {exc.colno})") from None
        raise _Refused(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise _Refused("the JSON is nested too deeply to read") from None
    _check_geojson(data)
    frame, notes = _gdal_read(path, DATE_AS_STRING="YES")
    return [(path.stem, frame, notes)]


def _no_constant(name: str):
    raise _Refused(f"the JSON contains {name}, which is not a number in JSON (RFC 8259)")


def _check_geojson(data) -> None:
    """RFC 7946 structure, numeric coordinates and closed rings; GDAL would silently turn a
    text coordinate into a missing geometry."""
    if not isinstance(data, dict):
        raise _Refused(f"not GeoJSON: the top level is a JSON {type(data).__name__}, not an object")
    kind = data.get("type")
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise _Refused("not GeoJSON: the FeatureCollection has no 'features' list")
        for n, feature in enumerate(features, start=1):
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise _Refused(f"feature {n} is not a GeoJSON Feature object")
            _check_geometry(feature.get("geometry"), f"feature {n}")
    elif kind == "Feature":
        _check_geometry(data.get("geometry"), "the feature")
    elif kind in GEOMETRY_DEPTH or kind == "GeometryCollection":
        _check_geometry(data, "the geometry")
    else:
        raise _Refused(f"not GeoJSON: the top-level 'type' is {_show(kind)} (expected FeatureCollection, "
                       "Feature or a geometry)")


def _check_geometry(geometry, where: str) -> None:
    if geometry is None:
        return
    if not isinstance(geometry, dict):
        raise _Refused(f"{where}: the geometry is not a GeoJSON object")
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise _Refused(f"{where}: the GeometryCollection has no 'geometries' list")
        for part in parts:
            _check_geometry(part, where)
        return
    if kind not in GEOMETRY_DEPTH:
        raise _Refused(f"{where}: {_show(kind)} is not a GeoJSON geometry type")
    coords = geometry.get("coordinates")
    _check_coords(coords, GEOMETRY_DEPTH[kind], where, kind)
    rings = [] if coords is None else coords if kind == "Polygon" else \
        [r for poly in coords for r in poly] if kind == "MultiPolygon" else []
    for ring in rings:
        if len(ring) < 4:
            raise _Refused(f"{where}: a polygon ring has {len(ring)} positions; it needs at least 4 "
                           "(closed: the last repeats the first)")
        if ring[0] != ring[-1]:
            raise _Refused(f"{where}: a polygon ring is not closed (its first and last positions differ)")


def _check_coords(coords, depth: int, where: str, kind: str) -> None:
    if depth == 0:
        if not isinstance(coords, list) or len(coords) < 2:
            raise _Refused(f"{where}: a {kind} position must be a list of at least 2 numbers, not {_show(coords)}")
        for value in coords:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise _Refused(f"{where}: coordinate {_show(value)} is not a number (non-numeric coordinates)")
        return
    if not isinstance(coords, list):
        raise _Refused(f"{where}: the {kind} coordinates must be a list, not {_show(coords)}")
    for item in coords:
        _check_coords(item, depth - 1, where, kind)
