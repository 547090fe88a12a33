"""``corridor-atlas route FROM TO``: the best route between two places, from the command line.

    corridor-atlas route Almaty Karachi
    corridor-atlas route almaty "Port Qasim" --by time --existing-only --avoid AFG
    corridor-atlas route Almaty Gwadar --alternatives 3 --json
    corridor-atlas route Almaty Karachi -k 4 --distinct borders --by time
    corridor-atlas route Almaty Karachi --as-of 2030 --scenario planned --csv routes.csv

FROM and TO are node ids or names (any language of the dataset, fuzzy; see geodata.names).
Exit codes: 0 a route was found; 1 no route under the filters (or the data cannot be
read); 2 a bad argument (unknown or ambiguous place, bad --modes, --avoid, --alternatives,
--as-of or assumptions file). Messages go to stderr, never a traceback.

``--json`` prints one object: the best route (``total_km``, ``legs``, ``border_crossings``,
``transshipments``, ``hours``, ``agreements``, ``warnings``, ``assumptions``, ...) and,
with ``--alternatives K`` > 1, ``alternatives`` (all K routes found, best first, the first
being the same as the top-level one) and ``comparison`` (a row per route).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .assumptions import MODES, STATUSES

_PROG = "corridor-atlas route"


def _csv_list(value: str, allowed: tuple[str, ...] | None, what: str, upper: bool = False) -> frozenset[str]:
    items = [v.strip() for v in value.split(",") if v.strip()]
    items = [v.upper() if upper else v.lower() for v in items]
    if not items:
        raise argparse.ArgumentTypeError(f"no {what} given")
    if allowed is not None:
        bad = [v for v in items if v not in allowed]
        if bad:
            raise argparse.ArgumentTypeError(
                f"unknown {what} {', '.join(repr(b) for b in bad)} (choose from {','.join(allowed)})")
    return frozenset(items)


def _modes(value: str) -> frozenset[str]:
    return _csv_list(value, MODES, "mode")


def _statuses(value: str) -> frozenset[str]:
    return _csv_list(value, STATUSES, "status")


def _countries(value: str) -> frozenset[str]:
    codes = _csv_list(value, None, "country", upper=True)
    bad = [c for c in codes if len(c) != 3 or not c.isalpha() or not c.isascii()]
    if bad:
        raise argparse.ArgumentTypeError(
            f"{', '.join(repr(b) for b in sorted(bad))} is not an ISO 3166-1 alpha-3 code (e.g. AFG, IRN)")
    return codes


def _k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if k < 1 or k > 50:
        raise argparse.ArgumentTypeError(f"must be between 1 and 50, got {k}")
    return k


def _date(value: str) -> str:
    from .network import NetworkError, parse_year

    try:
        parse_year(value, "--as-of date")
    except NetworkError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Find the shortest route between two places of the network."
    parser.add_argument("origin", metavar="FROM", help="node id or place name (fuzzy), e.g. Almaty")
    parser.add_argument("destination", metavar="TO", help="node id or place name (fuzzy), e.g. 'Port Qasim'")
    parser.add_argument("--by", choices=("km", "time"), default="km",
                        help="km (default): the shortest distance, however often the mode changes; "
                             "time: the fastest by the transit assumptions, dwell at borders and transshipments "
                             "included")
    st = parser.add_mutually_exclusive_group()
    st.add_argument("--existing-only", action="store_true",
                    help="operational segments only: never under construction, planned or proposed")
    st.add_argument("--statuses", type=_statuses, metavar="LIST",
                    help=f"segment statuses allowed, comma-separated ({','.join(STATUSES)})")
    parser.add_argument("--modes", type=_modes, metavar="LIST",
                        help=f"modes allowed, comma-separated ({','.join(MODES)}); default all")
    parser.add_argument("--avoid", type=_countries, metavar="ISO3,...", default=frozenset(),
                        help="countries the route must not enter, e.g. AFG,IRN")
    parser.add_argument("--alternatives", "-k", type=_k, default=1, metavar="K",
                        help="up to K distinct routes, best first (default 1)")
    parser.add_argument("--distinct", choices=("places", "borders", "segments"), default="places",
                        help="how alternatives differ: places (default: another sequence of places), borders "
                             "(another sequence of border crossings) or segments (any segment, e.g. road "
                             "instead of rail on one stretch)")
    parser.add_argument("--as-of", type=_date, metavar="DATE",
                        help="statuses at this date (YYYY or YYYY-MM-DD): segments opened later are not operational")
    parser.add_argument("--scenario", choices=("actual", "planned"), default="actual",
                        help="with --as-of: 'planned' also counts segments expected by then as operational")
    parser.add_argument("--assumptions", metavar="FILE",
                        help="transit-time assumptions file (default: your user copy, else the built-in one)")
    parser.add_argument("--csv", metavar="FILE", help="also write the comparison table of the routes as CSV")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--data", metavar="FOLDER", default=argparse.SUPPRESS,
                        help="dataset folder (default: the built-in data)")


def _fail(message: str, code: int) -> int:
    print(f"{_PROG}: error: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except BrokenPipeError:
        return 1
    except Exception as exc:  # last resort: a clear message, never a traceback
        return _fail(f"unexpected problem: {type(exc).__name__}: {exc}", 1)


def _run(args: argparse.Namespace) -> int:
    from .assumptions import AssumptionsError, load_assumptions
    from .dataset import Dataset, DatasetError
    from .names import PlaceError, PlaceIndex
    from .network import NetworkError, build_graph
    from .routing import EXISTING_ONLY, NoRoute, RouteError, RouteOptions, Router, compare_routes, write_comparison_csv

    folder = getattr(args, "data", None)
    try:
        ds = Dataset.load(folder)
    except DatasetError as exc:
        return _fail(f"cannot read the dataset: {exc}", 2 if folder else 1)
    try:
        assumptions = load_assumptions(args.assumptions)
    except AssumptionsError as exc:
        return _fail(f"transit assumptions: {exc}", 2 if args.assumptions else 1)
    try:
        G = build_graph(ds, as_of=args.as_of, scenario=args.scenario)
    except NetworkError as exc:
        return _fail(str(exc), 2)
    if G.number_of_nodes() == 0:
        return _fail(f"the dataset in {ds.folder} has no nodes", 1)
    index = PlaceIndex(G)
    try:
        origin = index.resolve(args.origin)
        destination = index.resolve(args.destination)
    except PlaceError as exc:
        return _fail(str(exc), 2)
    notes = []
    for nid in (origin, destination):
        if index.info[nid]["kind"] not in ("seaport", "dry_port"):
            for other in index.namesakes(nid):
                notes.append(f"{index.label(nid)} is the {index.info[nid]['kind'] or 'place'}; "
                             f"for the port give {index.label(other)}")
    statuses = EXISTING_ONLY if args.existing_only else args.statuses
    try:
        opts = RouteOptions(by=args.by, modes=args.modes, statuses=statuses, avoid=args.avoid)
        router = Router(G, assumptions)
        routes = router.routes(origin, destination, opts, k=args.alternatives, distinct=args.distinct)
    except NoRoute as exc:
        return _fail(str(exc), 1)
    except RouteError as exc:
        return _fail(str(exc), 2)
    rows = compare_routes(routes)
    if args.csv:
        try:
            write_comparison_csv(rows, args.csv)
        except OSError as exc:
            return _fail(f"cannot write {args.csv}: {exc.strerror or exc}", 2)
    best = routes[0]
    if args.json:
        out: dict[str, Any] = best.to_dict()
        out["notes"] = notes
        out["as_of"] = args.as_of
        out["scenario"] = args.scenario if args.as_of else None
        if args.alternatives > 1:
            out["alternatives"] = [dict(r.to_dict(with_assumptions=False), rank=i + 1) for i, r in enumerate(routes)]
            out["comparison"] = rows
        json.dump(out, sys.stdout, ensure_ascii=True, indent=2)
        sys.stdout.write("\n")
    else:
        if hasattr(sys.stdout, "reconfigure"):
            try:
                sys.stdout.reconfigure(errors="replace")
            except Exception:
                pass
        print(render_text(routes, rows, as_of=args.as_of, scenario=args.scenario))
        for note in notes:
            print(f"Note: {note}")
        if args.csv:
            print(f"\nComparison written to {args.csv}")
    return 0


# ---------------------------------------------------------------------------------------
# Human-readable output

def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def _km(x: float) -> str:
    return f"{x:,.1f}"


def _hours(h: float) -> str:
    return f"{h:,.1f} h ({h / 24:.1f} days)"


def render_text(routes: list, rows: list[dict], as_of: Any = None, scenario: str = "actual") -> str:
    r = routes[0]
    names = r.node_names
    out = [f"{names.get(r.origin, r.origin)} ({r.origin}) -> {names.get(r.destination, r.destination)} "
           f"({r.destination}), {r.options.describe()}"]
    if as_of:
        out.append(f"Statuses as of {as_of} ({scenario} scenario)")
    out.append("")
    body = []
    for i, leg in enumerate(r.legs, 1):
        body.append([str(i), leg.from_name, leg.to_name, leg.mode, str(leg.gauge_mm or ""),
                     leg.status.replace("_", " "), _km(leg.km), f"{leg.hours:.1f}", "-".join(leg.countries),
                     leg.name])
    out += _table(["#", "from", "to", "mode", "gauge", "status", "km", "hours", "countries", "segment"],
                  body, right={0, 6, 7})
    out.append("")
    modes = ", ".join(f"{m} {_km(k)}" for m, k in r.km_by_mode.items())
    out.append(f"Total: {_km(r.total_km)} km ({modes}); estimated {_hours(r.hours)}")
    hb = r.hours_breakdown
    out.append(f"  moving {hb['moving']:.1f} h, border crossings {hb['border_crossings']:.1f} h, "
               f"transshipments {hb['transshipments']:.1f} h")
    if r.non_operational_km:
        parts = [f"{s.replace('_', ' ')} {_km(k)}" for s, k in r.km_by_status.items() if s != "operational"]
        out.append(f"Not operational: {_km(r.non_operational_km)} km ({', '.join(parts)})")
    out.append("By country: " + ", ".join(f"{c} {_km(k)}" for c, k in r.km_by_country.items()))
    if r.border_crossings:
        out.append(f"Border crossings ({len(r.border_crossings)}):")
        for c in r.border_crossings:
            where = c["name"] or c["kind"]
            out.append(f"  {where}: {c['from_country'] or '?'} -> {c['to_country'] or '?'} ({c['mode']}, {c['hours']:g} h)")
    else:
        out.append("Border crossings: none")
    if r.transshipments:
        out.append(f"Transshipments ({len(r.transshipments)}):")
        for t in r.transshipments:
            if t["kind"] == "break_of_gauge":
                what = f"break of gauge {t['from_gauge']} -> {t['to_gauge']} mm"
            else:
                what = f"{t['from_mode']} -> {t['to_mode']}"
            out.append(f"  {t['name']}: {what} ({t['hours']:g} h)")
    else:
        out.append("Transshipments: none")
    if r.agreements:
        out.append("Agreements along the route:")
        for a in r.agreements:
            flag = "" if a["signed"] else "  [NOT SIGNED]"
            out.append(f"  {a['title']} ({a['id']}): {(a['status'] or '?').replace('_', ' ')}{flag}")
    if r.warnings:
        out.append("Warnings:")
        out += [f"  ! {w}" for w in r.warnings]
    if len(routes) > 1:
        out.append("")
        out.append(f"Alternatives ({len(routes)}, best first):")
        body = [[str(i), row["label"], _km(row["total_km"]), f"{row['hours']:.1f}", str(row["border_crossings"]),
                 str(row["transshipments"]), _km(row["non_operational_km"]), ", ".join(row["unsigned_agreements"]) or "-"]
                for i, row in enumerate(rows, 1)]
        out += ["  " + s for s in _table(
            ["#", "route", "km", "hours", "borders", "transship.", "not oper. km", "unsigned agreements"],
            body, right={0, 2, 3, 4, 5, 6})]
    a = r.assumptions
    files = a.get("files") or []
    out.append("")
    out.append("Times are estimates from the assumptions in " + (files[-1] if files else "the defaults")
               + " (speed per mode and status, dwell per border crossing and transshipment).")
    return "\n".join(out)
