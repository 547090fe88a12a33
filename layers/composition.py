"""The furniture of an exported map: title, subtitle, legend, date, sources, notes.

Plain data (no Qt): the PNG/PDF export draws it in the map page, the HTML and PPTX
exports reuse the same texts.
"""
from __future__ import annotations

import datetime as dt

from geodata.dataset import Dataset
from geodata.i18n import N_, direction, normalize, translate

from .catalog import group_title, legend_label
from .layer_list import LayerList

DEFAULT_TITLE = N_("Kazakhstan to Pakistan's ports: the southern corridor")
INDICATIVE_NOTE = N_("Planned and proposed lines are indicative.")


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


def sources_line(ds: Dataset, layer_list: LayerList, lang: str | None = "en") -> str:
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
        parts.append(translate(N_("reference knowledge"), lang))
    if parts:
        text = translate(N_("Sources: {list}"), lang).format(list="; ".join(parts))
    else:
        text = translate(N_("Sources: see the dataset"), lang)
    return text + ". " + translate(N_("Basemap: Natural Earth."), lang)


def date_line(today: dt.date, as_of: str, lang: str | None = "en") -> str:
    text = translate(N_("Map of {date}"), lang).format(date=today.isoformat())
    if as_of:
        text += " · " + translate(N_("status as of {date}"), lang).format(date=as_of)
    return text


def localized_legend(layer_list: LayerList, lang: str = "en", second: str | None = None) -> list[dict]:
    """The legend with its group headings and labels in lang (and, bilingual, ``label2`` in second)."""
    out = []
    for item in layer_list.legend():
        row = {k: v for k, v in item.items() if k != "names"}
        row["label"] = legend_label(item, lang)
        if item.get("group"):
            row["group"] = group_title(item["group"], lang)
        if second:
            row["label2"] = legend_label(item, second)
        out.append(row)
    return out


def compose(ds: Dataset, layer_list: LayerList, title: str | None = None, subtitle: str | None = None,
            today: dt.date | None = None, lang: str | None = "en", second: str | None = None) -> dict:
    """The texts of an export in lang; with `second` (a bilingual export) the legend and the map
    labels also give each name in that language beneath it."""
    lang = normalize(lang)
    second = normalize(second) if second and normalize(second) != lang else None
    today = today or dt.date.today()
    as_of = data_as_of(ds)
    return {
        "on": True,
        "title": title or translate(DEFAULT_TITLE, lang),
        "subtitle": subtitle or "",
        "legend": localized_legend(layer_list, lang, second),
        "legendTitle": translate(N_("Legend"), lang),
        "date": date_line(today, as_of, lang),
        "sources": sources_line(ds, layer_list, lang),
        "note": translate(INDICATIVE_NOTE, lang) if has_indicative_lines(ds, layer_list) else "",
        "lang": lang,
        "second": second,
        "dir": direction(lang),
    }
