"""Export figures: a 3840×2160 PNG and a vector PDF of the whole network.

    .venv/bin/python benchmarks/bench_export.py [--runs N]

Times are in-process (the application already running, as in the window) and for the
whole command line (`corridor-atlas export`, a fresh process). Target: 4K PNG <= 2 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def in_process(runs: int, tmp: Path) -> dict[str, list[float]]:
    from gui.app import make_app

    make_app()
    from PySide6.QtCore import QEventLoop

    from geodata.dataset import Dataset
    from gui.exporting import Export, layers_for_view
    from layers.views import load_views, resolve_view

    ds = Dataset.load()
    view = load_views(ds)[0]
    resolved = resolve_view(ds, view)
    times: dict[str, list[float]] = {"png": [], "pdf": []}
    jobs = []  # kept alive, as the window keeps its jobs
    for fmt, (w, h) in (("png", (3840, 2160)), ("pdf", (1920, 1080))):
        for i in range(runs):
            out = tmp / f"m{i}.{fmt}"
            job = Export(ds, out, w, h, layer_list=layers_for_view(ds, view), bounds=resolved["bounds"],
                         highlight=resolved["highlight"], title=view.title)
            jobs.append(job)
            loop = QEventLoop()
            job.finished.connect(loop.quit)
            job.failed.connect(loop.quit)
            t0 = time.perf_counter()
            job.start()
            loop.exec()
            if not out.exists():
                raise SystemExit(f"export of {out.name} failed")
            times[fmt].append(time.perf_counter() - t0)
    return times


def command_line(tmp: Path) -> dict[str, float]:
    out = {}
    for name, args in (("png", ["--width", "3840", "--height", "2160"]), ("pdf", [])):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gui.cli", "export", str(tmp / f"cli.{name}"), *args], cwd=REPO,
                       check=True, capture_output=True)
        out[name] = time.perf_counter() - t0
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        cli = command_line(tmp)
        t = in_process(args.runs, tmp)
    print(f"4K PNG (3840×2160), in the running application: median {statistics.median(t['png']):.2f} s (target <= 2 s)")
    print(f"vector PDF, in the running application: median {statistics.median(t['pdf']):.2f} s")
    print(f"command line, fresh process each: 4K PNG {cli['png']:.2f} s, PDF {cli['pdf']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
