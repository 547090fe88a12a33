"""The exported HTML map in the real web engine, offscreen: Leaflet draws every layer, the
data text stays text, and the page asks for nothing but its own file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView

from atlas_testing import run_js

from geodata.dataset import Dataset
from layers.catalog import build_layers
from layers.html_export import export_html
from layers.layer_list import LayerList

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "layers"))
from test_html_export import XSS, write_small_dataset  # noqa: E402

LOCAL = {"file", "data", "about", "blob"}


class Recorder(QWebEngineUrlRequestInterceptor):
    """Records every request of the page (and lets it through: we want to see them)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.requests: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 (Qt name)
        self.requests.append(info.requestUrl().toString())


class ConsolePage(QWebEnginePage):
    def __init__(self, profile, parent=None):
        super().__init__(profile, parent)
        self.errors: list[str] = []

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802 (Qt name)
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.errors.append(f"{message} ({source}:{line})")


@pytest.fixture(scope="module")
def profile():
    # A private profile (not the app's, whose interceptor would block file: URLs).
    prof = QWebEngineProfile()
    recorder = Recorder(prof)
    prof.setUrlRequestInterceptor(recorder)
    prof.recorder = recorder
    yield prof
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    prof.deleteLater()


@pytest.fixture
def page_view(qtbot, tmp_path, profile):
    ds = Dataset.load(write_small_dataset(tmp_path / "data"))
    layers = LayerList(build_layers(ds))
    out = export_html(ds, layers, tmp_path / "map.html", "Export <test>", subtitle="offline", as_of="2024-05")
    view = QWebEngineView()
    page = ConsolePage(profile, view)
    view.setPage(page)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    profile.recorder.requests.clear()
    with qtbot.waitSignal(page.loadFinished, timeout=20000) as blocker:
        view.load(QUrl.fromLocalFile(str(out)))
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.atlasExportReady === true") is True, timeout=15000)
    yield view, page, layers, out
    view.close()
    page.deleteLater()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_leaflet_map_with_every_layer(page_view, qtbot):
    view, page, layers, out = page_view
    info = run_js(qtbot, view, """JSON.stringify({
        version: L.version,
        counts: atlas.counts,
        onMap: Object.keys(atlas.groups).filter(function (k) { return atlas.map.hasLayer(atlas.groups[k]); }),
        symbols: document.querySelectorAll('.atlas-symbol svg').length,
        paths: document.querySelectorAll('.leaflet-pane path').length,
        overlays: document.querySelectorAll('.leaflet-control-layers-overlays input').length,
        title: document.querySelector('.atlas-title h1').textContent,
        legendRows: document.querySelectorAll('.atlas-legend .row').length,
        scale: !!document.querySelector('.leaflet-control-scale'),
        foot: document.querySelector('.atlas-foot').textContent
    })""")
    assert info["version"].startswith("1.9")
    visible = [layer for layer in layers if layer.visible]
    assert sorted(info["onMap"]) == sorted(layer.id for layer in visible)
    for layer in visible:
        if layer.kind != "basemap":
            assert info["counts"][layer.id] == len(layer.features), layer.id
    points = sum(len(layer.features) for layer in visible if layer.kind == "points")
    assert info["symbols"] == points
    lines = sum(len(layer.features) for layer in visible if layer.kind in ("lines", "bands"))
    assert info["paths"] >= 2 + lines  # land, borders, each line (and the wider click targets)
    assert info["overlays"] == len(visible)
    assert info["title"] == "Export <test>"
    assert info["legendRows"] == len(layers.legend())
    assert info["scale"]
    assert "status as of 2024-05" in info["foot"] and "indicative" in info["foot"]
    assert page.errors == []


def test_data_text_shows_as_text(page_view, qtbot):
    view, page, layers, out = page_view
    info = run_js(qtbot, view, """(function () {
        var marker = atlas.groups.dry_ports.getLayers()[0];
        marker.openTooltip();
        var tooltip = document.querySelector('.atlas-tooltip').textContent;
        marker.openPopup();
        var popup = document.querySelector('.atlas-popup h3').textContent;
        var label = Array.prototype.map.call(document.querySelectorAll('.atlas-label span'),
                                             function (s) { return s.textContent; });
        return JSON.stringify({tooltip: tooltip, popup: popup, labels: label,
            imgs: document.getElementsByTagName('img').length,
            scripts: document.scripts.length,
            handlers: document.querySelectorAll('[onerror],[onload]').length});
    })()""")
    assert info["tooltip"] == XSS
    assert info["popup"] == XSS
    assert XSS in info["labels"]
    assert info["imgs"] == 0 and info["handlers"] == 0
    assert info["scripts"] == out.read_text(encoding="utf-8").count("<script")  # none added from data


def test_layer_control_switches_a_layer(page_view, qtbot):
    view, page, layers, out = page_view
    before = run_js(qtbot, view, "document.querySelectorAll('.atlas-symbol').length")
    run_js(qtbot, view, """(function () {
        var labels = document.querySelectorAll('.leaflet-control-layers-overlays label');
        Array.prototype.forEach.call(labels, function (l) {
            if (l.textContent.trim() === 'Seaports') l.querySelector('input').click();
        });
        return '0';
    })()""")
    after = run_js(qtbot, view, "document.querySelectorAll('.atlas-symbol').length")
    seaports = len(layers.get("seaports").features)
    assert seaports and after == before - seaports


def test_no_request_but_the_file(page_view, profile):
    view, page, layers, out = page_view
    requests = profile.recorder.requests
    assert requests and requests[0].startswith("file://")
    remote = [u for u in requests if u.split(":", 1)[0] not in LOCAL]
    assert remote == []
    assert [u for u in requests if u.startswith("file:")] == [QUrl.fromLocalFile(str(out)).toString()]
