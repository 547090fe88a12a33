"""`corridor-atlas route` run as a real command (subprocess from the repository root) on
the sample network of test_network.py, and on the built-in data when it is there."""
from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geodata import BUILTIN_DATA

ROOT = Path(__file__).resolve().parents[2]

_spec = importlib.util.spec_from_file_location("_route_sample", Path(__file__).with_name("test_network.py"))
sample_net = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample_net)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return sample_net.write_sample(tmp_path_factory.mktemp("cli") / "sample")


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    e = dict(os.environ)
    e["CORRIDOR_ATLAS_ASSUMPTIONS"] = str(tmp_path_factory.mktemp("cfg") / "none.json")  # no user copy
    e.pop("PYTHONPATH", None)
    return e


def run(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gui.cli", "route", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def run_json(*args: str, env: dict) -> dict:
    p = run(*args, "--json", env=env)
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""
    return json.loads(p.stdout)  # exactly one JSON object


def no_traceback(p):
    assert "Traceback" not in p.stderr and "Traceback" not in p.stdout


def test_json_output(data, env):
    out = run_json("Almaty", "karachi", "--data", str(data), env=env)
    for key in ("total_km", "legs", "border_crossings", "transshipments", "hours", "agreements", "assumptions",
                "warnings"):
        assert key in out
    assert "alternatives" not in out
    assert out["from"] == "almaty" and out["to"] == "karachi"
    leg_keys = {"id", "name", "from", "to", "mode", "status", "km", "countries", "gauge_mm"}
    for leg in out["legs"]:
        assert leg_keys <= set(leg)
    assert out["total_km"] == pytest.approx(sum(leg["km"] for leg in out["legs"]), abs=1e-9)
    assert out["legs"][0]["from"] == "almaty" and out["legs"][-1]["to"] == "karachi"
    for a, b in zip(out["legs"], out["legs"][1:]):
        assert a["to"] == b["from"]
    assert [c["node"] for c in out["border_crossings"]] == ["saryagash", "hairatan", "torkham"]
    assert [(t["node"], t["kind"]) for t in out["transshipments"]] == [("torkham", "break_of_gauge")]
    assert out["hours"] > 0
    assert out["assumptions"]["speed_kmh"]["rail"]["operational"] > 0
    assert "transafghan_financing" in out["unsigned_agreements"]
    assert any("under negotiation" in w for w in out["warnings"])


def test_existing_only_json(data, env):
    out = run_json("Almaty", "karachi", "--existing-only", "--data", str(data), env=env)
    assert {leg["status"] for leg in out["legs"]} == {"operational"}
    assert out["options"]["statuses"] == ["operational"]
    out = run_json("Almaty", "karachi", "--existing-only", "--alternatives", "4", "--data", str(data), env=env)
    for alt in out["alternatives"]:
        assert {leg["status"] for leg in alt["legs"]} == {"operational"}


def test_names_are_fuzzy(data, env):
    out = run_json("almaty", "Port Qasim", "--data", str(data), env=env)
    assert out["to"] == "port_qasim"
    out = run_json("Алматы", "Gwadr", "--data", str(data), env=env)
    assert (out["from"], out["to"]) == ("almaty", "gwadar")


def test_alternatives(data, env):
    out = run_json("Almaty", "Karachi", "--alternatives", "3", "--by", "time", "--data", str(data), env=env)
    alts = out["alternatives"]
    assert len(alts) == 3
    assert [a["rank"] for a in alts] == [1, 2, 3]
    assert len({tuple(leg["id"] for leg in a["legs"]) for a in alts}) == 3
    hours = [a["hours"] for a in alts]
    assert hours == sorted(hours)
    assert alts[0]["legs"] == out["legs"]
    assert len(out["comparison"]) == 3
    assert out["comparison"][0]["hours"] == pytest.approx(out["hours"], abs=0.05)


def test_alternatives_distinct_by_borders(data, env):
    out = run_json("Almaty", "Karachi", "-k", "4", "--distinct", "borders", "--by", "time", "--data", str(data),
                   env=env)
    sigs = [tuple(c["node"] for c in a["border_crossings"]) for a in out["alternatives"]]
    assert len(sigs) == 2 and len(set(sigs)) == 2
    out = run_json("Almaty", "Karachi", "-k", "6", "--distinct", "segments", "--data", str(data), env=env)
    assert len(out["alternatives"]) == 6


def test_avoid(data, env):
    out = run_json("Almaty", "Karachi", "--avoid", "afg", "--data", str(data), env=env)
    assert all("AFG" not in leg["countries"] for leg in out["legs"])
    assert out["options"]["avoid"] == ["AFG"]


def test_as_of_and_scenario(data, env):
    out = run_json("termez", "mazar", "--existing-only", "--as-of", "2010", "--data", str(data), env=env)
    assert out["legs"][-1]["id"] == "hairatan_mazar_road"
    out = run_json("mazar", "torkham", "--existing-only", "--modes", "rail", "--as-of", "2031", "--scenario",
                   "planned", "--data", str(data), env=env)
    assert [leg["id"] for leg in out["legs"]] == ["mazar_kabul_rail", "kabul_torkham_rail"]
    assert out["as_of"] == "2031" and out["scenario"] == "planned"


def test_human_output(data, env):
    p = run("Almaty", "Karachi", "--existing-only", "-k", "2", "--data", str(data), env=env)
    assert p.returncode == 0, p.stderr
    text = p.stdout
    assert "Almaty (almaty) -> Karachi (karachi)" in text
    assert "from" in text and "mode" in text and "km" in text
    assert "Total:" in text and "Border crossings (3)" in text and "Transshipments (2)" in text
    assert "Mazar-i-Sharif: rail -> road" in text
    assert "Alternatives (2, best first)" in text


def test_csv_export(data, env, tmp_path):
    out = tmp_path / "routes.csv"
    p = run("Almaty", "Karachi", "-k", "3", "--csv", str(out), "--data", str(data), env=env)
    assert p.returncode == 0, p.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == 3
    assert rows[0]["label"].startswith("via ")


def test_assumptions_option(data, env, tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"dwell_hours": {"border_crossing": {"rail": 100}}}))
    out = run_json("Almaty", "Karachi", "--assumptions", str(f), "--data", str(data), env=env)
    assert out["assumptions"]["dwell_hours"]["border_crossing"]["rail"] == 100
    assert {c["hours"] for c in out["border_crossings"]} == {100}
    f.write_text("{oops")
    p = run("Almaty", "Karachi", "--assumptions", str(f), "--data", str(data), env=env)
    assert p.returncode == 2 and "invalid JSON" in p.stderr
    no_traceback(p)


@pytest.mark.parametrize("args, code, message", [
    (["Chaman", "Karachi"], 2, "unknown place 'Chaman'"),
    (["Atlantis", "Karachi"], 2, "unknown place"),
    (["Almaty", "Karachi", "--modes", "rail,air"], 2, "unknown mode 'air'"),
    (["Almaty", "Karachi", "--modes", ""], 2, "no mode given"),
    (["Almaty", "Karachi", "--alternatives", "0"], 2, "--alternatives"),
    (["Almaty", "Karachi", "--alternatives", "three"], 2, "expected a whole number"),
    (["Almaty", "Karachi", "--avoid", "Afghanistan"], 2, "ISO 3166-1 alpha-3"),
    (["Almaty", "Karachi", "--as-of", "next year"], 2, "bad --as-of date"),
    (["Almaty", "Karachi", "--by", "money"], 2, "invalid choice"),
    (["Almaty", "Karachi", "--distinct", "colour"], 2, "invalid choice"),
    (["Almaty", "Karachi", "--existing-only", "--statuses", "planned"], 2, "not allowed with"),
    (["Almaty", "Almaty"], 2, "same place"),
    (["Almaty", "Karachi", "--modes", "road"], 1, "no route from Almaty (almaty) to Karachi (karachi)"),
    (["Almaty", "Karachi", "--avoid", "AFG,IRN"], 1, "drop --avoid"),
    (["Almaty", "Kabul", "--avoid", "AFG"], 1, "Kabul (kabul) is in AFG"),
])
def test_errors(data, env, args, code, message):
    p = run(*args, "--data", str(data), env=env)
    assert p.returncode == code, (p.stdout, p.stderr)
    assert message in p.stderr
    assert p.stdout == ""
    no_traceback(p)


def test_ambiguous_place_lists_candidates(tmp_path, env):
    rec = sample_net.sample_records()
    for nid in ("almaty_1", "almaty_2"):
        rec["nodes.geojson"]["features"].append(sample_net._feature(
            {"type": "Point", "coordinates": [76.9, 43.3]},
            {"id": nid, "name": nid.replace("_", "-").title(), "kind": "junction", "country": "KAZ",
             "modes": ["rail"], "status": "operational"}))
    folder = sample_net.write_records(tmp_path / "amb", rec)
    p = run("Almaty-3", "Karachi", "--data", str(folder), env=env)
    assert p.returncode == 2
    assert "ambiguous" in p.stderr and "almaty_1" in p.stderr and "almaty_2" in p.stderr
    no_traceback(p)
    p = run("Almaty-2", "Karachi", "--data", str(folder), env=env)  # resolved; on no segment
    assert p.returncode == 1 and "Almaty-2 (almaty_2) is in a piece of 1 node(s)" in p.stderr


def test_missing_data_folder(env, tmp_path):
    p = run("Almaty", "Karachi", "--data", str(tmp_path / "nothing"), env=env)
    assert p.returncode == 2 and "cannot read the dataset" in p.stderr
    no_traceback(p)


def test_broken_data_file(env, tmp_path, data):
    folder = sample_net.write_sample(tmp_path / "broken")
    (folder / "segments.geojson").write_text("{ not json")
    p = run("Almaty", "Karachi", "--data", str(folder), env=env)
    assert p.returncode == 2 and "invalid JSON" in p.stderr
    no_traceback(p)


def test_help(env):
    p = run("--help", env=env)
    assert p.returncode == 0
    assert "--existing-only" in p.stdout and "--alternatives" in p.stdout


# --- the built-in data ------------------------------------------------------------------

builtin = pytest.mark.skipif(not (BUILTIN_DATA / "nodes.geojson").exists() or
                             not (BUILTIN_DATA / "segments.geojson").exists(),
                             reason="built-in data not there yet (geodata/data/nodes.geojson)")


@builtin
@pytest.mark.parametrize("extra", [[], ["--existing-only"], ["--by", "time", "--alternatives", "3"]])
def test_builtin_almaty_karachi(env, extra):
    p = run("Almaty", "Karachi", "--json", *extra, env=env)
    no_traceback(p)
    if p.returncode == 1 and "--existing-only" in extra:
        assert "no route" in p.stderr
        return
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["total_km"] == pytest.approx(sum(leg["km"] for leg in out["legs"]), abs=1e-9)
    assert out["border_crossings"]
    if "--existing-only" in extra:
        assert {leg["status"] for leg in out["legs"]} == {"operational"}
