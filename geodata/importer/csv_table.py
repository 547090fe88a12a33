"""CSV (or TSV) tables: points from latitude/longitude columns, or geometries from a WKT column."""
from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .results import RawLayer, _Refused
from .text import _decode, _show
from .wgs84 import WGS84

LAT_NAMES = {"lat", "latitude", "y", "ycoord", "ycoordinate", "pointy", "latdd", "latdeg", "latwgs84"}
LON_NAMES = {"lon", "lng", "long", "longitude", "x", "xcoord", "xcoordinate", "pointx", "londd", "londeg",
             "lonwgs84", "lngdd"}
WKT_NAMES = {"wkt", "geometry", "geom", "thegeom", "wktgeom", "shape", "geometrywkt", "geomwkt"}
WKT_RE = re.compile(r"^\s*(SRID=\d+;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|"
                    r"GEOMETRYCOLLECTION)\s*(Z|M|ZM)?\s*(\(|EMPTY\b)", re.IGNORECASE)


def _read_csv(path: Path) -> list[RawLayer]:
    text = _decode(path.read_bytes(), "CSV files must be UTF-8")
    sample = text[:4096].split("\n", 1)[0]
    delimiter = max(",;\t|", key=sample.count) if any(c in sample for c in ",;\t|") else ","
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a WKT polygon can be megabytes long
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    finally:
        csv.field_size_limit(limit)
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise _Refused("the CSV has no header row")
    header = _unique_names(rows[0])
    body = rows[1:]
    if not body:
        raise _Refused("the CSV has a header but no data rows")
    notes: list[str] = []
    ragged = sum(1 for r in body if len(r) != len(header))
    if ragged:
        notes.append(f"{ragged} rows have a different number of fields than the header; they were padded or cut")
    body = [(r + [""] * len(header))[: len(header)] for r in body]
    table = pd.DataFrame(body, columns=header, dtype=object)
    geometry, crs, geo_notes = _csv_geometry(table, header)
    notes += geo_notes
    attrs = table.rename(columns={"geometry": "geometry_text"}) if "geometry" in table.columns else table
    return [(path.stem, gpd.GeoDataFrame(attrs, geometry=geometry, crs=crs), notes)]


def _unique_names(names: list[str]) -> list[str]:
    out: list[str] = []
    for i, name in enumerate(names, start=1):
        name = name.strip() or f"column_{i}"
        base, n = name, 2
        while name in out:
            name, n = f"{base}_{n}", n + 1
        out.append(name)
    return out


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _pick(header: list[str], exact: set[str], suffixes: tuple[str, ...]) -> str | None:
    for name in header:
        if _norm(name) in exact:
            return name
    for name in header:  # e.g. CapitalLatitude, stop_lon
        words = re.findall(r"[a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower())
        if words and words[-1] in suffixes:
            return name
    return None


def _csv_geometry(table: pd.DataFrame, header: list[str]):
    """(geometry array, crs, notes) from a WKT column or a lat/lon pair."""
    def looks_like_wkt(column: str) -> bool:
        return bool(WKT_RE.match(next((v for v in table[column] if v.strip()), "")))

    named = [h for h in header if _norm(h) in WKT_NAMES]
    wkt = next((h for h in named + header if looks_like_wkt(h)), None)
    if wkt is not None:
        values = [v if v.strip() else None for v in table[wkt]]
        geoms = shapely.from_wkt(values, on_invalid="ignore")
        bad = sum(1 for v, g in zip(values, geoms) if v is not None and g is None)
        notes = [f"{bad} rows have text in '{wkt}' that is not WKT"] if bad else []
        return geoms, None, notes
    lat = _pick(header, LAT_NAMES, ("lat", "latitude"))
    lon = _pick(header, LON_NAMES, ("lon", "lng", "longitude"))
    if lat is None or lon is None or lat == lon:
        raise _Refused("no coordinate columns: expected latitude/longitude columns (lat/lon, latitude/longitude, "
                       f"y/x, ...) or a WKT column; the columns are: {', '.join(header[:12])}")
    ys, xs = _numbers(table[lat]), _numbers(table[lon])
    ok = ~(np.isnan(xs) | np.isnan(ys))
    notes = []
    if not ok.any():
        example = next(((a, b) for a, b in zip(table[lat], table[lon])), ("", ""))
        raise _Refused(f"non-numeric coordinates: no row has numbers in both '{lat}' and '{lon}' "
                       f"(first row: {lat}={_show(example[0])}, {lon}={_show(example[1])})")
    if not ok.all():
        first = int(np.argmin(ok)) + 2
        notes.append(f"{int((~ok).sum())} rows without numeric '{lat}'/'{lon}' were left out (first: line {first})")
    geoms = np.array([shapely.Point(x, y) if good else None for x, y, good in zip(xs, ys, ok)], dtype=object)
    generic = _norm(lat) in ("y", "ycoord", "ycoordinate", "pointy")
    return geoms, None if generic else WGS84, notes


def _numbers(column: pd.Series) -> np.ndarray:
    out = np.full(len(column), np.nan)
    for i, value in enumerate(column):
        try:
            number = float(value.strip())
        except ValueError:
            continue
        out[i] = number if math.isfinite(number) else np.nan
    return out
