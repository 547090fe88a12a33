"""The file formats the importer reads: light constants, importable without geopandas."""
from __future__ import annotations

EXTENSIONS = {
    ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".shp": "shp", ".zip": "zip",
    ".kml": "kml", ".kmz": "kmz", ".csv": "csv", ".tsv": "csv", ".txt": "csv",
}
SHAPEFILE_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".sbn", ".sbx", ".qix")
SUPPORTED = ("GeoJSON (.geojson, .json), GeoPackage (.gpkg), Shapefile (.shp, or a .zip or folder holding "
             "one), KML/KMZ or CSV with lat/lon or WKT columns")
