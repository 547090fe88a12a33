"""Saving the five files together (atomic, with backups), the working copy, recovery files."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geodata import BUILTIN_DATA
from geodata.atomic import backup_path
from geodata.dataset import FILES, Dataset, DatasetError
from geodata.editing import set_properties
from geodata.saving import MANIFEST, SaveError, finish_interrupted_save, render_all, save_dataset
from geodata import workspace

REPO = Path(__file__).resolve().parents[2]


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def folder(tmp_path):
    dest = tmp_path / "data"
    shutil.copytree(BUILTIN_DATA, dest)
    return dest


@pytest.fixture
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return workspace.user_data_root()


def _edited(folder: Path, note: str = "edited") -> Dataset:
    ds = Dataset.load(folder)
    for sid in list(ds.segments)[:3]:
        set_properties(ds, "segments", sid, {"note": note}).apply(ds)
    aid = next(iter(ds.agreements))
    set_properties(ds, "agreements", aid, {"status": "in_force"}).apply(ds)
    return ds


def test_an_unedited_dataset_saves_byte_for_byte(folder):
    before = hashes(folder)
    save_dataset(Dataset.load(folder))
    after = hashes(folder)
    assert {n: after[n] for n in before} == before
    for name in FILES:
        assert backup_path(folder / name).read_bytes() == (folder / name).read_bytes()


def test_save_writes_all_files_keeps_backups_and_leaves_nothing_behind(folder):
    old = {name: (folder / name).read_bytes() for name in FILES}
    ds = _edited(folder)
    save_dataset(ds)
    again = Dataset.load(folder)
    sid = list(again.segments)[0]
    assert again.segments[sid]["properties"]["note"] == "edited"
    assert again.agreements[next(iter(again.agreements))]["status"] == "in_force"
    for name in FILES:
        assert backup_path(folder / name).read_bytes() == old[name]
    assert not list(folder.glob(".*.tmp")) and not (folder / MANIFEST).exists()
    # a second save keeps the first save's files as the backup
    first = {name: (folder / name).read_bytes() for name in FILES}
    save_dataset(_edited(folder, "second"))
    assert backup_path(folder / "segments.geojson").read_bytes() == first["segments.geojson"]


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("phase, at", [("written", "agreements.json"), ("backed-up", "segments.geojson"),
                                       ("manifest", MANIFEST), ("replaced", "segments.geojson"),
                                       ("replaced", "corridors.json")])
def test_a_failure_mid_save_leaves_the_old_files_intact(folder, phase, at):
    ds = _edited(folder)
    before = {n: h for n, h in hashes(folder).items() if not n.endswith(".bak")}

    def fail(p, name):
        if (p, name) == (phase, at):
            raise Boom(f"simulated failure after {p} {name}")

    with pytest.raises(SaveError) as err:
        save_dataset(ds, on_step=fail)
    assert "nothing was changed" in str(err.value) and isinstance(err.value.__cause__, Boom)
    after = {n: h for n, h in hashes(folder).items() if not n.endswith(".bak")}
    assert after == before                                   # every file as it was, nothing added
    assert not list(folder.glob(".*")), list(folder.glob(".*"))  # no temporary files, no manifest
    assert Dataset.load(folder).segments[list(ds.segments)[0]]["properties"]["note"] != "edited"
    save_dataset(ds)                                         # and the next save works
    assert Dataset.load(folder).segments[list(ds.segments)[0]]["properties"]["note"] == "edited"


def _crash_mid_save(folder: Path, phase: str, at: str) -> None:
    """A real crash: a separate process saves and dies (os._exit) in the middle."""
    code = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(REPO)!r})
        from geodata.dataset import Dataset
        from geodata.editing import set_properties
        from geodata.saving import save_dataset
        ds = Dataset.load({str(folder)!r})
        for sid in list(ds.segments)[:3]:
            set_properties(ds, "segments", sid, {{"note": "edited"}}).apply(ds)
        set_properties(ds, "agreements", next(iter(ds.agreements)), {{"status": "in_force"}}).apply(ds)
        def die(p, name):
            if (p, name) == ({phase!r}, {at!r}):
                os._exit(7)
        save_dataset(ds, on_step=die)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 7, proc.stderr


def test_a_crash_between_replacements_is_completed_on_the_next_open(folder):
    old = hashes(folder)
    _crash_mid_save(folder, "replaced", "segments.geojson")
    # the crash left a mix: nodes and segments new, the rest old, and the manifest
    assert (folder / MANIFEST).exists()
    mixed = hashes(folder)
    assert mixed["segments.geojson"] != old["segments.geojson"] and mixed["agreements.json"] == old["agreements.json"]
    ds = workspace.open_dataset(folder)                    # finishes the save first
    assert ds.segments[list(ds.segments)[0]]["properties"]["note"] == "edited"
    assert ds.agreements[next(iter(ds.agreements))]["status"] == "in_force"
    assert not (folder / MANIFEST).exists() and not list(folder.glob(".*.tmp"))


def test_a_crash_whose_temporary_files_are_lost_is_rolled_back(folder):
    old = {n: h for n, h in hashes(folder).items()}
    _crash_mid_save(folder, "replaced", "nodes.geojson")
    for temp in folder.glob(".agreements.json.*.tmp"):
        temp.unlink()                                      # cannot complete: go back
    assert finish_interrupted_save(folder) == "rolled back"
    now = hashes(folder)
    assert {n: now[n] for n in FILES} == {n: old[n] for n in FILES}


def test_a_crash_before_the_manifest_leaves_only_temporary_files_which_are_removed(folder):
    old = {n: h for n, h in hashes(folder).items()}
    _crash_mid_save(folder, "written", "corridors.json")
    assert list(folder.glob(".*.tmp")) and not (folder / MANIFEST).exists()
    assert finish_interrupted_save(folder) is None
    assert not list(folder.glob(".*.tmp"))
    now = hashes(folder)
    assert {n: now[n] for n in FILES} == {n: old[n] for n in FILES}


def test_the_builtin_folder_is_never_written():
    before = hashes(BUILTIN_DATA)
    with pytest.raises(SaveError, match="built-in"):
        save_dataset(Dataset.load())
    assert hashes(BUILTIN_DATA) == before


def test_a_value_json_cannot_hold_fails_before_touching_the_disk(folder):
    ds = Dataset.load(folder)
    sid = next(iter(ds.segments))
    ds.segments[sid]["geometry"]["coordinates"][0][0] = float("nan")
    before = hashes(folder)
    with pytest.raises(ValueError):
        save_dataset(ds)
    assert hashes(folder) == before


# -- the working copy ---------------------------------------------------------------------------
def test_working_copy_is_made_once_from_the_builtin_data(user_home):
    builtin = hashes(BUILTIN_DATA)
    assert workspace.open_dataset().folder == BUILTIN_DATA      # nothing saved yet: the built-in data
    assert not user_home.exists()
    wc = workspace.ensure_working_copy()
    ds = workspace.open_dataset()
    assert ds.folder == wc and wc.parent == user_home
    assert {n: hashes(wc)[n] for n in FILES} == {n: builtin[n] for n in FILES}
    assert (wc / "views.json").exists()
    set_properties(ds, "segments", next(iter(ds.segments)), {"note": "mine"}).apply(ds)
    save_dataset(ds)
    again = workspace.open_dataset()                        # not copied again: the edit is there
    assert again.segments[next(iter(again.segments))]["properties"]["note"] == "mine"
    assert hashes(BUILTIN_DATA) == builtin
    assert workspace.save_folder(BUILTIN_DATA) == wc


def test_working_copy_takes_the_views_saved_on_the_builtin_data(user_home):
    user_home.mkdir(parents=True)
    (user_home / "views.json").write_text('{"views": []}', encoding="utf-8")
    wc = workspace.ensure_working_copy()
    assert (wc / "views.json").read_text(encoding="utf-8") == '{"views": []}'


def test_an_incomplete_working_copy_is_kept_aside_and_replaced(user_home):
    wc = workspace.ensure_working_copy()
    (wc / "sources.json").unlink()
    (wc / "mine.txt").write_text("keep me", encoding="utf-8")
    workspace.ensure_working_copy()
    assert workspace.is_complete(wc)
    aside = list(user_home.glob("dataset.incomplete-*"))
    assert len(aside) == 1 and (aside[0] / "mine.txt").read_text(encoding="utf-8") == "keep me"


# -- recovery ---------------------------------------------------------------------------------------
def test_recovery_file_round_trip_and_newer_than_the_files(folder, user_home):
    ds = _edited(folder)
    assert workspace.newer_recovery(folder) is None
    path = workspace.write_recovery(ds)
    assert path.parent.parent == user_home
    later = max((folder / n).stat().st_mtime for n in FILES) + 5
    os.utime(path, (later, later))
    assert workspace.newer_recovery(folder) == path
    files = workspace.read_recovery(path)
    restored = Dataset.from_raw(folder, files)
    assert render_all(restored) == render_all(ds)
    # saving makes the files newer than the recovery file
    save_dataset(ds)
    os.utime(path, (later - 10, later - 10))
    assert workspace.newer_recovery(folder) is None
    workspace.discard_recovery(folder)
    assert not path.exists()


def test_recovery_of_the_builtin_data_belongs_to_the_working_copy(user_home):
    ds = Dataset.load()
    path = workspace.write_recovery(ds)
    assert path == workspace.recovery_path(workspace.working_copy_folder())
    assert json.loads(path.read_text(encoding="utf-8"))["folder"] == str(workspace.working_copy_folder().resolve())


@pytest.mark.parametrize("text", ["", "{", "[]", '{"format": "other"}',
                                  '{"format": "corridor-atlas-recovery", "files": {"nodes.geojson": {}}}',
                                  '{"format": "corridor-atlas-recovery", "files": {"nodes.geojson": {"features": [1]}, '
                                  '"segments.geojson": {}, "agreements.json": {}, "corridors.json": {}, "sources.json": {}}}'])
def test_a_bad_recovery_file_is_refused_with_a_reason(tmp_path, text):
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatasetError):
        workspace.read_recovery(path)
