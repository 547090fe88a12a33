"""The user's own layers: files they open themselves, as the map page and the panels need them.

    layer = UserLayer.from_frame("user:1", "ports.gpkg", path, "ports", frame, style)
    layer.to_page()          # what the page draws (GeoJSON text: geometry, feature number, name)
    layer.attributes(i)      # [(column, text), ...] for the side panel and the attribute table

The page gets only what drawing needs: each feature's geometry (coordinates rounded to
5 decimals, about a metre), its number `i` and a short name for the tooltip. Attributes stay
here and are shown by the panels, always as text (a value that is not JSON text, such as a
date, bytes or a nested list, is turned into text first). Large layers are drawn by the page
with a canvas renderer, which simplifies every line per zoom level in pixel space.

No Qt here: this runs headless too.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from geodata.i18n import N_, translate

COORD_DECIMALS = 5              # ~1 m: plenty for a screen, and a third less text to send
CANVAS_FROM_FEATURES = 1000     # from this many features the page draws with a canvas
CANVAS_FROM_VERTICES = 50_000   # ...or from this many vertices
NAME_LIMIT = 200                # characters of a feature's name sent for its tooltip
TEXT_LIMIT = 10_000             # characters of one attribute value kept for display
EXPORT_MAX_FEATURES = 20_000    # larger user layers are left out of PNG/PDF/HTML exports

POINT_SYMBOLS = ("circle", "square", "diamond", "triangle")
PALETTE = ("#d81b60", "#00897b", "#5e35b1", "#f4511e", "#3949ab", "#7cb342", "#6d4c41", "#00acc1")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
NAME_COLUMNS = ("name", "title", "label", "name_en", "nom", "nombre", "название", "capitalname", "placename")


@dataclass
class UserStyle:
    """How a user layer looks: line/outline colour and width, point symbol and size."""

    color: str = PALETTE[0]
    weight: float = 2.5
    symbol: str = "circle"
    size: float = 9.0
    opacity: float = 0.9
    fill_opacity: float = 0.25

    @classmethod
    def default(cls, n: int) -> "UserStyle":
        return cls(color=PALETTE[n % len(PALETTE)])

    @classmethod
    def from_dict(cls, data) -> "UserStyle":
        """A style from saved settings; anything missing or odd falls back to the default."""
        style = cls()
        if not isinstance(data, dict):
            return style
        if isinstance(data.get("color"), str) and _COLOUR.match(data["color"]):
            style.color = data["color"].lower()
        if data.get("symbol") in POINT_SYMBOLS:
            style.symbol = data["symbol"]
        style.weight = _number(data.get("weight"), style.weight, 0.5, 20)
        style.size = _number(data.get("size"), style.size, 3, 40)
        style.opacity = _number(data.get("opacity"), style.opacity, 0.1, 1)
        style.fill_opacity = _number(data.get("fill_opacity"), style.fill_opacity, 0, 1)
        return style

    def to_dict(self) -> dict:
        return {"color": self.color, "weight": self.weight, "symbol": self.symbol, "size": self.size,
                "opacity": self.opacity, "fill_opacity": self.fill_opacity}

    def line(self) -> dict:
        """Leaflet path options (as the layer panel swatches and the legend take them)."""
        return {"color": self.color, "weight": self.weight, "opacity": self.opacity}

    def point(self) -> dict:
        """A point symbol spec as layers.styles writes them."""
        return {"shape": self.symbol, "fill": self.color, "stroke": "#ffffff", "size": self.size}


def _number(value, default: float, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return default
    return float(min(high, max(low, value)))


# -- text of attribute values -----------------------------------------------------------------
def as_text(value) -> str:
    """Any attribute value as display text ('' for missing values); never interpreted."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif _is_missing(value):          # NaN, NaT, pd.NA
        return ""
    elif isinstance(value, bool | np.bool_):
        text = "true" if value else "false"
    elif isinstance(value, int | np.integer):
        text = str(int(value))
    elif isinstance(value, float | np.floating):
        f = float(value)
        if math.isnan(f):
            return ""
        text = repr(f) if math.isfinite(f) else str(f)
        if text.endswith(".0"):
            text = text[:-2]
    elif isinstance(value, bytes | bytearray | memoryview):
        text = f"<{len(bytes(value))} bytes of binary data>"
    elif isinstance(value, dt.datetime | dt.date | dt.time):
        text = value.isoformat()
    elif hasattr(value, "isoformat"):   # pandas Timestamp and the like
        text = value.isoformat()
    elif isinstance(value, dict | list | tuple | np.ndarray):
        text = json.dumps(_plain(value), ensure_ascii=False, default=str)
    else:
        text = str(value)
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def _is_missing(value) -> bool:
    if isinstance(value, int | np.integer | bool | np.bool_ | bytes | dict | list | tuple | np.ndarray):
        return False
    import pandas as pd  # only here: pandas costs a fifth of a second at start-up, and is loaded by then

    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, bool | np.bool_) else False


def _plain(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# -- the layer -------------------------------------------------------------------------------
@dataclass
class UserLayer:
    id: str                      # "user:<n>", unique in a session
    title: str
    source: Path                 # the file (or folder) it came from
    layer_name: str              # the layer inside that file
    style: UserStyle
    feature_count: int
    bounds: list[list[float]]    # [[south, west], [north, east]]
    geometry_kind: str           # points | lines | polygons | mixed
    columns: list[str]
    page_geojson: str            # FeatureCollection text: geometry + properties {i, n}
    vertex_count: int = 0
    warnings: list[str] = field(default_factory=list)
    visible: bool = True
    frame: object = None         # the GeoDataFrame (EPSG:4326) the attributes are read from
    names: list[str] = field(default_factory=list)

    @classmethod
    def from_frame(cls, layer_id: str, title: str, source, layer_name: str, frame,
                   style: UserStyle | None = None, warnings: Iterable[str] = ()) -> "UserLayer":
        """Build a user layer from an imported GeoDataFrame (EPSG:4326, no null geometries)."""
        geoms = frame.geometry.array
        columns = [str(c) for c in frame.columns if c != frame.geometry.name]
        names = feature_names(frame, columns)
        west, south, east, north = (float(v) for v in frame.total_bounds)
        return cls(id=layer_id, title=title, source=Path(source), layer_name=layer_name,
                   style=style or UserStyle(), feature_count=len(frame),
                   bounds=[[south, west], [north, east]], geometry_kind=geometry_kind(frame.geom_type),
                   columns=columns, page_geojson=page_geojson(geoms, names),
                   vertex_count=int(shapely.get_num_coordinates(geoms).sum()),
                   warnings=list(warnings), frame=frame, names=names)

    @property
    def canvas(self) -> bool:
        """Large layers are drawn on a canvas (fast), small ones as SVG (crisp, per-feature DOM)."""
        return self.feature_count >= CANVAS_FROM_FEATURES or self.vertex_count >= CANVAS_FROM_VERTICES

    def to_page(self) -> dict:
        """The layer for the page: the GeoJSON goes as text (the page parses it once)."""
        return {"id": self.id, "title": self.title, "visible": self.visible, "style": self.style.to_dict(),
                "canvas": self.canvas, "count": self.feature_count, "data": self.page_geojson}

    def legend(self) -> dict:
        """One legend entry in the form layers.layer_list uses ({"label", "line"|"symbol"})."""
        if self.geometry_kind == "points":
            return {"label": self.title, "symbol": self.style.point()}
        return {"label": self.title, "line": self.style.line()}

    def name(self, i: int) -> str:
        return self.names[i] if 0 <= i < len(self.names) else ""

    def attributes(self, i: int) -> list[tuple[str, str]]:
        """Every attribute of feature i, as (column, text)."""
        row = self.frame.iloc[i]
        return [(c, as_text(row[c])) for c in self.columns]

    def cell(self, i: int, column: int) -> str:
        return as_text(self.frame.iat[i, self.frame.columns.get_loc(self.columns[column])])

    def geometry(self, i: int):
        return self.frame.geometry.iloc[i]

    def describe(self, i: int) -> dict:
        """What the side panel shows for feature i (facts of type 'user_feature')."""
        from geodata.measure import line_length_km

        geom = self.geometry(i)
        d = {"type": "user_feature", "id": str(i), "layer": self.id, "index": i, "layer_title": self.title,
             "source": str(self.source), "name": self.name(i) or translate(N_("Feature {n}")).format(n=i + 1), "geometry": geom.geom_type,
             "attributes": self.attributes(i)}
        if geom.geom_type == "Point":
            d["lon"], d["lat"] = float(geom.x), float(geom.y)
        elif geom.geom_type in ("LineString", "MultiLineString"):
            parts = [geom] if geom.geom_type == "LineString" else list(geom.geoms)
            d["km"] = sum(line_length_km(list(p.coords)) for p in parts)
        d["vertices"] = int(shapely.get_num_coordinates(geom))
        return d

    def to_catalog_layers(self) -> list:
        """The layer as built-in catalog layers (layers.catalog.Layer), for the exports.

        Lines and area outlines become one 'lines' layer; points (multi-points split) one
        'points' layer. Feature ids ('user-<n>') can never be ids of the dataset, so an
        export's popup for them is the feature's name, escaped like every other.
        """
        from shapely.geometry import mapping

        from .catalog import Layer

        style = {**self.style.line(), "lineCap": "round", "lineJoin": "round"}
        symbol = self.style.point()
        lines, points = [], []
        geoms = shapely.transform(shapely.force_2d(np.asarray(self.frame.geometry.array, dtype=object)),
                                  lambda xy: np.round(xy, COORD_DECIMALS))
        for i, geom in enumerate(geoms):
            name = self.name(i) or f"{self.title} #{i + 1}"
            props = {"id": f"user-{i}", "name": name, "layer": self.id}
            parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
            pts = [p for p in parts if p.geom_type == "Point"]
            for k, p in enumerate(pts):
                points.append({"type": "Feature", "geometry": mapping(p),
                               "properties": {**props, "id": f"user-{i}" + (f".{k}" if k else ""), "_sym": symbol, "_rank": 3}})
            outlines = [p.boundary if "Polygon" in p.geom_type else p for p in parts if p.geom_type != "Point"]
            outlines = [q for o in outlines for q in (o.geoms if hasattr(o, "geoms") else [o]) if not q.is_empty]
            if outlines:
                geom_json = mapping(outlines[0]) if len(outlines) == 1 else {
                    "type": "MultiLineString", "coordinates": [list(mapping(o)["coordinates"]) for o in outlines]}
                lines.append({"type": "Feature", "geometry": geom_json, "properties": {**props, "_style": style}})
        out = []
        if lines:
            out.append(Layer(self.id, self.title, "Your data", visible=self.visible, kind="lines",
                             legend=[{"label": self.title, "line": self.style.line()}], features=lines))
        if points:
            out.append(Layer(self.id + (":points" if lines else ""), self.title, "Your data", visible=self.visible,
                             kind="points", legend=[{"label": self.title, "symbol": symbol}], features=points))
        return out

    def session_entry(self) -> dict:
        return {"path": str(self.source), "layer": self.layer_name, "title": self.title,
                "style": self.style.to_dict(), "visible": self.visible}


def geometry_kind(geom_types) -> str:
    kinds = set()
    for t in set(geom_types):
        t = str(t)
        kinds.add("points" if "Point" in t else "lines" if "Line" in t else "polygons" if "Polygon" in t else "mixed")
    return kinds.pop() if len(kinds) == 1 else "mixed"


def feature_names(frame, columns: list[str]) -> list[str]:
    """A short name per feature for tooltips: the 'name'-like column, else the first text column."""
    by_lower = {c.lower(): c for c in columns}
    column = next((by_lower[n] for n in NAME_COLUMNS if n in by_lower), None)
    if column is None:
        column = next((c for c in columns if c.lower().endswith("name")), None)
    if column is None:
        from pandas.api.types import is_object_dtype, is_string_dtype

        column = next((c for c in columns if is_string_dtype(frame[c]) or is_object_dtype(frame[c])), None)
    if column is None:
        return [""] * len(frame)
    out = []
    for value in frame[column].tolist():
        text = as_text(value).replace("\n", " ").strip()
        out.append(text if len(text) <= NAME_LIMIT else text[: NAME_LIMIT - 1] + "…")
    return out


def page_geojson(geoms, names: list[str]) -> str:
    """A FeatureCollection as JSON text: 2D geometry rounded to COORD_DECIMALS, properties {i, n}.

    Built with GEOS's GeoJSON writer and one join: a 100k-feature layer takes well under a second.
    """
    from json.encoder import encode_basestring   # json.dumps for one string, without its overhead

    geoms = np.asarray(geoms, dtype=object)
    if shapely.has_z(geoms).any():
        geoms = shapely.force_2d(geoms)
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, COORD_DECIMALS))
    texts = shapely.to_geojson(geoms)
    parts = [f'{{"type":"Feature","geometry":{g},"properties":{{"i":{i},"n":{encode_basestring(n)}}}}}'
             for i, (g, n) in enumerate(zip(texts, names))]
    return '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"


# -- titles and the session -------------------------------------------------------------------
def layer_title(path, layer_name: str, layer_count: int) -> str:
    """The file's name, and the layer's when the file holds several."""
    name = Path(path).name
    return name if layer_count <= 1 else f"{name}: {layer_name}"


def session_text(layers: Iterable[UserLayer]) -> str:
    """The open user layers as JSON text for the settings (file, layer, title, style, visible)."""
    return json.dumps([layer.session_entry() for layer in layers], ensure_ascii=False)


def parse_session(text) -> list[dict]:
    """Saved user layers from the settings; entries that make no sense are dropped."""
    try:
        data = json.loads(text) if isinstance(text, str) else []
    except json.JSONDecodeError:
        return []
    out = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not item["path"]:
            continue
        out.append({"path": item["path"], "layer": str(item.get("layer") or ""),
                    "title": str(item.get("title") or Path(item["path"]).name),
                    "style": UserStyle.from_dict(item.get("style")), "visible": item.get("visible") is not False})
    return out
