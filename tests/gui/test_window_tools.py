"""Measure tool, zoom actions and the state the window keeps between runs."""
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from atlas_testing import open_window, run_js, wait_rendered
from geodata.measure import distance_km


def test_measure_tool_gives_geodesic_km_and_esc_clears(window, qtbot):
    window.act_measure.trigger()
    wait_rendered(qtbot, window)
    target = window.map.focusProxy()
    pts = [QPoint(400, 300), QPoint(700, 500)]
    for p in pts:
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    qtbot.waitUntil(lambda: window.measure_km is not None and window.map_measure_points() == 2, timeout=5000)
    lls = [run_js(qtbot, window.map, f"JSON.stringify(atlasMap.containerPointToLatLng([{p.x()}, {p.y()}]))") for p in pts]
    expected = distance_km((lls[0]["lng"], lls[0]["lat"]), (lls[1]["lng"], lls[1]["lat"]))
    assert abs(window.measure_km - expected) < 0.01 * expected
    assert "km" in window.statusBar().currentMessage()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.measure_km is None, timeout=5000)
    assert run_js(qtbot, window.map, "JSON.stringify(atlasMap.atlasMeasuring && 1 || 0)") == 1
    window.act_measure.trigger()


def test_window_remembers_layers_and_view(qtbot, dataset, tmp_path):
    settings = tmp_path / "state.ini"
    w = open_window(qtbot, dataset, settings)
    w.layer_list.set_visible("roads", False)
    w.map.bridge.send("setView", center=[30.5, 66.0], zoom=7)
    qtbot.waitUntil(lambda: w.last_view is not None and abs(w.last_view["zoom"] - 7) < 0.01, timeout=5000)
    w.close()
    w2 = open_window(qtbot, dataset, settings)
    assert w2.layer_list.get("roads").visible is False
    assert w2.last_counts["roads"] == 0
    qtbot.waitUntil(lambda: w2.last_view is not None, timeout=5000)
    assert abs(w2.last_view["center"][0] - 30.5) < 0.05 and abs(w2.last_view["center"][1] - 66.0) < 0.05
    assert abs(w2.last_view["zoom"] - 7) < 0.01
    w2.close()


def test_full_extent_shows_kazakhstan_to_the_arabian_sea(window, qtbot):
    window.zoom_full()
    wait_rendered(qtbot, window)
    b = run_js(qtbot, window.map, "JSON.stringify(atlasMap.getBounds().toBBoxString().split(',').map(Number))")
    west, south, east, north = b
    assert south < 25.0 and north > 47.0      # Karachi and Gwadar up to Astana
    assert west < 60.0 and east > 75.0        # the Caspian to Almaty/Kashgar
