"""The offline basemap in resources/basemap/ (built by tools/basemap/build_basemap.py): valid
RFC 7946 GeoJSON, valid geometries, the region's countries, borders and labels where they
belong, no antimeridian streaks, small enough to ship."""
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, box, shape

BASEMAP = Path(__file__).resolve().parents[2] / "resources" / "basemap"
GEOJSON_FILES = sorted(p.name for p in BASEMAP.glob("*.geojson"))
EXPECTED_FILES = {
    "countries_region.geojson", "borders_region.geojson", "coastlines_region.geojson",
    "countries_world.geojson", "borders_world.geojson", "coastlines_world.geojson",
    "countries_world_outside_region.geojson", "borders_world_outside_region.geojson",
    "coastlines_world_outside_region.geojson", "country_labels.geojson", "sea_labels.geojson",
}
MERCATOR_MAX_LAT = 85.0511
CUT_BOX = (25.0, 0.0, 105.0, 60.0)  # what the region layer is clipped to
DETAIL_BOX = (40.0, 15.0, 95.0, 56.0)  # what it must cover in detail
MAIN = ["KAZ", "UZB", "TKM", "KGZ", "TJK", "AFG", "PAK", "IRN", "CHN", "IND"]
GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
CYRILLIC = re.compile(r"^[\u0400-\u04FF \-]+$")
ARABIC_SCRIPT = re.compile(r"^[\u0600-\u06FF\u200c \-]+$")


@lru_cache(maxsize=None)
def load(name):
    with open(BASEMAP / name, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=None)
def countries(name):
    return {f["properties"]["iso3"]: shape(f["geometry"]) for f in load(name)["features"]}


@lru_cache(maxsize=None)
def land(name):
    return shapely.union_all(list(countries(name).values()))


def positions(coords, depth):
    """Every [lon, lat] of a coordinates array nested `depth` deep (0 = one position)."""
    if depth == 0:
        yield coords
    else:
        for c in coords:
            yield from positions(c, depth - 1)


DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def test_all_files_are_there_and_small():
    assert EXPECTED_FILES <= set(GEOJSON_FILES)
    total = sum(p.stat().st_size for p in BASEMAP.iterdir() if p.is_file())
    assert total < 4 * 1024 * 1024, f"basemap is {total} bytes"


def test_no_remote_references():
    for p in BASEMAP.iterdir():
        if p.is_file():
            text = p.read_text(encoding="utf-8")
            assert "http://" not in text and "https://" not in text, p.name


def test_manifest_matches_files():
    manifest = json.loads((BASEMAP / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"]["package"] == "world-atlas"
    for name, info in manifest["files"].items():
        assert len(load(name)["features"]) == info["features"], name


@pytest.mark.parametrize("name", GEOJSON_FILES)
def test_valid_geojson_and_geometries(name):
    fc = load(name)
    assert fc["type"] == "FeatureCollection"
    assert "crs" not in fc  # RFC 7946: WGS84 only, no crs member
    assert fc["features"], name
    for i, f in enumerate(fc["features"]):
        where = f"{name} feature {i}"
        assert f["type"] == "Feature", where
        assert isinstance(f["properties"], dict), where
        g = f["geometry"]
        assert g["type"] in GEOMETRY_TYPES, where
        for lon, lat, *rest in positions(g["coordinates"], DEPTH[g["type"]]):
            assert not rest, where
            assert math.isfinite(lon) and math.isfinite(lat), where
            assert -180 <= lon <= 180 and -90 <= lat <= 90, (where, lon, lat)
            assert round(lon, 5) == lon and round(lat, 5) == lat, (where, lon, lat)
        if g["type"] in ("Polygon", "MultiPolygon"):
            polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            for rings in polys:
                for ring in rings:
                    assert len(ring) >= 4 and ring[0] == ring[-1], where
        if g["type"] in ("LineString", "MultiLineString"):
            lines = [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]
            assert all(len(line) >= 2 for line in lines), where
        geom = shape(g)
        assert not geom.is_empty, where
        assert geom.is_valid, (where, shapely.is_valid_reason(geom))


@pytest.mark.parametrize("name", [n for n in GEOJSON_FILES if not n.endswith("labels.geojson")])
def test_no_antimeridian_streaks(name):
    """No segment jumps across the map (a ring or line wrongly joined across lon +-180). The
    only long segments allowed run along the Web Mercator limit, where the world layer is cut
    (Antarctica's edge at the bottom of the map)."""
    for f in load(name)["features"]:
        g = f["geometry"]
        depth = DEPTH[g["type"]] - 1
        for line in positions(g["coordinates"], depth):
            for (x0, y0), (x1, y1) in zip(line, line[1:]):
                if abs(x1 - x0) >= 90:
                    assert y0 == y1 and abs(y0) == MERCATOR_MAX_LAT, (name, f["properties"], x0, y0, x1, y1)


@pytest.mark.parametrize("name", ["countries_region.geojson", "countries_world.geojson",
                                  "countries_world_outside_region.geojson"])
def test_country_properties(name):
    feats = load(name)["features"]
    codes = [f["properties"]["iso3"] for f in feats]
    assert len(codes) == len(set(codes)), "one feature per country"
    for f in feats:
        p = f["properties"]
        assert re.fullmatch(r"[A-Z]{3}", p["iso3"]), p
        assert isinstance(p["name"], str) and p["name"].strip(), p
        assert isinstance(p["disputed"], bool), p
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon"), p


def test_region_countries_present_with_names():
    feats = {f["properties"]["iso3"]: f["properties"] for f in load("countries_region.geojson")["features"]}
    expected = {"KAZ": "Kazakhstan", "UZB": "Uzbekistan", "TKM": "Turkmenistan", "KGZ": "Kyrgyzstan",
                "TJK": "Tajikistan", "AFG": "Afghanistan", "PAK": "Pakistan", "IRN": "Iran",
                "CHN": "China", "IND": "India", "RUS": "Russia", "OMN": "Oman",
                "ARE": "United Arab Emirates", "AZE": "Azerbaijan", "MNG": "Mongolia"}
    for iso3, name in expected.items():
        assert feats[iso3]["name"] == name
    world = {f["properties"]["iso3"] for f in load("countries_world.geojson")["features"]}
    assert set(MAIN) <= world


def test_region_layer_is_clipped_to_its_box_and_covers_the_detail_box():
    cut = box(*CUT_BOX).buffer(1e-9)
    for iso3, g in countries("countries_region.geojson").items():
        assert cut.contains(g), iso3
    minx, miny, maxx, maxy = land("countries_region.geojson").bounds
    assert minx <= DETAIL_BOX[0] and miny <= DETAIL_BOX[1] and maxx >= DETAIL_BOX[2] and maxy >= DETAIL_BOX[3]
    # the same land as the coarse world layer in the detail box: no country or chunk missing
    detail = box(*DETAIL_BOX)
    fine = land("countries_region.geojson").intersection(detail).area
    coarse = land("countries_world.geojson").intersection(detail).area
    assert 0.97 < fine / coarse < 1.03
    # every country of the corridor has land inside the detail box
    for iso3 in MAIN + ["RUS"]:
        assert countries("countries_region.geojson")[iso3].intersection(detail).area > 0.5, iso3


def test_region_countries_do_not_overlap():
    geoms = countries("countries_region.geojson")
    tree = shapely.STRtree(list(geoms.values()))
    codes = list(geoms)
    for i, j in zip(*tree.query(list(geoms.values()), predicate="intersects")):
        if i < j:
            overlap = geoms[codes[i]].intersection(geoms[codes[j]]).area
            assert overlap < 1e-6, (codes[i], codes[j], overlap)


def test_world_layers_tile_with_the_region():
    outside = land("countries_world_outside_region.geojson")
    assert outside.intersection(box(*CUT_BOX)).area < 1e-6
    whole = land("countries_world.geojson")
    assert abs(outside.area + whole.intersection(box(*CUT_BOX)).area - whole.area) < 1e-3 * whole.area


def test_russia_and_fiji_are_split_at_the_antimeridian():
    world = countries("countries_world.geojson")
    for iso3 in ("RUS", "FJI"):
        g = world[iso3]
        assert g.geom_type == "MultiPolygon", iso3
        minx, _, maxx, _ = g.bounds
        assert minx == -180 and maxx == 180, iso3
        # no part spans the whole map
        assert all(p.bounds[2] - p.bounds[0] < 180 for p in g.geoms), iso3


@pytest.mark.parametrize("name", ["countries_region.geojson", "countries_world.geojson"])
def test_karachi_is_on_land_and_the_arabian_sea_is_not(name):
    geoms = countries(name)
    karachi = Point(67.0, 24.85)
    arabian_sea = Point(64.0, 22.0)
    if name == "countries_region.geojson":  # 1:110m is too coarse to place Karachi's coast
        assert [k for k, g in geoms.items() if g.contains(karachi)] == ["PAK"]
    assert [k for k, g in geoms.items() if g.intersects(arabian_sea)] == []


def test_some_points_fall_in_the_right_country():
    geoms = countries("countries_region.geojson")
    for iso3, lon, lat in [("KAZ", 71.45, 51.17), ("KAZ", 76.9, 43.25), ("UZB", 69.24, 41.3),
                           ("TKM", 58.38, 37.95), ("KGZ", 74.6, 42.87), ("TJK", 68.77, 38.56),
                           ("AFG", 69.17, 34.53), ("PAK", 73.05, 33.68), ("PAK", 62.33, 25.13),
                           ("IRN", 51.39, 35.69), ("IRN", 60.64, 25.29), ("CHN", 87.6, 43.8),
                           ("CHN", 75.99, 39.47), ("IND", 77.2, 28.6), ("RUS", 49.1, 55.8),
                           ("KAZ", 63.3, 45.6)]:  # the last one is Baikonur: part of Kazakhstan
        hits = [k for k, g in geoms.items() if g.contains(Point(lon, lat))]
        assert hits == [iso3], (iso3, lon, lat, hits)
    sea = land("countries_region.geojson")
    for lon, lat in [(51.0, 42.0), (50.0, 27.5), (58.8, 24.6), (60.0, 20.0)]:  # Caspian, Gulfs, sea
        assert not sea.contains(Point(lon, lat)), (lon, lat)


@pytest.mark.parametrize("name", ["countries_region.geojson", "countries_world.geojson"])
def test_crimea_is_drawn_within_ukraine(name):
    geoms = countries(name)
    for lon, lat in [(34.1, 44.95), (33.52, 44.6)]:  # Simferopol, Sevastopol
        assert [k for k, g in geoms.items() if g.contains(Point(lon, lat))] == ["UKR"]


@pytest.mark.parametrize("prefix", ["region", "world"])
def test_borders(prefix):
    geoms = countries(f"countries_{prefix}.geojson")
    pairs = set()
    for f in load(f"borders_{prefix}.geojson")["features"]:
        p = f["properties"]
        assert f["geometry"]["type"] == "LineString"
        assert p["a"] < p["b"] and p["a"] in geoms and p["b"] in geoms, p
        assert isinstance(p["disputed"], bool)
        pairs.add((p["a"], p["b"]))
        # the line lies on the edge of both countries
        line = shape(f["geometry"])
        mid = line.interpolate(0.5, normalized=True)
        for iso3 in (p["a"], p["b"]):
            assert geoms[iso3].boundary.distance(mid) < 1e-3, (p, iso3)
    expected = ["KAZ-RUS", "CHN-KAZ", "KAZ-KGZ", "KAZ-UZB", "KAZ-TKM", "TKM-UZB", "KGZ-UZB",
                "TJK-UZB", "KGZ-TJK", "CHN-KGZ", "CHN-TJK", "AFG-TJK", "AFG-UZB", "AFG-TKM",
                "AFG-IRN", "IRN-TKM", "AFG-PAK", "IRN-PAK", "CHN-PAK", "IND-PAK", "AFG-CHN"]
    for pair in expected:
        assert tuple(pair.split("-")) in pairs, pair


def test_kashmir_lines_are_flagged_disputed_and_others_not():
    feats = load("borders_region.geojson")["features"]
    ind_pak = [f for f in feats if (f["properties"]["a"], f["properties"]["b"]) == ("IND", "PAK")]
    flagged = [shape(f["geometry"]) for f in ind_pak if f["properties"]["disputed"]]
    plain = [shape(f["geometry"]) for f in ind_pak if not f["properties"]["disputed"]]
    assert flagged and plain
    assert all(g.bounds[1] >= 32.4 for g in flagged)  # Line of Control: north of Jammu
    assert any(g.bounds[1] < 24.5 for g in plain)  # down to Sir Creek
    assert not any(f["properties"]["disputed"] for f in feats
                   if (f["properties"]["a"], f["properties"]["b"]) in {("AFG", "PAK"), ("KAZ", "UZB")})


@pytest.mark.parametrize("prefix", ["region", "world", "world_outside_region"])
def test_coastlines_follow_the_land(prefix):
    edge = land(f"countries_{prefix}.geojson").boundary
    feats = load(f"coastlines_{prefix}.geojson")["features"]
    for f in feats[:: max(1, len(feats) // 60)]:
        mid = shape(f["geometry"]).interpolate(0.5, normalized=True)
        assert edge.distance(mid) < 1e-3, f
    # the cut edges of the boxes are not coast
    for x in ((25.0, 105.0) if prefix == "region" else (-180.0, 180.0)):
        cut = box(x - 1e-6, -90, x + 1e-6, 90)
        on_cut = sum(shape(f["geometry"]).intersection(cut).length for f in feats)
        assert on_cut < 1e-3, (prefix, x, on_cut)


def test_country_labels():
    feats = load("country_labels.geojson")["features"]
    region = countries("countries_region.geojson")
    by_code = {}
    for f in feats:
        p = f["properties"]
        assert f["geometry"]["type"] == "Point"
        assert p["iso3"] not in by_code
        assert p["rank"] in (1, 2, 3), p
        assert p["name"].strip()
        by_code[p["iso3"]] = f
    for iso3 in MAIN + ["RUS", "OMN", "ARE", "AZE", "MNG"]:
        assert iso3 in by_code, iso3
    for iso3 in MAIN + ["RUS"]:
        p = by_code[iso3]["properties"]
        assert p["rank"] == 1, iso3
        names = p["names"]
        assert names["en"] == p["name"] and names["en"].isascii()
        assert CYRILLIC.match(names["ru"]) and CYRILLIC.match(names["kk"]), names
        assert ARABIC_SCRIPT.match(names["ur"]), names
        # well inside the country and on a map of the region
        pt = shape(by_code[iso3]["geometry"])
        assert region[iso3].contains(pt), iso3
        assert region[iso3].boundary.distance(pt) > 0.4, iso3
        assert box(*DETAIL_BOX).contains(pt), iso3
    assert by_code["CHN"]["geometry"]["coordinates"][0] < 90  # in Xinjiang
    # every other label in the region lies in its country too
    for iso3, f in by_code.items():
        pt = shape(f["geometry"])
        if iso3 in region and box(*CUT_BOX).contains(pt) and f["properties"]["rank"] < 3:
            assert region[iso3].buffer(0.02).contains(pt), iso3


def test_sea_labels():
    feats = load("sea_labels.geojson")["features"]
    names = {f["properties"]["name"] for f in feats}
    assert {"Caspian Sea", "Arabian Sea", "Gulf of Oman", "Persian Gulf"} <= names
    for f in feats:
        assert f["geometry"]["type"] == "Point"
        pt = shape(f["geometry"])
        for layer in ("countries_region.geojson", "countries_world.geojson"):
            if layer == "countries_world.geojson" or box(*CUT_BOX).contains(pt):
                assert not land(layer).intersects(pt), (f["properties"]["name"], layer)
