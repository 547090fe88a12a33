"""Routes, summaries, alternatives and comparison (geodata.routing) on the sample network
of test_network.py, plus checks on the built-in data when it is there."""
from __future__ import annotations

import csv
import importlib.util
import json
import math
from pathlib import Path

import networkx as nx
import pytest

from geodata import BUILTIN_DATA
from geodata.assumptions import AssumptionsError, default_assumptions, load_assumptions, user_assumptions_path
from geodata.dataset import Dataset
from geodata.network import build_graph
from geodata.routing import (
    COMPARISON_COLUMNS, EXISTING_ONLY, NoRoute, RouteError, RouteOptions, Router, _shortcut, compare_routes,
    find_route, write_comparison_csv,
)

_spec = importlib.util.spec_from_file_location("_route_sample", Path(__file__).with_name("test_network.py"))
sample_net = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample_net)

NON_OPERATIONAL = {"under_construction", "planned", "proposed"}


@pytest.fixture(autouse=True)
def _no_user_assumptions(tmp_path, monkeypatch):
    monkeypatch.setenv("CORRIDOR_ATLAS_ASSUMPTIONS", str(tmp_path / "no-user-copy.json"))


@pytest.fixture
def ds(tmp_path) -> Dataset:
    return Dataset.load(sample_net.write_sample(tmp_path / "sample"))


@pytest.fixture
def router(ds) -> Router:
    return Router(build_graph(ds), default_assumptions())


def legs_ok(route):
    """The legs join up from origin to destination."""
    assert route.legs[0].from_ == route.origin
    assert route.legs[-1].to == route.destination
    for a, b in zip(route.legs, route.legs[1:]):
        assert a.to == b.from_


# --- totals -----------------------------------------------------------------------------

@pytest.mark.parametrize("by", ["km", "time"])
def test_totals_are_the_sums_of_the_legs(router, by):
    r = router.route("almaty", "karachi", RouteOptions(by=by))
    legs_ok(r)
    total = sum(leg.km for leg in r.legs)
    assert r.total_km == pytest.approx(total)
    assert sum(r.km_by_mode.values()) == pytest.approx(total)
    assert sum(r.km_by_status.values()) == pytest.approx(total)
    assert sum(r.km_by_country.values()) == pytest.approx(total)
    assert r.hours == pytest.approx(sum(r.hours_breakdown.values()))
    dwell = sum(c["hours"] for c in r.border_crossings) + sum(t["hours"] for t in r.transshipments)
    assert r.hours == pytest.approx(r.hours_breakdown["moving"] + dwell)
    d = r.to_dict()
    assert d["total_km"] == pytest.approx(sum(leg["km"] for leg in d["legs"]), abs=1e-9)
    json.dumps(d)  # serialisable


def test_km_route_and_its_summary(router, ds):
    r = router.route("almaty", "karachi")
    assert [leg.id for leg in r.legs] == [
        "almaty_shymkent", "shymkent_saryagash", "saryagash_tashkent", "tashkent_termez", "termez_hairatan_rail",
        "hairatan_kabul_rail", "kabul_torkham_rail", "torkham_peshawar_rail", "peshawar_karachi_rail"]
    for leg in r.legs:
        assert leg.km == pytest.approx(ds.segment_km[leg.id])
    assert set(r.km_by_mode) == {"rail"}
    assert r.km_by_status["proposed"] == pytest.approx(ds.segment_km["hairatan_kabul_rail"])
    assert r.km_by_status["planned"] == pytest.approx(ds.segment_km["kabul_torkham_rail"])
    assert r.non_operational_km == pytest.approx(r.km_by_status["proposed"] + r.km_by_status["planned"])
    assert set(r.km_by_country) == {"KAZ", "UZB", "AFG", "PAK"}
    assert r.cost == pytest.approx(r.total_km)


def test_legs_are_oriented_in_travel_order(router):
    there = router.route("almaty", "karachi", RouteOptions(avoid={"AFG"}))
    back = router.route("karachi", "almaty", RouteOptions(avoid={"AFG"}))
    assert back.total_km == pytest.approx(there.total_km)
    sea_there = next(leg for leg in there.legs if leg.mode == "sea")
    sea_back = next(leg for leg in back.legs if leg.mode == "sea")
    assert (sea_there.from_, sea_there.to, sea_there.countries) == ("bandar_abbas", "karachi", ["IRN", "PAK"])
    assert (sea_back.from_, sea_back.to, sea_back.countries) == ("karachi", "bandar_abbas", ["PAK", "IRN"])


# --- filters ----------------------------------------------------------------------------

PAIRS = [("almaty", "karachi"), ("almaty", "gwadar"), ("almaty", "port_qasim"), ("tashkent", "peshawar"),
         ("termez", "kabul"), ("mazar", "torkham"), ("shymkent", "bandar_abbas")]


@pytest.mark.parametrize("by", ["km", "time"])
def test_existing_only_never_uses_planned_or_proposed(router, by):
    for a, b in PAIRS:
        for r in router.routes(a, b, RouteOptions.existing_only(by=by), k=4):
            bad = [(leg.id, leg.status) for leg in r.legs if leg.status != "operational"]
            assert not bad, (a, b, bad)
            assert r.non_operational_km == 0
            assert not any("not operational" in w for w in r.warnings)


def test_existing_only_when_the_only_link_is_planned(tmp_path):
    # remove the roads beyond Mazar: only the planned rail remains
    ds = Dataset.load(sample_net.write_sample(tmp_path / "s", drop_segments=(
        "mazar_kabul_road", "kabul_torkham_road")))
    router = Router(build_graph(ds), default_assumptions())
    r = router.route("almaty", "peshawar")
    assert any(leg.status in NON_OPERATIONAL for leg in r.legs)
    r = router.route("almaty", "peshawar", RouteOptions.existing_only())  # around by Iran and the sea
    assert all(leg.status == "operational" for leg in r.legs)
    assert "bandar_abbas" in r.nodes
    with pytest.raises(NoRoute) as exc:
        router.route("almaty", "kabul", RouteOptions.existing_only())
    msg = str(exc.value)
    assert "Almaty (almaty)" in msg and "Kabul (kabul)" in msg
    assert "not operational" in msg  # the filter that would allow it


def test_statuses_filter_with_under_construction(router, ds, tmp_path):
    ds2 = Dataset.load(sample_net.write_sample(tmp_path / "uc", status_overrides={
        "mazar_kabul_rail": "under_construction", "kabul_torkham_rail": "under_construction"}))
    r2 = Router(build_graph(ds2), default_assumptions())
    opts = RouteOptions(statuses={"operational", "under_construction"}, modes={"rail"})
    r = r2.route("mazar", "torkham", opts)
    assert [leg.id for leg in r.legs] == ["mazar_kabul_rail", "kabul_torkham_rail"]
    with pytest.raises(NoRoute):
        r2.route("mazar", "torkham", RouteOptions(statuses=EXISTING_ONLY, modes={"rail"}))


def test_modes_filter(router):
    r = router.route("termez", "karachi", RouteOptions(modes={"road"}))
    assert {leg.mode for leg in r.legs} == {"road"}
    assert r.transshipments == []
    with pytest.raises(NoRoute) as exc:
        router.route("almaty", "karachi", RouteOptions(modes={"road"}))  # no road out of Almaty here
    assert "every mode" in str(exc.value)


@pytest.mark.parametrize("bad", [dict(modes={"air"}), dict(modes=set()), dict(statuses={"built"}), dict(by="cost")])
def test_bad_options_are_refused(bad):
    with pytest.raises(RouteError):
        RouteOptions(**bad)


def test_avoid_country(router):
    r = router.route("almaty", "karachi", RouteOptions(avoid={"afg"}))
    assert all("AFG" not in leg.countries for leg in r.legs)
    assert not {"hairatan", "mazar", "kabul", "torkham"} & set(r.nodes)
    assert "bandar_abbas" in r.nodes
    with pytest.raises(NoRoute) as exc:
        router.route("almaty", "karachi", RouteOptions(avoid={"AFG", "IRN"}))
    assert "drop --avoid" in str(exc.value)
    with pytest.raises(NoRoute) as exc:
        router.route("almaty", "kabul", RouteOptions(avoid={"AFG"}))
    assert "Kabul (kabul) is in AFG" in str(exc.value)


def test_impossible_route_says_so(tmp_path):
    rec = sample_net.sample_records()
    rec["nodes.geojson"]["features"].append(sample_net._feature(
        {"type": "Point", "coordinates": [75.9, 39.5]},
        {"id": "kashgar", "name": "Kashgar", "kind": "dry_port", "country": "CHN", "modes": ["rail"],
         "status": "operational"}))
    router = Router(build_graph(Dataset.load(sample_net.write_records(tmp_path / "x", rec))), default_assumptions())
    with pytest.raises(NoRoute) as exc:
        router.route("kashgar", "karachi")
    assert "not connected in the network at all" in str(exc.value)
    with pytest.raises(RouteError, match="unknown node id"):
        router.route("nowhere", "karachi")
    with pytest.raises(RouteError, match="same place"):
        router.route("karachi", "karachi")


# --- crossings, transshipments, agreements ----------------------------------------------

def test_break_of_gauge_is_reported_at_the_right_node(router):
    r = router.route("almaty", "karachi")
    assert [(t["node"], t["kind"], t["from_gauge"], t["to_gauge"]) for t in r.transshipments] == [
        ("torkham", "break_of_gauge", 1520, 1676)]
    r = router.route("almaty", "karachi", RouteOptions(avoid={"AFG"}))
    assert [(t["node"], t["kind"]) for t in r.transshipments] == [
        ("sarakhs", "break_of_gauge"), ("bandar_abbas", "mode_change")]
    gauge = r.transshipments[0]
    assert (gauge["from_gauge"], gauge["to_gauge"], gauge["name"]) == (1520, 1435, "Sarakhs")
    assert (r.transshipments[1]["from_mode"], r.transshipments[1]["to_mode"]) == ("rail", "sea")


def test_mode_changes_in_order(router):
    r = router.route("almaty", "karachi", RouteOptions.existing_only())
    assert [(t["node"], t["from_mode"], t["to_mode"]) for t in r.transshipments] == [
        ("mazar", "rail", "road"), ("torkham", "road", "rail")]


def test_border_crossings_in_order(router):
    r = router.route("almaty", "karachi")
    assert [(c["node"], c["from_country"], c["to_country"]) for c in r.border_crossings] == [
        ("saryagash", "KAZ", "UZB"), ("hairatan", "UZB", "AFG"), ("torkham", "AFG", "PAK")]
    r = router.route("almaty", "karachi", RouteOptions(avoid={"AFG"}))
    assert [(c["node"], c["from_country"], c["to_country"]) for c in r.border_crossings] == [
        ("saryagash", "KAZ", "UZB"), ("farap", "UZB", "TKM"), ("sarakhs", "TKM", "IRN"), (None, "IRN", "PAK")]
    assert r.border_crossings[-1]["segment"] == "bandar_abbas_karachi_sea"


def test_no_crossing_when_starting_or_ending_at_a_border_node(router):
    r = router.route("hairatan", "torkham", RouteOptions.existing_only())
    assert r.border_crossings == []


def test_agreements_and_warnings(router):
    r = router.route("almaty", "karachi")
    by_id = {a["id"]: a for a in r.agreements}
    assert set(by_id) == {"tir", "transafghan_financing", "uap_framework", "apptta"}
    assert by_id["transafghan_financing"]["status"] == "under_negotiation"
    assert not by_id["transafghan_financing"]["signed"]
    assert by_id["uap_framework"]["signed"] and by_id["apptta"]["signed"]
    assert by_id["apptta"]["nodes"] == ["torkham"]  # covers the crossing node
    assert r.unsigned_agreements == ["transafghan_financing"]
    text = "\n".join(r.warnings)
    assert "transafghan_financing" in text and "under negotiation" in text
    assert "Trans-Afghan shortcut" in text and "proposed" in text and "expected 2035" in text
    safe = router.route("almaty", "karachi", RouteOptions.existing_only())
    assert safe.unsigned_agreements == [] and safe.warnings == []


def test_unknown_agreement_id_is_a_warning(tmp_path):
    rec = sample_net.sample_records()
    for f in rec["segments.geojson"]["features"]:
        if f["properties"]["id"] == "tashkent_termez":
            f["properties"]["agreements"] = ["no_such_deal"]
    router = Router(build_graph(Dataset.load(sample_net.write_records(tmp_path / "x", rec))), default_assumptions())
    r = router.route("almaty", "termez")
    assert any("no_such_deal" in w and "does not define" in w for w in r.warnings)


def test_planned_node_is_a_warning(tmp_path):
    rec = sample_net.sample_records()
    for f in rec["nodes.geojson"]["features"]:
        if f["properties"]["id"] == "kabul":
            f["properties"]["status"] = "planned"
    router = Router(build_graph(Dataset.load(sample_net.write_records(tmp_path / "x", rec))), default_assumptions())
    r = router.route("mazar", "torkham", RouteOptions.existing_only())
    assert any("Kabul (kabul)" in w and "planned" in w for w in r.warnings)


def test_reentering_a_country_is_a_warning(tmp_path):
    def node(nid, lon, **p):
        return sample_net._feature({"type": "Point", "coordinates": [lon, 34.0]},
                                   dict(id=nid, name=nid.title(), modes=["road"], status="operational", **p))

    def seg(sid, a, b, la, lb, country):
        return sample_net._feature({"type": "LineString", "coordinates": [[la, 34.0], [lb, 34.0]]},
                                   dict(id=sid, name=sid, mode="road", status="operational", gauge_mm=None,
                                        **{"from": a, "to": b}, countries=[country], agreements=[]))

    rec = sample_net.sample_records()
    rec["nodes.geojson"]["features"] = [
        node("a", 70.0, kind="city", country="PAK"), node("x1", 70.5, kind="border_crossing", countries=["PAK", "AFG"]),
        node("b", 71.0, kind="city", country="AFG"), node("x2", 71.5, kind="border_crossing", countries=["AFG", "PAK"]),
        node("c", 72.0, kind="city", country="PAK")]
    rec["segments.geojson"]["features"] = [
        seg("s1", "a", "x1", 70.0, 70.5, "PAK"), seg("s2", "x1", "b", 70.5, 71.0, "AFG"),
        seg("s3", "b", "x2", 71.0, 71.5, "AFG"), seg("s4", "x2", "c", 71.5, 72.0, "PAK")]
    rec["agreements.json"]["agreements"] = []
    router = Router(build_graph(Dataset.load(sample_net.write_records(tmp_path / "re", rec))), default_assumptions())
    r = router.route("a", "c")
    assert len(r.border_crossings) == 2
    assert "the route leaves PAK and enters again (countries in order: PAK -> AFG -> PAK)" in r.warnings


# --- time -------------------------------------------------------------------------------

def test_time_route_uses_the_assumptions(router):
    a = default_assumptions()
    r = router.route("termez", "karachi", RouteOptions(by="time", modes={"road"}))
    moving = sum(leg.km / a.speed("road", leg.status) for leg in r.legs)
    assert r.hours_breakdown["moving"] == pytest.approx(moving)
    assert r.hours == pytest.approx(moving + 2 * a.border_dwell("road"))  # Hairatan, Torkham
    assert r.cost == pytest.approx(r.hours)
    assert r.assumptions["speed_kmh"]["road"]["operational"] == a.speed("road", "operational")
    assert r.assumptions["dwell_hours"]["border_crossing"]["road"] == a.border_dwell("road")


def test_time_and_distance_can_choose_differently(router):
    by_km = router.route("almaty", "karachi", RouteOptions.existing_only())
    by_time = router.route("almaty", "karachi", RouteOptions.existing_only(by="time"))
    assert by_time.hours <= by_km.hours
    assert by_km.total_km <= by_time.total_km
    assert by_time.keys != by_km.keys  # road from Termez saves two transshipments


def _all_simple_costs(router, a, b, opts):
    prep = router.prepared(opts)
    costs = []
    for path in nx.all_simple_edge_paths(router.G, a, b):
        arcs, at, ok = [], a, True
        for u, v, key in path:
            nxt = v if u == at else u
            arc = prep.out[at].get(key)
            if arc is None:
                ok = False
                break
            arcs.append(arc)
            at = nxt
        if ok:
            costs.append(prep.path_cost(arcs))
    return sorted(costs)


def _all_place_costs(router, a, b, opts):
    prep = router.prepared(opts)
    paths = {tuple(p) for p in nx.all_simple_paths(nx.Graph(router.G), a, b)}
    return sorted(res[0] for res in map(prep.best_along, paths) if res is not None)


OPTIONS = [RouteOptions(), RouteOptions(by="time"), RouteOptions.existing_only(by="time"),
           RouteOptions(by="time", avoid={"AFG"}), RouteOptions(by="time", modes={"road", "sea"})]


@pytest.mark.parametrize("opts", OPTIONS)
@pytest.mark.parametrize("dest", ["gwadar", "karachi", "port_qasim"])
def test_search_and_alternatives_are_optimal(router, opts, dest):
    """Against brute force over every simple path: the best route and the k best, with
    alternatives distinct by places (default) and by segments."""
    by_segments = _all_simple_costs(router, "almaty", dest, opts)
    by_places = _all_place_costs(router, "almaty", dest, opts)
    if not by_segments:
        with pytest.raises(NoRoute):
            router.route("almaty", dest, opts)
        return
    assert router.route("almaty", dest, opts).cost == pytest.approx(by_segments[0])
    assert by_places[0] == pytest.approx(by_segments[0])
    routes = router.routes("almaty", dest, opts, k=5, distinct="segments")
    assert [r.cost for r in routes] == pytest.approx(by_segments[:5])
    routes = router.routes("almaty", dest, opts, k=5)
    assert [r.cost for r in routes] == pytest.approx(by_places[:5])


def test_node_override_changes_the_dwell(tmp_path, ds):
    over = tmp_path / "mine.json"
    over.write_text(json.dumps({"dwell_hours": {"node_overrides": {"torkham": {"border_crossing": 72}}}}))
    a = load_assumptions(over)
    r = Router(build_graph(ds), a).route("termez", "karachi", RouteOptions(by="time", modes={"road"}))
    assert {c["node"]: c["hours"] for c in r.border_crossings} == {"hairatan": 12, "torkham": 72}
    assert str(over) in r.assumptions["files"]


# --- alternatives -----------------------------------------------------------------------

@pytest.mark.parametrize("by", ["km", "time"])
def test_alternatives_are_distinct_sorted_and_loopless(router, by):
    for distinct, k, expected in (("segments", 6, 6), ("places", 6, 3)):
        routes = router.routes("almaty", "karachi", RouteOptions(by=by), k=k, distinct=distinct)
        assert len(routes) == expected
        assert len({r.keys for r in routes}) == expected
        if distinct == "places":
            assert len({tuple(r.nodes) for r in routes}) == expected
        costs = [r.cost for r in routes]
        assert costs == sorted(costs)
        for r in routes:
            legs_ok(r)
            assert len(set(r.nodes)) == len(r.nodes)
        assert routes[0].keys == router.route("almaty", "karachi", RouteOptions(by=by)).keys


def test_alternatives_by_places_take_the_best_parallel_segment(router):
    """Termez–Hairatan and Hairatan–Mazar have rail and road side by side: by time the
    first route keeps the train to Mazar, and no alternative is the same places by road."""
    routes = router.routes("almaty", "mazar", RouteOptions(by="time"), k=3)
    assert {leg.mode for leg in routes[0].legs} == {"rail"}
    assert routes[0].nodes[-3:] == ["termez", "hairatan", "mazar"]
    assert not any(r.nodes == routes[0].nodes for r in routes[1:])
    by_segments = router.routes("almaty", "mazar", RouteOptions(by="time"), k=3, distinct="segments")
    assert by_segments[0].keys == routes[0].keys
    assert by_segments[1].nodes == routes[0].nodes  # the same places, by road on a stretch


def test_alternatives_by_borders(router):
    routes = router.routes("almaty", "karachi", RouteOptions(by="time"), k=5, distinct="borders")
    sigs = [tuple(c["node"] for c in r.border_crossings) for r in routes]
    assert len(set(sigs)) == len(sigs) == 2   # Trans-Afghan, or around by Iran and the sea
    assert sigs[1] == ("saryagash", "farap", "sarakhs", None)
    with pytest.raises(RouteError):
        router.routes("almaty", "karachi", k=2, distinct="colours")


def test_alternatives_fewer_than_asked_when_the_network_is_small(router):
    routes = router.routes("karachi", "port_qasim", k=5)
    assert [r.keys for r in routes] == [("karachi_port_qasim_rail",)]


def test_alternatives_bad_k(router):
    for k in (0, -1, 1.5, True):
        with pytest.raises(RouteError):
            router.routes("almaty", "karachi", k=k)


def test_shortcut_removes_loops():
    class A:
        def __init__(self, u, v):
            self.u, self.v = u, v

        def __repr__(self):
            return f"{self.u}>{self.v}"

    walk = [A("a", "b"), A("b", "c"), A("c", "d"), A("d", "b"), A("b", "e")]
    assert [(x.u, x.v) for x in _shortcut(walk)] == [("a", "b"), ("b", "e")]
    assert _shortcut([]) == []


# --- as of a date -----------------------------------------------------------------------

def test_route_as_of_a_date(ds):
    old = Router(build_graph(ds, as_of=2010), default_assumptions())
    r = old.route("termez", "mazar", RouteOptions.existing_only())
    assert r.legs[-1].id == "hairatan_mazar_road"  # the railway opened in 2011
    assert build_graph(ds).edges["hairatan", "mazar", "hairatan_mazar_rail"]["status"] == "operational"
    future = Router(build_graph(ds, as_of=2031, scenario="planned"), default_assumptions())
    r = future.route("mazar", "torkham", RouteOptions.existing_only(modes={"rail"}))
    assert [leg.id for leg in r.legs] == ["mazar_kabul_rail", "kabul_torkham_rail"]
    assert all(leg.status == "operational" and leg.recorded_status == "planned" for leg in r.legs)
    assert any("planned today, expected 2030" in w and "as of 2031 (planned scenario)" in w for w in r.warnings)


# --- comparison -------------------------------------------------------------------------

def test_compare_routes_table(router):
    routes = [router.route("almaty", "karachi"), router.route("almaty", "karachi", RouteOptions(avoid={"AFG"}))]
    rows = compare_routes(routes, labels=["Trans-Afghan", "Iran + sea"])
    assert [tuple(r) for r in rows] == [COMPARISON_COLUMNS] * 2
    a, b = rows
    assert a["label"] == "Trans-Afghan"
    assert a["total_km"] == pytest.approx(routes[0].total_km, abs=0.05)
    assert a["km_rail"] == pytest.approx(a["total_km"], abs=0.1) and a["km_road"] == 0
    assert (a["border_crossings"], a["transshipments"]) == (3, 1)
    assert a["non_operational_km"] > 0 and a["unsigned_agreements"] == ["transafghan_financing"]
    assert (b["border_crossings"], b["transshipments"], b["non_operational_km"]) == (4, 2, 0)
    assert b["km_sea"] > 0 and b["unsigned_agreements"] == []
    assert math.isclose(b["hours"], routes[1].hours, abs_tol=0.05)
    default = compare_routes(routes)
    assert default[0]["label"].startswith("via Saryagash, Termez–Hairatan, Torkham")
    with pytest.raises(ValueError):
        compare_routes(routes, labels=["one"])


def test_comparison_csv(router, tmp_path):
    routes = router.routes("almaty", "karachi", k=3)
    rows = compare_routes(routes)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "cmp.csv"
    out.write_text("old content")
    write_comparison_csv(rows, out)
    with out.open(newline="", encoding="utf-8") as fh:
        back = list(csv.DictReader(fh))
    assert [tuple(r) for r in back] == [COMPARISON_COLUMNS] * 3
    assert [float(r["total_km"]) for r in back] == [row["total_km"] for row in rows]
    assert back[0]["unsigned_agreements"] == "transafghan_financing"
    assert [p.name for p in out.parent.iterdir()] == ["cmp.csv"]  # no temp file left behind


def test_comparison_csv_failure_leaves_old_file(router, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "cmp.csv"
    out.write_text("old content")
    with pytest.raises(Exception):
        write_comparison_csv([{"label": "ok"}, 5], out)
    assert out.read_text() == "old content"
    assert [p.name for p in out.parent.iterdir()] == ["cmp.csv"]


# --- assumptions ------------------------------------------------------------------------

def test_user_copy_overrides_defaults(tmp_path, monkeypatch):
    user = tmp_path / "user.json"
    user.write_text(json.dumps({"speed_kmh": {"rail": {"operational": 50}}}))
    monkeypatch.setenv("CORRIDOR_ATLAS_ASSUMPTIONS", str(user))
    assert user_assumptions_path() == user
    a = load_assumptions()
    assert a.speed("rail", "operational") == 50
    assert a.speed("road", "operational") == default_assumptions().speed("road", "operational")
    assert a.sources[-1] == str(user)


def test_user_copy_in_platform_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CORRIDOR_ATLAS_ASSUMPTIONS")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setattr("sys.platform", "linux")
    path = user_assumptions_path()
    assert path.name == "transit_assumptions.json"
    assert path.parent.name == "corridor-atlas"


@pytest.mark.parametrize("content, message", [
    ('{"speed_kmh": {"rail": {"operational": 0}}}', "speed_kmh.rail.operational"),
    ('{"speed_kmh": {"rail": {"operational": "fast"}}}', "expected a number"),
    ('{"speed_kmh": {"plane": {"operational": 700}}}', "unknown mode"),
    ('{"dwell_hours": {"border_crossing": {"road": -1}}}', "zero or more"),
    ('{"dwell_hours": {"node_overrides": {"torkham": {"lunch": 1}}}}', "expected border_crossing or transshipment"),
    ("{not json", "invalid JSON"),
    ("[]", "JSON object"),
])
def test_bad_assumptions_are_refused(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(AssumptionsError, match=message.replace(".", r"\.")):
        load_assumptions(bad)


def test_default_assumptions_file_is_complete():
    data = json.loads((BUILTIN_DATA / "transit_assumptions.json").read_text(encoding="utf-8"))
    assert "about" in data
    a = default_assumptions()
    for mode in ("rail", "road", "sea", "ferry"):
        for status in ("operational", "under_construction", "planned", "proposed"):
            assert 5 <= a.speed(mode, status) <= 120
    assert a.transshipment_dwell("break_of_gauge") <= a.transshipment_dwell("mode_change")


def test_find_route_convenience(ds):
    r = find_route(ds, "almaty", "gwadar", RouteOptions(by="time"), assumptions=default_assumptions())
    assert r.destination == "gwadar"


# --- the built-in data ------------------------------------------------------------------

builtin = pytest.mark.skipif(not (BUILTIN_DATA / "nodes.geojson").exists() or
                             not (BUILTIN_DATA / "segments.geojson").exists(),
                             reason="built-in data not there yet (geodata/data/nodes.geojson)")


@pytest.fixture(scope="module")
def builtin_router():
    from geodata.names import PlaceIndex

    G = build_graph(Dataset.load())
    return Router(G, default_assumptions()), PlaceIndex(G)


@builtin
@pytest.mark.parametrize("port", ["Karachi", "Port Qasim", "Gwadar"])
def test_builtin_almaty_to_each_port(builtin_router, port):
    router, index = builtin_router
    a, b = index.resolve("Almaty"), index.resolve(port)
    for opts in (RouteOptions(), RouteOptions(by="time")):
        r = router.route(a, b, opts)
        legs_ok(r)
        assert r.total_km == pytest.approx(sum(leg.km for leg in r.legs))
        assert r.border_crossings, "a route from Kazakhstan to Pakistan crosses borders"


@builtin
def test_builtin_existing_only_never_uses_planned(builtin_router):
    router, index = builtin_router
    a = index.resolve("Almaty")
    for port in ("Karachi", "Port Qasim", "Gwadar"):
        try:
            routes = router.routes(a, index.resolve(port), RouteOptions.existing_only(), k=3)
        except NoRoute:
            continue
        for r in routes:
            assert all(leg.status == "operational" for leg in r.legs)
