"""geodata.schema: a tiny valid dataset, then one thing broken at a time."""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from geodata.dataset import Dataset  # noqa: E402
from geodata.schema import (  # noqa: E402
    Problem, format_problems, validate_agreement, validate_corridor, validate_dataset, validate_node,
    validate_segment, validate_source,
)


def _node(nid, lon, lat, kind="city", country="KAZ", **extra):
    props = {"id": nid, "name": nid.title(), "kind": kind, "country": country, "modes": ["rail", "road"],
             "status": "operational", "sources": ["src-official"], "confidence": "high", "note": ""}
    if kind == "border_crossing":
        del props["country"]
        props["countries"] = extra.pop("countries")
    props.update(extra)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def _segment(sid, start, end, coords, mode="rail", gauge=1520, countries=("KAZ",), **extra):
    props = {"id": sid, "name": sid.replace("-", " ").title(), "line": "Test line", "mode": mode,
             "status": "operational", "status_date": "2024-05", "gauge_mm": gauge, "from": start, "to": end,
             "countries": list(countries), "agreements": [], "sources": ["src-news"], "confidence": "medium",
             "note": "built in the 1930s"}
    props.update(extra)
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": props}


def make_dataset() -> dict:
    """Shymkent (KAZ) -> Zhibek Zholy border -> Tashkent -> Hairatan border -> Chaman border ->
    Karachi port; two segments are stored in the opposite direction to the corridor's travel."""
    nodes = [
        _node("shymkent", 69.59, 42.32),
        _node("zhibek-zholy", 69.28, 41.38, kind="border_crossing", countries=["KAZ", "UZB"],
              name_other_side="Gisht Kuprik"),
        _node("tashkent", 69.24, 41.30, country="UZB", names={"en": "Tashkent", "ru": "Ташкент"}),
        _node("hairatan", 67.42, 37.23, kind="border_crossing", countries=["UZB", "AFG"]),
        _node("chaman", 66.45, 30.92, kind="border_crossing", countries=["AFG", "PAK"], modes=["road"]),
        _node("karachi-port", 66.98, 24.84, kind="seaport", country="PAK", modes=["rail", "road", "sea"]),
    ]
    segments = [
        _segment("shymkent-border", "shymkent", "zhibek-zholy", [[69.59, 42.32], [69.45, 41.9], [69.28, 41.38]],
                 agreements=["kaz-uzb-rail"], opened=1940),
        _segment("border-tashkent", "tashkent", "zhibek-zholy", [[69.24, 41.30], [69.281, 41.381]],
                 countries=["UZB"]),
        _segment("tashkent-termez", "tashkent", "hairatan", [[69.24, 41.30], [67.8, 39.0], [67.42, 37.23]],
                 countries=["UZB"]),
        _segment("hairatan-chaman", "chaman", "hairatan", [[66.45, 30.92], [66.9, 34.5], [67.42, 37.23]],
                 mode="road", gauge=None, countries=["AFG"], status="planned", expected=2030),
        _segment("chaman-karachi", "chaman", "karachi-port", [[66.45, 30.92], [66.9, 27.8], [66.98, 24.84]],
                 mode="road", gauge=None, countries=["PAK"]),
    ]
    agreements = [{
        "id": "kaz-uzb-rail", "title": "Rail transit agreement", "kind": "transit_agreement",
        "parties": ["KAZ", "UZB"], "status": "in_force",
        "dates": {"signed": "1997-03-15", "in_force": "1998", "expected": None},
        "covers": {"segments": ["shymkent-border"], "nodes": ["zhibek-zholy"]},
        "summary": "Through traffic by rail.", "sources": ["src-official"],
    }]
    corridors = [{
        "id": "western-route", "name": "Western route", "description": "Shymkent to Karachi via Tashkent.",
        "countries": ["KAZ", "UZB", "AFG", "PAK"],
        "segments": ["shymkent-border", "border-tashkent", "tashkent-termez", "hairatan-chaman", "chaman-karachi"],
        "sources": ["src-news"],
    }]
    sources = [
        {"id": "src-official", "outlet": "Ministry", "date": "2023-11-02", "title": "Statement", "kind": "official"},
        {"id": "src-news", "outlet": "Daily", "date": "2024", "title": "Report", "kind": "news", "note": "paywalled"},
    ]
    return {
        "nodes.geojson": {"type": "FeatureCollection", "features": nodes},
        "segments.geojson": {"type": "FeatureCollection", "features": segments},
        "agreements.json": {"agreements": agreements},
        "corridors.json": {"corridors": corridors},
        "sources.json": {"sources": sources},
    }


def write_dataset(folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, payload in data.items():
        (folder / name).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


@pytest.fixture
def data():
    return copy.deepcopy(make_dataset())


@pytest.fixture
def valid_folder(tmp_path):
    return write_dataset(tmp_path / "ds", make_dataset())


def node(data, nid):
    return next(f["properties"] for f in data["nodes.geojson"]["features"] if f["properties"]["id"] == nid)


def node_feature(data, nid):
    return next(f for f in data["nodes.geojson"]["features"] if f["properties"]["id"] == nid)


def segment(data, sid):
    return next(f["properties"] for f in data["segments.geojson"]["features"] if f["properties"]["id"] == sid)


def segment_feature(data, sid):
    return next(f for f in data["segments.geojson"]["features"] if f["properties"]["id"] == sid)


def problems_for(tmp_path, data):
    return validate_dataset(write_dataset(tmp_path / "broken", data))


def only(problems, file, record, field):
    """The one problem at (file, record, field); fails with the full list otherwise."""
    found = [p for p in problems if (p.file, p.record, p.field) == (file, record, field)]
    assert len(found) == 1, format_problems(problems)
    return found[0]


# ---------------------------------------------------------------------------------------
def test_valid_dataset_has_no_problems(valid_folder):
    assert validate_dataset(valid_folder) == []


def test_in_memory_dataset_validates_too(valid_folder):
    assert validate_dataset(Dataset.load(valid_folder)) == []


def test_unknown_gauge(tmp_path, data):
    segment(data, "shymkent-border")["gauge_mm"] = 1600
    problems = problems_for(tmp_path, data)
    p = only(problems, "segments.geojson", "shymkent-border", "gauge_mm")
    assert str(p) == ("segments.geojson: segment 'shymkent-border', field 'gauge_mm': "
                      "1600 is not a known gauge (1520, 1676, 1435)")
    assert len(problems) == 1


def test_rail_without_gauge(tmp_path, data):
    segment(data, "border-tashkent")["gauge_mm"] = None
    p = only(problems_for(tmp_path, data), "segments.geojson", "border-tashkent", "gauge_mm")
    assert "rail segment needs its gauge" in p.message


def test_gauge_on_road(tmp_path, data):
    segment(data, "chaman-karachi")["gauge_mm"] = 1676
    p = only(problems_for(tmp_path, data), "segments.geojson", "chaman-karachi", "gauge_mm")
    assert "must be null for a road segment" in p.message


def test_gauge_as_text_is_not_a_gauge(tmp_path, data):
    segment(data, "shymkent-border")["gauge_mm"] = "1520"
    p = only(problems_for(tmp_path, data), "segments.geojson", "shymkent-border", "gauge_mm")
    assert "'1520' is not a known gauge" in p.message


def test_id_not_a_slug(tmp_path, data):
    node(data, "tashkent")["id"] = "Tashkent City"
    problems = problems_for(tmp_path, data)
    p = only(problems, "nodes.geojson", "Tashkent City", "id")
    assert "'Tashkent City' is not a valid id" in p.message
    # and the segments that pointed at 'tashkent' now point at nothing
    assert any(q.record == "border-tashkent" and q.field == "from" and "not a node id" in q.message for q in problems)


def test_duplicate_node_id(tmp_path, data):
    dup = copy.deepcopy(node_feature(data, "shymkent"))
    data["nodes.geojson"]["features"].append(dup)
    p = only(problems_for(tmp_path, data), "nodes.geojson", "shymkent", "id")
    assert "more than one node" in p.message and "#1 and #7" in p.message


def test_duplicate_source_id(tmp_path, data):
    data["sources.json"]["sources"].append(dict(data["sources.json"]["sources"][0]))
    p = only(problems_for(tmp_path, data), "sources.json", "src-official", "id")
    assert "ids must be unique" in p.message


def test_unknown_node_kind(tmp_path, data):
    node(data, "tashkent")["kind"] = "harbour"
    p = only(problems_for(tmp_path, data), "nodes.geojson", "tashkent", "kind")
    assert "'harbour' is not a known node kind" in p.message and "dry_port" in p.message


def test_unknown_mode_in_modes(tmp_path, data):
    node(data, "karachi-port")["modes"] = ["rail", "air"]
    p = only(problems_for(tmp_path, data), "nodes.geojson", "karachi-port", "modes")
    assert "'air' is not a known mode" in p.message


def test_unknown_segment_mode_and_status(tmp_path, data):
    segment(data, "border-tashkent")["status"] = "open"
    problems = problems_for(tmp_path, data)
    assert "'open' is not a known status" in only(problems, "segments.geojson", "border-tashkent", "status").message


def test_unknown_confidence(tmp_path, data):
    node(data, "shymkent")["confidence"] = "certain"
    p = only(problems_for(tmp_path, data), "nodes.geojson", "shymkent", "confidence")
    assert "'certain' is not a known confidence (high, medium, low)" in p.message


def test_border_crossing_needs_two_countries(tmp_path, data):
    node(data, "zhibek-zholy")["countries"] = ["KAZ"]
    p = only(problems_for(tmp_path, data), "nodes.geojson", "zhibek-zholy", "countries")
    assert p.message == "must list exactly 2 countries, not 1"


def test_border_crossing_with_single_country(tmp_path, data):
    node(data, "zhibek-zholy")["country"] = "KAZ"
    p = only(problems_for(tmp_path, data), "nodes.geojson", "zhibek-zholy", "country")
    assert "list both sides in 'countries'" in p.message


def test_city_without_country(tmp_path, data):
    del node(data, "tashkent")["country"]
    p = only(problems_for(tmp_path, data), "nodes.geojson", "tashkent", "country")
    assert p.message == "is missing"


def test_country_code_not_iso3(tmp_path, data):
    node(data, "tashkent")["country"] = "Uzb"
    p = only(problems_for(tmp_path, data), "nodes.geojson", "tashkent", "country")
    assert "'Uzb' is not an ISO 3166-1 alpha-3 country code" in p.message


def test_country_list_entry_not_iso3(tmp_path, data):
    segment(data, "hairatan-chaman")["countries"] = ["Afghanistan"]
    p = only(problems_for(tmp_path, data), "segments.geojson", "hairatan-chaman", "countries")
    assert "'Afghanistan'" in p.message


def test_impossible_calendar_date(tmp_path, data):
    data["sources.json"]["sources"][0]["date"] = "2023-02-30"
    p = only(problems_for(tmp_path, data), "sources.json", "src-official", "date")
    assert "'2023-02-30' is not a real calendar date" in p.message


def test_date_not_iso(tmp_path, data):
    segment(data, "shymkent-border")["status_date"] = "March 2024"
    p = only(problems_for(tmp_path, data), "segments.geojson", "shymkent-border", "status_date")
    assert "'March 2024' is not an ISO date" in p.message


def test_agreement_date_month_13(tmp_path, data):
    data["agreements.json"]["agreements"][0]["dates"]["in_force"] = "1998-13"
    p = only(problems_for(tmp_path, data), "agreements.json", "kaz-uzb-rail", "dates.in_force")
    assert "not a real calendar date" in p.message


def test_segment_from_unknown_node(tmp_path, data):
    segment(data, "shymkent-border")["from"] = "almaty"
    p = only(problems_for(tmp_path, data), "segments.geojson", "shymkent-border", "from")
    assert p.message == "'almaty' is not a node id in nodes.geojson"


def test_segment_unknown_agreement(tmp_path, data):
    segment(data, "border-tashkent")["agreements"] = ["no-such-deal"]
    p = only(problems_for(tmp_path, data), "segments.geojson", "border-tashkent", "agreements")
    assert p.message == "'no-such-deal' is not an agreement id in agreements.json"


def test_node_unknown_source(tmp_path, data):
    node(data, "shymkent")["sources"] = ["src-official", "src-missing"]
    p = only(problems_for(tmp_path, data), "nodes.geojson", "shymkent", "sources")
    assert "'src-missing' is not a source id in sources.json" in p.message


def test_node_without_sources(tmp_path, data):
    node(data, "shymkent")["sources"] = []
    p = only(problems_for(tmp_path, data), "nodes.geojson", "shymkent", "sources")
    assert "must not be empty" in p.message


def test_agreement_covers_unknown_segment_and_node(tmp_path, data):
    data["agreements.json"]["agreements"][0]["covers"] = {"segments": ["ghost-line"], "nodes": ["ghost-town"]}
    problems = problems_for(tmp_path, data)
    assert "'ghost-line' is not a segment id" in only(problems, "agreements.json", "kaz-uzb-rail", "covers.segments").message
    assert "'ghost-town' is not a node id" in only(problems, "agreements.json", "kaz-uzb-rail", "covers.nodes").message


def test_agreement_bad_kind_and_status(tmp_path, data):
    data["agreements.json"]["agreements"][0].update(kind="handshake", status="done")
    problems = problems_for(tmp_path, data)
    assert "not a known agreement kind" in only(problems, "agreements.json", "kaz-uzb-rail", "kind").message
    assert "not a known agreement status" in only(problems, "agreements.json", "kaz-uzb-rail", "status").message


def test_source_bad_kind(tmp_path, data):
    data["sources.json"]["sources"][1]["kind"] = "blog"
    p = only(problems_for(tmp_path, data), "sources.json", "src-news", "kind")
    assert "'blog' is not a known source kind (news, official, reference)" in p.message


def test_corridor_unknown_segment(tmp_path, data):
    data["corridors.json"]["corridors"][0]["segments"][1] = "border-samarkand"
    p = only(problems_for(tmp_path, data), "corridors.json", "western-route", "segments")
    assert "'border-samarkand' is not a segment id" in p.message


def test_corridor_segments_not_consecutive(tmp_path, data):
    data["corridors.json"]["corridors"][0]["segments"] = ["shymkent-border", "tashkent-termez"]
    p = only(problems_for(tmp_path, data), "corridors.json", "western-route", "segments")
    assert "'tashkent-termez' (position 2) does not share a node with segment 'shymkent-border'" in p.message


def test_corridor_segment_that_touches_the_wrong_end(tmp_path, data):
    # border-tashkent shares 'zhibek-zholy' with shymkent-border, but the walk is at tashkent
    data["corridors.json"]["corridors"][0]["segments"] = ["shymkent-border", "border-tashkent", "shymkent-border"]
    problems = problems_for(tmp_path, data)
    assert any("listed twice" in p.message for p in problems)
    assert any("does not continue from node 'tashkent'" in p.message for p in problems), format_problems(problems)


def test_corridor_must_start_in_kazakhstan(tmp_path, data):
    data["corridors.json"]["corridors"][0]["segments"] = ["border-tashkent", "tashkent-termez", "hairatan-chaman",
                                                          "chaman-karachi"]
    # starts at the border crossing KAZ/UZB: that counts as Kazakh
    assert problems_for(tmp_path, data) == []
    data["corridors.json"]["corridors"][0]["segments"] = ["chaman-karachi"]
    p = only(problems_for(tmp_path / "b", data), "corridors.json", "western-route", "segments")
    assert "not in Kazakhstan" in p.message


def test_corridor_listed_in_reverse(tmp_path, data):
    data["corridors.json"]["corridors"][0]["segments"].reverse()
    p = only(problems_for(tmp_path, data), "corridors.json", "western-route", "segments")
    assert "from the Kazakh origin to the Pakistani port" in p.message


def test_node_geometry_must_be_point(tmp_path, data):
    node_feature(data, "shymkent")["geometry"] = {"type": "LineString", "coordinates": [[69, 42], [70, 42]]}
    p = only(problems_for(tmp_path, data), "nodes.geojson", "shymkent", "geometry")
    assert "must be a Point, not 'LineString'" in p.message


def test_segment_countries_in_travel_order(tmp_path, data):
    segment(data, "chaman-karachi")["countries"] = ["PAK", "AFG"]
    p = only(problems_for(tmp_path, data), "segments.geojson", "chaman-karachi", "countries")
    assert "the last country is AFG, but the 'to' node 'karachi-port' is in PAK" in p.message


def test_land_border_only_at_a_border_crossing_node(tmp_path, data):
    chaman = node(data, "chaman")
    chaman.update(kind="city", country="AFG")
    del chaman["countries"]
    segment(data, "chaman-karachi")["countries"] = ["AFG", "PAK"]
    p = only(problems_for(tmp_path, data), "segments.geojson", "chaman-karachi", "countries")
    assert "crosses from AFG to PAK by land, but neither end is a border_crossing node" in p.message
    segment(data, "hairatan-chaman")["countries"] = ["AFG", "TKM", "AFG"]
    problems = problems_for(tmp_path / "b", data)
    p = only(problems, "segments.geojson", "hairatan-chaman", "countries")
    assert "crosses 2 land borders (AFG, TKM, AFG)" in p.message


def test_segment_needs_two_positions(tmp_path, data):
    segment_feature(data, "border-tashkent")["geometry"]["coordinates"] = [[69.24, 41.30]]
    p = only(problems_for(tmp_path, data), "segments.geojson", "border-tashkent", "geometry.coordinates")
    assert "at least 2 positions" in p.message


def test_longitude_out_of_range(tmp_path, data):
    node_feature(data, "karachi-port")["geometry"]["coordinates"] = [246.98, 24.84]
    problems = problems_for(tmp_path, data)
    p = only(problems, "nodes.geojson", "karachi-port", "geometry.coordinates")
    assert "longitude 246.98 is outside -180..180" in p.message


def test_lat_lon_swapped(tmp_path, data):
    segment_feature(data, "chaman-karachi")["geometry"]["coordinates"][1] = [33.0, 98.0]
    p = only(problems_for(tmp_path, data), "segments.geojson", "chaman-karachi", "geometry.coordinates")
    assert "position 2 of 3: latitude 98.0 is outside -90..90" in p.message


def test_nan_coordinate(tmp_path, data):
    node_feature(data, "tashkent")["geometry"]["coordinates"] = [float("nan"), 41.3]
    folder = write_dataset(tmp_path / "nan", data)  # json.dumps writes the non-standard NaN literal
    assert "NaN" in (folder / "nodes.geojson").read_text(encoding="utf-8")
    p = only(validate_dataset(folder), "nodes.geojson", "tashkent", "geometry.coordinates")
    assert "longitude nan is not a finite number" in p.message


def test_coordinate_as_text(tmp_path, data):
    node_feature(data, "tashkent")["geometry"]["coordinates"] = ["69.24", 41.3]
    p = only(problems_for(tmp_path, data), "nodes.geojson", "tashkent", "geometry.coordinates")
    assert "longitude '69.24' is not a number" in p.message


def test_segment_end_far_from_its_node(tmp_path, data):
    segment_feature(data, "shymkent-border")["geometry"]["coordinates"][-1] = [69.28, 41.9]
    p = only(problems_for(tmp_path, data), "segments.geojson", "shymkent-border", "to")
    assert "last vertex is 57.8 km from node 'zhibek-zholy'" in p.message and "within 2 km" in p.message


def test_segment_end_just_within_tolerance(tmp_path, data):
    # 0.015 degrees of latitude is about 1.7 km
    segment_feature(data, "shymkent-border")["geometry"]["coordinates"][-1] = [69.28, 41.395]
    assert problems_for(tmp_path, data) == []


def test_missing_required_field_and_wrong_type(tmp_path, data):
    del segment(data, "border-tashkent")["line"]
    node(data, "shymkent")["name"] = 42
    problems = problems_for(tmp_path, data)
    assert only(problems, "segments.geojson", "border-tashkent", "line").message == "is missing"
    assert only(problems, "nodes.geojson", "shymkent", "name").message == "must be text, not a number 42"


def test_missing_file_and_truncated_file(tmp_path, data):
    folder = write_dataset(tmp_path / "ds", data)
    (folder / "sources.json").unlink()
    text = (folder / "corridors.json").read_text(encoding="utf-8")
    (folder / "corridors.json").write_text(text[: len(text) // 2], encoding="utf-8")
    problems = validate_dataset(folder)
    assert "file not found" in only(problems, "sources.json", None, None).message
    assert "invalid JSON at line" in only(problems, "corridors.json", None, None).message
    # the sources are gone, so every reference to one is reported, each with its record
    assert any(p.file == "nodes.geojson" and p.field == "sources" and "not a source id" in p.message for p in problems)


def test_wrong_top_level_shape(tmp_path, data):
    data["segments.geojson"]["features"] = {"shymkent-border": {}}
    data["agreements.json"] = {"agreement": []}
    problems = problems_for(tmp_path, data)
    assert "must hold a list under 'features'" in only(problems, "segments.geojson", None, "features").message
    assert "must hold a list under 'agreements'" in only(problems, "agreements.json", None, "agreements").message


def test_feature_without_properties(tmp_path, data):
    data["nodes.geojson"]["features"].append({"type": "Feature", "geometry": None})
    p = only(problems_for(tmp_path, data), "nodes.geojson", "#7", "properties")
    assert "must be an object" in p.message


def test_not_a_folder(tmp_path):
    problems = validate_dataset(tmp_path / "nowhere")
    assert len(problems) == 1 and "does not exist" in problems[0].message


def test_problem_formatting():
    p = Problem("segments.geojson", "ml1-karachi-rohri", "gauge_mm", "1600 is not a known gauge (1520, 1676, 1435)")
    assert str(p) == ("segments.geojson: segment 'ml1-karachi-rohri', field 'gauge_mm': "
                      "1600 is not a known gauge (1520, 1676, 1435)")
    assert str(Problem("nodes.geojson", "#3", None, "must be a GeoJSON Feature")) == \
        "nodes.geojson: node #3: must be a GeoJSON Feature"
    assert format_problems([]) == "No problems found."
    assert format_problems([p, p, p], limit=2).endswith("... and 1 more problems")


# -- single records (the edit form) ------------------------------------------------------
def test_validate_single_node(valid_folder):
    ds = Dataset.load(valid_folder)
    feature = copy.deepcopy(ds.nodes["tashkent"])
    assert validate_node(feature["properties"], feature["geometry"], ds, original_id="tashkent") == []
    # keeping an id that another node has is a duplicate
    problems = validate_node(feature["properties"], feature["geometry"], ds)
    assert [(p.record, p.field) for p in problems] == [("tashkent", "id")]
    feature["properties"].update(id="termez", kind="border_crossing")
    problems = validate_node(feature["properties"], feature["geometry"], ds)
    assert {p.field for p in problems} == {"countries", "country"}


def test_validate_single_segment_uses_the_same_rules(valid_folder):
    ds = Dataset.load(valid_folder)
    feature = copy.deepcopy(ds.segments["shymkent-border"])
    feature["properties"].update(id="shymkent-border-2", gauge_mm=1600)
    feature["geometry"]["coordinates"][0] = [70.5, 42.32]
    problems = validate_segment(feature["properties"], feature["geometry"], ds)
    assert str(only(problems, "segments.geojson", "shymkent-border-2", "gauge_mm")).endswith(
        "1600 is not a known gauge (1520, 1676, 1435)")
    assert "first vertex" in only(problems, "segments.geojson", "shymkent-border-2", "from").message
    # without a dataset, references and distances are not checked
    assert [p.field for p in validate_segment(feature["properties"], feature["geometry"])] == ["gauge_mm"]


def test_validate_single_records_of_the_json_files(valid_folder):
    ds = Dataset.load(valid_folder)
    ag = dict(ds.agreements["kaz-uzb-rail"], covers={"segments": ["nope"], "nodes": []})
    assert [p.field for p in validate_agreement(ag, ds, original_id="kaz-uzb-rail")] == ["covers.segments"]
    corridor = dict(ds.corridors["western-route"], segments=["shymkent-border", "chaman-karachi"])
    assert [p.field for p in validate_corridor(corridor, ds, original_id="western-route")] == ["segments"]
    assert [p.field for p in validate_source({"id": "s", "outlet": "x", "date": "2024-1-1", "title": "t",
                                              "kind": "news"}, ds)] == ["date"]
    assert validate_node("not a dict", None)[0].message.startswith("must be an object")


def test_builtin_dataset_is_valid():
    folder = ROOT / "geodata" / "data"
    if not (folder / "nodes.geojson").exists():
        pytest.skip("geodata/data has no nodes.geojson yet")
    problems = validate_dataset(folder)
    assert problems == [], format_problems(problems)


def test_json_nested_too_deeply(tmp_path, data):
    folder = write_dataset(tmp_path / "deep", data)
    (folder / "sources.json").write_text('{"sources": ' + "[" * 100000 + "]" * 100000 + "}", encoding="utf-8")
    p = only(validate_dataset(folder), "sources.json", None, None)
    assert "nested too deeply" in p.message


ODD_VALUES = [None, 0, -1, 1.5, float("nan"), True, "", "x", [], {}, [1, "a"], {"a": [1]}, [[1, 2]], [None],
              ["shymkent"], {"type": "Point"}, {"type": "LineString", "coordinates": None}, [["a", "b"]]]


def _paths(obj, prefix=()):
    if prefix:
        yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


def test_never_raises_on_odd_values(tmp_path):
    """Every field of every record replaced by odd values: problems come back, never an exception."""
    import random

    rnd = random.Random(7)
    base = make_dataset()
    everywhere = [(name, p) for name in base for p in _paths(base[name])]
    for trial in range(300):
        data = copy.deepcopy(base)
        for _ in range(rnd.randint(1, 4)):
            name, path = rnd.choice(everywhere)
            obj = data[name]
            try:
                for key in path[:-1]:
                    obj = obj[key]
                obj[path[-1]] = copy.deepcopy(rnd.choice(ODD_VALUES))
            except (KeyError, IndexError, TypeError):
                continue
        problems = validate_dataset(write_dataset(tmp_path / f"t{trial}", data))
        assert all(isinstance(p, Problem) and str(p) for p in problems)
        assert not any("could not be checked" in p.message for p in problems), format_problems(problems)


def test_pakistani_hinterland_link_needs_no_kazakh_origin(tmp_path, data):
    data["corridors.json"]["corridors"].append({
        "id": "chaman-karachi-link", "name": "Chaman to Karachi", "description": "Hinterland road.",
        "countries": ["PAK"], "segments": ["chaman-karachi"], "sources": ["src-news"]})
    assert problems_for(tmp_path, data) == []
    data["corridors.json"]["corridors"][-1]["segments"] = ["hairatan-chaman"]
    p = only(problems_for(tmp_path / "b", data), "corridors.json", "chaman-karachi-link", "segments")
    assert "hinterland link ends at node" in p.message and "not a Pakistani seaport" in p.message
