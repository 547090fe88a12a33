"""What is on the map: the layers built from a dataset, as GeoJSON the page can draw.

Each feature carries only what drawing needs (id, name, style or symbol, label rank); the
facts behind a click are looked up in Python (geodata.describe).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from geodata.dataset import Dataset
from geodata.i18n import N_, translate
from geodata.translations import name_in

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
    legend: list[dict] = field(default_factory=list)   # [{"label", "line"|"symbol", optional "names"}]
    features: list[dict] = field(default_factory=list)
    names: dict | None = None  # the title in other languages, for a layer named from data (a corridor)

    def to_page(self) -> dict:
        return {"id": self.id, "title": self.title, "kind": self.kind, "visible": self.visible,
                "data": {"type": "FeatureCollection", "features": self.features}}


def _line_feature(f: dict, layer: str, style: dict, extra: dict | None = None) -> dict:
    p = f["properties"]
    props = {"id": p["id"], "name": p.get("name", p["id"]), "layer": layer, "_style": style}
    if p.get("names"):
        props["names"] = p["names"]
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


RAIL_STATUS_LEGEND = {"operational": N_("Railway, operational"), "under_construction": N_("Railway, under construction"),
                      "planned": N_("Railway, planned"), "proposed": N_("Railway, proposed")}

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
            "_sym": styles.node_symbol(p), "_rank": rank, **({"names": p["names"]} if p.get("names") else {})}})
    return out


def _rail_legend(statuses: tuple[str, ...]) -> list[dict]:
    """Colour says the gauge (shown once, solid); the dash pattern says the status (in grey)."""
    items = []
    if "operational" in statuses:
        items = [
            {"label": N_("1520 mm gauge (ex-USSR)"), "line": styles.segment_style({"mode": "rail", "gauge_mm": 1520, "status": "operational"})},
            {"label": N_("1676 mm gauge (Pakistan)"), "line": styles.segment_style({"mode": "rail", "gauge_mm": 1676, "status": "operational"})},
            {"label": N_("1435 mm gauge (Iran, China)"), "line": styles.segment_style({"mode": "rail", "gauge_mm": 1435, "status": "operational"})},
        ]
    for st in statuses:
        if st != "operational":
            items.append({"label": RAIL_STATUS_LEGEND[st],
                          "line": styles.segment_style({"mode": "rail", "gauge_mm": None, "status": st})})
    return items


def _symbol_legend(kind: str, label: str | None = None, modes: list[str] | None = None) -> dict:
    return {"label": label or styles.NODE_KIND_LABELS[kind], "symbol": styles.node_symbol({"kind": kind, "modes": modes or []})}


def build_layers(ds: Dataset) -> list[Layer]:
    """The layers in drawing order, bottom first."""
    layers = [Layer("basemap", N_("Basemap (countries, borders, sea)"), N_("Basemap"), kind="basemap",
                    legend=[{"label": N_("International border"), "line": {"color": "#8a7f8e", "weight": 1.2, "opacity": 1}}])]
    for i, c in enumerate(ds.corridors.values()):
        coords = []
        for sid in c.get("segments", []):
            seg = ds.segments.get(sid)
            if seg is not None:
                coords.append(seg["geometry"]["coordinates"])
        style = styles.corridor_style(i)
        feature = {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": coords},
                   "properties": {"id": c["id"], "name": c["name"], "layer": f"corridor:{c['id']}", "_style": style,
                                  **({"names": c["names"]} if c.get("names") else {})}}
        # Pakistan-only hinterland links overlap the main corridors: listed, but off at first.
        main = c.get("countries") != ["PAK"]
        names = c.get("names") or None
        layers.append(Layer(f"corridor:{c['id']}", c["name"], N_("Corridors"), visible=main, kind="bands",
                            legend=[{"label": c["name"], "line": style, **({"names": names} if names else {})}],
                            features=[feature], names=names))
    layers += [
        Layer("sea", N_("Sea and ferry legs"), N_("Network"), legend=[
            {"label": N_("Sea route"), "line": styles.segment_style({"mode": "sea", "status": "operational"})},
            {"label": N_("Ferry"), "line": styles.segment_style({"mode": "ferry", "status": "operational"})}],
            features=_segments(ds, "sea", ("sea", "ferry"), tuple(styles.STATUS_DASH))),
        Layer("roads", N_("Roads"), N_("Network"), legend=[
            {"label": N_("Road"), "line": styles.segment_style({"mode": "road", "status": "operational"})},
            {"label": N_("Road, planned"), "line": styles.segment_style({"mode": "road", "status": "planned"})}],
            features=_segments(ds, "roads", ("road",), tuple(styles.STATUS_DASH))),
        Layer("railways_planned", N_("Railways: planned and proposed"), N_("Network"),
              legend=_rail_legend(RAIL_FUTURE), features=_segments(ds, "railways_planned", ("rail",), RAIL_FUTURE)),
        Layer("railways", N_("Railways: operational and under construction"), N_("Network"),
              legend=_rail_legend(RAIL_EXISTING), features=_segments(ds, "railways", ("rail",), RAIL_EXISTING)),
        Layer("cities", N_("Cities and junctions"), N_("Places"), kind="points",
              legend=[_symbol_legend("city"), _symbol_legend("junction")],
              features=_nodes(ds, "cities", ("city", "junction"))),
        Layer("dry_ports", N_("Dry ports"), N_("Places"), kind="points", legend=[_symbol_legend("dry_port")],
              features=_nodes(ds, "dry_ports", ("dry_port",))),
        Layer("border_crossings", N_("Border crossings"), N_("Places"), kind="points", legend=[
            _symbol_legend("border_crossing", N_("Border crossing, rail and road"), ["rail", "road"]),
            _symbol_legend("border_crossing", N_("Border crossing, rail only"), ["rail"]),
            _symbol_legend("border_crossing", N_("Border crossing, road only"), ["road"])],
            features=_nodes(ds, "border_crossings", ("border_crossing",))),
        Layer("seaports", N_("Seaports"), N_("Places"), kind="points", legend=[_symbol_legend("seaport")],
              features=_nodes(ds, "seaports", ("seaport",))),
    ]
    return layers


# ----- the texts of a layer in a language (layer titles and legend labels are English messages
# of the catalogue, or names from the data for a corridor) -------------------------------------
def layer_title(layer: Layer, lang: str | None = None) -> str:
    if layer.names:
        return name_in({"name": layer.title, "names": layer.names}, lang or _current())
    return translate(layer.title, lang)


def group_title(group: str, lang: str | None = None) -> str:
    return translate(group, lang)


def legend_label(item: dict, lang: str | None = None) -> str:
    if item.get("names"):
        return name_in({"name": item["label"], "names": item["names"]}, lang or _current())
    return translate(item["label"], lang)


def _current() -> str:
    from geodata.i18n import language

    return language()
