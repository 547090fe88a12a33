"""What an import gives: the layers read (``ImportResult`` of ``Layer``) or the reason it
cannot (``ImportProblem``); ``_Refused`` is a reason the readers give for one layer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # geopandas is loaded by the readers, not by whoever only catches ImportProblem
    import geopandas as gpd


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


# What a reader returns for each layer it found.
RawLayer = tuple  # (name, GeoDataFrame or DataFrame, warnings)
