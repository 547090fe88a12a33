"""`corridor-atlas export OUT [--view NAME] [--width W --height H] [--title T]`

The format comes from OUT's extension: .png, .pdf, .html (and .pptx when available).
Works with no display (offscreen). A bad size, an unknown view or an unwritable path is
refused with a message and a non-zero exit code; no partial file is ever left behind.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

FORMATS = ("png", "pdf", "html", "pptx")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", help="file to write: .png, .pdf, .html or .pptx")
    p.add_argument("--view", help="name or id of a saved view (default: the whole network)")
    p.add_argument("--width", type=str, help="image width in pixels (default 1920)")
    p.add_argument("--height", type=str, help="image height in pixels (default 1080)")
    p.add_argument("--title", help="title on the map")
    p.add_argument("--subtitle", help="subtitle on the map")
    p.add_argument("--data", metavar="FOLDER", help="dataset folder (default: the built-in data)")


class UsageError(Exception):
    pass


def _parse_size(args) -> tuple[int, int]:
    from layers.export_sizes import SizeError, check_size

    if (args.width is None) != (args.height is None):
        raise UsageError("give both --width and --height, or neither")
    if args.width is None:
        return 1920, 1080
    try:
        w, h = int(args.width), int(args.height)
    except ValueError:
        raise UsageError(f"--width and --height must be whole numbers, got {args.width!r} and {args.height!r}") from None
    try:
        return check_size(w, h)
    except SizeError as exc:
        raise UsageError(str(exc)) from None


def _check_output(out: Path) -> str:
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"{out.name}: unknown format {out.suffix or '(no extension)'!r}; use one of: "
                         + ", ".join("." + f for f in FORMATS))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{out}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{out}: the folder {folder} is not writable")
    if out.is_dir():
        raise UsageError(f"{out} is a folder, not a file name")
    return fmt


def _needs_offscreen() -> bool:
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def export(ds, out: Path, fmt: str, width: int, height: int, view_name: str | None, title, subtitle) -> str:
    """Write one export; returns a one-line summary. Raises UsageError/RuntimeError with a message."""
    from layers.catalog import build_layers
    from layers.composition import compose
    from layers.layer_list import LayerList
    from layers.views import ViewError, find_view, load_views, resolve_view

    try:
        views = load_views(ds)
        view = find_view(views, view_name) if view_name else views[0]
    except ViewError as exc:
        raise UsageError(str(exc)) from None
    layer_list = LayerList(build_layers(ds))
    layer_list.apply_visibility(view.layers)
    if view.corridor:  # a corridor view shows its own band
        for layer in layer_list:
            if layer.id.startswith("corridor:"):
                layer_list.set_visible(layer.id, layer.id == f"corridor:{view.corridor}")
    resolved = resolve_view(ds, view)
    comp = compose(ds, layer_list, title or view.title or None, subtitle or view.subtitle or None)
    if fmt == "html":
        from layers.html_export import export_html

        export_html(ds, layer_list, out, title=comp["title"], subtitle=comp["subtitle"], view_bounds=resolved["bounds"],
                    as_of=comp["date"], sources_line=comp["sources"])
        return f"wrote {out} (interactive HTML, {out.stat().st_size / 1e6:.1f} MB)"
    if fmt == "pptx":
        raise UsageError("PPTX export is not available yet")
    return _render(layer_list, out, width, height, comp, resolved)


def _render(layer_list, out: Path, width: int, height: int, comp: dict, resolved: dict) -> str:
    if _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import make_app

    app = make_app()
    from .export_job import ExportJob

    job = ExportJob(layer_list, out, width, height, comp, {"bounds": resolved["bounds"], "highlight": resolved["highlight"]})
    result: dict = {}
    job.finished.connect(lambda path: (result.setdefault("ok", path), app.quit()))
    job.failed.connect(lambda msg: (result.setdefault("error", msg), app.quit()))
    job.start()
    if not result:
        app.exec()
    if "error" in result or "ok" not in result:
        raise RuntimeError(result.get("error", "the export did not finish"))
    size = f"{width}×{height} px" if out.suffix.lower() == ".png" else "vector PDF"
    return f"wrote {out} ({size})"


def run(args) -> int:
    from geodata.dataset import Dataset, DatasetError

    out = Path(args.out)
    try:
        fmt = _check_output(out)
        width, height = _parse_size(args)
        ds = Dataset.load(args.data)
        print(export(ds, out, fmt, width, height, args.view, args.title, args.subtitle))
        return 0
    except UsageError as exc:
        print(f"corridor-atlas export: {exc}", file=sys.stderr)
        return 2
    except DatasetError as exc:
        print(f"corridor-atlas export: cannot open the dataset: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the user gets a reason, never a traceback
        print(f"corridor-atlas export: failed: {exc}", file=sys.stderr)
        return 1
