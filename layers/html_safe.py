"""Safe pieces of the exported HTML page: escaping, script-safe JSON, checked styles,
the app's symbols as SVG, compact geometry. No Qt, no folium."""
from __future__ import annotations

import json
import math
import re
from html import escape


def esc(value) -> str:
    """Text from data, safe between tags and in a quoted attribute."""
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


def number(value, default: float, low: float = 0.0, high: float = 100.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return default
    return min(max(float(value), low), high)


def clean_line_style(style: dict | None) -> dict:
    """Only the Leaflet path options we know, with values checked."""
    style = style or {}
    out = {"color": _colour(style.get("color")), "weight": number(style.get("weight"), 3, 0, 40),
           "opacity": number(style.get("opacity"), 1, 0, 1)}
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
           "size": int(number(sym.get("size"), 10, 4, 64))}
    if sym.get("opacity") is not None:
        out["opacity"] = number(sym.get("opacity"), 1, 0, 1)
    return out


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


def encode_line(coords, q: int) -> list[int]:
    """[[lon, lat], ...] as flat integers: the first point absolute, then differences."""
    out: list[int] = []
    px = py = 0
    for c in coords:
        x, y = round(c[0] * q), round(c[1] * q)
        out += [x - px, y - py]
        px, py = x, y
    return out


def finite_geometry(geometry: dict) -> bool:
    """A Point or (Multi)LineString whose coordinates are all finite numbers."""
    def ok(c) -> bool:
        return (isinstance(c, (list, tuple)) and len(c) >= 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in c[:2]))

    if not isinstance(geometry, dict):
        return False
    if geometry.get("type") == "Point":
        return ok(geometry.get("coordinates"))
    try:
        parts = line_parts(geometry)
    except TypeError:
        return False
    return bool(parts) and all(isinstance(part, (list, tuple)) and part and all(ok(c) for c in part) for part in parts)


def line_parts(geometry: dict) -> list:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "LineString":
        return [coords]
    if kind == "MultiLineString":
        return [part for part in coords if part]
    return []


def script_tag(js: str) -> str:
    if re.search(r"</script", js, re.I):
        raise ValueError("inline script contains </script")
    return f"<script>\n{js}\n</script>"


def style_tag(css: str) -> str:
    if re.search(r"</style", css, re.I):
        raise ValueError("inline style contains </style")
    return f"<style>\n{css}\n</style>"
