"""Geodesic measurement on the WGS84 ellipsoid (pyproj.Geod); never degrees on a plane."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from pyproj import Geod

WGS84 = Geod(ellps="WGS84")


def line_length_km(coords: Sequence[Sequence[float]]) -> float:
    """Geodesic length in km of a lon/lat polyline."""
    if len(coords) < 2:
        return 0.0
    lons = [c[0] for c in coords]
    lats = [c[1] for c in coords]
    return WGS84.line_length(lons, lats) / 1000.0


def distance_km(a: Sequence[float], b: Sequence[float]) -> float:
    """Geodesic distance in km between two lon/lat points."""
    return WGS84.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def path_length_km(points: Iterable[Sequence[float]]) -> float:
    """Length of a path of lon/lat points, e.g. the measure tool's clicks."""
    return line_length_km(list(points))
