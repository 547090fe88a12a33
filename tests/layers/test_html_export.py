"""layers.html_export: one offline HTML file, every visible layer in it, all data text escaped."""
from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest

from geodata import BUILTIN_DATA
from geodata.dataset import Dataset
from layers.catalog import build_layers
from layers.html_assets import inline_css
from layers.html_export import export_html, render_html
from layers.html_safe import script_json
from layers.layer_list import LayerList

XSS = "<img src=x onerror=alert(1)>"
XSS_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _node(nid, lon, lat, kind="city", country="KAZ", **extra):
    props = {"id": nid, "name": nid.replace("-", " ").title(), "kind": kind, "country": country,
             "modes": ["rail", "road"], "status": "operational", "sources": ["src-official"],
             "confidence": "high", "note": ""}
    if kind == "border_crossing":
        del props["country"]
        props["countries"] = extra.pop("countries")
    props.update(extra)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def _segment(sid, start, end, coords, mode="rail", gauge=1520, countries=("KAZ",), **extra):
    props = {"id": sid, "name": sid.replace("-", " ").title(), "line": "Test line", "mode": mode,
             "status": "operational", "status_date": "2024-05", "gauge_mm": gauge, "from": start, "to": end,
             "countries": list(countries), "agreements": [], "sources": ["src-news"], "confidence": "medium",
             "note": "built in the 1930s"}
    props.update(extra)
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": props}


def write_small_dataset(folder: Path) -> Path:
    """Shymkent -> border -> Tashkent -> Termez -> (planned) Mazar -> Karachi port, plus a
    dry port named like an XSS probe and texts with quotes, ampersands and template syntax."""
    nodes = [
        _node("shymkent", 69.59, 42.32),
        _node("zhibek-zholy", 69.28, 41.38, kind="border_crossing", countries=["KAZ", "UZB"],
              name_other_side="Gisht Kuprik", name="Zhibek Zholy / Gisht Kuprik"),
        _node("tashkent", 69.24, 41.30, country="UZB"),
        _node("termez", 67.28, 37.22, kind="border_crossing", countries=["UZB", "AFG"], modes=["rail"],
              name="Termez–Hairatan \"Friendship\" bridge"),
        _node("xss-dry-port", 67.10, 36.70, kind="dry_port", country="AFG", name=XSS,
              note="</script><script>alert(2)</script>"),
        _node("mazar", 67.11, 36.71, kind="junction", country="AFG", name="Mazar-i-Sharif & {{ 7*7 }}"),
        _node("karachi-port", 66.98, 24.84, kind="seaport", country="PAK", modes=["rail", "road", "sea"],
              name="Karachi Port `${alert(3)}`"),
    ]
    segments = [
        _segment("shymkent-border", "shymkent", "zhibek-zholy", [[69.59, 42.32], [69.45, 41.9], [69.28, 41.38]],
                 agreements=["kaz-uzb-rail"], opened=1940),
        _segment("border-tashkent", "tashkent", "zhibek-zholy", [[69.24, 41.30], [69.281, 41.381]], countries=["UZB"]),
        _segment("tashkent-termez", "tashkent", "termez", [[69.24, 41.30], [68.0, 39.0], [67.28, 37.22]],
                 countries=["UZB"]),
        _segment("termez-mazar", "termez", "mazar", [[67.28, 37.22], [67.11, 36.71]], gauge=1520,
                 countries=["UZB", "AFG"], name="Hairatan–Mazar <b>rail</b>"),
        _segment("mazar-karachi", "mazar", "karachi-port", [[67.11, 36.71], [68.5, 31.0], [66.98, 24.84]],
                 gauge=1676, countries=["AFG", "PAK"], status="proposed", expected=2035,
                 name="Trans-Afghan (proposed)"),
        _segment("road-termez-karachi", "termez", "karachi-port", [[67.28, 37.22], [69.0, 30.0], [66.98, 24.84]],
                 mode="road", gauge=None, countries=["UZB", "AFG", "PAK"], status="planned", expected=2030,
                 name="Road 'via Kabul'"),
    ]
    agreements = [{
        "id": "kaz-uzb-rail", "title": "Rail transit agreement <i>1997</i>", "kind": "transit_agreement",
        "parties": ["KAZ", "UZB"], "status": "in_force",
        "dates": {"signed": "1997-03-15", "in_force": "1998", "expected": None},
        "covers": {"segments": ["shymkent-border"], "nodes": ["zhibek-zholy"]},
        "summary": "Through traffic by rail.", "sources": ["src-official"],
    }]
    corridors = [{
        "id": "western-route", "name": "Western route <script>", "description": "Shymkent to Karachi via Termez.",
        "countries": ["KAZ", "UZB", "AFG", "PAK"],
        "segments": ["shymkent-border", "border-tashkent", "tashkent-termez", "termez-mazar", "mazar-karachi"],
        "sources": ["src-news"],
    }]
    sources = [
        {"id": "src-official", "outlet": "Ministry", "date": "2023-11-02", "title": "Statement", "kind": "official"},
        {"id": "src-news", "outlet": "Daily <Gazette>", "date": "2024", "title": "Report", "kind": "news"},
    ]
    files = {
        "nodes.geojson": {"type": "FeatureCollection", "features": nodes},
        "segments.geojson": {"type": "FeatureCollection", "features": segments},
        "agreements.json": {"agreements": agreements},
        "corridors.json": {"corridors": corridors},
        "sources.json": {"sources": sources},
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def load_dataset(tmp_path: Path) -> tuple[Dataset, bool]:
    """The built-in dataset when it exists (plus nothing), else the small one; and whether
    the XSS probe is in it."""
    if (BUILTIN_DATA / "nodes.geojson").exists():
        return Dataset.load(), False
    return Dataset.load(write_small_dataset(tmp_path / "data")), True


@pytest.fixture(scope="module")
def small_export(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    ds = Dataset.load(write_small_dataset(folder / "data"))
    layers = LayerList(build_layers(ds))
    out = export_html(ds, layers, folder / "map.html", "Corridor <Atlas> & test",
                      subtitle="Subtitle \"quoted\"", as_of="2024-05", sources_line="Sources: Daily <Gazette> (2024)")
    return ds, layers, out, out.read_text(encoding="utf-8")


def names_of(layers: LayerList) -> list[str]:
    return [f["properties"]["name"] for layer in layers if layer.visible and layer.kind != "basemap"
            for f in layer.features]


def test_export_of_the_available_dataset(tmp_path):
    ds, has_probe = load_dataset(tmp_path)
    layers = LayerList(build_layers(ds))
    out = export_html(ds, layers, tmp_path / "atlas.html", "Kazakhstan to Pakistan's ports")
    text = out.read_text(encoding="utf-8")
    assert out.exists() and 100_000 < out.stat().st_size < 3_000_000  # built-in data: about 1 MB
    for name in names_of(layers):
        assert escape(name) in text, name
    assert "Kazakhstan to Pakistan&#x27;s ports" in text
    assert 'id="atlas-legend"' in text
    assert not REMOTE.search(text)
    if has_probe:
        assert XSS_ESCAPED in text and XSS not in text


def test_every_feature_name_is_in_the_file_escaped(small_export):
    ds, layers, out, text = small_export
    names = names_of(layers)
    assert XSS in names and len(names) > 10
    for name in names:
        assert escape(name) in text, name


def test_nothing_is_loaded_from_outside(small_export):
    text = small_export[3]
    assert not REMOTE.search(text), REMOTE.search(text)
    assert "@import" not in text
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", text, re.I)
    assert "cdn.jsdelivr" not in text and "code.jquery.com" not in text and "bootstrap" not in text.lower()
    assert "<link" not in text.lower()
    assert not re.search(r"<script[^>]+src=", text, re.I)
    assert "Content-Security-Policy" in text


def test_leaflet_is_inlined(small_export):
    text = small_export[3]
    assert "L.version" in text or 'version="1.9' in text
    assert "L.map(" in text
    assert ".leaflet-container" in text
    # the layer-control icon is a data: URI, and no url() in the CSS points anywhere else
    for url in re.findall(r"url\(\s*([^)]*)\)", text):
        assert url.strip("'\" ").startswith(("data:", "#")), url


def test_xss_name_only_escaped(small_export):
    text = small_export[3]
    assert XSS not in text
    assert XSS_ESCAPED in text
    # in the tooltip, popup and legend... and nowhere a raw tag from data
    assert text.count(XSS_ESCAPED) >= 2
    for raw in ("<script>alert(2)", "</script><script>", "<b>rail</b>", "<i>1997</i>", "<Gazette>",
                "Corridor <Atlas>", "Western route <script>"):
        assert raw not in text, raw
    assert "Hairatan–Mazar &lt;b&gt;rail&lt;/b&gt;" in text
    assert "Rail transit agreement &lt;i&gt;1997&lt;/i&gt;" in text
    # data never passes through Jinja as template source, nor breaks out of a JS string
    assert "{{ 7*7 }}" in text and "& 49" not in text
    assert "Karachi Port `${alert(3)}`" in text


def test_title_subtitle_legend_notes(small_export):
    ds, layers, out, text = small_export
    assert "<title>Corridor &lt;Atlas&gt; &amp; test</title>" in text
    assert "<h1>Corridor &lt;Atlas&gt; &amp; test</h1>" in text
    assert "Subtitle &quot;quoted&quot;" in text
    assert 'id="atlas-legend"' in text
    for item in layers.legend():
        assert escape(item["label"]) in text
    assert "status as of 2024-05" in text
    assert "Sources: Daily &lt;Gazette&gt; (2024)" in text
    assert "Planned and proposed lines are indicative" in text
    assert "L.control.scale" in text and "L.control.layers" in text


def test_indicative_note_only_with_such_lines(tmp_path):
    ds = Dataset.load(write_small_dataset(tmp_path / "data"))
    layers = LayerList(build_layers(ds))
    layers.set_visible("railways_planned", False)
    layers.set_visible("roads", False)
    text = render_html(ds, layers, "No planned lines")
    assert "Planned and proposed lines are indicative" not in text
    # hidden layers are not in the file (their lines may still be named in a node's popup)
    ids = [json.loads(body)["id"] for body in re.findall(r"atlas\.layer\((\{.*?\})\);\n", text)]
    assert "roads" not in ids and "railways_planned" not in ids and "railways" in ids
    assert "Road, planned" not in text and 'stroke="#e08a00"' not in text


def test_layer_payloads_in_drawing_order_with_styles_and_symbols(small_export):
    text = small_export[3]
    calls = re.findall(r"atlas\.(basemap|layer)\((\{.*?\})\);\n", text)
    assert calls and calls[0][0] == "basemap"
    payloads = [json.loads(body) for kind, body in calls if kind == "layer"]
    ids = [p["id"] for p in payloads]
    assert ids == [layer.id for layer in small_export[1] if layer.visible and layer.kind != "basemap"]
    rail = next(p for p in payloads if p["id"] == "railways")
    assert {s["color"] for s in rail["styles"]} >= {"#b3261e"}
    seaports = next(p for p in payloads if p["id"] == "seaports")
    assert "<svg" in seaports["symbols"][0]["svg"] and "#0b4f6c" in seaports["symbols"][0]["svg"]
    templates = dict(re.findall(r'<template id="atlas-p(\d+)">(.*?)</template>', text))
    assert all(str(f["p"]) in templates for p in payloads for f in p["features"])
    popups = " ".join(templates.values())
    for fact in ("km", "Gauge", "1520 mm", "Status", "as of 2024-05", "Countries", "Uzbekistan",
                 "Border crossings", "Agreements", "in force", "signed 1997-03-15", "Sources", "Ministry"):
        assert fact in popups, fact


def test_basemap_is_embedded_and_small(small_export):
    out, text = small_export[2], small_export[3]
    body = re.search(r"atlas\.basemap\((\{.*?\})\);\n", text).group(1)
    basemap = json.loads(body)
    assert len(basemap["land"]) > 100 and len(basemap["borders"]) > 100
    assert basemap["landStyle"]["fillColor"] == "#f4f1ea" and basemap["borderStyle"]["color"] == "#8a7f8e"
    assert any(lb["html"] == "Kazakhstan" for lb in basemap["labels"])
    assert "#c9dfec" in text
    assert out.stat().st_size < 1_500_000


def test_hidden_basemap_and_view_bounds(tmp_path):
    ds = Dataset.load(write_small_dataset(tmp_path / "data"))
    layers = LayerList(build_layers(ds))
    layers.set_visible("basemap", False)
    text = render_html(ds, layers, "t", view_bounds=[[30, 60], [40, 70]])
    assert "atlas.basemap(" not in text
    assert "atlas.finish([[30.0,60.0],[40.0,70.0]], 0)" in text


def test_script_json_cannot_close_a_script():
    text = script_json({"a": "</script><!-- \u2028", "b": "&amp;"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028", "b": "&amp;"}


def test_inline_css_keeps_no_remote_url(tmp_path):
    (tmp_path / "i.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    css = ("a{background:url(i.png)} b{background:url('http://x.org/y.png')} c{background:url(//x.org/z)}"
           " d{background:url(missing.png)} @import url(http://x.org/s.css); e{behavior:url(#default#VML)}")
    out = inline_css(css, tmp_path)
    assert "data:image/png;base64," in out and "x.org" not in out and "@import" not in out
    assert "missing.png" not in out and "#default#VML" in out


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    ds = Dataset.load(write_small_dataset(tmp_path / "data"))
    layers = LayerList(build_layers(ds))
    import layers.html_export as mod

    def boom(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(mod, "render_html", boom)
    with pytest.raises(RuntimeError):
        export_html(ds, layers, tmp_path / "out.html", "t")
    assert not (tmp_path / "out.html").exists()


def test_features_without_drawable_geometry_are_left_out(tmp_path):
    ds = Dataset.load(write_small_dataset(tmp_path / "data"))
    layers = LayerList(build_layers(ds))
    roads = layers.get("roads")
    good = roads.features[0]
    roads.features += [
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[60, float("nan")], [61, 30]]},
         "properties": {**good["properties"], "id": "bad-1", "name": "Bad NaN line"}},
        {"type": "Feature", "geometry": None, "properties": {**good["properties"], "id": "bad-2", "name": "No geometry"}},
    ]
    text = render_html(ds, layers, "t")
    assert "Bad NaN line" not in text and "No geometry" not in text
    assert "Road &#x27;via Kabul&#x27;" in text


def test_layer_titles_in_the_layer_control_are_escaped(small_export):
    text = small_export[3]
    assert '.addOverlay(' in text
    assert '"Western route &lt;script&gt;"' in text


def test_as_of_a_date_or_a_finished_line(tmp_path):
    ds = Dataset.load(write_small_dataset(tmp_path / "data"))
    layers = LayerList(build_layers(ds))
    assert "status as of 2024-05" in render_html(ds, layers, "t")  # from the data
    assert "status as of 2023-01-31" in render_html(ds, layers, "t", as_of="2023-01-31")
    line = "Map of 2025-06-01 · status as of 2025-05"
    text = render_html(ds, layers, "t", as_of=line)
    assert f"<div>{line}</div>" in text and "as of Map of" not in text
