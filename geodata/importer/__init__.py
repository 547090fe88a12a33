"""Open a user's GIS file as GeoDataFrames in WGS84 longitude/latitude (EPSG:4326).

    result = import_file("ports.gpkg")          # ImportResult; raises ImportProblem
    for layer in result:                        # Layer(name, frame, warnings)
        ...

Formats: GeoJSON, GeoPackage (every vector layer), Shapefile (.shp with its sidecars, a
folder of them, or a .zip), KML/KMZ (every folder/layer), CSV with lat/lon columns or a WKT
column. Several broken files read "successfully" in GDAL (a shapefile without its .dbf, a
zip without a .shp, an attribute-only GeoPackage, coordinates out of range, a text
coordinate that turns into a null geometry); the checks here catch them. Decisions:

- Mixed geometry types in one layer are accepted in every format (RFC 7946 allows them;
  the map draws each feature by its own type).
- GeoJSON must be strict RFC 7946: UTF-8, numeric coordinates, closed polygon rings.
  KML polygon rings that are not closed are closed automatically, with a warning.
- Features without geometry are left out with a warning; a layer with none left is refused.
- A file without a CRS is taken as WGS84 when its coordinates fit lon/lat, else refused.
- Attribute values stay as the file has them; text is never interpreted (no HTML, no dates).

Modules: ``dispatch`` (import_file: which reader, then the result), one reader per format
(``geojson``, ``geopackage``, ``shapefile``, ``kml``, ``csv_table``), ``gdal`` (reading layers with
pyogrio), ``wgs84`` (every layer's checks and conversion), ``results`` (Layer, ImportResult,
ImportProblem), ``limits`` (sizes) and ``text`` (UTF-8 and the wording of reasons).
"""
from __future__ import annotations

import importlib

from .formats import EXTENSIONS, SHAPEFILE_SIDECARS, SUPPORTED
from .results import ImportProblem, ImportResult, Layer

# The readers load geopandas and pandas (about half a second): only when a file is opened.
_LAZY = {"import_file": "dispatch", "DEFAULT_MAX_BYTES": "limits", "UNZIPPED_FACTOR": "limits",
         "LONLAT_TOLERANCE": "wgs84", "WGS84": "wgs84"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "DEFAULT_MAX_BYTES", "EXTENSIONS", "ImportProblem", "ImportResult", "LONLAT_TOLERANCE", "Layer",
    "SHAPEFILE_SIDECARS", "SUPPORTED", "UNZIPPED_FACTOR", "WGS84", "import_file",
]
