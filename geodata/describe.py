"""The facts behind a selection, as plain data for the side panel and the exports.

Nothing here formats for the screen: the GUI decides how to show it (and escapes it).
"""
from __future__ import annotations

from collections import defaultdict

from .dataset import Dataset


def _source(ds: Dataset, sid: str) -> dict:
    s = ds.sources.get(sid, {})
    return {"id": sid, "outlet": s.get("outlet", sid), "date": s.get("date", ""), "title": s.get("title", ""),
            "reference": s.get("kind") == "reference"}


def _sources(ds: Dataset, ids) -> list[dict]:
    return [_source(ds, sid) for sid in dict.fromkeys(ids or [])]


def node_name(ds: Dataset, node_id: str) -> str:
    node = ds.nodes.get(node_id)
    return node["properties"].get("name", node_id) if node else node_id


def _agreement(ds: Dataset, aid: str) -> dict:
    a = ds.agreements.get(aid, {})
    return {"id": aid, "title": a.get("title", aid), "kind": a.get("kind", ""), "parties": a.get("parties", []),
            "status": a.get("status", ""), "dates": {k: v for k, v in (a.get("dates") or {}).items() if v},
            "sources": _sources(ds, a.get("sources"))}


def agreements_covering(ds: Dataset, segment_ids=(), node_ids=()) -> list[str]:
    """Agreement ids that cover any of these segments or nodes, in dataset order."""
    seg, nod = set(segment_ids), set(node_ids)
    out = []
    for aid, a in ds.agreements.items():
        covers = a.get("covers") or {}
        if seg & set(covers.get("segments", [])) or nod & set(covers.get("nodes", [])):
            out.append(aid)
    return out


def corridors_with_segment(ds: Dataset, segment_id: str) -> list[dict]:
    return [{"id": c["id"], "name": c["name"]} for c in ds.corridors.values() if segment_id in c.get("segments", [])]


def describe_segment(ds: Dataset, sid: str) -> dict:
    f = ds.segments[sid]
    p = f["properties"]
    ends = [p.get("from"), p.get("to")]
    crossings = [{"id": n, "name": node_name(ds, n), "countries": ds.nodes[n]["properties"].get("countries", [])}
                 for n in ends if n in ds.nodes and ds.nodes[n]["properties"].get("kind") == "border_crossing"]
    agreement_ids = list(dict.fromkeys(list(p.get("agreements") or []) + agreements_covering(ds, [sid])))
    return {
        "type": "segment", "id": sid, "name": p.get("name", sid), "line": p.get("line", ""),
        "mode": p.get("mode"), "gauge_mm": p.get("gauge_mm"), "status": p.get("status"),
        "status_date": p.get("status_date", ""), "km": ds.segment_km[sid],
        "from": {"id": ends[0], "name": node_name(ds, ends[0])}, "to": {"id": ends[1], "name": node_name(ds, ends[1])},
        "countries": p.get("countries", []), "border_crossings": crossings,
        "corridors": corridors_with_segment(ds, sid),
        "agreements": [_agreement(ds, a) for a in agreement_ids],
        "sources": _sources(ds, p.get("sources")), "confidence": p.get("confidence", ""), "note": p.get("note", ""),
        "opened": p.get("opened"), "expected": p.get("expected"),
    }


def connected_segments(ds: Dataset, node_id: str) -> list[str]:
    return [sid for sid, f in ds.segments.items() if node_id in (f["properties"].get("from"), f["properties"].get("to"))]


def describe_node(ds: Dataset, nid: str) -> dict:
    p = ds.nodes[nid]["properties"]
    segs = connected_segments(ds, nid)
    agreement_ids = agreements_covering(ds, node_ids=[nid])
    return {
        "type": "node", "id": nid, "name": p.get("name", nid), "kind": p.get("kind"),
        "country": p.get("country"), "countries": p.get("countries"), "name_other_side": p.get("name_other_side"),
        "modes": p.get("modes", []), "status": p.get("status"),
        "lon": ds.nodes[nid]["geometry"]["coordinates"][0], "lat": ds.nodes[nid]["geometry"]["coordinates"][1],
        "segments": [{"id": s, "name": ds.segments[s]["properties"].get("name", s), "mode": ds.segments[s]["properties"].get("mode"),
                      "status": ds.segments[s]["properties"].get("status"), "km": ds.segment_km[s]} for s in segs],
        "agreements": [_agreement(ds, a) for a in agreement_ids],
        "agreements_nearby": [_agreement(ds, a) for a in agreements_covering(ds, segment_ids=segs) if a not in agreement_ids],
        "sources": _sources(ds, p.get("sources")), "confidence": p.get("confidence", ""), "note": p.get("note", ""),
    }


def corridor_node_sequence(ds: Dataset, segment_ids: list[str]) -> list[str]:
    """The nodes passed in order along consecutive segments (each may run either way)."""
    seq: list[str] = []
    for i, sid in enumerate(segment_ids):
        p = ds.segments[sid]["properties"]
        a, b = p.get("from"), p.get("to")
        if not seq:
            nxt = ds.segments[segment_ids[i + 1]]["properties"] if i + 1 < len(segment_ids) else {}
            # start from the end that the next segment does not touch
            if a in (nxt.get("from"), nxt.get("to")):
                a, b = b, a
            seq = [a, b]
        elif seq[-1] == a:
            seq.append(b)
        elif seq[-1] == b:
            seq.append(a)
        else:  # a gap in the corridor: keep both ends so nothing is lost
            seq += [a, b]
    return seq


def describe_corridor(ds: Dataset, cid: str) -> dict:
    c = ds.corridors[cid]
    segs = [s for s in c.get("segments", []) if s in ds.segments]
    by_mode: dict[str, float] = defaultdict(float)
    by_status: dict[str, float] = defaultdict(float)
    for s in segs:
        p = ds.segments[s]["properties"]
        by_mode[p.get("mode", "?")] += ds.segment_km[s]
        by_status[p.get("status", "?")] += ds.segment_km[s]
    nodes = corridor_node_sequence(ds, segs) if segs else []
    crossings = [{"id": n, "name": node_name(ds, n), "countries": ds.nodes[n]["properties"].get("countries", [])}
                 for n in nodes if n in ds.nodes and ds.nodes[n]["properties"].get("kind") == "border_crossing"]
    seg_agreements = [a for s in segs for a in ds.segments[s]["properties"].get("agreements") or []]
    agreement_ids = list(dict.fromkeys(seg_agreements + agreements_covering(ds, segs, nodes)))
    return {
        "type": "corridor", "id": cid, "name": c.get("name", cid), "description": c.get("description", ""),
        "km": sum(ds.segment_km[s] for s in segs), "km_by_mode": dict(by_mode), "km_by_status": dict(by_status),
        "countries": c.get("countries", []), "border_crossings": crossings,
        "origin": node_name(ds, nodes[0]) if nodes else "", "destination": node_name(ds, nodes[-1]) if nodes else "",
        "segments": [{"id": s, "name": ds.segments[s]["properties"].get("name", s), "km": ds.segment_km[s],
                      "mode": ds.segments[s]["properties"].get("mode"), "status": ds.segments[s]["properties"].get("status")} for s in segs],
        "agreements": [_agreement(ds, a) for a in agreement_ids],
        "sources": _sources(ds, c.get("sources")),
    }


def describe(ds: Dataset, layer: str, fid: str) -> dict | None:
    """Facts for a feature picked on the map; None when the id is unknown."""
    if layer.startswith("corridor:"):
        return describe_corridor(ds, fid) if fid in ds.corridors else None
    if fid in ds.segments and layer in ("railways", "railways_planned", "roads", "sea"):
        return describe_segment(ds, fid)
    if fid in ds.nodes:
        return describe_node(ds, fid)
    return None


def describe_agreement(ds: Dataset, aid: str) -> dict:
    a = _agreement(ds, aid)
    covers = ds.agreements[aid].get("covers") or {}
    a.update({"type": "agreement", "summary": ds.agreements[aid].get("summary", ""),
              "segments": [s for s in covers.get("segments", []) if s in ds.segments],
              "nodes": [n for n in covers.get("nodes", []) if n in ds.nodes]})
    return a
