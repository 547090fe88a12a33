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
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import sqlite3
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import pathname2url
from xml.parsers import expat

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
UNZIPPED_FACTOR = 4         # a zip may unpack to at most this many times the size limit
LONLAT_TOLERANCE = 1e-5     # degrees; GIS files often store 180.0000019 for 180
WGS84 = CRS.from_epsg(4326)

EXTENSIONS = {
    ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".shp": "shp", ".zip": "zip",
    ".kml": "kml", ".kmz": "kmz", ".csv": "csv", ".tsv": "csv", ".txt": "csv",
}
SHAPEFILE_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".sbn", ".sbx", ".qix")
SUPPORTED = ("GeoJSON (.geojson, .json), GeoPackage (.gpkg), Shapefile (.shp, or a .zip or folder holding "
             "one), KML/KMZ or CSV with lat/lon or WKT columns")


class ImportProblem(Exception):
    """A file cannot be imported; `message` says why in plain words (no traceback)."""

    def __init__(self, path, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path.name}: {message}")


@dataclass
class Layer:
    name: str
    frame: gpd.GeoDataFrame   # EPSG:4326, geometry column "geometry", no null geometries
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    path: Path
    layers: list[Layer]
    warnings: list[str] = field(default_factory=list)   # about the file as a whole

    def __iter__(self):
        return iter(self.layers)

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, i: int) -> Layer:
        return self.layers[i]

    @property
    def feature_count(self) -> int:
        return sum(len(layer.frame) for layer in self.layers)


class _Refused(Exception):
    """A reason to refuse one layer (or the whole file when it is the only layer)."""


def import_file(path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportResult:
    """Read every usable vector layer of `path`; raise ImportProblem when there is none."""
    path = Path(path)
    try:
        return _import(path, max_bytes)
    except ImportProblem:
        raise
    except _Refused as exc:
        raise ImportProblem(path, str(exc)) from None
    except zipfile.BadZipFile as exc:
        raise ImportProblem(path, f"not a valid zip archive ({exc})") from None
    except MemoryError:
        raise ImportProblem(path, "there is not enough memory to read it") from None
    except Exception as exc:  # noqa: BLE001 - a user's file must never crash the caller
        raise ImportProblem(path, f"could not be read: {_one_line(exc, path)}") from None


# -- dispatch ---------------------------------------------------------------------------
def _import(path: Path, max_bytes: int) -> ImportResult:
    if not path.exists():
        raise _Refused("the file does not exist")
    if path.is_dir():
        shps = sorted(p for p in path.iterdir() if p.suffix.lower() == ".shp")
        if not shps:
            raise _Refused("the folder holds no shapefile (.shp); open a GIS file instead")
        _check_size(sum(p.stat().st_size for p in path.iterdir() if p.is_file()), max_bytes)
        return _finish(path, _each_shapefile(shps, _read_shapefile))
    size = path.stat().st_size
    if size == 0:
        raise _Refused("the file is empty (0 bytes)")
    _check_size(size, max_bytes)
    readers = {
        "geojson": _read_geojson, "gpkg": _read_gpkg, "shp": lambda p: [_read_shapefile(p)], "kml": _read_kml,
        "csv": _read_csv, "zip": lambda p: _read_zip(p, max_bytes), "kmz": lambda p: _read_kmz(p, max_bytes),
    }
    raw = readers[_detect_format(path)](path)
    return _finish(path, raw)


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise _Refused(f"the file is too large ({_size(size)}; the limit is {_size(max_bytes)})")


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:.0f} bytes"


def _detect_format(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(512)
    ext = path.suffix.lower()
    if ext in SHAPEFILE_SIDECARS or path.name.lower().endswith(".shp.xml"):
        raise _Refused("this is one of a shapefile's companion files; open the .shp file (or the folder) instead")
    kind = EXTENSIONS.get(ext)
    sniffed = _sniff(head)
    if kind in ("zip", "kmz") and sniffed != "zip":
        raise _Refused("not a valid zip archive (the file is damaged or is not a zip at all)")
    if kind == "gpkg" and sniffed != "sqlite":
        raise _Refused("not a GeoPackage: it is not an SQLite database (damaged, or another format renamed .gpkg)")
    if kind is None:
        kind = {"zip": "zip", "sqlite": "gpkg", "json": "geojson", "xml": "kml"}.get(sniffed or "")
        if kind is None:
            raise _Refused(f"not a recognised GIS file; supported are {SUPPORTED}")
    return kind


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"{", b"["):
        return "json"
    if text[:1] == b"<" and b"kml" in head.lower():
        return "xml"
    return None


# -- reading with GDAL ------------------------------------------------------------------
RawLayer = tuple  # (name, GeoDataFrame or DataFrame, warnings)


def _gdal_read(source: str | Path, layer: str | None = None, **options) -> tuple[pd.DataFrame, list[str]]:
    """One layer via pyogrio; polygon rings that are not closed are closed, with a warning."""
    notes: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            frame = pyogrio.read_dataframe(source, layer=layer, on_invalid="raise", **options)
        except shapely.errors.GEOSException as exc:
            if "closed linestring" not in str(exc):
                raise
            frame = pyogrio.read_dataframe(source, layer=layer, on_invalid="fix", **options)
            notes.append("some polygon rings were not closed (first and last points differ); "
                         "they were closed automatically")
    return frame, notes


def _list_layers(source: str | Path) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [str(name) for name, _ in pyogrio.list_layers(source)]


def _read_layers(source: str | Path, names: list[str], **options) -> list[RawLayer]:
    """Every named layer; one that GDAL cannot read is reported instead of failing the file."""
    out = []
    for name in names:
        try:
            frame, notes = _gdal_read(source, layer=name, **options)
        except Exception as exc:  # noqa: BLE001
            out.append((name, None, [f"layer '{name}' could not be read: {_one_line(exc, source)}"]))
            continue
        out.append((name, frame, notes))
    return out


# -- GeoJSON ----------------------------------------------------------------------------
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


# -- GeoPackage -------------------------------------------------------------------------
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


# -- Shapefile --------------------------------------------------------------------------
SHP_MAGIC = (9994).to_bytes(4, "big")


def _read_shapefile(shp: Path) -> RawLayer:
    siblings = {p.name.lower(): p for p in shp.parent.iterdir()}
    stem = shp.stem.lower()
    missing = [ext for ext in (".shx", ".dbf") if stem + ext not in siblings]
    with open(shp, "rb") as fh:
        _check_shapefile_set(None, missing, fh.read(4))
    frame, notes = _gdal_read(shp)
    return shp.stem, frame, notes


def _each_shapefile(shps: list, read_one) -> list[RawLayer]:
    """Several shapefiles (a folder or a zip): a broken one is skipped, not fatal."""
    if len(shps) == 1:
        return [read_one(shps[0])]
    out = []
    for shp in shps:
        name = Path(str(shp)).stem
        try:
            out.append(read_one(shp))
        except Exception as exc:  # noqa: BLE001
            reason = str(exc) if isinstance(exc, _Refused) else _one_line(exc, shp)
            out.append((name, None, [f"layer '{name}': {reason}"]))
    return out


def _check_shapefile_set(member: str | None, missing: list[str], head: bytes) -> None:
    """A .shp needs its .shx and .dbf (GDAL reads a .shp without .dbf "successfully")."""
    label = f"the shapefile '{member}'" if member else "the shapefile"
    if missing:
        what = {".shx": "its .shx index", ".dbf": "its .dbf attribute table"}
        raise _Refused(f"{label} is incomplete: {' and '.join(what[m] for m in missing)} "
                       f"{'is' if len(missing) == 1 else 'are'} missing (the companion files must sit next to "
                       "the .shp with the same name)")
    if head != SHP_MAGIC:
        raise _Refused(f"not a valid shapefile: the header of {repr(member) if member else 'the .shp file'} is damaged")


def _read_zip(path: Path, max_bytes: int) -> list[RawLayer]:
    with zipfile.ZipFile(path) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
        _check_unzipped_size(infos, max_bytes)
        names = {i.filename.lower(): i.filename for i in infos}
        shps = sorted(n for n in names.values() if n.lower().endswith(".shp"))
        if not shps and any(n.endswith(".kml") for n in names):
            return _read_kmz(path, max_bytes)  # a KMZ saved as .zip
        if not shps:
            listing = ", ".join(sorted(names.values())[:8]) or "nothing"
            raise _Refused(f"the zip holds no shapefile (.shp); it contains: {listing}")
        heads = {}
        for shp in shps:
            with zf.open(shp) as fh:
                heads[shp] = fh.read(4)

    def read_one(shp: str) -> RawLayer:
        base = shp[:-4].lower()
        missing = [ext for ext in (".shx", ".dbf") if base + ext not in names]
        _check_shapefile_set(shp, missing, heads[shp])
        frame, notes = _gdal_read(f"/vsizip/{path.resolve().as_posix()}/{shp}")
        return Path(shp).stem, frame, notes

    return _each_shapefile(shps, read_one)


def _check_unzipped_size(infos: list[zipfile.ZipInfo], max_bytes: int) -> None:
    unpacked = sum(i.file_size for i in infos)
    if unpacked > max_bytes * UNZIPPED_FACTOR:
        raise _Refused(f"the zip unpacks to {_size(unpacked)}, more than the limit "
                       f"({_size(max_bytes * UNZIPPED_FACTOR)})")


# -- KML / KMZ --------------------------------------------------------------------------
def _read_kml(path: Path) -> list[RawLayer]:
    _check_kml(path.read_bytes())
    return _read_layers(path, _list_layers(path))


def _read_kmz(path: Path, max_bytes: int) -> list[RawLayer]:
    with zipfile.ZipFile(path) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _check_unzipped_size(infos, max_bytes)
        kmls = [i.filename for i in infos if i.filename.lower().endswith(".kml")]
        if not kmls:
            raise _Refused("the KMZ holds no .kml document")
        main = next((k for k in kmls if k.lower() == "doc.kml"), kmls[0])
        _check_kml(zf.read(main))
    try:
        source: str | Path = path
        names = _list_layers(path)
    except Exception:  # noqa: BLE001 - a GDAL without LIBKML reads the document inside instead
        source = f"/vsizip/{path.resolve().as_posix()}/{main}"
        names = _list_layers(source)
    return _read_layers(source, names)


def _check_kml(data: bytes) -> None:
    """Well-formed XML with a <kml> root, no entity declarations, numeric <coordinates>."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    state = {"root": None, "in_coords": False, "text": []}

    def local(name: str) -> str:
        return name.rsplit(":", 1)[-1]

    def start(name, attrs):
        if state["root"] is None:
            state["root"] = local(name)
        if local(name) == "coordinates":
            state["in_coords"], state["text"] = True, []

    def end(name):
        if local(name) == "coordinates" and state["in_coords"]:
            state["in_coords"] = False
            _check_kml_coordinates("".join(state["text"]), parser.CurrentLineNumber)

    def chars(text):
        if state["in_coords"]:
            state["text"].append(text)

    def entity(*_args):
        raise _Refused("the KML declares XML entities, which KML files never need; refused for safety")

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        reason = expat.errors.messages[exc.code]
        if reason in (expat.errors.XML_ERROR_NO_ELEMENTS, expat.errors.XML_ERROR_UNCLOSED_TOKEN) or \
                exc.lineno >= data.count(b"\n") and reason == expat.errors.XML_ERROR_INVALID_TOKEN and \
                not data.rstrip().endswith(b">"):
            raise _Refused(f"the KML ends before the document is complete (cut off?) at line {exc.lineno}") from None
        if reason == expat.errors.XML_ERROR_INVALID_TOKEN and _declared_utf8(data) and not _is_utf8(data):
            raise _Refused("wrong text encoding: the KML says it is UTF-8 but it is not "
                           f"(line {exc.lineno}); save it as UTF-8") from None
        raise _Refused(f"not well-formed XML at line {exc.lineno}, column {exc.offset}: {reason}") from None
    if state["root"] != "kml":
        raise _Refused(f"not a KML document: the root element is <{state['root']}>, not <kml>")


def _check_kml_coordinates(text: str, line: int) -> None:
    for token in text.split():
        parts = [p for p in token.split(",") if p != ""]
        ok = len(parts) >= 2
        for part in parts[:3] if ok else []:
            try:
                ok = ok and math.isfinite(float(part))
            except ValueError:
                ok = False
        if not ok:
            raise _Refused(f"non-numeric coordinates near line {line}: {_show(token)} "
                           "(expected longitude,latitude[,altitude])")


def _declared_utf8(data: bytes) -> bool:
    m = re.match(rb"\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)[\"']", data)
    return m is None or m.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- CSV --------------------------------------------------------------------------------
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


# -- common checks and conversion to WGS84 ----------------------------------------------
def _finish(path: Path, raw: list[RawLayer]) -> ImportResult:
    layers: list[Layer] = []
    refusals: list[str] = []
    for name, frame, layer_notes in raw:
        if frame is None:
            refusals.append(layer_notes[0])
            continue
        try:
            frame, more = _to_wgs84(frame)
        except _Refused as exc:
            refusals.append(f"layer '{name}': {exc}" if len(raw) > 1 else str(exc))
            continue
        layers.append(Layer(name, frame, list(layer_notes) + more))
    if not layers:
        if len(refusals) == 1:
            raise ImportProblem(path, refusals[0].removeprefix(f"layer '{raw[0][0]}': "))
        raise ImportProblem(path, "no layer could be imported: " + "; ".join(refusals))
    return ImportResult(path, layers, [f"{r} (skipped)" for r in refusals])


def _to_wgs84(frame: pd.DataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    """The layer in EPSG:4326 without null geometries, and what was done to it."""
    if not isinstance(frame, gpd.GeoDataFrame) or frame._geometry_column_name not in frame.columns:
        raise _Refused("no geometry column: an attribute-only table, nothing to place on the map")
    if len(frame) == 0:
        raise _Refused("no features")
    geoms = frame.geometry
    missing = (geoms.isna() | geoms.is_empty).to_numpy()
    if missing.all():
        raise _Refused(f"none of its {len(frame)} features has a geometry (all are null or empty)")
    notes = []
    if missing.any():
        notes.append(f"{int(missing.sum())} of {len(frame)} features have no geometry and were left out")
        frame = frame.loc[~missing]
    frame = frame.reset_index(drop=True)
    xy = shapely.get_coordinates(frame.geometry.array)
    if not np.isfinite(xy).all():
        raise _Refused("some coordinates are not numbers (NaN or infinite)")
    if frame.crs is None:
        if not _fits_lonlat(xy):
            raise _Refused(f"unknown CRS: the file names no coordinate reference system and its coordinates "
                           f"({_extent(xy)}) are not longitude/latitude; reproject it to WGS84 or add its CRS")
        frame = frame.set_crs(WGS84)
        notes.append("no CRS given; the coordinates look like longitude/latitude and were taken as WGS84")
    elif not frame.crs.equals(WGS84):
        source_crs, source = frame.crs, frame.crs.name
        try:
            frame = frame.to_crs(WGS84)
        except Exception:  # noqa: BLE001 - e.g. an 'undefined' engineering CRS
            if not _fits_lonlat(xy):
                raise _Refused(f"unknown CRS: '{source}' cannot be converted to WGS84 longitude/latitude") from None
            frame = frame.set_crs(WGS84, allow_override=True)
            notes.append(f"the CRS '{source}' cannot be converted; the coordinates fit lon/lat and were taken as WGS84")
        else:
            if not _is_wgs84(source_crs):
                notes.append(f"converted from {source} to WGS84 longitude/latitude")
        xy = shapely.get_coordinates(frame.geometry.array)
        if not np.isfinite(xy).all():
            raise _Refused(f"some coordinates could not be converted from {source} to longitude/latitude")
    if not _fits_lonlat(xy):
        raise _Refused(f"coordinates out of range for longitude/latitude ({_extent(xy)})")
    return frame, notes


def _is_wgs84(crs: CRS) -> bool:
    """Geographic WGS84 in another guise (EPSG:4979 3D, OGC CRS84, an ESRI .prj): nothing to say."""
    return crs.is_geographic and crs.datum is not None and crs.datum.name.startswith("World Geodetic System 1984")


def _fits_lonlat(xy: np.ndarray) -> bool:
    t = LONLAT_TOLERANCE
    return bool(len(xy)) and bool((np.abs(xy[:, 0]) <= 180 + t).all() and (np.abs(xy[:, 1]) <= 90 + t).all())


def _extent(xy: np.ndarray) -> str:
    return (f"x from {xy[:, 0].min():.6g} to {xy[:, 0].max():.6g}, "
            f"y from {xy[:, 1].min():.6g} to {xy[:, 1].max():.6g}")


# -- small helpers ----------------------------------------------------------------------
def _decode(data: bytes, rule: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Refused(f"wrong text encoding: byte 0x{data[exc.start]:02X} at position {exc.start} is not UTF-8 "
                       f"({rule}; save the file as UTF-8)") from None


def _show(value, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _one_line(exc: BaseException, path) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    message = message.replace(str(path), Path(str(path)).name)
    if "not recognized as being in a supported file format" in message or "not recognized as a supported" in message:
        return "GDAL does not recognise it as a supported file format (damaged or not a GIS file)"
    return message[:300]
