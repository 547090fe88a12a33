"""Reading layers with GDAL (pyogrio): one layer, the names of a file's layers, every named layer."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pyogrio
import shapely

from .results import RawLayer
from .text import _one_line


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
