"""`corridor-atlas export OUT [--view NAME] [--width W --height H] [--title T] [--lang L] [--second-lang L2]`

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
LANGUAGES = ("en", "ru", "kk", "ur")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", help="file to write: .png, .pdf, .html or .pptx")
    p.add_argument("--view", help="name or id of a saved view (default: the whole network)")
    p.add_argument("--width", type=str, help="image width in pixels (default 1920)")
    p.add_argument("--height", type=str, help="image height in pixels (default 1080)")
    p.add_argument("--title", help="title on the map")
    p.add_argument("--subtitle", help="subtitle on the map")
    p.add_argument("--data", metavar="FOLDER", help="dataset folder (default: the built-in data)")
    p.add_argument("--lang", default="en", choices=LANGUAGES,
                   help="language of the labels, legend and captions (default en)")
    p.add_argument("--second-lang", dest="second_lang", choices=LANGUAGES,
                   help="a second language for the labels and legend, beneath the first (bilingual map)")


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


def export(ds, out: Path, fmt: str, width: int, height: int, view_name: str | None, title, subtitle,
           lang: str = "en", second: str | None = None) -> str:
    """Write one export; returns a one-line summary. Raises UsageError/RuntimeError with a message."""
    from layers.views import ViewError, find_view, load_views, resolve_view

    try:
        views = load_views(ds)
        view = find_view(views, view_name) if view_name else views[0]
    except ViewError as exc:
        raise UsageError(str(exc)) from None
    if _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import make_app

    app = make_app()
    from .exporting import Export, layers_for_view

    resolved = resolve_view(ds, view)
    job = Export(ds, out, width, height, layer_list=layers_for_view(ds, view), bounds=resolved["bounds"],
                 highlight=resolved["highlight"], title=title or view.title_in(lang), subtitle=subtitle or view.subtitle_in(lang),
                 views=[view] if view_name else views, lang=lang, second=second)
    result: dict = {}
    job.finished.connect(lambda path: (result.setdefault("ok", path), app.quit()))
    job.failed.connect(lambda msg: (result.setdefault("error", msg), app.quit()))
    job.start()
    app.exec()
    if "ok" not in result:
        raise RuntimeError(result.get("error", "the export did not finish"))
    what = {"png": f"{width}×{height} px PNG", "pdf": "vector PDF", "html": "interactive offline HTML",
            "pptx": f"PowerPoint deck, {len(job.views)} slides"}[fmt]
    return f"wrote {out} ({what}, {out.stat().st_size / 1e6:.1f} MB)"


def run(args) -> int:
    from geodata.dataset import Dataset, DatasetError

    out = Path(args.out)
    try:
        fmt = _check_output(out)
        width, height = _parse_size(args)
        ds = Dataset.load(args.data)
        print(export(ds, out, fmt, width, height, args.view, args.title, args.subtitle,
                     getattr(args, "lang", "en") or "en", getattr(args, "second_lang", None)))
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
