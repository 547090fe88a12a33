"""Routes through waypoints (Router.route_via) and the standard corridors compared for any
two places (geodata.standard_routes), on the built-in network."""
from __future__ import annotations

import pytest

from geodata.assumptions import default_assumptions
from geodata.dataset import Dataset
from geodata.network import build_graph
from geodata.routing import EXISTING_ONLY, NoRoute, RouteError, RouteOptions, Router
from geodata.standard_routes import compare_standard_corridors, corridor_nodes, standard_corridors, waypoints_for


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return Dataset.load()


@pytest.fixture(scope="module")
def router(ds) -> Router:
    return Router(build_graph(ds), default_assumptions())


def joined(route):
    assert route.legs[0].from_ == route.origin and route.legs[-1].to == route.destination
    for a, b in zip(route.legs, route.legs[1:]):
        assert a.to == b.from_
    assert len(set(route.nodes)) == len(route.nodes), "a route through waypoints is still a simple path"


@pytest.mark.parametrize("by", ["km", "time"])
def test_route_via_passes_every_waypoint_in_order(router, by):
    via = ["hairatan-termez", "torkham"]
    r = router.route_via("almaty", via, "karachi-port", RouteOptions(by=by))
    joined(r)
    positions = [r.nodes.index(n) for n in via]
    assert positions == sorted(positions)
    assert r.total_km == pytest.approx(sum(leg.km for leg in r.legs))
    direct = router.route("almaty", "karachi-port", RouteOptions(by=by))
    assert r.cost >= direct.cost - 1e-9


def test_route_via_without_waypoints_is_the_best_route(router):
    assert router.route_via("almaty", [], "karachi-port").keys == router.route("almaty", "karachi-port").keys


def test_route_via_names_the_stretch_that_cannot_be_made(router):
    with pytest.raises(NoRoute) as exc:
        router.route_via("almaty", ["khorgos-altynkol", "khunjerab"], "karachi-port", RouteOptions(modes={"rail"}))
    msg = str(exc.value)
    assert "Khorgos" in msg and "Khunjerab" in msg and "no way from" in msg


def test_route_via_a_waypoint_in_an_avoided_country(router):
    with pytest.raises(NoRoute, match="AFG"):
        router.route_via("almaty", ["torkham"], "karachi-port", RouteOptions(avoid={"AFG"}))
    with pytest.raises(RouteError, match="unknown node"):
        router.route_via("almaty", ["nowhere"], "karachi-port")


def test_standard_corridors_cross_borders(ds):
    corridors = {c.id: c for c in standard_corridors(ds)}
    assert "trans-afghan" in corridors and "karakoram-china" in corridors
    assert not [cid for cid in corridors if ds.corridors[cid]["countries"] == ["PAK"]]
    ta = corridors["trans-afghan"].waypoints
    assert ta.index("hairatan-termez") < ta.index("torkham")
    chain = corridor_nodes(ds, ds.corridors["trans-afghan"])
    assert chain[0] == "almaty" and chain[-1] == "karachi-port"


@pytest.mark.parametrize("statuses", [None, EXISTING_ONLY])
def test_each_corridor_route_crosses_at_its_own_crossings(router, ds, statuses):
    results = compare_standard_corridors(router, ds, "almaty", "karachi-port", RouteOptions(statuses=statuses))
    assert len(results) == len(standard_corridors(ds))
    for res in results:
        assert res.route is not None, res.error
        joined(res.route)
        assert res.route.label == res.corridor.name
        crossing_nodes = [c["node"] for c in res.route.border_crossings if c["node"]]
        expected = [n for n in waypoints_for(ds, res.corridor, "almaty", "karachi-port")
                    if ds.nodes[n]["properties"]["kind"] == "border_crossing"]
        assert crossing_nodes == expected, res.corridor.id
        if statuses:
            assert all(leg.status == "operational" for leg in res.route.legs)


def test_waypoints_start_at_an_origin_on_the_corridor(ds):
    ta = {c.id: c for c in standard_corridors(ds)}["trans-afghan"]
    assert "saryagash-zhibek-zholy" in waypoints_for(ds, ta, "almaty", "karachi-port")
    assert waypoints_for(ds, ta, "tashkent", "karachi-port") == ["hairatan-termez", "torkham"]
    # to Gwadar, the corridor's own port Karachi is not a waypoint
    assert "karachi-port" not in waypoints_for(ds, ta, "almaty", "gwadar-port")


def test_a_corridor_impossible_under_the_filters_says_why(router, ds):
    results = {r.corridor.id: r for r in compare_standard_corridors(
        router, ds, "almaty", "karachi-port", RouteOptions(modes={"rail"}))}
    assert results["karakoram-china"].route is None
    assert "no way from" in results["karakoram-china"].error
    assert results["trans-afghan"].route is not None
