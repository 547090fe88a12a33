"""Route summaries: the ``Route`` and ``Leg`` records made from the arcs a search found
(``geodata.routing``, which imports these names too), a route's default label, and the
side-by-side comparison of routes (a table, written as CSV).

What a route reports (``Route``)
--------------------------------
* legs in order, each travelled from ``from`` to ``to`` with its countries in that order;
  ``total_km`` is the sum of the legs' km.
* ``km_by_mode``, ``km_by_status``, ``km_by_country``. A leg listed in several countries
  is split evenly between them (the format records no border positions inside a segment);
  a leg with no countries takes its end nodes' countries.
* ``border_crossings`` in order: a ``border_crossing`` node passed through (unless the
  legs on both sides are in the same country), a node where the country of the leg
  before differs from that of the leg after, or a country change inside a leg (a sea
  leg from an Iranian to a Pakistani port).
* ``transshipments`` in order: a change of mode, or a break of gauge (1520 / 1676 / 1435)
  between consecutive rail legs, with the node where it happens.
* ``hours`` with its breakdown, and the assumptions used.
* ``agreements`` along the route (listed on a leg, or covering a leg or a node of the
  route) with their status; ``warnings`` for every leg that is not operational, every
  agreement the route depends on that is not signed or in force (``under_negotiation``,
  ``discussed``, ``expected``), agreement ids the dataset does not define, a node of the
  route that is not operational, and a route that leaves a country and enters it again.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .assumptions import MODES

if TYPE_CHECKING:   # the search (geodata.routing) imports this module: only the names here
    from .routing import RouteOptions, _Arc, _Prepared

SIGNED_STATUSES = frozenset({"in_force", "signed"})
UNSIGNED_STATUSES = frozenset({"under_negotiation", "discussed", "expected"})


def _dedupe(seq: Iterable[str]) -> tuple[str, ...]:
    """The items in order, empty ones dropped and a run of the same one kept once (countries)."""
    out: list[str] = []
    for c in seq:
        if c and (not out or out[-1] != c):
            out.append(c)
    return tuple(out)


@dataclass
class Leg:
    id: str
    name: str
    line: str | None
    from_: str
    from_name: str
    to: str
    to_name: str
    mode: str
    status: str
    recorded_status: str
    gauge_mm: int | None
    km: float
    hours: float
    countries: list[str]
    agreements: list[str]
    expected: Any = None
    opened: Any = None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "line": self.line,
            "from": self.from_, "from_name": self.from_name,
            "to": self.to, "to_name": self.to_name,
            "mode": self.mode, "status": self.status, "recorded_status": self.recorded_status,
            "gauge_mm": self.gauge_mm, "km": round(self.km, 3), "hours": round(self.hours, 2),
            "countries": list(self.countries), "agreements": list(self.agreements),
            "expected": self.expected, "opened": self.opened,
        }


@dataclass
class Route:
    origin: str
    destination: str
    legs: list[Leg]
    nodes: list[str]
    options: RouteOptions
    cost: float
    km_by_mode: dict[str, float]
    km_by_status: dict[str, float]
    km_by_country: dict[str, float]
    border_crossings: list[dict]
    transshipments: list[dict]
    hours: float
    hours_breakdown: dict[str, float]
    agreements: list[dict]
    warnings: list[str]
    assumptions: dict
    node_names: dict[str, str] = field(default_factory=dict)
    label: str = ""

    @property
    def total_km(self) -> float:
        return sum(leg.km for leg in self.legs)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(leg.id for leg in self.legs)

    @property
    def non_operational_km(self) -> float:
        return sum(leg.km for leg in self.legs if leg.status != "operational")

    @property
    def unsigned_agreements(self) -> list[str]:
        return [a["id"] for a in self.agreements if not a["signed"]]

    def to_dict(self, *, with_assumptions: bool = True) -> dict:
        legs = [leg.to_dict() for leg in self.legs]
        total = round(sum(leg["km"] for leg in legs), 3)  # the rounded legs add up exactly
        out = {
            "label": self.label,
            "from": self.origin, "from_name": self.node_names.get(self.origin, self.origin),
            "to": self.destination, "to_name": self.node_names.get(self.destination, self.destination),
            "options": self.options.to_dict(),
            "total_km": total,
            "legs": legs,
            "km_by_mode": _rounded(self.km_by_mode),
            "km_by_status": _rounded(self.km_by_status),
            "km_by_country": _rounded(self.km_by_country),
            "non_operational_km": round(self.non_operational_km, 3),
            "border_crossings": self.border_crossings,
            "transshipments": self.transshipments,
            "hours": round(self.hours, 2),
            "days": round(self.hours / 24.0, 2),
            "hours_breakdown": _rounded(self.hours_breakdown, 2),
            "agreements": self.agreements,
            "unsigned_agreements": self.unsigned_agreements,
            "warnings": self.warnings,
        }
        if with_assumptions:
            out["assumptions"] = self.assumptions
        return out


def _rounded(d: dict[str, float], nd: int = 3) -> dict[str, float]:
    return {k: round(v, nd) for k, v in d.items()}


def _summarize(G: nx.MultiGraph, prep: _Prepared, arcs: list[_Arc], origin: str, destination: str) -> Route:
    a = prep.assumptions
    name = lambda n: G.nodes[n].get("name") or n  # noqa: E731
    legs: list[Leg] = []
    km_mode: dict[str, float] = {}
    km_status: dict[str, float] = {}
    km_country: dict[str, float] = {}
    crossings: list[dict] = []
    trans: list[dict] = []
    moving = border_h = trans_h = 0.0
    warnings: list[str] = []
    prev: _Arc | None = None
    for i, arc in enumerate(arcs):
        d = G.edges[arc.u, arc.v, arc.key]
        status = d.get("status")
        leg_move = a.leg_hours(arc.km, arc.mode, status)
        if prev is not None:
            t, b = prep.junction(arc.u, prev, arc)
            if t:
                h = a.transshipment_dwell(t, arc.u)
                trans_h += h
                item = {"node": arc.u, "name": name(arc.u), "kind": t, "after_leg": i - 1,
                        "from_mode": prev.mode, "to_mode": arc.mode, "hours": round(h, 2)}
                if prev.mode == "rail" or arc.mode == "rail":
                    item["from_gauge"] = prev.gauge if prev.mode == "rail" else None
                    item["to_gauge"] = arc.gauge if arc.mode == "rail" else None
                trans.append(item)
            if b:
                h = a.border_dwell(arc.mode, arc.u)
                border_h += h
                crossings.append({"node": arc.u, "name": name(arc.u), "kind": G.nodes[arc.u].get("kind"),
                                  "from_country": b[0], "to_country": b[1], "mode": arc.mode,
                                  "after_leg": i - 1, "hours": round(h, 2)})
        for c_from, c_to, node in arc.inner:
            h = a.border_dwell(arc.mode, node)
            border_h += h
            crossings.append({"node": node, "name": name(node) if node else None,
                              "kind": G.nodes[node].get("kind") if node else f"within {arc.mode} leg",
                              "from_country": c_from, "to_country": c_to, "mode": arc.mode,
                              "segment": arc.key, "leg": i, "hours": round(h, 2)})
        moving += leg_move
        leg_hours = leg_move + sum(a.border_dwell(arc.mode, n) for _, _, n in arc.inner)
        legs.append(Leg(
            id=arc.key, name=d.get("name") or arc.key, line=d.get("line"),
            from_=arc.u, from_name=name(arc.u), to=arc.v, to_name=name(arc.v),
            mode=arc.mode, status=status, recorded_status=d.get("recorded_status", status),
            gauge_mm=arc.gauge, km=arc.km, hours=leg_hours, countries=list(arc.countries),
            agreements=list(d.get("agreements") or []), expected=d.get("expected"), opened=d.get("opened"),
        ))
        km_mode[arc.mode] = km_mode.get(arc.mode, 0.0) + arc.km
        km_status[status] = km_status.get(status, 0.0) + arc.km
        keys = list(arc.countries) or (["at_sea"] if arc.mode in ("sea", "ferry") else ["unknown"])
        for c in keys:
            km_country[c] = km_country.get(c, 0.0) + arc.km / len(keys)
        if status != "operational":
            when = f", expected {d['expected']}" if d.get("expected") else ""
            warnings.append(f"leg {i + 1} '{d.get('name') or arc.key}' ({name(arc.u)} – {name(arc.v)}, "
                            f"{arc.km:.0f} km) is {status.replace('_', ' ')}{when}: not operational")
        elif d.get("recorded_status", status) != status:
            rec = d["recorded_status"]
            when = f", expected {d['expected']}" if d.get("expected") else ""
            warnings.append(f"leg {i + 1} '{d.get('name') or arc.key}' is {rec.replace('_', ' ')} today{when}; "
                            f"it counts as operational as of {G.graph.get('as_of')} "
                            f"({G.graph.get('scenario')} scenario)")
        prev = arc
    nodes = [arcs[0].u] + [arc.v for arc in arcs] if arcs else [origin]
    for n in nodes:
        st = G.nodes[n].get("status")
        if st and st != "operational":
            warnings.append(f"{name(n)} ({n}) on the route is {st.replace('_', ' ')}: not operational")
    order = list(_dedupe(c for leg in legs for c in leg.countries))
    again = [c for c in dict.fromkeys(order) if order.count(c) > 1]
    if again:
        warnings.append(f"the route leaves {', '.join(again)} and enters again (countries in order: "
                        f"{' -> '.join(order)})")
    agreements, agr_warnings = _agreements_along(G, legs, nodes)
    warnings.extend(agr_warnings)
    hours = moving + border_h + trans_h
    route = Route(
        origin=origin, destination=destination, legs=legs, nodes=nodes, options=prep.opts,
        cost=hours if prep.timed else sum(leg.km for leg in legs),
        km_by_mode=km_mode, km_by_status=km_status, km_by_country=km_country,
        border_crossings=crossings, transshipments=trans, hours=hours,
        hours_breakdown={"moving": moving, "border_crossings": border_h, "transshipments": trans_h},
        agreements=agreements, warnings=warnings, assumptions=a.to_dict(),
        node_names={n: name(n) for n in nodes},
    )
    route.label = default_label(route)
    return route


def _agreements_along(G: nx.MultiGraph, legs: list[Leg], nodes: list[str]) -> tuple[list[dict], list[str]]:
    catalog: dict[str, dict] = G.graph.get("agreements") or {}
    found: dict[str, dict] = {}
    unknown: dict[str, list[str]] = {}
    by_segment: dict[str, list[str]] = {}
    by_node: dict[str, list[str]] = {}
    for aid, ag in catalog.items():
        covers = ag.get("covers") or {}
        for s in covers.get("segments") or []:
            by_segment.setdefault(s, []).append(aid)
        for n in covers.get("nodes") or []:
            by_node.setdefault(n, []).append(aid)

    def note(aid: str, where_key: str, where: str) -> None:
        if aid not in catalog:
            unknown.setdefault(aid, []).append(where)
            return
        entry = found.get(aid)
        if entry is None:
            ag = catalog[aid]
            status = ag.get("status")
            entry = found[aid] = {
                "id": aid, "title": ag.get("title") or aid, "kind": ag.get("kind"), "status": status,
                "parties": list(ag.get("parties") or []), "signed": status in SIGNED_STATUSES,
                "dates": ag.get("dates") or {}, "segments": [], "nodes": [],
            }
        if where not in entry[where_key]:
            entry[where_key].append(where)

    start_node = nodes[0] if nodes else None
    if start_node is not None:
        for aid in by_node.get(start_node, []):
            note(aid, "nodes", start_node)
    for leg in legs:
        for aid in leg.agreements:
            note(aid, "segments", leg.id)
        for aid in by_segment.get(leg.id, []):
            note(aid, "segments", leg.id)
        for aid in by_node.get(leg.to, []):
            note(aid, "nodes", leg.to)
    warnings = []
    for ag in found.values():
        if not ag["signed"]:
            where = ", ".join(ag["segments"] + ag["nodes"])
            warnings.append(f"depends on agreement '{ag['title']}' ({ag['id']}), status "
                            f"{(ag['status'] or 'unknown').replace('_', ' ')}: not signed or in force (covers {where})")
    for aid, where in unknown.items():
        warnings.append(f"segment(s) {', '.join(where)} refer to agreement '{aid}', which the dataset does not define")
    return list(found.values()), warnings


def default_label(route: Route) -> str:
    """A short label: the border crossings used and the modes with where they change,
    e.g. "via Saryagash, Termez–Hairatan, Torkham (rail, road from Termez)"."""
    via: list[str] = []
    for c in route.border_crossings:
        if c.get("name") and c["name"] not in via:
            via.append(c["name"])
    if not via:
        for leg in route.legs:
            ln = leg.line or leg.name
            if ln and ln not in via:
                via.append(ln)
        via = via[:3]
    changes = [f"{t['to_mode']} from {t['name']}" for t in route.transshipments if t["kind"] == "mode_change"]
    modes = [route.legs[0].mode] if route.legs else []
    if len(changes) <= 2:
        modes += changes
    else:
        used = sorted({leg.mode for leg in route.legs} - set(modes))
        modes += used + [f"{len(changes)} mode changes"]
    label = ("via " + ", ".join(via)) if via else "direct"
    return f"{label} ({', '.join(modes)})" if modes else label


# ---------------------------------------------------------------------------------------
# Comparison

COMPARISON_COLUMNS = (
    "label", "total_km", "km_rail", "km_road", "km_sea", "km_ferry", "border_crossings",
    "transshipments", "hours", "non_operational_km", "unsigned_agreements",
)


def compare_routes(routes: Sequence[Route], labels: Sequence[str] | None = None) -> list[dict]:
    """One table, a row per route (columns: COMPARISON_COLUMNS). ``unsigned_agreements``
    is the list of the ids of agreements the route depends on that are not signed."""
    if labels is not None and len(labels) != len(routes):
        raise ValueError("one label per route is needed")
    rows = []
    for i, r in enumerate(routes):
        label = labels[i] if labels is not None else (r.label or f"route {i + 1}")
        row = {"label": label, "total_km": round(r.total_km, 1)}
        for m in MODES:
            row[f"km_{m}"] = round(r.km_by_mode.get(m, 0.0), 1)
        row.update({
            "border_crossings": len(r.border_crossings),
            "transshipments": len(r.transshipments),
            "hours": round(r.hours, 1),
            "non_operational_km": round(r.non_operational_km, 1),
            "unsigned_agreements": r.unsigned_agreements,
        })
        rows.append(row)
    return rows


def write_comparison_csv(rows: Sequence[dict], path: Path | str) -> Path:
    """Write the comparison table as CSV (UTF-8, a header row, lists joined with "; "),
    atomically (geodata.atomic: a temp file in the same folder, then os.replace), so a
    reader never sees half a file and a failed write leaves the old file whole."""
    from .atomic import atomic_write_text

    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(COMPARISON_COLUMNS)
    for row in rows:
        out = []
        for col in COMPARISON_COLUMNS:
            v = row.get(col, "")
            out.append("; ".join(v) if isinstance(v, (list, tuple)) else v)
        w.writerow(out)
    return atomic_write_text(path, buf.getvalue())
