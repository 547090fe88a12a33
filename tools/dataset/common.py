"""News sources (the five articles in ../shared/sources), cited by outlet and date."""

NEWS_SOURCES = [
    dict(id="nca-2024-01-24", outlet="nCa (Central Asia news)", date="2024-01-24", kind="news",
         title="Kazakhstan and Pakistan weigh transport connectivity options (Astana meeting of 22 January 2024)"),
    dict(id="press-2023-07-20", outlet="Pakistani press report, Rawalpindi", date="2023-07-20", kind="news",
         title="NLC delegation visits Kazakhstan; TIR round trips and land routes to Central Asia"),
    dict(id="press-2025-09-02", outlet="Pakistani press report", date="2025-09-02", kind="news",
         title="Pakistan offers Kazakhstan joint ventures at Karachi and Gwadar ports"),
    dict(id="press-2025-gwadar", outlet="Pakistani press report, Islamabad", date="2025-08", kind="news",
         title="Pakistan and Kazakhstan move toward an agreement on Kazakh access to Gwadar"),
    dict(id="menafn-2025-12", outlet="MENAFN", date="2025-12", kind="news",
         title="Southern Corridor: what Kazakhstan gains from access to Pakistan's ports"),
]


def add_names(nodes: list[dict], more: dict[str, dict[str, str]]) -> None:
    """Merge translations {node id: {lang: name}} into the nodes' `names` (en = the English name).

    A name already given in a node's own definition wins; an id not among the nodes is an error.
    """
    by_id = {n["id"]: n for n in nodes}
    for nid, names in more.items():
        if nid not in by_id:
            raise SystemExit(f"names for unknown node {nid!r}")
        node = by_id[nid]
        merged = {"en": node["name"], **names, **(node.get("names") or {})}
        node["names"] = {lang: merged[lang] for lang in ("en", "ru", "kk", "ur") if merged.get(lang)}
