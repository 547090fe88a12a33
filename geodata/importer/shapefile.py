"""Shapefiles: a .shp with its .shx and .dbf, a folder of them, or a zip holding them (a KMZ
saved as .zip is read as KML).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .gdal import _gdal_read
from .kml import _read_kmz
from .limits import _check_unzipped_size
from .results import RawLayer, _Refused
from .text import _one_line

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
