"""geodata.atomic: a failed write leaves the old file whole and no temporary file behind."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from geodata.atomic import atomic_write, atomic_write_bytes, atomic_write_text, backup_path  # noqa: E402


class Boom(RuntimeError):
    pass


def test_writes_new_file(tmp_path):
    target = tmp_path / "nodes.geojson"
    atomic_write_text(target, '{"a": "Қазақстан"}\n')
    assert target.read_text(encoding="utf-8") == '{"a": "Қазақстан"}\n'
    assert os.listdir(tmp_path) == ["nodes.geojson"]


def test_replaces_existing_file(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert os.listdir(tmp_path) == ["out.bin"]


def test_failure_mid_write_keeps_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "segments.geojson"
    target.write_text("OLD VERSION", encoding="utf-8")

    def half_then_fail(fh):
        fh.write(b"NEW VERSION, first half ")
        fh.flush()
        raise Boom("disk pulled out")

    with pytest.raises(Boom):
        atomic_write(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "OLD VERSION"
    assert os.listdir(tmp_path) == ["segments.geojson"]


def test_failure_with_backup_requested_keeps_everything_as_it_was(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("v1", encoding="utf-8")

    def fail(fh):
        fh.write(b"v2")
        raise Boom()

    with pytest.raises(Boom):
        atomic_write(target, fail, backup=True)
    assert target.read_text(encoding="utf-8") == "v1"
    assert os.listdir(tmp_path) == ["a.json"]


def test_failure_on_a_new_file_creates_nothing(tmp_path):
    def fail(fh):
        fh.write(b"partial")
        raise Boom()

    with pytest.raises(Boom):
        atomic_write(tmp_path / "new.json", fail)
    assert os.listdir(tmp_path) == []


def test_failed_replace_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    target.write_text("v1", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "v2")
    assert target.read_text(encoding="utf-8") == "v1"
    assert os.listdir(tmp_path) == ["a.json"]


def test_backup_keeps_previous_version(tmp_path):
    target = tmp_path / "corridors.json"
    target.write_text("v1", encoding="utf-8")
    atomic_write_text(target, "v2", backup=True)
    assert target.read_text(encoding="utf-8") == "v2"
    assert backup_path(target) == tmp_path / "corridors.json.bak"
    assert backup_path(target).read_text(encoding="utf-8") == "v1"
    atomic_write_text(target, "v3", backup=True)
    assert backup_path(target).read_text(encoding="utf-8") == "v2"
    assert sorted(os.listdir(tmp_path)) == ["corridors.json", "corridors.json.bak"]


def test_backup_of_missing_file_is_skipped(tmp_path):
    target = tmp_path / "fresh.json"
    atomic_write_text(target, "v1", backup=True)
    assert os.listdir(tmp_path) == ["fresh.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_keeps_permissions_of_the_old_file(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("v1", encoding="utf-8")
    os.chmod(target, 0o644)
    atomic_write_text(target, "v2")
    assert target.stat().st_mode & 0o777 == 0o644


def test_text_is_written_verbatim(tmp_path):
    target = tmp_path / "t.txt"
    atomic_write_text(target, "a\r\nb\n<script>x</script>")
    assert target.read_bytes() == b"a\r\nb\n<script>x</script>"
