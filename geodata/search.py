"""Find places, lines, corridors and agreements by name, forgiving typos (rapidfuzz)."""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from .dataset import Dataset


@dataclass(frozen=True)
class Hit:
    label: str      # what the user sees in the list
    kind: str       # node kind, "segment", "line", "corridor" or "agreement"
    target: str     # "layer/id" for the map, or "agreement/<id>"
    score: float


NODE_LAYERS = {"seaport": "seaports", "dry_port": "dry_ports", "border_crossing": "border_crossings",
               "junction": "cities", "city": "cities"}


def segment_layer(props: dict) -> str:
    mode, status = props.get("mode"), props.get("status")
    if mode == "rail":
        return "railways_planned" if status in ("planned", "proposed") else "railways"
    return "roads" if mode == "road" else "sea"


class SearchIndex:
    def __init__(self, ds: Dataset):
        self.entries: list[tuple[str, str, str, str]] = []  # (text to match, label, kind, target)
        for nid, f in ds.nodes.items():
            p = f["properties"]
            target = f"{NODE_LAYERS.get(p.get('kind'), 'cities')}/{nid}"
            names = [p.get("name", nid)] + [v for v in (p.get("names") or {}).values() if v]
            if p.get("name_other_side"):
                names.append(p["name_other_side"])
            for n in dict.fromkeys(names):
                self.entries.append((n, p.get("name", nid) if n == p.get("name") else f"{n} ({p.get('name', nid)})",
                                     p.get("kind", "place"), target))
        for sid, f in ds.segments.items():
            p = f["properties"]
            self.entries.append((p.get("name", sid), p.get("name", sid), "segment", f"{segment_layer(p)}/{sid}"))
        for cid, c in ds.corridors.items():
            self.entries.append((c.get("name", cid), c.get("name", cid), "corridor", f"corridor:{cid}/{cid}"))
        for aid, a in ds.agreements.items():
            self.entries.append((a.get("title", aid), a.get("title", aid), "agreement", f"agreement/{aid}"))
        self._texts = [e[0] for e in self.entries]

    def search(self, query: str, limit: int = 12) -> list[Hit]:
        query = (query or "").strip()
        if not query:
            return []
        found = process.extract(query, self._texts, scorer=fuzz.WRatio, processor=utils.default_process,
                                limit=limit * 3, score_cutoff=55)
        hits, seen = [], set()
        for _text, score, i in found:
            _, label, kind, target = self.entries[i]
            if target in seen:
                continue
            seen.add(target)
            hits.append(Hit(label, kind, target, score))
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]
