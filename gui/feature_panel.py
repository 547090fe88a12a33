"""The side panel that shows what is selected: every value from data is escaped."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser

from geodata.i18n import N_, _, is_rtl
from layers.styles import MODE_LABELS, NODE_KIND_LABELS, STATUS_LABELS

STATUS_WORDS = {"in_force": N_("in force"), "signed": N_("signed"), "under_negotiation": N_("under negotiation"),
                "discussed": N_("discussed"), "expected": N_("expected")}
DATE_WORDS = {"signed": N_("signed"), "in_force": N_("in force"), "expected": N_("expected")}
STATUS_COLOURS = {"in_force": "#1b7a2f", "signed": "#1b7a2f", "under_negotiation": "#b26a00",
                  "discussed": "#8a5a00", "expected": "#1f5fa8", "operational": "#1b7a2f",
                  "under_construction": "#b26a00", "planned": "#1f5fa8", "proposed": "#7a4b9b"}


def km(value: float) -> str:
    return _("{n} km").format(n=f"{value:,.0f}")


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _status(value: str, words: dict) -> str:
    colour = STATUS_COLOURS.get(value, "#444")
    return f'<span style="color:{colour};font-weight:600">{_e(_(words.get(value, value)))}</span>'


def _row(label: str, value_html: str) -> str:
    return f'<tr><td style="color:#666;padding-right:10px;vertical-align:top">{_e(_(label))}</td><td>{value_html}</td></tr>'


def _agreements_html(items: list[dict], heading: str = N_("Agreements")) -> str:
    if not items:
        return f"<h3>{_e(_(heading))}</h3><p style='color:#666'>{_e(_('None recorded.'))}</p>"
    parts = [f"<h3>{_e(_(heading))}</h3>"]
    for a in items:
        dates = ", ".join(f"{_e(_(DATE_WORDS.get(k, k.replace('_', ' '))))} {_e(v)}" for k, v in a["dates"].items())
        parts.append(
            f"<p><b>{_e(a['title'])}</b><br>{_status(a['status'], STATUS_WORDS)}"
            f" · {_e(_('parties: {list}').format(list=', '.join(a['parties'])))}"
            + (f"<br><span style='color:#555'>{dates}</span>" if dates else "")
            + "</p>")
    return "".join(parts)


def _sources_html(items: list[dict]) -> str:
    if not items:
        return ""
    lis = []
    for s in items:
        mark = f" <i style='color:#8a5a00'>({_e(_('reference knowledge'))})</i>" if s["reference"] else ""
        title = f" — {_e(s['title'])}" if s.get("title") else ""
        lis.append(f"<li>{_e(s['outlet'])}, {_e(s['date'])}{title}{mark}</li>")
    return f"<h3>{_e(_('Sources'))}</h3><ul style='margin-left:-20px'>" + "".join(lis) + "</ul>"


def segment_html(d: dict) -> str:
    mode = MODE_LABELS.get(d["mode"], d["mode"])
    gauge = _("{n} mm").format(n=d["gauge_mm"]) if d.get("gauge_mm") else "—"
    status = _status(d["status"], STATUS_LABELS) + (
        f" <span style='color:#666'>({_e(_('as of {date}').format(date=d['status_date']))})</span>" if d.get("status_date") else "")
    rows = [
        _row(N_("Length"), f"<b>{km(d['km'])}</b> <span style='color:#666'>({_e(_('geodesic'))})</span>"),
        _row(N_("Mode"), _e(_(mode))),
        _row(N_("Gauge"), _e(gauge)) if d["mode"] == "rail" else "",
        _row(N_("Status"), status),
        _row(N_("Opened"), _e(d["opened"])) if d.get("opened") else "",
        _row(N_("Expected"), _e(d["expected"])) if d.get("expected") else "",
        _row(N_("From"), _e(d["from"]["name"])),
        _row(N_("To"), _e(d["to"]["name"])),
        _row(N_("Countries"), _e(" → ".join(d["countries"]))),
        _row(N_("Border crossings"), _e(", ".join(c["name"] for c in d["border_crossings"]) or _("none"))),
        _row(N_("Line"), _e(d["line"])),
        _row(N_("Corridors"), _e(", ".join(c["name"] for c in d["corridors"]) or "—")),
        _row(N_("Confidence"), _e(_(CONFIDENCE.get(d["confidence"], d["confidence"])))),
    ]
    note = f"<p style='color:#333'>{_e(d['note'])}</p>" if d.get("note") else ""
    return (f"<h2>{_e(d['name'])}</h2><table>{''.join(rows)}</table>{note}"
            + _agreements_html(d["agreements"]) + _sources_html(d["sources"]))


def node_html(d: dict) -> str:
    where = " / ".join(d["countries"]) if d.get("countries") else (d.get("country") or "")
    rows = [
        _row(N_("Kind"), _e(_(NODE_KIND_LABELS.get(d["kind"], d["kind"])))),
        _row(N_("Country"), _e(where)),
        _row(N_("Other side"), _e(d["name_other_side"])) if d.get("name_other_side") else "",
        _row(N_("Modes"), _e(", ".join(_(MODE_LABELS.get(m, m)) for m in d["modes"]))),
        _row(N_("Status"), _status(d["status"], STATUS_LABELS)),
        _row(N_("Position"), f"{d['lat']:.4f}°, {d['lon']:.4f}°"),
        _row(N_("Confidence"), _e(_(CONFIDENCE.get(d["confidence"], d["confidence"])))),
    ]
    segs = "".join(f"<li>{_e(s['name'])} — {km(s['km'])}, {_e(_(MODE_LABELS.get(s['mode'], s['mode'])))}, "
                   f"{_status(s['status'], STATUS_LABELS)}</li>" for s in d["segments"])
    note = f"<p>{_e(d['note'])}</p>" if d.get("note") else ""
    return (f"<h2>{_e(d['name'])}</h2><table>{''.join(rows)}</table>{note}"
            + (f"<h3>{_e(_('Connected segments'))}</h3><ul style='margin-left:-20px'>{segs}</ul>" if segs else "")
            + _agreements_html(d["agreements"])
            + (_agreements_html(d["agreements_nearby"], N_("Agreements on connected segments")) if d["agreements_nearby"] else "")
            + _sources_html(d["sources"]))


def corridor_html(d: dict) -> str:
    modes = ", ".join(f"{_e(_(MODE_LABELS.get(m, m)))} {km(v)}" for m, v in sorted(d["km_by_mode"].items(), key=lambda x: -x[1]))
    statuses = ", ".join(f"{_status(s, STATUS_LABELS)} {km(v)}" for s, v in sorted(d["km_by_status"].items(), key=lambda x: -x[1]))
    rows = [
        _row(N_("Total"), f"<b>{km(d['km'])}</b>"),
        _row(N_("By mode"), modes),
        _row(N_("By status"), statuses),
        _row(N_("From"), _e(d["origin"])),
        _row(N_("To"), _e(d["destination"])),
        _row(N_("Countries"), _e(" → ".join(d["countries"]))),
        _row(N_("Border crossings"), _e(" → ".join(c["name"] for c in d["border_crossings"]) or _("none"))),
    ]
    segs = "".join(f"<li>{_e(s['name'])} — {km(s['km'])}</li>" for s in d["segments"])
    return (f"<h2>{_e(d['name'])}</h2><p>{_e(d['description'])}</p><table>{''.join(rows)}</table>"
            + f"<h3>{_e(_('Segments in order'))}</h3><ol style='margin-left:-20px'>{segs}</ol>"
            + _agreements_html(d["agreements"]) + _sources_html(d["sources"]))


def agreement_html(a: dict) -> str:
    summary = f"<p>{_e(a['summary'])}</p>" if a.get("summary") else ""
    covers = _("Covers {segments} segments and {places} places (highlighted on the map).").format(
        segments=len(a["segments"]), places=len(a["nodes"]))
    return (f"<h2>{_e(a['title'])}</h2>{summary}" + _agreements_html([a], N_("Status"))
            + f"<p style='color:#555'>{_e(covers)}</p>" + _sources_html(a["sources"]))


RENDERERS = {"segment": segment_html, "node": node_html, "corridor": corridor_html, "agreement": agreement_html}

EMPTY_TITLE = N_("Nothing selected")
EMPTY_TEXT = N_("Click a line, port or border crossing on the map, or search for a place, line or agreement above.")
CONFIDENCE = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}


def empty_html() -> str:
    return f"<h2>{_e(_(EMPTY_TITLE))}</h2><p style='color:#555'>{_e(_(EMPTY_TEXT))}</p>"


class FeaturePanel(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("featurePanel")
        self.current: dict | None = None
        self.localize = None  # facts -> facts with names in the interface language (set by gui/language.py)
        self.show_facts(None)

    def display_name(self, facts: dict) -> str:
        """The name (or an agreement's title) of these facts in the interface language."""
        shown = self.localize(facts) if self.localize and facts else facts
        return shown.get("name") or shown.get("title") or ""

    def show_facts(self, facts: dict | None) -> None:
        """Show the facts (describe()'s English names are put in the interface language)."""
        self.current = facts
        shown = self.localize(facts) if self.localize and facts else facts
        html = RENDERERS[shown["type"]](shown) if shown else empty_html()
        if is_rtl():
            html = f'<div dir="rtl" align="right">{html}</div>'
        self.setHtml(html)
