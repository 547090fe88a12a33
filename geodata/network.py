"""The transport network as a networkx MultiGraph, and the network "as of" a date.

Nodes are the dataset's nodes (seaports, dry ports, border crossings, junctions, cities);
edges are its segments, keyed by segment id, so a rail and a road segment between the same
two nodes are two parallel edges. Border crossings and ports are where routes change
country and mode.

Edge attributes: ``id``, ``name``, ``line``, ``km`` (geodesic, Dataset.segment_km),
``mode``, ``status`` (the status at the date asked for, see below), ``recorded_status``
(as in the file), ``status_date``, ``opened``, ``expected``, ``gauge_mm``, ``from``,
``to``, ``countries`` (in the order travelled from ``from`` to ``to``), ``agreements``.
Node attributes: ``id``, ``name``, ``names``, ``kind``, ``country``, ``countries`` (all
countries the node belongs to: one, or the two sides of a border crossing), ``modes``,
``status``, ``lon``, ``lat``, ``name_other_side``.

Statuses at a date (``status_at``)
----------------------------------
Years count: a date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or an int year) is read as
its year Y; ``opened`` and ``expected`` are years.

* No date: the status recorded in the file (true as of its ``status_date``).
* Scenario ``actual`` (the network as it stood at Y, or as it stands today for a future
  Y): a segment whose ``opened`` year is after Y was not running at Y and counts as
  ``planned`` (whether works had already started is not recorded). Every other segment
  keeps its recorded status: an operational segment without ``opened`` is assumed to have
  been running at Y, and nothing planned is promoted.
* Scenario ``planned`` (the network as planned for Y): as ``actual``, and in addition a
  segment that is ``under_construction``, ``planned`` or ``proposed`` with an
  ``expected`` year ≤ Y counts as ``operational``.

Node statuses are not changed by the date (the format gives nodes no years).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from .assumptions import MODES, STATUSES
from .dataset import Dataset

SCENARIOS = ("actual", "planned")
NOT_YET_BUILT = "planned"  # status of a segment at a date before it opened

_YEAR_RE = re.compile(r"^\s*(\d{4})(?:-\d{2}(?:-\d{2})?)?\s*$")


class NetworkError(ValueError):
    """A bad date or scenario was asked for."""


def parse_year(value: Any, what: str = "date") -> int | None:
    """The year of ``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` / an int; None for None or ''."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise NetworkError(f"bad {what} {value!r}: expected a year or a YYYY-MM-DD date")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "year") and isinstance(getattr(value, "year"), int):  # datetime.date
        return value.year
    m = _YEAR_RE.match(str(value))
    if not m:
        raise NetworkError(f"bad {what} {value!r}: expected a year or a YYYY-MM-DD date")
    return int(m.group(1))


def _year_or_none(value: Any) -> int | None:
    try:
        return parse_year(value)
    except NetworkError:
        return None


def status_at(props: dict, date: Any = None, scenario: str = "actual") -> str:
    """The status of a segment (its properties) at ``date`` under ``scenario`` (see module doc)."""
    if scenario not in SCENARIOS:
        raise NetworkError(f"unknown scenario '{scenario}' (expected one of: {', '.join(SCENARIOS)})")
    recorded = props.get("status", "operational")
    year = parse_year(date)
    if year is None:
        return recorded
    opened = _year_or_none(props.get("opened"))
    if opened is not None and opened > year:
        return NOT_YET_BUILT
    if scenario == "planned" and recorded != "operational":
        expected = _year_or_none(props.get("expected"))
        if expected is not None and expected <= year:
            return "operational"
    return recorded


def network_as_of(ds: Dataset, date: Any, scenario: str = "actual") -> dict[str, str]:
    """Segment id -> status at ``date`` under ``scenario``."""
    return {sid: status_at(f.get("properties", {}), date, scenario) for sid, f in ds.segments.items()}


def _node_countries(p: dict) -> list[str]:
    if p.get("kind") == "border_crossing" and p.get("countries"):
        return [c for c in p["countries"] if c]
    c = p.get("country")
    if c:
        return [c]
    return [c for c in (p.get("countries") or []) if c]


def build_graph(ds: Dataset, as_of: Any = None, scenario: str = "actual") -> nx.MultiGraph:
    """The network of ``ds`` as a MultiGraph, with statuses at ``as_of`` (see module doc).

    Segments that cannot be routed (an unknown ``from``/``to`` node, a loop on one node, no
    geometry) are left out and described in ``G.graph["problems"]``.
    """
    if scenario not in SCENARIOS:
        raise NetworkError(f"unknown scenario '{scenario}' (expected one of: {', '.join(SCENARIOS)})")
    parse_year(as_of)  # a bad date fails here, before any work
    G = nx.MultiGraph()
    problems: list[str] = []
    for nid, f in ds.nodes.items():
        p = f.get("properties", {})
        coords = (f.get("geometry") or {}).get("coordinates") or [None, None]
        G.add_node(
            nid,
            id=nid,
            name=p.get("name") or nid,
            names=p.get("names") or {},
            kind=p.get("kind"),
            country=p.get("country"),
            countries=_node_countries(p),
            modes=list(p.get("modes") or []),
            status=p.get("status", "operational"),
            name_other_side=p.get("name_other_side"),
            lon=coords[0],
            lat=coords[1],
        )
    try:
        lengths = ds.segment_km
    except Exception:  # a broken geometry somewhere: measure one by one below
        lengths = {}
    from .measure import line_length_km

    for sid, f in ds.segments.items():
        p = f.get("properties", {})
        a, b = p.get("from"), p.get("to")
        missing = [n for n in (a, b) if n not in G]
        if missing:
            problems.append(f"segment '{sid}' joins unknown node(s) {', '.join(repr(m) for m in missing)}: left out")
            continue
        if a == b:
            problems.append(f"segment '{sid}' starts and ends at the same node '{a}': left out")
            continue
        if p.get("mode") not in MODES:
            problems.append(f"segment '{sid}' has mode {p.get('mode')!r}, not one of {', '.join(MODES)}: left out")
            continue
        if p.get("status", "operational") not in STATUSES:
            problems.append(f"segment '{sid}' has status {p.get('status')!r}, not one of {', '.join(STATUSES)}: "
                            "left out")
            continue
        km = lengths.get(sid)
        if km is None:
            try:
                km = line_length_km((f.get("geometry") or {}).get("coordinates") or [])
            except Exception:
                km = 0.0
        if not km or km <= 0:
            problems.append(f"segment '{sid}' has no usable geometry (length 0): left out")
            continue
        G.add_edge(
            a, b, key=sid,
            id=sid,
            name=p.get("name") or sid,
            line=p.get("line"),
            km=float(km),
            mode=p.get("mode"),
            status=status_at(p, as_of, scenario),
            recorded_status=p.get("status", "operational"),
            status_date=p.get("status_date"),
            opened=p.get("opened"),
            expected=p.get("expected"),
            gauge_mm=p.get("gauge_mm"),
            countries=list(p.get("countries") or []),
            agreements=list(p.get("agreements") or []),
            **{"from": a, "to": b},
        )
    G.graph["problems"] = problems
    G.graph["as_of"] = as_of
    G.graph["scenario"] = scenario
    G.graph["agreements"] = ds.agreements
    G.graph["folder"] = str(ds.folder)
    return G


def oriented_countries(data: dict, start: str) -> list[str]:
    """An edge's countries in the order travelled when leaving from node ``start``."""
    countries = data.get("countries") or []
    return list(countries) if data.get("from") == start else list(reversed(countries))


def diagnose(G: nx.MultiGraph) -> list[str]:
    """Plain-language problems of the network for routing: left-out segments, separate
    pieces, nodes on no segment, border crossings that are not between two countries'
    lines, a segment whose gauge does not fit its mode."""
    out = list(G.graph.get("problems", []))
    comps = sorted(nx.connected_components(G), key=len, reverse=True)
    isolated = sorted(n for n in G if G.degree(n) == 0)
    if isolated:
        out.append(f"{len(isolated)} node(s) on no segment: {', '.join(isolated)}")
    pieces = [c for c in comps if len(c) > 1]
    if len(pieces) > 1:
        for c in pieces[1:]:
            sample = ", ".join(sorted(c)[:8]) + (" ..." if len(c) > 8 else "")
            out.append(f"a separate piece of {len(c)} nodes, not joined to the main network "
                       f"({len(pieces[0])} nodes): {sample}")
    for n, d in G.nodes(data=True):
        if d.get("kind") != "border_crossing" or G.degree(n) == 0:
            continue
        sides = set(d.get("countries") or [])
        reached = set()
        for _, _, e in G.edges(n, data=True):
            reached.update(e.get("countries") or [])
        if len(sides) == 2 and not sides <= reached:
            out.append(f"border crossing '{n}' ({'/'.join(sorted(sides))}) has segments only on "
                       f"{'/'.join(sorted(reached & sides)) or 'neither side'}: it cannot be crossed")
    for a, b, k, e in G.edges(keys=True, data=True):
        if e.get("mode") == "rail" and e.get("gauge_mm") not in (1520, 1676, 1435):
            out.append(f"rail segment '{k}' has gauge {e.get('gauge_mm')!r}: breaks of gauge cannot be found there")
    return out


def edges_of(G: nx.MultiGraph, keys: Iterable[str]) -> list[dict]:
    """The attribute dicts of the edges with these segment ids, in order."""
    index = {k: d for _, _, k, d in G.edges(keys=True, data=True)}
    return [index[k] for k in keys]
