"""Where the user's data lives: the working copy, and recovery files after a crash.

The built-in dataset (geodata/data) is never written to. Without an explicit folder the
user works on a copy of it in their own data folder, made when they first save an edit
(until then the window shows the built-in data itself, so an updated application shows
its updated data):

    <user data>/dataset/        the working copy (made from the built-in data on first use)
    <user data>/recovery/       autosaved unsaved changes, one file per dataset folder

<user data> is platformdirs.user_data_dir("CorridorAtlas", "CorridorAtlas"). A folder the
user opens explicitly (`corridor-atlas --data FOLDER`, File > Open dataset folder) is edited
and saved in place.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from . import BUILTIN_DATA
from .atomic import atomic_write_text
from .dataset import FILES, Dataset, DatasetError
from .saving import dataset_files, finish_interrupted_save, is_builtin

APP_NAME = APP_AUTHOR = "CorridorAtlas"
WORKING_COPY = "dataset"
RECOVERY = "recovery"
RECOVERY_FORMAT = "corridor-atlas-recovery"
# Files of the built-in folder that travel with the dataset into the working copy.
COPIED_SUFFIXES = (".geojson", ".json")


def user_data_root() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def working_copy_folder() -> Path:
    return user_data_root() / WORKING_COPY


def save_folder(folder: Path | str) -> Path:
    """Where edits of the dataset read from `folder` are saved: the working copy for the
    built-in data, else the folder itself."""
    return working_copy_folder() if is_builtin(folder) else Path(folder)


def is_complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in FILES)


def ensure_working_copy(source: Path | str = BUILTIN_DATA, dest: Path | str | None = None) -> Path:
    """The working copy folder, made from `source` if it is not there yet (copied to a
    temporary folder first, then renamed into place, so it is never half there).

    Views the user saved while on the built-in data (<user data>/views.json) go with it."""
    dest = Path(dest) if dest is not None else working_copy_folder()
    if is_complete(dest):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = dest.with_name(f".{dest.name}.copying-{os.getpid()}")
    if temp.exists():
        shutil.rmtree(temp)
    temp.mkdir()
    try:
        for path in sorted(Path(source).iterdir()):
            if path.is_file() and path.suffix in COPIED_SUFFIXES:
                shutil.copy2(path, temp / path.name)
        user_views = dest.parent / "views.json"
        if is_builtin(source) and user_views.is_file():
            shutil.copy2(user_views, temp / "views.json")
        if dest.exists():  # incomplete (a file deleted by hand?): keep it aside, never delete user data
            stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            dest.rename(dest.with_name(f"{dest.name}.incomplete-{stamp}"))
        os.replace(temp, dest)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return dest


def open_dataset(folder: Path | str | None = None) -> Dataset:
    """The dataset to work on: `folder` if given (an explicit choice), else the working copy
    if the user has saved one, else the built-in data (its first save makes the working copy:
    see save_folder). A save interrupted by a crash is finished first."""
    if folder is not None:
        target = Path(folder)
    else:
        target = working_copy_folder()
        finish_interrupted_save(target)
        if not is_complete(target):
            return Dataset.load(BUILTIN_DATA)
    finish_interrupted_save(target)
    return Dataset.load(target)


# -- recovery (autosave) ------------------------------------------------------------------------
def recovery_path(folder: Path | str) -> Path:
    """The recovery file for the dataset saved in `folder` (see save_folder)."""
    resolved = Path(folder).resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:12]
    slug = re.sub(r"[^a-zA-Z0-9_-]+", "-", resolved.name).strip("-")[:40] or "dataset"
    return user_data_root() / RECOVERY / f"{slug}-{digest}.json"


def write_recovery(ds: Dataset, folder: Path | str | None = None) -> Path:
    """Autosave: the whole dataset as one JSON file (atomically) beside the user's data."""
    folder = save_folder(folder if folder is not None else ds.folder)
    path = recovery_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": RECOVERY_FORMAT, "version": 1, "folder": str(Path(folder).resolve()),
               "saved_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
               "files": dataset_files(ds)}
    atomic_write_text(path, json.dumps(payload, ensure_ascii=False, allow_nan=False))
    return path


def newer_recovery(folder: Path | str) -> Path | None:
    """The recovery file for `folder` if it is newer than the dataset's files there (changes
    that were never saved: the application did not close normally)."""
    folder = save_folder(folder)
    path = recovery_path(folder)
    if not path.is_file():
        return None
    times = [(folder / name).stat().st_mtime for name in FILES if (folder / name).is_file()]
    if times and path.stat().st_mtime <= max(times):
        return None
    return path


def read_recovery(path: Path | str) -> dict[str, dict]:
    """The five files' JSON from a recovery file; DatasetError if it is not a usable one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetError(f"{path}: not a readable recovery file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT or not isinstance(data.get("files"), dict):
        raise DatasetError(f"{path}: not a Corridor Atlas recovery file")
    files = data["files"]
    missing = [name for name in FILES if not isinstance(files.get(name), dict)]
    if missing:
        raise DatasetError(f"{path}: the recovery file lacks {', '.join(missing)}")
    try:
        Dataset.from_raw(path.parent, files)
    except (KeyError, TypeError, AttributeError) as exc:
        raise DatasetError(f"{path}: the recovery file is damaged ({type(exc).__name__}: {exc})") from None
    return files


def discard_recovery(folder: Path | str) -> None:
    """Remove the recovery file of `folder` (and an older one kept beside it)."""
    path = recovery_path(save_folder(folder))
    for p in (path, path.with_name(path.stem + ".older.json")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


__all__ = ["user_data_root", "working_copy_folder", "save_folder", "ensure_working_copy", "open_dataset",
           "recovery_path", "write_recovery", "newer_recovery", "read_recovery", "discard_recovery"]
