"""The user's own files in the real window: open, draw, toggle, remove, click, restore, drop,
bad files, and hostile text end to end (tooltips, side panel, exports)."""
from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shapely.geometry import LineString, Point, Polygon

from atlas_testing import SHARED, open_window, run_js, wait_rendered
from gui.user_data import USER_ROLE
from layers.user_layers import CANVAS_FROM_FEATURES

MARKUP = "<img src=x onerror=alert(1)>"
HOSTILE_KML = SHARED / "testdata" / "gis-files" / "hostile" / "gdal_autotest_description_with_markup.kml"
# points in deserts, clear of every built-in line and place (so clicks land on the user layer)
DASHT_E_KAVIR, TAKLAMAKAN, KYZYLKUM = (54.6, 34.3), (83.0, 38.6), (63.2, 42.9)


# -- helpers ---------------------------------------------------------------------------------
def ports(path: Path, names=("Karachi", "Gwadar", "Almaty")) -> Path:
    gpd.GeoDataFrame({"name": list(names), "note": ["deep-water port", "<b>bold</b> & more", None],
                      "berths": [30, 5, 0]},
                     geometry=[Point(*DASHT_E_KAVIR), Point(*TAKLAMAKAN), Point(*KYZYLKUM)], crs="EPSG:4326").to_file(path)
    return path


def many_lines(path: Path, n: int, first_name: str = "line 0") -> Path:
    """n short lines around Central Asia (more than CANVAS_FROM_FEATURES: drawn on a canvas)."""
    rng = np.random.default_rng(7)
    starts = np.column_stack([rng.uniform(55, 75, n), rng.uniform(30, 45, n)])
    geoms = [LineString([tuple(s), tuple(s + [0.3, 0.2]), tuple(s + [0.6, 0.1])]) for s in starts]
    names = [first_name] + [f"line {i}" for i in range(1, n)]
    gpd.GeoDataFrame({"name": names, "kind": ["rail"] * n}, geometry=geoms, crs="EPSG:4326").to_file(path)
    return path


def open_files(qtbot, window, *paths, expect_errors: int = 0) -> list[str]:
    """Open paths through the window; wait until the page has drawn every new layer in full."""
    ud = window.user_data
    before, errors = set(ud.layers), len(ud.errors)
    with qtbot.waitSignal(ud.idle, timeout=60000):
        assert ud.open_paths([str(p) for p in paths]) == len(paths)
    new = [i for i in ud.layers if i not in before]
    qtbot.waitUntil(lambda: all(window.last_counts.get(i) == ud.layers[i].feature_count
                                for i in new if ud.layers[i].visible), timeout=30000)
    assert len(ud.errors) - errors == expect_errors, ud.errors
    return new


def centre_on(qtbot, window, lon: float, lat: float, zoom: float = 8) -> QPoint:
    window.map.bridge.send("setView", center=[lat, lon], zoom=zoom)
    wait_rendered(qtbot, window)
    p = run_js(qtbot, window.map, f"JSON.stringify(atlasMap.latLngToContainerPoint([{lat}, {lon}]))")
    return QPoint(round(p["x"]), round(p["y"]))


def click(qtbot, window, point: QPoint):
    with qtbot.waitSignal(window.selected, timeout=10000) as blocker:
        QTest.mouseClick(window.map.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    return blocker.args[0]


def hover(qtbot, window, point: QPoint) -> str:
    """Move the mouse onto a point of the map; the text of the tooltip that opens."""
    target = window.map.focusProxy()
    QTest.mouseMove(target, point + QPoint(-30, -30))
    qtbot.wait(80)
    QTest.mouseMove(target, point + QPoint(1, 0))
    qtbot.wait(80)
    QTest.mouseMove(target, point)
    qtbot.waitUntil(lambda: run_js(qtbot, window.map, "JSON.stringify(document.querySelectorAll('.leaflet-tooltip').length)") > 0,
                    timeout=5000)
    return run_js(qtbot, window.map, "JSON.stringify(Array.from(document.querySelectorAll('.leaflet-tooltip'))"
                                     ".map(function (t) { return t.textContent; }).join('|'))")


def injected(qtbot, window) -> dict:
    """Signs of markup from data turned into live elements anywhere in the page."""
    return run_js(qtbot, window.map, """JSON.stringify({
        img: document.querySelectorAll('img[src="x"], img[onerror]').length,
        italic: document.querySelectorAll('i[attr]').length,
        alerted: window.__alerted || 0})""")


def image_requests() -> list[str]:
    """Requests any page of the app made for the image 'x' (what an injected <img src=x> would fetch)."""
    from gui import web_profile

    return [u for u in web_profile.interceptor().requests if u.rstrip("/").rsplit("/", 1)[-1] == "x"]


def panel_item(window, layer_id):
    return window.user_data.items[layer_id]


# -- opening and drawing ----------------------------------------------------------------------
def test_open_geojson_gpkg_and_csv_draws_every_feature(window, qtbot, tmp_path):
    gj = ports(tmp_path / "ports.geojson")
    gpkg = tmp_path / "two.gpkg"
    gpd.GeoDataFrame({"name": ["ML-1"]}, geometry=[LineString([DASHT_E_KAVIR, (68.86, 27.70), (71.5, 30.2)])],
                     crs="EPSG:4326").to_file(gpkg, layer="railway")
    gpd.GeoDataFrame({"name": ["zone"]}, geometry=[Polygon([(66, 24), (68, 24), (68, 26), (66, 26)])],
                     crs="EPSG:4326").to_file(gpkg, layer="zones")
    csv = tmp_path / "depots.csv"
    csv.write_text("name,lat,lon\nDepot A,43.2,76.9\nDepot B,41.3,69.2\n", encoding="utf-8")
    ids = open_files(qtbot, window, gj, gpkg, csv)
    layers = window.user_data.layers
    assert sorted(layers[i].title for i in ids) == ["depots.csv", "ports.geojson", "two.gpkg: railway", "two.gpkg: zones"]
    counts = {layers[i].title: window.last_counts[i] for i in ids}
    assert counts == {"ports.geojson": 3, "two.gpkg: railway": 1, "two.gpkg: zones": 1, "depots.csv": 2}
    # small layers are SVG: the page has one element per feature, with the layer's class
    for i in ids:
        css = "atlas-user-" + i.replace(":", "_")
        assert run_js(qtbot, window.map, f"JSON.stringify(document.querySelectorAll('.{css}').length)") == layers[i].feature_count
    # listed under "Your data", on top of the layer panel, each with a swatch
    group = window.layer_panel.topLevelItem(0)
    assert group.text(0) == "Your data" and group.childCount() == 4
    assert all(not group.child(k).icon(0).isNull() for k in range(4))
    assert window.last_counts["railways"] > 0   # the built-in layers are still drawn


def test_a_large_layer_is_drawn_on_a_canvas(window, qtbot, tmp_path):
    n = CANVAS_FROM_FEATURES + 500
    (lid,) = open_files(qtbot, window, many_lines(tmp_path / "lines.gpkg", n))
    assert window.user_data.layers[lid].canvas
    assert window.last_counts[lid] == n
    info = run_js(qtbot, window.map, f"""JSON.stringify((function () {{
        var e = atlasUserLayers.layers[{json.dumps(lid)}];
        return {{canvases: document.querySelectorAll('.leaflet-user-pane canvas').length, n: e.view.renderer.d.n,
                 drawn: e.view.renderer.drawnFeatures}}; }})())""")
    assert info["canvases"] == 1 and info["n"] == n and info["drawn"] > 0
    # what the canvas shows: the layer's colour where the lines are
    colour = window.user_data.layers[lid].style.color
    img = grab(qtbot, window)
    img.save("/tmp/atlas-user-canvas.png")
    target = tuple(int(colour[k:k + 2], 16) for k in (1, 3, 5))
    hits = sum(1 for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)
               if _close(img.pixelColor(x, y), target))
    assert hits > 50


def grab(qtbot, window):
    box = {}
    window.map.grab_when_stable(lambda image: box.setdefault("img", image))
    qtbot.waitUntil(lambda: "img" in box, timeout=20000)
    return box["img"]


def _close(c, rgb, tol=60) -> bool:
    return abs(c.red() - rgb[0]) + abs(c.green() - rgb[1]) + abs(c.blue() - rgb[2]) < tol


# -- toggle, remove, style -------------------------------------------------------------------------
def test_toggle_hides_and_shows_remove_removes(window, qtbot, tmp_path):
    (pid,) = open_files(qtbot, window, ports(tmp_path / "ports.geojson"))
    (lid,) = open_files(qtbot, window, many_lines(tmp_path / "lines.gpkg", CANVAS_FROM_FEATURES + 10))
    for layer_id, n in ((pid, 3), (lid, CANVAS_FROM_FEATURES + 10)):
        with qtbot.waitSignal(window.drawn, timeout=10000, check_params_cb=lambda c, i=layer_id: c.get(i) == 0):
            panel_item(window, layer_id).setCheckState(0, Qt.CheckState.Unchecked)
        assert window.user_data.layers[layer_id].visible is False
        with qtbot.waitSignal(window.drawn, timeout=10000, check_params_cb=lambda c, i=layer_id, n=n: c.get(i) == n):
            panel_item(window, layer_id).setCheckState(0, Qt.CheckState.Checked)
    assert run_js(qtbot, window.map, "JSON.stringify(document.querySelectorAll('.leaflet-user-pane canvas').length)") == 1
    with qtbot.waitSignal(window.drawn, timeout=10000, check_params_cb=lambda c: pid not in c):
        window.user_data.remove(pid)
    with qtbot.waitSignal(window.drawn, timeout=10000, check_params_cb=lambda c: lid not in c):
        window.user_data.remove(lid)
    assert window.user_data.layers == {} and window.user_data.group.isHidden()
    assert run_js(qtbot, window.map, "JSON.stringify([document.querySelectorAll('.leaflet-user-pane canvas, "
                                     ".leaflet-user-pane path').length, atlasUserLayers.order.length])") == [0, 0]


def test_context_menu_offers_style_table_and_remove(window, qtbot, tmp_path):
    (pid,) = open_files(qtbot, window, ports(tmp_path / "ports.geojson"))
    panel = window.layer_panel
    rect = panel.visualItemRect(panel_item(window, pid))
    window.user_data._context_menu(rect.center())
    texts = [a.text() for a in window.user_data.menu.actions() if a.text()]
    assert texts == ["Zoom to layer", "Style…", "Attribute table", "Remove"]
    window.user_data.menu.close()
    # attribute table: one row per feature, text as in the file
    view = window.user_data.show_table(pid)
    model = view.model()
    assert model.rowCount() == 3 and [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["name", "note", "berths"]
    assert model.data(model.index(1, 1)) == "<b>bold</b> & more" and model.data(model.index(2, 1)) == ""
    # a row picked in the table selects the feature
    with qtbot.waitSignal(window.selected, timeout=5000) as blocker:
        view.selectRow(1)
    assert blocker.args[0]["name"] == "Gwadar"
    # Delete in the panel removes the current user layer
    panel.setCurrentItem(panel_item(window, pid))
    panel.setFocus()
    with qtbot.waitSignal(window.user_data.removed, timeout=5000):
        QTest.keyClick(panel, Qt.Key.Key_Delete)
    assert model.rowCount() == 0


def test_style_changes_the_drawing_and_the_swatch(window, qtbot, tmp_path):
    from layers.user_layers import UserStyle

    (pid,) = open_files(qtbot, window, ports(tmp_path / "ports.geojson"))
    before = panel_item(window, pid).icon(0).pixmap(34, 16).toImage()
    window.user_data.set_style(pid, UserStyle(color="#123456", symbol="square", size=14))
    wait_rendered(qtbot, window)
    css = "atlas-user-" + pid.replace(":", "_")
    fill = run_js(qtbot, window.map, f"JSON.stringify(document.querySelector('.{css}').getAttribute('fill'))")
    assert fill == "#123456"
    d = run_js(qtbot, window.map, f"JSON.stringify(document.querySelector('.{css}').getAttribute('d'))")
    assert d.count("L") == 3 and d.endswith("z")   # a square, not an arc
    assert panel_item(window, pid).icon(0).pixmap(34, 16).toImage() != before


# -- clicking -------------------------------------------------------------------------------------------
def test_click_on_a_user_point_fills_the_side_panel(window, qtbot, tmp_path):
    (pid,) = open_files(qtbot, window, ports(tmp_path / "ports.geojson"))
    at = centre_on(qtbot, window, *TAKLAMAKAN)
    facts = click(qtbot, window, at)
    assert facts["type"] == "user_feature" and facts["layer"] == pid and facts["name"] == "Gwadar"
    text = window.feature_panel.toPlainText()
    assert "Gwadar" in text and "<b>bold</b> & more" in text and "ports.geojson" in text
    assert window.selection == [{"layer": pid, "id": "1"}]
    assert run_js(qtbot, window.map, "JSON.stringify(atlasUserLayers.highlightGroup.getLayers().length)") == 1
    # a click on empty sea clears it
    with qtbot.waitSignal(window.selected, timeout=5000):
        QTest.mouseClick(window.map.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         centre_on(qtbot, window, 64.0, 22.0))
    assert window.feature_panel.current is None


def test_click_on_a_canvas_line_fills_the_side_panel(window, qtbot, tmp_path):
    path = many_lines(tmp_path / "lines.gpkg", CANVAS_FROM_FEATURES + 100)
    (lid,) = open_files(qtbot, window, path)
    frame = gpd.read_file(path)
    k = 17
    mid = frame.geometry.iloc[k].coords[1]     # a vertex in the middle of the line
    facts = click(qtbot, window, centre_on(qtbot, window, mid[0], mid[1], zoom=10))
    assert facts["type"] == "user_feature" and facts["layer"] == lid
    # the topmost line at that pixel: line k unless another one crosses the same spot
    assert shapely.distance(frame.geometry.iloc[facts["index"]], Point(mid)) < 0.01
    assert f"line {facts['index']}" in window.feature_panel.toPlainText()
    assert "km (geodesic)" in window.feature_panel.toPlainText()


def test_built_in_lines_stay_clickable_over_a_canvas_layer(window, qtbot, tmp_path, dataset):
    open_files(qtbot, window, many_lines(tmp_path / "lines.gpkg", CANVAS_FROM_FEATURES + 100))
    sid = max((s for s, f in dataset.segments.items() if f["properties"]["mode"] == "rail"
               and f["properties"]["status"] == "operational"), key=lambda s: dataset.segment_km[s])
    mid = shapely.geometry.shape(dataset.segments[sid]["geometry"]).interpolate(0.5, normalized=True)
    facts = click(qtbot, window, centre_on(qtbot, window, mid.x, mid.y))
    assert facts["type"] == "segment"


# -- the session ------------------------------------------------------------------------------------------
def test_layers_styles_and_visibility_come_back_on_next_start(qtbot, dataset, tmp_path):
    from layers.user_layers import UserStyle

    settings = tmp_path / "session.ini"
    gj, gone = ports(tmp_path / "ports.geojson"), ports(tmp_path / "gone.geojson")
    w = open_window(qtbot, dataset, settings)
    pid, gid = open_files(qtbot, w, gj, gone)
    if w.user_data.layers[pid].source != gj:
        pid, gid = gid, pid
    w.user_data.set_style(pid, UserStyle(color="#00ff00", weight=5, symbol="diamond"))
    w.user_data.set_visible(pid, False)
    w.close()
    gone.unlink()
    w2 = open_window(qtbot, dataset, settings)
    qtbot.waitUntil(lambda: not w2.user_data.busy and len(w2.user_data.errors) == 1, timeout=30000)
    (layer,) = w2.user_data.layers.values()
    assert layer.source == gj and layer.style.color == "#00ff00" and layer.style.symbol == "diamond"
    assert layer.visible is False and w2.user_data.items[layer.id].checkState(0) == Qt.CheckState.Unchecked
    assert "gone.geojson" in w2.user_data.errors[0] and "does not exist" in w2.user_data.errors[0]
    assert w2.user_data.error_box.isVisible() and not w2.user_data.error_box.isModal()
    assert "gone.geojson" in w2.statusBar().currentMessage() or "gone.geojson" in w2.user_data.error_box.text()
    with qtbot.waitSignal(w2.drawn, timeout=10000, check_params_cb=lambda c: c.get(layer.id) == 3):
        w2.user_data.set_visible(layer.id, True)
    w2.close()
    # the file that is gone is no longer in the list
    w3 = open_window(qtbot, dataset, settings)
    qtbot.waitUntil(lambda: not w3.user_data.busy and len(w3.user_data.layers) == 1, timeout=30000)
    assert w3.user_data.errors == []
    w3.close()


# -- drag and drop ----------------------------------------------------------------------------------------
def _drop(target, paths, pos=QPointF(300, 300)) -> QDropEvent:
    """Drag files over target and drop them there, as a file manager does (enter, move, drop)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, event)
    return event


def test_files_dropped_on_the_window_or_the_map_are_opened(window, qtbot, tmp_path):
    ud = window.user_data
    with qtbot.waitSignal(ud.idle, timeout=30000):
        event = _drop(window, [ports(tmp_path / "a.geojson")])
    assert event.isAccepted()
    with qtbot.waitSignal(ud.idle, timeout=30000):
        _drop(window.map.focusProxy(), [ports(tmp_path / "b.geojson")])
    qtbot.waitUntil(lambda: sorted(layer.title for layer in ud.layers.values()) == ["a.geojson", "b.geojson"], timeout=5000)
    qtbot.waitUntil(lambda: all(window.last_counts.get(i) == 3 for i in ud.layers), timeout=10000)
    # something that is not a file is not taken
    mime = QMimeData()
    mime.setText("hello")
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted() and len(ud.layers) == 2


# -- bad files ----------------------------------------------------------------------------------------------
def test_bad_files_give_a_message_and_leave_loaded_layers_intact(window, qtbot, tmp_path):
    (pid,) = open_files(qtbot, window, ports(tmp_path / "ports.geojson"))
    empty = tmp_path / "empty.geojson"
    empty.write_bytes(b"")
    truncated = tmp_path / "cut.geojson"
    truncated.write_text(ports(tmp_path / "whole.geojson").read_text()[:150], encoding="utf-8")
    nocoords = tmp_path / "names.csv"
    nocoords.write_text("name,note\nKarachi,port\n", encoding="utf-8")
    before = dict(window.last_counts)
    open_files(qtbot, window, empty, truncated, nocoords, expect_errors=3)
    errors = "\n".join(window.user_data.errors)
    assert "empty.geojson" in errors and "empty (0 bytes)" in errors
    assert "cut.geojson" in errors and "names.csv" in errors
    assert all("Traceback" not in e for e in window.user_data.errors)
    box = window.user_data.error_box
    assert box.isVisible() and not box.isModal() and "names.csv" in box.text() and "cut.geojson" in box.text()
    assert list(window.user_data.layers) == [pid]
    wait_rendered(qtbot, window)
    assert window.last_counts == before
    # the window carries on: another good file opens
    open_files(qtbot, window, ports(tmp_path / "again.geojson"))


# -- hostile text -----------------------------------------------------------------------------------------------
@pytest.fixture
def trap(window, qtbot):
    """alert() in the page only counts (it would block a headless test otherwise)."""
    run_js(qtbot, window.map, "window.alert = function () { window.__alerted = (window.__alerted || 0) + 1; }; '0'")
    return window


def test_markup_in_names_is_text_in_tooltips_side_panel_and_table(trap, qtbot, tmp_path):
    window = trap
    svg_file = ports(tmp_path / "xss.geojson", names=(MARKUP, "Gwadar", "Almaty"))
    canvas_file = many_lines(tmp_path / "xss_lines.gpkg", CANVAS_FROM_FEATURES + 1, first_name=MARKUP)
    files = [svg_file, canvas_file] + ([HOSTILE_KML] if HOSTILE_KML.exists() else [])
    ids = open_files(qtbot, window, *files)
    layers = window.user_data.layers
    # SVG layer: hover Karachi, click it
    at = centre_on(qtbot, window, *DASHT_E_KAVIR)
    assert hover(qtbot, window, at) == MARKUP
    facts = click(qtbot, window, at)
    assert facts["name"] == MARKUP and MARKUP in window.feature_panel.toPlainText()
    # canvas layer: hover and click the first line
    line0 = gpd.read_file(canvas_file).geometry.iloc[0].coords[1]
    at = centre_on(qtbot, window, line0[0], line0[1], zoom=11)
    assert hover(qtbot, window, at) == MARKUP
    facts = click(qtbot, window, at)
    assert facts["index"] == 0 and MARKUP in window.feature_panel.toPlainText()
    if HOSTILE_KML.exists():
        kml = next(i for i in ids if layers[i].source == HOSTILE_KML)
        facts = click(qtbot, window, centre_on(qtbot, window, 2, 49))
        assert facts["layer"] == kml and facts["name"] == "Simple placemark"
        text = window.feature_panel.toPlainText()
        assert '<i attr="val">Interesting</i>' in text and "<br></br>" in text
        model = window.user_data.show_table(kml).model()
        col = layers[kml].columns.index("description")
        assert '<i attr="val">' in model.data(model.index(0, col))
    wait_rendered(qtbot, window)
    assert injected(qtbot, window) == {"img": 0, "italic": 0, "alerted": 0}
    assert image_requests() == []


def test_markup_stays_text_in_png_and_html_exports(trap, qtbot, tmp_path):
    window = trap
    ids = open_files(qtbot, window, ports(tmp_path / "xss.geojson", names=(MARKUP, "Gwadar", "Almaty")),
                     *([HOSTILE_KML] if HOSTILE_KML.exists() else []))
    # HTML export: the user layer is in it, its name escaped, never as an element
    out = tmp_path / "map.html"
    with _export(qtbot, window, out):
        pass
    html = out.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<i attr="val">' not in html
    # ... and opened in a browser: tooltip, popup and label of the user's point are text
    shown = _open_export(qtbot, out, ids[0])
    assert shown["tooltip"] == MARKUP and shown["popup"] == MARKUP and MARKUP in shown["labels"]
    assert shown["imgs"] == 0 and shown["handlers"] == 0 and shown["alerted"] == 0
    # PNG export renders the page with the user layer and writes the image
    png = tmp_path / "map.png"
    with _export(qtbot, window, png):
        pass
    assert png.stat().st_size > 10_000
    assert image_requests() == []     # the export's own page drew the name as text too
    assert window.user_data.export_layers().get(ids[0]).features[0]["properties"]["name"] == MARKUP
    assert injected(qtbot, window)["alerted"] == 0


class _export:
    """Run a window export and wait for its file (or fail with its message)."""

    def __init__(self, qtbot, window, out):
        self.qtbot, self.window, self.out = qtbot, window, out

    def __enter__(self):
        self.job = self.window.export(self.out, 1280, 800, title="Your data")
        self.box = {}
        self.job.finished.connect(lambda p: self.box.setdefault("ok", p))
        self.job.failed.connect(lambda m: self.box.setdefault("fail", m))
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self.qtbot.waitUntil(lambda: bool(self.box), timeout=60000)
            assert "ok" in self.box, self.box
        return False


def _open_export(qtbot, out: Path, layer_id: str) -> dict:
    """Load an HTML export in a web view of its own (a private profile) and read what it shows."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    profile = QWebEngineProfile()
    view = QWebEngineView()
    page = QWebEnginePage(profile, view)
    view.setPage(page)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    try:
        with qtbot.waitSignal(page.loadFinished, timeout=20000):
            view.load(QUrl.fromLocalFile(str(out)))
        run_js(qtbot, view, "window.alert = function () { window.__alerted = (window.__alerted || 0) + 1; }; '0'")
        qtbot.waitUntil(lambda: run_js(qtbot, view, "window.atlasExportReady === true") is True, timeout=15000)
        return run_js(qtbot, view, """(function () {
            var marker = atlas.groups[%s].getLayers()[0];
            marker.openTooltip();
            var tooltip = document.querySelector('.atlas-tooltip').textContent;
            marker.openPopup();
            var popup = document.querySelector('.atlas-popup h3').textContent;
            return JSON.stringify({tooltip: tooltip, popup: popup,
                labels: Array.prototype.map.call(document.querySelectorAll('.atlas-label span'), function (s) { return s.textContent; }),
                imgs: document.getElementsByTagName('img').length,
                handlers: document.querySelectorAll('[onerror],[onload]').length, alerted: window.__alerted || 0});
        })()""" % json.dumps(layer_id))
    finally:
        view.close()
        page.deleteLater()
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        profile.deleteLater()


def test_file_menu_has_open_and_the_style_dialog_gives_a_style(window, qtbot, tmp_path):
    from gui.user_data import StyleDialog

    file_menu = window.menuBar().actions()[0].menu()
    assert window.user_data.act_open in file_menu.actions() and window.user_data.act_open_folder in file_menu.actions()
    assert window.user_data.act_open.shortcut().toString() == "Ctrl+O"
    (pid,) = open_files(qtbot, window, ports(tmp_path / "ports.geojson"))
    dlg = StyleDialog(window.user_data.layers[pid], window)
    qtbot.addWidget(dlg)
    dlg.colour = "#abcdef"
    dlg.weight.setValue(4)
    dlg.symbol.setCurrentText("triangle")
    dlg.size.setValue(16)
    style = dlg.style()
    assert (style.color, style.weight, style.symbol, style.size) == ("#abcdef", 4, "triangle", 16)


# -- the shared corpus of real-world files --------------------------------------------------------------------
CORPUS = SHARED / "testdata" / "gis-files"


def _corpus(*outcomes) -> list[Path]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        pytest.skip("the shared GIS test corpus is absent")
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return [CORPUS / row[0] for row in rows if row[2] in outcomes]


def test_every_loadable_corpus_file_is_drawn_in_full_and_bad_ones_change_nothing(window, qtbot):
    good, bad = _corpus("load", "load_as_text"), _corpus("reject")
    ids = open_files(qtbot, window, *good)
    layers = window.user_data.layers
    assert {layers[i].source for i in ids} == set(good)
    for i in ids:
        assert window.last_counts[i] == layers[i].feature_count > 0, layers[i].title
    assert any(layers[i].canvas for i in ids) and any(not layers[i].canvas for i in ids)
    assert window.map.bridge.page_errors == []
    before = dict(window.last_counts)
    open_files(qtbot, window, *bad, expect_errors=len(bad))
    assert set(window.user_data.layers) == set(ids)
    wait_rendered(qtbot, window)
    assert window.last_counts == before
    assert window.map.bridge.page_errors == []


def test_a_reloaded_page_gets_the_user_layers_again(window, qtbot, tmp_path):
    (pid,) = open_files(qtbot, window, ports(tmp_path / "ports.geojson"))
    with qtbot.waitSignal(window.drawn, timeout=30000, check_params_cb=lambda c: c.get(pid) == 3):
        window.map.load_page()


def test_click_inside_a_canvas_area_selects_it_but_not_in_its_hole(window, qtbot, tmp_path):
    # a grid of small squares in the Karakum (canvas), the first one with a hole in the middle
    squares = [Polygon([(58 + 0.3 * (k % 40), 38 + 0.3 * (k // 40)), (58.2 + 0.3 * (k % 40), 38 + 0.3 * (k // 40)),
                        (58.2 + 0.3 * (k % 40), 38.2 + 0.3 * (k // 40)), (58 + 0.3 * (k % 40), 38.2 + 0.3 * (k // 40))])
               for k in range(CANVAS_FROM_FEATURES)]
    squares[0] = Polygon(squares[0].exterior.coords, [[(58.07, 38.07), (58.13, 38.07), (58.13, 38.13), (58.07, 38.13)]])
    path = tmp_path / "areas.gpkg"
    gpd.GeoDataFrame({"name": [f"area {k}" for k in range(len(squares))]}, geometry=squares, crs="EPSG:4326").to_file(path)
    (aid,) = open_files(qtbot, window, path)
    assert window.user_data.layers[aid].canvas
    facts = click(qtbot, window, centre_on(qtbot, window, 58.04, 38.04, zoom=11))   # inside, off the hole
    assert facts["layer"] == aid and facts["name"] == "area 0" and facts["geometry"] == "Polygon"
    with qtbot.waitSignal(window.selected, timeout=10000) as blocker:              # in the hole: nothing
        QTest.mouseClick(window.map.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         centre_on(qtbot, window, 58.1, 38.1, zoom=11))
    assert blocker.args[0] is None
