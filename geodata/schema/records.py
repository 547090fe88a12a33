"""The rules for each kind of record (node, segment, agreement, corridor, source).

The same functions serve the whole-folder validation and the edit form's single-record
validation; `Refs` holds what a record may refer to (None: references are not resolved).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..measure import distance_km
from .geometry import check_linestring, check_point, position_error
from .problems import Problem
from .rules import (
    AGREEMENT_DATES, AGREEMENT_KINDS, AGREEMENT_STATUSES, CONFIDENCES, GAUGES_MM, MISSING, MODES,
    NODE_KINDS, SOURCE_KINDS, STATUSES, Checker, json_type, show,
)

END_TOLERANCE_KM = 2.0
ORIGIN_COUNTRY = "KAZ"
PORT_COUNTRY = "PAK"


@dataclass
class Refs:
    """The ids a record may refer to, with what the cross-record rules need to know."""

    nodes: dict[str, Mapping] = field(default_factory=dict)                     # id -> properties
    node_points: dict[str, tuple[float, float]] = field(default_factory=dict)   # id -> (lon, lat)
    segments: dict[str, tuple[Any, Any]] = field(default_factory=dict)          # id -> (from, to)
    agreements: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, nodes: Iterable, segments: Iterable, agreements: Iterable, sources: Iterable) -> "Refs":
        """From node/segment Features and agreement/source records; malformed ones are skipped
        (their own problems are reported where they are checked). The first of a duplicate id wins."""
        refs = cls()
        for feature in nodes:
            props = _props(feature)
            nid = props.get("id")
            if isinstance(nid, str) and nid not in refs.nodes:
                refs.nodes[nid] = props
                geometry = feature.get("geometry") if isinstance(feature, dict) else None
                if isinstance(geometry, dict) and geometry.get("type") == "Point":
                    coords = geometry.get("coordinates")
                    if position_error(coords) is None:
                        refs.node_points[nid] = (coords[0], coords[1])
        for feature in segments:
            props = _props(feature)
            sid = props.get("id")
            if isinstance(sid, str) and sid not in refs.segments:
                refs.segments[sid] = (props.get("from"), props.get("to"))
        refs.agreements = {a["id"] for a in agreements if isinstance(a, dict) and isinstance(a.get("id"), str)}
        refs.sources = {s["id"] for s in sources if isinstance(s, dict) and isinstance(s.get("id"), str)}
        return refs

    @classmethod
    def from_dataset(cls, dataset) -> "Refs":
        """From a geodata.dataset.Dataset (its dicts keyed by id)."""
        return cls.build(dataset.nodes.values(), dataset.segments.values(),
                         dataset.agreements.values(), dataset.sources.values())


def _props(feature: Any) -> Mapping:
    props = feature.get("properties") if isinstance(feature, dict) else None
    return props if isinstance(props, dict) else {}


def _known(refs: Refs | None, name: str):
    return None if refs is None else getattr(refs, name)


# -- nodes ------------------------------------------------------------------------------
def check_node(props: Mapping, geometry: Any, refs: Refs | None, ck: Checker) -> None:
    ck.slug(props, "id")
    ck.text(props, "name")
    ck.names(props)
    kind = ck.choice(props, "kind", NODE_KINDS, "node kind")
    if kind == "border_crossing":
        sides = ck.iso3_list(props, "countries", min_items=2, exactly=2)
        if len(sides) == 2 and sides[0] == sides[1]:
            ck.add("countries", f"the two sides of a border crossing must be different countries, not {sides}")
        if "country" in props:
            ck.add("country", "a border_crossing node has no single 'country'; list both sides in 'countries'")
        ck.text(props, "name_other_side", required=False)
    elif kind is not None or "countries" not in props:
        ck.iso3(props, "country")
        if "countries" in props and kind is not None:
            ck.add("countries", f"only border_crossing nodes have 'countries'; a {kind} node has one 'country'")
    ck.choices(props, "modes", MODES, "mode")
    ck.choice(props, "status", STATUSES, "status")
    ck.refs(props, "sources", _known(refs, "sources"), "source", min_items=1)
    ck.choice(props, "confidence", CONFIDENCES, "confidence")
    ck.text(props, "note", allow_empty=True)
    check_point(geometry, ck)


# -- segments ---------------------------------------------------------------------------
def check_segment(props: Mapping, geometry: Any, refs: Refs | None, ck: Checker) -> None:
    ck.slug(props, "id")
    ck.text(props, "name")
    ck.names(props)
    ck.text(props, "line")
    mode = ck.choice(props, "mode", MODES, "mode")
    ck.choice(props, "status", STATUSES, "status")
    ck.date(props, "status_date")
    _check_gauge(props, mode, ck)
    nodes = _known(refs, "nodes")
    start = ck.ref(props, "from", nodes, "node")
    end = ck.ref(props, "to", nodes, "node")
    if start is not None and start == end:
        ck.add("to", f"{show(end)} is also the 'from' node; a segment joins two different nodes")
    listed = props.get("countries")
    countries = ck.iso3_list(props, "countries")
    ck.refs(props, "agreements", _known(refs, "agreements"), "agreement")
    ck.refs(props, "sources", _known(refs, "sources"), "source", min_items=1)
    ck.choice(props, "confidence", CONFIDENCES, "confidence")
    ck.text(props, "note", allow_empty=True)
    ck.year(props, "opened")
    ck.year(props, "expected")
    if refs is not None and countries and countries == listed:
        _check_segment_countries(mode, start, end, countries, refs, ck)
    coords = check_linestring(geometry, ck)
    if coords is not None and refs is not None:
        for key, node_id, pos, which in (("from", start, coords[0], "first"), ("to", end, coords[-1], "last")):
            point = refs.node_points.get(node_id) if node_id is not None else None
            if point is None:
                continue
            km = distance_km(pos, point)
            if km > END_TOLERANCE_KM:
                ck.add(key, f"the line's {which} vertex is {km:.1f} km from node {show(node_id)} "
                            f"(it must lie within {END_TOLERANCE_KM:g} km)")


def _sides(node: Mapping) -> list[str]:
    """The country (or the two sides of a border crossing) a node lies in."""
    if node.get("kind") == "border_crossing":
        sides = node.get("countries")
        return [c for c in sides if isinstance(c, str)] if isinstance(sides, list) else []
    return [node["country"]] if isinstance(node.get("country"), str) else []


def _check_segment_countries(mode, start, end, countries: list[str], refs: Refs, ck: Checker) -> None:
    """`countries` in travel order from the 'from' node to the 'to' node, and a land border
    is only crossed at a border_crossing node at one end of the segment."""
    kinds = []
    for key, node_id, country, which in (("from", start, countries[0], "first"), ("to", end, countries[-1], "last")):
        node = refs.nodes.get(node_id) if node_id is not None else None
        if node is None:
            continue
        kinds.append(node.get("kind"))
        sides = _sides(node)
        if sides and country not in sides:
            ck.add("countries", f"the {which} country is {country}, but the '{key}' node {show(node_id)} is in "
                                f"{'/'.join(sides)} (countries are listed in the order travelled, from 'from' to 'to')")
    crossings = [(a, b) for a, b in zip(countries, countries[1:]) if a != b]
    if mode in ("rail", "road") and crossings:
        if len(crossings) > 1:
            ck.add("countries", f"the segment crosses {len(crossings)} land borders ({', '.join(countries)}); a "
                                "segment crosses at most one, at a border_crossing node at one of its ends")
        elif len(kinds) == 2 and "border_crossing" not in kinds:
            (a, b), = crossings
            ck.add("countries", f"the segment crosses from {a} to {b} by land, but neither end is a "
                                "border_crossing node (every land border crossed must be a node)")


def _check_gauge(props: Mapping, mode: str | None, ck: Checker) -> None:
    gauge = props.get("gauge_mm", MISSING)
    if mode == "rail":
        if gauge is MISSING or gauge is None:
            ck.add("gauge_mm", f"a rail segment needs its gauge ({', '.join(map(str, GAUGES_MM))})")
        elif not isinstance(gauge, int) or isinstance(gauge, bool) or gauge not in GAUGES_MM:
            ck.add("gauge_mm", f"{show(gauge)} is not a known gauge ({', '.join(map(str, GAUGES_MM))})")
    elif mode is not None and gauge is not MISSING and gauge is not None:
        ck.add("gauge_mm", f"must be null for a {mode} segment (gauge is for rail only), not {show(gauge)}")


# -- agreements -------------------------------------------------------------------------
def check_agreement(rec: Mapping, refs: Refs | None, ck: Checker) -> None:
    ck.slug(rec, "id")
    ck.text(rec, "title")
    ck.names(rec)
    ck.choice(rec, "kind", AGREEMENT_KINDS, "agreement kind")
    ck.iso3_list(rec, "parties")
    ck.choice(rec, "status", AGREEMENT_STATUSES, "agreement status")
    dates = _object(rec, "dates", ck)
    if dates is not None:
        sub = ck.nested("dates")
        for key in AGREEMENT_DATES:
            sub.date(dates, key, required=False, nullable=True)
        for key in dates.keys() - set(AGREEMENT_DATES):
            sub.add(key, f"is not a known date ({', '.join(AGREEMENT_DATES)})")
    covers = _object(rec, "covers", ck)
    if covers is not None:
        sub = ck.nested("covers")
        sub.refs(covers, "segments", _known(refs, "segments"), "segment", required=False)
        sub.refs(covers, "nodes", _known(refs, "nodes"), "node", required=False)
        for key in covers.keys() - {"segments", "nodes"}:
            sub.add(key, "is not known here (an agreement covers 'segments' and 'nodes')")
    ck.text(rec, "summary")
    ck.refs(rec, "sources", _known(refs, "sources"), "source")


def _object(rec: Mapping, key: str, ck: Checker) -> Mapping | None:
    value = ck.get(rec, key)
    if value is MISSING:
        return None
    if not isinstance(value, dict):
        ck.add(key, f"must be an object, not {json_type(value)} {show(value)}")
        return None
    return value


# -- corridors --------------------------------------------------------------------------
def check_corridor(rec: Mapping, refs: Refs | None, ck: Checker) -> None:
    ck.slug(rec, "id")
    ck.text(rec, "name")
    ck.names(rec)
    ck.text(rec, "description")
    ck.iso3_list(rec, "countries")
    listed = ck.a_list(rec, "segments", min_items=1)
    found = ck.ref_values("segments", listed or [], _known(refs, "segments"), "segment")
    ck.refs(rec, "sources", _known(refs, "sources"), "source")
    if refs is not None and listed and len(found) == len(listed):
        _check_chain(found, refs, ck, hinterland=rec.get("countries") == [PORT_COUNTRY])


def _check_chain(segment_ids: list[str], refs: Refs, ck: Checker, hinterland: bool = False) -> None:
    """Consecutive segments share a node (either direction); the walk runs from a Kazakh
    origin to a Pakistani seaport."""
    ends = [refs.segments[s] for s in segment_ids]
    if not all(isinstance(a, str) and isinstance(b, str) for a, b in ends):
        return  # the segment's own from/to problem is reported in segments.geojson
    if len(ends) == 1:
        a, b = ends[0]
        walks = [(a, b), (b, a)]
    else:
        (a, b), following = ends[0], set(ends[1])
        if b in following:
            start, here = a, b
        elif a in following:
            start, here = b, a
        else:
            ck.add("segments", f"segment {show(segment_ids[1])} (position 2) does not share a node with "
                               f"segment {show(segment_ids[0])} (position 1)")
            return
        for i in range(1, len(ends)):
            f, t = ends[i]
            if here not in (f, t):
                prev, this = show(segment_ids[i - 1]), show(segment_ids[i])
                if set(ends[i - 1]) & {f, t}:
                    ck.add("segments", f"segment {this} (position {i + 1}) does not continue from node "
                                       f"{show(here)}, where segment {prev} (position {i}) ends")
                else:
                    ck.add("segments", f"segment {this} (position {i + 1}) does not share a node with "
                                       f"segment {prev} (position {i})")
                return
            here = t if here == f else f
        walks = [(start, here)]
    _check_origin_and_port(walks, refs, ck, hinterland)


def _is_kazakh(props: Mapping) -> bool:
    countries = props.get("countries")
    return props.get("country") == ORIGIN_COUNTRY or (isinstance(countries, list) and ORIGIN_COUNTRY in countries)


def _is_pakistani_port(props: Mapping) -> bool:
    return props.get("kind") == "seaport" and props.get("country") == PORT_COUNTRY


def _check_origin_and_port(walks: list[tuple[str, str]], refs: Refs, ck: Checker, hinterland: bool = False) -> None:
    """hinterland: a link inside Pakistan only (countries == ["PAK"]), which must reach a port
    but has no Kazakh origin."""
    def props(node_id: str) -> Mapping:
        return refs.nodes.get(node_id, {})

    if hinterland:
        if not any(_is_pakistani_port(props(e)) for _, e in walks):
            ck.add("segments", f"the Pakistani hinterland link ends at node {show(walks[0][1])}, "
                               "which is not a Pakistani seaport")
        return

    if any(_is_kazakh(props(s)) and _is_pakistani_port(props(e)) for s, e in walks):
        return
    start, end = walks[0]
    if len(walks) == 1 and _is_pakistani_port(props(start)) and _is_kazakh(props(end)):
        ck.add("segments", f"the segments run from the port {show(start)} to {show(end)}; "
                           "list them from the Kazakh origin to the Pakistani port")
        return
    if not any(_is_kazakh(props(s)) for s, _ in walks):
        ck.add("segments", f"the corridor starts at node {show(start)}, which is not in Kazakhstan (KAZ); "
                           "a corridor runs from a Kazakh origin to a Pakistani port")
    if not any(_is_pakistani_port(props(e)) for _, e in walks):
        p = props(end)
        ck.add("segments", f"the corridor ends at node {show(end)} (kind {show(p.get('kind'))}, country "
                           f"{show(p.get('country'))}), which is not a Pakistani seaport")


# -- sources ----------------------------------------------------------------------------
def check_source(rec: Mapping, refs: Refs | None, ck: Checker) -> None:
    ck.slug(rec, "id")
    ck.text(rec, "outlet")
    ck.date(rec, "date")
    ck.text(rec, "title")
    ck.choice(rec, "kind", SOURCE_KINDS, "source kind")
    ck.text(rec, "note", required=False, allow_empty=True)


# -- one record at a time (the edit form) -----------------------------------------------
def _validate_one(file: str, table: str, check, rec: Any, geometry: Any, dataset, original_id, *, feature: bool):
    problems: list[Problem] = []
    rid = rec.get("id") if isinstance(rec, dict) else None
    ck = Checker(file, rid if isinstance(rid, str) and rid else "#1", problems)
    if not isinstance(rec, dict):
        ck.add(None, f"must be an object, not {json_type(rec)}")
        return problems
    refs = Refs.from_dataset(dataset) if dataset is not None else None
    if feature:
        check(rec, geometry, refs, ck)
    else:
        check(rec, refs, ck)
    if dataset is not None and isinstance(rid, str) and rid != original_id and rid in getattr(dataset, table):
        ck.add("id", f"{show(rid)} is already used by another {table[:-1]}")
    return problems


def validate_node(props: Mapping, geometry: Any, dataset=None, *, original_id: str | None = None) -> list[Problem]:
    """Problems of one node (its properties and GeoJSON geometry) against `dataset` (a
    geodata.dataset.Dataset, or None to skip references). `original_id`: the id the record had
    before editing, so keeping it is not a duplicate."""
    return _validate_one("nodes.geojson", "nodes", check_node, props, geometry, dataset, original_id, feature=True)


def validate_segment(props: Mapping, geometry: Any, dataset=None, *, original_id: str | None = None) -> list[Problem]:
    return _validate_one("segments.geojson", "segments", check_segment, props, geometry, dataset, original_id,
                         feature=True)


def validate_agreement(rec: Mapping, dataset=None, *, original_id: str | None = None) -> list[Problem]:
    return _validate_one("agreements.json", "agreements", check_agreement, rec, None, dataset, original_id,
                         feature=False)


def validate_corridor(rec: Mapping, dataset=None, *, original_id: str | None = None) -> list[Problem]:
    return _validate_one("corridors.json", "corridors", check_corridor, rec, None, dataset, original_id,
                         feature=False)


def validate_source(rec: Mapping, dataset=None, *, original_id: str | None = None) -> list[Problem]:
    return _validate_one("sources.json", "sources", check_source, rec, None, dataset, original_id, feature=False)
