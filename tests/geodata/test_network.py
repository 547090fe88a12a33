"""The route graph (geodata.network) on a small network written in the DATA.md format.

``write_sample(folder)`` builds the sample network the route tests share (test_routing,
test_names and test_cli_route load it from this file):

* a 1520 mm line Almaty – Shymkent – Saryagash (KAZ/UZB crossing) – Tashkent – Termez –
  Termez–Hairatan crossing (UZB/AFG) – Mazar-i-Sharif (opened 2011),
* the Trans-Afghan line Mazar – Kabul – Torkham (1520, planned, expected 2030) with a
  proposed shortcut Hairatan – Kabul, and roads Hairatan – Mazar – Kabul – Torkham,
* a 1676 mm line and a road Torkham (AFG/PAK crossing) – Peshawar – Karachi, a short
  1676 spur Karachi – Port Qasim, a coastal road and a sea leg Karachi – Gwadar,
* a route around Afghanistan: Tashkent – Farap (UZB/TKM) – Sarakhs (TKM/IRN, break of
  gauge 1520 / 1435) – Mashhad – Bandar Abbas, then by sea to Karachi.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodata import BUILTIN_DATA
from geodata.dataset import Dataset
from geodata.network import NetworkError, build_graph, diagnose, network_as_of, parse_year, status_at

SRC = ["src-ref"]

NODES = [
    # id, name, kind, country / countries, lon, lat, extra
    ("almaty", "Almaty", "city", "KAZ", 76.95, 43.25, {"names": {"en": "Almaty", "ru": "Алматы", "kk": "Алматы"}}),
    ("shymkent", "Shymkent", "junction", "KAZ", 69.60, 42.32, {"names": {"ru": "Шымкент"}}),
    ("saryagash", "Saryagash", "border_crossing", ["KAZ", "UZB"], 69.17, 41.45, {"name_other_side": "Keles"}),
    ("tashkent", "Tashkent", "city", "UZB", 69.24, 41.30, {"names": {"ru": "Ташкент"}}),
    ("termez", "Termez", "junction", "UZB", 67.28, 37.22, {}),
    ("hairatan", "Termez–Hairatan", "border_crossing", ["UZB", "AFG"], 67.42, 37.15, {"name_other_side": "Hairatan"}),
    ("mazar", "Mazar-i-Sharif", "city", "AFG", 67.11, 36.70, {}),
    ("kabul", "Kabul", "city", "AFG", 69.17, 34.53, {}),
    ("torkham", "Torkham", "border_crossing", ["AFG", "PAK"], 71.10, 34.10, {}),
    ("peshawar", "Peshawar", "city", "PAK", 71.57, 34.01, {}),
    ("karachi", "Karachi", "seaport", "PAK", 66.98, 24.85, {"names": {"ur": "کراچی"}}),
    ("port_qasim", "Port Qasim", "seaport", "PAK", 67.35, 24.78, {"names": {"en": "Port Muhammad Bin Qasim"}}),
    ("gwadar", "Gwadar", "seaport", "PAK", 62.33, 25.12, {}),
    ("farap", "Farap–Alat", "border_crossing", ["UZB", "TKM"], 63.85, 39.10, {"name_other_side": "Alat"}),
    ("sarakhs", "Sarakhs", "border_crossing", ["TKM", "IRN"], 61.15, 36.52, {}),
    ("mashhad", "Mashhad", "city", "IRN", 59.60, 36.30, {}),
    ("bandar_abbas", "Bandar Abbas", "seaport", "IRN", 56.28, 27.18, {}),
]

SEGMENTS = [
    # id, name, line, mode, status, gauge, from, to, countries, agreements, via, extra
    ("almaty_shymkent", "Almaty–Shymkent", "Turksib", "rail", "operational", 1520, "almaty", "shymkent", ["KAZ"], [],
     [(74.0, 43.0), (71.4, 42.9)], {}),
    ("shymkent_saryagash", "Shymkent–Saryagash", "KTZ", "rail", "operational", 1520, "shymkent", "saryagash", ["KAZ"],
     [], [], {}),
    ("saryagash_tashkent", "Keles–Tashkent", "UTY", "rail", "operational", 1520, "saryagash", "tashkent", ["UZB"],
     ["tir"], [], {}),
    ("tashkent_termez", "Tashkent–Termez", "UTY", "rail", "operational", 1520, "tashkent", "termez", ["UZB"], [],
     [(68.78, 40.11), (66.96, 39.65), (66.6, 38.3)], {}),
    ("termez_hairatan_rail", "Friendship Bridge (rail)", "UTY", "rail", "operational", 1520, "termez", "hairatan",
     ["UZB"], [], [], {}),
    ("termez_hairatan_road", "Friendship Bridge (road)", "M39", "road", "operational", None, "termez", "hairatan",
     ["UZB"], [], [(67.36, 37.20)], {}),
    ("hairatan_mazar_rail", "Hairatan–Mazar-i-Sharif", "Hairatan railway", "rail", "operational", 1520, "hairatan",
     "mazar", ["AFG"], [], [], {"opened": 2011}),
    ("hairatan_mazar_road", "Hairatan–Mazar road", "AH76", "road", "operational", None, "hairatan", "mazar", ["AFG"],
     [], [(67.30, 36.95)], {}),
    ("mazar_kabul_rail", "Trans-Afghan: Mazar–Kabul", "Trans-Afghan", "rail", "planned", 1520, "mazar", "kabul",
     ["AFG"], ["uap_framework", "transafghan_financing"], [(68.0, 35.9)], {"expected": 2030}),
    ("kabul_torkham_rail", "Trans-Afghan: Kabul–Torkham", "Trans-Afghan", "rail", "planned", 1520, "kabul", "torkham",
     ["AFG"], ["uap_framework", "transafghan_financing"], [(70.4, 34.4)], {"expected": 2030}),
    ("hairatan_kabul_rail", "Trans-Afghan shortcut", "Trans-Afghan", "rail", "proposed", 1520, "hairatan", "kabul",
     ["AFG"], ["transafghan_financing"], [], {"expected": 2035}),
    ("mazar_kabul_road", "Salang road", "AH76", "road", "operational", None, "mazar", "kabul", ["AFG"], [],
     [(68.2, 35.9), (69.1, 35.3)], {}),
    ("kabul_torkham_road", "Kabul–Torkham road", "AH1", "road", "operational", None, "kabul", "torkham", ["AFG"], [],
     [(70.45, 34.43)], {}),
    ("torkham_peshawar_rail", "Khyber line", "Khyber Pass Railway", "rail", "operational", 1676, "torkham",
     "peshawar", ["PAK"], [], [], {}),
    ("torkham_peshawar_road", "Khyber road", "N-5", "road", "operational", None, "torkham", "peshawar", ["PAK"],
     ["apptta"], [(71.35, 34.05)], {}),
    ("peshawar_karachi_rail", "ML-1 Peshawar–Karachi", "ML-1", "rail", "operational", 1676, "peshawar", "karachi",
     ["PAK"], [], [(72.3, 33.6), (73.0, 31.5), (71.5, 29.4), (68.9, 27.7), (68.37, 25.39)], {}),
    ("peshawar_karachi_road", "N-5 Peshawar–Karachi", "N-5", "road", "operational", None, "peshawar", "karachi",
     ["PAK"], [], [(72.4, 33.6), (73.1, 31.4), (71.4, 29.3), (68.8, 27.6), (68.3, 25.4)], {}),
    ("karachi_port_qasim_rail", "Port Qasim spur", "ML-1", "rail", "operational", 1676, "karachi", "port_qasim",
     ["PAK"], [], [], {}),
    ("karachi_gwadar_road", "Makran Coastal Highway", "N-10", "road", "operational", None, "karachi", "gwadar",
     ["PAK"], [], [(66.6, 25.4), (64.6, 25.3)], {}),
    ("karachi_gwadar_sea", "Karachi–Gwadar by sea", "coastal", "sea", "operational", None, "karachi", "gwadar", [],
     [], [(66.5, 24.6), (64.0, 24.9)], {}),
    ("tashkent_farap", "Tashkent–Bukhara–Farap", "UTY", "rail", "operational", 1520, "tashkent", "farap", ["UZB"], [],
     [(66.96, 39.65), (64.42, 39.77)], {}),
    ("farap_sarakhs", "Turkmenabat–Sarakhs", "TDY", "rail", "operational", 1520, "farap", "sarakhs", ["TKM"], [],
     [(62.5, 37.9)], {}),
    ("sarakhs_mashhad", "Sarakhs–Mashhad", "RAI", "rail", "operational", 1435, "sarakhs", "mashhad", ["IRN"], [], [],
     {}),
    ("mashhad_bandar_abbas", "Mashhad–Bandar Abbas", "RAI", "rail", "operational", 1435, "mashhad", "bandar_abbas",
     ["IRN"], [], [(58.2, 33.0), (56.9, 30.3)], {}),
    ("bandar_abbas_karachi_sea", "Bandar Abbas–Karachi by sea", "sea", "sea", "operational", None, "bandar_abbas",
     "karachi", ["IRN", "PAK"], [], [(57.5, 25.6), (61.0, 24.6), (65.5, 24.4)], {}),
]

AGREEMENTS = [
    ("uap_framework", "UAP railway framework agreement", "framework", ["UZB", "AFG", "PAK"], "signed",
     ["mazar_kabul_rail", "kabul_torkham_rail"], []),
    ("transafghan_financing", "Trans-Afghan railway financing", "mou", ["UZB", "AFG", "PAK"], "under_negotiation",
     ["mazar_kabul_rail", "kabul_torkham_rail", "hairatan_kabul_rail"], []),
    ("apptta", "Afghanistan–Pakistan Transit Trade Agreement", "transit_agreement", ["AFG", "PAK"], "in_force", [],
     ["torkham"]),
    ("tir", "TIR Convention", "convention", ["KAZ", "UZB", "AFG", "PAK", "TKM", "IRN"], "in_force", [], []),
]


def _feature(geometry: dict, props: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": props}


def sample_records(status_overrides: dict | None = None, drop_segments: tuple = ()) -> dict[str, dict]:
    coords = {n[0]: (n[4], n[5]) for n in NODES}
    nodes = []
    for nid, name, kind, country, lon, lat, extra in NODES:
        p = {"id": nid, "name": name, "kind": kind, "modes": ["rail", "road"], "status": "operational",
             "sources": SRC, "confidence": "medium", "note": ""}
        if kind == "border_crossing":
            p["countries"] = country
        else:
            p["country"] = country
        if kind == "seaport":
            p["modes"] = ["rail", "road", "sea"]
        p.update(extra)
        nodes.append(_feature({"type": "Point", "coordinates": [lon, lat]}, p))
    segments = []
    for sid, name, line, mode, status, gauge, a, b, countries, agreements, via, extra in SEGMENTS:
        if sid in drop_segments:
            continue
        p = {"id": sid, "name": name, "line": line, "mode": mode,
             "status": (status_overrides or {}).get(sid, status), "status_date": "2025-06",
             "gauge_mm": gauge, "from": a, "to": b, "countries": countries, "agreements": agreements,
             "sources": SRC, "confidence": "medium", "note": ""}
        p.update(extra)
        line_coords = [list(coords[a])] + [list(v) for v in via] + [list(coords[b])]
        segments.append(_feature({"type": "LineString", "coordinates": line_coords}, p))
    agreements = [
        {"id": aid, "title": title, "kind": kind, "parties": parties, "status": status,
         "dates": {"signed": None, "in_force": None, "expected": None},
         "covers": {"segments": segs, "nodes": nodes_}, "summary": "", "sources": SRC}
        for aid, title, kind, parties, status, segs, nodes_ in AGREEMENTS
    ]
    return {
        "nodes.geojson": {"type": "FeatureCollection", "features": nodes},
        "segments.geojson": {"type": "FeatureCollection", "features": segments},
        "agreements.json": {"agreements": agreements},
        "corridors.json": {"corridors": []},
        "sources.json": {"sources": [{"id": "src-ref", "outlet": "test", "date": "2025", "title": "test data",
                                      "kind": "reference"}]},
    }


def write_records(folder: Path, records: dict[str, dict]) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in records.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def write_sample(folder: Path, **kw) -> Path:
    return write_records(folder, sample_records(**kw))


@pytest.fixture
def sample(tmp_path) -> Dataset:
    return Dataset.load(write_sample(tmp_path / "sample"))


# ---------------------------------------------------------------------------------------

def test_graph_has_every_node_and_segment(sample):
    G = build_graph(sample)
    assert set(G.nodes) == set(sample.nodes)
    assert G.number_of_edges() == len(sample.segments)
    assert G.graph["problems"] == []


def test_parallel_rail_and_road_segments_are_two_edges(sample):
    G = build_graph(sample)
    between = G.get_edge_data("hairatan", "mazar")
    assert set(between) == {"hairatan_mazar_rail", "hairatan_mazar_road"}
    assert between["hairatan_mazar_rail"]["mode"] == "rail"
    assert between["hairatan_mazar_road"]["mode"] == "road"


def test_edge_attributes(sample):
    G = build_graph(sample)
    e = G.edges["peshawar", "karachi", "peshawar_karachi_rail"]
    assert e["km"] == pytest.approx(sample.segment_km["peshawar_karachi_rail"])
    assert 1100 < e["km"] < 1900
    assert e["gauge_mm"] == 1676
    assert e["countries"] == ["PAK"]
    assert e["from"] == "peshawar" and e["to"] == "karachi"
    assert G.edges["mazar", "kabul", "mazar_kabul_rail"]["agreements"] == ["uap_framework", "transafghan_financing"]
    assert G.nodes["torkham"]["countries"] == ["AFG", "PAK"]
    assert G.nodes["karachi"]["countries"] == ["PAK"]


@pytest.mark.parametrize("value, year", [("2030", 2030), ("2024-05", 2024), ("2024-05-17", 2024), (2019, 2019),
                                         (None, None), ("", None)])
def test_parse_year(value, year):
    assert parse_year(value) == year


@pytest.mark.parametrize("value", ["20x0", "May 2024", "24", True])
def test_parse_year_refuses_bad_dates(value):
    with pytest.raises(NetworkError):
        parse_year(value)


def test_status_at_rules():
    built_2011 = {"status": "operational", "opened": 2011}
    assert status_at(built_2011) == "operational"
    assert status_at(built_2011, "2010") == "planned"          # not yet running
    assert status_at(built_2011, "2011-01") == "operational"
    old = {"status": "operational"}                              # no year: assumed running
    assert status_at(old, 1990) == "operational"
    planned = {"status": "planned", "expected": 2030}
    assert status_at(planned, 2035) == "planned"                 # 'actual' promotes nothing
    assert status_at(planned, 2035, "planned") == "operational"
    assert status_at(planned, 2030, "planned") == "operational"
    assert status_at(planned, 2029, "planned") == "planned"
    assert status_at({"status": "proposed"}, 2050, "planned") == "proposed"  # no expected year
    with pytest.raises(NetworkError):
        status_at(planned, 2030, "someday")


def test_graph_as_of_a_date(sample):
    G = build_graph(sample, as_of="2010")
    e = G.edges["hairatan", "mazar", "hairatan_mazar_rail"]
    assert e["status"] == "planned" and e["recorded_status"] == "operational"
    G = build_graph(sample, as_of=2031, scenario="planned")
    assert G.edges["mazar", "kabul", "mazar_kabul_rail"]["status"] == "operational"
    assert G.edges["hairatan", "kabul", "hairatan_kabul_rail"]["status"] == "proposed"  # expected 2035
    statuses = network_as_of(sample, 2036, "planned")
    assert statuses["hairatan_kabul_rail"] == "operational"
    assert statuses["almaty_shymkent"] == "operational"


def test_diagnose_clean_sample(sample):
    assert diagnose(build_graph(sample)) == []


def test_diagnose_reports_problems(tmp_path):
    rec = sample_records()
    segs = rec["segments.geojson"]["features"]
    # a segment to a node that does not exist, and the Khyber segments removed on the
    # Pakistani side so Torkham only has Afghan lines
    segs[0]["properties"]["to"] = "nowhere"
    rec["segments.geojson"]["features"] = [s for s in segs if not s["properties"]["id"].startswith("torkham_")]
    # an island: a node with a segment to another new node
    rec["nodes.geojson"]["features"].append(_feature({"type": "Point", "coordinates": [80.0, 40.0]},
                                                     {"id": "island_a", "name": "Island A", "kind": "city",
                                                      "country": "CHN", "modes": ["rail"], "status": "operational"}))
    rec["nodes.geojson"]["features"].append(_feature({"type": "Point", "coordinates": [80.5, 40.2]},
                                                     {"id": "island_b", "name": "Island B", "kind": "city",
                                                      "country": "CHN", "modes": ["rail"], "status": "operational"}))
    rec["segments.geojson"]["features"].append(_feature(
        {"type": "LineString", "coordinates": [[80.0, 40.0], [80.5, 40.2]]},
        {"id": "island_line", "name": "island", "mode": "rail", "status": "operational", "gauge_mm": 1435,
         "from": "island_a", "to": "island_b", "countries": ["CHN"], "agreements": []}))
    G = build_graph(Dataset.load(write_records(tmp_path / "broken", rec)))
    problems = "\n".join(diagnose(G))
    assert "'almaty_shymkent' joins unknown node(s) 'nowhere'" in problems
    assert "separate piece of 2 nodes" in problems and "island_a" in problems
    assert "border crossing 'torkham'" in problems and "cannot be crossed" in problems
    assert "almaty" in problems  # left on no segment


def test_network_module_has_no_qt():
    import subprocess
    import sys

    code = ("import sys, geodata.network, geodata.routing, geodata.names, geodata.cli_route, geodata.assumptions;"
            "print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False", out.stderr


# --- the built-in data ----------------------------------------------------------------

builtin = pytest.mark.skipif(not (BUILTIN_DATA / "nodes.geojson").exists() or
                             not (BUILTIN_DATA / "segments.geojson").exists(),
                             reason="built-in data not there yet (geodata/data/nodes.geojson)")


@builtin
def test_builtin_graph_builds_without_dropping_segments():
    ds = Dataset.load()
    G = build_graph(ds)
    assert G.graph["problems"] == []
    assert G.number_of_edges() == len(ds.segments)


@builtin
def test_builtin_network_is_one_piece_for_routing():
    import networkx as nx

    G = build_graph(Dataset.load())
    pieces = [c for c in nx.connected_components(G) if len(c) > 1]
    assert len(pieces) == 1, diagnose(G)
