"""The standard corridors of the dataset as routes between any two places, for comparison.

A corridor in ``corridors.json`` is a fixed chain of segments (e.g. the Trans-Afghan
route from Almaty to Karachi). To compare the corridors for another pair of places, or
under filters (existing only, modes, an "as of" date), each corridor is reduced to the
places that make it what it is, its *waypoints*: its border crossings and the ports where
its sea or ferry legs start and end, in the corridor's order. The route is then the best
one from the origin through those waypoints to the destination (``Router.route_via``), so
it follows the corridor where the filters allow and says clearly where they do not; it
crosses borders only at the corridor's crossings where it can.

Only corridors that cross a border (two countries or more) are standard corridors; the
hinterland lines inside one country are not. For a given origin and destination, the
waypoints before the origin (when it lies on the corridor) and after the destination
(likewise) are dropped, and so are the corridor's last waypoints when they are seaports
of the destination's country (the way ends at the destination, not at the corridor's own
port).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .dataset import Dataset
from .routing import NoRoute, Route, RouteError, RouteOptions, Router


@dataclass(frozen=True)
class StandardCorridor:
    id: str
    name: str
    waypoints: tuple[str, ...]


@dataclass
class CorridorResult:
    corridor: StandardCorridor
    route: Route | None
    error: str | None     # why there is no route (None when there is one)


def corridor_nodes(ds: Dataset, corridor: dict) -> list[str]:
    """The nodes of a corridor in the order its segments are travelled (a segment may be
    drawn against the corridor's direction)."""
    ends = []
    for sid in corridor.get("segments") or []:
        p = (ds.segments.get(sid) or {}).get("properties", {})
        if p.get("from") and p.get("to"):
            ends.append((p["from"], p["to"]))
    order: list[str] = []
    for i, (a, b) in enumerate(ends):
        if not order:
            nxt = ends[i + 1] if i + 1 < len(ends) else ()
            if a in nxt and b not in nxt:
                a, b = b, a
            order = [a, b]
            continue
        if order[-1] == b:
            a, b = b, a
        if order[-1] != a:  # a gap in the chain: carry on from the segment's start
            order.append(a)
        order.append(b)
    return order


def _kind(ds: Dataset, nid: str) -> str | None:
    f = ds.nodes.get(nid)
    return f.get("properties", {}).get("kind") if f else None


def _countries(ds: Dataset, nid: str) -> set[str]:
    f = ds.nodes.get(nid)
    if not f:
        return set()
    p = f.get("properties", {})
    return set(p.get("countries") or ([p["country"]] if p.get("country") else []))


def standard_corridors(ds: Dataset) -> list[StandardCorridor]:
    """The corridors that cross a border, with their waypoints, in the file's order."""
    out = []
    for cid, c in ds.corridors.items():
        if len(set(c.get("countries") or [])) < 2:
            continue
        water_ports = set()
        for sid in c.get("segments") or []:
            p = (ds.segments.get(sid) or {}).get("properties", {})
            if p.get("mode") in ("sea", "ferry"):
                water_ports.update(n for n in (p.get("from"), p.get("to")) if _kind(ds, n) == "seaport")
        nodes = corridor_nodes(ds, c)
        points = [n for i, n in enumerate(nodes)
                  if _kind(ds, n) == "border_crossing" or n in water_ports
                  or (_kind(ds, n) == "seaport" and i == len(nodes) - 1)]
        out.append(StandardCorridor(cid, c.get("name") or cid, tuple(dict.fromkeys(points))))
    return out


def waypoints_for(ds: Dataset, corridor: StandardCorridor, origin: str, destination: str) -> list[str]:
    """The corridor's waypoints for a route from origin to destination (see module doc)."""
    points = list(corridor.waypoints)
    chain = corridor_nodes(ds, ds.corridors[corridor.id]) if corridor.id in ds.corridors else []
    if origin in chain:  # the origin is on the corridor: start there
        start = chain.index(origin)
        points = [n for n in points if n in chain and chain.index(n) > start]
    if destination in chain:  # the destination is on the corridor: stop there
        end = chain.index(destination)
        points = [n for n in points if n in chain and chain.index(n) < end]
    points = [n for n in points if n not in (origin, destination)]
    dest_countries = _countries(ds, destination)
    while points and _kind(ds, points[-1]) == "seaport" and _countries(ds, points[-1]) & dest_countries:
        points.pop()
    return points


def compare_standard_corridors(router: Router, ds: Dataset, origin: str, destination: str,
                               opts: RouteOptions | None = None,
                               corridors: Sequence[StandardCorridor] | None = None) -> list[CorridorResult]:
    """A route from origin to destination along each standard corridor (or a reason why
    not). RouteError / NoRoute for a pair no corridor could join (the same place twice, an
    endpoint in an avoided country)."""
    router._check(origin, destination, opts or RouteOptions())
    results = []
    for c in corridors if corridors is not None else standard_corridors(ds):
        try:
            route = router.route_via(origin, waypoints_for(ds, c, origin, destination), destination, opts,
                                     borders_only_at_via=True)
        except (NoRoute, RouteError) as exc:
            results.append(CorridorResult(c, None, str(exc)))
            continue
        route.label = c.name
        results.append(CorridorResult(c, route, None))
    return results


def describe(results: Sequence[CorridorResult]) -> list[dict[str, Any]]:
    """Plain dicts for reports: corridor id, name, waypoints, km (or the error)."""
    return [{"id": r.corridor.id, "name": r.corridor.name, "waypoints": list(r.corridor.waypoints),
             "km": round(r.route.total_km, 1) if r.route else None, "error": r.error} for r in results]
