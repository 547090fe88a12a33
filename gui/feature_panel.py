"""The side panel that shows what is selected: every value from data is escaped."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser

from layers.styles import MODE_LABELS, NODE_KIND_LABELS, STATUS_LABELS

STATUS_WORDS = {"in_force": "in force", "signed": "signed", "under_negotiation": "under negotiation",
                "discussed": "discussed", "expected": "expected"}
STATUS_COLOURS = {"in_force": "#1b7a2f", "signed": "#1b7a2f", "under_negotiation": "#b26a00",
                  "discussed": "#8a5a00", "expected": "#1f5fa8", "operational": "#1b7a2f",
                  "under_construction": "#b26a00", "planned": "#1f5fa8", "proposed": "#7a4b9b"}


def km(value: float) -> str:
    return f"{value:,.0f} km"


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _status(value: str, words: dict) -> str:
    colour = STATUS_COLOURS.get(value, "#444")
    return f'<span style="color:{colour};font-weight:600">{_e(words.get(value, value))}</span>'


def _row(label: str, value_html: str) -> str:
    return f'<tr><td style="color:#666;padding-right:10px;vertical-align:top">{_e(label)}</td><td>{value_html}</td></tr>'


def _agreements_html(items: list[dict], heading: str = "Agreements") -> str:
    if not items:
        return f"<h3>{_e(heading)}</h3><p style='color:#666'>None recorded.</p>"
    parts = [f"<h3>{_e(heading)}</h3>"]
    for a in items:
        dates = ", ".join(f"{_e(k.replace('_', ' '))} {_e(v)}" for k, v in a["dates"].items())
        parts.append(
            f"<p><b>{_e(a['title'])}</b><br>{_status(a['status'], STATUS_WORDS)}"
            f" · parties: {_e(', '.join(a['parties']))}" + (f"<br><span style='color:#555'>{dates}</span>" if dates else "")
            + "</p>")
    return "".join(parts)


def _sources_html(items: list[dict]) -> str:
    if not items:
        return ""
    lis = []
    for s in items:
        mark = " <i style='color:#8a5a00'>(reference knowledge)</i>" if s["reference"] else ""
        title = f" — {_e(s['title'])}" if s.get("title") else ""
        lis.append(f"<li>{_e(s['outlet'])}, {_e(s['date'])}{title}{mark}</li>")
    return "<h3>Sources</h3><ul style='margin-left:-20px'>" + "".join(lis) + "</ul>"


def segment_html(d: dict) -> str:
    mode = MODE_LABELS.get(d["mode"], d["mode"])
    gauge = f"{d['gauge_mm']} mm" if d.get("gauge_mm") else "—"
    status = _status(d["status"], STATUS_LABELS) + (f" <span style='color:#666'>(as of {_e(d['status_date'])})</span>" if d.get("status_date") else "")
    rows = [
        _row("Length", f"<b>{km(d['km'])}</b> <span style='color:#666'>(geodesic)</span>"),
        _row("Mode", _e(mode)),
        _row("Gauge", _e(gauge)) if d["mode"] == "rail" else "",
        _row("Status", status),
        _row("Opened", _e(d["opened"])) if d.get("opened") else "",
        _row("Expected", _e(d["expected"])) if d.get("expected") else "",
        _row("From", _e(d["from"]["name"])),
        _row("To", _e(d["to"]["name"])),
        _row("Countries", _e(" → ".join(d["countries"]))),
        _row("Border crossings", _e(", ".join(c["name"] for c in d["border_crossings"]) or "none")),
        _row("Line", _e(d["line"])),
        _row("Corridors", _e(", ".join(c["name"] for c in d["corridors"]) or "—")),
        _row("Confidence", _e(d["confidence"])),
    ]
    note = f"<p style='color:#333'>{_e(d['note'])}</p>" if d.get("note") else ""
    return (f"<h2>{_e(d['name'])}</h2><table>{''.join(rows)}</table>{note}"
            + _agreements_html(d["agreements"]) + _sources_html(d["sources"]))


def node_html(d: dict) -> str:
    where = " / ".join(d["countries"]) if d.get("countries") else (d.get("country") or "")
    rows = [
        _row("Kind", _e(NODE_KIND_LABELS.get(d["kind"], d["kind"]))),
        _row("Country", _e(where)),
        _row("Other side", _e(d["name_other_side"])) if d.get("name_other_side") else "",
        _row("Modes", _e(", ".join(MODE_LABELS.get(m, m) for m in d["modes"]))),
        _row("Status", _status(d["status"], STATUS_LABELS)),
        _row("Position", f"{d['lat']:.4f}°, {d['lon']:.4f}°"),
        _row("Confidence", _e(d["confidence"])),
    ]
    segs = "".join(f"<li>{_e(s['name'])} — {km(s['km'])}, {_e(MODE_LABELS.get(s['mode'], s['mode']))}, "
                   f"{_status(s['status'], STATUS_LABELS)}</li>" for s in d["segments"])
    note = f"<p>{_e(d['note'])}</p>" if d.get("note") else ""
    return (f"<h2>{_e(d['name'])}</h2><table>{''.join(rows)}</table>{note}"
            + (f"<h3>Connected segments</h3><ul style='margin-left:-20px'>{segs}</ul>" if segs else "")
            + _agreements_html(d["agreements"])
            + (_agreements_html(d["agreements_nearby"], "Agreements on connected segments") if d["agreements_nearby"] else "")
            + _sources_html(d["sources"]))


def corridor_html(d: dict) -> str:
    modes = ", ".join(f"{_e(MODE_LABELS.get(m, m))} {km(v)}" for m, v in sorted(d["km_by_mode"].items(), key=lambda x: -x[1]))
    statuses = ", ".join(f"{_status(s, STATUS_LABELS)} {km(v)}" for s, v in sorted(d["km_by_status"].items(), key=lambda x: -x[1]))
    rows = [
        _row("Total", f"<b>{km(d['km'])}</b>"),
        _row("By mode", modes),
        _row("By status", statuses),
        _row("From", _e(d["origin"])),
        _row("To", _e(d["destination"])),
        _row("Countries", _e(" → ".join(d["countries"]))),
        _row("Border crossings", _e(" → ".join(c["name"] for c in d["border_crossings"]) or "none")),
    ]
    segs = "".join(f"<li>{_e(s['name'])} — {km(s['km'])}</li>" for s in d["segments"])
    return (f"<h2>{_e(d['name'])}</h2><p>{_e(d['description'])}</p><table>{''.join(rows)}</table>"
            + f"<h3>Segments in order</h3><ol style='margin-left:-20px'>{segs}</ol>"
            + _agreements_html(d["agreements"]) + _sources_html(d["sources"]))


def agreement_html(a: dict) -> str:
    summary = f"<p>{_e(a['summary'])}</p>" if a.get("summary") else ""
    return (f"<h2>{_e(a['title'])}</h2>{summary}" + _agreements_html([a], "Status")
            + f"<p style='color:#555'>Covers {len(a['segments'])} segments and {len(a['nodes'])} places "
            "(highlighted on the map).</p>" + _sources_html(a["sources"]))


RENDERERS = {"segment": segment_html, "node": node_html, "corridor": corridor_html, "agreement": agreement_html}

EMPTY = ("<h2>Nothing selected</h2><p style='color:#555'>Click a line, port or border crossing on the map, "
         "or search for a place, line or agreement above.</p>")


class FeaturePanel(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("featurePanel")
        self.current: dict | None = None
        self.show_facts(None)

    def show_facts(self, facts: dict | None) -> None:
        self.current = facts
        self.setHtml(RENDERERS[facts["type"]](facts) if facts else EMPTY)
