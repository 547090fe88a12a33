"""One self-contained interactive HTML map: folium + Leaflet, with nothing loaded from outside.

``export_html(dataset, layer_list, out_path, title, ...)`` writes a single file that opens
in any browser offline: Leaflet's JS and CSS are inlined from the xstatic-leaflet package
(folium's CDN links are dropped), the Natural Earth basemap is embedded (merged and
simplified), the visible layers are drawn with the app's styles and symbols, each feature
has a tooltip and a popup with its facts (geodata.describe), and the page carries a layer
control, legend, title, scale bar, "as of" date, sources and the indicative-lines note.

Safety: every text from data is HTML-escaped in Python before it reaches the page; data
travels as JSON made safe for a <script> element (no "<", ">" or line separators), never
through a Jinja template as template source, and the page's Content-Security-Policy
forbids any load but inline code and data: URIs. No Qt here.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import math
import re
from functools import lru_cache
from html import escape
from pathlib import Path

import folium
from branca.element import Element, MacroElement

import resources
from geodata.dataset import Dataset
from geodata.describe import describe

from . import html_popups
from .layer_list import LayerList

LAND_COLOUR = "#f4f1ea"
SEA_COLOUR = "#c9dfec"
BORDER_STYLE = {"color": "#8a7f8e", "weight": 1.2, "opacity": 1}
# The land's outline, as the app draws it around the country fills.
LAND_STYLE = {"stroke": True, "color": "#b9ad9c", "weight": 0.6, "opacity": 0.9,
              "fill": True, "fillColor": LAND_COLOUR, "fillOpacity": 1}
DEFAULT_BOUNDS = [[22.0, 45.0], [52.0, 85.0]]  # [[south, west], [north, east]]
INDICATIVE_NOTE = "Planned and proposed lines are indicative."

BASEMAP_Q = 1000          # basemap coordinates to 0.001° (about 100 m)
BASEMAP_TOLERANCE = 0.005  # simplification, degrees (the 1:10m source is at 0.004°)
BASEMAP_MIN_AREA = 0.0005  # islands smaller than this (deg², ~5 km²) are left out
DATA_Q = 100000           # data coordinates to 0.00001° (about 1 m)

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")

_EXPORT_ASSETS = resources.ROOT / "export"


# ----------------------------------------------------------------------------- safe output

def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def script_json(obj) -> str:
    """JSON that is also safe inside an HTML <script> element.

    "<" and ">" become \\u003c / \\u003e, so no "</script>" or "<!--" can ever appear, and
    U+2028/U+2029 are escaped for older JavaScript parsers. "&" stays as it is: texts are
    HTML-escaped already and the entities are harmless in a script.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")
_DASH = re.compile(r"^[0-9.]+([ ,]+[0-9.]+)*$")


def _colour(value, default: str = "#555555") -> str:
    return value if isinstance(value, str) and _COLOUR.match(value) else default


def _number(value, default: float, low: float = 0.0, high: float = 100.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return default
    return min(max(float(value), low), high)


def clean_line_style(style: dict | None) -> dict:
    """Only the Leaflet path options we know, with values checked."""
    style = style or {}
    out = {"color": _colour(style.get("color")), "weight": _number(style.get("weight"), 3, 0, 40),
           "opacity": _number(style.get("opacity"), 1, 0, 1)}
    if style.get("lineCap") in ("butt", "round", "square"):
        out["lineCap"] = style["lineCap"]
    if style.get("lineJoin") in ("miter", "round", "bevel"):
        out["lineJoin"] = style["lineJoin"]
    dash = style.get("dashArray")
    if isinstance(dash, str) and _DASH.match(dash.strip()):
        out["dashArray"] = dash.strip()
    return out


def clean_symbol(sym: dict | None) -> dict:
    sym = sym or {}
    out = {"shape": sym.get("shape") if sym.get("shape") in ("anchor", "square", "diamond", "circle") else "circle",
           "fill": _colour(sym.get("fill"), "#333333"), "stroke": _colour(sym.get("stroke"), "#ffffff"),
           "size": int(_number(sym.get("size"), 10, 4, 64))}
    if sym.get("opacity") is not None:
        out["opacity"] = _number(sym.get("opacity"), 1, 0, 1)
    return out


# ----------------------------------------------------------------------------- symbols (as symbols.js)

def symbol_svg(sym: dict) -> str:
    """The app's point symbol (resources/web/js/symbols.js) as SVG markup."""
    s = clean_symbol(sym)
    fill, stroke, size = s["fill"], s["stroke"], s["size"]
    opacity = f' opacity="{s["opacity"]:g}"' if "opacity" in s else ""
    if s["shape"] == "anchor":
        body = (f'<circle cx="12" cy="12" r="11" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
                '<path d="M12 5.2a1.7 1.7 0 1 0 0.01 0M12 7v11.5M8.5 10h7M6 13.5c0.5 3.2 3 5 6 5s5.5-1.8 6-5" '
                'fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/>')
    elif s["shape"] == "square":
        body = f'<rect x="3" y="3" width="18" height="18" fill="{fill}" stroke="{stroke}" stroke-width="2.5"/>'
    elif s["shape"] == "diamond":
        body = f'<path d="M12 1.5L22.5 12L12 22.5L1.5 12Z" fill="{fill}" stroke="{stroke}" stroke-width="3"/>'
    else:
        body = f'<circle cx="12" cy="12" r="9.5" fill="{fill}" stroke="{stroke}" stroke-width="4"/>'
    return f'<svg width="{size}" height="{size}" viewBox="0 0 24 24"{opacity}>{body}</svg>'


def line_swatch_svg(style: dict, width: int = 34, height: int = 14) -> str:
    s = clean_line_style(style)
    dash = f' stroke-dasharray="{s["dashArray"]}"' if "dashArray" in s else ""
    return (f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<line x1="2" y1="{height / 2:g}" x2="{width - 2}" y2="{height / 2:g}" stroke="{s["color"]}" '
            f'stroke-width="{min(s["weight"], height):g}" stroke-opacity="{s["opacity"]:g}" '
            f'stroke-linecap="{s.get("lineCap", "round")}"{dash}/></svg>')


# ----------------------------------------------------------------------------- geometry

def encode_line(coords, q: int) -> list[int]:
    """[[lon, lat], ...] as flat integers: the first point absolute, then differences."""
    out: list[int] = []
    px = py = 0
    for c in coords:
        x, y = round(c[0] * q), round(c[1] * q)
        out += [x - px, y - py]
        px, py = x, y
    return out


def _finite_geometry(geometry: dict) -> bool:
    """A Point or (Multi)LineString whose coordinates are all finite numbers."""
    def ok(c) -> bool:
        return (isinstance(c, (list, tuple)) and len(c) >= 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in c[:2]))

    if not isinstance(geometry, dict):
        return False
    if geometry.get("type") == "Point":
        return ok(geometry.get("coordinates"))
    try:
        parts = _line_parts(geometry)
    except TypeError:
        return False
    return bool(parts) and all(isinstance(part, (list, tuple)) and part and all(ok(c) for c in part) for part in parts)


def _line_parts(geometry: dict) -> list:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "LineString":
        return [coords]
    if kind == "MultiLineString":
        return [part for part in coords if part]
    return []


def _read_basemap(name: str) -> dict:
    return json.loads((resources.BASEMAP / f"{name}.geojson").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def basemap_payload() -> str:
    """The basemap as script-safe JSON: land merged into one polygon set, borders, names.

    Country fills of the region (1:10m) and of the world outside it (1:110m) are merged, so
    only the coast remains as an outline and the file carries no shared edges twice.
    """
    from shapely.geometry import shape
    from shapely.ops import unary_union

    polys = [shape(f["geometry"]) for name in ("countries_world_outside_region", "countries_region")
             for f in _read_basemap(name)["features"]]
    land = unary_union(polys).simplify(BASEMAP_TOLERANCE, preserve_topology=True)
    parts = [p for p in getattr(land, "geoms", [land]) if p.geom_type == "Polygon" and p.area >= BASEMAP_MIN_AREA]
    land_enc = [[encode_line(p.exterior.coords, BASEMAP_Q)] + [encode_line(r.coords, BASEMAP_Q) for r in p.interiors]
                for p in parts]
    borders = []
    for name in ("borders_world_outside_region", "borders_region"):
        for f in _read_basemap(name)["features"]:
            g = shape(f["geometry"]).simplify(BASEMAP_TOLERANCE, preserve_topology=True)
            for part in getattr(g, "geoms", [g]):
                if not part.is_empty:
                    borders.append(encode_line(part.coords, BASEMAP_Q))
    labels = []
    for name, cls in (("country_labels", "atlas-country-label"), ("sea_labels", "atlas-sea-label")):
        for f in _read_basemap(name)["features"]:
            lon, lat = f["geometry"]["coordinates"][:2]
            rank = f["properties"].get("rank") or 3
            if rank > 2:
                continue  # the rest of the world: never legible at the zooms of this map
            labels.append({"lon": lon, "lat": lat, "rank": rank, "cls": cls, "html": _e(f["properties"].get("name"))})
    return script_json({"q": BASEMAP_Q, "land": land_enc, "borders": borders, "labels": labels,
                        "landStyle": LAND_STYLE, "borderStyle": BORDER_STYLE})


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> English name, from the basemap's labels."""
    return {f["properties"]["iso3"]: f["properties"]["name"]
            for f in _read_basemap("country_labels")["features"] if f["properties"].get("iso3")}


def _country(code: str) -> str:
    return country_names().get(code, code)


# ----------------------------------------------------------------------------- assets

def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def _data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)")


def inline_css(css: str, base: Path) -> str:
    """CSS with every url() made local: files next to it become data: URIs, the rest go.

    Leaflet's layer-control icon is kept (as a data: URI); a url() that is neither a local
    image nor a fragment reference is replaced by none, so nothing can point off the page.
    """
    def repl(m: re.Match) -> str:
        url = m.group(2).strip()
        if url.startswith(("data:", "#")):
            return m.group(0)
        if "//" not in url and ":" not in url:
            path = (base / url).resolve()
            if path.is_file() and path.suffix.lower() == ".png" and base.resolve() in path.parents:
                return f'url("{_data_uri(path, "image/png")}")'
        return "none"

    css = _CSS_URL.sub(repl, css)
    return re.sub(r"@import[^;]*;", "", css)


# The link to leafletjs.com in Leaflet's default attribution prefix, neutralised: an
# exported map must not contain any link off the page.
_LEAFLET_LINK = re.compile(r"""<a href=(\\?["'])https?://leafletjs\.com\1[^>]*>""")


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """(Leaflet JS, CSS) ready to inline."""
    base = _leaflet_dir()
    js = base.joinpath("leaflet.js").read_text(encoding="utf-8")
    js = _LEAFLET_LINK.sub("<a>", js)
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    css = inline_css(base.joinpath("leaflet.css").read_text(encoding="utf-8"), base)
    return js, css


def _script(js: str) -> str:
    if re.search(r"</script", js, re.I):
        raise ValueError("inline script contains </script")
    return f"<script>\n{js}\n</script>"


def _style(css: str) -> str:
    if re.search(r"</style", css, re.I):
        raise ValueError("inline style contains </style")
    return f"<style>\n{css}\n</style>"


# ----------------------------------------------------------------------------- folium elements

class Raw(Element):
    """Markup put in the page as it is (never parsed as a Jinja template)."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _RawOutput:
    """Mixin for our elements: they add their script/HTML to the page as Raw text.

    branca re-parses the output of every template macro as a Jinja template when the page
    is assembled, so a macro must never carry data ("{{ ... }}" in a name would run as
    template code). Our elements therefore skip macros and hand over finished text.
    """

    def script_text(self) -> str:
        return ""

    def html_text(self) -> str:
        return ""

    def _add_raw(self) -> None:
        figure = self.get_root()
        html = self.html_text()
        if html:
            figure.html.add_child(Raw(html), name=self.get_name())
        script = self.script_text()
        if script:
            figure.script.add_child(Raw(script), name=self.get_name())


class AtlasSetup(_RawOutput, MacroElement):
    """Creates the page runtime for the map (must be the map's first child)."""

    def __init__(self):
        super().__init__()
        self._name = "AtlasSetup"

    def script_text(self) -> str:
        m = self._parent.get_name()
        return f"{m}.setMinZoom(2).setMaxZoom(11);\nvar atlas = window.atlas = new AtlasExport({m});"

    def render(self, **kwargs):
        self._add_raw()


class AtlasLayer(_RawOutput, folium.map.Layer):
    """One layer of the page (method "basemap" or "layer" of the runtime) with its JSON."""

    def __init__(self, name: str, method: str, payload: str):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "AtlasLayer"
        self.method = method
        self.payload = payload

    def script_text(self) -> str:
        return f"var {self.get_name()} = atlas.{self.method}({self.payload});\n"

    def render(self, **kwargs):
        self._add_raw()           # the layer first, then folium's "addTo(map)"
        super().render(**kwargs)


class AtlasLayerControl(_RawOutput, folium.LayerControl):
    """folium's layer control, with the layer names passed as script-safe JSON."""

    def script_text(self) -> str:
        names = [(item.layer_name, item.get_name()) for item in self._parent._children.values()
                 if isinstance(item, folium.map.Layer) and item.control and item.overlay]
        # top layer first, as in a GIS layer panel; added one by one so equal names both stay
        adds = "".join(f"\n    .addOverlay({var}, {script_json(label)})" for label, var in reversed(names))
        return (f"var {self.get_name()} = L.control.layers(null, null, {script_json(self.options)}){adds}"
                f"\n    .addTo({self._parent.get_name()});")

    def render(self, **kwargs):
        self._add_raw()


class AtlasFurniture(_RawOutput, MacroElement):
    """Title, legend and notes (static escaped HTML), placed as controls; scale; zoom."""

    def __init__(self, boxes: str):
        super().__init__()
        self._name = "AtlasFurniture"
        self.boxes = boxes

    def html_text(self) -> str:
        return self.boxes

    def script_text(self) -> str:
        m = self._parent.get_name()
        return "\n".join([
            'atlas.box("atlas-title", "topleft");',
            f'L.control.zoom({{position: "topleft"}}).addTo({m});',
            'atlas.box("atlas-legend", "topright");',
            'atlas.box("atlas-foot", "bottomleft");',
            f'L.control.scale({{position: "bottomleft", imperial: false, maxWidth: 160}}).addTo({m});',
            'L.control.attribution({position: "bottomright", prefix: false})',
            f'    .addAttribution("Leaflet · Basemap: Natural Earth").addTo({m});',
        ])

    def render(self, **kwargs):
        self._add_raw()


class AtlasFinish(_RawOutput, MacroElement):
    """Fits the view to the bounds (padding in pixels) and marks the page ready."""

    def __init__(self, bounds: list, padding: int = 0):
        super().__init__()
        self._name = "AtlasFinish"
        self.bounds = bounds
        self.padding = padding

    def script_text(self) -> str:
        return f"atlas.finish({script_json(self.bounds)}, {int(self.padding)});"

    def render(self, **kwargs):
        self._add_raw()


# ----------------------------------------------------------------------------- content

def _css_id(layer_id: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_-]", "_", layer_id)


def _popup(ds: Dataset, layer_id: str, feature_id: str, fallback_name: str) -> str:
    try:
        facts = describe(ds, layer_id, feature_id)
    except (KeyError, TypeError, ValueError):
        facts = None
    html = html_popups.facts_html(facts, _country)
    return html or f"<h3>{_e(fallback_name)}</h3>"


class Popups:
    """Popup contents of the whole page, each once, kept as HTML <template> elements.

    As plain HTML in the body they cost their own size (inside script JSON every "<"
    would take six characters), and a <template> is inert until a popup opens.
    """

    def __init__(self):
        self.index: dict[str, int] = {}

    def add(self, html: str) -> int:
        return self.index.setdefault(html, len(self.index))

    def html(self) -> str:
        for html in self.index:
            if re.search(r"</template", html, re.I):
                raise ValueError("popup markup contains </template")
        return "".join(f'<template id="atlas-p{n}">{html}</template>' for html, n in self.index.items())


def layer_payload(ds: Dataset, layer, order: int, popups: Popups | None = None) -> dict:
    """What the page needs to draw one layer: encoded geometry, styles, symbols, texts.

    Feature popups go to ``popups`` (the payload keeps their numbers).
    """
    popups = popups if popups is not None else Popups()
    styles: list[dict] = []
    style_index: dict[str, int] = {}
    symbols: list[dict] = []
    symbol_index: dict[str, int] = {}
    features = []
    for f in layer.features:
        p = f.get("properties") or {}
        geom = f.get("geometry") or {}
        if not _finite_geometry(geom):
            continue  # nothing to draw (the schema check reports such records)
        name = p.get("name", p.get("id", ""))
        item = {"t": _e(name), "p": popups.add(_popup(ds, layer.id, str(p.get("id", "")), name))}
        if geom.get("type") == "Point":
            lon, lat = geom["coordinates"][:2]
            sym = clean_symbol(p.get("_sym"))
            key = json.dumps(sym, sort_keys=True)
            if key not in symbol_index:
                symbol_index[key] = len(symbols)
                symbols.append({"svg": symbol_svg(sym), "size": sym["size"]})
            item.update({"ll": [round(lat, 5), round(lon, 5)], "y": symbol_index[key]})
            if layer.kind == "points":
                item.update({"label": True, "rank": int(_number(p.get("_rank"), 3, 1, 3))})
        else:
            parts = [encode_line(part, DATA_Q) for part in _line_parts(geom)]
            if not parts:
                continue
            style = clean_line_style(p.get("_style"))
            key = json.dumps(style, sort_keys=True)
            if key not in style_index:
                style_index[key] = len(styles)
                styles.append(style)
            item.update({"lines": parts, "s": style_index[key]})
        features.append(item)
    return {"id": layer.id, "id_css": _css_id(layer.id), "kind": layer.kind, "order": order, "q": DATA_Q,
            "styles": styles, "symbols": symbols, "features": features}


def data_bounds(layer_list: LayerList) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the visible data, or None when there is none."""
    lons, lats = [], []
    for layer in layer_list:
        if not layer.visible or layer.kind == "basemap":
            continue
        for f in layer.features:
            geom = f.get("geometry") or {}
            if not _finite_geometry(geom):
                continue
            if geom.get("type") == "Point":
                pts = [geom["coordinates"]]
            else:
                pts = [c for part in _line_parts(geom) for c in part]
            for c in pts:
                lons.append(c[0])
                lats.append(c[1])
    if not lons:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def has_indicative_lines(layer_list: LayerList) -> bool:
    return any(layer.visible and layer.kind == "lines"
               and (f.get("properties") or {}).get("status") in ("planned", "proposed")
               for layer in layer_list for f in layer.features)


def _default_as_of(ds: Dataset) -> str:
    try:
        from .composition import data_as_of
    except ImportError:
        dates = [str(f["properties"].get("status_date") or "") for f in ds.segments.values()]
        return max((d for d in dates if d[:1].isdigit()), default="")
    return data_as_of(ds)


def _default_sources(ds: Dataset, layer_list: LayerList) -> str:
    try:
        from .composition import sources_line
    except ImportError:
        return "Basemap: Natural Earth."
    return sources_line(ds, layer_list)


def legend_html(layer_list: LayerList) -> str:
    rows, group = [], None
    for item in layer_list.legend():
        if item.get("group") != group:
            group = item.get("group")
            rows.append(f'<div class="grp">{_e(group)}</div>')
        if "symbol" in item:
            swatch = symbol_svg(item["symbol"])
        else:
            swatch = line_swatch_svg(item.get("line") or {})
        rows.append(f'<div class="row"><span class="sw">{swatch}</span><span>{_e(item.get("label"))}</span></div>')
    return ('<div id="atlas-legend" class="atlas-box atlas-legend" style="display:none">'
            f'<details open><summary>Legend</summary>{"".join(rows)}</details></div>')


def furniture_html(title: str, subtitle: str | None, legend: str, foot_lines: list[str]) -> str:
    sub = f"<h2>{_e(subtitle)}</h2>" if subtitle else ""
    foot = "".join(foot_lines)
    return (f'<div id="atlas-title" class="atlas-box atlas-title" style="display:none"><h1>{_e(title)}</h1>{sub}</div>'
            f"{legend}"
            f'<div id="atlas-foot" class="atlas-box atlas-foot" style="display:none">{foot}</div>')


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_line(as_of, today: dt.date) -> str:
    """"Map of <today> · status as of <as_of>" for a date; any other text (such as the
    date line of layers.composition.compose) is shown as it is."""
    if isinstance(as_of, (dt.date, dt.datetime)):
        as_of = as_of.isoformat()[:10]
    as_of = str(as_of or "").strip()
    if as_of and not _DATE.match(as_of):
        return as_of
    return f"Map of {today.isoformat()}" + (f" · status as of {as_of}" if as_of else "")


def _valid_bounds(bounds) -> list[list[float]] | None:
    try:
        (s, w), (n, e) = bounds
        vals = [float(s), float(w), float(n), float(e)]
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in vals) or not (-90 <= vals[0] <= vals[2] <= 90):
        return None
    return [[vals[0], vals[1]], [vals[2], vals[3]]]


# ----------------------------------------------------------------------------- the export

def build_map(dataset: Dataset, layer_list: LayerList, title: str, subtitle: str | None = None,
              view_bounds=None, as_of: str | None = None, sources_line: str | None = None,
              today: dt.date | None = None) -> folium.Map:
    """The folium Map of the export (render with ``.get_root().render()``)."""
    bounds = _valid_bounds(view_bounds) if view_bounds is not None else None
    padding = 0 if bounds else 12  # the user's own view as it is; the data with a margin
    bounds = bounds or data_bounds(layer_list) or DEFAULT_BOUNDS
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    m = folium.Map(location=centre, zoom_start=5, tiles=None, zoom_control=False, control_scale=False,
                   zoom_snap=0.25, attribution_control=False)
    # folium's default links point at CDNs (Leaflet, jQuery, Bootstrap, Font Awesome...): none of
    # them may be loaded. The instance lists shadow the class ones, which stay untouched.
    m.default_js = []
    m.default_css = []

    figure = m.get_root()
    title = title or "Corridor Atlas"
    figure.title = None  # the <title> goes after the charset declaration, below
    leaflet_js, leaflet_css = leaflet_assets()
    own_js = (_EXPORT_ASSETS / "html_export.js").read_text(encoding="utf-8")
    own_css = (_EXPORT_ASSETS / "html_export.css").read_text(encoding="utf-8")
    figure.header.add_child(Raw(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'), name="atlas_csp")
    figure.header.add_child(Raw(f"<title>{_e(title)}</title>"), name="atlas_title")
    figure.header.add_child(Raw('<meta name="generator" content="Corridor Atlas">'), name="atlas_generator")
    figure.header.add_child(Raw(_style(leaflet_css)), name="atlas_leaflet_css")
    figure.header.add_child(Raw(_style(own_css)), name="atlas_css")
    figure.header.add_child(Raw(_script(leaflet_js)), name="atlas_leaflet_js")
    figure.header.add_child(Raw(_script(own_js)), name="atlas_js")

    AtlasSetup().add_to(m)
    popups = Popups()
    visible = [layer for layer in layer_list if layer.visible]
    for order, layer in enumerate(visible):
        if layer.kind == "basemap":
            AtlasLayer(_e(layer.title), "basemap", basemap_payload()).add_to(m)
        else:
            AtlasLayer(_e(layer.title), "layer", script_json(layer_payload(dataset, layer, order, popups))).add_to(m)

    as_of = _default_as_of(dataset) if as_of is None else as_of
    sources_line = _default_sources(dataset, layer_list) if sources_line is None else sources_line
    date_line = _date_line(as_of, today or dt.date.today())
    foot = [f"<div>{_e(date_line)}</div>"]
    if has_indicative_lines(layer_list):
        foot.append(f'<div class="note">{_e(INDICATIVE_NOTE)}</div>')
    if sources_line:
        foot.append(f'<div class="src">{_e(sources_line)}</div>')
    AtlasLayerControl(position="topright", collapsed=True).add_to(m)  # above the legend
    AtlasFurniture(furniture_html(title, subtitle, legend_html(layer_list), foot) + popups.html()).add_to(m)
    AtlasFinish(bounds, padding).add_to(m)
    return m


def render_html(dataset: Dataset, layer_list: LayerList, title: str, **kwargs) -> str:
    html = build_map(dataset, layer_list, title, **kwargs).get_root().render()
    return html.replace("<html>", '<html lang="en">', 1)


def export_html(dataset: Dataset, layer_list: LayerList, out_path, title: str, subtitle: str | None = None,
                view_bounds=None, as_of: str | None = None, sources_line: str | None = None) -> Path:
    """Write the interactive map to ``out_path`` (atomically: a failed export leaves no file).

    ``view_bounds`` is [[south, west], [north, east]] (default: the visible data); ``as_of``
    a date (YYYY, YYYY-MM, YYYY-MM-DD; default: the latest in the data) or a finished date
    line; ``sources_line`` the sources text (default: from layers.composition).
    """
    from geodata.atomic import atomic_write_text

    html = render_html(dataset, layer_list, title, subtitle=subtitle, view_bounds=view_bounds,
                       as_of=as_of, sources_line=sources_line)
    return atomic_write_text(out_path, html)
