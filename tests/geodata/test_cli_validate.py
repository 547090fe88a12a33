"""`corridor-atlas validate` run as a real process: exit codes, messages, never a traceback."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _schema_tests():
    """The tiny valid dataset of test_schema.py (one fixture, not a copy)."""
    spec = importlib.util.spec_from_file_location("_schema_tests", Path(__file__).with_name("test_schema.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def validate(path) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "gui.cli", "validate", str(path)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    return proc


def test_builtin_data_is_clean():
    data = ROOT / "geodata" / "data"
    if not (data / "nodes.geojson").exists():
        pytest.skip("geodata/data has no nodes.geojson yet")
    proc = validate(data)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no problems found" in proc.stdout


def test_valid_dataset_exits_0(tmp_path):
    schema = _schema_tests()
    folder = schema.write_dataset(tmp_path / "ds", schema.make_dataset())
    proc = validate(folder)
    assert proc.returncode == 0, proc.stdout
    assert "6 nodes, 5 segments, 1 agreements, 1 corridors, 2 sources: no problems found" in proc.stdout


def test_broken_dataset_lists_every_problem(tmp_path):
    schema = _schema_tests()
    data = schema.make_dataset()
    schema.segment(data, "shymkent-border")["gauge_mm"] = 1600
    schema.node(data, "tashkent")["kind"] = "harbour"
    folder = schema.write_dataset(tmp_path / "ds", data)
    proc = validate(folder)
    assert proc.returncode == 1
    assert ("segments.geojson: segment 'shymkent-border', field 'gauge_mm': "
            "1600 is not a known gauge (1520, 1676, 1435)") in proc.stdout
    assert "nodes.geojson: node 'tashkent', field 'kind': 'harbour' is not a known node kind" in proc.stdout
    assert "2 problems found" in proc.stdout


def test_dataset_with_unreadable_file(tmp_path):
    schema = _schema_tests()
    folder = schema.write_dataset(tmp_path / "ds", schema.make_dataset())
    (folder / "sources.json").write_bytes(b"\xff\xfe not utf-8")
    proc = validate(folder)
    assert proc.returncode == 1
    assert "sources.json: not UTF-8 text" in proc.stdout


def test_good_gis_file_exits_0(tmp_path):
    path = tmp_path / "ports.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Gwadar"}, "geometry": {"type": "Point", "coordinates": [62.33, 25.12]}},
    ]}), encoding="utf-8")
    proc = validate(path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 layer, 1 feature" in proc.stdout and "layer 'ports': 1 feature (Point 1)" in proc.stdout


def test_truncated_geojson(tmp_path):
    path = tmp_path / "cut.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Po',
                    encoding="utf-8")
    proc = validate(path)
    assert proc.returncode == 1
    assert "cut.geojson: cannot be imported: the file ends before the JSON is complete" in proc.stdout


def test_zero_byte_geojson(tmp_path):
    path = tmp_path / "empty.geojson"
    path.write_bytes(b"")
    proc = validate(path)
    assert proc.returncode == 1
    assert "empty.geojson: cannot be imported: the file is empty (0 bytes)" in proc.stdout


def test_csv_without_coordinates(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("name,foo\nKarachi,1\n", encoding="utf-8")
    proc = validate(path)
    assert proc.returncode == 1
    assert "places.csv: cannot be imported: no coordinate columns" in proc.stdout
    assert "name, foo" in proc.stdout


def test_missing_path_is_a_usage_error(tmp_path):
    proc = validate(tmp_path / "no-such-thing.gpkg")
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_missing_argument_is_a_usage_error():
    proc = subprocess.run([sys.executable, "-m", "gui.cli", "validate"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_unexpected_failure_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    import geodata.schema
    from gui.cli import main

    def explode(_folder):
        raise RuntimeError("simulated internal failure\nsecond line")

    monkeypatch.setattr(geodata.schema, "validate_dataset", explode)
    schema = _schema_tests()
    folder = schema.write_dataset(tmp_path / "ds", schema.make_dataset())
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err == f"corridor-atlas validate: error: {folder}: simulated internal failure\n"
