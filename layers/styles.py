"""How things look: one place for colours, dashes and symbols, shared by the map page,
the legend, the layer panel swatches and every export.

Styles are plain dicts of Leaflet path options (colour, weight, dashArray, opacity) or of
point-symbol options (shape, fill, stroke, size); the page applies them as given.
"""
from __future__ import annotations

from geodata.i18n import N_

# Rail is coloured by gauge, so every break of gauge shows as a change of colour.
GAUGE_COLOURS = {
    1520: "#b3261e",  # ex-USSR broad gauge: deep red
    1676: "#1f5fa8",  # Indian/Pakistani broad gauge: blue
    1435: "#2e7d32",  # standard gauge (Iran, China): green
}
RAIL_UNKNOWN_GAUGE = "#555555"

MODE_COLOURS = {
    "rail": "#b3261e",
    "road": "#e08a00",
    "sea": "#0b6e99",
    "ferry": "#00838f",
}

# Existing lines solid; under construction dashed; planned dotted; proposed dotted and lighter.
STATUS_DASH = {
    "operational": None,
    "under_construction": "10 6",
    "planned": "2 6",
    "proposed": "1 7",
}
STATUS_OPACITY = {"operational": 0.95, "under_construction": 0.95, "planned": 0.85, "proposed": 0.6}
# Labels are English messages marked for the catalogue (geodata.i18n): translate where shown.
STATUS_LABELS = {
    "operational": N_("operational"),
    "under_construction": N_("under construction"),
    "planned": N_("planned"),
    "proposed": N_("proposed"),
}
MODE_LABELS = {"rail": N_("Rail"), "road": N_("Road"), "sea": N_("Sea"), "ferry": N_("Ferry")}

CORRIDOR_COLOURS = ["#8e44ad", "#16a085", "#d35400", "#34495e", "#c0392b", "#7f8c00", "#2980b9", "#f39c12", "#6d214f",
                    "#1b9aaa"]

HIGHLIGHT = {"color": "#ffd400", "weight": 9, "opacity": 0.9}

# Point symbols by node kind.
NODE_SYMBOLS = {
    "seaport": {"shape": "anchor", "fill": "#0b4f6c", "stroke": "#ffffff", "size": 22},
    "dry_port": {"shape": "square", "fill": "#6d4c41", "stroke": "#ffffff", "size": 14},
    "border_crossing": {"shape": "diamond", "fill": "#ffffff", "stroke": "#c62828", "size": 15},
    "junction": {"shape": "circle", "fill": "#ffffff", "stroke": "#333333", "size": 8},
    "city": {"shape": "circle", "fill": "#333333", "stroke": "#ffffff", "size": 8},
}
NODE_KIND_LABELS = {
    "seaport": N_("Seaport"),
    "dry_port": N_("Dry port"),
    "border_crossing": N_("Border crossing"),
    "junction": N_("Rail junction / hub"),
    "city": N_("City"),
}
# A border crossing's fill says which modes cross there.
CROSSING_FILL = {"rail+road": "#c62828", "rail": "#7b1fa2", "road": "#ffffff"}


def segment_style(props: dict) -> dict:
    """Leaflet path options for a segment."""
    mode = props.get("mode")
    status = props.get("status", "operational")
    if mode == "rail":
        colour = GAUGE_COLOURS.get(props.get("gauge_mm"), RAIL_UNKNOWN_GAUGE)
        weight = 4
    else:
        colour = MODE_COLOURS.get(mode, "#555555")
        weight = 3 if mode == "road" else 2.5
    style = {"color": colour, "weight": weight, "opacity": STATUS_OPACITY.get(status, 0.9),
             "lineCap": "round", "lineJoin": "round"}
    dash = STATUS_DASH.get(status)
    if mode in ("sea", "ferry"):
        dash = dash or "8 5"  # water legs are always broken, even when operational
    if dash:
        style["dashArray"] = dash
        style["lineCap"] = "butt"
    return style


def crossing_modes_key(modes: list[str]) -> str:
    has_rail = "rail" in modes
    has_road = "road" in modes
    if has_rail and has_road:
        return "rail+road"
    return "rail" if has_rail else "road"


def node_symbol(props: dict) -> dict:
    kind = props.get("kind", "city")
    sym = dict(NODE_SYMBOLS.get(kind, NODE_SYMBOLS["city"]))
    if kind == "border_crossing":
        sym["fill"] = CROSSING_FILL[crossing_modes_key(props.get("modes") or [])]
    if props.get("status") in ("planned", "proposed"):
        sym["opacity"] = 0.6
    return sym


def corridor_style(index: int) -> dict:
    return {"color": CORRIDOR_COLOURS[index % len(CORRIDOR_COLOURS)], "weight": 18, "opacity": 0.22,
            "lineCap": "round", "lineJoin": "round"}
