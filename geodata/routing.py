"""Routes over the corridor network: shortest by distance or by estimated time, k
alternatives. What a route reports (``Route``, ``Leg``), its default label and the
side-by-side comparison (CSV export) are in ``geodata.route_summary``; their names are
imported here too (``from geodata.routing import Route, compare_routes`` keeps working).

Filters (``RouteOptions``)
--------------------------
* ``modes``: the modes a route may use (None = all).
* ``statuses``: the segment statuses a route may use (None = all). "Existing only"
  (``EXISTING_ONLY``, ``--existing-only``) is **operational only**: a segment under
  construction carries no traffic yet, so an existing-only route never uses an
  ``under_construction``, ``planned`` or ``proposed`` leg. Statuses are the ones at the
  date the graph was built for (``geodata.network.build_graph(as_of=..., scenario=...)``).
* ``avoid``: ISO3 countries a route must not enter: no leg listed in such a country and
  no node in it (a border crossing on that country's border counts as in it).

Cost
----
``by="km"``: the sum of the legs' geodesic lengths. ``by="time"``: the estimated transit
time in hours from ``geodata.assumptions`` (km / speed of the mode at the segment's status,
plus dwell at every border crossing and transshipment). Dwell depends on the leg before
and the leg after a node, so the search runs over (node, arriving mode, gauge, country)
states rather than plain nodes. Both costs are always reported.
"""
from __future__ import annotations

import gc
import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count
from typing import Any, NamedTuple

import networkx as nx

from .assumptions import MODES, STATUSES, Assumptions, load_assumptions
from .network import build_graph
# What a route reports: its records, label and comparison are imported from here too (noqa).
from .route_summary import (  # noqa: F401
    COMPARISON_COLUMNS, SIGNED_STATUSES, UNSIGNED_STATUSES, Leg, Route, _dedupe, _summarize, compare_routes,
    default_label, write_comparison_csv,
)

EXISTING_ONLY = frozenset({"operational"})
GAUGES = (1520, 1676, 1435)
BY = ("km", "time")
DISTINCT = ("places", "borders", "segments")


class RouteError(ValueError):
    """A route query that cannot be answered: unknown node, bad option. The message says why."""


class NoRoute(RouteError):
    """No route joins the two places under the filters; the message says what would."""


@dataclass(frozen=True)
class RouteOptions:
    by: str = "km"
    modes: frozenset[str] | None = None      # None = every mode
    statuses: frozenset[str] | None = None   # None = every status
    avoid: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.by not in BY:
            raise RouteError(f"unknown cost '{self.by}': expected km or time")
        if self.modes is not None:
            object.__setattr__(self, "modes", frozenset(self.modes))
            bad = sorted(self.modes - set(MODES))
            if bad:
                raise RouteError(f"unknown mode(s) {', '.join(bad)}: expected {', '.join(MODES)}")
            if not self.modes:
                raise RouteError("no mode allowed")
        if self.statuses is not None:
            object.__setattr__(self, "statuses", frozenset(self.statuses))
            bad = sorted(self.statuses - set(STATUSES))
            if bad:
                raise RouteError(f"unknown status(es) {', '.join(bad)}: expected {', '.join(STATUSES)}")
            if not self.statuses:
                raise RouteError("no status allowed")
        object.__setattr__(self, "avoid", frozenset(c.upper() for c in self.avoid))

    @classmethod
    def existing_only(cls, **kw: Any) -> "RouteOptions":
        return cls(statuses=EXISTING_ONLY, **kw)

    def describe(self) -> str:
        parts = [f"by {'distance' if self.by == 'km' else 'estimated time'}"]
        if self.modes is not None:
            parts.append("modes " + ", ".join(m for m in MODES if m in self.modes))
        if self.statuses == EXISTING_ONLY:
            parts.append("existing (operational) segments only")
        elif self.statuses is not None:
            parts.append("statuses " + ", ".join(s for s in STATUSES if s in self.statuses))
        if self.avoid:
            parts.append("avoiding " + ", ".join(sorted(self.avoid)))
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {
            "by": self.by,
            "modes": None if self.modes is None else [m for m in MODES if m in self.modes],
            "statuses": None if self.statuses is None else [s for s in STATUSES if s in self.statuses],
            "avoid": sorted(self.avoid),
        }


# ---------------------------------------------------------------------------------------
# Preparation: per filter, the directed adjacency with everything the search needs.

class _Arc(NamedTuple):
    """One edge travelled in one direction."""
    u: str
    v: str
    key: str
    km: float
    move: float             # cost of the leg itself (km, or hours incl. borders inside it)
    mode: str
    gauge: int | None
    countries: tuple[str, ...]   # effective countries in travel order (deduplicated)
    inner: tuple[tuple[str, str, str | None], ...]  # (from, to, node) crossings inside the leg
    first: str | None       # first and last of countries
    last: str | None
    cls: tuple              # (mode, gauge, last): what the dwell at the next node depends on
    entry: tuple            # (mode, gauge, first): no dwell after an arc whose cls equals it



class _Prepared:
    def __init__(self, G: nx.MultiGraph, opts: RouteOptions, assumptions: Assumptions):
        self.opts = opts
        self.assumptions = assumptions
        self.timed = timed = opts.by == "time"
        avoid = opts.avoid
        kinds = {n: d.get("kind") for n, d in G.nodes(data=True)}
        node_countries = {n: d.get("countries") or [] for n, d in G.nodes(data=True)}
        self.blocked: set[str] = {n for n, c in node_countries.items() if avoid and set(c) & avoid}
        self.border_nodes = {n for n, k in kinds.items() if k == "border_crossing"}
        a = assumptions
        self._tmode0 = a.transshipment_hours["mode_change"]
        self._tgauge0 = a.transshipment_hours["break_of_gauge"]
        self._tnode = {n: o["transshipment"] for n, o in a.node_overrides.items() if "transshipment" in o}
        self._bmode = dict(a.border_hours)
        self._bnode = {n: o["border_crossing"] for n, o in a.node_overrides.items() if "border_crossing" in o}
        self.out: dict[str, dict[str, _Arc]] = {n: {} for n in G}
        modes, statuses, blocked, out = opts.modes, opts.statuses, self.blocked, self.out
        classes: dict[tuple, tuple] = {}
        gc_was = gc.isenabled()
        gc.disable()  # many small objects: the collector would only slow the build down
        try:
            for a_, b_, key, d in G.edges(keys=True, data=True):
                mode = d.get("mode")
                if modes is not None and mode not in modes:
                    continue
                status = d.get("status")
                if statuses is not None and status not in statuses:
                    continue
                if a_ in blocked or b_ in blocked:
                    continue
                raw = d.get("countries") or ()
                fwd = _dedupe(raw)
                if not fwd:  # no countries on the segment: its end nodes' countries
                    ca, cb = node_countries[a_], node_countries[b_]
                    fwd = _dedupe(([ca[0]] if len(ca) == 1 else []) + ([cb[0]] if len(cb) == 1 else []))
                elif d.get("from") == b_:
                    fwd = fwd[::-1]
                if avoid and set(fwd) & avoid:
                    continue
                km = d["km"]
                gauge = d.get("gauge_mm")
                speed = a.speed(mode, status) if timed else 1.0
                for u, v, countries in ((a_, b_, fwd), (b_, a_, fwd[::-1])):
                    inner = ()
                    if len(countries) > 1:
                        # a border inside a leg is placed at the border crossing node at one
                        # of its ends if there is one, else nowhere in particular (at sea)
                        node = v if kinds[v] == "border_crossing" else (u if kinds[u] == "border_crossing" else None)
                        inner = tuple((x, y, node) for x, y in zip(countries, countries[1:]))
                    if timed:
                        move = km / speed + sum(self.border_dwell(node, mode) for _, _, node in inner)
                    else:
                        move = km
                    first = countries[0] if countries else None
                    last = countries[-1] if countries else None
                    cls = classes.setdefault((mode, gauge, last), (mode, gauge, last))
                    entry = classes.setdefault((mode, gauge, first), (mode, gauge, first))
                    out[u][key] = _Arc(u, v, key, km, move, mode, gauge, countries, inner, first, last, cls, entry)
        finally:
            if gc_was:
                gc.enable()

    def border_dwell(self, node: str | None, mode: str) -> float:
        if node is not None and node in self._bnode:
            return self._bnode[node]
        return self._bmode.get(mode, 0.0)

    # What happens at node v between arriving by ``prev`` and leaving by ``nxt``.
    def junction(self, v: str, prev: _Arc, nxt: _Arc) -> tuple[str | None, tuple | None]:
        """(transshipment kind or None, (from country, to country) of a border crossed or None)."""
        trans = None
        if prev.mode != nxt.mode:
            trans = "mode_change"
        elif nxt.mode == "rail" and prev.gauge and nxt.gauge and prev.gauge != nxt.gauge:
            trans = "break_of_gauge"
        border = None
        pl, nf = prev.last, nxt.first
        if v in self.border_nodes:
            if not (pl and nf and pl == nf):
                border = (pl, nf)
        elif pl and nf and pl != nf:
            border = (pl, nf)
        return trans, border

    def transshipment_dwell(self, v: str, kind: str) -> float:
        if v in self._tnode:
            return self._tnode[v]
        return self._tmode0 if kind == "mode_change" else self._tgauge0

    def penalty(self, v: str, prev: _Arc | None, nxt: _Arc) -> float:
        """Dwell hours at v between prev and nxt (0 in km mode or at the start)."""
        if prev is None or not self.timed:
            return 0.0
        h = 0.0
        if prev.mode != nxt.mode:
            h += self._tnode.get(v, self._tmode0)
        elif prev.gauge != nxt.gauge and nxt.mode == "rail" and prev.gauge and nxt.gauge:
            h += self._tnode.get(v, self._tgauge0)
        pl, nf = prev.last, nxt.first
        if v in self.border_nodes:
            if not (pl and nf and pl == nf):
                h += self._bnode.get(v, self._bmode.get(nxt.mode, 0.0))
        elif pl and nf and pl != nf:
            h += self._bnode.get(v, self._bmode.get(nxt.mode, 0.0))
        return h

    def best_along(self, nodes: Sequence[str]) -> tuple[float, list[_Arc]] | None:
        """The cheapest choice of segments through exactly these nodes in this order
        (where rail and road run side by side), by dynamic programming over the hops."""
        layer: list[tuple[float, _Arc, int]] = []   # (cost so far, arc, index in previous layer)
        history: list[list[tuple[float, _Arc, int]]] = []
        for i in range(len(nodes) - 1):
            u, v = nodes[i], nodes[i + 1]
            arcs = [arc for arc in self.out[u].values() if arc.v == v]
            if not arcs:
                return None
            nxt = []
            for arc in arcs:
                if not layer:
                    nxt.append((arc.move, arc, -1))
                    continue
                cost, j = min((c + self.penalty(u, prev, arc), j) for j, (c, prev, _) in enumerate(layer))
                nxt.append((cost + arc.move, arc, j))
            history.append(nxt)
            layer = nxt
        if not layer:
            return None
        j = min(range(len(layer)), key=lambda x: layer[x][0])
        total = layer[j][0]
        out: list[_Arc] = []
        for step in reversed(history):
            _, arc, j_prev = step[j]
            out.append(arc)
            j = j_prev
        out.reverse()
        return total, out

    def crossings_signature(self, arcs: Sequence[_Arc]) -> tuple:
        """The border crossings of a path, for telling routes apart by their borders."""
        sig = []
        prev = None
        for arc in arcs:
            if prev is not None:
                border = self.junction(arc.u, prev, arc)[1]
                if border:
                    sig.append((arc.u, border))
            sig.extend((node, (a, b)) for a, b, node in arc.inner)
            prev = arc
        return tuple(sig)

    def path_cost(self, arcs: Sequence[_Arc]) -> float:
        total = 0.0
        prev = None
        for arc in arcs:
            total += self.penalty(arc.u, prev, arc) + arc.move
            prev = arc
        return total

    def search(self, source: str, target: str, prev: _Arc | None = None,
               blocked_nodes: frozenset | set = frozenset(), blocked_keys: frozenset | set = frozenset()
               ) -> list[_Arc] | None:
        """Cheapest arcs from source to target (Dijkstra over states), or None. In time
        mode a state is (node, class of the arc arrived by), since the dwell at a node
        depends on it; in km mode it is the node."""
        if source in self.blocked or target in self.blocked:
            return None
        # The search makes many small tuples; with a big graph alive, the cyclic garbage
        # collector would traverse it again and again (it once took most of the time).
        # Nothing here makes reference cycles, so it can rest during the search.
        gc_was = gc.isenabled()
        gc.disable()
        try:
            return self._search(source, target, prev, blocked_nodes, blocked_keys)
        finally:
            if gc_was:
                gc.enable()

    def _search(self, source, target, prev, blocked_nodes, blocked_keys):
        timed = self.timed
        out = self.out
        penalty = self.penalty
        border_nodes = self.border_nodes
        push, pop = heapq.heappush, heapq.heappop
        inf = math.inf
        tie = count()
        start = (source, prev.cls if prev is not None else None) if timed else source
        best = {start: 0.0}
        back: dict = {start: None}
        arc_of: dict = {start: prev}
        heap = [(0.0, 0, start)]
        check_blocks = bool(blocked_nodes or blocked_keys)
        while heap:
            d, _, state = pop(heap)
            if d > best[state]:
                continue
            u = state[0] if timed else state
            if u == target:
                arcs = []
                s = state
                while back[s] is not None:
                    arcs.append(arc_of[s])
                    s = back[s]
                arcs.reverse()
                return _shortcut(arcs)
            arrived = arc_of[state]
            back_key = arrived.key if arrived is not None else None
            # no dwell possible at u when arriving and leaving in the same mode, gauge and
            # country, away from a border crossing: the common case, kept off penalty()
            plain_cls = arrived.cls if (timed and arrived is not None and u not in border_nodes) else None
            for key, arc in out[u].items():
                if key == back_key:
                    continue
                v = arc.v
                if check_blocks and (v in blocked_nodes or key in blocked_keys):
                    continue
                if timed:
                    if arrived is None or arc.entry is plain_cls:
                        nd = d + arc.move
                    else:
                        nd = d + arc.move + penalty(u, arrived, arc)
                    ns = (v, arc.cls)
                else:
                    nd = d + arc.move
                    ns = v
                if nd < best.get(ns, inf):
                    best[ns] = nd
                    back[ns] = state
                    arc_of[ns] = arc
                    push(heap, (nd, next(tie), ns))
        return None


def _shortcut(arcs: list[_Arc]) -> list[_Arc]:
    """Remove any loop (a node visited twice) so the route is a simple path."""
    out: list[_Arc] = []
    seen: dict[str, int] = {}
    if arcs:
        seen[arcs[0].u] = 0
    for arc in arcs:
        out.append(arc)
        if arc.v in seen:
            del out[seen[arc.v]:]
            seen = {a.u: i for i, a in enumerate(out)}
            if out:
                seen[out[-1].v] = len(out)
            else:
                seen = {arc.v: 0}
        else:
            seen[arc.v] = len(out)
    return out


# ---------------------------------------------------------------------------------------
# The router

class Router:
    """Routes on one graph with one set of assumptions; the prepared adjacency of each
    filter is cached, so repeated queries cost only the search."""

    def __init__(self, G: nx.MultiGraph, assumptions: Assumptions | None = None):
        self.G = G
        self.assumptions = assumptions if assumptions is not None else load_assumptions()
        self._cache: dict[RouteOptions, _Prepared] = {}

    @classmethod
    def from_dataset(cls, ds, assumptions: Assumptions | None = None, as_of: Any = None,
                     scenario: str = "actual") -> "Router":
        return cls(build_graph(ds, as_of=as_of, scenario=scenario), assumptions)

    def prepared(self, opts: RouteOptions) -> _Prepared:
        prep = self._cache.get(opts)
        if prep is None:
            if len(self._cache) > 16:
                self._cache.clear()
            prep = self._cache[opts] = _Prepared(self.G, opts, self.assumptions)
        return prep

    def _check(self, origin: str, destination: str, opts: RouteOptions) -> None:
        for n in (origin, destination):
            if n not in self.G:
                raise RouteError(f"unknown node id '{n}'")
        if origin == destination:
            raise RouteError(f"origin and destination are the same place ({self._name(origin)})")
        for n in (origin, destination):
            bad = set(self.G.nodes[n].get("countries") or []) & opts.avoid
            if bad:
                raise NoRoute(f"{self._name(n)} is in {', '.join(sorted(bad))}, which the route must avoid")

    def _name(self, n: str) -> str:
        return f"{self.G.nodes[n].get('name') or n} ({n})"

    def route(self, origin: str, destination: str, opts: RouteOptions | None = None) -> Route:
        """The best route, or NoRoute with an explanation."""
        opts = opts or RouteOptions()
        self._check(origin, destination, opts)
        prep = self.prepared(opts)
        arcs = prep.search(origin, destination)
        if arcs is None:
            raise NoRoute(self._explain(origin, destination, opts))
        return _summarize(self.G, prep, arcs, origin, destination)

    def routes(self, origin: str, destination: str, opts: RouteOptions | None = None, k: int = 3,
               distinct: str = "places") -> list[Route]:
        """Up to k loopless routes, cheapest first (Yen's algorithm), distinct by
        ``distinct``:

        * ``"places"`` (default): each route passes through a different sequence of nodes;
          along it, the best segment is taken wherever rail and road run side by side
          (so a rail and a road variant of the same way are one route, not two);
        * ``"borders"``: as places, keeping only routes whose sequence of border crossings
          differs from every cheaper one (the 30·k cheapest routes are searched);
        * ``"segments"``: each route differs in at least one segment.
        """
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise RouteError(f"the number of alternatives must be a whole number of at least 1, got {k!r}")
        if distinct not in DISTINCT:
            raise RouteError(f"unknown kind of alternatives '{distinct}': expected {', '.join(DISTINCT)}")
        opts = opts or RouteOptions()
        self._check(origin, destination, opts)
        prep = self.prepared(opts)
        first = prep.search(origin, destination)
        if first is None:
            raise NoRoute(self._explain(origin, destination, opts))
        if distinct == "segments":
            found = self._yen_segments(prep, first, destination, k)
        else:
            found = []
            seen_borders: set[tuple] = set()
            limit = k if distinct == "places" else 30 * k
            for arcs in self._yen_places(prep, first, destination, limit):
                if distinct == "borders":
                    sig = prep.crossings_signature(arcs)
                    if sig in seen_borders:
                        continue
                    seen_borders.add(sig)
                found.append(arcs)
                if len(found) == k:
                    break
        routes = [_summarize(self.G, prep, arcs, origin, destination) for arcs in found]
        routes.sort(key=lambda r: r.cost)  # already in order; stable against float noise
        return routes

    def route_via(self, origin: str, via: Sequence[str], destination: str,
                  opts: RouteOptions | None = None, *, borders_only_at_via: bool = False) -> Route:
        """The best route from ``origin`` through each of ``via`` in order to ``destination``
        (e.g. through the border crossings of a corridor): the best route between each
        pair of consecutive stops, each search leaving by way of the leg it arrived by (so
        the dwell at a waypoint is counted as on any route) and, where it can, away from the
        places already passed; any loop left is cut out. With ``borders_only_at_via`` a
        stretch avoids every border crossing node that is not one of the stops, where it
        can (so a corridor's route does not wander through a neighbour's crossings).
        NoRoute names the stretch that cannot be made under the filters."""
        opts = opts or RouteOptions()
        stops = [origin]
        for n in list(via) + [destination]:
            if n not in self.G:
                raise RouteError(f"unknown node id '{n}'")
            if n != stops[-1]:
                stops.append(n)
        self._check(origin, destination, opts)
        for n in stops[1:-1]:
            bad = set(self.G.nodes[n].get("countries") or []) & opts.avoid
            if bad:
                raise NoRoute(f"the way passes {self._name(n)}, in {', '.join(sorted(bad))}, which the route must avoid")
        prep = self.prepared(opts)
        other_borders = (prep.border_nodes - set(stops)) if borders_only_at_via else set()
        arcs: list[_Arc] = []
        for a, b in zip(stops, stops[1:]):
            prev = arcs[-1] if arcs else None
            passed = {arc.u for arc in arcs}
            attempts = [blocked for blocked in (passed | other_borders, passed) if blocked] + [set()]
            tail = None
            for blocked in attempts:
                tail = prep.search(a, b, prev=prev, blocked_nodes=blocked)
                if tail is not None:
                    break
            if tail is None:
                via_names = ", ".join(self.G.nodes[n].get("name") or n for n in stops[1:-1])
                raise NoRoute(f"no route from {self._name(origin)} to {self._name(destination)} via {via_names} "
                              f"({opts.describe()}): no way from {self._name(a)} to {self._name(b)}")
            arcs.extend(tail)
        return _summarize(self.G, prep, _shortcut(arcs), origin, destination)

    @staticmethod
    def _yen_places(prep: "_Prepared", first: list[_Arc], destination: str, limit: int):
        """Node-distinct simple paths in order of cost (each with its best segments)."""
        def nodes_of(arcs: list[_Arc]) -> tuple[str, ...]:
            return (arcs[0].u,) + tuple(a.v for a in arcs)

        best = prep.best_along(nodes_of(first))
        found: list[tuple[tuple[str, ...], list[_Arc]]] = [(nodes_of(best[1]), best[1])]
        yield best[1]
        seen = {found[0][0]}
        candidates: list = []
        tie = count()
        while len(found) < limit:
            last_nodes, last_arcs = found[-1]
            for i in range(len(last_nodes) - 1):
                spur = last_nodes[i]
                root = last_nodes[: i + 1]
                nexts = {p[i + 1] for p, _ in found if len(p) > i + 1 and p[: i + 1] == root}
                blocked_keys = {key for key, arc in prep.out[spur].items() if arc.v in nexts}
                tail = prep.search(spur, destination, prev=last_arcs[i - 1] if i else None,
                                   blocked_nodes=set(root[:-1]), blocked_keys=blocked_keys)
                if tail is None:
                    continue
                path = root + nodes_of(tail)[1:]
                if path in seen or len(set(path)) != len(path):
                    continue
                seen.add(path)
                res = prep.best_along(path)
                if res is not None:
                    heapq.heappush(candidates, (res[0], len(path), next(tie), path, res[1]))
            if not candidates:
                return
            _, _, _, path, arcs = heapq.heappop(candidates)
            found.append((path, arcs))
            yield arcs

    @staticmethod
    def _yen_segments(prep: "_Prepared", first: list[_Arc], destination: str, k: int) -> list[list[_Arc]]:
        """Segment-distinct simple paths in order of cost."""
        found: list[list[_Arc]] = [first]
        seen = {tuple(a.key for a in first)}
        candidates: list = []
        tie = count()
        while len(found) < k:
            last = found[-1]
            for i in range(len(last)):
                spur = last[i].u
                root = last[:i]
                root_keys = tuple(a.key for a in root)
                blocked_keys = {p[i].key for p in found if len(p) > i and tuple(a.key for a in p[:i]) == root_keys}
                tail = prep.search(spur, destination, prev=root[-1] if root else None,
                                   blocked_nodes={a.u for a in root}, blocked_keys=blocked_keys)
                if tail is None:
                    continue
                path = root + tail
                keys = tuple(a.key for a in path)
                visited = [path[0].u] + [a.v for a in path]
                if keys in seen or len(set(visited)) != len(visited):
                    continue
                seen.add(keys)
                heapq.heappush(candidates, (prep.path_cost(path), len(path), next(tie), path))
            if not candidates:
                break
            found.append(heapq.heappop(candidates)[3])
        return found

    def _explain(self, origin: str, destination: str, opts: RouteOptions) -> str:
        head = f"no route from {self._name(origin)} to {self._name(destination)} ({opts.describe()})"
        if not nx.has_path(self.G, origin, destination):
            comp = nx.node_connected_component(self.G, origin)
            return (f"{head}: the two places are not connected in the network at all "
                    f"({self._name(origin)} is in a piece of {len(comp)} node(s) that does not reach "
                    f"{self._name(destination)})")
        relax = []
        trials = [
            ("statuses", "segments that are not operational (drop --existing-only / --statuses)",
             RouteOptions(opts.by, opts.modes, None, opts.avoid)),
            ("modes", "every mode (drop --modes)", RouteOptions(opts.by, None, opts.statuses, opts.avoid)),
            ("avoid", f"entering {', '.join(sorted(opts.avoid))} (drop --avoid)",
             RouteOptions(opts.by, opts.modes, opts.statuses, frozenset())),
        ]
        for attr, text, trial in trials:
            if getattr(opts, attr) in (None, frozenset()) or trial == opts:
                continue
            if self.prepared(trial).search(origin, destination) is not None:
                relax.append(text)
        if relax:
            return f"{head}. A route exists if you allow " + "; or ".join(relax) + "."
        return f"{head}. Only a route that relaxes several of these filters at once exists."


def find_route(ds_or_graph, origin: str, destination: str, opts: RouteOptions | None = None, *,
               assumptions: Assumptions | None = None, as_of: Any = None, scenario: str = "actual") -> Route:
    """One-off convenience: build the graph (from a Dataset) and route once."""
    G = ds_or_graph if isinstance(ds_or_graph, nx.MultiGraph) else build_graph(ds_or_graph, as_of, scenario)
    return Router(G, assumptions).route(origin, destination, opts)
