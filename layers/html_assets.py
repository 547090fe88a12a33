"""What the exported HTML page carries besides the data: Leaflet (inlined from
xstatic-leaflet, nothing remote left in it), our runtime and styles, and the Natural Earth
basemap merged, simplified and encoded compactly. Cached: built once per process."""
from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from pathlib import Path

import resources

from geodata.translations import name_in

from .html_safe import encode_line, esc, script_json

LAND_COLOUR = "#f4f1ea"   # as the app's basemap; the sea (#c9dfec) is the page background
BORDER_STYLE = {"color": "#8a7f8e", "weight": 1.2, "opacity": 1}
# The land's outline, as the app draws it around the country fills.
LAND_STYLE = {"stroke": True, "color": "#b9ad9c", "weight": 0.6, "opacity": 0.9,
              "fill": True, "fillColor": LAND_COLOUR, "fillOpacity": 1}

BASEMAP_Q = 1000          # basemap coordinates to 0.001° (about 100 m)
BASEMAP_TOLERANCE = 0.005  # simplification, degrees (the 1:10m source is at 0.004°)
BASEMAP_MIN_AREA = 0.0005  # islands smaller than this (deg², ~5 km²) are left out

EXPORT_ASSETS = resources.ROOT / "export"


def _read_basemap(name: str) -> dict:
    return json.loads((resources.BASEMAP / f"{name}.geojson").read_text(encoding="utf-8"))


def label_html(record: dict, lang: str = "en", second: str | None = None) -> str:
    """Escaped HTML of a label: the name in lang (English where there is none), and in a
    bilingual map the name in `second` beneath; each line carries its lang and dir (Urdu: rtl)."""
    from geodata.i18n import direction
    from geodata.translations import name_in

    if lang == "en" and not second:
        return esc(name_in(record, "en"))
    return "".join(f'<span class="ln" lang="{code}" dir="{direction(code)}">{esc(name_in(record, code))}</span>'
                   for code in [lang] + ([second] if second else []))


@lru_cache(maxsize=8)
def basemap_payload(lang: str = "en", second: str | None = None) -> str:
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
            labels.append({"lon": lon, "lat": lat, "rank": rank, "cls": cls, "html": label_html(f["properties"], lang, second)})
    return script_json({"q": BASEMAP_Q, "land": land_enc, "borders": borders, "labels": labels,
                        "landStyle": LAND_STYLE, "borderStyle": BORDER_STYLE})


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> English name, from the basemap's labels."""
    return {f["properties"]["iso3"]: f["properties"]["name"]
            for f in _read_basemap("country_labels")["features"] if f["properties"].get("iso3")}


def country(code: str) -> str:
    return country_names().get(code, code)


@lru_cache(maxsize=8)
def country_names_in(lang: str) -> dict[str, str]:
    """ISO3 -> name in lang (English where the basemap has none)."""
    return {f["properties"]["iso3"]: name_in(f["properties"], lang)
            for f in _read_basemap("country_labels")["features"] if f["properties"].get("iso3")}


def country_in(code: str, lang: str = "en") -> str:
    """A country's name in lang (English where there is none; the code when unknown)."""
    return country_names_in(lang).get(code) or code


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


FONTS = resources.ROOT / "fonts"
# (family, weight range, file): the shipped fonts (resources/fonts/README.md).
LATIN_FONTS = [("Noto Sans", "100 500", "NotoSans-Regular.ttf"), ("Noto Sans", "600 900", "NotoSans-Bold.ttf"),
               ("Noto Sans Symbols", "100 900", "NotoSansSymbols-Regular.ttf")]
# One weight of Nastaliq is enough for map labels (Urdu labels are drawn at normal weight).
URDU_FONTS = [("Noto Nastaliq Urdu", "100 900", "NotoNastaliqUrdu-Regular.ttf")]
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _font_faces(fonts) -> str:
    return "\n".join(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
                     f'src: url("{_data_uri(FONTS / name, "font/ttf")}") format("truetype"); }}'
                     for family, weight, name in fonts)


@lru_cache(maxsize=1)
def font_css() -> str:
    """@font-face rules of Noto Sans (and Symbols) inlined as data: URIs: no installed font needed."""
    return _font_faces(LATIN_FONTS)


@lru_cache(maxsize=1)
def urdu_font_css() -> str:
    """@font-face of Noto Nastaliq Urdu, inlined (added to an export only when it has Urdu text)."""
    return _font_faces(URDU_FONTS)


def needs_urdu_font(text: str) -> bool:
    return bool(ARABIC_SCRIPT.search(text))


@lru_cache(maxsize=1)
def own_assets() -> tuple[str, str]:
    """(JS, CSS) of the page runtime (resources/export/)."""
    return ((EXPORT_ASSETS / "html_export.js").read_text(encoding="utf-8"),
            (EXPORT_ASSETS / "html_export.css").read_text(encoding="utf-8"))
