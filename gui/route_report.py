"""A route told in the interface language: its details as rich text, its label, the options
it was asked for and its warnings, with the small formatting helpers the Route panel shares.

Every value from data is escaped (``html.escape``) before it reaches Qt rich text. Names from
the data are in the interface language (``geodata.translations.name_in``), English where missing.
"""
from __future__ import annotations

import json
from html import escape

from geodata.assumptions import MODES, AssumptionsError
from geodata.i18n import N_, _, is_rtl, language
from geodata.network import NetworkError
from geodata.routing import EXISTING_ONLY, Route, RouteOptions, default_label
from geodata.schema import STATUSES
from geodata.translations import name_in
from layers.styles import STATUS_LABELS

from .feature_panel import STATUS_COLOURS, STATUS_WORDS

# Route legs on the map, by mode: distinct from the network's own colours (rail there is
# coloured by gauge), so the route reads as one thing laid over the network.
ROUTE_COLOURS = {"rail": "#c2185b", "road": "#ef6c00", "sea": "#0277bd", "ferry": "#00897b"}
# Texts are English messages (geodata.i18n), translated where shown.
MODE_WORDS = {"rail": N_("Rail"), "road": N_("Road"), "sea": N_("Sea"), "ferry": N_("Ferry")}
SCENARIO_CHOICES = (("actual", N_("as built")), ("planned", N_("as planned")))
# The routing module's hints name command-line options; say it with the panel's words.
_HINTS = {
    "(drop --existing-only / --statuses)": N_("(choose “including planned”)"),
    "(drop --modes)": N_("(tick more modes)"),
    "(drop --avoid)": N_("(untick the countries to avoid)"),
}


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _t(message: str, **fields) -> str:
    """A message for rich text: translated and escaped, then the fields (already HTML) put in."""
    return _e(_(message)).format(**fields)


def _km(value: float) -> str:
    return _("{n} km").format(n=f"{value:,.0f}")


def _hours(h: float) -> str:
    return _("{hours} h ({days} days)").format(hours=f"{h:,.0f}", days=f"{h / 24:.1f}")


def comma() -> str:
    """What separates the items of a list in the interface language (Urdu: the Arabic comma)."""
    return "، " if is_rtl() else ", "


def semicolon() -> str:
    return "؛ " if is_rtl() else "; "


def _g(value) -> str:
    return format(value or 0, "g")


def country_labels() -> dict[str, dict]:
    """ISO3 -> the basemap's country label ({name, names}), from which a name in a language."""
    try:
        from resources import BASEMAP

        data = json.loads((BASEMAP / "country_labels.geojson").read_text(encoding="utf-8"))
        return {f["properties"]["iso3"]: f["properties"]
                for f in data.get("features", []) if f.get("properties", {}).get("iso3")}
    except (OSError, ValueError, KeyError, ImportError):
        return {}


def country_names(lang: str = "en") -> dict[str, str]:
    """ISO3 -> the country's name in lang (English where there is none; codes where unknown)."""
    return {code: name_in(props, lang) or code for code, props in country_labels().items()}


def friendly(message: str) -> str:
    for cli, words in _HINTS.items():
        message = message.replace(cli, _(words))
    return message


def mode_word(mode: str) -> str:
    """A mode's name (rail, road, sea, ferry) in the interface language."""
    return _(MODE_WORDS.get(mode, mode))


# ---------------------------------------------------------------------------------------
class RouteReport:
    """The texts of a route in the interface language, made from the dataset (names of places,
    segments, corridors and agreements) and from what the panel shows now."""

    def __init__(self, dataset, place_name, as_of, graph):
        self.dataset = dataset
        self.place_name = place_name   # callable(node id) -> the place's name in the interface language
        self.as_of = as_of             # callable() -> (year or None, scenario) of the network shown
        self.graph = graph             # callable() -> the routing graph of that network

    def route_label(self, r: Route) -> str:
        """The route's label in the interface language: a standard corridor's name, or the border
        crossings used and the modes with where they change (as geodata.routing.default_label)."""
        for c in self.dataset.corridors.values():
            if r.label and c.get("name") == r.label:
                return name_in(c, language())
        if r.label and r.label != default_label(r):
            return r.label   # a label of its own: shown as it is
        via: list[str] = []
        for c in r.border_crossings:
            name = self.place_name(c["node"]) if c.get("node") else c.get("name")
            if name and name not in via:
                via.append(name)
        if not via:
            for leg in r.legs:
                seg = self.dataset.segments.get(leg.id)
                ln = leg.line or (name_in(seg["properties"], language()) if seg else leg.name)
                if ln and ln not in via:
                    via.append(ln)
            via = via[:3]
        changes = [_("{mode} from {place}").format(mode=mode_word(t["to_mode"]).lower(), place=self.place_name(t["node"]))
                   for t in r.transshipments if t["kind"] == "mode_change"]
        modes = [mode_word(r.legs[0].mode).lower()] if r.legs else []
        if len(changes) <= 2:
            modes += changes
        else:
            used = sorted({leg.mode for leg in r.legs} - {r.legs[0].mode})
            modes += [mode_word(m).lower() for m in used] + [_("{n} mode changes").format(n=len(changes))]
        label = _("via {places}").format(places=comma().join(via)) if via else _("direct")
        return f"{label} ({comma().join(modes)})" if modes else label

    def describe_options(self, opts: RouteOptions) -> str:
        """What the route was asked for, in the interface language (as RouteOptions.describe)."""
        parts = [_("by distance") if opts.by == "km" else _("by estimated time")]
        if opts.modes is not None:
            parts.append(_("modes {list}").format(list=comma().join(mode_word(m).lower() for m in MODES if m in opts.modes)))
        if opts.statuses == EXISTING_ONLY:
            parts.append(_("existing (operational) segments only"))
        elif opts.statuses is not None:
            parts.append(_("statuses {list}").format(list=comma().join(_(STATUS_LABELS.get(s, s)) for s in STATUSES
                                                                    if s in opts.statuses)))
        if opts.avoid:
            parts.append(_("avoiding {list}").format(list=comma().join(sorted(opts.avoid))))
        return semicolon().join(parts)

    def route_warnings(self, r: Route) -> list[str]:
        """The route's warnings in the interface language: geodata.routing's own (English) words
        in English, else made again from the route with the same rules, names in the language
        (the English ones whenever the two would not say the same number of things)."""
        if language() == "en":
            return list(r.warnings)
        try:
            out = self._warnings_in_language(r)
        except (KeyError, TypeError, ValueError, NetworkError, AssumptionsError):
            return list(r.warnings)
        return out if len(out) == len(r.warnings) else list(r.warnings)

    def _warnings_in_language(self, r: Route) -> list[str]:
        out = []
        year, scenario = self.as_of()
        status = lambda s: _(STATUS_LABELS.get(s, str(s).replace("_", " ")))  # noqa: E731
        for i, leg in enumerate(r.legs, 1):
            seg = self.dataset.segments.get(leg.id)
            name = name_in(seg["properties"], language()) if seg else leg.name
            fields = {"n": i, "name": name, "start": self.place_name(leg.from_), "end": self.place_name(leg.to),
                      "length": _km(leg.km), "year": leg.expected}
            if leg.status != "operational":
                message = (N_("leg {n} “{name}” ({start} – {end}, {length}) is {status}, expected {year}: not operational")
                           if leg.expected else N_("leg {n} “{name}” ({start} – {end}, {length}) is {status}: not operational"))
                out.append(_(message).format(status=status(leg.status), **fields))
            elif leg.recorded_status != leg.status:
                message = (N_("leg {n} “{name}” is {status} today, expected {year}; it counts as operational as of "
                              "{as_of} ({scenario})") if leg.expected else
                           N_("leg {n} “{name}” is {status} today; it counts as operational as of {as_of} ({scenario})"))
                out.append(_(message).format(status=status(leg.recorded_status), as_of=year,
                                             scenario=_(dict(SCENARIO_CHOICES).get(scenario, scenario)), **fields))
        graph = self.graph()
        for n in r.nodes:
            st = graph.nodes[n].get("status")
            if st and st != "operational":
                out.append(_("{name} ({id}) on the route is {status}: not operational").format(
                    name=self.place_name(n), id=n, status=status(st)))
        order = [c for leg in r.legs for c in leg.countries if c]
        order = [c for i, c in enumerate(order) if i == 0 or order[i - 1] != c]   # as route_summary's _dedupe
        again = [c for c in dict.fromkeys(order) if order.count(c) > 1]
        if again:
            out.append(_("the route leaves {countries} and enters again (countries in order: {order})").format(
                countries=comma().join(again), order=" → ".join(order)))
        for a in r.agreements:
            if not a["signed"]:
                rec = self.dataset.agreements.get(a["id"])
                out.append(_("depends on agreement “{title}” ({id}), status {status}: not signed or in force "
                             "(covers {where})").format(
                    title=name_in(rec, language()) if rec else a["title"], id=a["id"],
                    status=_(STATUS_WORDS.get(a["status"], a["status"] or N_("unknown"))),
                    where=", ".join(a["segments"] + a["nodes"])))
        known = {a["id"] for a in r.agreements}
        unknown: dict[str, list[str]] = {}
        for leg in r.legs:
            for aid in leg.agreements:
                if aid not in known and aid not in self.dataset.agreements:
                    unknown.setdefault(aid, []).append(leg.id)
        for aid, where in unknown.items():
            out.append(_("segments {where} refer to agreement “{id}”, which the dataset does not define").format(
                where=", ".join(dict.fromkeys(where)), id=aid))
        return out

    # ----- the details, as rich text (every value escaped) ----------------------------------------
    def route_html(self, r: Route) -> str:
        """The route's details in the interface language, names from the data in it too."""
        year, scenario = self.as_of()
        to = " ← " if is_rtl() else " → "   # arrows are not mirrored right to left: point the way read
        head = (f"<h3 style='margin-bottom:2px'>{_e(self.place_name(r.origin))}{to}"
                f"{_e(self.place_name(r.destination))}</h3>"
                f"<div style='color:#555'>{_e(self.route_label(r))}</div>")
        when = (_("network as of {year} ({scenario})").format(year=year, scenario=_(dict(SCENARIO_CHOICES)[scenario]))
                if year is not None else _("network as recorded"))
        sub = f"<div style='color:#555;font-size:small'>{_e(self.describe_options(r.options))}; {_e(when)}</div>"
        total = ("<p style='font-size:large;margin:6px 0'>"
                 + _t(N_("{length} · about {time}"), length=f"<b>{_e(_km(r.total_km))}</b>",
                      time=f"<b>{_e(_hours(r.hours))}</b>") + "</p>")
        by_mode = comma().join(f"<span style='color:{ROUTE_COLOURS.get(m, '#333')}'>■</span> {_e(mode_word(m))} "
                            f"{_e(_km(v))}" for m, v in sorted(r.km_by_mode.items(), key=lambda x: -x[1]))
        by_status = comma().join(f"<span style='color:{STATUS_COLOURS.get(s, '#444')};font-weight:600'>"
                              f"{_e(_(STATUS_LABELS.get(s, s)))}</span> {_e(_km(v))}"
                              for s, v in sorted(r.km_by_status.items(), key=lambda x: -x[1]))
        by_country = comma().join(f"{_e(c)} {_e(_km(v))}" for c, v in r.km_by_country.items())
        hb = r.hours_breakdown
        rows = [
            (N_("By mode"), by_mode), (N_("By status"), by_status), (N_("By country"), by_country),
            (N_("Time"), _t(N_("moving {moving} h + border crossings {borders} h + transshipments {transshipments} h"),
                            moving=f"{hb['moving']:,.1f}", borders=f"{hb['border_crossings']:,.1f}",
                            transshipments=f"{hb['transshipments']:,.1f}")),
        ]
        pad = "padding-left:8px" if is_rtl() else "padding-right:8px"
        table = "<table cellspacing='0' cellpadding='1'>" + "".join(
            f"<tr><td style='color:#666;{pad};vertical-align:top'>{_t(k)}</td><td>{v}</td></tr>"
            for k, v in rows) + "</table>"
        parts = [head, sub, total, table]

        def heading(message: str, n: int | None = None, colour: str = "") -> str:
            text = _t(message) + (f" ({n})" if n is not None else "")
            return f"<h4 style='margin-bottom:2px{';color:' + colour if colour else ''}'>{text}</h4>"

        if r.warnings:
            parts.append(heading(N_("Warnings"), colour="#b71c1c") + "<ul style='margin-left:-24px;color:#b71c1c'>"
                         + "".join(f"<li>{_e(w)}</li>" for w in self.route_warnings(r)) + "</ul>")
        def numbered(message: str, items: list[str]) -> str:
            """A counted heading over an ordered list, or over "None." when there is nothing."""
            if not items:
                return heading(message) + f"<p>{_t(N_('None.'))}</p>"
            return heading(message, len(items)) + f"<ol style='margin-left:-20px'>{''.join(items)}</ol>"

        items = []
        for c in r.border_crossings:
            if c.get("node"):
                where = self.place_name(c["node"])
            else:
                where = c.get("name") or (_("at sea") if c.get("mode") in ("sea", "ferry") else _("inside a leg"))
            items.append(f"<li><b>{_e(where)}</b>: {_e(c.get('from_country') or '?')}{to}"
                         f"{_e(c.get('to_country') or '?')} <span style='color:#666'>({_e(mode_word(c.get('mode')))}, "
                         f"{_e(_('{n} h').format(n=_g(c.get('hours'))))})</span></li>")
        parts.append(numbered(N_("Border crossings"), items))
        items = []
        for t in r.transshipments:
            if t["kind"] == "break_of_gauge":
                what = (f"<b style='color:#b26a00'>{_t(N_('break of gauge'))}</b> {_e(t.get('from_gauge'))}{to}"
                        f"{_e(_('{n} mm').format(n=t.get('to_gauge')))}")
            else:
                gauges = ""
                if t.get("from_gauge") or t.get("to_gauge"):
                    g = t.get("from_gauge") or t.get("to_gauge")
                    gauges = f" <span style='color:#666'>({_t(N_('rail {n} mm'), n=_e(g))})</span>"
                what = f"{_e(mode_word(t['from_mode']))}{to}{_e(mode_word(t['to_mode']))}{gauges}"
            name = self.place_name(t["node"]) if t.get("node") else t["name"]
            items.append(f"<li><b>{_e(name)}</b>: {what} <span style='color:#666'>"
                         f"({_e(_('{n} h').format(n=_g(t.get('hours'))))})</span></li>")
        parts.append(numbered(N_("Transshipments"), items))
        if r.agreements:
            items = []
            for a in r.agreements:
                status = (f"<span style='color:{STATUS_COLOURS.get(a['status'], '#444')};font-weight:600'>"
                          f"{_e(_(STATUS_WORDS.get(a['status'], a['status'] or N_('unknown'))))}</span>")
                flag = "" if a["signed"] else f" <b style='color:#b71c1c'>· {_t(N_('not signed'))}</b>"
                rec = self.dataset.agreements.get(a.get("id"))
                title = name_in(rec, language()) if rec else a["title"]
                items.append(f"<li>{_e(title)}: {status}{flag}</li>")
            parts.append(heading(N_("Agreements along the route"), len(items))
                         + f"<ul style='margin-left:-24px'>{''.join(items)}</ul>")
        align = "left" if is_rtl() else "right"
        legs = "".join(
            f"<tr><td align='{align}'>{i}</td><td>{_e(self.place_name(leg.from_))}{to}{_e(self.place_name(leg.to))}</td>"
            f"<td style='color:{ROUTE_COLOURS.get(leg.mode, '#333')}'>{_e(mode_word(leg.mode).lower())}</td>"
            f"<td style='color:{STATUS_COLOURS.get(leg.status, '#444')}'>{_e(_(STATUS_LABELS.get(leg.status, leg.status)))}"
            f"</td><td align='{align}'>{leg.km:,.0f}</td></tr>"
            for i, leg in enumerate(r.legs, 1))
        parts.append(heading(N_("Legs"), len(r.legs)) + "<table cellspacing='0' cellpadding='2'>"
                     f"<tr style='color:#666'><td>#</td><td>{_t(N_('from → to'))}</td><td>{_t(N_('mode'))}</td>"
                     f"<td>{_t(N_('status'))}</td><td align='{align}'>{_t(N_('km'))}</td></tr>{legs}</table>")
        parts.append(self._assumptions_html(r))
        return "".join(parts)

    def _assumptions_html(self, r: Route) -> str:
        a = r.assumptions
        speeds = a.get("speed_kmh", {})
        used = sorted({(leg.mode, leg.status) for leg in r.legs})
        speed_text = semicolon().join(
            f"{_e(mode_word(m).lower())} {_e(_(STATUS_LABELS.get(s, s)))} "
            f"{_e(_('{n} km/h').format(n=_g(speeds.get(m, {}).get(s, 0))))}" for m, s in used)
        dwell = a.get("dwell_hours", {})
        border = dwell.get("border_crossing", {})
        modes_used = sorted({leg.mode for leg in r.legs})
        border_text = comma().join(f"{_e(mode_word(m).lower())} {_e(_('{n} h').format(n=_g(border.get(m, 0))))}"
                                for m in modes_used)
        tr = dwell.get("transshipment", {})
        files = a.get("files") or []
        src = _e(files[-1]) if files else _t(N_("the defaults"))
        return (f"<h4 style='margin-bottom:2px'>{_t(N_('Assumptions'))}</h4><p style='color:#555;font-size:small'>"
                + _t(N_("Hours are estimates: km ÷ average speed per mode and status ({speeds}), plus dwell per border "
                        "crossing ({borders}) and per transshipment (mode change {mode_change} h, break of gauge "
                        "{break_of_gauge} h). From {source}."),
                     speeds=speed_text, borders=border_text, mode_change=_e(_g(tr.get("mode_change", 0))),
                     break_of_gauge=_e(_g(tr.get("break_of_gauge", 0))), source=src)
                + f" <a href='action:edit-assumptions'>{_t(N_('Edit the assumptions…'))}</a></p>")

