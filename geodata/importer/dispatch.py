"""Which reader reads a file (by its extension and its first bytes), and the layers it read
made into an ``ImportResult`` in WGS84.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .csv_table import _read_csv
from .geojson import _read_geojson
from .geopackage import _read_gpkg
from .kml import _read_kml, _read_kmz
from .formats import EXTENSIONS, SHAPEFILE_SIDECARS, SUPPORTED  # noqa: F401 (re-exported)
from .limits import DEFAULT_MAX_BYTES, _check_size
from .results import ImportProblem, ImportResult, Layer, RawLayer, _Refused
from .shapefile import _each_shapefile, _read_shapefile, _read_zip
from .text import _one_line
from .wgs84 import _to_wgs84

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
