"""Names in the four languages of a meeting (English, Russian, Kazakh, Urdu), and what is missing.

Every place, line (segment), corridor and agreement has its English `name` (`title` for an
agreement) and may carry `names: {en, ru, kk, ur}`. ``name_in(record, lang)`` gives the name
to show: the translation, or the English name when there is none (never a blank). The
data-quality report (``missing``, ``report``; `corridor-atlas validate --translations`) lists
every record shown in English for want of a translation. No Qt here.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

LANGUAGES = ("en", "ru", "kk", "ur")
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша", "ur": "اردو"}
RTL = {"ur"}
KINDS = ("node", "segment", "corridor", "agreement", "country")


def is_rtl(lang: str | None) -> bool:
    return lang in RTL


def _props(record: Mapping) -> Mapping:
    return record.get("properties", record) if isinstance(record.get("properties"), Mapping) else record


def english_name(record: Mapping) -> str:
    p = _props(record)
    return str(p.get("name") or p.get("title") or p.get("id") or "")


def translation(record: Mapping, lang: str) -> str | None:
    """The name in lang from `names`, or None (English: the record's own name)."""
    p = _props(record)
    if lang == "en":
        return english_name(p) or None
    names = p.get("names")
    value = names.get(lang) if isinstance(names, Mapping) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def name_in(record: Mapping, lang: str | None) -> str:
    """The name to show in lang: its translation, else the English name (never blank)."""
    return (translation(record, lang) if lang else None) or english_name(record)


def names_of(record: Mapping) -> dict[str, str]:
    """{lang: name} for all four languages, English standing in where one is missing."""
    return {lang: name_in(record, lang) for lang in LANGUAGES}


@dataclass(frozen=True)
class Missing:
    kind: str        # node, segment, corridor, agreement, country
    id: str
    name: str        # the English name, shown instead
    languages: tuple[str, ...]


def _records(ds, country_labels: Iterable[Mapping] | None = None):
    for nid, f in ds.nodes.items():
        yield "node", nid, f["properties"]
    for sid, f in ds.segments.items():
        yield "segment", sid, f["properties"]
    for cid, c in ds.corridors.items():
        yield "corridor", cid, c
    for aid, a in ds.agreements.items():
        yield "agreement", aid, a
    for p in country_labels or ():
        yield "country", str(p.get("iso3") or p.get("name")), p


def missing(ds, languages: Iterable[str] = LANGUAGES[1:], country_labels: Iterable[Mapping] | None = None) -> list[Missing]:
    """Records that have no name in one of the languages (they show the English name there)."""
    langs = tuple(languages)
    out = []
    for kind, rid, rec in _records(ds, country_labels):
        lacking = tuple(lang for lang in langs if translation(rec, lang) is None)
        if lacking:
            out.append(Missing(kind, rid, english_name(rec), lacking))
    return out


def coverage(ds, country_labels: Iterable[Mapping] | None = None) -> dict[str, dict[str, tuple[int, int]]]:
    """kind -> lang -> (records with a name in lang, records)."""
    out: dict[str, dict[str, list[int]]] = {}
    for kind, _rid, rec in _records(ds, country_labels):
        row = out.setdefault(kind, {lang: [0, 0] for lang in LANGUAGES})
        for lang in LANGUAGES:
            row[lang][1] += 1
            row[lang][0] += translation(rec, lang) is not None
    return {k: {lang: (v[0], v[1]) for lang, v in row.items()} for k, row in out.items()}


def region_country_labels() -> list[dict]:
    """Properties of the basemap's country labels of the region (rank 1 and 2)."""
    import json

    import resources

    data = json.loads((resources.BASEMAP / "country_labels.geojson").read_text(encoding="utf-8"))
    return [f["properties"] for f in data["features"] if (f["properties"].get("rank") or 3) <= 2]


def report(ds, languages: Iterable[str] = LANGUAGES[1:], with_countries: bool = True) -> str:
    """The data-quality report: coverage per kind and language, then every record lacking a name."""
    labels = region_country_labels() if with_countries else None
    langs = tuple(languages)
    lines = ["Translations of names (a missing one is shown in English):", ""]
    cov = coverage(ds, labels)
    lines.append(f"{'':12}" + "".join(f"{lang:>12}" for lang in langs))
    for kind in KINDS:
        if kind in cov:
            lines.append(f"{kind:12}" + "".join(f"{cov[kind][lang][0]:>7}/{cov[kind][lang][1]:<4}" for lang in langs))
    gaps = missing(ds, langs, labels)
    lines.append("")
    if not gaps:
        lines.append("Every record has a name in " + ", ".join(langs) + ".")
    else:
        lines.append(f"{len(gaps)} records are shown in English in some language:")
        for m in gaps:
            lines.append(f"  {m.kind} {m.id} ({m.name}): no {', '.join(m.languages)}")
    return "\n".join(lines)


# ----- the facts of a selection (geodata.describe) with their names in a language ------------------
def localize_facts(ds, facts: dict | None, lang: str | None) -> dict | None:
    """A copy of describe()'s facts with every place, line, corridor and agreement name in lang
    (English where there is no translation). Ids and numbers are untouched."""
    if not facts or not lang or lang == "en":
        return facts

    def node(nid, fallback):
        f = ds.nodes.get(nid)
        return name_in(f["properties"], lang) if f else fallback

    def segment(sid, fallback):
        f = ds.segments.get(sid)
        return name_in(f["properties"], lang) if f else fallback

    def corridor(cid, fallback):
        c = ds.corridors.get(cid)
        return name_in(c, lang) if c else fallback

    def agreement(a):
        rec = ds.agreements.get(a.get("id"))
        return {**a, "title": name_in(rec, lang)} if rec else a

    d = dict(facts)
    kind = d.get("type")
    lookup = {"node": node, "segment": segment, "corridor": corridor}.get(kind)
    if lookup and "name" in d:
        d["name"] = lookup(d.get("id"), d["name"])
    if kind == "agreement":
        d = agreement(d)
    for key in ("from", "to"):
        if isinstance(d.get(key), dict):
            d[key] = {**d[key], "name": node(d[key].get("id"), d[key].get("name"))}
    if "border_crossings" in d:
        d["border_crossings"] = [{**c, "name": node(c.get("id"), c.get("name"))} for c in d["border_crossings"]]
    if "corridors" in d:
        d["corridors"] = [{**c, "name": corridor(c.get("id"), c.get("name"))} for c in d["corridors"]]
    if isinstance(d.get("segments"), list) and d["segments"] and isinstance(d["segments"][0], dict):
        d["segments"] = [{**s, "name": segment(s.get("id"), s.get("name"))} for s in d["segments"]]
    for key in ("agreements", "agreements_nearby"):
        if key in d:
            d[key] = [agreement(a) for a in d[key]]
    by_name = None
    for key in ("origin", "destination"):
        if d.get(key):
            if by_name is None:
                by_name = {f["properties"].get("name"): f["properties"] for f in ds.nodes.values()}
            rec = by_name.get(d[key])
            d[key] = name_in(rec, lang) if rec else d[key]
    return d
