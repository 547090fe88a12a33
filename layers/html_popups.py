"""The facts behind a feature (geodata.describe) as a small HTML fragment for a map popup.

Every value that comes from data passes through html.escape before it is joined into
markup; the markup itself is fixed here. No Qt: used by the HTML export.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from .styles import MODE_LABELS, NODE_KIND_LABELS, STATUS_LABELS

AGREEMENT_STATUS = {"in_force": "in force", "signed": "signed", "under_negotiation": "under negotiation",
                    "discussed": "discussed", "expected": "expected"}
AGREEMENT_KIND = {"treaty": "treaty", "mou": "MoU", "convention": "convention",
                  "transit_agreement": "transit agreement", "commission": "commission",
                  "consultation": "consultation", "framework": "framework"}

CountryName = Callable[[str], str]


def e(value) -> str:
    """Text from data, safe to put between tags or in a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def km(value: float) -> str:
    return f"{value:,.0f} km"


def _css_token(value) -> str:
    return "".join(ch for ch in str(value or "") if ch.isalnum() or ch == "_")


def status(value, words: dict) -> str:
    return f'<span class="st st-{_css_token(value)}">{e(words.get(value, value))}</span>'


def _row(label: str, value_html: str) -> str:
    return f'<tr><td class="k">{e(label)}</td><td>{value_html}</td></tr>'


def _table(rows: Iterable[str]) -> str:
    body = "".join(r for r in rows if r)
    return f"<table>{body}</table>" if body else ""


def _countries(codes, country: CountryName, sep: str = " → ") -> str:
    return e(sep.join(country(c) for c in codes or []))


def agreements_html(items: list[dict], country: CountryName, heading: str = "Agreements") -> str:
    if not items:
        return ""
    parts = []
    for a in items:
        kind = AGREEMENT_KIND.get(a.get("kind"), a.get("kind") or "")
        dates = ", ".join(f"{e(k.replace('_', ' '))} {e(v)}" for k, v in (a.get("dates") or {}).items())
        line = status(a.get("status"), AGREEMENT_STATUS)
        if a.get("parties"):
            line += f" · {_countries(a['parties'], country, ', ')}"
        if dates:
            line += f'<br><span class="dim">{dates}</span>'
        parts.append(f"<li><b>{e(a.get('title'))}</b>" + (f' <span class="dim">({e(kind)})</span>' if kind else "")
                     + f"<br>{line}</li>")
    return f"<h4>{e(heading)}</h4><ul>{''.join(parts)}</ul>"


def sources_html(items: list[dict]) -> str:
    if not items:
        return ""
    lis = []
    for s in items:
        title = f" — {e(s['title'])}" if s.get("title") else ""
        date = f", {e(s['date'])}" if s.get("date") else ""
        mark = ' <span class="ref">(reference knowledge)</span>' if s.get("reference") else ""
        lis.append(f"<li>{e(s.get('outlet'))}{date}{title}{mark}</li>")
    return f"<h4>Sources</h4><ul>{''.join(lis)}</ul>"


def _note(text) -> str:
    return f"<p>{e(text)}</p>" if text else ""


def _crossing(c: dict, country: CountryName) -> str:
    sides = _countries(c.get("countries"), country, "–")
    return e(c.get("name")) + (f' <span class="dim">({sides})</span>' if sides else "")


def segment_html(d: dict, country: CountryName = str) -> str:
    mode = MODE_LABELS.get(d.get("mode"), d.get("mode"))
    state = status(d.get("status"), STATUS_LABELS)
    if d.get("status_date"):
        state += f' <span class="dim">(as of {e(d["status_date"])})</span>'
    crossings = ", ".join(_crossing(c, country) for c in d.get("border_crossings") or [])
    rows = [
        _row("Length", f'<b>{km(d["km"])}</b> <span class="dim">(geodesic)</span>'),
        _row("Mode", e(mode)),
        _row("Gauge", e(f"{d['gauge_mm']} mm" if d.get("gauge_mm") else "unknown")) if d.get("mode") == "rail" else "",
        _row("Status", state),
        _row("Opened", e(d["opened"])) if d.get("opened") else "",
        _row("Expected", e(d["expected"])) if d.get("expected") else "",
        _row("From", e(d["from"]["name"])) if d.get("from") else "",
        _row("To", e(d["to"]["name"])) if d.get("to") else "",
        _row("Countries", _countries(d.get("countries"), country)),
        _row("Border crossings", crossings or "none"),
        _row("Line", e(d["line"])) if d.get("line") else "",
        _row("Corridors", e(", ".join(c["name"] for c in d.get("corridors") or []))) if d.get("corridors") else "",
        _row("Confidence", e(d["confidence"])) if d.get("confidence") else "",
    ]
    return (f"<h3>{e(d.get('name'))}</h3>{_table(rows)}{_note(d.get('note'))}"
            + agreements_html(d.get("agreements") or [], country) + sources_html(d.get("sources") or []))


def node_html(d: dict, country: CountryName = str) -> str:
    if d.get("countries"):
        where = _countries(d["countries"], country, " / ")
    else:
        where = e(country(d["country"])) if d.get("country") else ""
    segs = "".join(f"<li>{e(s['name'])} — {km(s['km'])}, {e(MODE_LABELS.get(s.get('mode'), s.get('mode')))}, "
                   f"{status(s.get('status'), STATUS_LABELS)}</li>" for s in d.get("segments") or [])
    rows = [
        _row("Kind", e(NODE_KIND_LABELS.get(d.get("kind"), d.get("kind")))),
        _row("Country", where) if where else "",
        _row("Other side", e(d["name_other_side"])) if d.get("name_other_side") else "",
        _row("Modes", e(", ".join(MODE_LABELS.get(m, m) for m in d.get("modes") or []))) if d.get("modes") else "",
        _row("Status", status(d.get("status"), STATUS_LABELS)) if d.get("status") else "",
        _row("Position", f"{float(d['lat']):.4f}° N, {float(d['lon']):.4f}° E") if "lat" in d else "",
        _row("Confidence", e(d["confidence"])) if d.get("confidence") else "",
    ]
    nearby = d.get("agreements_nearby") or []
    return (f"<h3>{e(d.get('name'))}</h3>{_table(rows)}{_note(d.get('note'))}"
            + (f"<h4>Connected segments</h4><ul>{segs}</ul>" if segs else "")
            + agreements_html(d.get("agreements") or [], country)
            + agreements_html(nearby, country, "Agreements on connected segments")
            + sources_html(d.get("sources") or []))


def corridor_html(d: dict, country: CountryName = str) -> str:
    by_mode = ", ".join(f"{e(MODE_LABELS.get(m, m))} {km(v)}"
                        for m, v in sorted((d.get("km_by_mode") or {}).items(), key=lambda kv: -kv[1]))
    by_status = ", ".join(f"{status(s, STATUS_LABELS)} {km(v)}"
                          for s, v in sorted((d.get("km_by_status") or {}).items(), key=lambda kv: -kv[1]))
    crossings = " → ".join(_crossing(c, country) for c in d.get("border_crossings") or [])
    rows = [
        _row("Length", f'<b>{km(d.get("km", 0))}</b> <span class="dim">(geodesic)</span>'),
        _row("By mode", by_mode) if by_mode else "",
        _row("By status", by_status) if by_status else "",
        _row("From", e(d["origin"])) if d.get("origin") else "",
        _row("To", e(d["destination"])) if d.get("destination") else "",
        _row("Countries", _countries(d.get("countries"), country)),
        _row("Border crossings", crossings or "none"),
    ]
    segs = "".join(f"<li>{e(s['name'])} — {km(s['km'])}</li>" for s in d.get("segments") or [])
    return (f"<h3>{e(d.get('name'))}</h3>{_note(d.get('description'))}{_table(rows)}"
            + (f"<h4>Segments in order</h4><ol>{segs}</ol>" if segs else "")
            + agreements_html(d.get("agreements") or [], country) + sources_html(d.get("sources") or []))


RENDERERS = {"segment": segment_html, "node": node_html, "corridor": corridor_html}


def facts_html(facts: dict | None, country: CountryName = str) -> str:
    """Popup HTML for a describe() result; '' when there are no facts."""
    if not facts:
        return ""
    render = RENDERERS.get(facts.get("type"))
    return render(facts, country) if render else f"<h3>{e(facts.get('name'))}</h3>"
