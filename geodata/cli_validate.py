"""`corridor-atlas validate PATH`: check a dataset folder or a single GIS file.

A folder holding the dataset files is checked against every rule of docs/DATA.md; anything
else is opened with the importer and its layers are listed. Exit status: 0 when clean, 1
when there are problems (or the file cannot be imported), 2 for a bad argument such as a
path that does not exist. Never a traceback: any failure ends as one line saying why.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH",
                        help="a dataset folder (nodes.geojson, segments.geojson, ...) or a GIS file "
                             "(GeoJSON, GeoPackage, Shapefile, KML/KMZ, CSV)")
    parser.add_argument("--max-mb", type=float, default=None, metavar="MB",
                        help="refuse GIS files larger than this (default: the importer's limit)")
    parser.add_argument("--translations", action="store_true",
                        help="also list the names missing in Russian, Kazakh or Urdu (shown in English instead)")


def run(args: argparse.Namespace) -> int:
    _tolerant_output()
    if not str(args.path).strip():
        print("corridor-atlas validate: error: PATH is empty", file=sys.stderr)
        return EXIT_USAGE
    try:
        code = _run(Path(args.path), getattr(args, "max_mb", None))
        if getattr(args, "translations", False) and code != EXIT_USAGE and Path(args.path).is_dir():
            _print_translations(Path(args.path))
        return code
    except KeyboardInterrupt:
        raise
    except BrokenPipeError:
        return EXIT_PROBLEMS
    except BaseException as exc:  # noqa: BLE001 - never a traceback for any input
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"corridor-atlas validate: error: {args.path}: {reason}", file=sys.stderr)
        return EXIT_PROBLEMS


def _run(path: Path, max_mb: float | None) -> int:
    if not path.exists():
        print(f"corridor-atlas validate: error: {path}: no such file or folder", file=sys.stderr)
        return EXIT_USAGE
    if max_mb is not None and max_mb <= 0:
        print("corridor-atlas validate: error: --max-mb must be a positive number", file=sys.stderr)
        return EXIT_USAGE
    if path.is_dir() and _looks_like_dataset(path):
        return _validate_dataset(path)
    return _validate_gis_file(path, max_mb)


def _looks_like_dataset(folder: Path) -> bool:
    from .dataset import FILES

    return any((folder / name).exists() for name in FILES) or not any(
        p.suffix.lower() == ".shp" for p in folder.iterdir())


def _validate_dataset(folder: Path) -> int:
    from .dataset import Dataset, DatasetError
    from .schema import format_problems, validate_dataset

    problems = validate_dataset(folder)
    try:
        ds = Dataset.load(folder)
        counts = (f"{len(ds.nodes)} nodes, {len(ds.segments)} segments, {len(ds.agreements)} agreements, "
                  f"{len(ds.corridors)} corridors, {len(ds.sources)} sources")
    except (DatasetError, KeyError, TypeError, AttributeError):
        counts = "dataset folder"
    if not problems:
        print(f"{folder}: {counts}: no problems found")
        return EXIT_CLEAN
    print(format_problems(problems))
    print(f"{folder}: {counts}: {_count(len(problems), 'problem')} found")
    return EXIT_PROBLEMS


def _validate_gis_file(path: Path, max_mb: float | None) -> int:
    from .importer import DEFAULT_MAX_BYTES, ImportProblem, import_file

    max_bytes = int(max_mb * 1e6) if max_mb is not None else DEFAULT_MAX_BYTES
    try:
        result = import_file(path, max_bytes=max_bytes)
    except ImportProblem as exc:
        print(f"{path}: cannot be imported: {exc.message}")
        return EXIT_PROBLEMS
    print(f"{path}: {_count(len(result), 'layer')}, {_count(result.feature_count, 'feature')}")
    for layer in result:
        kinds = layer.frame.geom_type.value_counts()
        kinds_text = ", ".join(f"{k} {v}" for k, v in kinds.items())
        print(f"  layer '{layer.name}': {_count(len(layer.frame), 'feature')} ({kinds_text})")
        for warning in layer.warnings:
            print(f"    warning: {warning}")
    for warning in result.warnings:
        print(f"  warning: {warning}")
    return EXIT_CLEAN


def _print_translations(folder: Path) -> None:
    """The data-quality report of names (geodata.translations): what is shown in English."""
    from .dataset import Dataset, DatasetError
    from .translations import report

    try:
        ds = Dataset.load(folder)
    except (DatasetError, KeyError, TypeError, AttributeError) as exc:
        print(f"translations not checked: {exc}")
        return
    print()
    print(report(ds))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _tolerant_output() -> None:
    """Names in Cyrillic or Urdu must not crash a console that cannot show them."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
