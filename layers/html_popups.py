"""The facts behind a feature (geodata.describe) as a small HTML fragment for a map popup.

Every value that comes from data passes through html.escape before it is joined into
markup; the markup itself is fixed here. Field labels and words are English messages of the
interface catalogue (geodata.i18n), put in the export's language (`lang`). No Qt: used by the
HTML export.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from geodata.i18n import N_, translate

from .styles import MODE_LABELS, NODE_KIND_LABELS, STATUS_LABELS

AGREEMENT_STATUS = {"in_force": N_("in force"), "signed": N_("signed"), "under_negotiation": N_("under negotiation"),
                    "discussed": N_("discussed"), "expected": N_("expected")}
AGREEMENT_KIND = {"treaty": N_("treaty"), "mou": N_("MoU"), "convention": N_("convention"),
                  "transit_agreement": N_("transit agreement"), "commission": N_("commission"),
                  "consultation": N_("consultation"), "framework": N_("framework")}
DATE_WORDS = {"signed": N_("signed"), "in_force": N_("in force"), "expected": N_("expected")}
CONFIDENCE_WORDS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}

CountryName = Callable[[str], str]


def e(value) -> str:
    """Text from data, safe to put between tags or in a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def t(message: str, lang: str = "en") -> str:
    """A message in the export's language, escaped (a translation is text, never markup)."""
    return e(translate(message, lang))


def km(value: float, lang: str = "en") -> str:
    return e(translate(N_("{n} km"), lang).format(n=f"{value:,.0f}"))


def _css_token(value) -> str:
    return "".join(ch for ch in str(value or "") if ch.isalnum() or ch == "_")


def status(value, words: dict, lang: str = "en") -> str:
    return f'<span class="st st-{_css_token(value)}">{t(words.get(value, value), lang)}</span>'


def _row(label: str, value_html: str, lang: str = "en") -> str:
    return f'<tr><td class="k">{t(label, lang)}</td><td>{value_html}</td></tr>'


def _table(rows: Iterable[str]) -> str:
    body = "".join(r for r in rows if r)
    return f"<table>{body}</table>" if body else ""


def _countries(codes, country: CountryName, sep: str = " → ") -> str:
    return e(sep.join(country(c) for c in codes or []))


def _dim(message: str, lang: str, **fields) -> str:
    return f' <span class="dim">({e(translate(message, lang).format(**fields))})</span>'


def agreements_html(items: list[dict], country: CountryName, heading: str = N_("Agreements"), lang: str = "en") -> str:
    if not items:
        return ""
    parts = []
    for a in items:
        kind = AGREEMENT_KIND.get(a.get("kind"), a.get("kind") or "")
        dates = ", ".join(f"{t(DATE_WORDS.get(k, k.replace('_', ' ')), lang)} {e(v)}"
                          for k, v in (a.get("dates") or {}).items())
        line = status(a.get("status"), AGREEMENT_STATUS, lang)
        if a.get("parties"):
            line += f" · {_countries(a['parties'], country, ', ')}"
        if dates:
            line += f'<br><span class="dim">{dates}</span>'
        parts.append(f"<li><b>{e(a.get('title'))}</b>" + (f' <span class="dim">({t(kind, lang)})</span>' if kind else "")
                     + f"<br>{line}</li>")
    return f"<h4>{t(heading, lang)}</h4><ul>{''.join(parts)}</ul>"


def sources_html(items: list[dict], lang: str = "en") -> str:
    if not items:
        return ""
    lis = []
    for s in items:
        title = f" — {e(s['title'])}" if s.get("title") else ""
        date = f", {e(s['date'])}" if s.get("date") else ""
        mark = f' <span class="ref">({t(N_("reference knowledge"), lang)})</span>' if s.get("reference") else ""
        lis.append(f"<li>{e(s.get('outlet'))}{date}{title}{mark}</li>")
    return f"<h4>{t(N_('Sources'), lang)}</h4><ul>{''.join(lis)}</ul>"


def _note(text) -> str:
    return f"<p>{e(text)}</p>" if text else ""


def _crossing(c: dict, country: CountryName) -> str:
    sides = _countries(c.get("countries"), country, "–")
    return e(c.get("name")) + (f' <span class="dim">({sides})</span>' if sides else "")


def segment_html(d: dict, country: CountryName = str, lang: str = "en") -> str:
    state = status(d.get("status"), STATUS_LABELS, lang)
    if d.get("status_date"):
        state += _dim(N_("as of {date}"), lang, date=d["status_date"])
    crossings = ", ".join(_crossing(c, country) for c in d.get("border_crossings") or [])
    gauge = translate(N_("{n} mm"), lang).format(n=d["gauge_mm"]) if d.get("gauge_mm") else translate(N_("unknown"), lang)
    rows = [
        _row(N_("Length"), f'<b>{km(d["km"], lang)}</b> <span class="dim">({t(N_("geodesic"), lang)})</span>', lang),
        _row(N_("Mode"), t(MODE_LABELS.get(d.get("mode"), d.get("mode")), lang), lang),
        _row(N_("Gauge"), e(gauge), lang) if d.get("mode") == "rail" else "",
        _row(N_("Status"), state, lang),
        _row(N_("Opened"), e(d["opened"]), lang) if d.get("opened") else "",
        _row(N_("Expected"), e(d["expected"]), lang) if d.get("expected") else "",
        _row(N_("From"), e(d["from"]["name"]), lang) if d.get("from") else "",
        _row(N_("To"), e(d["to"]["name"]), lang) if d.get("to") else "",
        _row(N_("Countries"), _countries(d.get("countries"), country), lang),
        _row(N_("Border crossings"), crossings or t(N_("none"), lang), lang),
        _row(N_("Line"), e(d["line"]), lang) if d.get("line") else "",
        _row(N_("Corridors"), e(", ".join(c["name"] for c in d.get("corridors") or [])), lang) if d.get("corridors") else "",
        _row(N_("Confidence"), t(CONFIDENCE_WORDS.get(d["confidence"], d["confidence"]), lang), lang)
        if d.get("confidence") else "",
    ]
    return (f"<h3>{e(d.get('name'))}</h3>{_table(rows)}{_note(d.get('note'))}"
            + agreements_html(d.get("agreements") or [], country, lang=lang) + sources_html(d.get("sources") or [], lang))


def node_html(d: dict, country: CountryName = str, lang: str = "en") -> str:
    if d.get("countries"):
        where = _countries(d["countries"], country, " / ")
    else:
        where = e(country(d["country"])) if d.get("country") else ""
    segs = "".join(f"<li>{e(s['name'])} — {km(s['km'], lang)}, {t(MODE_LABELS.get(s.get('mode'), s.get('mode')), lang)}, "
                   f"{status(s.get('status'), STATUS_LABELS, lang)}</li>" for s in d.get("segments") or [])
    position = translate(N_("{lat}° N, {lon}° E"), lang).format(lat=f"{float(d['lat']):.4f}", lon=f"{float(d['lon']):.4f}") \
        if "lat" in d else ""
    rows = [
        _row(N_("Kind"), t(NODE_KIND_LABELS.get(d.get("kind"), d.get("kind")), lang), lang),
        _row(N_("Country"), where, lang) if where else "",
        _row(N_("Other side"), e(d["name_other_side"]), lang) if d.get("name_other_side") else "",
        _row(N_("Modes"), e(", ".join(translate(MODE_LABELS.get(m, m), lang) for m in d.get("modes") or [])), lang)
        if d.get("modes") else "",
        _row(N_("Status"), status(d.get("status"), STATUS_LABELS, lang), lang) if d.get("status") else "",
        _row(N_("Position"), e(position), lang) if position else "",
        _row(N_("Confidence"), t(CONFIDENCE_WORDS.get(d["confidence"], d["confidence"]), lang), lang)
        if d.get("confidence") else "",
    ]
    nearby = d.get("agreements_nearby") or []
    return (f"<h3>{e(d.get('name'))}</h3>{_table(rows)}{_note(d.get('note'))}"
            + (f"<h4>{t(N_('Connected segments'), lang)}</h4><ul>{segs}</ul>" if segs else "")
            + agreements_html(d.get("agreements") or [], country, lang=lang)
            + agreements_html(nearby, country, N_("Agreements on connected segments"), lang)
            + sources_html(d.get("sources") or [], lang))


def corridor_html(d: dict, country: CountryName = str, lang: str = "en") -> str:
    by_mode = ", ".join(f"{t(MODE_LABELS.get(m, m), lang)} {km(v, lang)}"
                        for m, v in sorted((d.get("km_by_mode") or {}).items(), key=lambda kv: -kv[1]))
    by_status = ", ".join(f"{status(s, STATUS_LABELS, lang)} {km(v, lang)}"
                          for s, v in sorted((d.get("km_by_status") or {}).items(), key=lambda kv: -kv[1]))
    crossings = " → ".join(_crossing(c, country) for c in d.get("border_crossings") or [])
    rows = [
        _row(N_("Length"), f'<b>{km(d.get("km", 0), lang)}</b> <span class="dim">({t(N_("geodesic"), lang)})</span>', lang),
        _row(N_("By mode"), by_mode, lang) if by_mode else "",
        _row(N_("By status"), by_status, lang) if by_status else "",
        _row(N_("From"), e(d["origin"]), lang) if d.get("origin") else "",
        _row(N_("To"), e(d["destination"]), lang) if d.get("destination") else "",
        _row(N_("Countries"), _countries(d.get("countries"), country), lang),
        _row(N_("Border crossings"), crossings or t(N_("none"), lang), lang),
    ]
    segs = "".join(f"<li>{e(s['name'])} — {km(s['km'], lang)}</li>" for s in d.get("segments") or [])
    return (f"<h3>{e(d.get('name'))}</h3>{_note(d.get('description'))}{_table(rows)}"
            + (f"<h4>{t(N_('Segments in order'), lang)}</h4><ol>{segs}</ol>" if segs else "")
            + agreements_html(d.get("agreements") or [], country, lang=lang) + sources_html(d.get("sources") or [], lang))


RENDERERS = {"segment": segment_html, "node": node_html, "corridor": corridor_html}


def facts_html(facts: dict | None, country: CountryName = str, lang: str = "en") -> str:
    """Popup HTML for a describe() result in lang ('' when there are no facts)."""
    if not facts:
        return ""
    render = RENDERERS.get(facts.get("type"))
    return render(facts, country, lang) if render else f"<h3>{e(facts.get('name'))}</h3>"
