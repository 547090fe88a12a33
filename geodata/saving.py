"""Saving a Dataset to its folder: the five files together, or none of them.

One file at a time is atomic already (geodata.atomic); five files are not, so a save runs
in phases:

1. every new file is written to a temporary name in the folder and fsync'ed;
2. the current files are copied to NAME.bak (the backup the user can go back to);
3. a manifest (.corridor-atlas-save.json) lists the temporary files with the SHA-256 of
   the old and the new content;
4. the temporary files replace the real ones, one os.replace each; the manifest goes last.

An error in the process (disk full, permission, ...) rolls back: the files already replaced
get their old bytes back, temporary files and the manifest are removed, the error is
raised. A crash (power cut, killed process) leaves the manifest: `finish_interrupted_save`
(run before every open and save) then completes the save from the temporary files, or,
when they are gone, puts the old files back, so the folder never stays a mix of two saves.

The built-in dataset folder is never written to (SaveError).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from . import BUILTIN_DATA
from .atomic import atomic_write_bytes, atomic_write_text, backup_path, fsync_folder, remove_quietly, write_temp_beside
from .dataset import FILES, Dataset

MANIFEST = ".corridor-atlas-save.json"
Step = Callable[[str, str], None]  # (phase, file name): a hook for tests (simulated failures)


class SaveError(OSError):
    """The dataset could not be saved; the files on disk are as they were."""


# -- rendering ----------------------------------------------------------------------------
def dataset_files(ds: Dataset) -> dict[str, dict]:
    """The five files' JSON, in the dataset's order (the order it was read in)."""
    return ds.to_raw()


def render(name: str, data: dict) -> str:
    """A file's text, laid out like the built-in data: one feature per line in the GeoJSON
    files (readable diffs), indented JSON for the others."""
    if name.endswith(".geojson"):
        lines = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
                           for f in data["features"])
        return '{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n"
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def render_all(ds: Dataset) -> dict[str, bytes]:
    return {name: render(name, data).encode("utf-8") for name, data in dataset_files(ds).items()}


def is_builtin(folder: Path | str) -> bool:
    return Path(folder).resolve() == BUILTIN_DATA.resolve()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha(path: Path) -> str | None:
    try:
        return _sha(path.read_bytes())
    except FileNotFoundError:
        return None


# -- saving -------------------------------------------------------------------------------
def save_dataset(ds: Dataset, folder: Path | str | None = None, *, on_step: Step | None = None) -> Path:
    """Write the dataset's five files into `folder` (default: ds.folder) with a .bak of each
    previous file. Returns the folder. Raises SaveError (the folder unchanged) on failure."""
    folder = Path(folder) if folder is not None else Path(ds.folder)
    if is_builtin(folder):
        raise SaveError(f"{folder} is the built-in dataset, which is never overwritten; "
                        "save to your working copy instead")
    step = on_step or (lambda phase, name: None)
    contents = render_all(ds)  # before touching the disk: a value JSON cannot hold fails here
    try:
        folder.mkdir(parents=True, exist_ok=True)
        finish_interrupted_save(folder)
    except OSError as exc:
        raise SaveError(f"cannot save to {folder}: {exc}") from exc
    temps: dict[str, Path] = {}
    old: dict[str, bytes | None] = {}
    replaced: list[str] = []
    try:
        for name in FILES:
            temps[name] = write_temp_beside(folder / name, lambda fh, data=contents[name]: fh.write(data))
            step("written", name)
        for name in FILES:
            target = folder / name
            old[name] = target.read_bytes() if target.exists() else None
            if old[name] is not None:
                atomic_write_bytes(backup_path(target), old[name])
            step("backed-up", name)
        manifest = {"files": {name: {"temp": temps[name].name, "new": _sha(contents[name]),
                                     "old": None if old[name] is None else _sha(old[name])} for name in FILES}}
        atomic_write_text(folder / MANIFEST, json.dumps(manifest, indent=1))
        step("manifest", MANIFEST)
        for name in FILES:
            os.replace(temps[name], folder / name)
            replaced.append(name)
            step("replaced", name)
        fsync_folder(folder)
        (folder / MANIFEST).unlink()
        step("done", MANIFEST)
    except BaseException as exc:
        try:
            for name in replaced:
                if old.get(name) is None:
                    remove_quietly(folder / name)
                else:
                    atomic_write_bytes(folder / name, old[name])
        except BaseException:
            raise  # the manifest stays: finish_interrupted_save completes the save on the next open
        for temp in temps.values():
            remove_quietly(temp)
        remove_quietly(folder / MANIFEST)
        if isinstance(exc, Exception) and not isinstance(exc, SaveError):
            raise SaveError(f"saving to {folder} failed, nothing was changed: {exc}") from exc
        raise
    return folder


def finish_interrupted_save(folder: Path | str) -> str | None:
    """Complete (or undo) a save that a crash interrupted, and remove its leftovers.

    Returns "completed", "rolled back" or None (nothing was interrupted). Raises SaveError
    when neither is possible (the files are then left as they are, with the manifest)."""
    folder = Path(folder)
    if is_builtin(folder) or not folder.is_dir():
        return None
    manifest_path = folder / MANIFEST
    outcome = None
    if manifest_path.exists():
        try:
            files = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
            entries = {name: files[name] for name in FILES}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SaveError(f"{manifest_path}: an interrupted save cannot be finished (unreadable manifest: {exc})") \
                from None
        outcome = _roll_forward(folder, entries) or _roll_back(folder, entries)
        if outcome is None:
            raise SaveError(f"{folder}: a save was interrupted and can be neither completed nor undone; "
                            f"the .bak files hold the previous version")
        fsync_folder(folder)
        manifest_path.unlink()
    for name in FILES:  # temporary files of a save (or write) that never got to its manifest
        for temp in folder.glob(f".{name}.*.tmp"):
            remove_quietly(temp)
    return outcome


def _roll_forward(folder: Path, entries: dict) -> str | None:
    todo = []
    for name, entry in entries.items():
        if _file_sha(folder / name) == entry["new"]:
            continue
        temp = folder / Path(str(entry["temp"])).name
        if _file_sha(temp) != entry["new"]:
            return None
        todo.append((temp, folder / name))
    for temp, target in todo:
        os.replace(temp, target)
    return "completed"


def _roll_back(folder: Path, entries: dict) -> str | None:
    todo = []
    for name, entry in entries.items():
        target = folder / name
        current = _file_sha(target)
        if current == entry["old"]:
            continue
        if entry["old"] is None:
            todo.append((None, target))
            continue
        bak = backup_path(target)
        if _file_sha(bak) != entry["old"]:
            return None
        todo.append((bak, target))
    for bak, target in todo:
        if bak is None:
            remove_quietly(target)
        else:
            atomic_write_bytes(target, bak.read_bytes())
    return "rolled back"
