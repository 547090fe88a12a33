"""Route query figures: the built-in network, and a synthetic network of 100k edges.

    .venv/bin/python benchmarks/bench_route.py [--runs N] [--edges E] [--skip-synthetic] [--data FOLDER]

Built-in network (target: median of one route query <= 10 ms): graph build time, the
first query (which prepares the filtered adjacency), then the median of repeated queries
Almaty -> Karachi / Port Qasim / Gwadar by distance, by time, existing only, and with 3
alternatives; and one `corridor-atlas route Almaty Karachi --json` process end to end.
Skipped with a message while geodata/data/ has no network.

Synthetic network: a grid over Central and South Asia (lon 55-80, lat 24-45) in five
country bands from KAZ in the north to PAK in the south, border crossings every 8th column
between bands, rail on every 3rd row and 4th column (gauge by country: 1520 / 1435 / 1676),
roads elsewhere plus roads beside every 8th rail column, statuses mixed (85 % operational),
agreements on the border links. Reports generation, graph build (incl. geodesic lengths),
query times corner to corner and between random pairs, k alternatives over a short
distance, and memory (RSS growth and peak RSS).
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geodata import BUILTIN_DATA  # noqa: E402
from geodata.assumptions import default_assumptions  # noqa: E402
from geodata.dataset import Dataset  # noqa: E402
from geodata.network import build_graph  # noqa: E402
from geodata.routing import NoRoute, RouteOptions, Router  # noqa: E402

BANDS = [("KAZ", 1520), ("UZB", 1520), ("TKM", 1520), ("AFG", 1435), ("PAK", 1676)]


def rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:  # pragma: no cover
        return float("nan")


def peak_rss_mb() -> float:
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024
    except ImportError:  # Windows
        try:
            import psutil

            return psutil.Process().memory_info().peak_wset / 2**20
        except Exception:
            return float("nan")


def timed(fn, runs: int) -> tuple[float, object]:
    """Median milliseconds of fn() over runs, and the last result."""
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


# --- the built-in network -----------------------------------------------------------------

def bench_builtin(runs: int, folder: Path | None = None) -> None:
    folder = Path(folder) if folder else BUILTIN_DATA
    print("Built-in network" if folder == BUILTIN_DATA else f"Network in {folder}")
    if not (folder / "nodes.geojson").exists() or not (folder / "segments.geojson").exists():
        print(f"  skipped: {folder}/nodes.geojson or segments.geojson is not there yet")
        return
    from geodata.names import PlaceError, PlaceIndex

    t = time.perf_counter()
    ds = Dataset.load(folder)
    t_load = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    G = build_graph(ds)
    t_build = (time.perf_counter() - t) * 1000
    print(f"  {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; load {t_load:.1f} ms, "
          f"graph build {t_build:.1f} ms")
    index = PlaceIndex(G)
    try:
        origin = index.resolve("Almaty")
    except PlaceError as exc:
        print(f"  skipped: {exc}")
        return
    ports = []
    for name in ("Karachi", "Port Qasim", "Gwadar"):
        try:
            ports.append((name, index.resolve(name)))
        except PlaceError as exc:
            print(f"  ({exc})")
    router = Router(G, default_assumptions())
    cases = [("by km", RouteOptions(), 1), ("by time", RouteOptions(by="time"), 1),
             ("existing only", RouteOptions.existing_only(), 1), ("3 alternatives", RouteOptions(), 3)]
    medians = []
    for port_name, port in ports:
        for label, opts, k in cases:
            router._cache.clear()
            t = time.perf_counter()
            try:
                router.routes(origin, port, opts, k=k)
            except NoRoute as exc:
                print(f"  Almaty -> {port_name}, {label}: no route ({exc})")
                continue
            first = (time.perf_counter() - t) * 1000
            med, routes = timed(lambda: router.routes(origin, port, opts, k=k), runs)
            if k == 1:
                medians.append(med)
            r = routes[0]
            print(f"  Almaty -> {port_name:10s} {label:15s} median {med:7.2f} ms (first {first:6.2f} ms); "
                  f"{r.total_km:,.0f} km, {len(r.legs)} legs, {r.hours:,.0f} h")
    if medians:
        m = statistics.median(medians)
        print(f"  median of one route query: {m:.2f} ms (target <= 10 ms: {'OK' if m <= 10 else 'MISSED'})")
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "gui.cli", "route", "Almaty", "Karachi", "--json", "--data", str(folder)],
                       cwd=REPO, capture_output=True, text=True)
    print(f"  `corridor-atlas route Almaty Karachi --json` end to end: {(time.perf_counter() - t) * 1000:.0f} ms "
          f"(exit {p.returncode})")


# --- the synthetic network ----------------------------------------------------------------

def _size_for(target_edges: int) -> int:
    n = max(10, int(math.sqrt(target_edges / 2.2)))
    while _count_edges(n) < target_edges:
        n += 1
    return n


def _band(r: int, n: int) -> int:
    return min(len(BANDS) - 1, r * len(BANDS) // n)


def _is_boundary(r: int, n: int) -> bool:
    return r > 0 and _band(r, n) != _band(r - 1, n)


def _count_edges(n: int) -> int:
    return sum(1 for _ in _edge_plan(n))


def _edge_plan(n: int):
    """(a, b, mode, parallel) for the grid; nodes are (row, col)."""
    for r in range(n):
        for c in range(n):
            if c + 1 < n and not _is_boundary(r, n):
                mode = "rail" if r % 3 == 0 else "road"
                yield (r, c), (r, c + 1), mode
            if r + 1 < n:
                if _is_boundary(r + 1, n) and c % 8:
                    continue  # the border can only be crossed at a border crossing
                if _is_boundary(r, n) and c % 8:
                    continue
                mode = "rail" if c % 4 == 0 else "road"
                yield (r, c), (r + 1, c), mode
                if mode == "rail" and c % 8 == 0:
                    yield (r, c), (r + 1, c), "road"


def synthetic_dataset(target_edges: int, seed: int = 7) -> Dataset:
    rnd = random.Random(seed)
    n = _size_for(target_edges)
    lon = lambda c: 55.0 + 25.0 * c / (n - 1)  # noqa: E731
    lat = lambda r: 45.0 - 21.0 * r / (n - 1)  # noqa: E731
    ds = Dataset(folder=Path("<synthetic>"))
    nid = lambda r, c: f"n{r}_{c}"  # noqa: E731
    for r in range(n):
        for c in range(n):
            if _is_boundary(r, n) and c % 8:
                continue  # only crossings on a border row
            band = _band(r, n)
            props = {"id": nid(r, c), "name": f"Place {r}-{c}", "modes": ["rail", "road"], "status": "operational",
                     "sources": ["synthetic"], "confidence": "low", "note": ""}
            if _is_boundary(r, n) and c % 8 == 0:
                props.update(kind="border_crossing", countries=[BANDS[band - 1][0], BANDS[band][0]],
                             name=f"Crossing {r}-{c}")
            else:
                props.update(kind="junction" if (r + c) % 5 else "city", country=BANDS[band][0])
            if r == n - 1 and c % 10 == 0:
                props["kind"] = "seaport"
            ds.nodes[nid(r, c)] = {"type": "Feature", "properties": props,
                                   "geometry": {"type": "Point", "coordinates": [lon(c), lat(r)]}}
    statuses = ["operational"] * 85 + ["under_construction"] * 5 + ["planned"] * 6 + ["proposed"] * 4
    agreements = {}
    for i, ((r1, c1), (r2, c2), mode) in enumerate(_edge_plan(n)):
        sid = f"s{i}"
        b1, b2 = _band(r1, n), _band(r2, n)
        a_node, b_node = ds.nodes[nid(r1, c1)], ds.nodes[nid(r2, c2)]
        # rows are listed north to south; a boundary row (its crossings) belongs to the
        # southern band, so a segment lies in the country of its northern end's band
        country, gauge = BANDS[b1]
        countries = [country]
        gauge = gauge if mode == "rail" else None
        ags = []
        crossing = next((x for x in (a_node, b_node) if x["properties"]["kind"] == "border_crossing"), None)
        if crossing is not None:
            pair = crossing["properties"]["countries"]
            aid = f"transit_{pair[0].lower()}_{pair[1].lower()}"
            agreements.setdefault(aid, {"id": aid, "title": f"{pair[0]}-{pair[1]} transit agreement",
                                        "kind": "transit_agreement", "parties": list(pair),
                                        "status": rnd.choice(["in_force", "signed", "under_negotiation"]),
                                        "dates": {}, "covers": {"segments": [], "nodes": []}, "summary": "",
                                        "sources": ["synthetic"]})
            ags.append(aid)
        x1, y1, x2, y2 = lon(c1), lat(r1), lon(c2), lat(r2)
        mid = [(x1 + x2) / 2 + rnd.uniform(-0.01, 0.01), (y1 + y2) / 2 + rnd.uniform(-0.01, 0.01)]
        status = rnd.choice(statuses)
        props = {"id": sid, "name": f"Segment {i}", "line": f"L{r1 if r1 == r2 else c1}", "mode": mode,
                 "status": status, "status_date": "2025", "gauge_mm": gauge, "from": nid(r1, c1),
                 "to": nid(r2, c2), "countries": countries, "agreements": ags, "sources": ["synthetic"],
                 "confidence": "low", "note": ""}
        if status != "operational":
            props["expected"] = rnd.randint(2026, 2040)
        ds.segments[sid] = {"type": "Feature", "properties": props,
                            "geometry": {"type": "LineString", "coordinates": [[x1, y1], mid, [x2, y2]]}}
    ds.agreements = agreements
    return ds


def bench_synthetic(target_edges: int, runs: int) -> None:
    print(f"Synthetic network (~{target_edges:,} edges)")
    gc.collect()
    rss0 = rss_mb()
    t = time.perf_counter()
    ds = synthetic_dataset(target_edges)
    t_gen = time.perf_counter() - t
    rss1 = rss_mb()
    t = time.perf_counter()
    G = build_graph(ds)
    t_build = time.perf_counter() - t
    rss2 = rss_mb()
    print(f"  {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges "
          f"({sum(1 for *_, d in G.edges(data=True) if d['mode'] == 'rail'):,} rail); "
          f"generated in {t_gen:.2f} s, graph built in {t_build:.2f} s (geodesic lengths included)")
    router = Router(G, default_assumptions())
    n = int(math.isqrt(G.number_of_nodes()))
    corner_a, corner_b = "n0_0", f"n{n - 1}_{n - 1}"
    rnd = random.Random(3)
    nodes = list(G.nodes)
    for label, opts in (("by km", RouteOptions()), ("by time", RouteOptions(by="time")),
                        ("existing only, by time", RouteOptions.existing_only(by="time"))):
        t = time.perf_counter()
        router.prepared(opts)
        prep = (time.perf_counter() - t) * 1000
        med, r = timed(lambda: router.route(corner_a, corner_b, opts), runs)
        pairs = [(rnd.choice(nodes), rnd.choice(nodes)) for _ in range(runs)]
        rand_times = []
        for a, b in pairs:
            if a == b:
                continue
            t = time.perf_counter()
            try:
                router.route(a, b, opts)
            except NoRoute:
                pass
            rand_times.append((time.perf_counter() - t) * 1000)
        print(f"  {label:24s} prepare {prep:7.0f} ms; corner to corner median {med:7.0f} ms "
              f"({r.total_km:,.0f} km, {len(r.legs)} legs, {len(r.border_crossings)} borders, "
              f"{len(r.transshipments)} transshipments); random pairs median {statistics.median(rand_times):7.0f} ms")
    mid = n // 2
    a, b = f"n{mid}_{mid}", f"n{mid + 6}_{mid + 6}"
    med, routes = timed(lambda: router.routes(a, b, RouteOptions(), k=3), max(3, runs // 2))
    print(f"  3 alternatives over 12 grid steps: median {med:.0f} ms ({[f'{x.total_km:.0f}' for x in routes]} km)")
    rss3 = rss_mb()
    print(f"  memory: dataset {rss1 - rss0:,.0f} MB, graph {rss2 - rss1:,.0f} MB, prepared filters + queries "
          f"{rss3 - rss2:,.0f} MB; RSS now {rss3:,.0f} MB, peak {peak_rss_mb():,.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--edges", type=int, default=100_000)
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--data", metavar="FOLDER", help="another dataset folder instead of the built-in one")
    args = ap.parse_args()
    os.environ.setdefault("CORRIDOR_ATLAS_ASSUMPTIONS", os.devnull + ".none")
    bench_builtin(args.runs, args.data)
    if not args.skip_synthetic:
        bench_synthetic(args.edges, max(3, args.runs // 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
