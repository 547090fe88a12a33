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

import datetime as dt
import json
import math
import re
from pathlib import Path

import folium
from branca.element import Element, MacroElement

from geodata.dataset import Dataset
from geodata.describe import describe

from . import html_popups
from geodata.i18n import N_, direction, normalize, translate
from geodata.translations import localize_facts

from .catalog import group_title, layer_title, legend_label
from .html_assets import (basemap_payload, country_in, font_css, label_html, leaflet_assets, needs_urdu_font,
                          own_assets, urdu_font_css)
from .html_safe import (
    clean_line_style, clean_symbol, encode_line, esc, finite_geometry, line_parts, line_swatch_svg, number,
    script_json, script_tag, style_tag, symbol_svg,
)
from .layer_list import LayerList

DEFAULT_BOUNDS = [[22.0, 45.0], [52.0, 85.0]]  # [[south, west], [north, east]]
INDICATIVE_NOTE = N_("Planned and proposed lines are indicative.")
ATTRIBUTION = N_("Basemap: Natural Earth")
DATA_Q = 100000           # data coordinates to 0.00001° (about 1 m)

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")


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

    def __init__(self, boxes: str, lang: str = "en"):
        super().__init__()
        self._name = "AtlasFurniture"
        self.boxes = boxes
        self.lang = lang

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
            f'    .addAttribution({script_json("Leaflet · " + translate(ATTRIBUTION, self.lang))}).addTo({m});',
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


def _popup(ds: Dataset, layer_id: str, feature_id: str, fallback_name: str, lang: str = "en") -> str:
    try:
        facts = localize_facts(ds, describe(ds, layer_id, feature_id), lang)
    except (KeyError, TypeError, ValueError):
        facts = None
    html = html_popups.facts_html(facts, lambda code: country_in(code, lang), lang)
    return html or f"<h3>{esc(fallback_name)}</h3>"


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


def layer_payload(ds: Dataset, layer, order: int, popups: Popups | None = None, lang: str = "en",
                  second: str | None = None) -> dict:
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
        if not finite_geometry(geom):
            continue  # nothing to draw (the schema check reports such records)
        name = p.get("name", p.get("id", ""))
        item = {"t": label_html({"name": name, "names": p.get("names")}, lang, second),
                "p": popups.add(_popup(ds, layer.id, str(p.get("id", "")), name, lang))}
        if geom.get("type") == "Point":
            lon, lat = geom["coordinates"][:2]
            sym = clean_symbol(p.get("_sym"))
            key = json.dumps(sym, sort_keys=True)
            if key not in symbol_index:
                symbol_index[key] = len(symbols)
                symbols.append({"svg": symbol_svg(sym), "size": sym["size"]})
            item.update({"ll": [round(lat, 5), round(lon, 5)], "y": symbol_index[key]})
            if layer.kind == "points":
                item.update({"label": True, "rank": int(number(p.get("_rank"), 3, 1, 3))})
        else:
            parts = [encode_line(part, DATA_Q) for part in line_parts(geom)]
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
            if not finite_geometry(geom):
                continue
            if geom.get("type") == "Point":
                pts = [geom["coordinates"]]
            else:
                pts = [c for part in line_parts(geom) for c in part]
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


def _default_sources(ds: Dataset, layer_list: LayerList, lang: str = "en") -> str:
    from .composition import sources_line

    return sources_line(ds, layer_list, lang)


def legend_html(layer_list: LayerList, lang: str = "en", second: str | None = None) -> str:
    rows, group = [], None
    for item in layer_list.legend():
        if item.get("group") != group:
            group = item.get("group")
            rows.append(f'<div class="grp">{esc(group_title(group, lang))}</div>')
        if "symbol" in item:
            swatch = symbol_svg(item["symbol"])
        else:
            swatch = line_swatch_svg(item.get("line") or {})
        label = esc(legend_label(item, lang))
        if second:
            label += f'<br><small lang="{second}" dir="{direction(second)}">{esc(legend_label(item, second))}</small>'
        rows.append(f'<div class="row"><span class="sw">{swatch}</span><span>{label}</span></div>')
    return ('<div id="atlas-legend" class="atlas-box atlas-legend" style="display:none">'
            f'<details open><summary>{esc(translate(N_("Legend"), lang))}</summary>{"".join(rows)}</details></div>')


def furniture_html(title: str, subtitle: str | None, legend: str, foot_lines: list[str]) -> str:
    sub = f"<h2>{esc(subtitle)}</h2>" if subtitle else ""
    foot = "".join(foot_lines)
    return (f'<div id="atlas-title" class="atlas-box atlas-title" style="display:none"><h1>{esc(title)}</h1>{sub}</div>'
            f"{legend}"
            f'<div id="atlas-foot" class="atlas-box atlas-foot" style="display:none">{foot}</div>')


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_line(as_of, today: dt.date, lang: str = "en") -> str:
    """"Map of <today> · status as of <as_of>" for a date; any other text (such as the
    date line of layers.composition.compose) is shown as it is."""
    if isinstance(as_of, (dt.date, dt.datetime)):
        as_of = as_of.isoformat()[:10]
    as_of = str(as_of or "").strip()
    if as_of and not _DATE.match(as_of):
        return as_of
    from .composition import date_line

    return date_line(today, as_of, lang)


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
              today: dt.date | None = None, lang: str = "en", second: str | None = None) -> folium.Map:
    """The folium Map of the export (render with ``.get_root().render()``): labels, legend and
    captions in lang, with a second language beneath in a bilingual map."""
    lang = normalize(lang)
    second = normalize(second) if second and normalize(second) != lang else None
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
    own_js, own_css = own_assets()
    figure.header.add_child(Raw(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'), name="atlas_csp")
    figure.header.add_child(Raw(f"<title>{esc(title)}</title>"), name="atlas_title")
    figure.header.add_child(Raw('<meta name="generator" content="Corridor Atlas">'), name="atlas_generator")
    figure.header.add_child(Raw(style_tag(font_css()) + FONT_MARK), name="atlas_fonts")
    figure.header.add_child(Raw(style_tag(leaflet_css)), name="atlas_leaflet_css")
    figure.header.add_child(Raw(style_tag(own_css)), name="atlas_css")
    figure.header.add_child(Raw(script_tag(leaflet_js)), name="atlas_leaflet_js")
    figure.header.add_child(Raw(script_tag(own_js)), name="atlas_js")

    AtlasSetup().add_to(m)
    popups = Popups()
    visible = [layer for layer in layer_list if layer.visible]
    for order, layer in enumerate(visible):
        if layer.kind == "basemap":
            AtlasLayer(esc(layer_title(layer, lang)), "basemap", basemap_payload(lang, second)).add_to(m)
        else:
            AtlasLayer(esc(layer_title(layer, lang)), "layer",
                       script_json(layer_payload(dataset, layer, order, popups, lang, second))).add_to(m)

    as_of = _default_as_of(dataset) if as_of is None else as_of
    sources_line = _default_sources(dataset, layer_list, lang) if sources_line is None else sources_line
    date_line = _date_line(as_of, today or dt.date.today(), lang)
    foot = [f"<div>{esc(date_line)}</div>"]
    if has_indicative_lines(layer_list):
        foot.append(f'<div class="note">{esc(translate(INDICATIVE_NOTE, lang))}</div>')
    if sources_line:
        foot.append(f'<div class="src">{esc(sources_line)}</div>')
    AtlasLayerControl(position="topright", collapsed=True).add_to(m)  # above the legend
    AtlasFurniture(furniture_html(title, subtitle, legend_html(layer_list, lang, second), foot) + popups.html(),
                   lang).add_to(m)
    AtlasFinish(bounds, padding).add_to(m)
    return m


FONT_MARK = "<!-- atlas: more fonts -->"


def render_html(dataset: Dataset, layer_list: LayerList, title: str, **kwargs) -> str:
    lang = normalize(kwargs.get("lang"))
    html = build_map(dataset, layer_list, title, **kwargs).get_root().render()
    # Noto Nastaliq Urdu is embedded only when the page has Urdu (or other Arabic-script) text.
    extra = style_tag(urdu_font_css()) if needs_urdu_font(html) else ""
    html = html.replace(FONT_MARK, extra, 1)
    return html.replace("<html>", f'<html lang="{lang}" dir="{direction(lang)}">', 1)


def export_html(dataset: Dataset, layer_list: LayerList, out_path, title: str, subtitle: str | None = None,
                view_bounds=None, as_of: str | None = None, sources_line: str | None = None,
                lang: str = "en", second: str | None = None) -> Path:
    """Write the interactive map to ``out_path`` (atomically: a failed export leaves no file).
    Labels, legend and captions are in ``lang`` (a second language beneath with ``second``).

    ``view_bounds`` is [[south, west], [north, east]] (default: the visible data); ``as_of``
    a date (YYYY, YYYY-MM, YYYY-MM-DD; default: the latest in the data) or a finished date
    line; ``sources_line`` the sources text (default: from layers.composition).
    """
    from geodata.atomic import atomic_write_text

    html = render_html(dataset, layer_list, title, subtitle=subtitle, view_bounds=view_bounds,
                       as_of=as_of, sources_line=sources_line, lang=lang, second=second)
    return atomic_write_text(out_path, html)
