"""geodata.importer: round trips through every format geopandas writes, and broken files."""
from __future__ import annotations

import json
import sqlite3
import sys
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString, Point

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from geodata.importer import ImportProblem, import_file  # noqa: E402

KARACHI = (66.98, 24.84)
GWADAR = (62.33, 25.12)
ALMATY = (76.95, 43.24)
MARKUP = '<b onmouseover="alert(1)">Гвадар</b> & <script>x()</script>'


@pytest.fixture
def ports():
    return gpd.GeoDataFrame(
        {"name": ["Karachi", "Gwadar", "Almaty"], "note": [MARKUP, "2024-01-05", "007"],
         "rank": [1, 2, 3]},
        geometry=[Point(*KARACHI), Point(*GWADAR), Point(*ALMATY)], crs="EPSG:4326")


@pytest.fixture
def lines():
    return gpd.GeoDataFrame({"name": ["ML-1"]}, geometry=[LineString([KARACHI, (68.86, 27.70)])], crs="EPSG:4326")


def refused(path, **kw) -> str:
    with pytest.raises(ImportProblem) as info:
        import_file(path, **kw)
    message = info.value.message
    assert message and "Traceback" not in message and "\n" not in message
    assert str(info.value).startswith(Path(path).name + ": ")
    return message


def assert_same_points(frame, expected):
    assert frame.crs.to_epsg() == 4326
    got = [(round(p.x, 5), round(p.y, 5)) for p in frame.geometry]
    assert got == [(round(x, 5), round(y, 5)) for x, y in expected]


# -- round trips -------------------------------------------------------------------------
def test_geojson_round_trip(tmp_path, ports):
    path = tmp_path / "ports.geojson"
    ports.to_file(path, driver="GeoJSON")
    result = import_file(path)
    assert len(result) == 1 and result[0].name == "ports"
    frame = result[0].frame
    assert_same_points(frame, [KARACHI, GWADAR, ALMATY])
    assert frame["note"].tolist() == [MARKUP, "2024-01-05", "007"]  # text stays text, verbatim
    assert result[0].warnings == []


def test_geopackage_round_trip_with_two_layers(tmp_path, ports, lines):
    path = tmp_path / "corridor.gpkg"
    ports.to_file(path, layer="ports", driver="GPKG")
    lines.to_file(path, layer="lines", driver="GPKG")
    result = import_file(path)
    assert sorted(layer.name for layer in result) == ["lines", "ports"]
    by_name = {layer.name: layer.frame for layer in result}
    assert_same_points(by_name["ports"], [KARACHI, GWADAR, ALMATY])
    assert by_name["lines"].geometry.iloc[0].geom_type == "LineString"
    assert by_name["ports"]["note"].iloc[0] == MARKUP


def test_shapefile_round_trip_plain_folder_and_zip(tmp_path, ports):
    folder = tmp_path / "shp"
    folder.mkdir()
    ports.to_file(folder / "ports.shp")
    for source in (folder / "ports.shp", folder):
        frame = import_file(source)[0].frame
        assert_same_points(frame, [KARACHI, GWADAR, ALMATY])
        assert frame["name"].tolist() == ["Karachi", "Gwadar", "Almaty"]
    archive = tmp_path / "ports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in folder.iterdir():
            zf.write(part, f"data/{part.name}")
    result = import_file(archive)
    assert result[0].name == "ports"
    assert_same_points(result[0].frame, [KARACHI, GWADAR, ALMATY])


def test_csv_round_trip_lat_lon(tmp_path, ports):
    path = tmp_path / "ports.csv"
    table = pd.DataFrame({"name": ports["name"], "note": ports["note"],
                          "Latitude": ports.geometry.y, "LONG": ports.geometry.x})
    table.to_csv(path, index=False)
    result = import_file(path)
    frame = result[0].frame
    assert_same_points(frame, [KARACHI, GWADAR, ALMATY])
    assert frame["note"].tolist() == [MARKUP, "2024-01-05", "007"]


def test_csv_round_trip_wkt(tmp_path, ports, lines):
    path = tmp_path / "shapes.csv"
    both = pd.concat([ports[["name"]].assign(geometry=ports.geometry), lines.assign()], ignore_index=True)
    pd.DataFrame({"name": both["name"], "WKT": [g.wkt for g in both.geometry]}).to_csv(path, index=False)
    frame = import_file(path)[0].frame
    assert frame.geom_type.tolist() == ["Point", "Point", "Point", "LineString"]
    assert "no CRS given" in " ".join(import_file(path)[0].warnings)


@pytest.mark.parametrize("header,sep", [("CapitalLatitude;CapitalLongitude", ";"), ("y\tx", "\t"),
                                         ("lat,lng", ","), ("stop_lat,stop_lon", ",")])
def test_csv_coordinate_column_names(tmp_path, header, sep):
    path = tmp_path / "places.csv"
    path.write_text(f"name{sep}{header}\nKarachi{sep}24.84{sep}66.98\n", encoding="utf-8")
    assert_same_points(import_file(path)[0].frame, [KARACHI])


def test_csv_rows_without_numbers_are_left_out_with_a_warning(tmp_path):
    path = tmp_path / "ports.csv"
    path.write_text("name,lat,lon\nKarachi,24.84,66.98\nUnknown,N/A,\nGwadar,25.12,62.33\n", encoding="utf-8")
    layer = import_file(path)[0]
    assert len(layer.frame) == 2
    assert any("1 rows without numeric" in w for w in layer.warnings)


def test_kml_round_trip(tmp_path, ports, lines):
    path = tmp_path / "corridor.kml"
    ports[["name", "geometry"]].to_file(path, driver="KML", layer="Ports")
    frame = import_file(path)[0].frame
    assert_same_points(frame, [KARACHI, GWADAR, ALMATY])


def test_kmz_reads_the_document_inside(tmp_path, ports):
    kml = tmp_path / "doc.kml"
    ports[["name", "geometry"]].to_file(kml, driver="KML")
    kmz = tmp_path / "ports.kmz"
    with zipfile.ZipFile(kmz, "w") as zf:
        zf.write(kml, "doc.kml")
    assert import_file(kmz).feature_count == 3


def test_mixed_geometry_geojson_loads(tmp_path):
    path = tmp_path / "mixed.geojson"
    features = [{"type": "Feature", "properties": {"n": i}, "geometry": g} for i, g in enumerate([
        {"type": "Point", "coordinates": list(KARACHI)},
        {"type": "LineString", "coordinates": [list(KARACHI), list(GWADAR)]},
        {"type": "Polygon", "coordinates": [[[60, 25], [61, 25], [61, 26], [60, 25]]]},
    ])]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    assert import_file(path)[0].frame.geom_type.tolist() == ["Point", "LineString", "Polygon"]


def test_projected_crs_comes_back_in_lon_lat(tmp_path, ports):
    path = tmp_path / "utm.gpkg"
    ports.to_crs("EPSG:32642").to_file(path, driver="GPKG")
    layer = import_file(path)[0]
    assert_same_points(layer.frame, [KARACHI, GWADAR, ALMATY])
    assert any("UTM zone 42N" in w for w in layer.warnings)


def test_projected_shapefile_without_prj_is_unknown_crs(tmp_path, ports):
    ports.to_crs("EPSG:32642").to_file(tmp_path / "utm.shp")
    (tmp_path / "utm.prj").unlink()
    assert "unknown CRS" in refused(tmp_path / "utm.shp")


def test_lon_lat_shapefile_without_prj_is_taken_as_wgs84(tmp_path, ports):
    ports.to_file(tmp_path / "p.shp")
    (tmp_path / "p.prj").unlink()
    layer = import_file(tmp_path / "p.shp")[0]
    assert_same_points(layer.frame, [KARACHI, GWADAR, ALMATY])
    assert any("taken as WGS84" in w for w in layer.warnings)


def test_features_without_geometry_are_left_out(tmp_path):
    path = tmp_path / "some.geojson"
    features = [{"type": "Feature", "properties": {"n": 1}, "geometry": None},
                {"type": "Feature", "properties": {"n": 2}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    layer = import_file(path)[0]
    assert layer.frame["n"].tolist() == [2]
    assert any("1 of 2 features have no geometry" in w for w in layer.warnings)


# -- refused -----------------------------------------------------------------------------
def test_truncated_geojson(tmp_path, ports):
    path = tmp_path / "ports.geojson"
    ports.to_file(path, driver="GeoJSON")
    path.write_bytes(path.read_bytes()[:200])
    assert "ends before the JSON is complete" in refused(path)


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.geojson"
    path.write_bytes(b"")
    assert refused(path) == "the file is empty (0 bytes)"


def test_missing_file(tmp_path):
    assert "does not exist" in refused(tmp_path / "nope.gpkg")


def test_shapefile_without_shx(tmp_path, ports):
    ports.to_file(tmp_path / "ports.shp")
    (tmp_path / "ports.shx").unlink()
    assert ".shx index is missing" in refused(tmp_path / "ports.shp")


def test_shapefile_without_dbf(tmp_path, ports):
    ports.to_file(tmp_path / "ports.shp")
    (tmp_path / "ports.dbf").unlink()
    assert ".dbf attribute table is missing" in refused(tmp_path / "ports.shp")


def test_opening_a_sidecar_file(tmp_path, ports):
    ports.to_file(tmp_path / "ports.shp")
    assert "open the .shp file" in refused(tmp_path / "ports.dbf")


def test_zip_without_shapefile(tmp_path):
    path = tmp_path / "data.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "nothing here")
    assert "holds no shapefile" in refused(path)


def test_not_a_zip(tmp_path):
    path = tmp_path / "data.zip"
    path.write_bytes(b"this is not a zip archive at all")
    assert "not a valid zip" in refused(path)


def test_geopackage_with_no_layers(tmp_path):
    path = tmp_path / "empty.gpkg"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, "
                "organization_coordsys_id INTEGER, definition TEXT, description TEXT)")
    con.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, "
                "description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER)")
    con.commit()
    con.close()
    assert "has no layers" in refused(path)


def test_geopackage_with_only_an_attribute_table(tmp_path):
    import pyogrio

    path = tmp_path / "table.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"name": ["Karachi"]}), path, layer="ports_table", driver="GPKG")
    assert "only attribute tables" in refused(path)


def test_sqlite_that_is_not_a_geopackage(tmp_path):
    path = tmp_path / "plain.gpkg"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE foo (a)")
    con.commit()
    con.close()
    assert "not a GeoPackage" in refused(path)


def test_csv_without_coordinates(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("name,foo\nKarachi,1\n", encoding="utf-8")
    message = refused(path)
    assert "no coordinate columns" in message and "name, foo" in message


def test_csv_with_non_numeric_coordinates(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("lat,lon,name\nfoo,2,3\n", encoding="utf-8")
    assert "non-numeric coordinates" in refused(path)


def test_csv_lat_lon_out_of_range(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("name,lat,lon\nKarachi,24.84,246.98\n", encoding="utf-8")
    assert "out of range" in refused(path)


def test_geojson_out_of_range(tmp_path):
    path = tmp_path / "far.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {},
                                "geometry": {"type": "Point", "coordinates": [250.0, 95.0]}}), encoding="utf-8")
    assert "out of range" in refused(path)


def test_geojson_string_coordinate(tmp_path):
    path = tmp_path / "s.geojson"
    path.write_text('{"type": "Point", "coordinates": [66.98, "24.84"]}', encoding="utf-8")
    assert "'24.84' is not a number" in refused(path)


def test_geojson_nan_literal(tmp_path):
    path = tmp_path / "nan.geojson"
    path.write_text('{"type": "Point", "coordinates": [NaN, 24.84]}', encoding="utf-8")
    assert "NaN" in refused(path)


def test_all_geometries_null(tmp_path):
    path = tmp_path / "null.geojson"
    features = [{"type": "Feature", "properties": {"n": i}, "geometry": None} for i in range(3)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    assert "none of its 3 features has a geometry" in refused(path)


def test_geojson_with_no_features(tmp_path):
    path = tmp_path / "none.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    assert "no features" in refused(path)


def test_wrong_text_encoding(tmp_path):
    path = tmp_path / "latin1.geojson"
    text = json.dumps({"type": "Feature", "properties": {"name": "Peshāwar café"},
                       "geometry": {"type": "Point", "coordinates": [71.5, 34.0]}}, ensure_ascii=False)
    path.write_bytes(text.replace("ā", "a").encode("latin-1"))
    assert "wrong text encoding" in refused(path)
    csv_path = tmp_path / "latin1.csv"
    csv_path.write_bytes("name,lat,lon\ncafé,34.0,71.5\n".encode("latin-1"))
    assert "wrong text encoding" in refused(csv_path)


def test_too_large(tmp_path, ports):
    path = tmp_path / "ports.geojson"
    ports.to_file(path, driver="GeoJSON")
    assert "too large" in refused(path, max_bytes=100)


def test_not_a_gis_file(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"\x00\x01 binary stuff")
    assert "not a recognised GIS file" in refused(path)
    renamed = tmp_path / "photo.gpkg"
    renamed.write_bytes(b"\x89PNG\r\n\x1a\n not a database")
    assert "not an SQLite database" in refused(renamed)


def test_kml_cut_off_and_kml_with_entities(tmp_path):
    cut = tmp_path / "cut.kml"
    cut.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>'
                   "<Point><coordinates>66.98,24.8", encoding="utf-8")
    assert "cut off" in refused(cut)
    bomb = tmp_path / "bomb.kml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    '<kml><Placemark><name>&b;</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>',
                    encoding="utf-8")
    assert "entities" in refused(bomb)


def test_kml_unclosed_ring_is_closed_with_a_warning(tmp_path):
    path = tmp_path / "ring.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                    "<Placemark><name>park</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                    "66.9,24.8 67.0,24.8 67.0,24.9 66.9,24.9</coordinates></LinearRing></outerBoundaryIs>"
                    "</Polygon></Placemark></Document></kml>", encoding="utf-8")
    layer = import_file(path)[0]
    ring = layer.frame.geometry.iloc[0].exterior.coords
    assert ring[0] == ring[-1]
    assert any("closed automatically" in w for w in layer.warnings)


def test_nothing_escapes_as_a_raw_exception(tmp_path):
    """Odd inputs all end as ImportProblem."""
    cases = {
        "a.geojson": b"[1, 2, 3]",
        "b.geojson": b'{"type": "Topology", "objects": {}}',
        "c.json": b'{"type": "Point", "coordinates": [[1, 2]]}',
        "d.kml": b"<html><body>not kml</body></html>",
        "e.csv": b"\n\n\n",
        "f.kmz": b"PK\x05\x06" + b"\x00" * 18,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        refused(tmp_path / name)


def test_folder_with_a_broken_shapefile_keeps_the_good_one(tmp_path, ports, lines):
    ports.to_file(tmp_path / "ports.shp")
    lines.to_file(tmp_path / "lines.shp")
    (tmp_path / "lines.dbf").unlink()
    result = import_file(tmp_path)
    assert [layer.name for layer in result] == ["ports"]
    assert any("layer 'lines'" in w and ".dbf attribute table is missing" in w for w in result.warnings)


def test_zip_with_a_kml_inside_reads_as_kmz(tmp_path, ports):
    kml = tmp_path / "doc.kml"
    ports[["name", "geometry"]].to_file(kml, driver="KML")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(kml, "doc.kml")
    assert import_file(archive).feature_count == 3


def test_csv_geometry_column_that_is_not_wkt_falls_back_to_lat_lon(tmp_path):
    path = tmp_path / "ports.csv"
    path.write_text("name,geometry,lat,lon\nKarachi,point,24.84,66.98\n", encoding="utf-8")
    frame = import_file(path)[0].frame
    assert_same_points(frame, [KARACHI])
    assert frame["geometry_text"].tolist() == ["point"]


def test_csv_with_a_long_wkt_field(tmp_path):
    ring = [(60 + i / 5000, 25 + (i % 2) / 100) for i in range(20000)]
    polygon = shapely.Polygon(ring + [ring[0]]).buffer(0)
    path = tmp_path / "big.csv"
    path.write_text(f'name,wkt\nbig,"{polygon.wkt}"\n', encoding="utf-8")
    assert len(polygon.wkt) > 131072
    assert import_file(path)[0].frame.geometry.iloc[0].area > 0


def test_a_bad_layer_is_skipped_when_others_are_good(tmp_path, ports):
    path = tmp_path / "two.gpkg"
    ports.to_file(path, layer="ports", driver="GPKG")
    wild = gpd.GeoDataFrame({"name": ["x"]}, geometry=[Point(500000, 3000000)], crs="EPSG:4326")
    wild.to_file(path, layer="wild", driver="GPKG")
    result = import_file(path)
    assert [layer.name for layer in result] == ["ports"]
    assert any("layer 'wild'" in w and "out of range" in w for w in result.warnings)
    wild.to_file(tmp_path / "wild.gpkg", driver="GPKG")
    assert "coordinates out of range" in refused(tmp_path / "wild.gpkg")
