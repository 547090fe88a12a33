"""Every layer's common checks and its conversion to WGS84 longitude/latitude (EPSG:4326)."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from .results import _Refused

LONLAT_TOLERANCE = 1e-5     # degrees; GIS files often store 180.0000019 for 180
WGS84 = CRS.from_epsg(4326)


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
