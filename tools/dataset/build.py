"""Write the built-in dataset (geodata/data/) from the region modules and common.py.

    .venv/bin/python tools/dataset/build.py

Corridors and the segments an agreement covers are given as waypoints (node ids) and
resolved here to the segments between them, so they stay right when a line is redrawn.
"""
from __future__ import annotations

import importlib
import json
import re
import sys
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from common import NEWS_SOURCES  # noqa: E402
from corridors_agreements import AGREEMENT_SOURCES, AGREEMENTS, CORRIDORS  # noqa: E402
from geodata.measure import distance_km, line_length_km  # noqa: E402

MODULES = ["region_pakistan", "region_afghanistan", "region_centralasia", "links"]
OUT = REPO / "geodata" / "data"


def load_modules():
    nodes, segments, sources = {}, {}, {s["id"]: s for s in NEWS_SOURCES + AGREEMENT_SOURCES}
    for name in MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError:
            print(f"warning: {name} missing, skipped")
            continue
        for s in getattr(mod, "SOURCES", []):
            sources.setdefault(s["id"], s)
        for n in mod.NODES:
            if n["id"] in nodes:
                raise SystemExit(f"{name}: node id {n['id']!r} defined twice")
            nodes[n["id"]] = n
        for s in mod.SEGMENTS:
            if s["id"] in segments:
                raise SystemExit(f"{name}: segment id {s['id']!r} defined twice")
            segments[s["id"]] = s
    return nodes, segments, sources


def r5(x: float) -> float:
    return round(float(x), 5)


def node_feature(n: dict) -> dict:
    props = {"id": n["id"], "name": n["name"], "kind": n["kind"]}
    if n.get("names"):
        props["names"] = with_english(n["name"], n["names"])
    if n["kind"] == "border_crossing":
        props["countries"] = list(n["countries"])
        if n.get("name_other_side"):
            props["name_other_side"] = n["name_other_side"]
    else:
        props["country"] = n["country"]
    props.update({"modes": list(n.get("modes", [])), "status": n.get("status", "operational"),
                  "sources": list(n["sources"]), "confidence": n.get("confidence", "medium"), "note": n.get("note", "")})
    lon, lat = n["lonlat"]
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r5(lon), r5(lat)]}, "properties": props}


def segment_feature(s: dict, nodes: dict) -> dict:
    a, b = s["ends"]
    path = [tuple(p[:2]) for p in s["path"]]
    if a in nodes and b in nodes:
        pa, pb = nodes[a]["lonlat"], nodes[b]["lonlat"]
        # a path drawn the other way round is turned, not rejected
        if distance_km(path[0], pa) > distance_km(path[-1], pa) and distance_km(path[-1], pb) > distance_km(path[0], pb):
            path.reverse()
        path[0], path[-1] = tuple(pa), tuple(pb)
    coords = []
    for lon, lat in path:
        c = [r5(lon), r5(lat)]
        if not coords or coords[-1] != c:
            coords.append(c)
    props = {"id": s["id"], "name": s["name"], "line": s.get("line", ""), "mode": s["mode"], "status": s["status"],
             "status_date": str(s.get("status_date", "2025")), "gauge_mm": s.get("gauge_mm") if s["mode"] == "rail" else None,
             "from": a, "to": b, "countries": list(s["countries"]), "agreements": [],
             "sources": list(s["sources"]), "confidence": s.get("confidence", "medium"), "note": s.get("note", "")}
    for key in ("opened", "expected"):
        if s.get(key):
            props[key] = int(s[key])
    props["names"] = with_english(s["name"], s.get("names") or segment_names(s, nodes))
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": props}


LANGS = ("en", "ru", "kk", "ur")


def with_english(name: str, names: dict) -> dict:
    """{en, ru, kk, ur} in that order, en being the record's own (English) name."""
    merged = {**names, "en": name}
    return {lang: merged[lang] for lang in LANGS if merged.get(lang)}


# A segment's name in another language is made from its two ends' names in that language, the
# line's code (ML-1, N-5, M39...) when it has one, and the mode: "ML-1 Карачи — Котри",
# "Ташкент – Хаваст темір жолы", "تاشقند–خاوست ریلوے". A segment may give its own `names`.
LINE_CODE = re.compile(r"^(?:ML|N|M|E|A)-?\d+$")
SEGMENT_WORDS = {
    "ru": {"sep": " — ", "rail": "железная дорога {ends}", "road": "автодорога {ends}", "ferry": "паром {ends}",
           "sea": "морская линия {ends}", "code": "{code} {ends}", "planned": " (планируется)",
           "proposed": " (предлагается)", "under_construction": " (строится)"},
    "kk": {"sep": " – ", "rail": "{ends} темір жолы", "road": "{ends} автожолы", "ferry": "{ends} паромы",
           "sea": "{ends} теңіз желісі", "code": "{code} {ends}", "planned": " (жоспарланған)",
           "proposed": " (ұсынылған)", "under_construction": " (салынуда)"},
    # Urdu: the line codes are Latin, left out so that the label reads right to left throughout
    "ur": {"sep": "–", "rail": "{ends} ریلوے", "road": "{ends} سڑک", "ferry": "{ends} فیری",
           "sea": "{ends} سمندری راستہ", "code": None, "planned": " (منصوبہ)",
           "proposed": " (مجوزہ)", "under_construction": " (زیر تعمیر)"},
}


def _short(node: dict, lang: str) -> str | None:
    """A node's name in lang without a bracketed aside ("Бохтар (Курган-Тюбе)" -> "Бохтар")."""
    name = (node.get("names") or {}).get(lang)
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip() if name else None


_PAIR = re.compile(r"\s*[–—/]\s*")


def _end(node: dict, lang: str, segment_name: str) -> str | None:
    """The end's name in lang; of a border crossing named "A–B", the side the English segment
    name uses ("Hairatan–Mazar-i-Sharif railway" -> Хайратан, not Хайратан — Термез)."""
    name = _short(node, lang)
    if name and node.get("kind") == "border_crossing":
        sides_en = _PAIR.split(re.sub(r"\s*\([^)]*\)\s*$", "", node["name"]))
        sides = _PAIR.split(name)
        if len(sides_en) == len(sides) > 1:
            for side_en, side in zip(sides_en, sides):
                if side_en in segment_name:
                    return side
    return name


def segment_names(s: dict, nodes: dict) -> dict:
    out = {}
    a, b = (nodes.get(e) for e in s["ends"])
    if a is None or b is None:
        return out
    code = s.get("line", "") if LINE_CODE.match(s.get("line", "")) else None
    for lang, words in SEGMENT_WORDS.items():
        ends = [_end(a, lang, s["name"]), _end(b, lang, s["name"])]
        if not all(ends):
            continue  # no name for an end in this language: the English name is shown
        text = words["sep"].join(ends)
        text = words["code"].format(code=code, ends=text) if code and words["code"] else words[s["mode"]].format(ends=text)
        if lang == "ru" and not (code and words["code"]):
            text = text[0].upper() + text[1:]
        out[lang] = text + words.get(s["status"], "")
    return out


def graph(segments: dict) -> nx.MultiGraph:
    g = nx.MultiGraph()
    for sid, f in segments.items():
        p = f["properties"]
        g.add_edge(p["from"], p["to"], key=sid, km=line_length_km(f["geometry"]["coordinates"]), mode=p["mode"],
                   status=p["status"])
    return g


def resolve_path(g: nx.MultiGraph, waypoints: list[str], modes: list[set[str]] | set[str], where: str) -> list[str]:
    """Segment ids along the shortest path through the waypoints, each leg limited to modes."""
    out = []
    if isinstance(modes, list) and len(modes) != len(waypoints) - 1:
        raise SystemExit(f"{where}: {len(waypoints)} waypoints need {len(waypoints) - 1} mode sets, got {len(modes)}")
    for i, (a, b) in enumerate(zip(waypoints, waypoints[1:])):
        allowed = modes[i] if isinstance(modes, list) else modes
        sub = nx.Graph()
        for u, v, key, d in g.edges(keys=True, data=True):
            if d["mode"] in allowed and (not sub.has_edge(u, v) or sub[u][v]["km"] > d["km"]):
                sub.add_edge(u, v, km=d["km"], key=key)
        try:
            nodes = nx.shortest_path(sub, a, b, weight="km")
        except (nx.NetworkXNoPath, nx.NodeNotFound) as exc:
            raise SystemExit(f"{where}: no {sorted(allowed)} path {a} -> {b} ({exc})")
        out += [sub[u][v]["key"] for u, v in zip(nodes, nodes[1:])]
    return out


def dump_features(path: Path, features: list[dict]) -> None:
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
    path.write_text('{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n", encoding="utf-8")


def main() -> int:
    nodes, segs, sources = load_modules()
    # A node handles the modes of the segments that reach it (a seaport also handles sea).
    reach: dict[str, set] = {}
    for s in segs.values():
        for end in s["ends"]:
            reach.setdefault(end, set()).add(s["mode"])
    for nid, n in nodes.items():
        modes = set(reach.get(nid, set()))
        if n["kind"] == "seaport":
            modes.add("sea")
        n["modes"] = [m for m in ("rail", "road", "sea", "ferry") if m in (modes or set(n.get("modes", [])))]
    node_features = [node_feature(n) for n in nodes.values()]
    seg_features = {sid: segment_feature(s, nodes) for sid, s in segs.items()}
    missing = sorted({e for s in segs.values() for e in s["ends"] if e not in nodes})
    if missing:
        print("warning: segments end at undefined nodes:", ", ".join(missing))
    g = graph(seg_features)

    agreements = []
    for a in AGREEMENTS:
        covered = set(a.get("segments", []))
        for spec in a.get("paths", []):
            covered.update(resolve_path(g, spec["via"], set(spec["modes"]), f"agreement {a['id']}"))
        for rule in a.get("rules", []):
            covered.update(sid for sid, f in seg_features.items() if rule(f["properties"]))
        covered = [sid for sid in seg_features if sid in covered]
        for sid in covered:
            seg_features[sid]["properties"]["agreements"].append(a["id"])
        rec = {k: a[k] for k in ("id", "title", "kind", "parties", "status", "dates", "summary", "sources")}
        if a.get("names"):
            rec["names"] = with_english(a["title"], a["names"])
        rec["covers"] = {"segments": covered, "nodes": [n for n in a.get("nodes", []) if n in nodes]}
        agreements.append(rec)

    corridors = []
    for c in CORRIDORS:
        seq = resolve_path(g, c["via"], c["modes"], f"corridor {c['id']}")
        rec = {"id": c["id"], "name": c["name"], "description": c["description"],
               "countries": c["countries"], "segments": seq, "sources": c["sources"]}
        if c.get("names"):
            rec["names"] = with_english(c["name"], c["names"])
        corridors.append(rec)

    OUT.mkdir(parents=True, exist_ok=True)
    dump_features(OUT / "nodes.geojson", node_features)
    dump_features(OUT / "segments.geojson", list(seg_features.values()))
    (OUT / "agreements.json").write_text(json.dumps({"agreements": agreements}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (OUT / "corridors.json").write_text(json.dumps({"corridors": corridors}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (OUT / "sources.json").write_text(json.dumps({"sources": list(sources.values())}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for c in corridors:
        km = sum(line_length_km(seg_features[s]["geometry"]["coordinates"]) for s in c["segments"])
        print(f"corridor {c['id']}: {len(c['segments'])} segments, {km:,.0f} km")
    print(f"{len(node_features)} nodes, {len(seg_features)} segments, {len(agreements)} agreements, {len(sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
