"""The corridor dataset held in memory: nodes, segments, agreements, corridors, sources.

Read with the standard json module (the built-in files are small GeoJSON, and importing
geopandas would cost most of the start-up budget); users' own GIS files go through
geodata.importer, which uses geopandas/pyogrio.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import BUILTIN_DATA
from .measure import line_length_km

FILES = ("nodes.geojson", "segments.geojson", "agreements.json", "corridors.json", "sources.json")


class DatasetError(Exception):
    """A dataset file cannot be read: the message says which file and why."""


def read_json(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise DatasetError(f"{path}: cannot be read ({exc.strerror})") from None
    if not text.strip():
        raise DatasetError(f"{path}: the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise DatasetError(f"{path}: expected a JSON object at the top level")
    return data


def _records(data: dict, key: str, path: Path) -> list[dict]:
    items = data.get(key)
    if not isinstance(items, list):
        raise DatasetError(f"{path}: expected a list under '{key}'")
    return items


@dataclass
class Dataset:
    """The five files of a dataset folder, as plain dicts keyed by id."""

    folder: Path
    nodes: dict[str, dict] = field(default_factory=dict)       # id -> GeoJSON Feature
    segments: dict[str, dict] = field(default_factory=dict)    # id -> GeoJSON Feature
    agreements: dict[str, dict] = field(default_factory=dict)
    corridors: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | str | None = None) -> "Dataset":
        folder = Path(folder) if folder is not None else BUILTIN_DATA
        return cls.from_raw(folder, load_raw(folder))

    @classmethod
    def from_raw(cls, folder: Path | str, raw: dict[str, dict]) -> "Dataset":
        """From the five files already parsed (file name -> JSON), e.g. a recovery file."""
        ds = cls(folder=Path(folder))
        ds.nodes = {f["properties"]["id"]: f for f in raw["nodes.geojson"]["features"]}
        ds.segments = {f["properties"]["id"]: f for f in raw["segments.geojson"]["features"]}
        ds.agreements = {a["id"]: a for a in raw["agreements.json"]["agreements"]}
        ds.corridors = {c["id"]: c for c in raw["corridors.json"]["corridors"]}
        ds.sources = {s["id"]: s for s in raw["sources.json"]["sources"]}
        return ds

    def to_raw(self) -> dict[str, dict]:
        """The five files' JSON as they would be written, records in the dataset's order."""
        return {
            "nodes.geojson": {"type": "FeatureCollection", "features": list(self.nodes.values())},
            "segments.geojson": {"type": "FeatureCollection", "features": list(self.segments.values())},
            "agreements.json": {"agreements": list(self.agreements.values())},
            "corridors.json": {"corridors": list(self.corridors.values())},
            "sources.json": {"sources": list(self.sources.values())},
        }

    @cached_property
    def segment_km(self) -> dict[str, float]:
        """Geodesic length of every segment, in km."""
        return {sid: line_length_km(f["geometry"]["coordinates"]) for sid, f in self.segments.items()}

    def invalidate_caches(self) -> None:
        """Forget values computed from the geometry (call after an edit changes it)."""
        self.__dict__.pop("segment_km", None)

    def node_coords(self, node_id: str) -> tuple[float, float]:
        lon, lat = self.nodes[node_id]["geometry"]["coordinates"][:2]
        return lon, lat


def load_raw(folder: Path) -> dict[str, dict]:
    """The five files parsed as JSON, checked only for their top-level shape."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"{folder}: not a dataset folder")
    raw = {name: read_json(folder / name) for name in FILES}
    for name in ("nodes.geojson", "segments.geojson"):
        _records(raw[name], "features", folder / name)
    for name, key in (("agreements.json", "agreements"), ("corridors.json", "corridors"), ("sources.json", "sources")):
        _records(raw[name], key, folder / name)
    return raw
