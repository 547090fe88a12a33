"""What is on the map: the layers built from a dataset, as GeoJSON the page can draw.

Each feature carries only what drawing needs (id, name, style or symbol, label rank); the
facts behind a click are looked up in Python (geodata.describe).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from geodata.dataset import Dataset

from . import styles

RAIL_EXISTING = ("operational", "under_construction")
RAIL_FUTURE = ("planned", "proposed")


@dataclass
class Layer:
    id: str
    title: str
    group: str                 # "Basemap", "Corridors", "Network", "Places"
    visible: bool = True
    kind: str = "lines"        # lines | points | bands | basemap
    legend: list[dict] = field(default_factory=list)   # [{"label", "line"|"symbol"}]
    features: list[dict] = field(default_factory=list)

    def to_page(self) -> dict:
        return {"id": self.id, "title": self.title, "kind": self.kind, "visible": self.visible,
                "data": {"type": "FeatureCollection", "features": self.features}}


def _line_feature(f: dict, layer: str, style: dict, extra: dict | None = None) -> dict:
    p = f["properties"]
    props = {"id": p["id"], "name": p.get("name", p["id"]), "layer": layer, "_style": style}
    if extra:
        props.update(extra)
    return {"type": "Feature", "geometry": f["geometry"], "properties": props}


def _segments(ds: Dataset, layer: str, modes: tuple[str, ...], statuses: tuple[str, ...]) -> list[dict]:
    out = []
    for f in ds.segments.values():
        p = f["properties"]
        if p.get("mode") in modes and p.get("status") in statuses:
            out.append(_line_feature(f, layer, styles.segment_style(p), {"mode": p["mode"], "status": p["status"]}))
    return out


LABEL_RANK = {"seaport": 1, "border_crossing": 2, "dry_port": 2, "city": 2, "junction": 3}
CAPITALS = {"astana", "almaty", "tashkent", "kabul", "islamabad", "ashgabat", "tehran", "bishkek"}


def _nodes(ds: Dataset, layer: str, kinds: tuple[str, ...]) -> list[dict]:
    out = []
    for f in ds.nodes.values():
        p = f["properties"]
        if p.get("kind") not in kinds:
            continue
        rank = LABEL_RANK.get(p["kind"], 3)
        if p["id"] in CAPITALS or p["kind"] == "seaport" and p.get("country") == "PAK":
            rank = 1
        out.append({"type": "Feature", "geometry": f["geometry"], "properties": {
            "id": p["id"], "name": p.get("name", p["id"]), "layer": layer, "kind": p["kind"],
            "_sym": styles.node_symbol(p), "_rank": rank}})
    return out


def _rail_legend(statuses: tuple[str, ...]) -> list[dict]:
    """Colour says the gauge (shown once, solid); the dash pattern says the status (in grey)."""
    items = []
    if "operational" in statuses:
        items = [
            {"label": "1520 mm gauge (ex-USSR)", "line": styles.segment_style({"mode": "rail", "gauge_mm": 1520, "status": "operational"})},
            {"label": "1676 mm gauge (Pakistan)", "line": styles.segment_style({"mode": "rail", "gauge_mm": 1676, "status": "operational"})},
            {"label": "1435 mm gauge (Iran, China)", "line": styles.segment_style({"mode": "rail", "gauge_mm": 1435, "status": "operational"})},
        ]
    for st in statuses:
        if st != "operational":
            items.append({"label": f"Railway, {styles.STATUS_LABELS[st]}",
                          "line": styles.segment_style({"mode": "rail", "gauge_mm": None, "status": st})})
    return items


def _symbol_legend(kind: str, label: str | None = None, modes: list[str] | None = None) -> dict:
    return {"label": label or styles.NODE_KIND_LABELS[kind], "symbol": styles.node_symbol({"kind": kind, "modes": modes or []})}


def build_layers(ds: Dataset) -> list[Layer]:
    """The layers in drawing order, bottom first."""
    layers = [Layer("basemap", "Basemap (countries, borders, sea)", "Basemap", kind="basemap",
                    legend=[{"label": "International border", "line": {"color": "#8a7f8e", "weight": 1.2, "opacity": 1}}])]
    for i, c in enumerate(ds.corridors.values()):
        coords = []
        for sid in c.get("segments", []):
            seg = ds.segments.get(sid)
            if seg is not None:
                coords.append(seg["geometry"]["coordinates"])
        style = styles.corridor_style(i)
        feature = {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": coords},
                   "properties": {"id": c["id"], "name": c["name"], "layer": f"corridor:{c['id']}", "_style": style}}
        # Pakistan-only hinterland links overlap the main corridors: listed, but off at first.
        main = c.get("countries") != ["PAK"]
        layers.append(Layer(f"corridor:{c['id']}", c["name"], "Corridors", visible=main, kind="bands",
                            legend=[{"label": c["name"], "line": style}], features=[feature]))
    layers += [
        Layer("sea", "Sea and ferry legs", "Network", legend=[
            {"label": "Sea route", "line": styles.segment_style({"mode": "sea", "status": "operational"})},
            {"label": "Ferry", "line": styles.segment_style({"mode": "ferry", "status": "operational"})}],
            features=_segments(ds, "sea", ("sea", "ferry"), tuple(styles.STATUS_DASH))),
        Layer("roads", "Roads", "Network", legend=[
            {"label": "Road", "line": styles.segment_style({"mode": "road", "status": "operational"})},
            {"label": "Road, planned", "line": styles.segment_style({"mode": "road", "status": "planned"})}],
            features=_segments(ds, "roads", ("road",), tuple(styles.STATUS_DASH))),
        Layer("railways_planned", "Railways: planned and proposed", "Network",
              legend=_rail_legend(RAIL_FUTURE), features=_segments(ds, "railways_planned", ("rail",), RAIL_FUTURE)),
        Layer("railways", "Railways: operational and under construction", "Network",
              legend=_rail_legend(RAIL_EXISTING), features=_segments(ds, "railways", ("rail",), RAIL_EXISTING)),
        Layer("cities", "Cities and junctions", "Places", kind="points",
              legend=[_symbol_legend("city"), _symbol_legend("junction")],
              features=_nodes(ds, "cities", ("city", "junction"))),
        Layer("dry_ports", "Dry ports", "Places", kind="points", legend=[_symbol_legend("dry_port")],
              features=_nodes(ds, "dry_ports", ("dry_port",))),
        Layer("border_crossings", "Border crossings", "Places", kind="points", legend=[
            _symbol_legend("border_crossing", "Border crossing, rail and road", ["rail", "road"]),
            _symbol_legend("border_crossing", "Border crossing, rail only", ["rail"]),
            _symbol_legend("border_crossing", "Border crossing, road only", ["road"])],
            features=_nodes(ds, "border_crossings", ("border_crossing",))),
        Layer("seaports", "Seaports", "Places", kind="points", legend=[_symbol_legend("seaport")],
              features=_nodes(ds, "seaports", ("seaport",))),
    ]
    return layers
