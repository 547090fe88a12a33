"""Geometry rules: Point nodes, LineString segments, WGS84 lon/lat positions."""
from __future__ import annotations

import math
from typing import Any

from .rules import Checker, is_number, json_type, show

MAX_POSITION_PROBLEMS = 3  # per geometry; a broken line would otherwise flood the report


def position_error(pos: Any) -> str | None:
    """Why `pos` is not a [lon, lat] (or [lon, lat, z]) position, or None when it is one."""
    if not isinstance(pos, list):
        return f"a position must be a [longitude, latitude] list, not {json_type(pos)} {show(pos)}"
    if len(pos) not in (2, 3):
        return f"a position must have 2 numbers [longitude, latitude] (or 3 with elevation), not {len(pos)}"
    for value, axis in zip(pos, ("longitude", "latitude", "elevation")):
        if not is_number(value):
            return f"{axis} {show(value)} is not a number"
        if not math.isfinite(value):
            return f"{axis} {show(value)} is not a finite number"
    lon, lat = pos[0], pos[1]
    if not -180 <= lon <= 180:
        return f"longitude {lon} is outside -180..180"
    if not -90 <= lat <= 90:
        return f"latitude {lat} is outside -90..90 (longitude and latitude swapped?)"
    return None


def _geometry_of_type(geometry: Any, expected: str, ck: Checker) -> Any:
    if geometry is None:
        ck.add("geometry", f"is missing (must be a {expected})")
        return None
    if not isinstance(geometry, dict):
        ck.add("geometry", f"must be a GeoJSON {expected} object, not {json_type(geometry)}")
        return None
    if geometry.get("type") != expected:
        ck.add("geometry", f"must be a {expected}, not {show(geometry.get('type'))}")
        return None
    if "coordinates" not in geometry:
        ck.add("geometry.coordinates", "is missing")
        return None
    return geometry["coordinates"]


def check_point(geometry: Any, ck: Checker) -> tuple[float, float] | None:
    """The node's (lon, lat) when its geometry is a valid Point, else None (problems added)."""
    coords = _geometry_of_type(geometry, "Point", ck)
    if coords is None:
        return None
    error = position_error(coords)
    if error:
        ck.add("geometry.coordinates", error)
        return None
    return coords[0], coords[1]


def check_linestring(geometry: Any, ck: Checker) -> list[list[float]] | None:
    """The segment's positions when its geometry is a valid LineString, else None."""
    coords = _geometry_of_type(geometry, "LineString", ck)
    if coords is None:
        return None
    if not isinstance(coords, list):
        ck.add("geometry.coordinates", f"must be a list of positions, not {json_type(coords)}")
        return None
    if len(coords) < 2:
        ck.add("geometry.coordinates", f"a LineString needs at least 2 positions, this one has {len(coords)}")
        return None
    bad = 0
    for i, pos in enumerate(coords):
        error = position_error(pos)
        if error:
            bad += 1
            if bad <= MAX_POSITION_PROBLEMS:
                ck.add("geometry.coordinates", f"position {i + 1} of {len(coords)}: {error}")
    if bad > MAX_POSITION_PROBLEMS:
        ck.add("geometry.coordinates", f"{bad - MAX_POSITION_PROBLEMS} more positions are invalid")
    return None if bad else coords
