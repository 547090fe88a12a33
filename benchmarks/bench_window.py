"""Window figures: cold start to map drawn, select -> side panel filled, peak memory.

    .venv/bin/python benchmarks/bench_window.py [--runs N]

Each cold start is a fresh process (so nothing is warm but the OS file cache). Targets from
the issue: cold start <= 1.5 s, selection <= 50 ms, peak RSS of the process tree <= 500 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r'''
import os, sys, time, json
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from gui.app import make_app
app = make_app()
from geodata.dataset import Dataset
from gui.main_window import MainWindow
from PySide6.QtCore import QSettings, QTimer
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
w = MainWindow(Dataset.load(), settings=settings)
w.resize(1920, 1080)
w.show()
out = {}
sel_times = []

def select_next(i=0):
    ids = [s for s, f in w.dataset.segments.items() if f["properties"]["mode"] == "rail"][:20]
    if i >= len(ids):
        out["select_ms"] = sel_times
        print(json.dumps(out)); sys.stdout.flush(); app.quit(); return
    layer = "railways_planned" if w.dataset.segments[ids[i]]["properties"]["status"] in ("planned", "proposed") else "railways"
    start = time.perf_counter()
    def done(_facts):
        w.selected.disconnect(done)
        sel_times.append((time.perf_counter() - start) * 1000)
        QTimer.singleShot(30, lambda: select_next(i + 1))
    w.selected.connect(done)
    # a click on the line inside the page, as the user's click is
    w.map.page().runJavaScript(
        "var e = atlasLayers.index[%s]; atlasLayers.onSelect(e.layer, e.id); 0" % json.dumps(layer + "/" + ids[i]))

def on_drawn(counts):
    if "start_s" in out: return
    out["start_s"] = time.perf_counter() - t0
    out["features"] = sum(counts.values())
    QTimer.singleShot(500, select_next)

w.drawn.connect(on_drawn)
QTimer.singleShot(60000, app.quit)
app.exec()
'''


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) summed over the process tree. RSS counts shared pages (Chromium's
    libraries, mapped in every helper process) once per process; PSS shares them out."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0, 0
    rss = pss = 0
    for p in procs:
        try:
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return rss, pss


def one_run(tmp: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(REPO), str(tmp / "s.ini")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = peak_pss = 0
    stop = threading.Event()

    def sample():
        nonlocal peak, peak_pss
        while not stop.is_set():
            rss, pss = tree_memory(proc.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, _ = proc.communicate(timeout=120)
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    line = [ln for ln in out.splitlines() if ln.startswith("{")]
    result = json.loads(line[-1]) if line else {}
    result["peak_rss_mb"] = peak / 1e6
    result["peak_pss_mb"] = peak_pss / 1e6
    result["process_wall_s"] = wall
    return result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    import tempfile

    starts, selects, peaks, psss = [], [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            r = one_run(Path(tmp))
        if "start_s" not in r:
            print("the window did not draw the map", r)
            return 1
        starts.append(r["start_s"])
        selects += r.get("select_ms", [])
        peaks.append(r["peak_rss_mb"])
        psss.append(r["peak_pss_mb"])
    print(f"cold start to map drawn: median {statistics.median(starts):.2f} s (runs: {', '.join(f'{s:.2f}' for s in starts)}; target <= 1.5 s)")
    print(f"select -> side panel filled: median {statistics.median(selects):.1f} ms, max {max(selects):.1f} ms over {len(selects)} selections (target <= 50 ms)")
    print(f"peak memory of the process tree: PSS {max(psss):.0f} MB (target <= 500 MB); "
          f"RSS summed over processes {max(peaks):.0f} MB (counts shared libraries once per process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
