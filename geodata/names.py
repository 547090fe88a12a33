"""Find a node from what a user types: a node id or a name, in any of its languages.

``resolve(source, query)`` returns a node id or raises ``UnknownPlace`` / ``AmbiguousPlace``
(both ``PlaceError``), whose message lists the closest candidates. ``source`` is a
Dataset, a routing graph (networkx) or a dict of node id -> properties.

Matching, in order; the first stage that finds anything decides:

1. the node id itself (case, spaces and hyphens ignored: ``Port Qasim`` finds ``port_qasim``);
2. a whole name equal to the query after normalisation (case, accents, punctuation and
   spacing ignored): ``name``, every ``names`` translation (en, ru, kk, ur) and
   ``name_other_side`` of a border crossing (``Spin Boldak`` finds the Chaman crossing);
3. names containing every word of the query (``qasim`` finds "Port Qasim");
4. fuzzy (rapidfuzz ratio / token_sort_ratio on the whole name) for typing slips, only for
   queries of 4 characters or more: the best node is taken if it scores ≥ 80 and is
   clearly ahead (by 5 points) of the next one.

An unknown place's message lists the closest names (partial matches count there).

Several nodes at one stage make the query ambiguous, unless one of them is matched by its
English name and the others only by a translation or the far-side name. A trailing
country code narrows the choice: ``Termez UZB``.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

FUZZY_MIN = 80.0
FUZZY_GAP = 5.0
FUZZY_MIN_LEN = 4
MAX_CANDIDATES = 6

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


class PlaceError(ValueError):
    """A place that cannot be resolved to one node; ``candidates`` = [(id, label)]."""

    def __init__(self, message: str, query: str, candidates: list[tuple[str, str]]):
        super().__init__(message)
        self.query = query
        self.candidates = candidates


class UnknownPlace(PlaceError):
    pass


class AmbiguousPlace(PlaceError):
    pass


def normalize(text: str) -> str:
    """Case-folded, accents and punctuation removed, single spaces."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


@dataclass(frozen=True)
class _Alias:
    node: str
    text: str        # normalized
    primary: bool    # the English name or the id


def _items(source: Any) -> Iterable[tuple[str, dict]]:
    nodes = getattr(source, "nodes", None)
    if isinstance(nodes, dict):  # Dataset: id -> GeoJSON feature
        for nid, f in nodes.items():
            yield nid, f.get("properties", {})
        return
    if nodes is not None and hasattr(source, "graph"):  # networkx graph
        for nid, d in source.nodes(data=True):
            yield nid, d
        return
    if isinstance(source, Mapping):
        for nid, p in source.items():
            yield nid, (p.get("properties", p) if isinstance(p, dict) else {})
        return
    raise TypeError(f"cannot read places from {type(source).__name__}")


class PlaceIndex:
    """The names of every node, ready for repeated look-ups."""

    def __init__(self, source: Any):
        self.info: dict[str, dict] = {}
        self.aliases: list[_Alias] = []
        self.ids: dict[str, str] = {}
        for nid, p in _items(source):
            countries = p.get("countries") or ([p["country"]] if p.get("country") else [])
            self.info[nid] = {"name": p.get("name") or nid, "kind": p.get("kind"), "countries": list(countries)}
            self.ids[normalize(nid)] = nid
            seen = set()
            texts = [(p.get("name"), True), (nid, True)]
            names = p.get("names") or {}
            if isinstance(names, dict):
                texts += [(v, k == "en") for k, v in names.items()]
            if p.get("name_other_side"):
                texts.append((p["name_other_side"], False))
            for t, primary in texts:
                if not t or not isinstance(t, str):
                    continue
                n = normalize(t)
                if n and (n, primary) not in seen:
                    seen.add((n, primary))
                    self.aliases.append(_Alias(nid, n, primary))
        self.countries = {c for i in self.info.values() for c in i["countries"]}

    def label(self, nid: str) -> str:
        i = self.info[nid]
        extra = ", ".join(x for x in (i["kind"], "/".join(i["countries"])) if x)
        return f"{i['name']} ({nid}{', ' + extra if extra else ''})"

    def _pick(self, query: str, matches: dict[str, bool], stage: str) -> str | None:
        """matches: node -> matched by a primary name. One node, or raise ambiguous."""
        if not matches:
            return None
        if len(matches) == 1:
            return next(iter(matches))
        primary = [n for n, p in matches.items() if p]
        if len(primary) == 1:
            return primary[0]
        cands = sorted(matches, key=lambda n: (not matches[n], self.info[n]["name"], n))
        raise AmbiguousPlace(
            f"'{query}' is ambiguous: it {stage} {len(cands)} places: "
            + "; ".join(self.label(n) for n in cands[:MAX_CANDIDATES])
            + ("; ..." if len(cands) > MAX_CANDIDATES else "")
            + ". Give the node id or a fuller name.",
            query, [(n, self.label(n)) for n in cands],
        )

    def scores(self, q: str, allowed: set[str] | None = None, *, partial: bool = False) -> list[tuple[str, float]]:
        """Every node's best fuzzy score for normalized query q, best first. Whole-string
        similarity (typing slips, word order) by default; ``partial`` also rewards a
        query that is part of a name or the other way round (for suggestions only)."""
        best: dict[str, float] = {}
        for a in self.aliases:
            if allowed is not None and a.node not in allowed:
                continue
            if partial:
                s = fuzz.WRatio(q, a.text)
            else:
                s = max(fuzz.ratio(q, a.text), fuzz.token_sort_ratio(q, a.text))
            if s > best.get(a.node, -1):
                best[a.node] = s
        return sorted(best.items(), key=lambda kv: (-kv[1], self.info[kv[0]]["name"]))

    def namesakes(self, nid: str, kinds: tuple[str, ...] = ("seaport", "dry_port")) -> list[str]:
        """Other nodes of these kinds whose name contains this node's whole name, e.g. the
        port "Karachi Port" for the city "Karachi" (to point out when a city was chosen)."""
        words = set(normalize(self.info[nid]["name"]).split())
        if not words:
            return []
        out = []
        for a in self.aliases:
            if a.node != nid and a.primary and self.info[a.node]["kind"] in kinds and words <= set(a.text.split()):
                if a.node not in out:
                    out.append(a.node)
        return out

    def closest(self, query: str, limit: int = 5) -> list[tuple[str, str]]:
        q = normalize(query)
        if not q:
            return []
        return [(n, self.label(n)) for n, s in self.scores(q, partial=True)[:limit] if s > 0]

    def resolve(self, query: str) -> str:
        if not isinstance(query, str) or not query.strip():
            raise UnknownPlace("an empty place name was given", str(query), [])
        raw = query.strip()
        if raw in self.info:
            return raw
        q = normalize(raw)
        if not q:
            raise UnknownPlace(f"'{query}' is not a place name", query, [])
        allowed: set[str] | None = None
        words = q.split()
        if len(words) > 1 and words[-1].upper() in self.countries:
            code = words[-1].upper()
            allowed = {n for n, i in self.info.items() if code in i["countries"]}
            q = " ".join(words[:-1])
        # 1. the id
        nid = self.ids.get(q)
        if nid is not None and (allowed is None or nid in allowed):
            return nid
        # 2. a whole name
        exact: dict[str, bool] = {}
        for a in self.aliases:
            if a.text == q and (allowed is None or a.node in allowed):
                exact[a.node] = exact.get(a.node, False) or a.primary
        hit = self._pick(query, exact, "is the name of")
        if hit:
            return hit
        # 3. every word of the query in a name
        qwords = set(q.split())
        contains: dict[str, bool] = {}
        for a in self.aliases:
            if allowed is not None and a.node not in allowed:
                continue
            if qwords <= set(a.text.split()):
                contains[a.node] = contains.get(a.node, False) or a.primary
        hit = self._pick(query, contains, "is part of the names of")
        if hit:
            return hit
        # 4. fuzzy
        ranked = self.scores(q, allowed)
        if len(q) >= FUZZY_MIN_LEN and ranked and ranked[0][1] >= FUZZY_MIN:
            top, s1 = ranked[0]
            close = [n for n, s in ranked[1:] if s > s1 - FUZZY_GAP]
            if not close:
                return top
            cands = [top] + close
            raise AmbiguousPlace(
                f"'{query}' is ambiguous: it is close to {len(cands)} places: "
                + "; ".join(self.label(n) for n in cands[:MAX_CANDIDATES])
                + ". Give the node id or a fuller name.",
                query, [(n, self.label(n)) for n in cands],
            )
        near = [(n, self.label(n)) for n, s in self.scores(q, allowed, partial=True)[:5] if s >= 60]
        hint = (" Closest: " + "; ".join(lbl for _, lbl in near) + ".") if near else ""
        raise UnknownPlace(f"unknown place '{query}': no node has this id or name.{hint}", query, near)


def resolve(source: Any, query: str) -> str:
    """The node id for ``query`` (see module doc); PlaceError when unknown or ambiguous."""
    index = source if isinstance(source, PlaceIndex) else PlaceIndex(source)
    return index.resolve(query)
