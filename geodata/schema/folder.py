"""Validate a whole dataset folder (the five files together) against docs/DATA.md."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..dataset import FILES, Dataset, DatasetError, read_json
from .problems import RECORD_NOUN, Problem
from .records import Refs, check_agreement, check_corridor, check_node, check_segment, check_source
from .rules import Checker, json_type, show

FEATURE_FILES = {"nodes.geojson": check_node, "segments.geojson": check_segment}
RECORD_FILES = {  # file -> (top-level key, check)
    "agreements.json": ("agreements", check_agreement),
    "corridors.json": ("corridors", check_corridor),
    "sources.json": ("sources", check_source),
}


def validate_dataset(source: Path | str | Dataset) -> list[Problem]:
    """Every problem of a dataset folder (or of a Dataset held in memory); [] when clean.

    Never raises for bad data: unreadable files, wrong shapes and bad values all come back
    as Problems."""
    problems: list[Problem] = []
    if isinstance(source, Dataset):
        raw = _raw_from_dataset(source)
    else:
        raw = _read_folder(Path(source), problems)
        if raw is None:
            return problems
    records = {name: _records(name, raw.get(name), problems) for name in FILES}
    refs = Refs.build(
        (rec for _, rec in records["nodes.geojson"]),
        (rec for _, rec in records["segments.geojson"]),
        (rec for _, rec in records["agreements.json"]),
        (rec for _, rec in records["sources.json"]),
    )
    for name in FILES:
        for label, rec in records[name]:
            ck = Checker(name, label, problems)
            try:
                if name in FEATURE_FILES:
                    FEATURE_FILES[name](rec["properties"], rec.get("geometry"), refs, ck)
                else:
                    RECORD_FILES[name][1](rec, refs, ck)
            except Exception as exc:  # noqa: BLE001 - a rule tripping on odd data must not hide the rest
                ck.add(None, f"could not be checked completely ({type(exc).__name__}: {exc})")
    return problems


def _read_folder(folder: Path, problems: list[Problem]) -> dict[str, Any] | None:
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is a file, not a dataset folder"
        problems.append(Problem(str(folder), None, None, f"{what} (a dataset folder holds {', '.join(FILES)})"))
        return None
    raw: dict[str, Any] = {}
    for name in FILES:
        path = folder / name
        try:
            raw[name] = read_json(path)
        except DatasetError as exc:
            message = str(exc)
            prefix = f"{path}: "
            problems.append(Problem(name, None, None, message[len(prefix):] if message.startswith(prefix) else message))
        except RecursionError:
            problems.append(Problem(name, None, None, "the JSON is nested too deeply to read"))
    return raw


def _raw_from_dataset(ds: Dataset) -> dict[str, Any]:
    return ds.to_raw()


def _records(name: str, data: Any, problems: list[Problem]) -> list[tuple[str, dict]]:
    """The well-formed records of one file as (label, record), in file order; shape problems
    and duplicate ids are reported here. A record's label is its id, or '#N' without one."""
    if data is None:
        return []  # unreadable: already reported
    feature_file = name in FEATURE_FILES
    key = "features" if feature_file else RECORD_FILES[name][0]
    if feature_file and data.get("type") != "FeatureCollection":
        problems.append(Problem(name, None, "type", f"must be 'FeatureCollection', not {show(data.get('type'))}"))
    items = data.get(key)
    if not isinstance(items, list):
        problems.append(Problem(name, None, key, f"the file must hold a list under '{key}', "
                                                 f"not {json_type(items) if key in data else 'nothing'}"))
        return []
    good: list[tuple[str, dict]] = []
    first_seen: dict[str, int] = {}
    for n, item in enumerate(items, start=1):
        props = item.get("properties") if feature_file and isinstance(item, dict) else item
        rid = props.get("id") if isinstance(props, dict) else None
        label = rid if isinstance(rid, str) and rid else f"#{n}"
        if not _well_formed(name, label, item, feature_file, problems):
            continue
        if isinstance(rid, str) and rid:
            if rid in first_seen:
                noun = RECORD_NOUN[name]
                problems.append(Problem(name, rid, "id", f"{show(rid)} is the id of more than one {noun} "
                                                         f"(#{first_seen[rid]} and #{n}); ids must be unique"))
                continue
            first_seen[rid] = n
        good.append((label, item))
    return good


def _well_formed(name: str, label: str, item: Any, feature_file: bool, problems: list[Problem]) -> bool:
    if not isinstance(item, dict):
        kind = "a GeoJSON Feature" if feature_file else "an object"
        problems.append(Problem(name, label, None, f"must be {kind}, not {json_type(item)} {show(item)}"))
        return False
    if not feature_file:
        return True
    ok = True
    if item.get("type") != "Feature":
        problems.append(Problem(name, label, "type", f"must be 'Feature', not {show(item.get('type'))}"))
        ok = False
    if not isinstance(item.get("properties"), dict):
        problems.append(Problem(name, label, "properties", f"must be an object, not {json_type(item.get('properties'))}"))
        ok = False
    return ok
