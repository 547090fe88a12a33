"""GeoPackage: every vector (features) layer; a database that is not one, or holds only rasters
or attribute tables, is refused with the reason.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.request import pathname2url

from .gdal import _read_layers
from .results import RawLayer, _Refused


def _read_gpkg(path: Path) -> list[RawLayer]:
    uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            contents = con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall()
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            raise _Refused("an SQLite database but not a GeoPackage (it has no gpkg_contents table)") from None
        raise _Refused(f"not a readable GeoPackage (the SQLite database is damaged: {exc})") from None
    features = [str(name) for name, kind in contents
                if kind == "features" and name in tables and name != "ogr_empty_table"]
    if not features:
        kinds = {kind for _, kind in contents}
        if kinds & {"tiles", "2d-gridded-coverage"}:
            raise _Refused("the GeoPackage holds only raster tiles, no vector layers to import")
        if "attributes" in kinds:
            names = ", ".join(f"'{n}'" for n, k in contents if k == "attributes")
            raise _Refused(f"the GeoPackage holds only attribute tables without geometry ({names}); "
                           "nothing can be placed on the map")
        raise _Refused("the GeoPackage has no layers")
    return _read_layers(path, features)
