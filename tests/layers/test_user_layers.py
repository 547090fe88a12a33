"""layers.user_layers (no Qt): attribute text, the page's GeoJSON, styles, the session, exports."""
from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, MultiPoint, Point, Polygon

from layers.user_layers import (
    CANVAS_FROM_FEATURES,
    PALETTE,
    UserLayer,
    UserStyle,
    as_text,
    layer_title,
    parse_session,
    session_text,
)

MARKUP = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize("value, text", [
    (None, ""), (float("nan"), ""), (pd.NaT, ""), ("", ""), (MARKUP, MARKUP), (7, "7"), (np.int64(7), "7"),
    (2.0, "2"), (2.5, "2.5"), (np.float32(0.5), "0.5"), (float("inf"), "inf"), (True, "true"), (np.bool_(False), "false"),
    (dt.date(2024, 5, 1), "2024-05-01"), (pd.Timestamp("2024-05-01T10:00"), "2024-05-01T10:00:00"),
    (b"\x00\x01", "<2 bytes of binary data>"), ([1, "a"], '[1, "a"]'), ({"k": MARKUP}, '{"k": "' + MARKUP + '"}'),
    (np.array([1, 2]), "[1, 2]"),
])
def test_attribute_values_become_text(value, text):
    assert as_text(value) == text


def test_very_long_text_is_cut():
    assert len(as_text("x" * 50_000)) == 10_000


def frame(geoms, **columns):
    return gpd.GeoDataFrame(columns, geometry=geoms, crs="EPSG:4326")


def test_page_geojson_is_compact_valid_json_with_numbers_and_names():
    f = frame([Point(66.123456789, 24.987654321, 12.0), LineString([(0, 0), (1, 1)])],
              name=[MARKUP, None], other=[1, 2])
    layer = UserLayer.from_frame("user:1", "t", "x.geojson", "x", f)
    data = json.loads(layer.page_geojson)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    a, b = data["features"]
    assert a["geometry"] == {"type": "Point", "coordinates": [66.12346, 24.98765]}   # 2D, 5 decimals
    assert a["properties"] == {"i": 0, "n": MARKUP} and b["properties"] == {"i": 1, "n": ""}
    assert layer.geometry_kind == "mixed" and layer.feature_count == 2 and not layer.canvas
    assert layer.bounds == [[0.0, 0.0], [pytest.approx(24.987654321), pytest.approx(66.123456789)]]
    page = layer.to_page()
    assert page["id"] == "user:1" and page["data"] == layer.page_geojson and page["canvas"] is False


def test_names_come_from_a_name_like_column_else_the_first_text_column():
    assert UserLayer.from_frame("u", "t", "p", "l", frame([Point(0, 0)], code=[5], NAME=["Termez"])).names == ["Termez"]
    assert UserLayer.from_frame("u", "t", "p", "l", frame([Point(0, 0)], code=[5], CapitalName=["Kabul"])).names == ["Kabul"]
    assert UserLayer.from_frame("u", "t", "p", "l", frame([Point(0, 0)], code=[5], note=["x"])).names == ["x"]
    assert UserLayer.from_frame("u", "t", "p", "l", frame([Point(0, 0)], code=[5])).names == [""]


def test_attributes_and_facts_for_the_side_panel():
    f = frame([LineString([(66.98, 24.84), (68.86, 27.70)])], name=["ML-1"], gauge=[1676], opened=[dt.date(1861, 5, 13)])
    layer = UserLayer.from_frame("user:3", "rail.gpkg", "/data/rail.gpkg", "rail", f)
    assert layer.attributes(0) == [("name", "ML-1"), ("gauge", "1676"), ("opened", "1861-05-13")]
    assert layer.cell(0, 1) == "1676"
    d = layer.describe(0)
    assert d["type"] == "user_feature" and d["layer"] == "user:3" and d["index"] == 0 and d["name"] == "ML-1"
    assert 350 < d["km"] < 400 and d["vertices"] == 2 and d["geometry"] == "LineString"


def test_large_layers_go_to_the_canvas():
    n = CANVAS_FROM_FEATURES
    layer = UserLayer.from_frame("u", "t", "p", "l", frame([Point(i * 0.01, 0) for i in range(n)]))
    assert layer.canvas and layer.to_page()["canvas"] is True


def test_style_from_saved_settings_is_checked():
    s = UserStyle.from_dict({"color": "#ABCDEF", "weight": 500, "symbol": "triangle", "size": "big", "opacity": -1})
    assert (s.color, s.weight, s.symbol, s.size, s.opacity) == ("#abcdef", 20, "triangle", 9.0, 0.1)
    assert UserStyle.from_dict({"color": "red; background:url(x)", "symbol": "<svg>"}) == UserStyle()
    assert UserStyle.from_dict(None) == UserStyle()
    assert UserStyle.default(1).color == PALETTE[1]
    assert UserStyle.from_dict(UserStyle(color="#123456").to_dict()).color == "#123456"


def test_session_round_trip_and_junk():
    layer = UserLayer.from_frame("user:1", "two.gpkg: a", "/d/two.gpkg", "a", frame([Point(0, 0)]),
                                 style=UserStyle(color="#00ff00"))
    layer.visible = False
    (entry,) = parse_session(session_text([layer]))
    assert entry == {"path": "/d/two.gpkg", "layer": "a", "title": "two.gpkg: a", "style": UserStyle(color="#00ff00"),
                     "visible": False}
    for junk in (None, "", "not json", "{}", "[1, null, {}]", '[{"path": 5}]', '[{"path": ""}]'):
        assert parse_session(junk) == []
    assert parse_session('[{"path": "/x.csv"}]')[0]["title"] == "x.csv"


def test_titles():
    assert layer_title("/d/ports.gpkg", "ports", 1) == "ports.gpkg"
    assert layer_title("/d/two.gpkg", "zones", 2) == "two.gpkg: zones"


def test_exports_get_catalog_layers_with_outlines_and_points():
    f = frame([Point(1, 1), MultiPoint([(2, 2), (3, 3)]), LineString([(0, 0), (1, 0)]),
               Polygon([(0, 0), (1, 0), (1, 1), (0, 0)], [[(0.2, 0.1), (0.8, 0.1), (0.8, 0.6), (0.2, 0.1)]])],
              name=[MARKUP, "b", "c", "d"])
    layer = UserLayer.from_frame("user:2", "mixed.geojson", "p", "l", f, style=UserStyle(color="#112233"))
    lines, points = layer.to_catalog_layers()
    assert (lines.id, lines.kind, lines.group) == ("user:2", "lines", "Your data")
    assert (points.id, points.kind) == ("user:2:points", "points")
    assert len(points.features) == 3 and points.features[0]["properties"]["name"] == MARKUP
    assert points.features[0]["properties"]["_sym"]["fill"] == "#112233"
    assert [x["geometry"]["type"] for x in lines.features] == ["LineString", "MultiLineString"]   # the polygon's two rings
    assert all(x["properties"]["id"].startswith("user-") for x in lines.features + points.features)
    assert lines.legend == [{"label": "mixed.geojson", "line": layer.style.line()}]
