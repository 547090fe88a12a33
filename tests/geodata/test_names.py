"""Resolving places typed by a user (geodata.names) on the sample network of test_network.py."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from geodata import BUILTIN_DATA
from geodata.dataset import Dataset
from geodata.names import AmbiguousPlace, PlaceError, PlaceIndex, UnknownPlace, normalize, resolve
from geodata.network import build_graph

_spec = importlib.util.spec_from_file_location("_route_sample", Path(__file__).with_name("test_network.py"))
sample_net = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample_net)


def _node(nid, name, kind="city", country="PAK", **extra):
    p = {"id": nid, "name": name, "kind": kind, "country": country, "modes": ["rail"], "status": "operational"}
    p.update(extra)
    return sample_net._feature({"type": "Point", "coordinates": [67.0, 25.0]}, p)


@pytest.fixture(scope="module")
def ds(tmp_path_factory) -> Dataset:
    rec = sample_net.sample_records()
    # two stations called Almaty-1 and Almaty-2 next to the city, and two Chamans
    rec["nodes.geojson"]["features"] += [
        _node("almaty_1", "Almaty-1", "junction", "KAZ"),
        _node("almaty_2", "Almaty-2", "junction", "KAZ"),
        _node("chaman_crossing", "Chaman", "border_crossing", None, countries=["PAK", "AFG"], name_other_side="Spin Boldak"),
        _node("chaman_town", "Chaman", "city", "PAK"),
        _node("kushka", "Serhetabat", "border_crossing", None, countries=["TKM", "AFG"],
              names={"ru": "Кушка"}, name_other_side="Torghundi"),
    ]
    return Dataset.load(sample_net.write_records(tmp_path_factory.mktemp("names") / "ds", rec))


@pytest.fixture(scope="module")
def index(ds) -> PlaceIndex:
    return PlaceIndex(ds)


@pytest.mark.parametrize("query, node", [
    ("karachi", "karachi"),
    ("Karachi", "karachi"),
    ("  KARACHI ", "karachi"),
    ("port_qasim", "port_qasim"),           # the id
    ("Port Qasim", "port_qasim"),           # the name
    ("port-qasim", "port_qasim"),
    ("Port Muhammad Bin Qasim", "port_qasim"),  # the names.en translation
    ("Qasim", "port_qasim"),                # every word of the query in a name
    ("Almaty", "almaty"),                   # the exact name wins over Almaty-1 / Almaty-2
    ("Алматы", "almaty"),                   # Russian / Kazakh
    ("Ташкент", "tashkent"),
    ("کراچی", "karachi"),                   # Urdu
    ("Mazar i Sharif", "mazar"),            # punctuation ignored
    ("mazar-e-sharif", "mazar"),            # fuzzy: a spelling variant
    ("Karchi", "karachi"),                  # fuzzy: a typing slip
    ("Tashknet", "tashkent"),
    ("Hairatan", "hairatan"),               # the far side's name of a crossing
    ("Keles", "saryagash"),
    ("Spin Boldak", "chaman_crossing"),
    ("Кушка", "kushka"),
    ("Termez–Hairatan", "hairatan"),        # en dash
    ("termez hairatan", "hairatan"),
    ("Chaman AFG", "chaman_crossing"),              # a trailing country code narrows the choice
    ("Chaman PAK ", None),                  # still two in PAK: ambiguous (checked below)
])
def test_resolves(index, ds, query, node):
    if node is None:
        with pytest.raises(AmbiguousPlace):
            index.resolve(query)
        return
    assert index.resolve(query) == node
    assert resolve(ds, query) == node


def test_resolve_from_a_graph_or_a_dict(ds):
    G = build_graph(ds)
    assert resolve(G, "Port Qasim") == "port_qasim"
    assert resolve({nid: f["properties"] for nid, f in ds.nodes.items()}, "karachi") == "karachi"


@pytest.mark.parametrize("query, expected", [
    ("Chaman", {"chaman_crossing", "chaman_town"}),           # two nodes with the same name
    ("Almaty 1 2", None),
    ("Almaty-", {"almaty"}),
])
def test_ambiguous_or_exact(index, query, expected):
    if expected is None:
        with pytest.raises(PlaceError):
            index.resolve(query)
    elif len(expected) == 1:
        assert index.resolve(query) in expected
    else:
        with pytest.raises(AmbiguousPlace) as exc:
            index.resolve(query)
        assert {c for c, _ in exc.value.candidates} == expected
        msg = str(exc.value)
        assert "ambiguous" in msg and "chaman_town" in msg and "Give the node id" in msg


def test_close_fuzzy_scores_are_ambiguous(index):
    with pytest.raises(AmbiguousPlace) as exc:
        index.resolve("Almaty-3")  # as close to Almaty-1 as to Almaty-2
    ids = [c for c, _ in exc.value.candidates]
    assert {"almaty_1", "almaty_2"} <= set(ids)
    assert "Almaty-1 (almaty_1, junction, KAZ)" in str(exc.value)


def test_station_number_resolves(index):
    assert index.resolve("Almaty-2") == "almaty_2"
    assert index.resolve("almaty 1") == "almaty_1"


@pytest.mark.parametrize("query", ["Samarkand", "xyz", "Lahore"])
def test_unknown_place_lists_closest(index, query):
    with pytest.raises(UnknownPlace) as exc:
        index.resolve(query)
    msg = str(exc.value)
    assert f"unknown place '{query}'" in msg


def test_unknown_place_suggests_close_names(index):
    with pytest.raises(UnknownPlace) as exc:
        index.resolve("Karachi harbour")  # not a name, but Karachi is in it
    assert "Closest: Karachi (karachi, seaport, PAK)" in str(exc.value)
    assert exc.value.candidates[0][0] == "karachi"
    assert index.resolve("Gwadr") == "gwadar"


def test_short_queries_are_not_fuzzy(index):
    with pytest.raises(PlaceError):
        index.resolve("kar")  # 3 letters: too short to guess from


@pytest.mark.parametrize("query", ["", "   ", "--"])
def test_empty_queries(index, query):
    with pytest.raises(UnknownPlace):
        index.resolve(query)


def test_normalize():
    assert normalize("Termez–Hairatan") == "termez hairatan"
    assert normalize("  Mazar-i-Sharif ") == "mazar i sharif"
    assert normalize("Çaman") == "caman"
    assert normalize("port_qasim") == "port qasim"


def test_namesakes(tmp_path):
    rec = sample_net.sample_records()
    rec["nodes.geojson"]["features"].append(_node("karachi_city", "Karachi City", "city", "PAK"))
    rec["nodes.geojson"]["features"].append(_node("gwadar_town", "Gwadar", "city", "PAK"))
    index = PlaceIndex(Dataset.load(sample_net.write_records(tmp_path / "n", rec)))
    assert index.namesakes("karachi_city") == []
    assert index.namesakes("karachi") == []            # itself the port
    assert index.namesakes("gwadar_town") == ["gwadar"]


def test_labels_say_kind_and_country(index):
    assert index.label("torkham") == "Torkham (torkham, border_crossing, AFG/PAK)"
    assert index.label("karachi") == "Karachi (karachi, seaport, PAK)"


# --- the built-in data ------------------------------------------------------------------

builtin = pytest.mark.skipif(not (BUILTIN_DATA / "nodes.geojson").exists(),
                             reason="built-in data not there yet (geodata/data/nodes.geojson)")


@builtin
@pytest.mark.parametrize("query", ["Almaty", "almaty", "Karachi", "karachi", "Port Qasim", "Gwadar"])
def test_builtin_names_resolve(query):
    nid = PlaceIndex(Dataset.load()).resolve(query)
    name = Dataset.load().nodes[nid]["properties"]["name"]
    assert normalize(query).split()[-1] in normalize(name) or normalize(query).replace(" ", "_") in nid


@builtin
def test_builtin_every_node_resolves_by_its_id():
    ds = Dataset.load()
    index = PlaceIndex(ds)
    for nid in ds.nodes:
        assert index.resolve(nid) == nid
