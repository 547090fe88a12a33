"""The furniture of an exported map: title, subtitle, legend, date, sources, notes.

Plain data (no Qt): the PNG/PDF export draws it in the map page, the HTML and PPTX
exports reuse the same texts.
"""
from __future__ import annotations

import datetime as dt

from geodata.dataset import Dataset

from .layer_list import LayerList

DEFAULT_TITLE = "Kazakhstan to Pakistan's ports: the southern corridor"
INDICATIVE_NOTE = "Planned and proposed lines are indicative."


def data_as_of(ds: Dataset) -> str:
    """The latest status date in the data (YYYY, YYYY-MM or YYYY-MM-DD), or ''."""
    dates = [str(f["properties"].get("status_date") or "") for f in ds.segments.values()]
    dates += [str(s.get("date") or "") for s in ds.sources.values() if s.get("kind") != "reference"]
    return max((d for d in dates if d[:1].isdigit()), default="")


def visible_features(ds: Dataset, layer_list: LayerList):
    for layer in layer_list:
        if layer.visible and layer.kind != "basemap":
            for f in layer.features:
                yield layer, f["properties"]


def has_indicative_lines(ds: Dataset, layer_list: LayerList) -> bool:
    return any(p.get("status") in ("planned", "proposed") for layer, p in visible_features(ds, layer_list)
               if layer.kind == "lines")


def sources_line(ds: Dataset, layer_list: LayerList) -> str:
    """The cited outlets behind what is shown, newest first; background knowledge summed up."""
    cited: dict[str, str] = {}
    reference = False
    shown = set()
    for layer, p in visible_features(ds, layer_list):
        shown.add(p["id"])
    records = [f["properties"] for sid, f in ds.segments.items() if sid in shown]
    records += [f["properties"] for nid, f in ds.nodes.items() if nid in shown]
    records += [c for cid, c in ds.corridors.items() if cid in shown]
    for rec in records:
        for sid in rec.get("sources") or []:
            s = ds.sources.get(sid)
            if not s:
                continue
            if s.get("kind") == "reference":
                reference = True
            else:
                cited[s.get("outlet", sid)] = max(cited.get(s.get("outlet", sid), ""), str(s.get("date", "")))
    parts = [f"{outlet} ({date})" for outlet, date in sorted(cited.items(), key=lambda kv: kv[1], reverse=True)]
    if reference:
        parts.append("reference knowledge")
    text = "Sources: " + "; ".join(parts) if parts else "Sources: see the dataset"
    return text + ". Basemap: Natural Earth."


def compose(ds: Dataset, layer_list: LayerList, title: str | None = None, subtitle: str | None = None,
            today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    as_of = data_as_of(ds)
    date = f"Map of {today.isoformat()}" + (f" · status as of {as_of}" if as_of else "")
    return {
        "on": True,
        "title": title or DEFAULT_TITLE,
        "subtitle": subtitle or "",
        "legend": layer_list.legend(),
        "legendTitle": "Legend",
        "date": date,
        "sources": sources_line(ds, layer_list),
        "note": INDICATIVE_NOTE if has_indicative_lines(ds, layer_list) else "",
    }
